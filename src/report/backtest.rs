//! `backtest.html`: the backtest's table, calibration table and band chart on one page, built
//! from the same cells as `backtest.csv` ([`crate::export::backtest`]).

use crate::backtest::Backtest;
use crate::export::backtest::{band, percentile};
use crate::report::template::escape;

/// `backtest.html`: the table, the calibration table and the chart, in one page.
pub fn backtest_html(b: &Backtest, svg: &str) -> String {
    let mut rows = String::new();
    for ((it, p), s) in b.items.iter().zip(&b.predictive).zip(&b.scores) {
        rows.push_str(&format!(
            "<tr class=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            if s.central_95 { "in" } else { "out" },
            escape(&it.quantity_name),
            escape(&it.place),
            escape(&it.observed_text),
            escape(&percentile(s)),
            escape(&band(&b.clock, it, p)),
            if s.central_95 { "yes" } else { "NO" },
            escape(&it.source),
        ));
    }
    let mut cal = String::new();
    for c in &b.calibration {
        cal.push_str(&format!(
            "<tr><td>{:.0}%</td><td>{} of {}</td><td>{:.0}%</td></tr>\n",
            c.level * 100.0,
            c.inside,
            c.items,
            100.0 * c.inside as f64 / c.items.max(1) as f64
        ));
    }
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Backtest: {name}</title>
<style>
body {{ font-family: sans-serif; margin: 1rem; max-width: 80rem; color: #222; }}
.wrap {{ overflow-x: auto; }}
table {{ border-collapse: collapse; margin: 1rem 0; }}
td, th {{ border-bottom: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }}
tr.out td {{ background: #fde2d6; }}
td:last-child {{ min-width: 16rem; }}
svg {{ width: 100%; height: auto; }}
</style></head><body>
<h1>Backtest: {name}</h1>
<p>Each row is something that happened, as the record says it, against what the scenario
predicts for it over {runs} replications (seed {seed}). The <b>percentile</b> says where the
observed value falls among the model's outcomes: 50% is the middle, below 2.5% or above 97.5%
means the model hardly expected it. A calibrated model puts about 95% of the observed items
inside its central 95%.</p>
<div class="wrap"><table>
<tr><th>quantity</th><th>place</th><th>observed</th><th>percentile</th><th>central 95% of the model</th><th>inside</th><th>source</th></tr>
{rows}</table></div>
<h2>Calibration</h2>
<table><tr><th>central share</th><th>observed items inside</th><th>share</th></tr>
{cal}</table>
<h2>Observed value on its predictive band</h2>
{svg}
</body></html>
"#,
        name = escape(&b.scenario),
        runs = b.runs,
        seed = b.seed,
    )
}
