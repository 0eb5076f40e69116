//! Charts: one module per chart, the shared style here.
//!
//! Every chart is drawn by one function generic over the plotters backend, and rendered twice:
//! into an RGB buffer encoded as PNG, and into an SVG string. Text is drawn with DejaVu Sans,
//! embedded by the `dejavu` crate and registered once as plotters' "sans-serif" (no system
//! fonts). The SVG names the family `sans-serif`, so a browser uses its own sans-serif font.
//!
//! Layout: every chart has the same frame (title, one-line reading guide, small print with the
//! scenario, seed and replications), a plotting area, and legends drawn beside or below the
//! plot rather than over the data, so that nothing overlaps whatever the figures.

mod arrival;
mod causes;
mod convergence;
mod late_tps;
mod map;
mod ontime;
mod timeline;

pub mod analysis;
pub mod backtest;
mod plan;
pub mod qq;
mod strategy_cost;
mod strategy_diff;
mod sweep;
mod tornado;

use std::sync::Once;

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle};

use crate::error::{Error, Result};
use crate::model::Model;
use crate::pipeline::ScenarioRun;
use crate::summary::Summary;

pub use map::load_basemap;

/// One rendered chart.
#[derive(Debug, Clone)]
pub struct Chart {
    /// File stem: the chart is written as `<name>.png` and `<name>.svg`.
    pub name: &'static str,
    /// Title, as drawn on the chart.
    pub title: String,
    /// One-line reading guide, drawn under the title and repeated in the report.
    pub guide: String,
    /// PNG bytes, [`WIDTH`] × [`HEIGHT`].
    pub png: Vec<u8>,
    /// SVG document, the same size.
    pub svg: String,
}

/// Chart width, pixels.
pub const WIDTH: u32 = 1200;
/// Chart height, pixels.
pub const HEIGHT: u32 = 800;

/// Font sizes in plotters' units. Plotters draws SVG text at `size / 1.24` px, and DejaVu at
/// about `size / 1.16` px per em in bitmaps: 18 is the smallest size that stays at 14 px or
/// more in both.
pub(crate) mod size {
    /// Chart title.
    pub const TITLE: f64 = 32.0;
    /// Reading guide under the title.
    pub const GUIDE: f64 = 20.0;
    /// Axis descriptions.
    pub const AXIS: f64 = 21.0;
    /// Tick labels, legend entries, annotations.
    pub const LABEL: f64 = 19.0;
    /// Small print.
    pub const SMALL: f64 = 18.0;
}

/// The Okabe–Ito palette, safe for the common forms of colour blindness.
pub(crate) mod colour {
    use plotters::style::RGBColor;
    /// Black.
    pub const BLACK: RGBColor = RGBColor(0, 0, 0);
    /// Orange.
    pub const ORANGE: RGBColor = RGBColor(230, 159, 0);
    /// Sky blue.
    pub const SKY: RGBColor = RGBColor(86, 180, 233);
    /// Bluish green.
    pub const GREEN: RGBColor = RGBColor(0, 158, 115);
    /// Yellow.
    pub const YELLOW: RGBColor = RGBColor(240, 228, 66);
    /// Blue.
    pub const BLUE: RGBColor = RGBColor(0, 114, 178);
    /// Vermillion.
    pub const VERMILLION: RGBColor = RGBColor(213, 94, 0);
    /// Reddish purple.
    pub const PURPLE: RGBColor = RGBColor(204, 121, 167);
    /// Text grey.
    pub const TEXT_GREY: RGBColor = RGBColor(80, 80, 80);
    /// Grid grey.
    pub const GRID: RGBColor = RGBColor(225, 225, 225);
    /// Mid grey for neutral marks.
    pub const GREY: RGBColor = RGBColor(150, 150, 150);
    /// Series colours, in order (yellow is left out: too light for lines on white).
    pub const SERIES: [RGBColor; 7] = [BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, BLACK];
}

