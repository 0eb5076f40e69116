//! Axes: local-time ticks and labels (in the scenario's time zone) and round numeric ticks.

use super::style::{font, size, text_width};
use crate::model::Model;

/// The local time zone of the scenario, like "WIB, UTC+07:00".
pub(crate) fn zone_name(m: &Model) -> String {
    let off = m.start.format("%:z").to_string();
    match off.as_str() {
        "+07:00" => format!("WIB, UTC{off}"),
        "+08:00" => format!("WITA, UTC{off}"),
        "+09:00" => format!("WIT, UTC{off}"),
        _ => format!("UTC{off}"),
    }
}

/// Tick positions (hours from start) on a local-time axis from `t0` to `t1`, at most `max`
/// of them, at round local times; and the step in hours.
pub(crate) fn time_ticks(m: &Model, t0: f64, t1: f64, max: usize) -> (Vec<f64>, f64) {
    let span = (t1 - t0).max(1e-9);
    let max = max.max(2);
    let step = TIME_STEPS
        .iter()
        .copied()
        .find(|s| span / s < max as f64)
        .unwrap_or(720.0);
    (ticks_every(m, t0, t1, step), step)
}

/// Steps of a time axis, hours.
const TIME_STEPS: [f64; 12] = [
    0.5, 1.0, 2.0, 3.0, 6.0, 12.0, 24.0, 48.0, 72.0, 168.0, 336.0, 720.0,
];

/// Every `step` hours from `t0` to `t1`, at local times that are multiples of the step after
/// local midnight (whole days from midnight).
fn ticks_every(m: &Model, t0: f64, t1: f64, step: f64) -> Vec<f64> {
    let s0 = m.start_minute / 60.0;
    let first = ((t0 + s0) / step).ceil() * step - s0;
    let mut v = Vec::new();
    let mut t = first;
    while t <= t1 + 1e-9 && v.len() < 100 {
        v.push(t);
        t += step;
    }
    v
}

/// Whether local time `h` hours after the start is local midnight.
fn at_midnight(m: &Model, h: f64) -> bool {
    let mins = ((m.start_minute + h * 60.0).round() as i64).rem_euclid(24 * 60);
    mins == 0
}

/// Ticks on a local-time axis from `t0` to `t1` spanning `px` pixels: as many as their labels
/// leave room for; and the step in hours. Label them with [`time_tick_label`].
pub(crate) fn time_ticks_px(m: &Model, t0: f64, t1: f64, px: i32) -> (Vec<f64>, f64) {
    let f = font(size::LABEL);
    let day = text_width("30 Sep", &f).max(text_width("12:00", &f)) + 40;
    let long = text_width("30 Sep 12:00", &f) + 40;
    let span = (t1 - t0).max(1e-9);
    for step in TIME_STEPS.iter().copied().filter(|s| *s >= 1.0) {
        let ticks = ticks_every(m, t0, t1, step);
        // Whole days, or times of day with the date at each midnight, need little room.
        let compact = step >= 24.0 || ticks.iter().any(|&t| at_midnight(m, t));
        let w = if compact { day } else { long };
        if (span / step + 1.0) * w as f64 <= px as f64 {
            return (ticks, step);
        }
    }
    // Too narrow for any step's labels: the fewest ticks.
    time_ticks(m, t0, t1, 2)
}

/// The label of tick `h` among `ticks` (from [`time_ticks_px`]): the date at whole days and
/// at midnights, the time of day between them (`12 Feb`, `06:00`, `12:00`, ...), or the date
/// and time at every tick when no tick falls at midnight.
pub(crate) fn time_tick_label(m: &Model, h: f64, step: f64, ticks: &[f64]) -> String {
    let compact = step < 24.0 && ticks.iter().any(|&x| at_midnight(m, x));
    if compact && at_midnight(m, h) {
        time_label(m, h, 24.0)
    } else if compact {
        crate::lang::format::clock(super::lang(), &crate::time::at(&m.start, h))
    } else {
        time_label(m, h, step)
    }
}

/// Round tick positions from `lo` to `hi`, at most about `max` of them, and the decimals
/// their labels need.
pub(crate) fn nice_ticks(lo: f64, hi: f64, max: usize) -> (Vec<f64>, usize) {
    let span = (hi - lo).abs().max(1e-12);
    let raw = span / max.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let (mult, extra) = [(1.0, 0), (2.0, 0), (2.5, 1), (5.0, 0), (10.0, 0)]
        .into_iter()
        .find(|(m, _)| m * mag >= raw - 1e-12)
        .unwrap_or((10.0, 0));
    let step = mult * mag;
    let decimals = ((-(step.log10().floor())).max(0.0) as usize + extra).min(6);
    let mut v = Vec::new();
    let mut i = (lo / step).ceil();
    while i * step <= hi + step * 1e-9 && v.len() < 200 {
        v.push(i * step);
        i += 1.0;
    }
    (v, decimals)
}

/// A local time label for a tick: `10 Feb 12:00`, or `10 Feb` for whole-day steps.
pub(crate) fn time_label(m: &Model, h: f64, step: f64) -> String {
    let t = crate::time::at(&m.start, h);
    let lang = super::lang();
    if step >= 24.0 {
        crate::lang::format::day_month(lang, &t)
    } else {
        format!(
            "{} {}",
            crate::lang::format::day_month(lang, &t),
            crate::lang::format::clock(lang, &t)
        )
    }
}

/// A local datetime for annotations: `10 Feb 12:00`.
pub(crate) fn when(m: &Model, h: f64) -> String {
    time_label(m, h, 1.0)
}

/// A numeric axis with the tick positions given (plotters' `WithKeyPoints` over `f64` has no
/// label formatter, so it cannot draw a mesh): labels come from the mesh's label formatter.
#[derive(Debug, Clone)]
pub(crate) struct Ticked {
    lo: f64,
    hi: f64,
    ticks: Vec<f64>,
}

/// An axis from `range.start` to `range.end` with ticks at `ticks`.
pub(crate) fn ticked(range: std::ops::Range<f64>, ticks: Vec<f64>) -> Ticked {
    Ticked {
        lo: range.start,
        hi: range.end,
        ticks,
    }
}

impl plotters::coord::ranged1d::Ranged for Ticked {
    type FormatOption = plotters::coord::ranged1d::DefaultFormatting;
    type ValueType = f64;
    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        plotters::coord::types::RangedCoordf64::from(self.lo..self.hi).map(v, limit)
    }
    fn key_points<H: plotters::coord::ranged1d::KeyPointHint>(&self, hint: H) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }
    fn range(&self) -> std::ops::Range<f64> {
        self.lo..self.hi
    }
}
