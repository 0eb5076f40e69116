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
    // Ctrl-C, SIGTERM or SIGHUP: stop the run between blocks of replications (the engine checks
    // STOP), keep the previous results and say how far it got. A second signal exits at once
    // (exit code 130; files are written under temporary names and renamed, so even then no
    // output folder is left half-written).
    let _ = ctrlc::set_handler(|| {
        if tepat::engine::STOP.swap(true, std::sync::atomic::Ordering::SeqCst) {
            eprintln!("\ninterrupted again: exiting now");
            std::process::exit(130);
        }
        eprintln!(
            "\ninterrupted: stopping after the current block of replications (Ctrl-C again to exit now)"
        );
    });
    match app::main(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", tepat::text::visible_lines(&e.to_string()));
            ExitCode::from(e.exit_code())
        }
    }
}
