//! `backtest.html`: the backtest's table, calibration table and band chart on one page, in
//! the run's language, from the same figures as `backtest.csv` ([`crate::export::backtest`]).

use crate::backtest::Backtest;
use crate::backtest::words::{band, inside, observed, percentile, quantity};
use crate::lang::{Lang, format, t};
use crate::report::template::escape;

/// `backtest.html`: the table, the calibration table and the chart, in one page, in `lang`.
pub fn backtest_html(b: &Backtest, svg: &str, lang: Lang) -> String {
    let mut rows = String::new();
    for ((it, p), s) in b.items.iter().zip(&b.predictive).zip(&b.scores) {
        rows.push_str(&format!(
            "<tr class=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            if s.central_95 { "in" } else { "out" },
            escape(&quantity(lang, it)),
            escape(&it.place),
            escape(&observed(lang, &b.clock, it)),
            escape(&percentile(lang, s)),
            escape(&band(lang, &b.clock, it, p)),
            escape(&inside(lang, s)),
            escape(&it.source),
        ));
    }
    let mut cal = String::new();
    for c in &b.calibration {
        cal.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            escape(&format::percent(lang, c.level)),
            escape(&t!(
                lang,
                "bt-of",
                inside = format::int(lang, c.inside as i64),
                items = format::int(lang, c.items as i64)
            )),
            escape(&format::percent(
                lang,
                c.inside as f64 / c.items.max(1) as f64
            ))
        ));
    }
    let th = |keys: &[&str]| -> String {
        keys.iter()
            .map(|k| format!("<th>{}</th>", escape(&crate::lang::tr(lang, k, &[]))))
            .collect()
    };
    let title = escape(&t!(lang, "bt-page-title", scenario = &b.scenario));
    format!(
        r#"<!DOCTYPE html>
<html lang="{code}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: sans-serif; margin: 1rem; max-width: 80rem; color: #222; }}
.wrap {{ overflow-x: auto; }}
table {{ border-collapse: collapse; margin: 1rem 0; }}
td, th {{ border-bottom: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }}
tr.out td {{ background: #fde2d6; }}
td:last-child {{ min-width: 28rem; }}
td:not(:last-child) {{ white-space: nowrap; }}
svg {{ width: 100%; height: auto; }}
</style></head><body>
<h1>{title}</h1>
<p>{intro}</p>
<div class="wrap"><table>
<tr>{head}</tr>
{rows}</table></div>
<h2>{h_cal}</h2>
<div class="wrap"><table><tr>{cal_head}</tr>
{cal}</table></div>
<h2>{h_chart}</h2>
{svg}
</body></html>
"#,
        code = lang.code(),
        intro = escape(&t!(
            lang,
            "bt-page-intro",
            runs = format::int(lang, b.runs as i64),
            seed = b.seed.to_string()
        )),
        head = th(&[
            "bt-col-quantity",
            "bt-col-place",
            "bt-col-observed",
            "bt-col-percentile",
            "bt-col-band",
            "bt-col-inside",
            "bt-col-source"
        ]),
        h_cal = escape(&t!(lang, "bt-page-calibration")),
        cal_head = th(&["bt-col-share", "bt-col-items-inside", "bt-col-share-inside"]),
        h_chart = escape(&t!(lang, "bt-page-chart")),
    )
}
