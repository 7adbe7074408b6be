//! `kinscreen` / `kinscreen run`: the interview in the terminal, on the screens or in line mode
//! (`--plain`, `TERM=dumb`, `ACCESSIBLE`, or answers piped to standard input).

use std::io::{BufRead, IsTerminal};
use std::path::Path;
use std::sync::Arc;

use kinscreen::engine::Interview;
use kinscreen::store::autosave::{Autosave, Saved};
use kinscreen::store::offer::find_offer;
use kinscreen::{line, report, tui};

use super::data::Data;
use super::out::emit;
use super::{CliError, Language, Outcome, load_in};

/// Whether to use line mode: `--plain`, `TERM=dumb`, `ACCESSIBLE`, or standard input that is
/// not a terminal.
pub fn line_mode(plain: bool) -> bool {
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    let accessible = std::env::var_os("ACCESSIBLE").is_some_and(|v| !v.is_empty());
    plain || dumb || accessible || !std::io::stdin().is_terminal()
}

/// Refuses a pipe or file with nothing in it (`</dev/null`) for `what`, saying what to use
/// `instead`.
pub fn some_input(input: &mut impl BufRead, what: &str, instead: &str) -> Result<(), CliError> {
    if !std::io::stdin().is_terminal() && input.fill_buf().map_err(input_error)?.is_empty() {
        return Err(CliError::Input(format!(
            "{what} got no input: standard input is empty.\n{instead}"
        )));
    }
    Ok(())
}

pub fn run(
    path: Option<&Path>,
    lang: &Language,
    data: &Data,
    plain: bool,
) -> Result<Outcome, CliError> {
    if line_mode(plain) {
        return plain_run(path, lang, data);
    }
    let (q, store) = data.session(
        "the interview",
        "To score answers from a file without a terminal, use: kinscreen score --answers FILE",
        || load_in(path, lang),
    )?;
    let ended = tui::run(Arc::new(q), store).map_err(CliError::Terminal)?;
    if let Some(iv) = &ended.unsaved_result {
        let _ = emit(&report::markdown(iv, None));
    }
    match &ended.save_error {
        Some(e) => {
            let what = if ended.unsaved_result.is_some() {
                "The finished interview could not be stored; its report is printed above, so copy it now"
            } else {
                "The latest answers could not be saved"
            };
            Err(CliError::NotSaved(format!("{what} ({e}).")))
        }
        None => Ok(ended.outcome.into()),
    }
}

/// What to use instead of an interview with no input.
const NO_INPUT: &str = "To answer in plain lines, run kinscreen --plain in a terminal or pipe one line per question to it;\n\
to score answers from a file, use: kinscreen score --answers FILE";

/// The interview in line mode: questions on standard output, answers from standard input,
/// kept as the screens keep them (an unfinished interview after every answer, the finished
/// one in the history) unless `--no-save`.
fn plain_run(path: Option<&Path>, lang: &Language, data: &Data) -> Result<Outcome, CliError> {
    let q = Arc::new(load_in(path, lang)?);
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    some_input(&mut input, "the interview", NO_INPUT)?;
    let mut keep = if data.no_save {
        None
    } else {
        Some(Autosave::new(data.store()?))
    };
    let mut interview = Interview::new(Arc::clone(&q));
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut io = line::Io {
        input: &mut input,
        out: &mut out,
        // Input from a pipe is not shown by a terminal: the transcript shows each line.
        echo: !std::io::stdin().is_terminal(),
    };
    // At a terminal, an unfinished interview is offered as on the screens (a pipe carries one
    // line per question, so it always starts a new one).
    if std::io::stdin().is_terminal()
        && let Some(keep) = &mut keep
    {
        let (offer, note) = find_offer(keep.store(), &q);
        if let Some(note) = note {
            super::warn(&format!("kinscreen: {note}"));
        }
        if let Some(offer) = offer {
            match line::offer(&offer, &mut io).map_err(input_error)? {
                Some(true) => {
                    keep.resumed(&offer.interview, offer.draft, offer.record.as_deref());
                    interview = offer.interview;
                }
                Some(false) => {
                    keep.store().discard_draft(offer.draft).map_err(|e| {
                        CliError::NotSaved(format!(
                            "The unfinished interview could not be deleted ({e})."
                        ))
                    })?;
                }
                None => {
                    keep.release();
                    return Err(CliError::Cancelled(
                        "the input ended before the interview began.".into(),
                    ));
                }
            }
        }
    }
    // The last save's failure, if the saves since have not made up for it.
    let mut failed: Option<String> = None;
    let ended = line::run(&mut interview, &mut io, &mut |iv| {
        if let Some(keep) = &mut keep {
            match keep.save(iv) {
                Ok(Saved::Unchanged) => {}
                Ok(_) => failed = None,
                Err(e) => failed = Some(e.to_string()),
            }
        }
    });
    let ended = match ended {
        Ok(e) => e,
        // A reader that went away (a closed pipe) ends quietly; answers are kept.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => line::Ended::Quit,
        Err(e) => return Err(input_error(e)),
    };
    if let Some(keep) = &keep {
        keep.release();
    }
    if let Some(e) = failed {
        return Err(CliError::NotSaved(format!(
            "The answers could not be saved ({e})."
        )));
    }
    match ended {
        line::Ended::Finished => Ok(Outcome::Done),
        line::Ended::Quit => Ok(Outcome::Cancelled),
        line::Ended::EndOfInput => {
            let kept = if keep.is_some() {
                "your answers so far are kept: run kinscreen again to go on"
            } else {
                "nothing was kept (--no-save)"
            };
            Err(CliError::Cancelled(format!(
                "the input ended before the interview was finished; {kept}."
            )))
        }
    }
}

fn input_error(e: std::io::Error) -> CliError {
    CliError::Input(format!("cannot read standard input: {e}"))
}
