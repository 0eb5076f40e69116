//! A backtest's figures as a person reads them, in the run's language: the observed and
//! predicted values in the item's own unit ("13 Feb 2024 08.45 WIB", "tidak pernah", "ya"),
//! the predictive percentile ("97,5%") and the model's middle 95%. The terminal table,
//! `backtest.html` and the band chart use these; `backtest.csv` keeps its own machine cells
//! (`export::backtest`).

use super::record::{Item, Quantity};
use super::score::{Kind, Predictive, Score};
use crate::lang::{Lang, format, t};
use crate::time::Clock;

/// A value of item `it` in its own unit: a local datetime, a count, yes or no.
pub fn native(lang: Lang, m: &Clock, it: &Item, v: f64) -> String {
    if it.is_time() {
        if v >= m.horizon {
            t!(lang, "bt-never")
        } else {
            format::datetime_at(lang, &m.start, v)
        }
    } else if it.kind == Kind::Event {
        if v >= 1.0 {
            t!(lang, "bt-yes")
        } else {
            t!(lang, "bt-no")
        }
    } else {
        format::number(lang, v, 0)
    }
}

/// The name of item `it`'s quantity in words of `lang` ("desa terakhir tiba"); the record's
/// own name (`last_pps_arrival`) stays in `backtest.csv`.
pub fn quantity(lang: Lang, it: &Item) -> String {
    let key = match it.quantity {
        Quantity::Arrival(_) => "bt-q-arrival",
        Quantity::Dispatch(_) => "bt-q-dispatch",
        Quantity::FirstVillageArrival(_) => "bt-q-first-pps",
        Quantity::LastVillageArrival(_) => "bt-q-last-pps",
        Quantity::LastHubArrival => "bt-q-last-ppk",
        Quantity::Damaged(_) => "bt-q-damage",
        Quantity::KecamatanDamaged => "bt-q-kec-damage",
        Quantity::HubDamaged(_) => "bt-q-ppk-damage",
        Quantity::HubsDamaged => "bt-q-kec-ppk-damage",
        Quantity::LateTps(_) => "bt-q-late-tps",
        Quantity::LinkClosed(..) => "bt-q-link-closed",
    };
    crate::lang::tr(lang, key, &[])
}

/// The observed value of item `it` as a person reads it: one value in its unit ("ya",
/// "13 Feb 2024 08.45 WIB", "6"); a range (a day, `..2024-02-12`, dates of a closure) as
/// written in the record, whose dates read the same in both languages.
pub fn observed(lang: Lang, m: &Clock, it: &Item) -> String {
    if it.observed.is_point() && it.observed.lo.is_finite() {
        native(lang, m, it, it.observed.lo)
    } else {
        it.observed_text.clone()
    }
}

/// The middle 95% of the predictive distribution in the item's unit (for a yes/no: the
/// chance of yes).
pub fn band(lang: Lang, m: &Clock, it: &Item, p: &Predictive) -> String {
    if it.kind == Kind::Event {
        return t!(
            lang,
            "bt-p-yes",
            p = format::percent(lang, 1.0 - p.below(1.0))
        );
    }
    format!(
        "{} – {}",
        native(lang, m, it, p.quantile(0.025)),
        native(lang, m, it, p.quantile(0.975))
    )
}

/// The predictive percentile: one figure, or the range a discrete or interval observation
/// spans (`12,5–40,0%`).
pub fn percentile(lang: Lang, s: &Score) -> String {
    let n = |x: f64| format::number(lang, x * 100.0, 1);
    if (s.pit_hi - s.pit_lo).abs() < 5e-4 {
        format!("{}%", n(s.pit))
    } else {
        format!("{}–{}%", n(s.pit_lo), n(s.pit_hi))
    }
}

/// Whether the observed value is inside the model's middle 95%: "yes" or a loud "NO".
pub fn inside(lang: Lang, s: &Score) -> String {
    if s.central_95 {
        t!(lang, "bt-yes")
    } else {
        t!(lang, "bt-outside-mark")
    }
}

/// A fitted distribution family's name in `lang` (`family-…` of `whatif.ftl`: "seragam").
pub fn family(lang: Lang, name: &str) -> String {
    let key = format!("family-{name}");
    if crate::lang::has(lang, &key) {
        crate::lang::tr(lang, &key, &[])
    } else {
        name.to_string()
    }
}

/// A unit of [`super::fit::planner_unit`] (`min`, `h`, `day`) in words of `lang`.
pub fn unit(lang: Lang, unit: &str) -> String {
    match unit {
        "min" => t!(lang, "unit-min"),
        "day" => t!(lang, "unit-day"),
        _ => t!(lang, "unit-h"),
    }
}
