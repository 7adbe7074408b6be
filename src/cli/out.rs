//! Printing: messages on standard error, results on standard output or to a file, all made
//! safe for a terminal first.

use std::io::IsTerminal;
use std::path::Path;

use kinscreen::output;
use kinscreen::questionnaire::{Problem, render_excerpts};

use super::{CliError, Outcome};

/// A message on standard error, made safe and with long echoed values shortened.
pub fn warn(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{}", output::clean_short(text, 400));
}

/// Problems with excerpts of the file: coloured on a terminal (unless `NO_COLOR`, or `TERM` is
/// unset or `dumb`) when the file
/// holds nothing unsafe (then only kinscreen's own colour codes reach the terminal), else plain
/// and escaped.
pub fn warn_excerpts(problems: &[Problem], src: &str) {
    use std::io::Write;
    let styled = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var("TERM").is_ok_and(|t| t != "dumb");
    let text = render_excerpts(problems, src, false);
    if styled && !src.chars().any(output::is_unsafe) && !text.chars().any(output::is_unsafe) {
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            render_excerpts(problems, src, true)
        );
    } else {
        warn(&text);
    }
}

/// Prints text (made safe); a closed pipe is a quiet success.
pub fn emit(text: &str) -> Result<Outcome, CliError> {
    written(output::to_stdout(&output::clean(text)))
}

/// Prints JSON (C1 and bidirectional controls escaped too).
pub fn emit_json(json: String) -> Result<Outcome, CliError> {
    written(output::to_stdout(&output::json_safe(json)))
}

fn written(result: Result<(), output::OutputError>) -> Result<Outcome, CliError> {
    match result {
        Ok(()) | Err(output::OutputError::ClosedPipe) => Ok(Outcome::Done),
        Err(e) => Err(e.into()),
    }
}

/// Indented JSON with a final newline.
pub fn pretty(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes to a new file (atomically, private; `--force` replaces one) or to standard output,
/// made safe for a terminal or a text report either way.
pub fn write_out(
    output: Option<&Path>,
    force: bool,
    text: &str,
    json: bool,
) -> Result<Outcome, CliError> {
    let text = if json {
        output::json_safe(text.to_string())
    } else {
        output::clean(text).into_owned()
    };
    match output {
        None => written(output::to_stdout(&text)),
        Some(path) => {
            written(output::to_file(path, &text, force))?;
            if path != Path::new("-") {
                warn(&format!("Written to {}", path.display()));
            }
            Ok(Outcome::Done)
        }
    }
}
