//! The `tepat` command: parse the command line, call the library, print errors once, and set
//! the exit code (0 success, 1 failure, 2 invalid input).

use std::process::ExitCode;

use clap::Parser;

use tepat::app;
use tepat::cli::Cli;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match app::main(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(e.exit_code())
        }
    }
}
