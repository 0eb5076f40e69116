//! "Latest safe dispatch": per kecamatan, the planned dispatch, the latest dispatch that still
//! meets the target, and the deadline, on one local-date axis.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::analysis::Body;
use super::{Drawn, Mark, colour, font, legend_row, size, text_width, time_label, time_ticks};
use crate::analysis::plan::Plan;
use crate::error::Result;
use crate::model::Model;

/// The chart.
pub(crate) struct PlanChart<'a>(pub &'a Model, pub &'a Plan);

impl Body for PlanChart<'_> {
    fn draw<DB: DrawingBackend>(
        &self,
        _root: &DrawingArea<DB, Shift>,
        body: &DrawingArea<DB, Shift>,
    ) -> Result<()> {
        let (m, p) = (self.0, self.1);
        let n = p.rows.len();
        if n == 0 {
            return super::message(body, "No kecamatan (hub) in this scenario.");
        }
        let (bw, bh) = body.dim_in_pixel();
        let (plot, strip) = body.split_vertically(bh - 44);
        let lf = font(size::LABEL);
        let labels: Vec<String> = p
            .rows
            .iter()
            .map(|r| {
                if r.latest_h.is_none() {
                    format!("{} (not reachable)", r.kecamatan)
                } else {
                    r.kecamatan.clone()
                }
            })
            .collect();
        let name_w = labels
            .iter()
            .map(|l| text_width(l, &lf))
            .max()
            .unwrap_or(0)
            .min(bw as i32 / 3);
        let times: Vec<f64> = p
            .rows
            .iter()
            .flat_map(|r| [r.current_h, r.latest_h, r.deadline_h])
            .flatten()
            .collect();
        let t0 = times
            .iter()
            .cloned()
            .fold(f64::INFINITY, f64::min)
            .min(m.horizon);
        let t1 = times
            .iter()
            .cloned()
            .fold(f64::NEG_INFINITY, f64::max)
            .max(t0 + 1.0);
        let pad = (t1 - t0) * 0.04 + 1.0;
        let (t0, t1) = ((t0 - pad).max(0.0), t1 + pad);
        let (ticks, step) = time_ticks(m, t0, t1, 9);
        let mut chart = ChartBuilder::on(&plot)
            .margin_top(8)
            .margin_right(40)
            .x_label_area_size(60)
            .y_label_area_size(name_w + 20)
            .build_cartesian_2d(
                super::ticked(t0..t1, ticks),
                super::ticked(-0.5..n as f64 - 0.5, (0..n).map(|i| i as f64).collect()),
            )
            .drawn()?;
        let yl = |y: &f64| super::row_label(&labels, *y, name_w);
        let xl = |x: &f64| time_label(m, *x, step);
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(colour::GRID)
            .x_label_formatter(&xl)
            .y_label_formatter(&yl)
            .label_style(font(size::LABEL))
            .axis_desc_style(font(size::AXIS))
            .x_desc(format!("Local time ({})", super::zone_name(m)))
            .draw()
            .drawn()?;
        for (i, r) in p.rows.iter().enumerate() {
            let y = (n - 1 - i) as f64;
            if let (Some(l), Some(d)) = (r.latest_h, r.deadline_h) {
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(l, y - 0.08), (d, y + 0.08)],
                        colour::GREEN.mix(0.35).filled(),
                    )))
                    .drawn()?;
            }
            if let Some(c) = r.current_h {
                chart
                    .draw_series(std::iter::once(Circle::new(
                        (c, y),
                        8,
                        colour::BLUE.filled(),
                    )))
                    .drawn()?;
            }
            if let Some(l) = r.latest_h {
                chart
                    .draw_series(std::iter::once(
                        EmptyElement::at((l, y))
                            + Polygon::new(
                                vec![(0, -10), (10, 0), (0, 10), (-10, 0)],
                                colour::VERMILLION.filled(),
                            ),
                    ))
                    .drawn()?;
            }
            if let Some(d) = r.deadline_h {
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [
                            (d - (t1 - t0) * 0.002, y - 0.3),
                            (d + (t1 - t0) * 0.002, y + 0.3),
                        ],
                        colour::BLACK.filled(),
                    )))
                    .drawn()?;
            }
        }
        legend_row(
            &strip,
            (name_w + 20, 22),
            &[
                (Mark::Dot(colour::BLUE, 8), "planned dispatch".into()),
                (
                    Mark::Square(colour::VERMILLION),
                    "latest safe dispatch".into(),
                ),
                (
                    Mark::Block(colour::GREEN.mix(0.35).to_rgba().into_rgb()),
                    "latest safe to deadline".into(),
                ),
                (Mark::Tick(colour::BLACK), "deadline".into()),
            ],
        )
    }
}

trait IntoRgb {
    fn into_rgb(self) -> RGBColor;
}
impl IntoRgb for RGBAColor {
    fn into_rgb(self) -> RGBColor {
        // Blend with white at the colour's alpha, for a legend swatch.
        let a = self.3;
        let mix = |c: u8| (c as f64 * a + 255.0 * (1.0 - a)).round() as u8;
        RGBColor(mix(self.0), mix(self.1), mix(self.2))
    }
}
