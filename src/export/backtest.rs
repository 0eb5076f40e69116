//! The files of a backtest and a fit: `backtest.csv`, `calibration.csv`, `backtest.html`,
//! `fit.csv`. Each CSV has a row struct that derives `Serialize` ([`BacktestRow`],
//! [`CalibrationRow`], [`FitRow`]; the field names are the columns), with the `cell` formats:
//! every text cell through the formula guard, every string in the HTML through the report's
//! escaping.

use serde::{Serialize, Serializer};

use super::{cell, serialize_rows};
use crate::backtest::Backtest;
use crate::backtest::fit::{Fitted, sig4};
use crate::backtest::record::Item;
use crate::backtest::score::{Kind, Predictive, Score};
use crate::error::Result;
use crate::time::{Clock, fmt_local};

/// `s` cut to `n` characters with an ellipsis (for the terminal table).
pub fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).collect::<String>() + "…"
    }
}

/// A value of item `it` in its own unit: a local datetime, a count, yes/no.
pub fn native(m: &Clock, it: &Item, v: f64) -> String {
    if it.is_time() {
        if v >= m.horizon {
            "never".into()
        } else {
            fmt_local(&m.start, v)
        }
    } else if it.kind == Kind::Event {
        if v >= 1.0 { "yes".into() } else { "no".into() }
    } else {
        format!("{v:.0}")
    }
}

/// The central 95% of the predictive distribution in the item's unit (for a yes/no: the
/// probability of yes).
pub fn band(m: &Clock, it: &Item, p: &Predictive) -> String {
    if it.kind == Kind::Event {
        return format!("P(yes) = {:.4}", 1.0 - p.below(1.0));
    }
    format!(
        "{} .. {}",
        native(m, it, p.quantile(0.025)),
        native(m, it, p.quantile(0.975))
    )
}

/// The predictive percentile as text: one figure, or the range a discrete or interval
/// observation spans.
pub fn percentile(s: &Score) -> String {
    if (s.pit_hi - s.pit_lo).abs() < 5e-4 {
        format!("{:.1}%", s.pit * 100.0)
    } else {
        format!("{:.1}-{:.1}%", s.pit_lo * 100.0, s.pit_hi * 100.0)
    }
}

fn unit(it: &Item) -> &'static str {
    if it.is_time() {
        "hours"
    } else if it.kind == Kind::Event {
        "yes/no"
    } else {
        "count"
    }
}

/// 6 decimals (a probability or a density).
fn f6<S: Serializer>(x: &f64, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&format!("{x:.6}"))
}

/// 2 decimals (a central share).
fn f2<S: Serializer>(x: &f64, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&format!("{x:.2}"))
}

/// Columns of `backtest.csv` (the field names of [`BacktestRow`]).
pub const BACKTEST_HEADER: [&str; 18] = [
    "line",
    "quantity",
    "place",
    "observed",
    "source",
    "unit",
    "percentile_low",
    "percentile_high",
    "percentile",
    "within_central_95",
    "model_p2_5",
    "model_p50",
    "model_p97_5",
    "probability_or_density",
    "is_density",
    "log_score",
    "brier",
    "crps",
];

