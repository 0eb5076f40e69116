//! "On time by kecamatan": for each kecamatan, its hub's (PPK) P(on time) and the chance that
//! every one of its TPS is on time, as horizontal bars with their 95% intervals, riskiest at
//! the top, against the on-time target.

use plotters::coord::Shift;
use plotters::coord::cartesian::Cartesian2d;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{Ctx, Drawn, Mark, colour, font, legend_row, pct, pct_short, size, text, text_width};
use crate::error::Result;
use crate::lang::t;
use crate::summary::Prob;

/// One kecamatan: its hub's P(on time) (when the hub has a deadline) and P(every TPS on time).
struct Row {
    name: String,
    hub: Option<Prob>,
    tps: Prob,
}

impl Row {
    fn bars(&self) -> Vec<(Prob, RGBColor)> {
        let mut v = vec![(self.tps, TPS)];
        if let Some(h) = self.hub {
            v.push((h, PPK));
        }
        v
    }
}

/// Colour of the PPK bars.
const PPK: RGBColor = colour::BLUE;
/// Colour of the every-TPS bars.
const TPS: RGBColor = colour::ORANGE;

/// Rows, riskiest first (the lowest P(every TPS on time), as the summary ranks them); a
/// kecamatan below the target is flagged in its name.
fn rows(ctx: &Ctx) -> Vec<Row> {
    let s = ctx.s;
    crate::summary::risk_order(&s.kecamatan)
        .into_iter()
        .map(|k| {
            let kr = &s.kecamatan[k];
            Row {
                name: if kr.below_target {
                    t!(super::lang(), "below-target-name", name = &kr.name)
                } else {
                    kr.name.clone()
                },
                hub: s.nodes[kr.hub].on_time,
                tps: kr.all_stations_on_time,
            }
        })
        .collect()
}

/// The reading guide.
pub(super) fn guide(_ctx: &Ctx) -> String {
    t!(super::lang(), "ontime-guide")
}

/// Where the probability axis starts: 0, or a round value below every interval and the target
/// when all of them are high (so that differences near 100% are visible).
fn axis_start(rows: &[Row], target: f64) -> f64 {
    let lo = rows
        .iter()
        .flat_map(|r| r.bars())
        .map(|(p, _)| p.lo)
        .fold(target.clamp(0.0, 1.0), f64::min);
    if lo < 0.5 {
        0.0
    } else {
        (((lo - 0.02) * 10.0).floor() / 10.0).max(0.0)
    }
}

