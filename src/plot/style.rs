//! The shared style of every chart: canvas size, font sizes, the Okabe–Ito colours, the
//! embedded font, text measuring and shortening, and number formats.

use crate::lang::Lang;
use std::sync::Once;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle};

use crate::error::{Error, Result};

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
pub(crate) fn ensure_font() {
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

thread_local! {
    /// The language of the chart being drawn on this thread (see [`in_lang`]).
    static LANG: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::En) };
}

/// Draw charts in `lang`: every chart text and the number, percentage, duration and time
/// helpers of this module read the language set here, for the duration of `f` on this thread
/// (charts are drawn on the thread that asks for them). [`super::charts`] sets the run's.
pub fn in_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let old = LANG.with(|l| l.replace(lang));
    struct Restore(Lang);
    impl Drop for Restore {
        fn drop(&mut self) {
            LANG.with(|l| l.set(self.0));
        }
    }
    let _restore = Restore(old);
    f()
}

/// The language of the chart being drawn.
pub(crate) fn lang() -> Lang {
    LANG.with(|l| l.get())
}

/// `12345` as `12,345` (`12.345` in Indonesian charts).
pub fn thousands(n: u64) -> String {
    crate::lang::format::int(lang(), n as i64)
}

/// A probability as a percentage with one decimal: `97.3%` (`97,3%`).
pub(crate) fn pct(p: f64) -> String {
    format!("{}%", crate::lang::format::number(lang(), p * 100.0, 1))
}

/// A probability as a short percentage: `95%`, or `97.5%` when not whole.
pub(crate) fn pct_short(p: f64) -> String {
    let x = p * 100.0;
    let d = if (x - x.round()).abs() < 1e-9 { 0 } else { 1 };
    format!("{}%", crate::lang::format::number(lang(), x, d))
}

/// A number with `d` decimals in the chart's language.
pub(crate) fn num(x: f64, d: usize) -> String {
    crate::lang::format::number(lang(), x, d)
}

/// Hours as a short duration: `45 min`, `5.5 h`, `2 d 3 h` (`5,5 jam`, `2 hr 3 jam`).
pub(crate) fn dur(h: f64) -> String {
    let a = h.abs();
    let (hu, du) = match lang() {
        Lang::Id => ("jam", "hr"),
        Lang::En => ("h", "d"),
    };
    if a < 1.0 {
        format!("{} min", num(a * 60.0, 0))
    } else if a < 48.0 {
        format!("{} {hu}", num(a, if a < 10.0 { 1 } else { 0 }))
    } else {
        let d = (a / 24.0).floor();
        format!("{d:.0} {du} {:.0} {hu}", a - d * 24.0)
    }
}