/// The colour and dash of series `i`: the seven series colours solid, then dashed.
pub(crate) fn series_style(i: usize) -> (RGBColor, bool) {
    let n = colour::SERIES.len();
    (colour::SERIES[i % n], (i / n) % 2 == 1)
}

static FONT: Once = Once::new();

/// Register DejaVu Sans as plotters' "sans-serif" (normal and bold), once per process.
fn ensure_font() {
    FONT.call_once(|| {
        // The bytes are a valid TrueType font embedded at compile time; a failure here would
        // show as a "font unavailable" drawing error, reported like any other.
        let _ = plotters::style::register_font(
            "sans-serif",
            FontStyle::Normal,
            dejavu::sans::regular(),
        );
        let _ = plotters::style::register_font("sans-serif", FontStyle::Bold, dejavu::sans::bold());
    });
}

/// Turn a plotters error into tepat's.
pub(crate) trait Drawn<T> {
    /// Map the error.
    fn drawn(self) -> Result<T>;
}

impl<T, E: std::error::Error + Send + Sync + 'static> Drawn<T> for std::result::Result<T, E> {
    fn drawn(self) -> Result<T> {
        self.map_err(|e| Error::caused("drawing failed: ", e))
    }
}

/// A regular font of `size`.
pub(crate) fn font(size: f64) -> FontDesc<'static> {
    FontDesc::new(FontFamily::SansSerif, size, FontStyle::Normal)
}

/// A bold font of `size`.
pub(crate) fn bold(size: f64) -> FontDesc<'static> {
    FontDesc::new(FontFamily::SansSerif, size, FontStyle::Bold)
}

/// A text style: font, colour, anchor.
pub(crate) fn text(f: FontDesc<'static>, c: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    f.color(&c).pos(Pos::new(h, v))
}

/// Width of `s` in pixels in font `f` (0 if it cannot be measured).
pub(crate) fn text_width(s: &str, f: &FontDesc) -> i32 {
    f.box_size(s).map(|(w, _)| w as i32).unwrap_or(0)
}

/// The label of the row at `y` on a chart of horizontal bars whose rows run from the top
/// (`labels[0]` at y = n − 1) down, shortened to `max_w` pixels of the label font; empty
/// between and beyond the rows.
pub(crate) fn row_label(labels: &[String], y: f64, max_w: i32) -> String {
    let i = labels.len() as i64 - 1 - y.round() as i64;
    usize::try_from(i)
        .ok()
        .and_then(|i| labels.get(i))
        .map(|l| fit(l, &font(size::LABEL), max_w))
        .unwrap_or_default()
}

