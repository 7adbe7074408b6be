//! The data folder as the command line asks for it (`--data-dir`, `--no-save`).

use std::io::IsTerminal;
use std::path::PathBuf;

use kinscreen::store::{Store, StoreError};

use super::{CliError, warn};

/// Why a data folder that must be written cannot be used, and what to do.
const CANNOT_USE: &str = "cannot use the data folder";
const CANNOT_USE_HINT: &str = "\n(--data-dir DIR chooses another; --no-save keeps nothing)";

/// Where interviews are kept, from the command line.
pub struct Data {
    pub dir: Option<PathBuf>,
    pub no_save: bool,
}

impl Data {
    /// For a terminal session whose first screen needs what `ready` makes (the questionnaire,
    /// the cases): opens the store (unless `--no-save`) on another thread while `ready` runs, so
    /// that the screen waits for the longer of the two rather than for both. What `ready`
    /// refuses is told first; then a missing terminal is refused (saying what to use instead).
    pub fn session<T>(
        &self,
        what: &str,
        instead: &str,
        ready: impl FnOnce() -> Result<T, CliError>,
    ) -> Result<(T, Option<Store>), CliError> {
        let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
        let (ready, store) = std::thread::scope(|scope| {
            let opening = (terminal && !self.no_save)
                .then(|| scope.spawn(|| Store::open(self.dir.as_deref())));
            let ready = ready();
            let store = opening.map(|thread| {
                thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            });
            (ready, store)
        });
        let ready = ready?;
        if !terminal {
            return Err(CliError::Input(format!(
                "{what} needs a terminal (standard input and output are not one).\n{instead}"
            )));
        }
        let store = store
            .map(|store| opened(store, CANNOT_USE, CANNOT_USE_HINT))
            .transpose()?;
        Ok((ready, store))
    }

    /// The data folder for a command that writes (created if missing).
    pub fn store(&self) -> Result<Store, CliError> {
        opened(
            Store::open(self.dir.as_deref()),
            CANNOT_USE,
            CANNOT_USE_HINT,
        )
    }

    /// The data folder for a command that only reads: nothing is created or changed.
    pub fn read_only(&self) -> Result<Store, CliError> {
        opened(
            Store::open_read_only(self.dir.as_deref()),
            "cannot read the data folder",
            "",
        )
    }
}

/// An opened data folder with what opening found told on standard error, or the reason it
/// could not be opened.
fn opened(store: Result<Store, StoreError>, failed: &str, hint: &str) -> Result<Store, CliError> {
    let store = store.map_err(|e| CliError::Input(format!("{failed}: {e}{hint}")))?;
    for note in store.notes() {
        warn(&format!("kinscreen: {note}"));
    }
    Ok(store)
}

/// A store error as a command's error.
pub fn failed(e: StoreError) -> CliError {
    CliError::Input(e.to_string())
}
