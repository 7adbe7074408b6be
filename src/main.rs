//! The `kinscreen` command; the command line itself is in `cli/`.

mod cli;

use clap::Parser;

fn main() -> std::process::ExitCode {
    kinscreen::output::guard_stdout();
    cli::exit(cli::run(cli::Cli::parse()))
}
