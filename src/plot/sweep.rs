//! "P(on time) against a parameter": the overall P(every TPS on time) with its 95% band and
//! each kecamatan's P(every TPS on time), for each value of a swept parameter.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

use super::framed::Body;
use super::{Chart, framed};
use super::{Drawn, Mark, colour, font, legend_column, series_style, size};
use crate::analysis::sweep::Sweep;
use crate::error::Result;
use crate::lang::t;

/// The chart: the base model (for local dates on a datetime axis) and the sweep.
pub(crate) struct SweepChart<'a>(pub &'a Sweep);

impl Body for SweepChart<'_> {
    fn draw<DB: DrawingBackend<ErrorType: 'static>>(
        &self,
        _root: &DrawingArea<DB, Shift>,
        body: &DrawingArea<DB, Shift>,
    ) -> Result<()> {
        let (m, s) = (&self.0.clock, self.0);
        if s.points.is_empty() {
            return super::message(body, &t!(super::lang(), "sweep-none"));
        }
        let (bw, _) = body.dim_in_pixel();
        let (plot, side) = body.split_horizontally(bw - 300);
        let x0 = s.points.first().map(|p| p.value).unwrap_or(0.0);
        let mut x1 = s.points.last().map(|p| p.value).unwrap_or(1.0);
        if x1 <= x0 {
            x1 = x0 + 1.0;
        }
        // Ticks chosen from the data range, so that no two labels are the same: local dates
        // and times for datetimes, round numbers with enough decimals otherwise.
        let plot_w = (bw - 300) as i32 - 100;
        let (ticks, step, decimals) = if s.datetimes {
            let (t, step) = super::time_ticks_px(m, x0, x1, plot_w.max(200));
            (t, step, 0)
        } else {
            let (t, d) = super::nice_ticks(x0, x1, (plot_w / 110).max(2) as usize);
            (t, 0.0, d)
        };
        let ymin = s
            .points
            .iter()
            .flat_map(|p| std::iter::once(p.all_on_time.lo).chain(p.kecamatan.iter().map(|q| q.p)))
            .fold(1.0f64, f64::min);
        let y0 = if ymin > 0.5 {
            ((ymin - 0.05) * 10.0).floor() / 10.0
        } else {
            0.0
        };
        let mut chart = ChartBuilder::on(&plot)
            .margin(10)
            .x_label_area_size(60)
            .y_label_area_size(80)
            .build_cartesian_2d(super::ticked(x0..x1, ticks.clone()), y0..1.0f64)
            .drawn()?;
        let xl = |x: &f64| {
            if s.datetimes {
                super::time_tick_label(m, *x, step, &ticks)
            } else {
                super::num(*x, decimals)
            }
        };
        chart
            .configure_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(colour::GRID)
            .x_label_formatter(&xl)
            .y_label_formatter(&|y| format!("{}%", super::num(y * 100.0, 0)))
            .label_style(font(size::LABEL))
            .axis_desc_style(font(size::AXIS))
            .x_desc(if s.datetimes {
                t!(
                    super::lang(),
                    "sweep-axis-time",
                    key = &s.key,
                    zone = super::zone_name(m)
                )
            } else {
                s.key.clone()
            })
            .y_desc(t!(super::lang(), "chance-every-tps"))
            .draw()
            .drawn()?;
        let mut items = Vec::new();
        for (k, name) in s.kecamatan.iter().enumerate() {
            let (c, dashed) = series_style(k + 1);
            let pts: Vec<(f64, f64)> = s
                .points
                .iter()
                .map(|p| (p.value, p.kecamatan[k].p))
                .collect();
            if dashed {
                chart
                    .draw_series(std::iter::once(DashedPathElement::new(
                        pts,
                        6,
                        4,
                        c.stroke_width(2),
                    )))
                    .drawn()?;
            } else {
                chart
                    .draw_series(LineSeries::new(pts, c.stroke_width(2)))
                    .drawn()?;
            }
            items.push((Mark::Line(c, dashed), name.clone()));
        }
        let band: Vec<(f64, f64)> = s
            .points
            .iter()
            .map(|p| (p.value, p.all_on_time.hi))
            .chain(s.points.iter().rev().map(|p| (p.value, p.all_on_time.lo)))
            .collect();
        chart
            .draw_series(std::iter::once(Polygon::new(
                band,
                colour::BLACK.mix(0.15).filled(),
            )))
            .drawn()?;
        chart
            .draw_series(LineSeries::new(
                s.points.iter().map(|p| (p.value, p.all_on_time.p)),
                colour::BLACK.stroke_width(4),
            ))
            .drawn()?;
        chart
            .draw_series(
                s.points
                    .iter()
                    .map(|p| Circle::new((p.value, p.all_on_time.p), 5, colour::BLACK.filled())),
            )
            .drawn()?;
        chart
            .draw_series(std::iter::once(DashedPathElement::new(
                vec![(x0, s.target), (x1, s.target)],
                8,
                6,
                colour::GREY.stroke_width(2),
            )))
            .drawn()?;
        let mut head = vec![
            (Mark::Band(colour::BLACK), t!(super::lang(), "sweep-band")),
            (
                Mark::Line(colour::GREY, true),
                t!(super::lang(), "target-line", p = super::pct_short(s.target)),
            ),
        ];
        head.extend(items);
        let title = t!(super::lang(), "sweep-legend");
        legend_column(&side, (10, 10), 280, Some(&title), &head)?;
        Ok(())
    }
}

/// The sweep chart.
pub fn chart(s: &Sweep) -> Result<Chart> {
    let c = framed::render(
        "sweep",
        &t!(super::lang(), "sweep-title"),
        &t!(super::lang(), "sweep-guide"),
        &framed::footer(&s.scenario, s.seed, s.runs, &t!(super::lang(), "per-point")),
        &SweepChart(s),
    )?;
    Ok(c)
}
