//! Commands on the questionnaire itself: `graph`, `export-questionnaire` and `validate` (which
//! also checks practice cases, marking schemes and phrase files).

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use kinscreen::questionnaire::translation as translations;
use kinscreen::questionnaire::{Checks, Problem, check_unless};
use kinscreen::{case, fhir, graph as draw, output, practice};

use super::out::{emit, pretty, warn, warn_excerpts, write_out};
use super::{CliError, GraphFormat, Language, Outcome, load, load_in};

pub fn graph(path: Option<&Path>, format: GraphFormat) -> Result<Outcome, CliError> {
    let q = load(path)?;
    emit(&match format {
        GraphFormat::Dot => draw::dot(&q),
        GraphFormat::Mermaid => draw::mermaid(&q),
    })
}

pub fn export(
    path: Option<&Path>,
    lang: &Language,
    output: Option<&Path>,
    force: bool,
) -> Result<Outcome, CliError> {
    let q = load(path)?;
    let translated = load_in(path, lang)?;
    let resource = if translated.meta.language == q.meta.language {
        fhir::questionnaire(&q)
    } else {
        fhir::translated_questionnaire(&translated, &q)
    };
    write_out(output, force, &pretty(&resource), true)
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
        let translation = Cell::new(false);
        let checked = check_unless(&src, &name, Checks::Full, |keys| {
            marking.set(practice::marking::is_marking(keys));
            phrases.set(practice::phrases::is_phrases(keys));
            chart.set(kinscreen::chart::is_chart(keys));
            translation.set(translations::is_translation(keys));
            marking.get()
                || phrases.get()
                || chart.get()
                || translation.get()
                || case::is_case(keys)
        });
        let (ok, problems) = match checked {
            Some((q, problems)) => (q.is_some(), problems),
            None if marking.get() => found(practice::marking::load(&src, &name)),
            None if chart.get() => {
                found(kinscreen::chart::load(&load(questionnaire)?, &src, &name))
            }
            None if translation.get() => {
                let original = questionnaire
                    .map(Path::to_path_buf)
                    .or_else(|| original_of(path));
                match translations::load(&load(original.as_deref())?, &src, &name) {
                    Ok(t) => (t.missing.is_empty(), t.missing),
                    Err(problems) => (false, problems),
                }
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

/// The questionnaire a translation file is beside: `NAME.toml` for `NAME.LANG.toml`, when
/// that file is there.
fn original_of(translation: &Path) -> Option<PathBuf> {
    let name = translation.file_name()?.to_str()?;
    let stem = name.strip_suffix(".toml")?;
    let (base, _language) = stem.rsplit_once('.')?;
    let original = translation.with_file_name(format!("{base}.toml"));
    original.is_file().then_some(original)
}

/// Whether a file checked out, and what was found wrong with it.
fn found<T>(checked: Result<T, Vec<Problem>>) -> (bool, Vec<Problem>) {
    match checked {
        Ok(_) => (true, Vec::new()),
        Err(problems) => (false, problems),
    }
}
