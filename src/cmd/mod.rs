//! The command layer: the clap definitions, one file per subcommand, the tables printed on the
//! terminal and the progress bar. Only `main.rs` uses it; nothing in the library imports it
//! (tests/it/layers.rs checks).
//!
//! A subcommand's file holds its options and the function that runs it (what `--help` says,
//! with the examples, is in `locales/<lang>/help.ftl`, set by [`help`]): load and check the input, call the library, write the files through
//! [`crate::output`], print a table.

pub mod args;
pub mod backtest;
pub mod bench;
pub mod check;
pub mod cli_error;
pub mod generate;
pub mod help;
pub mod import;
pub mod merge;
pub mod new;
pub mod plan;
pub mod progress;
pub mod run;
pub mod sensitivity;
pub mod sweep;
pub mod table;

pub use args::{Cli, Command};

use std::sync::OnceLock;

use crate::error::Result;
use crate::lang::Lang;
use crate::model::{self, Model};
use crate::output::{File, write_folder};
use crate::pipeline::folder_name;
use crate::scenario::{self, Loaded};

/// The command line's `--lang`, set once by [`main`].
static LANG_FLAG: OnceLock<Option<Lang>> = OnceLock::new();

/// The language of what a person reads: `--lang`, else the scenario's `language` (give
/// `None` where there is no scenario), else the locale, else English.
pub fn lang(scenario: Option<Lang>) -> Lang {
    let flag = LANG_FLAG.get().copied().flatten();
    crate::lang::resolve(flag, scenario, |k| std::env::var(k).ok())
}

/// The language of messages given while the command line is parsed (a bad `--runs`): a
/// `--lang` anywhere on the command line, else the locale, else English. The scenario's
/// `language` is not known yet.
pub fn early_lang() -> Lang {
    if let Some(l) = LANG_FLAG.get().copied().flatten() {
        return l;
    }
    let args: Vec<String> = std::env::args().collect();
    let flag = args.iter().enumerate().find_map(|(i, a)| {
        let v = match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1)?.as_str(),
            Some(rest) => rest.strip_prefix('=')?,
            None => return None,
        };
        Lang::parse(v)
    });
    crate::lang::resolve(flag, None, |k| std::env::var(k).ok())
}

/// Run a parsed command line.
pub fn main(cli: Cli) -> Result<()> {
    let _ = LANG_FLAG.set(cli.lang);
    match cli.command {
        None => run::run(run::default_args()),
        Some(Command::Run(a)) => run::run(a),
        Some(Command::Check(a)) => check::check(&a),
        Some(Command::New(a)) => new::new(&a),
        Some(Command::Import(a)) => import::import(&a),
        Some(Command::Bench(a)) => bench::bench(&a),
        Some(Command::Generate(a)) => generate::generate(&a),
        Some(Command::Merge(a)) => merge::merge(&a),
        Some(Command::Sweep(a)) => sweep::sweep(a),
        Some(Command::Plan(a)) => plan::plan(a),
        Some(Command::Sensitivity(a)) => sensitivity::sensitivity(a),
        Some(Command::Backtest(a)) => backtest::backtest(&a),
        Some(Command::Fit(a)) => backtest::fit(&a),
    }
}

/// The scenario of a what-if command, compiled, and the seed it runs on.
fn prepare(a: &args::AnalysisArgs) -> Result<(Loaded, Model, u64)> {
    let loaded = scenario::load(&a.file)?;
    let m = model::compile(&loaded)?;
    let seed = crate::defaults::seed(a.seed, loaded.file.scenario.seed);
    Ok((loaded, m, seed))
}

/// `results.xlsx` of a what-if command: the sheet that says what was run (`what`: a message id
/// of `workbook.ftl`), then the command's own sheet, in the run's language.
fn what_if_workbook(
    a: &args::AnalysisArgs,
    loaded: &Loaded,
    m: &Model,
    seed: u64,
    what: &'static str,
    sheet: impl FnOnce(crate::export::workbook::Words) -> crate::export::workbook::Sheet,
) -> crate::error::Result<File> {
    use crate::export::workbook::{self, About};
    let lang = lang(loaded.file.scenario.lang());
    let w = |id: &str| crate::lang::tr(lang, id, &[]);
    let made = chrono::Utc::now().with_timezone(m.start.offset());
    let about = About {
        scenario: loaded.file.scenario.name.clone(),
        description: loaded.file.scenario.description.clone().unwrap_or_default(),
        file: a.file.display().to_string(),
        sha256: loaded.sha256.clone(),
        seed,
        runs: a.runs,
        made,
        what,
        target: m.target,
    };
    let sheets = vec![workbook::about_sheet(&w, &about), sheet(&w)];
    Ok(("results.xlsx".into(), workbook::bytes(&sheets, &made)?))
}

/// Write a what-if command's files to `<OUT>/<scenario>-<what>/`.
/// The "written: FOLDER" line is in `lang`.
fn write(a: &args::AnalysisArgs, what: &str, files: Vec<File>, lang: Lang) -> Result<()> {
    let dir = write_folder(&a.out, &format!("{}-{what}", folder_name(&a.file)), &files)?;
    if !a.quiet {
        println!(
            "{}",
            crate::lang::t!(lang, "written", path = dir.display().to_string())
        );
    }
    Ok(())
}
