//! "Cost against late TPS avoided": each strategy's cost and the expected number of late TPS
//! it avoids per replication (95% interval), with the efficient frontier.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::framed::Body;
use super::{Drawn, Mark, colour, font, legend_row, size, text};
use crate::error::Result;
use crate::lang::t;
use crate::strategy::Comparison;

/// The chart.
pub(crate) struct CostChart<'a>(pub &'a Comparison);

impl Body for CostChart<'_> {
    fn draw<DB: DrawingBackend<ErrorType: 'static>>(
        &self,
        root: &DrawingArea<DB, Shift>,
        body: &DrawingArea<DB, Shift>,
    ) -> Result<()> {
        let rows: Vec<_> = self.0.strategies.iter().collect();
        if rows.is_empty() {
            return super::message(body, &t!(super::lang(), "strategies-none"));
        }
        let (_, bh) = body.dim_in_pixel();
        let (plot, strip) = body.split_vertically(bh - 44);
        let cost = |c: Option<f64>| c.unwrap_or(0.0) / 1e6;
        let xmax = rows
            .iter()
            .map(|r| cost(r.cost_idr))
            .fold(0.0f64, f64::max)
            .max(1.0)
            * 1.25;
        let ymax = rows
            .iter()
            .map(|r| r.overall.avoided.hi)
            .fold(0.0f64, f64::max)
            .max(0.1)
            * 1.15;
        let ymin = rows
            .iter()
            .map(|r| r.overall.avoided.lo)
            .fold(0.0f64, f64::min)
            * 1.15
            - ymax * 0.08;
        // Ticks from the data range, with the decimals they need: no two labels the same.
        let (xt, xd) = super::nice_ticks(0.0, xmax, 8);
        let (yt, yd) = super::nice_ticks(ymin, ymax, 6);
        let mut chart = ChartBuilder::on(&plot)
            .margin_top(8)
            .margin_right(30)
            .x_label_area_size(60)
            .y_label_area_size(80)
            .build_cartesian_2d(super::ticked(0.0..xmax, xt), super::ticked(ymin..ymax, yt))
            .drawn()?;
        let fx = |x: &f64| super::num(*x, xd);
        let fy = |y: &f64| {
            let y = if y.abs() < 1e-12 { 0.0 } else { *y };
            super::num(y, yd)
        };
        chart
            .configure_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(colour::GRID)
            .x_label_formatter(&fx)
            .y_label_formatter(&fy)
            .label_style(font(size::LABEL))
            .axis_desc_style(font(size::AXIS))
            .x_desc(t!(super::lang(), "strategy-cost-x"))
            .y_desc(t!(super::lang(), "strategy-cost-y"))
            .draw()
            .drawn()?;
        // Efficient frontier: from the origin through the efficient strategies by cost.
        let mut front: Vec<(f64, f64)> = rows
            .iter()
            .filter(|r| r.efficient)
            .map(|r| (cost(r.cost_idr), r.overall.avoided.mean))
            .collect();
        front.push((0.0, 0.0));
        front.sort_by(|a, b| a.0.total_cmp(&b.0));
        chart
            .draw_series(std::iter::once(DashedPathElement::new(
                front,
                8,
                5,
                colour::GREEN.stroke_width(3),
            )))
            .drawn()?;
        let lf = font(size::LABEL);
        let mut placed: Vec<(i32, i32, i32)> = Vec::new();
        // Every point, so that labels are not drawn over another strategy's point.
        let dots: Vec<(i32, i32)> = rows
            .iter()
            .map(|r| chart.backend_coord(&(cost(r.cost_idr), r.overall.avoided.mean)))
            .collect();
        for r in &rows {
            let x = cost(r.cost_idr);
            let a = &r.overall.avoided;
            let ws = colour::BLACK.stroke_width(2);
            let cap = xmax * 0.006;
            chart
                .draw_series([
                    PathElement::new(vec![(x, a.lo), (x, a.hi)], ws),
                    PathElement::new(vec![(x - cap, a.lo), (x + cap, a.lo)], ws),
                    PathElement::new(vec![(x - cap, a.hi), (x + cap, a.hi)], ws),
                ])
                .drawn()?;
            let c = if r.efficient {
                colour::GREEN
            } else {
                colour::BLUE
            };
            chart
                .draw_series(std::iter::once(Circle::new((x, a.mean), 9, c.filled())))
                .drawn()?;
            let (px, py0) = chart.backend_coord(&(x, a.mean));
            // Lift labels that would overlap an earlier one, with a leader line.
            let tw = super::text_width(&r.name, &lf);
            let mut py = py0;
            let hits_point = |py: i32| {
                dots.iter().any(|&(qx, qy)| {
                    (qx, qy) != (px, py0)
                        && qx > px + 4
                        && qx < px + tw + 30
                        && (qy - py).abs() < 20
                })
            };
            while placed
                .iter()
                .any(|&(qx, qy, qw)| px < qx + qw + 20 && qx < px + tw + 20 && (qy - py).abs() < 24)
                || hits_point(py)
            {
                py -= 24;
            }
            placed.push((px, py, tw));
            if py != py0 {
                root.draw(&PathElement::new(
                    vec![(px, py0 - 9), (px + 12, py)],
                    colour::GREY.stroke_width(1),
                ))
                .drawn()?;
            }
            root.draw(&Text::new(
                r.name.clone(),
                (px + 14, py),
                text(lf.clone(), colour::BLACK, HPos::Left, VPos::Center),
            ))
            .drawn()?;
        }
        legend(&strip)
    }
}

/// The legend under the cost chart: the frontier, the dots and the whiskers.
fn legend<DB: DrawingBackend<ErrorType: 'static>>(strip: &DrawingArea<DB, Shift>) -> Result<()> {
    legend_row(
        strip,
        (80, 22),
        &[
            (
                Mark::Dot(colour::GREEN, 8),
                t!(super::lang(), "strategy-frontier-on"),
            ),
            (
                Mark::Dot(colour::BLUE, 8),
                t!(super::lang(), "strategy-not-efficient"),
            ),
            (
                Mark::Line(colour::GREEN, true),
                t!(super::lang(), "strategy-frontier"),
            ),
            (
                Mark::Whisker(colour::BLACK),
                t!(super::lang(), "paired-interval"),
            ),
        ],
    )
}
