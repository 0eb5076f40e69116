//! The report's words in the run's language: the sentences it leads with, the "how to read"
//! section, and figures, times, causes and kinds as a planner reads them. Every text comes from
//! the catalogues of `locales/` (`report.ftl`, `common.ftl`) through [`crate::lang`].

use chrono::{DateTime, FixedOffset, NaiveDateTime};
use serde::Serialize;

use super::RunView;
use crate::lang::{Lang, format as f, t};
use crate::strategy::{Comparison, StrategyResult};
use crate::summary::{Mean, Prob, Summary};

/// A sentence of the answer, with its CSS class against the target ("good", "warn", "bad").
#[derive(Debug, Clone, Serialize)]
pub(super) struct Sentence {
    pub text: String,
    pub class: String,
}

/// A term and its explanation.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Term {
    pub term: String,
    pub text: String,
}

/// `94% (93–95%)`.
pub(crate) fn prob(lang: Lang, p: &Prob) -> String {
    f::percent_interval(lang, p.p, p.lo, p.hi)
}

/// A mean with its interval as three numbers with `decimals`.
fn mean_parts(lang: Lang, m: &Mean, decimals: usize) -> (String, String, String) {
    (
        f::number(lang, m.mean, decimals),
        f::number(lang, m.lo, decimals),
        f::number(lang, m.hi, decimals),
    )
}

/// `2,31 (2,10–2,52)`.
pub(crate) fn mean(lang: Lang, m: &Mean, decimals: usize) -> String {
    let (a, lo, hi) = mean_parts(lang, m, decimals);
    format!("{a} ({lo}–{hi})")
}

/// A local datetime as written in the summary (`2024-02-13 14:05`, in the scenario's
/// offset) in the language: `13 Feb 2024 14.05 WIB`. Text that is not such a datetime is
/// returned as it is.
pub(crate) fn local(lang: Lang, text: &str, offset: &FixedOffset) -> String {
    match NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%d %H:%M") {
        Ok(n) => f::datetime(
            lang,
            &DateTime::from_naive_utc_and_offset(n - *offset, *offset),
        ),
        Err(_) => text.to_string(),
    }
}

/// A cause of lateness (a name of `model::CAUSES`) in words.
pub(crate) fn cause(lang: Lang, name: &str) -> String {
    crate::lang::cause(lang, name)
}

/// The CSS class of a probability against the target.
pub(super) fn class_of(p: &Prob, target: f64) -> String {
    if p.lo >= target {
        "good"
    } else if p.hi < target {
        "bad"
    } else {
        "warn"
    }
    .into()
}

/// The strategy that avoids the most late TPS measurably, if any.
fn best(c: &Comparison) -> Option<&StrategyResult> {
    crate::strategy::ranking(c)
        .into_iter()
        .find(|x| x.significant && x.overall.avoided.lo > 0.0)
}

/// The sentence about the best strategy.
fn strategy_sentence(lang: Lang, c: &Comparison) -> Sentence {
    let Some(x) = best(c) else {
        return Sentence {
            text: t!(lang, "answer-strategy-none"),
            class: "warn".into(),
        };
    };
    let (avoided, lo, hi) = mean_parts(lang, &x.overall.avoided, 1);
    let text = match x.cost_idr {
        Some(cost) => t!(
            lang,
            "answer-strategy",
            strategy = &x.name,
            avoided = avoided,
            lo = lo,
            hi = hi,
            cost = f::money(lang, cost)
        ),
        None => t!(
            lang,
            "answer-strategy-free",
            strategy = &x.name,
            avoided = avoided,
            lo = lo,
            hi = hi
        ),
    };
    Sentence {
        text,
        class: "good".into(),
    }
}