/// `s`, shortened with an ellipsis to fit `max_w` pixels in font `f`.
///
/// The longest prefix that fits is found by bisection over at most `max_w` characters (no
/// glyph is narrower than a pixel, save zero-width marks), so a name of a million characters
/// costs about 20 measurements of at most `max_w` characters, not one per dropped character.
pub(crate) fn fit(s: &str, f: &FontDesc, max_w: i32) -> String {
    let limit = max_w.max(0) as usize;
    // Byte offsets of the first `limit + 1` character boundaries.
    let ends: Vec<usize> = s
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .take(limit + 1)
        .collect();
    if ends.len() <= limit && text_width(s, f) <= max_w {
        return s.to_string();
    }
    let with_dots = |n: usize| {
        let end = if n == 0 { 0 } else { ends[n - 1] };
        s[..end].to_string() + "…"
    };
    // Largest n in [0, len] whose prefix with an ellipsis fits (0 if none does).
    let (mut lo, mut hi) = (0usize, ends.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if text_width(&with_dots(mid), f) <= max_w {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo == 0 {
        String::new()
    } else {
        with_dots(lo)
    }
}

/// Polygon rings of (longitude, latitude).
pub type Rings = Vec<Vec<(f64, f64)>>;

/// What one run's charts need besides the run: the footer line and the basemap.
pub(crate) struct Ctx<'a> {
    /// The run.
    pub run: &'a ScenarioRun,
    /// Its summary.
    pub s: &'a Summary,
    /// Its model.
    pub m: &'a Model,
    /// Small print: scenario, seed, replications.
    pub footer: String,
    /// Basemap rings (lon, lat) and the credit line, if a basemap is drawn.
    pub basemap: Option<(Rings, String)>,
    /// A basemap named by the run that does not exist.
    pub basemap_missing: Option<std::path::PathBuf>,
}

impl<'a> Ctx<'a> {
    /// Build the context, reading the basemap if the run names one.
    pub fn new(run: &'a ScenarioRun) -> Result<Self> {
        let s = &run.summary;
        // A basemap that is named but absent is left out (the map says so); one that exists
        // but cannot be read or parsed is an error naming the file.
        let basemap_missing = run.missing_basemap().map(std::path::Path::to_path_buf);
        let basemap = match run.basemap.as_ref().filter(|p| p.exists()) {
            Some(p) => {
                let rings = load_basemap(p)?;
                let credit = run
                    .loaded
                    .file
                    .scenario
                    .basemap_credit
                    .clone()
                    .unwrap_or_else(|| "Boundaries: BPS / OCHA HDX COD-AB (CC BY-IGO)".into());
                Some((rings, credit))
            }
            None => None,
        };
        let footer = format!(
            "Scenario “{}” · seed {} · {} replications · start {} ({}) · tepat {}",
            s.scenario,
            run.manifest.seed,
            thousands(s.runs),
            s.start,
            zone_name(&run.model),
            run.manifest.tool_version
        );
        Ok(Ctx {
            run,
            s,
            m: &run.model,
            footer,
            basemap,
            basemap_missing,
        })
    }
}

/// `12345` as `12,345`.
pub(crate) fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

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

/// A probability as a percentage with one decimal: `97.3%`.
pub(crate) fn pct(p: f64) -> String {
    format!("{:.1}%", p * 100.0)
}

/// A probability as a short percentage: `95%`, or `97.5%` when not whole.
pub(crate) fn pct_short(p: f64) -> String {
    let x = p * 100.0;
    if (x - x.round()).abs() < 1e-9 {
        format!("{x:.0}%")
    } else {
        format!("{x:.1}%")
    }
}

/// Hours as a short duration: `45 min`, `5.5 h`, `2 d 3 h`.
pub(crate) fn dur(h: f64) -> String {
    let a = h.abs();
    if a < 1.0 {
        format!("{:.0} min", a * 60.0)
    } else if a < 48.0 {
        if a < 10.0 {
            format!("{a:.1} h")
        } else {
            format!("{a:.0} h")
        }
    } else {
        let d = (a / 24.0).floor();
        format!("{d:.0} d {:.0} h", a - d * 24.0)
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
        crate::time::at(&m.start, h).format("%H:%M").to_string()
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
    if step >= 24.0 {
        t.format("%-d %b").to_string()
    } else {
        t.format("%-d %b %H:%M").to_string()
    }
}

/// A local datetime for annotations: `10 Feb 12:00`.
pub(crate) fn when(m: &Model, h: f64) -> String {
    crate::time::at(&m.start, h)
        .format("%-d %b %H:%M")
        .to_string()
}

/// Layout constants of the frame.
pub(crate) mod frame {
    /// Left and right margin.
    pub const SIDE: i32 = 24;
    /// Top of the body (below title and guide).
    pub const TOP: i32 = 96;
    /// Height of the footer strip.
    pub const BOTTOM: i32 = 40;
}

/// Draw the frame (background, title, guide, small print) and return the body area.
pub(crate) fn draw_frame<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    title: &str,
    guide: &str,
    footer: &str,
) -> Result<DrawingArea<DB, Shift>> {
    root.fill(&WHITE).drawn()?;
    let w = WIDTH as i32 - 2 * frame::SIDE;
    let tf = bold(size::TITLE);
    root.draw(&Text::new(
        fit(title, &tf, w),
        (frame::SIDE, 14),
        text(tf, colour::BLACK, HPos::Left, VPos::Top),
    ))
    .drawn()?;
    let gf = font(size::GUIDE);
    root.draw(&Text::new(
        fit(guide, &gf, w),
        (frame::SIDE, 58),
        text(gf, colour::TEXT_GREY, HPos::Left, VPos::Top),
    ))
    .drawn()?;
    let sf = font(size::SMALL);
    root.draw(&Text::new(
        fit(footer, &sf, w),
        (frame::SIDE, HEIGHT as i32 - 12),
        text(sf, colour::TEXT_GREY, HPos::Left, VPos::Bottom),
    ))
    .drawn()?;
    Ok(root.clone().shrink(
        (frame::SIDE, frame::TOP),
        (
            WIDTH - 2 * frame::SIDE as u32,
            HEIGHT - (frame::TOP + frame::BOTTOM) as u32,
        ),
    ))
}

/// A centred message in an area (a chart with nothing to show).
pub(crate) fn message<DB: DrawingBackend<ErrorType: 'static>>(
    area: &DrawingArea<DB, Shift>,
    msg: &str,
) -> Result<()> {
    let (w, h) = area.dim_in_pixel();
    let f = font(size::AXIS);
    area.draw(&Text::new(
        fit(msg, &f, w as i32 - 20),
        (w as i32 / 2, h as i32 / 2),
        text(f, colour::TEXT_GREY, HPos::Center, VPos::Center),
    ))
    .drawn()
}

