//! `kinscreen` / `kinscreen run`: the interview in the terminal.

use std::path::Path;
use std::sync::Arc;

use kinscreen::{report, tui};

use super::data::Data;
use super::out::emit;
use super::{CliError, Outcome, load};

pub fn run(path: Option<&Path>, data: &Data) -> Result<Outcome, CliError> {
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