/// One row of `backtest.csv`: an observed item against the model's predictive distribution.
#[derive(Debug, Clone, Serialize)]
pub struct BacktestRow {
    /// The item's line in the record.
    pub line: usize,
    /// The quantity, as the record names it.
    #[serde(serialize_with = "cell::text")]
    pub quantity: String,
    /// The place.
    #[serde(serialize_with = "cell::text")]
    pub place: String,
    /// The observed value, as written in the record.
    #[serde(serialize_with = "cell::text")]
    pub observed: String,
    /// Where the observation comes from.
    #[serde(serialize_with = "cell::text")]
    pub source: String,
    /// hours, count or yes/no.
    pub unit: &'static str,
    /// The predictive percentile of the observation: lower end (a discrete or interval
    /// observation spans a range).
    #[serde(serialize_with = "cell::p4")]
    pub percentile_low: f64,
    /// Upper end.
    #[serde(serialize_with = "cell::p4")]
    pub percentile_high: f64,
    /// The percentile (the middle of the range).
    #[serde(serialize_with = "cell::p4")]
    pub percentile: f64,
    /// Whether the observation is inside the model's central 95%.
    #[serde(serialize_with = "cell::yes_no")]
    pub within_central_95: bool,
    /// The model's 2.5th percentile, in the item's unit.
    #[serde(serialize_with = "cell::text")]
    pub model_p2_5: String,
    /// Its median.
    #[serde(serialize_with = "cell::text")]
    pub model_p50: String,
    /// Its 97.5th percentile.
    #[serde(serialize_with = "cell::text")]
    pub model_p97_5: String,
    /// The probability (or density) of the observation under the model.
    #[serde(serialize_with = "f6")]
    pub probability_or_density: f64,
    /// Whether that is a density.
    #[serde(serialize_with = "cell::yes_no")]
    pub is_density: bool,
    /// The log score.
    #[serde(serialize_with = "cell::p4")]
    pub log_score: f64,
    /// The Brier score (yes/no and one-sided items), empty otherwise.
    #[serde(serialize_with = "cell::p4_opt")]
    pub brier: Option<f64>,
    /// The CRPS, empty where it is not defined.
    #[serde(serialize_with = "cell::p4_opt")]
    pub crps: Option<f64>,
}

/// The rows of `backtest.csv`, one per observed item, in the record's order.
pub fn backtest_rows(b: &Backtest) -> Vec<BacktestRow> {
    b.items
        .iter()
        .zip(&b.predictive)
        .zip(&b.scores)
        .map(|((it, p), s)| BacktestRow {
            line: it.line,
            quantity: it.quantity_name.clone(),
            place: it.place.clone(),
            observed: it.observed_text.clone(),
            source: it.source.clone(),
            unit: unit(it),
            percentile_low: s.pit_lo,
            percentile_high: s.pit_hi,
            percentile: s.pit,
            within_central_95: s.central_95,
            model_p2_5: native(&b.clock, it, p.quantile(0.025)),
            model_p50: native(&b.clock, it, p.quantile(0.5)),
            model_p97_5: native(&b.clock, it, p.quantile(0.975)),
            probability_or_density: s.probability,
            is_density: s.is_density,
            log_score: s.log_score,
            brier: s.brier,
            crps: s.crps,
        })
        .collect()
}

/// `backtest.csv`: one row per observed item.
pub fn backtest_csv(b: &Backtest) -> Result<Vec<u8>> {
    serialize_rows(&BACKTEST_HEADER, &backtest_rows(b))
}

/// Columns of `calibration.csv` (the field names of [`CalibrationRow`]).
pub const CALIBRATION_HEADER: [&str; 4] =
    ["central_share", "items_inside", "items", "share_inside"];

/// One row of `calibration.csv`: the items inside one central share of the model's outcomes.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CalibrationRow {
    /// The central share (0.50 for the central 50%).
    #[serde(serialize_with = "f2")]
    pub central_share: f64,
    /// Items observed inside it.
    pub items_inside: usize,
    /// Items in all.
    pub items: usize,
    /// `items_inside / items` (0 without items).
    #[serde(serialize_with = "cell::p4")]
    pub share_inside: f64,
}

/// `calibration.csv`: per central share, the items inside it.
pub fn calibration_csv(b: &Backtest) -> Result<Vec<u8>> {
    let rows: Vec<CalibrationRow> = b
        .calibration
        .iter()
        .map(|c| CalibrationRow {
            central_share: c.level,
            items_inside: c.inside,
            items: c.items,
            share_inside: c.inside as f64 / c.items.max(1) as f64,
        })
        .collect();
    serialize_rows(&CALIBRATION_HEADER, &rows)
}

/// Columns of `fit.csv` (the field names of [`FitRow`]).
pub const FIT_HEADER: [&str; 12] = [
    "family",
    "aic",
    "delta_aic",
    "ks_d",
    "ks_p",
    "param1",
    "value1",
    "se1",
    "param2",
    "value2",
    "se2",
    "scenario_distribution",
];