/// How a legend entry is drawn.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Mark {
    /// A line, dashed or not.
    Line(RGBColor, bool),
    /// A filled block.
    Block(RGBColor),
    /// A translucent band with a line through it.
    Band(RGBColor),
    /// A filled circle of a radius.
    Dot(RGBColor, i32),
    /// A filled square.
    Square(RGBColor),
    /// An upward triangle.
    Triangle(RGBColor),
    /// A short vertical bar.
    Tick(RGBColor),
    /// A horizontal whisker with end caps.
    Whisker(RGBColor),
}

/// Draw a mark centred at `(x, y)` in pixels of `area`, fitting a 28 × 18 box.
pub(crate) fn draw_mark<DB: DrawingBackend<ErrorType: 'static>>(
    area: &DrawingArea<DB, Shift>,
    mark: Mark,
    (x, y): (i32, i32),
) -> Result<()> {
    match mark {
        Mark::Line(c, dashed) => {
            if dashed {
                area.draw(&DashedPathElement::new(
                    vec![(x - 14, y), (x + 14, y)],
                    6,
                    4,
                    c.stroke_width(3),
                ))
                .drawn()
            } else {
                area.draw(&PathElement::new(
                    vec![(x - 14, y), (x + 14, y)],
                    c.stroke_width(3),
                ))
                .drawn()
            }
        }
        Mark::Block(c) => area
            .draw(&Rectangle::new(
                [(x - 12, y - 8), (x + 12, y + 8)],
                c.filled(),
            ))
            .drawn(),
        Mark::Band(c) => {
            area.draw(&Rectangle::new(
                [(x - 14, y - 8), (x + 14, y + 8)],
                c.mix(0.25).filled(),
            ))
            .drawn()?;
            area.draw(&PathElement::new(
                vec![(x - 14, y), (x + 14, y)],
                c.stroke_width(3),
            ))
            .drawn()
        }
        Mark::Dot(c, r) => area.draw(&Circle::new((x, y), r, c.filled())).drawn(),
        Mark::Square(c) => area
            .draw(&Rectangle::new(
                [(x - 7, y - 7), (x + 7, y + 7)],
                c.filled(),
            ))
            .drawn(),
        Mark::Triangle(c) => area
            .draw(&Polygon::new(
                vec![(x, y - 8), (x - 8, y + 7), (x + 8, y + 7)],
                c.filled(),
            ))
            .drawn(),
        Mark::Tick(c) => area
            .draw(&Rectangle::new(
                [(x - 2, y - 10), (x + 2, y + 10)],
                c.filled(),
            ))
            .drawn(),
        Mark::Whisker(c) => {
            let s = c.stroke_width(2);
            area.draw(&PathElement::new(vec![(x - 13, y), (x + 13, y)], s))
                .drawn()?;
            area.draw(&PathElement::new(vec![(x - 13, y - 6), (x - 13, y + 6)], s))
                .drawn()?;
            area.draw(&PathElement::new(vec![(x + 13, y - 6), (x + 13, y + 6)], s))
                .drawn()
        }
    }
}

