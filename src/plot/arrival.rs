//! "Arrival curves": for each kecamatan, the share of replications in which its last TPS has
//! been supplied by each local time (the CDF of the kecamatan's latest TPS arrival), with the
//! H-1 deadline and the opening of voting marked.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

use super::{
    Ctx, Drawn, LEGEND_ROW, Mark, colour, font, legend_column, pct_short, series_style, size,
    time_tick_label, time_ticks_px, when,
};
use crate::error::Result;
use crate::lang::t;
use crate::summary::Summary;

/// At most this many points per curve (the CDF is sampled at bin ends, so thinning is exact at
/// the points kept).
const MAX_POINTS: usize = 600;

/// The reading guide.
pub(super) fn guide(_ctx: &Ctx) -> String {
    t!(super::lang(), "arrival-guide")
}

/// One kecamatan's curve.
struct Curve {
    name: String,
    /// (hours from start, cumulative share).
    points: Vec<(f64, f64)>,
    never: f64,
}

/// The time span of the chart: from the first arrival at any hub to the last hub's P99.5
/// (the far tail would squeeze the curves into a corner), widened to show every deadline,
/// and padded.
fn span(s: &Summary) -> (f64, f64) {
    let (mut t0, mut t1) = (f64::INFINITY, f64::NEG_INFINITY);
    for k in &s.kecamatan {
        let c = &k.last_tps_curve;
        if let Some(f) = c.first_h {
            t0 = t0.min(f);
        }
        if let Some(e) = c.p995_end_h {
            t1 = t1.max(e);
        }
    }
    for d in [s.h1_h, s.voting_opens_h].into_iter().flatten() {
        t0 = t0.min(d);
        t1 = t1.max(d);
    }
    if !t0.is_finite() || !t1.is_finite() || t1 <= t0 {
        t0 = 0.0;
        t1 = s.horizon_h.max(1.0);
    }
    let pad = (t1 - t0) * 0.04;
    (t0 - pad, t1 + pad)
}

/// Each kecamatan's curve, from its first arrival to its last (or the edge of the chart),
/// at most [`MAX_POINTS`] points.
fn curves(s: &Summary, t0: f64, t1: f64) -> Vec<Curve> {
    s.kecamatan
        .iter()
        .map(|k| {
            let c = &k.last_tps_curve;
            let bin_h = c.bin_h;
            let nb = c.cdf.len().saturating_sub(1);
            let (first, last) = c.bins;
            let i_from = first.max(((t0 / bin_h).floor().max(0.0) as usize).min(nb));
            let i_to = last.min(((t1 / bin_h).ceil().max(0.0) as usize).min(nb));
            let mut pts = Vec::new();
            if i_from < i_to {
                let stride = (i_to - i_from).div_ceil(MAX_POINTS).max(1);
                let before = if i_from == 0 { 0.0 } else { c.cdf[i_from - 1] };
                pts.push(((i_from as f64 * bin_h).max(t0), before));
                for i in i_from..i_to {
                    if (i - i_from + 1) % stride == 0 || i + 1 == i_to {
                        let t = ((i + 1) as f64 * bin_h).min(t1);
                        pts.push((t, c.cdf[i]));
                    }
                }
            }
            Curve {
                name: k.name.clone(),
                points: pts,
                never: c.never,
            }
        })
        .collect()
}

