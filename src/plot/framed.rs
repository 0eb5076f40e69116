//! Rendering a chart whose body is drawn by a [`Body`] inside the shared frame: the charts
//! of the what-if commands and of the strategy comparison. Each such chart's file has its
//! `chart` function; this file lists none of them.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{Chart, Drawn, HEIGHT, WIDTH, draw_frame, encode_png, ensure_font};
use crate::error::Result;
use crate::lang::t;

/// A chart body: drawn into the area inside the shared frame.
pub(crate) trait Body {
    /// Draw into `body`; `root` is the whole canvas (for free text).
    fn draw<DB: DrawingBackend<ErrorType: 'static>>(
        &self,
        root: &DrawingArea<DB, Shift>,
        body: &DrawingArea<DB, Shift>,
    ) -> Result<()>;
}

/// Render a framed chart as PNG and SVG.
pub(crate) fn render(
    name: &'static str,
    title: &str,
    guide: &str,
    footer: &str,
    b: &impl Body,
) -> Result<Chart> {
    ensure_font();
    let mut buf = vec![255u8; (WIDTH * HEIGHT * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (WIDTH, HEIGHT)).into_drawing_area();
        let body = draw_frame(&root, title, guide, footer)?;
        b.draw(&root, &body)?;
        root.present().drawn()?;
    }
    let png = encode_png(&buf, WIDTH, HEIGHT)?;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        let body = draw_frame(&root, title, guide, footer)?;
        b.draw(&root, &body)?;
        root.present().drawn()?;
    }
    Ok(Chart {
        name,
        title: title.to_string(),
        guide: guide.to_string(),
        png,
        svg,
    })
}

/// Files for charts: `<name>.png` and `<name>.svg` each.
pub fn chart_files(charts: Vec<Chart>) -> Vec<crate::output::File> {
    let mut out = Vec::new();
    for c in charts {
        out.push((format!("{}.png", c.name), c.png));
        out.push((format!("{}.svg", c.name), c.svg.into_bytes()));
    }
    out
}

/// The small print of a what-if chart: the scenario, seed and replications of each
/// evaluation, and that every variant shares its random numbers.
pub(crate) fn footer(scenario: &str, seed: u64, runs: u64, what: &str) -> String {
    t!(
        super::lang(),
        "whatif-footer",
        scenario = scenario,
        seed = seed.to_string(),
        runs = super::thousands(runs),
        what = what,
        version = env!("CARGO_PKG_VERSION")
    )
}