/// Row height of a legend entry.
pub(crate) const LEGEND_ROW: i32 = 28;

/// A legend in a column: an optional heading, then one entry a row, from `(x, y)` of `area`,
/// texts shortened to fit `width`. Returns the y below the last row.
pub(crate) fn legend_column<DB: DrawingBackend<ErrorType: 'static>>(
    area: &DrawingArea<DB, Shift>,
    (x, mut y): (i32, i32),
    width: i32,
    heading: Option<&str>,
    items: &[(Mark, String)],
) -> Result<i32> {
    let f = font(size::LABEL);
    if let Some(h) = heading {
        let bf = bold(size::LABEL);
        area.draw(&Text::new(
            fit(h, &bf, width),
            (x, y + LEGEND_ROW / 2),
            text(bf, colour::BLACK, HPos::Left, VPos::Center),
        ))
        .drawn()?;
        y += LEGEND_ROW;
    }
    // Entries that do not fit in the area's height are summarised in the last row.
    let (_, h) = area.dim_in_pixel();
    let room = ((h as i32 - y) / LEGEND_ROW).max(1) as usize;
    let shown = if items.len() > room {
        room - 1
    } else {
        items.len()
    };
    for (mark, label) in &items[..shown] {
        draw_mark(area, *mark, (x + 14, y + LEGEND_ROW / 2))?;
        area.draw(&Text::new(
            fit(label, &f, width - 38),
            (x + 38, y + LEGEND_ROW / 2),
            text(f.clone(), colour::BLACK, HPos::Left, VPos::Center),
        ))
        .drawn()?;
        y += LEGEND_ROW;
    }
    if shown < items.len() {
        area.draw(&Text::new(
            format!("… and {} more", items.len() - shown),
            (x + 38, y + LEGEND_ROW / 2),
            text(f, colour::TEXT_GREY, HPos::Left, VPos::Center),
        ))
        .drawn()?;
        y += LEGEND_ROW;
    }
    Ok(y)
}

/// A legend in one row, entries side by side from `(x, y)` (the row's vertical centre).
pub(crate) fn legend_row<DB: DrawingBackend<ErrorType: 'static>>(
    area: &DrawingArea<DB, Shift>,
    (mut x, y): (i32, i32),
    items: &[(Mark, String)],
) -> Result<()> {
    let f = font(size::LABEL);
    for (mark, label) in items {
        draw_mark(area, *mark, (x + 14, y))?;
        area.draw(&Text::new(
            label.clone(),
            (x + 36, y),
            text(f.clone(), colour::BLACK, HPos::Left, VPos::Center),
        ))
        .drawn()?;
        x += 36 + text_width(label, &f) + 28;
    }
    Ok(())
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

/// The charts, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    OnTime,
    Arrival,
    Timeline,
    Causes,
    LateTps,
    Map,
    Convergence,
}

const ALL: [Which; 7] = [
    Which::OnTime,
    Which::Timeline,
    Which::Arrival,
    Which::Causes,
    Which::LateTps,
    Which::Map,
    Which::Convergence,
];

