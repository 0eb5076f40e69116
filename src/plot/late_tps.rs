//! "Late TPS": the distribution of the number of late TPS across replications, with
//! P(every TPS on time) and the expected number of late TPS.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    Ctx, Drawn, LEGEND_ROW, Mark, bold, colour, fit, font, legend_column, pct, size, text,
    thousands,
};
use crate::error::Result;
use crate::lang::t;
use crate::summary::Summary;

/// The reading guide.
pub(super) fn guide(_ctx: &Ctx) -> String {
    t!(super::lang(), "late-tps-guide")
}

/// A round step near `x`: 1, 2, 5, 10, 20, 50, ...
fn nice_step(x: f64) -> u64 {
    let mut s = 1u64;
    loop {
        for m in [1, 2, 5] {
            if (s * m) as f64 >= x {
                return s * m;
            }
        }
        s *= 10;
    }
}

/// The headline figures in the side panel, from its top; returns the y below them.
fn figures<DB: DrawingBackend<ErrorType: 'static>>(
    side: &DrawingArea<DB, Shift>,
    s: &Summary,
    width: i32,
) -> Result<i32> {
    let bf = bold(size::LABEL);
    let vf = font(size::AXIS + 3.0);
    let mut y = 8;
    let a = s.all_on_time;
    let l = s.late_stations;
    let figures = [
        (
            t!(super::lang(), "late-tps-all"),
            crate::lang::format::percent_interval(super::lang(), a.p, a.lo, a.hi),
        ),
        (
            t!(super::lang(), "late-tps-expected"),
            format!(
                "{} ({}–{})",
                super::num(l.mean, 2),
                super::num(l.lo, 2),
                super::num(l.hi, 2)
            ),
        ),
        (
            t!(super::lang(), "late-tps-p95"),
            t!(
                super::lang(),
                "late-tps-at-most",
                n = thousands(s.late_stations_p95 as u64)
            ),
        ),
        (
            t!(super::lang(), "late-tps-stations"),
            thousands(s.stations as u64),
        ),
    ];
    for (h, v) in figures {
        side.draw(&Text::new(
            fit(&h, &bf, width),
            (12, y),
            text(bf.clone(), colour::BLACK, HPos::Left, VPos::Top),
        ))
        .drawn()?;
        side.draw(&Text::new(
            fit(&v, &vf, width),
            (12, y + 28),
            text(vf.clone(), colour::BLACK, HPos::Left, VPos::Top),
        ))
        .drawn()?;
        y += 72;
    }
    Ok(y)
}

/// Draw the chart into `body`.
pub(super) fn draw<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    body: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
) -> Result<()> {
    let s = ctx.s;
    let dist: Vec<f64> = if s.late_distribution.is_empty() {
        vec![1.0]
    } else {
        s.late_distribution.clone()
    };
    let kmax = dist.len() - 1;
    // Bins: {0} on its own, then groups of `w` counts when there are many.
    let w = if kmax > 80 {
        (kmax as u64).div_ceil(60)
    } else {
        1
    } as usize;
    let mut bins: Vec<(usize, usize, f64)> = vec![(0, 0, dist[0])];
    let mut a = 1;
    while a <= kmax {
        let b = (a + w - 1).min(kmax);
        bins.push((a, b, dist[a..=b].iter().sum()));
        a = b + 1;
    }
    // When "none late" dwarfs the rest, cut its bar so that the others can be read.
    let rest = bins[1..].iter().map(|b| b.2).fold(0.0, f64::max);
    let cut = rest > 0.0 && dist[0] > 3.0 * rest;
    let ymax = if cut {
        rest * 1.4
    } else {
        bins.iter().map(|b| b.2).fold(0.0, f64::max).max(1e-9) * 1.08
    };
    let (yticks, ydec) = super::nice_ticks(0.0, ymax, 6);
    let ydec = ydec.saturating_sub(2);

    let (bw, _) = body.dim_in_pixel();
    let side_w = 330;
    let (plot, side) = body.split_horizontally(bw - side_w);
    let step = nice_step(kmax.max(1) as f64 / 10.0);
    let xticks: Vec<f64> = (0..=kmax as u64 / step)
        .map(|i| (i * step) as f64)
        .collect();
    let mut chart = ChartBuilder::on(&plot)
        .margin_top(8)
        .margin_right(24)
        .x_label_area_size(64)
        .y_label_area_size(84)
        .build_cartesian_2d(
            super::ticked(-0.6..kmax as f64 + 0.6, xticks),
            super::ticked(0.0..ymax, yticks),
        )
        .drawn()?;
    let xlab = |x: &f64| thousands(x.round().max(0.0) as u64);
    let ylab = |y: &f64| format!("{}%", super::num(y * 100.0, ydec));
    let xdesc = if w > 1 {
        t!(super::lang(), "late-tps-axis-grouped", w = w)
    } else {
        t!(super::lang(), "late-tps-axis")
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(colour::GRID)
        .x_label_formatter(&xlab)
        .y_label_formatter(&ylab)
        .label_style(font(size::LABEL))
        .axis_desc_style(font(size::AXIS))
        .x_desc(xdesc)
        .y_desc(t!(super::lang(), "share-of-runs"))
        .draw()
        .drawn()?;
    let gap = if w > 1 { 0.1 * w as f64 } else { 0.15 };
    for &(a, b, p) in &bins {
        let c = if a == 0 { colour::GREEN } else { colour::BLUE };
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [
                    (a as f64 - 0.5 + gap, 0.0),
                    (b as f64 + 0.5 - gap, p.min(ymax)),
                ],
                c.filled(),
            )))
            .drawn()?;
    }
    let mean = s.late_stations.mean;
    chart
        .draw_series(std::iter::once(DashedPathElement::new(
            vec![(mean, 0.0), (mean, ymax)],
            8,
            6,
            colour::BLACK.stroke_width(2),
        )))
        .drawn()?;

    if cut {
        // Two white slashes across the cut bar, and its value beside it.
        let (x0, y0) = chart.backend_coord(&(-0.5 + gap, ymax * 0.86));
        let (x1, _) = chart.backend_coord(&(0.5 - gap, ymax * 0.86));
        for dy in [0, 9] {
            root.draw(&PathElement::new(
                vec![(x0 - 2, y0 + dy + 4), (x1 + 2, y0 + dy - 4)],
                WHITE.stroke_width(3),
            ))
            .drawn()?;
        }
        let (tx, ty) = chart.backend_coord(&(0.5, ymax * 0.95));
        let label = t!(super::lang(), "bar-cut", p = pct(dist[0]));
        let lf = font(size::LABEL);
        let tw = super::text_width(&label, &lf);
        root.draw(&Rectangle::new(
            [(tx + 4, ty - 12), (tx + 12 + tw, ty + 12)],
            WHITE.filled(),
        ))
        .drawn()?;
        root.draw(&Text::new(
            label,
            (tx + 8, ty),
            text(font(size::LABEL), colour::BLACK, HPos::Left, VPos::Center),
        ))
        .drawn()?;
    }
    // The headline figures, then the legend.
    let width = side_w as i32 - 24;
    let y = figures(&side, s, width)?;
    let items = vec![
        (
            Mark::Block(colour::GREEN),
            t!(super::lang(), "late-tps-none"),
        ),
        (
            Mark::Block(colour::BLUE),
            t!(super::lang(), "late-tps-some"),
        ),
        (
            Mark::Line(colour::BLACK, true),
            t!(super::lang(), "late-tps-mean", mean = super::num(mean, 2)),
        ),
    ];
    legend_column(&side, (12, y + LEGEND_ROW / 2), width, None, &items)?;
    Ok(())
}
