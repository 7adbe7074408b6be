//! `kinscreen practice`: virtual patients in the terminal, and `practice --history`.

use std::path::Path;
use std::sync::Arc;

use kinscreen::practice::{self, Broken, Marking, Station};
use kinscreen::tui;
use kinscreen::tui::practice::PracticeApp;

use super::data::{Data, failed};
use super::out::{emit, warn, warn_excerpts};
use super::{CliError, Outcome, load};

pub fn practice(
    q_path: Option<&Path>,
    case: Option<&Path>,
    cases: Option<&Path>,
    marking: Option<&Path>,
    data: &Data,
) -> Result<Outcome, CliError> {
    let ((marking, (stations, broken)), store) = data.session(
        "practice mode",
        "`kinscreen validate CASE` checks a case and `kinscreen score --answers CASE` scores its answers without one.",
        || Ok((load_marking(marking)?, stations(q_path, case, cases)?)),
    )?;
    let app = PracticeApp::new(
        stations,
        marking,
        broken,
        case.is_some(),
        tui::theme::Theme::from_env(),
    );
    tui::practice::session::run(app, store)
        .map(Outcome::from)
        .map_err(CliError::Terminal)
}

/// A file's text, or why it cannot be read.
fn read(path: &Path) -> Result<String, CliError> {
    kinscreen::output::read_input(path).map_err(|e| CliError::Input(e.to_string()))
}

/// The marking scheme: the built-in one, or a file's; a broken one is shown with excerpts.
fn load_marking(path: Option<&Path>) -> Result<Marking, CliError> {
    let (src, name) = match path {
        None => (
            practice::marking::BUILTIN_SOURCE.to_string(),
            practice::marking::BUILTIN_NAME.to_string(),
        ),
        Some(p) => (read(p)?, p.display().to_string()),
    };
    practice::marking::load(&src, &name).map_err(|problems| {
        warn_excerpts(&problems, &src);
        CliError::Input(format!(
            "{name} cannot be used to mark practice (see above)"
        ))
    })
}

/// The questionnaire and the cases to practise: one case file, every case in a folder, or the
/// built-in cases. Cases that could not be loaded are told on standard error (and listed).
fn stations(
    q_path: Option<&Path>,
    case: Option<&Path>,
    cases: Option<&Path>,
) -> Result<(Vec<Station>, Vec<Broken>), CliError> {
    let q = Arc::new(load(q_path)?);
    let (stations, broken) = match (case, cases) {
        (Some(file), _) => {
            let name = file.display().to_string();
            let src = read(file)?;
            let station = Station::load(&q, &src, &name).map_err(|problems| {
                warn_excerpts(&problems, &src);
                CliError::Input(format!("{name} cannot be practised (see above)"))
            })?;
            (vec![station], Vec::new())
        }
        (None, Some(dir)) => practice::from_dir(&q, dir).map_err(|e| {
            CliError::Input(format!("cannot read the folder {}: {e}", dir.display()))
        })?,
        (None, None) => practice::built_in(&q),
    };
    for b in &broken {
        warn(&format!(
            "kinscreen: skipped {}: {}",
            b.source,
            b.problems
                .iter()
                .map(|p| p.message.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }
    if stations.is_empty() {
        return Err(CliError::Input("no practice case could be loaded".into()));
    }
    Ok((stations, broken))
}

/// `practice --history`: earlier attempts and their scores, by case.
pub fn history(data: &Data) -> Result<Outcome, CliError> {
    let store = data.read_only()?;
    let (entries, bad) = store.practice_log().map_err(failed)?;
    for (row, problem) in &bad {
        warn(&format!(
            "kinscreen: skipped practice attempt {row}: {problem}"
        ));
    }
    if entries.is_empty() {
        return emit(&format!(
            "No practice attempts yet in {} (start one with `kinscreen practice`).\n",
            store.dir().display()
        ));
    }
    emit(&practice::history_text(&entries))
}
