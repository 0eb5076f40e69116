//! Charts: one file per chart; the shared style (`style`), axes (`axes`), frame and legends
//! (`frame`) and rendering (`framed`) beside them.
//!
//! Every chart is drawn by one function generic over the plotters backend, and rendered twice:
//! into an RGB buffer encoded as PNG, and into an SVG string. Text is drawn with DejaVu Sans,
//! embedded by the `dejavu` crate and registered once as plotters' "sans-serif" (no system
//! fonts). The SVG names the family `sans-serif`, so a browser uses its own sans-serif font.
//!
//! Layout: every chart has the same frame (title, one-line reading guide, small print with the
//! scenario, seed and replications), a plotting area, and legends drawn beside or below the
//! plot rather than over the data, so that nothing overlaps whatever the figures.
//!
//! Charts draw figures; they do not compute them: every probability, percentile and ranking a
//! chart shows is a field of the summary structs ([`crate::summary`], the analyses' results),
//! and the places' positions, routes and the clock come from them too: no chart imports the
//! model or the engine (`tests/it/layers.rs`).

mod arrival;
mod axes;
mod basemap;
mod causes;
mod convergence;
mod framed;
mod late_tps;
mod layout;
mod map;
mod ontime;
pub mod plan;
pub mod strategy_cost;
pub mod strategy_diff;
mod style;
pub mod sweep;
mod timeline;
pub mod tornado;

pub mod backtest;
pub mod qq;

use std::path::{Path, PathBuf};

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::error::{Error, Result};
use crate::lang::{Lang, t};
use crate::summary::Summary;

pub(crate) use axes::*;
pub use basemap::{MAX_BASEMAP_BYTES, load_basemap};
pub use framed::chart_files;
pub(crate) use layout::*;
pub(crate) use style::*;
pub use style::{HEIGHT, WIDTH, in_lang, thousands};

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

/// Polygon rings of (longitude, latitude).
pub type Rings = Vec<Vec<(f64, f64)>>;

/// What the charts of one run read.
#[derive(Debug, Clone, Copy)]
pub struct ChartInput<'a> {
    /// The run's figures.
    pub summary: &'a Summary,
    /// The seed, for the small print.
    pub seed: u64,
    /// The tepat version that made the run, for the small print.
    pub tool_version: &'a str,
    /// The basemap to draw beneath the map, if the run names one.
    pub basemap: Option<&'a Path>,
    /// The basemap's credit line (the scenario's `basemap_credit`).
    pub basemap_credit: Option<&'a str>,
    /// The language of the charts' text.
    pub lang: Lang,
}

/// The credit line of a basemap whose scenario gives none.
pub const DEFAULT_BASEMAP_CREDIT: &str = "Boundaries: BPS / OCHA HDX COD-AB (CC BY-IGO)";

/// What one run's charts share: the figures, the footer line and the basemap.
pub(crate) struct Ctx<'a> {
    /// The summary.
    pub s: &'a Summary,
    /// Small print: scenario, seed, replications.
    pub footer: String,
    /// Basemap rings (lon, lat) and the credit line, if a basemap is drawn.
    pub basemap: Option<(Rings, String)>,
    /// A basemap named by the run that does not exist.
    pub basemap_missing: Option<PathBuf>,
}

impl<'a> Ctx<'a> {
    /// Build the context, reading the basemap if the run names one.
    pub fn new(input: &ChartInput<'a>) -> Result<Self> {
        let s = input.summary;
        // A basemap that is named but absent is left out (the map says so); one that exists
        // but cannot be read or parsed is an error naming the file.
        let basemap_missing = input.basemap.filter(|p| !p.exists()).map(Path::to_path_buf);
        let basemap = match input.basemap.filter(|p| p.exists()) {
            Some(p) => {
                let rings = load_basemap(p)?;
                let credit = input
                    .basemap_credit
                    .unwrap_or(DEFAULT_BASEMAP_CREDIT)
                    .to_string();
                Some((rings, credit))
            }
            None => None,
        };
        let footer = t!(
            lang(),
            "chart-footer",
            scenario = &s.scenario,
            seed = input.seed.to_string(),
            runs = thousands(s.runs),
            start = crate::lang::format::datetime(lang(), &s.clock.start),
            version = input.tool_version
        );
        Ok(Ctx {
            s,
            footer,
            basemap,
            basemap_missing,
        })
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
    fn title(self) -> String {
        let l = lang();
        match self {
            Which::OnTime => t!(l, "ontime-title"),
            Which::Arrival => t!(l, "arrival-title"),
            Which::Timeline => t!(l, "timeline-title"),
            Which::Causes => t!(l, "causes-title"),
            Which::LateTps => t!(l, "late-tps-title"),
            Which::Map => t!(l, "map-title"),
            Which::Convergence => t!(l, "convergence-title"),
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
        let body = draw_frame(root, &self.title(), &self.guide(ctx), &ctx.footer)?;
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
pub(crate) fn encode_png(rgb: &[u8], w: u32, h: u32) -> Result<Vec<u8>> {
    use image::ImageEncoder;
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(rgb, w, h, image::ColorType::Rgb8)
        .map_err(|e| Error::caused("could not encode a PNG: ", e))?;
    Ok(out)
}

/// Every chart of a run, rendered as PNG and SVG, in the run's language.
pub fn charts(input: &ChartInput) -> Result<Vec<Chart>> {
    in_lang(input.lang, || charts_in_lang(input))
}

fn charts_in_lang(input: &ChartInput) -> Result<Vec<Chart>> {
    ensure_font();
    let ctx = Ctx::new(input)?;
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
                title: w.title(),
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