/// Draw the chart into `body`.
pub(super) fn draw<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    body: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
) -> Result<()> {
    let rows = rows(ctx);
    let n = rows.len();
    if n == 0 {
        return super::message(body, &t!(super::lang(), "no-kecamatan"));
    }
    let target = ctx.s.target;
    let (bw, bh) = body.dim_in_pixel();
    let (plot, strip) = body.split_vertically(bh - 44);
    let x0 = axis_start(&rows, target);
    let step = if 1.0 - x0 >= 0.5 {
        0.1
    } else if 1.0 - x0 >= 0.2 {
        0.05
    } else {
        0.02
    };
    let ticks: Vec<f64> = (0..=((1.0 - x0) / step).round() as i64)
        .map(|i| x0 + i as f64 * step)
        .collect();
    let lf = font(size::LABEL);
    let name_w = rows
        .iter()
        .map(|r| text_width(&r.name, &lf))
        .max()
        .unwrap_or(0)
        .min(bw as i32 / 3);
    let mut chart = ChartBuilder::on(&plot)
        .margin_top(8)
        .margin_right(30)
        .x_label_area_size(64)
        .y_label_area_size(name_w + 24)
        .build_cartesian_2d(
            super::ticked(x0..1.0f64, ticks),
            super::ticked(-0.5..n as f64 - 0.5, (0..n).map(|i| i as f64).collect()),
        )
        .drawn()?;
    let labels: Vec<String> = rows.iter().map(|r| r.name.clone()).collect();
    let ylab = |y: &f64| super::row_label(&labels, *y, name_w);
    let xlab = |x: &f64| format!("{}%", super::num(x * 100.0, 0));
    let desc = if x0 > 0.0 {
        t!(super::lang(), "ontime-axis-from", from = xlab(&x0))
    } else {
        t!(super::lang(), "ontime-axis")
    };
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(colour::GRID)
        .x_label_formatter(&xlab)
        .y_label_formatter(&ylab)
        .label_style(font(size::LABEL))
        .axis_desc_style(font(size::AXIS))
        .x_desc(desc)
        .draw()
        .drawn()?;
    // Two bars a row (one without a PPK deadline), each at most 26 px high.
    let (_, py) = chart.plotting_area().dim_in_pixel();
    let row_px = py as f64 / n as f64;
    let slot = 0.84 / 2.0;
    let hh = (13.0 / row_px).min(slot * 0.46);
    let mut any_hub = false;
    for (i, r) in rows.iter().enumerate() {
        let yc = (n - 1 - i) as f64;
        let bars = r.bars();
        any_hub |= r.hub.is_some();
        for (j, (p, fill)) in bars.iter().enumerate() {
            let y = if bars.len() == 2 {
                yc + if j == 0 { slot / 2.0 } else { -slot / 2.0 }
            } else {
                yc
            };
            bar(root, &mut chart, x0, y, hh, p, *fill, &lf)?;
        }
    }
    chart
        .draw_series(std::iter::once(DashedPathElement::new(
            vec![(target, -0.5), (target, n as f64 - 0.5)],
            8,
            6,
            colour::BLACK.stroke_width(2),
        )))
        .drawn()?;
    let mut items = vec![(Mark::Block(TPS), t!(super::lang(), "ontime-every-tps"))];
    if any_hub {
        items.push((Mark::Block(PPK), t!(super::lang(), "ontime-ppk")));
    }
    items.push((
        Mark::Whisker(colour::BLACK),
        t!(super::lang(), "interval-95"),
    ));
    items.push((
        Mark::Line(colour::BLACK, true),
        t!(super::lang(), "target-line", p = pct_short(target)),
    ));
    legend_row(&strip, (name_w + 24, 22), &items)
}

/// One bar with its whisker and its figure.
#[allow(clippy::too_many_arguments)]
fn bar<DB: DrawingBackend<ErrorType: 'static>, X, Y>(
    root: &DrawingArea<DB, Shift>,
    chart: &mut ChartContext<DB, Cartesian2d<X, Y>>,
    x0: f64,
    y: f64,
    hh: f64,
    p: &Prob,
    fill: RGBColor,
    lf: &plotters::style::FontDesc<'static>,
) -> Result<()>
where
    X: plotters::coord::ranged1d::Ranged<ValueType = f64>,
    Y: plotters::coord::ranged1d::Ranged<ValueType = f64>,
{
    let v = p.p.max(x0);
    chart
        .draw_series(std::iter::once(Rectangle::new(
            [(x0, y - hh), (v, y + hh)],
            fill.filled(),
        )))
        .drawn()?;
    let (lo, hi) = (p.lo.max(x0), p.hi.max(x0));
    let ws = colour::BLACK.stroke_width(2);
    chart
        .draw_series([
            PathElement::new(vec![(lo, y), (hi, y)], ws),
            PathElement::new(vec![(lo, y - hh * 0.7), (lo, y + hh * 0.7)], ws),
            PathElement::new(vec![(hi, y - hh * 0.7), (hi, y + hh * 0.7)], ws),
        ])
        .drawn()?;
    // The figure: inside the bar when it fits before the whisker, else right of it.
    let label = format!(
        "{} ({}–{})",
        pct(p.p),
        pct(p.lo).trim_end_matches('%'),
        pct(p.hi)
    );
    let tw = text_width(&label, lf);
    let (bx0, by) = chart.backend_coord(&(x0, y));
    let (blo, _) = chart.backend_coord(&(lo, y));
    let (bhi, _) = chart.backend_coord(&(hi, y));
    let (bright, _) = chart.backend_coord(&(1.0, y));
    let inside = if fill == TPS { colour::BLACK } else { WHITE };
    let (x, c) = if bx0 + 8 + tw + 8 <= blo {
        (bx0 + 8, inside)
    } else if bhi + 10 + tw <= bright + 26 {
        (bhi + 10, colour::BLACK)
    } else {
        (bx0 + 8, inside)
    };
    root.draw(&Text::new(
        label,
        (x, by),
        text(lf.clone(), c, HPos::Left, VPos::Center),
    ))
    .drawn()
}
