//! "Timeline": per kecamatan on one local-time axis, the planned dispatch, the span from the
//! median (P50) to the P95 arrival of its hub (PPK), the same span of its latest TPS arrival,
//! the PPK deadline, and across the chart the H-1 deadline of the TPS and the opening of
//! voting; the slack of the TPS (H-1 minus the P95 of the latest TPS arrival) is read off on
//! the right, least slack on top.

use plotters::coord::Shift;
use plotters::coord::cartesian::Cartesian2d;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    Ctx, Drawn, Mark, bold, colour, dur, font, legend_row, size, text, text_width, time_tick_label,
    time_ticks_px,
};
use crate::error::Result;
use crate::lang::t;

/// The reading guide.
pub(super) fn guide(_ctx: &Ctx) -> String {
    t!(super::lang(), "timeline-guide")
}

/// One row.
struct Row {
    name: String,
    planned: Option<f64>,
    p50: Option<f64>,
    p95: Option<f64>,
    ppk_deadline: Option<f64>,
    /// Latest TPS arrival, P50 and P95 (`None` beyond the horizon or not computed).
    t50: Option<f64>,
    t95: Option<f64>,
    /// Whether the latest TPS arrival was computed at all.
    tps_known: bool,
    /// H-1 (the TPS deadline).
    deadline: Option<f64>,
}

impl Row {
    /// H-1 minus the P95 of the latest TPS arrival (−∞ when it is beyond the horizon, +∞
    /// without a deadline).
    fn slack(&self) -> f64 {
        match (self.deadline, self.t95) {
            (Some(d), Some(p)) => d - p,
            (Some(_), None) if self.tps_known => f64::NEG_INFINITY,
            _ => f64::INFINITY,
        }
    }
}

/// The kecamatan's rows, least slack first.
fn rows(ctx: &Ctx) -> Vec<Row> {
    let s = ctx.s;
    let mut rows: Vec<Row> = s
        .kecamatan
        .iter()
        .map(|k| {
            let h = &s.nodes[k.hub];
            Row {
                name: if k.below_target {
                    t!(super::lang(), "below-target-plain", name = &k.name)
                } else {
                    k.name.clone()
                },
                planned: h.planned_h,
                p50: h.p50_h,
                p95: h.p95_h,
                ppk_deadline: h.deadline_h,
                t50: k.last_tps_h[1],
                t95: k.last_tps_h[2],
                tps_known: s.last_tps_runs > 0 && k.stations > 0,
                deadline: s.h1_h,
            }
        })
        .collect();
    rows.sort_by(|a, b| a.slack().total_cmp(&b.slack()).then(a.name.cmp(&b.name)));
    rows
}

/// The time axis: from the earliest to the latest time drawn, padded by 5%.
fn span(rows: &[Row], s: &crate::summary::Summary) -> (f64, f64) {
    let times = rows
        .iter()
        .flat_map(|r| {
            [
                r.planned,
                r.p50,
                r.p95,
                r.ppk_deadline,
                r.t50,
                r.t95,
                r.deadline,
            ]
        })
        .flatten()
        .chain(s.voting_opens_h);
    let (mut t0, mut t1) = times.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), t| {
        (a.min(t), b.max(t))
    });
    if !t0.is_finite() || !t1.is_finite() {
        t0 = 0.0;
        t1 = s.horizon_h.max(1.0);
    }
    if t1 - t0 < 2.0 {
        t0 -= 1.0;
        t1 += 1.0;
    }
    let pad = (t1 - t0) * 0.05;
    (t0 - pad, t1 + pad)
}

/// The chart's coordinate system.
type TimeChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<super::Ticked, super::Ticked>>;

/// One kecamatan's row at `y`: planned dispatch, the PPK and last-TPS spans, the PPK
/// deadline. `hh` is the half-height of a span in rows, `row_px` a row in pixels.
fn draw_row<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    chart: &mut TimeChart<DB>,
    r: &Row,
    y: f64,
    (hh, row_px): (f64, f64),
    (t0, t1): (f64, f64),
) -> Result<()> {
    let clamp = |t: f64| t.clamp(t0, t1);
    if let (Some(p), Some(a)) = (r.planned, r.p50) {
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(clamp(p), y + hh), (clamp(a), y + hh)],
                colour::GREY.stroke_width(2),
            )))
            .drawn()?;
    }
    // The PPK span above the row's centre line, the latest TPS span below it.
    if let Some(a) = r.p50 {
        let b = r.p95.unwrap_or(t1);
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(clamp(a), y + 0.08), (clamp(b), y + 2.0 * hh)],
                colour::SKY.filled(),
            )))
            .drawn()?;
    }
    if let Some(a) = r.t50 {
        let b = r.t95.unwrap_or(t1);
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(clamp(a), y - 2.0 * hh), (clamp(b), y - 0.08)],
                colour::ORANGE.filled(),
            )))
            .drawn()?;
    }
    if let Some(p) = r.planned {
        let (px, pyy) = chart.backend_coord(&(clamp(p), y + hh));
        super::draw_mark(root, Mark::Triangle(colour::BLACK), (px, pyy))?;
    }
    if let Some(d) = r.ppk_deadline {
        let (dx, dy) = chart.backend_coord(&(clamp(d), y + hh));
        let half = (hh * row_px).max(6.0) as i32;
        root.draw(&Rectangle::new(
            [(dx - 2, dy - half), (dx + 2, dy + half)],
            colour::BLUE.filled(),
        ))
        .drawn()?;
    }
    Ok(())
}

