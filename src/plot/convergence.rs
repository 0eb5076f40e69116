//! "Convergence": the running estimates of P(every TPS on time) overall and in the riskiest
//! kecamatan (`Summary::riskiest`: the lowest P(every TPS on time)) against the number of
//! replications, with their 95% intervals, to show whether the run was long enough.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{Ctx, Drawn, LEGEND_ROW, Mark, colour, font, legend_column, size, thousands};
use crate::error::Result;
use crate::lang::t;
use crate::summary::Prob;

/// The reading guide.
pub(super) fn guide(_ctx: &Ctx) -> String {
    t!(super::lang(), "convergence-guide")
}

/// A series: its label, colour, and (replications, estimate) points.
type Series = (String, RGBColor, Vec<(f64, Prob)>);

/// Draw the chart into `body`.
pub(super) fn draw<DB: DrawingBackend<ErrorType: 'static>>(
    _root: &DrawingArea<DB, Shift>,
    body: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
) -> Result<()> {
    let s = ctx.s;
    let trace = &s.convergence;
    if trace.is_empty() {
        return super::message(body, &t!(super::lang(), "convergence-none"));
    }
    let risk = s.riskiest;
    let mut series: Vec<Series> = vec![(
        t!(super::lang(), "convergence-all-kec"),
        colour::BLUE,
        trace
            .iter()
            .map(|c| (c.runs as f64, c.all_on_time))
            .collect(),
    )];
    if let Some(k) = risk {
        let name = &s.kecamatan[k].name;
        let what = t!(super::lang(), "convergence-riskiest", name = name);
        series.push((
            what,
            colour::VERMILLION,
            trace.iter().map(|c| (c.runs as f64, c.riskiest)).collect(),
        ));
    }
    let (lo, hi) = series
        .iter()
        .flat_map(|x| x.2.iter())
        .fold((1.0f64, 0.0f64), |(a, b), (_, p)| {
            (a.min(p.lo), b.max(p.hi))
        });
    let pad = ((hi - lo) * 0.08).max(0.01);
    let (y0, y1) = ((lo - pad).max(0.0), (hi + pad).min(1.0));
    let xmax = s.runs.max(1) as f64;

    let (bw, _) = body.dim_in_pixel();
    let legend_w = 330;
    let (plot, side) = body.split_horizontally(bw - legend_w);
    let mut chart = ChartBuilder::on(&plot)
        .margin_top(8)
        .margin_right(30)
        .x_label_area_size(64)
        .y_label_area_size(96)
        .build_cartesian_2d(0.0..xmax * 1.02, y0..y1)
        .drawn()?;
    let xlab = |x: &f64| thousands(x.round().max(0.0) as u64);
    let ylab = |y: &f64| {
        if y1 - y0 < 0.1 {
            format!("{}%", super::num(y * 100.0, 1))
        } else {
            format!("{}%", super::num(y * 100.0, 0))
        }
    };
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(colour::GRID)
        .x_labels(7)
        .y_labels(7)
        .x_label_formatter(&xlab)
        .y_label_formatter(&ylab)
        .label_style(font(size::LABEL))
        .axis_desc_style(font(size::AXIS))
        .x_desc(t!(super::lang(), "convergence-x"))
        .y_desc(t!(super::lang(), "convergence-y"))
        .draw()
        .drawn()?;
    for (_, c, pts) in &series {
        if pts.len() > 1 {
            let mut band: Vec<(f64, f64)> = pts.iter().map(|(x, p)| (*x, p.hi)).collect();
            band.extend(pts.iter().rev().map(|(x, p)| (*x, p.lo)));
            chart
                .draw_series(std::iter::once(Polygon::new(band, c.mix(0.2).filled())))
                .drawn()?;
            chart
                .draw_series(LineSeries::new(
                    pts.iter().map(|(x, p)| (*x, p.p)),
                    c.stroke_width(3),
                ))
                .drawn()?;
        }
        if pts.len() <= 40 {
            for (x, p) in pts {
                let st = c.stroke_width(2);
                chart
                    .draw_series([
                        PathElement::new(vec![(*x, p.lo), (*x, p.hi)], st),
                        PathElement::new(vec![(*x, p.p), (*x, p.p)], st),
                    ])
                    .drawn()?;
                chart
                    .draw_series(std::iter::once(Circle::new((*x, p.p), 5, c.filled())))
                    .drawn()?;
            }
        }
    }
    let mut items: Vec<(Mark, String)> = series
        .iter()
        .map(|(name, c, _)| (Mark::Band(*c), name.clone()))
        .collect();
    let last = trace.last().map(|c| c.all_on_time);
    let y = legend_column(
        &side,
        (12, 8),
        legend_w as i32 - 16,
        Some(&t!(super::lang(), "convergence-legend")),
        &items,
    )?;
    items.clear();
    if let Some(p) = last {
        items.push((
            Mark::Whisker(colour::GREY),
            t!(
                super::lang(),
                "convergence-final",
                pts = super::num((p.hi - p.lo) * 50.0, 1)
            ),
        ));
    }
    items.push((
        Mark::Dot(colour::GREY, 5),
        t!(
            super::lang(),
            "convergence-block",
            n = thousands(ctx.s.convergence_block)
        ),
    ));
    legend_column(
        &side,
        (12, y + LEGEND_ROW / 2),
        legend_w as i32 - 16,
        None,
        &items,
    )?;
    Ok(())
}
