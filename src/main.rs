//! The `tepat` command: parse the command line, run it through the command layer
//! ([`tepat::cmd`]), print errors once, and set the exit code (0 success, 1 failure, 2 invalid
//! input: clap's own errors, like a value out of range, included).

use std::process::ExitCode;

fn main() -> ExitCode {
    // Help, descriptions and the parser's errors in the language of `--lang` or the locale.
    let lang = tepat::cmd::early_lang();
    let cli = match tepat::cmd::help::parse_from(std::env::args_os(), lang) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            // The parser's errors in the language of `--lang` or the locale; help and version
            // as clap prints them.
            match tepat::cmd::cli_error::render(&e, lang) {
                Some(text) => eprint!("{}", tepat::text::visible_lines(&text)),
                None => {
                    let _ = e.print();
                }
            }
            return ExitCode::from(code);
        }
    };
    // Ctrl-C, SIGTERM or SIGHUP: stop the run, keep the previous results, exit with 128 + the
    // signal within about a second whatever the run is doing (src/interrupt.rs).
    tepat::interrupt::install();
    match tepat::cmd::main(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // In the language of the run: `--lang`, else the language the file in error asks
            // for, else the locale.
            let text = e.shown(&tepat::cmd::lang);
            eprintln!("{}", tepat::text::visible_lines(&text));
            ExitCode::from(e.exit_code())
        }
    }
}