impl Which {
    fn name(self) -> &'static str {
        match self {
            Which::OnTime => "ontime",
            Which::Arrival => "arrival",
            Which::Timeline => "timeline",
            Which::Causes => "causes",
            Which::LateTps => "late_tps",
            Which::Map => "map",
            Which::Convergence => "convergence",
        }
    }
    fn title(self) -> &'static str {
        match self {
            Which::OnTime => "On time by kecamatan",
            Which::Arrival => "Arrival curves",
            Which::Timeline => "Timeline",
            Which::Causes => "Why late",
            Which::LateTps => "Late TPS",
            Which::Map => "Map",
            Which::Convergence => "Convergence",
        }
    }
    fn guide(self, ctx: &Ctx) -> String {
        match self {
            Which::OnTime => ontime::guide(ctx),
            Which::Arrival => arrival::guide(ctx),
            Which::Timeline => timeline::guide(ctx),
            Which::Causes => causes::guide(ctx),
            Which::LateTps => late_tps::guide(ctx),
            Which::Map => map::guide(ctx),
            Which::Convergence => convergence::guide(ctx),
        }
    }
    fn draw<DB: DrawingBackend<ErrorType: 'static>>(
        self,
        root: &DrawingArea<DB, Shift>,
        ctx: &Ctx,
    ) -> Result<()> {
        let body = draw_frame(root, self.title(), &self.guide(ctx), &ctx.footer)?;
        match self {
            Which::OnTime => ontime::draw(root, &body, ctx),
            Which::Arrival => arrival::draw(root, &body, ctx),
            Which::Timeline => timeline::draw(root, &body, ctx),
            Which::Causes => causes::draw(root, &body, ctx),
            Which::LateTps => late_tps::draw(root, &body, ctx),
            Which::Map => map::draw(root, &body, ctx),
            Which::Convergence => convergence::draw(root, &body, ctx),
        }
    }
}

/// Render one chart as PNG bytes and an SVG string.
fn render(which: Which, ctx: &Ctx) -> Result<(Vec<u8>, String)> {
    let mut buf = vec![255u8; (WIDTH * HEIGHT * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (WIDTH, HEIGHT)).into_drawing_area();
        which.draw(&root, ctx)?;
        root.present().drawn()?;
    }
    let png = encode_png(&buf, WIDTH, HEIGHT)?;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        which.draw(&root, ctx)?;
        root.present().drawn()?;
    }
    // Every text of every chart ends up here: no character XML forbids (a NUL or an ESC in a
    // name) may make the SVG invalid.
    let svg = match crate::text::xml_safe(&svg) {
        std::borrow::Cow::Borrowed(_) => svg,
        std::borrow::Cow::Owned(s) => s,
    };
    Ok((png, svg))
}

/// Encode an RGB buffer as PNG.
fn encode_png(rgb: &[u8], w: u32, h: u32) -> Result<Vec<u8>> {
    use image::ImageEncoder;
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(rgb, w, h, image::ColorType::Rgb8)
        .map_err(|e| Error::caused("could not encode a PNG: ", e))?;
    Ok(out)
}

/// Every chart of a run, rendered as PNG and SVG.
pub fn charts(run: &ScenarioRun) -> Result<Vec<Chart>> {
    ensure_font();
    let ctx = Ctx::new(run)?;
    ALL.iter()
        .map(|&w| {
            let (png, svg) = render(w, &ctx).map_err(|e| match e {
                Error::Other(msg) => Error::Other(format!("chart '{}': {msg}", w.name())),
                Error::Caused { context, source } => Error::Caused {
                    context: format!("chart '{}': {context}", w.name()),
                    source,
                },
                e => e,
            })?;
            Ok(Chart {
                name: w.name(),
                title: w.title().to_string(),
                guide: w.guide(&ctx),
                png,
                svg,
            })
        })
        .collect()
}

/// The names (file stems) of the charts [`charts`] makes, in order.
pub fn chart_names() -> Vec<&'static str> {
    ALL.iter().map(|w| w.name()).collect()
}

#[cfg(test)]
mod tests;