/// Draw the chart into `body`.
pub(super) fn draw<DB: DrawingBackend<ErrorType: 'static>>(
    _root: &DrawingArea<DB, Shift>,
    body: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
) -> Result<()> {
    let s = ctx.s;
    if s.kecamatan.is_empty() {
        return super::message(body, &t!(super::lang(), "no-kecamatan"));
    }
    if s.last_tps_runs == 0 {
        return super::message(body, &t!(super::lang(), "arrival-not-computed"));
    }
    let (t0, t1) = span(s);
    let curves = curves(s, t0, t1);
    let (bw, _) = body.dim_in_pixel();
    let legend_w = 310;
    let (plot, side) = body.split_horizontally(bw - legend_w);
    let plot_w = (bw - legend_w) as i32 - 84 - 24;
    let (tick_list, step) = time_ticks_px(ctx.m, t0, t1, plot_w);
    let mut chart = ChartBuilder::on(&plot)
        .margin_top(8)
        .margin_right(24)
        .x_label_area_size(64)
        .y_label_area_size(84)
        .build_cartesian_2d(
            super::ticked(t0..t1, tick_list.clone()),
            super::ticked(0.0..1.0f64, (0..=5).map(|i| i as f64 * 0.2).collect()),
        )
        .drawn()?;
    let m = ctx.m;
    let xlab = |x: &f64| time_tick_label(m, *x, step, &tick_list);
    let ylab = |y: &f64| format!("{:.0}%", y * 100.0);
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(colour::GRID)
        .x_label_formatter(&xlab)
        .y_label_formatter(&ylab)
        .label_style(font(size::LABEL))
        .axis_desc_style(font(size::AXIS))
        .x_desc(t!(
            super::lang(),
            "local-time-axis",
            year = m.start.format("%Y").to_string(),
            zone = super::zone_name(m)
        ))
        .y_desc(t!(super::lang(), "arrival-axis"))
        .draw()
        .drawn()?;
    let target = s.target;
    chart
        .draw_series(std::iter::once(DashedPathElement::new(
            vec![(t0, target), (t1, target)],
            2,
            5,
            colour::GREY.stroke_width(2),
        )))
        .drawn()?;
    // H-1 and the opening of voting.
    let deadlines: Vec<f64> = s.h1_h.into_iter().collect();
    let lines = [
        (s.h1_h, colour::BLACK),
        (s.voting_opens_h, colour::VERMILLION),
    ];
    for (d, c) in lines {
        if let Some(d) = d {
            chart
                .draw_series(std::iter::once(DashedPathElement::new(
                    vec![(d, 0.0), (d, 1.0)],
                    8,
                    6,
                    c.stroke_width(2),
                )))
                .drawn()?;
        }
    }
    for (i, c) in curves.iter().enumerate() {
        let (col, dashed) = series_style(i);
        let st = col.stroke_width(3);
        if dashed {
            chart
                .draw_series(std::iter::once(DashedPathElement::new(
                    c.points.clone(),
                    10,
                    6,
                    st,
                )))
                .drawn()?;
        } else {
            chart
                .draw_series(LineSeries::new(c.points.clone(), st))
                .drawn()?;
        }
    }
    let items: Vec<(Mark, String)> = curves
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (col, dashed) = series_style(i);
            let label = if c.never >= 0.0005 {
                t!(
                    super::lang(),
                    "arrival-never",
                    name = &c.name,
                    p = super::pct(c.never)
                )
            } else {
                c.name.clone()
            };
            (Mark::Line(col, dashed), label)
        })
        .collect();
    let y = legend_column(
        &side,
        (12, 8),
        legend_w as i32 - 16,
        Some(&t!(super::lang(), "arrival-legend")),
        &items,
    )?;
    let mut more = Vec::new();
    if let Some(d) = deadlines.first() {
        more.push((
            Mark::Line(colour::BLACK, true),
            format!("H-1 {}", when(m, *d)),
        ));
    }
    if let Some(v) = s.voting_opens_h {
        more.push((
            Mark::Line(colour::VERMILLION, true),
            t!(super::lang(), "voting-opens-at", at = when(m, v)),
        ));
    }
    more.push((
        Mark::Line(colour::GREY, true),
        t!(super::lang(), "target-line", p = pct_short(target)),
    ));
    legend_column(
        &side,
        (12, y + LEGEND_ROW / 2),
        legend_w as i32 - 16,
        None,
        &more,
    )?;
    Ok(())
}
