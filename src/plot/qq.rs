//! "Q–Q": the observed trip durations against the quantiles of the chosen (best by AIC) and
//! the runner-up families. Points on the diagonal mean the family describes the trips; a bend
//! at the top means the family's tail is too short (points above) or too long (below).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::framed::{Body, render};
use super::{Chart, Drawn, Mark, colour, font, legend_column, size};
use crate::backtest::fit::{Fitted, planner_unit};
use crate::error::Result;
use crate::lang::t;

struct Qq<'a>(&'a [f64], &'a [Fitted]);

impl Body for Qq<'_> {
    fn draw<DB: DrawingBackend<ErrorType: 'static>>(
        &self,
        _root: &DrawingArea<DB, Shift>,
        body: &DrawingArea<DB, Shift>,
    ) -> Result<()> {
        let (x, fits) = (self.0, self.1);
        if x.is_empty() || fits.is_empty() {
            return super::message(body, &t!(super::lang(), "qq-none"));
        }
        let mut sorted = x.to_vec();
        sorted.sort_by(|a, b| a.total_cmp(b));
        let n = sorted.len();
        let (unit, per) = planner_unit(fits[0].family.quantile(0.5));
        let unit = crate::backtest::words::unit(super::lang(), unit);
        let shown: Vec<&Fitted> = fits.iter().take(2).collect();
        let series: Vec<Vec<(f64, f64)>> = shown
            .iter()
            .map(|f| {
                sorted
                    .iter()
                    .enumerate()
                    .map(|(i, &v)| {
                        let p = (i as f64 + 0.5) / n as f64;
                        (f.family.quantile(p) / per, v / per)
                    })
                    .collect()
            })
            .collect();
        let hi = series
            .iter()
            .flatten()
            .map(|&(a, b)| a.max(b))
            .fold(0.0f64, f64::max)
            * 1.05;
        let lo = series
            .iter()
            .flatten()
            .map(|&(a, b)| a.min(b))
            .fold(f64::INFINITY, f64::min)
            .min(0.0);
        let (bw, _) = body.dim_in_pixel();
        let (plot, side) = body.split_horizontally(bw - 300);
        let mut chart = ChartBuilder::on(&plot)
            .margin(10)
            .x_label_area_size(60)
            .y_label_area_size(80)
            .build_cartesian_2d(lo..hi.max(lo + 1e-9), lo..hi.max(lo + 1e-9))
            .drawn()?;
        chart
            .configure_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(colour::GRID)
            .label_style(font(size::LABEL))
            .axis_desc_style(font(size::AXIS))
            .x_label_formatter(&|x| super::num(*x, axis_decimals(hi - lo)))
            .y_label_formatter(&|y| super::num(*y, axis_decimals(hi - lo)))
            .x_desc(t!(super::lang(), "qq-x", unit = unit.as_str()))
            .y_desc(t!(super::lang(), "qq-y", unit = unit.as_str()))
            .draw()
            .drawn()?;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(lo, lo), (hi, hi)],
                colour::GREY.stroke_width(2),
            )))
            .drawn()?;
        let cols = [colour::BLUE, colour::ORANGE];
        let mut items = vec![(
            Mark::Line(colour::GREY, false),
            t!(super::lang(), "qq-diagonal"),
        )];
        for (k, (pts, f)) in series.iter().zip(&shown).enumerate().rev() {
            let c = cols[k];
            chart
                .draw_series(pts.iter().map(|&p| Circle::new(p, 4, c.mix(0.7).filled())))
                .drawn()?;
            items.push((
                Mark::Dot(c, 5),
                format!(
                    "{}  p {}",
                    if k == 0 {
                        t!(
                            super::lang(),
                            "qq-best",
                            family = crate::backtest::words::family(super::lang(), f.family.name())
                        )
                    } else {
                        crate::backtest::words::family(super::lang(), f.family.name())
                    },
                    super::num(f.ks_p, 2)
                ),
            ));
        }
        let heading = t!(super::lang(), "qq-legend");
        legend_column(&side, (10, 10), 280, Some(&heading), &items)?;
        Ok(())
    }
}

/// The chart `qq.png` / `.svg` for the trips of `name`.
pub fn chart(name: &str, x: &[f64], fits: &[Fitted]) -> Result<Chart> {
    render(
        "qq",
        &t!(
            super::lang(),
            "qq-title",
            n = super::thousands(x.len() as u64),
            name = name
        ),
        &t!(super::lang(), "qq-guide"),
        &t!(
            super::lang(),
            "qq-footer",
            version = env!("CARGO_PKG_VERSION")
        ),
        &Qq(x, fits),
    )
}

/// Decimals of the axis labels for a range of `span` units: ticks about a tenth apart.
fn axis_decimals(span: f64) -> usize {
    match span {
        s if s >= 10.0 => 0,
        s if s >= 1.0 => 1,
        _ => 2,
    }
}
