//! The `kinscreen` command; the command line itself is in `cli/`.

mod cli;

use clap::FromArgMatches;

fn main() -> std::process::ExitCode {
    kinscreen::output::guard_stdout();
    let matches = cli::command().get_matches();
    let parsed = cli::Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    cli::exit(cli::run(parsed))
}
