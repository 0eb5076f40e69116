//! The `tepat` command: parse the command line, run it through the command layer
//! ([`tepat::cmd`]), print errors once, and set the exit code (0 success, 1 failure, 2 invalid
//! input: clap's own errors, like a value out of range, included).

use std::process::ExitCode;

use clap::Parser;

use tepat::cmd::Cli;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
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
            let text = e.render(&tepat::cmd::lang);
            eprintln!("{}", tepat::text::visible_lines(&text));
            ExitCode::from(e.exit_code())
        }
    }
}
