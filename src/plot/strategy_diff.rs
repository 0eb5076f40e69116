//! "Strategies against the baseline": the paired change in P(every TPS on time) of each
//! strategy, as a dot with its 95% interval, best at the top.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::framed::Body;
use super::{Chart, framed};
use super::{Drawn, Mark, colour, font, legend_row, size, text, text_width};
use crate::error::Result;
use crate::lang::t;
use crate::strategy::Comparison;

/// The chart.
pub(crate) struct DiffChart<'a>(pub &'a Comparison);

impl Body for DiffChart<'_> {
    fn draw<DB: DrawingBackend<ErrorType: 'static>>(
        &self,
        root: &DrawingArea<DB, Shift>,
        body: &DrawingArea<DB, Shift>,
    ) -> Result<()> {
        let mut rows: Vec<_> = self.0.strategies.iter().collect();
        rows.sort_by(|a, b| {
            b.overall
                .diff
                .mean
                .total_cmp(&a.overall.diff.mean)
                .then(a.name.cmp(&b.name))
        });
        let n = rows.len();
        if n == 0 {
            return super::message(body, &t!(super::lang(), "strategies-none"));
        }
        let (bw, bh) = body.dim_in_pixel();
        let (plot, strip) = body.split_vertically(bh - 44);
        let lf = font(size::LABEL);
        let name_w = rows
            .iter()
            .map(|r| text_width(&r.name, &lf))
            .max()
            .unwrap_or(0)
            .min(bw as i32 / 3);
        let lo = rows
            .iter()
            .map(|r| r.overall.diff.lo)
            .fold(0.0f64, f64::min);
        let hi = rows
            .iter()
            .map(|r| r.overall.diff.hi)
            .fold(0.0f64, f64::max);
        let pad = ((hi - lo) * 0.15).max(0.005);
        let (x0, x1) = (lo - pad * 0.5, hi + pad);
        // Ticks from the data range in percentage points, with the decimals they need, so
        // that no two labels read the same.
        let plot_w = bw as i32 - name_w - 80;
        let (pp, decimals) =
            super::nice_ticks(x0 * 100.0, x1 * 100.0, (plot_w / 120).max(2) as usize);
        let xticks: Vec<f64> = pp.iter().map(|v| v / 100.0).collect();
        let mut chart = ChartBuilder::on(&plot)
            .margin_top(8)
            .margin_right(30)
            .x_label_area_size(60)
            .y_label_area_size(name_w + 20)
            .build_cartesian_2d(
                super::ticked(x0..x1, xticks),
                super::ticked(-0.5..n as f64 - 0.5, (0..n).map(|i| i as f64).collect()),
            )
            .drawn()?;
        let names: Vec<String> = rows.iter().map(|r| r.name.clone()).collect();
        let yl = |y: &f64| super::row_label(&names, *y, name_w);
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(colour::GRID)
            .x_label_formatter(&|x| {
                let v = x * 100.0;
                let v = if v.abs() < 1e-9 { 0.0 } else { v };
                {
                    let n = super::num(v, decimals);
                    if n.starts_with('-') {
                        n
                    } else {
                        format!("+{n}")
                    }
                }
            })
            .y_label_formatter(&yl)
            .label_style(font(size::LABEL))
            .axis_desc_style(font(size::AXIS))
            .x_desc(t!(super::lang(), "strategy-diff-x"))
            .draw()
            .drawn()?;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(0.0, -0.5), (0.0, n as f64 - 0.5)],
                colour::GREY.stroke_width(2),
            )))
            .drawn()?;
        // Whisker caps: 15% of a row, at most 12 pixels each side (one strategy fills the
        // whole height).
        let (_, plot_h) = chart.plotting_area().dim_in_pixel();
        let cap = (12.0 * n as f64 / plot_h.max(1) as f64).min(0.15);
        for (i, r) in rows.iter().enumerate() {
            let y = (n - 1 - i) as f64;
            let d = &r.overall.diff;
            let c = if d.lo > 0.0 {
                colour::BLUE
            } else if d.hi < 0.0 {
                colour::VERMILLION
            } else {
                colour::GREY
            };
            let ws = colour::BLACK.stroke_width(2);
            chart
                .draw_series([
                    PathElement::new(vec![(d.lo, y), (d.hi, y)], ws),
                    PathElement::new(vec![(d.lo, y - cap), (d.lo, y + cap)], ws),
                    PathElement::new(vec![(d.hi, y - cap), (d.hi, y + cap)], ws),
                ])
                .drawn()?;
            chart
                .draw_series(std::iter::once(Circle::new((d.mean, y), 9, c.filled())))
                .drawn()?;
            let cost = r
                .cost_idr
                .map(|c| format!(", {}", crate::lang::format::money(super::lang(), c)))
                .unwrap_or_default();
            let pts = |x: f64| {
                let n = super::num(x * 100.0, 1);
                if n.starts_with('-') {
                    n
                } else {
                    format!("+{n}")
                }
            };
            let lab = format!("{} ({} … {}){cost}", pts(d.mean), pts(d.lo), pts(d.hi));
            let tw = text_width(&lab, &lf);
            let (rx, py) = chart.backend_coord(&(d.hi, y));
            let (lx, _) = chart.backend_coord(&(d.lo, y));
            let (edge, _) = chart.backend_coord(&(x1, y));
            let (left, _) = chart.backend_coord(&(x0, y));
            // Right of the whisker, else left of it, else above the dot (never over the
            // strategies' names).
            let (x, py, h, v) = if rx + 12 + tw <= edge {
                (rx + 12, py, HPos::Left, VPos::Center)
            } else if lx - 12 - tw >= left {
                (lx - 12, py, HPos::Right, VPos::Center)
            } else {
                let (mx, _) = chart.backend_coord(&(d.mean, y));
                let mx = mx.clamp(left + tw / 2, edge - tw / 2);
                (mx, py - 11, HPos::Center, VPos::Bottom)
            };
            root.draw(&Text::new(
                lab,
                (x, py),
                text(font(size::LABEL), colour::BLACK, h, v),
            ))
            .drawn()?;
        }
        legend(&strip, name_w)
    }
}

/// The legend under the diff chart: what the dot colours and the whiskers mean.
fn legend<DB: DrawingBackend<ErrorType: 'static>>(
    strip: &DrawingArea<DB, Shift>,
    name_w: i32,
) -> Result<()> {
    legend_row(
        strip,
        (name_w + 20, 22),
        &[
            (
                Mark::Dot(colour::BLUE, 8),
                t!(super::lang(), "strategy-better"),
            ),
            (
                Mark::Dot(colour::GREY, 8),
                t!(super::lang(), "strategy-no-clear"),
            ),
            (
                Mark::Dot(colour::VERMILLION, 8),
                t!(super::lang(), "strategy-worse"),
            ),
            (
                Mark::Whisker(colour::BLACK),
                t!(super::lang(), "paired-interval"),
            ),
        ],
    )
}

/// The two strategy charts.
pub fn charts(scenario: &str, c: &Comparison) -> Result<Vec<Chart>> {
    let f = framed::footer(scenario, c.seed, c.runs, &t!(super::lang(), "per-strategy"));
    Ok(vec![
        framed::render(
            "strategies",
            &t!(super::lang(), "strategies-title"),
            &t!(super::lang(), "strategies-guide"),
            &f,
            &super::strategy_diff::DiffChart(c),
        )?,
        framed::render(
            "strategy_cost",
            &t!(super::lang(), "strategy-cost-title"),
            &t!(super::lang(), "strategy-cost-guide"),
            &f,
            &super::strategy_cost::CostChart(c),
        )?,
    ])
}
