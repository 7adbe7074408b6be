//! Commands on the questionnaire itself: `graph`, `export-questionnaire` and `validate` (which
//! also checks practice cases, marking schemes and phrase files).

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use kinscreen::questionnaire::{Checks, Problem, check_unless};
use kinscreen::{case, fhir, graph as draw, output, practice};

use super::out::{emit, pretty, warn, warn_excerpts, write_out};
use super::{CliError, GraphFormat, Outcome, load};

pub fn graph(path: Option<&Path>, format: GraphFormat) -> Result<Outcome, CliError> {
    let q = load(path)?;
    emit(&match format {
        GraphFormat::Dot => draw::dot(&q),
        GraphFormat::Mermaid => draw::mermaid(&q),
    })
}

pub fn export(
    path: Option<&Path>,
    output: Option<&Path>,
    force: bool,
) -> Result<Outcome, CliError> {
    let q = load(path)?;
    write_out(output, force, &pretty(&fhir::questionnaire(&q)), true)
}

/// Checks questionnaire files, practice cases (against the built-in questionnaire or the one
/// given with `--questionnaire`) and marking schemes; every problem with an excerpt.
pub fn validate(
    files: &[PathBuf],
    strict: bool,
    questionnaire: Option<&Path>,
) -> Result<Outcome, CliError> {
    let mut failed = false;
    for path in files {
        let name = path.display().to_string();
        let src = match output::read_input(path) {
            Ok(s) => s,
            Err(e) => {
                warn(&format!("kinscreen: {e}"));
                failed = true;
                continue;
            }
        };
        // One parse tells a questionnaire from a practice case or a marking scheme, and checks
        // the questionnaire.
        let marking = Cell::new(false);
        let phrases = Cell::new(false);
        let chart = Cell::new(false);
        let checked = check_unless(&src, &name, Checks::Full, |keys| {
            marking.set(practice::marking::is_marking(keys));
            phrases.set(practice::phrases::is_phrases(keys));
            chart.set(kinscreen::chart::is_chart(keys));
            marking.get() || phrases.get() || chart.get() || case::is_case(keys)
        });
        let (ok, problems) = match checked {
            Some((q, problems)) => (q.is_some(), problems),
            None if marking.get() => found(practice::marking::load(&src, &name)),
            None if chart.get() => {
                found(kinscreen::chart::load(&load(questionnaire)?, &src, &name))
            }
            None if phrases.get() => {
                found(practice::phrases::load(&load(questionnaire)?, &src, &name))
            }
            None => {
                let q = Arc::new(load(questionnaire)?);
                let (case, problems) = case::check(&q, &src, &name);
                (case.is_some(), problems)
            }
        };
        if !problems.is_empty() {
            warn_excerpts(&problems, &src);
            warn("");
        }
        let errors = problems.iter().filter(|p| p.is_error()).count();
        let warnings = problems.len() - errors;
        let line = if ok && !(strict && warnings > 0) {
            format!("{name}: ok ({warnings} warning(s))\n")
        } else {
            failed = true;
            format!("{name}: {errors} error(s), {warnings} warning(s)\n")
        };
        emit(&line)?;
    }
    if failed {
        Err(CliError::Told)
    } else {
        Ok(Outcome::Done)
    }
}

/// Whether a file checked out, and what was found wrong with it.
fn found<T>(checked: Result<T, Vec<Problem>>) -> (bool, Vec<Problem>) {
    match checked {
        Ok(_) => (true, Vec::new()),
        Err(problems) => (false, problems),
    }
}
