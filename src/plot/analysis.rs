//! Charts of the what-if commands and of strategy comparisons: each chart in its own module,
//! rendered here through the shared frame and style.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{Chart, Drawn, HEIGHT, WIDTH, draw_frame, encode_png, ensure_font};
use crate::analysis::plan::Plan;
use crate::analysis::sensitivity::Sensitivity;
use crate::analysis::sweep::Sweep;
use crate::error::Result;
use crate::model::Model;
use crate::strategy::Comparison;

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

fn footer(scenario: &str, seed: u64, runs: u64, what: &str) -> String {
    format!(
        "Scenario “{scenario}” · seed {seed} · {} replications {what} · common random numbers · tepat {}",
        super::thousands(runs),
        env!("CARGO_PKG_VERSION")
    )
}

/// The sweep chart, as files.
pub fn sweep_charts(m: &Model, s: &Sweep) -> Result<Vec<crate::output::File>> {
    let c = render(
        "sweep",
        &format!("P(on time) against {}", s.key),
        "Chance that every TPS is on time (bold, with 95% band) and every TPS of each kecamatan, for each value.",
        &footer(&s.scenario, s.seed, s.runs, "per point"),
        &super::sweep::SweepChart(m, s),
    )?;
    Ok(chart_files(vec![c]))
}

/// The latest-safe-dispatch timeline, as files.
pub fn plan_charts(m: &Model, p: &Plan) -> Result<Vec<crate::output::File>> {
    let c = render(
        "plan",
        &match p.measure {
            crate::analysis::plan::Measure::Tps => format!(
                "Latest safe dispatch for P(every TPS of the kecamatan by H-1) ≥ {}",
                super::pct_short(p.target)
            ),
            crate::analysis::plan::Measure::Ppk => format!(
                "PPK only: latest dispatch for P(PPK by its deadline) ≥ {}",
                super::pct_short(p.target)
            ),
        },
        match p.measure {
            crate::analysis::plan::Measure::Tps => {
                "All recommended dispatches together: PPK planned (circle) and latest safe (diamond), PPS latest safe (span), TPS deadline (bar)."
            }
            crate::analysis::plan::Measure::Ppk => {
                "PPK only, TPS not checked: planned dispatch (circle), latest dispatch that keeps the PPK deadline (diamond), PPK deadline (bar)."
            }
        },
        &footer(&p.scenario, p.seed, p.runs, "per evaluation"),
        &super::plan::PlanChart(m, p),
    )?;
    Ok(chart_files(vec![c]))
}

/// The tornado chart, as files.
pub fn tornado_charts(s: &Sensitivity) -> Result<Vec<crate::output::File>> {
    let c = render(
        "tornado",
        "What matters most for P(every TPS on time)",
        "Each input moved to a low and a high setting, all else at the baseline (line); widest swing on top.",
        &footer(&s.scenario, s.seed, s.runs, "per setting"),
        &super::tornado::Tornado(s),
    )?;
    Ok(chart_files(vec![c]))
}

/// The two strategy charts.
pub fn strategy_charts(scenario: &str, c: &Comparison) -> Result<Vec<Chart>> {
    let f = footer(scenario, c.seed, c.runs, "per strategy");
    Ok(vec![
        render(
            "strategies",
            "Strategies against the baseline",
            "Paired change in P(every TPS on time) per strategy, same replications as the baseline; whiskers: 95% interval.",
            &f,
            &super::strategy_diff::DiffChart(c),
        )?,
        render(
            "strategy_cost",
            "Cost against late TPS avoided",
            "Expected late TPS avoided per replication (95% interval) against cost; line: efficient frontier.",
            &f,
            &super::strategy_cost::CostChart(c),
        )?,
    ])
}