/// The TPS slack of a row in words, and its colour.
fn slack_label(r: &Row) -> (String, RGBColor) {
    match (r.deadline, r.t95) {
        (None, _) => (t!(super::lang(), "timeline-no-deadline"), colour::TEXT_GREY),
        (Some(_), None) if !r.tps_known => (
            t!(super::lang(), "timeline-not-computed"),
            colour::TEXT_GREY,
        ),
        (Some(_), None) => (t!(super::lang(), "timeline-never"), colour::VERMILLION),
        (Some(d), Some(p)) if d >= p => (
            t!(super::lang(), "timeline-early", time = dur(d - p)),
            colour::BLACK,
        ),
        (Some(d), Some(p)) => (
            t!(super::lang(), "timeline-late", time = dur(p - d)),
            colour::VERMILLION,
        ),
    }
}

/// The legend under the chart.
fn legend<DB: DrawingBackend<ErrorType: 'static>>(strip: &DrawingArea<DB, Shift>) -> Result<()> {
    let items = vec![
        (
            Mark::Triangle(colour::BLACK),
            t!(super::lang(), "timeline-planned"),
        ),
        (Mark::Block(colour::SKY), t!(super::lang(), "timeline-ppk")),
        (
            Mark::Block(colour::ORANGE),
            t!(super::lang(), "timeline-last-tps"),
        ),
        (
            Mark::Tick(colour::BLUE),
            t!(super::lang(), "timeline-ppk-deadline"),
        ),
        (Mark::Tick(colour::VERMILLION), "H-1".to_string()),
        (Mark::Tick(colour::BLACK), t!(super::lang(), "voting-opens")),
    ];
    legend_row(strip, (8, 22), &items)
}

/// Draw the chart into `body`.
pub(super) fn draw<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    body: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
) -> Result<()> {
    let s = ctx.s;
    let m = ctx.m;
    let rows = rows(ctx);
    if rows.is_empty() {
        return super::message(body, &t!(super::lang(), "no-kecamatan"));
    }
    let n = rows.len();
    let (t0, t1) = span(&rows, s);

    let lf = font(size::LABEL);
    let (bw, bh) = body.dim_in_pixel();
    let (upper, strip) = body.split_vertically(bh - 44);
    let slack_w = 210;
    let (plot, _) = upper.split_horizontally(bw - slack_w);
    let name_w = rows
        .iter()
        .map(|r| text_width(&r.name, &lf))
        .max()
        .unwrap_or(0)
        .min(bw as i32 / 4);
    let plot_w = (bw - slack_w) as i32 - name_w - 40;
    let (tick_list, step) = time_ticks_px(m, t0, t1, plot_w.max(200));
    let mut chart = ChartBuilder::on(&plot)
        .margin_top(30)
        .margin_right(16)
        .x_label_area_size(64)
        .y_label_area_size(name_w + 24)
        .build_cartesian_2d(
            super::ticked(t0..t1, tick_list.clone()),
            super::ticked(-0.5..n as f64 - 0.5, (0..n).map(|i| i as f64).collect()),
        )
        .drawn()?;
    let names: Vec<String> = rows.iter().map(|r| r.name.clone()).collect();
    let ylab = |y: &f64| super::row_label(&names, *y, name_w);
    let xlab = |x: &f64| time_tick_label(m, *x, step, &tick_list);
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
        .draw()
        .drawn()?;
    let (_, py) = chart.plotting_area().dim_in_pixel();
    let row_px = py as f64 / n as f64;
    let hh = (16.0 / row_px).min(0.28);
    // Column header for the slack figures.
    let (xr, ytop) = chart.backend_coord(&(t1, n as f64 - 0.5));
    let bf = bold(size::LABEL);
    root.draw(&Text::new(
        t!(super::lang(), "timeline-slack"),
        (xr + 24, ytop - 8),
        text(bf, colour::BLACK, HPos::Left, VPos::Bottom),
    ))
    .drawn()?;
    let clamp = |t: f64| t.clamp(t0, t1);
    // H-1 and the opening of voting, across every row.
    let (_, ybot) = chart.backend_coord(&(t0, -0.5));
    for (t, c) in [
        (s.h1_h, colour::VERMILLION),
        (s.voting_opens_h, colour::BLACK),
    ] {
        if let Some(t) = t {
            let (x, _) = chart.backend_coord(&(clamp(t), 0.0));
            root.draw(&PathElement::new(
                vec![(x, ytop), (x, ybot)],
                c.stroke_width(2),
            ))
            .drawn()?;
        }
    }
    for (i, r) in rows.iter().enumerate() {
        let y = (n - 1 - i) as f64;
        draw_row(root, &mut chart, r, y, (hh, row_px), (t0, t1))?;
        let (label, c) = slack_label(r);
        let (_, ry) = chart.backend_coord(&(t1, y));
        root.draw(&Text::new(
            label,
            (xr + 24, ry),
            text(lf.clone(), c, HPos::Left, VPos::Center),
        ))
        .drawn()?;
    }
    legend(&strip)
}
