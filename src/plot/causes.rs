//! "Why late": per kecamatan, the expected hours of TPS lateness per replication (summed over
//! its TPS), stacked by cause; only the causes that occur, each with a fixed colour.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{Ctx, Drawn, Mark, colour, font, legend_column, size, text, text_width, thousands};
use crate::error::Result;
use crate::lang::t;

/// The reading guide.
pub(super) fn guide(_ctx: &Ctx) -> String {
    t!(super::lang(), "causes-guide")
}

/// A fixed colour per cause (in the order of `Summary::causes`).
fn cause_colour(i: usize) -> RGBColor {
    const C: [RGBColor; 11] = [
        RGBColor(170, 170, 170), // planned dispatch
        colour::PURPLE,          // handling
        colour::BLACK,           // escort wait
        colour::SKY,             // travel
        colour::BLUE,            // weather
        colour::GREEN,           // vessel
        colour::ORANGE,          // ferry queue
        colour::VERMILLION,      // road disruption
        colour::YELLOW,          // capacity
        RGBColor(140, 86, 75),   // damage replacement
        RGBColor(117, 112, 179), // last mile
    ];
    C[i % C.len()]
}

/// Hours with sensible precision.
fn hours(h: f64) -> String {
    let u = match super::lang() {
        crate::lang::Lang::Id => "jam",
        crate::lang::Lang::En => "h",
    };
    if h <= 0.0 {
        t!(super::lang(), "none")
    } else if h < 0.01 {
        format!("< {} {u}", super::num(0.01, 2))
    } else if h < 1.0 {
        format!("{} {u}", super::num(h, 2))
    } else if h >= 100.0 {
        format!("{} {u}", thousands(h.round() as u64))
    } else if h >= 10.0 {
        format!("{} {u}", super::num(h, 0))
    } else {
        format!("{} {u}", super::num(h, 1))
    }
}

/// Draw the chart into `body`.
pub(super) fn draw<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    body: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
) -> Result<()> {
    let s = ctx.s;
    if s.kecamatan.is_empty() {
        return super::message(body, &t!(super::lang(), "no-kecamatan"));
    }
    let nc = s.causes.len();
    let totals: Vec<f64> = (0..nc)
        .map(|c| {
            s.kecamatan
                .iter()
                .map(|k| k.station_cause_h.get(c).copied().unwrap_or(0.0))
                .sum()
        })
        .collect();
    let used: Vec<usize> = (0..nc).filter(|&c| totals[c] > 0.0).collect();
    if used.is_empty() {
        return super::message(
            body,
            &t!(super::lang(), "causes-none-late", runs = thousands(s.runs)),
        );
    }
    let mut rows: Vec<(String, Vec<f64>, f64)> = s
        .kecamatan
        .iter()
        .map(|k| {
            let v: Vec<f64> = (0..nc)
                .map(|c| k.station_cause_h.get(c).copied().unwrap_or(0.0))
                .collect();
            let t = v.iter().sum();
            (k.name.clone(), v, t)
        })
        .collect();
    rows.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
    let n = rows.len();
    let max = rows.iter().map(|r| r.2).fold(0.0, f64::max);

    let lf = font(size::LABEL);
    let (bw, _) = body.dim_in_pixel();
    let legend_w = 260;
    let (plot, side) = body.split_horizontally(bw - legend_w);
    let name_w = rows
        .iter()
        .map(|r| text_width(&r.0, &lf))
        .max()
        .unwrap_or(0)
        .min(bw as i32 / 4);
    // Room on the right for the total after the longest bar.
    let xmax = max * 1.18;
    let (xticks, decimals) = super::nice_ticks(0.0, xmax, 8);
    let mut chart = ChartBuilder::on(&plot)
        .margin_top(8)
        .margin_right(24)
        .x_label_area_size(64)
        .y_label_area_size(name_w + 24)
        .build_cartesian_2d(
            super::ticked(0.0..xmax, xticks),
            super::ticked(-0.5..n as f64 - 0.5, (0..n).map(|i| i as f64).collect()),
        )
        .drawn()?;
    let names: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
    let ylab = |y: &f64| super::row_label(&names, *y, name_w);
    let xlab = |x: &f64| {
        if decimals > 0 {
            super::num(*x, decimals)
        } else {
            thousands(x.round().max(0.0) as u64)
        }
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
        .x_desc(t!(super::lang(), "causes-axis"))
        .draw()
        .drawn()?;
    let (_, py) = chart.plotting_area().dim_in_pixel();
    let hh = (22.0 / (py as f64 / n as f64)).min(0.32);
    for (i, (_, v, total)) in rows.iter().enumerate() {
        let y = (n - 1 - i) as f64;
        let mut x = 0.0;
        for &c in &used {
            if v[c] <= 0.0 {
                continue;
            }
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(x, y - hh), (x + v[c], y + hh)],
                    cause_colour(c).filled(),
                )))
                .drawn()?;
            x += v[c];
        }
        let (bx, by) = chart.backend_coord(&(*total, y));
        root.draw(&Text::new(
            hours(*total),
            (bx + 8, by),
            text(lf.clone(), colour::BLACK, HPos::Left, VPos::Center),
        ))
        .drawn()?;
    }
    let items: Vec<(Mark, String)> = used
        .iter()
        .map(|&c| {
            let name = crate::lang::cause(super::lang(), &s.causes[c]);
            (Mark::Block(cause_colour(c)), name)
        })
        .collect();
    legend_column(
        &side,
        (12, 8),
        legend_w as i32 - 16,
        Some(&t!(super::lang(), "causes-legend")),
        &items,
    )?;
    Ok(())
}