/// The sentences the report leads with: all TPS before H-1, the riskiest kecamatan and
/// those below the target, late TPS, materials at opening, the best strategy.
pub(super) fn answers(run: &RunView) -> Vec<Sentence> {
    let (lang, s) = (run.lang, run.summary);
    let mut out = vec![Sentence {
        text: t!(
            lang,
            "answer-all",
            stations = s.stations,
            p = prob(lang, &s.all_on_time)
        ),
        class: class_of(&s.all_on_time, s.target),
    }];
    if let Some(k) = s.riskiest.map(|i| &s.kecamatan[i]) {
        out.push(Sentence {
            text: t!(
                lang,
                "answer-riskiest",
                kecamatan = &k.name,
                p = prob(lang, &k.all_stations_on_time)
            ),
            class: class_of(&k.all_stations_on_time, s.target),
        });
    }
    // The other kecamatan below the target, each in its own sentence (riskiest first).
    for i in crate::summary::risk_order(&s.kecamatan) {
        let k = &s.kecamatan[i];
        if k.below_target && Some(i) != s.riskiest {
            out.push(Sentence {
                text: t!(
                    lang,
                    "answer-kec",
                    kecamatan = &k.name,
                    p = prob(lang, &k.all_stations_on_time)
                ),
                class: class_of(&k.all_stations_on_time, s.target),
            });
        }
    }
    // Two decimals below one late TPS (0,02 rather than 0,0).
    let d = if s.late_stations.mean < 1.0 { 2 } else { 1 };
    let (m, lo, hi) = mean_parts(lang, &s.late_stations, d);
    out.push(Sentence {
        text: t!(
            lang,
            "answer-late",
            mean = m,
            lo = lo,
            hi = hi,
            p95 = s.late_stations_p95
        ),
        class: String::new(),
    });
    if let (Some(p), Some(n), Some(h)) = (
        s.some_without_materials_at_opening,
        s.without_materials_at_opening,
        s.voting_opens_h,
    ) {
        out.push(Sentence {
            text: t!(
                lang,
                "answer-opening",
                at = f::datetime_at(lang, &run.model.start, h),
                p = prob(lang, &p),
                mean = f::number(lang, n.mean, 1)
            ),
            class: if p.hi <= 1.0 - s.target {
                "good"
            } else if p.lo > 1.0 - s.target {
                "bad"
            } else {
                "warn"
            }
            .into(),
        });
    }
    out.push(below_sentence(lang, s));
    if let Some(c) = run.comparison {
        out.push(strategy_sentence(lang, c));
    }
    out
}

/// The kecamatan below the target, in one sentence.
fn below_sentence(lang: Lang, s: &Summary) -> Sentence {
    let names = s.below_target.join(", ");
    Sentence {
        text: t!(
            lang,
            "answer-below",
            count = s.below_target.len(),
            target = f::percent(lang, s.target),
            names = names,
            total = s.kecamatan.len()
        ),
        class: if s.below_target.is_empty() {
            "good"
        } else {
            "bad"
        }
        .into(),
    }
}

/// The "how to read" section: each statistics term once, in plain words.
pub(super) fn how_to_read(run: &RunView) -> Vec<Term> {
    let lang = run.lang;
    let runs = f::int(lang, run.summary.runs as i64);
    let zone = f::zone(run.model.start.offset());
    let mut terms = vec![
        (t!(lang, "how-runs-term"), t!(lang, "how-runs", runs = runs)),
        (t!(lang, "how-chance-term"), t!(lang, "how-chance")),
        (t!(lang, "how-late-term"), t!(lang, "how-late")),
        (
            t!(lang, "how-times-term"),
            t!(lang, "how-times", zone = zone),
        ),
    ];
    if run.comparison.is_some() {
        terms.push((t!(lang, "how-pp-term"), t!(lang, "how-pp")));
        terms.push((t!(lang, "how-paired-term"), t!(lang, "how-paired")));
        terms.push((t!(lang, "how-efficient-term"), t!(lang, "how-efficient")));
    }
    terms
        .into_iter()
        .map(|(term, text)| Term { term, text })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cause_has_words_in_both_languages() {
        for lang in Lang::ALL {
            for c in crate::model::CAUSES {
                let key = format!("cause-{}", c.replace(' ', "-"));
                assert!(crate::lang::has(lang, &key), "{key} ({})", lang.code());
            }
        }
        assert_eq!(cause(Lang::Id, "weather"), "cuaca");
    }

    #[test]
    fn local_times_are_read_back_in_the_language() {
        let wib = FixedOffset::east_opt(7 * 3600).unwrap();
        assert_eq!(
            local(Lang::Id, "2024-02-13 23:59", &wib),
            "13 Feb 2024 23.59 WIB"
        );
        assert_eq!(
            local(Lang::En, "2024-02-13 23:59", &wib),
            "13 Feb 2024 23:59 WIB"
        );
        assert_eq!(local(Lang::Id, "never", &wib), "never");
    }
}
