//! `tepat sensitivity`: which inputs matter most (a tornado of low and high settings).

use super::args::AnalysisArgs;
use crate::analysis::sensitivity::{Sensitivity, input_words, setting_words};
use crate::error::Result;
use crate::lang::{Lang, format, t};

/// `tepat sensitivity`.
pub fn sensitivity(a: AnalysisArgs) -> Result<()> {
    let (loaded, m, seed) = super::prepare(&a)?;
    let s = crate::analysis::sensitivity::sensitivity(&m, seed, a.runs, a.threads)?;
    let lang = super::lang(loaded.file.scenario.lang());
    let mut files = vec![(
        "sensitivity.csv".to_string(),
        crate::export::sensitivity_csv::bytes(&s)?,
    )];
    files.push(super::what_if_workbook(
        &a,
        &loaded,
        &m,
        seed,
        "wb-what-sensitivity",
        |w| crate::export::workbook::sensitivity_sheet(w, &s, lang),
    )?);
    let chart = crate::plot::in_lang(lang, || crate::plot::tornado::chart(&s))?;
    files.extend(crate::plot::chart_files(vec![chart]));
    if !a.quiet {
        print_sensitivity(&s, seed, lang);
    }
    super::write(&a, "sensitivity", files, lang)
}

/// The tornado on the terminal: one line per input, widest swing first.
fn print_sensitivity(s: &Sensitivity, seed: u64, lang: Lang) {
    crate::text::print_line(&t!(
        lang,
        "sens-heading",
        scenario = &s.scenario,
        p = format::percent_interval(lang, s.base.p, s.base.lo, s.base.hi),
        runs = format::int(lang, s.runs as i64),
        seed = seed.to_string()
    ));
    println!(
        "{:<34} {:>18} {:>8}   {:>18} {:>8}   {:>16}",
        t!(lang, "sens-col-input"),
        t!(lang, "sens-col-low"),
        t!(lang, "sens-col-chance"),
        t!(lang, "sens-col-high"),
        t!(lang, "sens-col-chance"),
        t!(lang, "sens-col-swing")
    );
    for e in &s.effects {
        println!(
            "{:<34} {:>18} {:>8}   {:>18} {:>8}   {:>16}",
            input_words(lang, &e.input),
            setting_words(lang, &e.low),
            format::percent(lang, e.p_low.p),
            setting_words(lang, &e.high),
            format::percent(lang, e.p_high.p),
            format::number(lang, e.swing * 100.0, 1)
        );
    }
}
