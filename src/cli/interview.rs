//! `kinscreen` / `kinscreen run`: the interview in the terminal, on the screens or in line mode
//! (`--plain`, `TERM=dumb`, `ACCESSIBLE`, or answers piped to standard input).

use std::io::{BufRead, IsTerminal};
use std::path::Path;
use std::sync::Arc;

use kinscreen::engine::{Interview, State};
use kinscreen::store::{self, Store, Unfinished};
use kinscreen::{line, report, tui};

use super::data::Data;
use super::out::emit;
use super::{CliError, Outcome, load};

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

pub fn run(path: Option<&Path>, data: &Data, plain: bool) -> Result<Outcome, CliError> {
    if line_mode(plain) {
        return plain_run(path, data);
    }
    let (q, store) = data.session(
        "the interview",
        "To score answers from a file without a terminal, use: kinscreen score --answers FILE",
        || load(path),
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
fn plain_run(path: Option<&Path>, data: &Data) -> Result<Outcome, CliError> {
    let q = Arc::new(load(path)?);
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    some_input(&mut input, "the interview", NO_INPUT)?;
    let store = if data.no_save {
        None
    } else {
        Some(data.store()?)
    };
    let mut keep = Keeper::new(store);
    let mut interview = Interview::new(Arc::clone(&q));
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    // At a terminal, an unfinished interview is offered as on the screens (a pipe carries one
    // line per question, so it always starts a new one).
    if std::io::stdin().is_terminal()
        && let Some(store) = keep.store.clone()
    {
        let (offer, note) = tui::find_offer(&store, &q);
        if let Some(note) = note {
            super::warn(&format!("kinscreen: {note}"));
        }
        if let Some(offer) = offer {
            match line::offer(&offer, &mut input, &mut out).map_err(input_error)? {
                Some(true) => {
                    interview = offer.interview;
                    keep.draft = Some(offer.draft);
                    keep.record = offer.record;
                }
                Some(false) => {
                    store.discard_draft(offer.draft).map_err(|e| {
                        CliError::NotSaved(format!(
                            "The unfinished interview could not be deleted ({e})."
                        ))
                    })?;
                }
                None => {
                    let _ = store.release();
                    return Err(CliError::Cancelled(
                        "the input ended before the interview began.".into(),
                    ));
                }
            }
        }
    }
    // Input from a pipe is not shown by a terminal: the transcript shows each line.
    let echo = !std::io::stdin().is_terminal();
    let ended = line::run(&mut interview, &mut input, &mut out, echo, &mut |iv| {
        keep.save(iv);
    });
    let ended = match ended {
        Ok(e) => e,
        // A reader that went away (a closed pipe) ends quietly; answers are kept.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => line::Ended::Quit,
        Err(e) => return Err(input_error(e)),
    };
    if let Some(store) = &keep.store {
        let _ = store.release();
    }
    if let Some(e) = keep.error {
        return Err(CliError::NotSaved(format!(
            "The answers could not be saved ({e})."
        )));
    }
    match ended {
        line::Ended::Finished => Ok(Outcome::Done),
        line::Ended::Quit => Ok(Outcome::Cancelled),
        line::Ended::EndOfInput => {
            let kept = if keep.store.is_some() {
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

/// Keeps a line-mode interview: the unfinished one after each change, then the finished one.
struct Keeper {
    store: Option<Store>,
    draft: Option<i64>,
    /// The finished interview a resumed one reopened (finishing again updates it).
    record: Option<String>,
    saved: Option<Interview>,
    error: Option<String>,
}

impl Keeper {
    fn new(store: Option<Store>) -> Self {
        Keeper {
            store,
            draft: None,
            record: None,
            saved: None,
            error: None,
        }
    }

    fn save(&mut self, iv: &Interview) {
        let Some(store) = &self.store else { return };
        if self.saved.as_ref() == Some(iv) || (iv.answers().is_empty() && self.saved.is_none()) {
            return;
        }
        let now = store::now();
        let result = if *iv.state() == State::Finished {
            store
                .save_finished(iv, &now, self.record.as_deref(), self.draft)
                .map(|f| {
                    self.draft = None;
                    self.record = Some(f.id);
                })
        } else {
            store
                .save_draft(self.draft, &Unfinished::of(iv, &now))
                .map(|id| self.draft = Some(id))
        };
        match result {
            Ok(()) => self.saved = Some(iv.clone()),
            Err(e) => self.error = Some(e.to_string()),
        }
    }
}
