//! "Latest safe dispatch": per kecamatan, the planned and the latest safe PPK dispatch, the
//! span of the latest safe PPS dispatches of its villages, and the deadline of the measure, on
//! one local-date axis.

use plotters::coord::Shift;
use plotters::coord::cartesian::Cartesian2d;
use plotters::prelude::*;

use super::framed::Body;
use super::{Chart, framed};
use super::{
    Drawn, Mark, colour, font, legend_row, pct_short, size, text_width, time_tick_label,
    time_ticks_px,
};
use crate::analysis::plan::Measure;
use crate::analysis::plan::Plan;
use crate::error::Result;
use crate::lang::t;
use crate::time::Clock;

/// One kecamatan's row of the chart.
struct KRow {
    label: String,
    planned: Option<f64>,
    latest: Option<f64>,
    villages: Option<(f64, f64)>,
    village_planned: Option<f64>,
    deadline: Option<f64>,
}

/// The kecamatan's rows, in the plan's order.
fn krows(p: &Plan) -> Vec<KRow> {
    let span = |v: Vec<f64>| {
        let lo = v.iter().cloned().fold(f64::INFINITY, f64::min);
        let hi = v.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        (lo.is_finite() && hi.is_finite()).then_some((lo, hi))
    };
    p.kecamatan
        .iter()
        .map(|k| {
            let mine: Vec<_> = p.rows.iter().filter(|r| r.kecamatan == k.name).collect();
            let hub = mine.iter().find(|r| r.level == "PPK");
            let pps: Vec<_> = mine.iter().filter(|r| r.level == "PPS").collect();
            KRow {
                label: if k.reachable {
                    k.name.clone()
                } else {
                    t!(super::lang(), "plan-unreachable", name = &k.name)
                },
                planned: hub.and_then(|r| r.current_h),
                latest: hub.and_then(|r| r.latest_h),
                villages: span(pps.iter().filter_map(|r| r.latest_h).collect()),
                village_planned: span(pps.iter().filter_map(|r| r.current_h).collect())
                    .map(|x| x.0),
                deadline: hub.and_then(|r| r.deadline_h),
            }
        })
        .collect()
}

/// The time axis: every time drawn (and the horizon's start), padded.
fn span(m: &Clock, krows: &[KRow]) -> (f64, f64) {
    let times: Vec<f64> = krows
        .iter()
        .flat_map(|r| {
            [
                r.planned,
                r.latest,
                r.villages.map(|v| v.0),
                r.villages.map(|v| v.1),
                r.village_planned,
                r.deadline,
            ]
        })
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
    (t0, t1)
}

/// One kecamatan's marks at `y` on an axis from `t0` to `t1`.
fn draw_krow<DB: DrawingBackend<ErrorType: 'static>>(
    chart: &mut ChartContext<DB, Cartesian2d<super::Ticked, super::Ticked>>,
    r: &KRow,
    y: f64,
    (t0, t1): (f64, f64),
) -> Result<()> {
    if let Some((a, b)) = r.villages {
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(a, y - 0.28), (b.max(a + (t1 - t0) * 0.003), y - 0.08)],
                colour::ORANGE.filled(),
            )))
            .drawn()?;
    }
    if let Some(v) = r.village_planned {
        chart
            .draw_series(std::iter::once(Circle::new(
                (v, y - 0.18),
                6,
                colour::GREY.filled(),
            )))
            .drawn()?;
    }
    if let Some(c) = r.planned {
        chart
            .draw_series(std::iter::once(Circle::new(
                (c, y + 0.15),
                8,
                colour::BLUE.filled(),
            )))
            .drawn()?;
    }
    if let Some(l) = r.latest {
        chart
            .draw_series(std::iter::once(
                EmptyElement::at((l, y + 0.15))
                    + Polygon::new(
                        vec![(0, -10), (10, 0), (0, 10), (-10, 0)],
                        colour::VERMILLION.filled(),
                    ),
            ))
            .drawn()?;
    }
    if let Some(d) = r.deadline {
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [
                    (d - (t1 - t0) * 0.002, y - 0.35),
                    (d + (t1 - t0) * 0.002, y + 0.35),
                ],
                colour::BLACK.filled(),
            )))
            .drawn()?;
    }
    Ok(())
}

/// The chart.
pub(crate) struct PlanChart<'a>(pub &'a Plan);

impl Body for PlanChart<'_> {
    fn draw<DB: DrawingBackend<ErrorType: 'static>>(
        &self,
        _root: &DrawingArea<DB, Shift>,
        body: &DrawingArea<DB, Shift>,
    ) -> Result<()> {
        let (m, p) = (&self.0.clock, self.0);
        let n = p.kecamatan.len();
        if n == 0 {
            return super::message(body, &t!(super::lang(), "no-kecamatan"));
        }
        let krows = krows(p);
        let (bw, bh) = body.dim_in_pixel();
        let (plot, strip) = body.split_vertically(bh - 44);
        let lf = font(size::LABEL);
        let labels: Vec<String> = krows.iter().map(|r| r.label.clone()).collect();
        let name_w = labels
            .iter()
            .map(|l| text_width(l, &lf))
            .max()
            .unwrap_or(0)
            .min(bw as i32 / 3);
        let (t0, t1) = span(m, &krows);
        // Ticks that fit their labels in the plot's width (date at midnights, times between).
        let (ticks, step) = time_ticks_px(m, t0, t1, bw as i32 - name_w - 60);
        let shown = ticks.clone();
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
        let xl = |x: &f64| time_tick_label(m, *x, step, &shown);
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(colour::GRID)
            .x_label_formatter(&xl)
            .y_label_formatter(&yl)
            .label_style(font(size::LABEL))
            .axis_desc_style(font(size::AXIS))
            .x_desc(t!(super::lang(), "plan-axis", zone = super::zone_name(m)))
            .draw()
            .drawn()?;
        for (i, r) in krows.iter().enumerate() {
            let y = (n - 1 - i) as f64;
            draw_krow(&mut chart, r, y, (t0, t1))?;
        }
        legend_row(
            &strip,
            (name_w + 20, 22),
            &[
                (
                    Mark::Dot(colour::BLUE, 8),
                    t!(super::lang(), "plan-ppk-planned"),
                ),
                (
                    Mark::Square(colour::VERMILLION),
                    t!(super::lang(), "plan-ppk-latest"),
                ),
                (
                    Mark::Dot(colour::GREY, 6),
                    t!(super::lang(), "plan-pps-planned"),
                ),
                (
                    Mark::Block(colour::ORANGE),
                    t!(super::lang(), "plan-pps-latest"),
                ),
                (
                    Mark::Tick(colour::BLACK),
                    t!(super::lang(), "plan-deadline"),
                ),
            ],
        )
    }
}

/// The latest-safe-dispatch timeline.
pub fn chart(p: &Plan) -> Result<Chart> {
    let c = framed::render(
        "plan",
        &match p.measure {
            Measure::Tps => t!(
                super::lang(),
                "plan-title-tps",
                target = pct_short(p.target)
            ),
            Measure::Ppk => t!(
                super::lang(),
                "plan-title-ppk",
                target = pct_short(p.target)
            ),
        },
        &match p.measure {
            Measure::Tps => t!(super::lang(), "plan-guide-tps"),
            Measure::Ppk => t!(super::lang(), "plan-guide-ppk"),
        },
        &framed::footer(
            &p.scenario,
            p.seed,
            p.runs,
            &t!(super::lang(), "per-evaluation"),
        ),
        &PlanChart(p),
    )?;
    Ok(c)
}