/// One row of `fit.csv`: a fitted family. The parameters are written with four significant
/// figures (`sig4`), empty for a family with fewer.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FitRow {
    /// The family's name.
    #[serde(serialize_with = "cell::text")]
    pub family: String,
    /// Akaike's information criterion.
    #[serde(serialize_with = "cell::f3")]
    pub aic: f64,
    /// Its difference from the best family's.
    #[serde(serialize_with = "cell::f3")]
    pub delta_aic: f64,
    /// The Kolmogorov-Smirnov distance.
    #[serde(serialize_with = "cell::p4")]
    pub ks_d: f64,
    /// Its p-value.
    #[serde(serialize_with = "cell::p4")]
    pub ks_p: f64,
    /// The first parameter's name.
    #[serde(serialize_with = "cell::text")]
    pub param1: String,
    /// Its value.
    #[serde(serialize_with = "cell::text")]
    pub value1: String,
    /// Its standard error.
    #[serde(serialize_with = "cell::text")]
    pub se1: String,
    /// The second parameter's name.
    #[serde(serialize_with = "cell::text")]
    pub param2: String,
    /// Its value.
    #[serde(serialize_with = "cell::text")]
    pub value2: String,
    /// Its standard error.
    #[serde(serialize_with = "cell::text")]
    pub se2: String,
    /// The fitted distribution as a scenario writes it.
    #[serde(serialize_with = "cell::text")]
    pub scenario_distribution: String,
}

/// The rows of `fit.csv`: every family fitted, best first.
pub fn fit_rows(fits: &[Fitted]) -> Vec<FitRow> {
    let best = fits.first().map(|f| f.aic).unwrap_or(0.0);
    fits.iter()
        .map(|f| {
            let p = f.params();
            let get = |i: usize| p.get(i).map(|x| sig4(x.1)).unwrap_or_default();
            let name = |i: usize| p.get(i).map(|x| x.0.to_string()).unwrap_or_default();
            let se = |i: usize| f.se.get(i).map(|x| sig4(*x)).unwrap_or_default();
            FitRow {
                family: f.family.name().to_string(),
                aic: f.aic,
                delta_aic: f.aic - best,
                ks_d: f.ks,
                ks_p: f.ks_p,
                param1: name(0),
                value1: get(0),
                se1: se(0),
                param2: name(1),
                value2: get(1),
                se2: se(1),
                scenario_distribution: crate::backtest::fit::toml_distribution(&f.family),
            }
        })
        .collect()
}

/// `fit.csv`: every family fitted, best first.
pub fn fit_csv(fits: &[Fitted]) -> Result<Vec<u8>> {
    serialize_rows(&FIT_HEADER, &fit_rows(fits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::field_names;

    #[test]
    fn the_headers_are_the_row_structs_field_names() {
        assert_eq!(
            field_names(&CalibrationRow::default()).unwrap(),
            CALIBRATION_HEADER
        );
        assert_eq!(field_names(&FitRow::default()).unwrap(), FIT_HEADER);
        let row = BacktestRow {
            line: 2,
            quantity: "hub_arrival".into(),
            place: "=HYPERLINK(1)".into(),
            observed: "2024-02-10 08:00".into(),
            source: "-1+1".into(),
            unit: "hours",
            percentile_low: 0.25,
            percentile_high: 0.25,
            percentile: 0.25,
            within_central_95: true,
            model_p2_5: "@SUM(1)".into(),
            model_p50: String::new(),
            model_p97_5: String::new(),
            probability_or_density: 0.5,
            is_density: false,
            log_score: -0.5,
            brier: None,
            crps: Some(0.125),
        };
        assert_eq!(field_names(&row).unwrap(), BACKTEST_HEADER);
        let bytes = serialize_rows(&BACKTEST_HEADER, &[row]).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let line = text.lines().nth(1).unwrap();
        assert_eq!(
            line,
            "2,hub_arrival,'=HYPERLINK(1),2024-02-10 08:00,'-1+1,hours,0.2500,0.2500,0.2500,yes,'@SUM(1),,,0.500000,no,-0.5000,,0.1250"
        );
    }
}
