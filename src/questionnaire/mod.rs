//! Questionnaire files: the TOML format (see `docs/questionnaire-format.md`), loading with
//! positions, and validation into a [`Questionnaire`] the engine can trust.

pub mod analysis;
mod build;
mod compiled;
pub mod model;
mod parse;
pub mod problem;
pub mod raw;
pub mod refs;
pub mod translation;

use std::path::Path;

pub use build::fingerprint;
pub use model::*;
pub use problem::{Problem, Severity, render_excerpts};

/// The default questionnaire, built into the binary.
pub const BUILTIN_SOURCE: &str = include_str!("../../questionnaires/lower-limb.toml");
/// The built-in questionnaire's translations: (language, text of `lower-limb.LANG.toml`).
pub const BUILTIN_TRANSLATIONS: &[(&str, &str)] = &[(
    "es",
    include_str!("../../questionnaires/lower-limb.es.toml"),
)];
/// The name the built-in questionnaire goes by in messages.
pub const BUILTIN_NAME: &str = "questionnaires/lower-limb.toml (built in)";

/// Why a questionnaire could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Input(#[from] crate::output::InputError),
    #[error("{}", render_problems(problems))]
    Invalid { problems: Vec<Problem> },
}

/// All problems, one per line.
pub fn render_problems(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(Problem::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Parses and validates; returns the questionnaire when it has no error, and every problem
/// (warnings too).
pub fn check(src: &str, file: &str) -> (Option<Questionnaire>, Vec<Problem>) {
    check_with(src, file, Checks::Full)
}

fn check_with(src: &str, file: &str, checks: Checks) -> (Option<Questionnaire>, Vec<Problem>) {
    check_unless(src, file, checks, |_| false).unwrap_or_default()
}

/// How much of the checking a load does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checks {
    /// Everything `validate` reports, including the whole-interview analysis (reachability,
    /// conditions that can never hold, ...).
    Full,
    /// Syntax, types and every reference resolved, without the whole-interview analysis: for
    /// the built-in questionnaire, which the tests check in full (see
    /// `builtin_questionnaire_is_clean`), so that start-up does not repeat it.
    Structure,
}

/// [`check`] from one parse of the file, unless its top-level keys say it is something else
/// (`other` says so, e.g. a practice case): then `None`.
pub fn check_unless(
    src: &str,
    file: &str,
    checks: Checks,
    other: impl Fn(&[&str]) -> bool,
) -> Option<(Option<Questionnaire>, Vec<Problem>)> {
    let (q, mut problems) = match parse::parse_unless(src, file, other) {
        Ok(None) => return None,
        Ok(Some(doc)) => build::build(doc, file, src, checks),
        Err(problems) => (None, problems),
    };
    problems.sort_by_key(|p| (p.line.unwrap_or(0), p.column.unwrap_or(0)));
    Some((q, problems))
}

/// Loads a questionnaire from text; warnings are dropped.
pub fn load_str(src: &str, file: &str) -> Result<Questionnaire, LoadError> {
    load_checked(src, file, Checks::Full)
}

fn load_checked(src: &str, file: &str, checks: Checks) -> Result<Questionnaire, LoadError> {
    match check_with(src, file, checks) {
        (Some(q), _) => Ok(q),
        (None, problems) => Err(LoadError::Invalid {
            problems: problems.into_iter().filter(Problem::is_error).collect(),
        }),
    }
}

/// Loads a questionnaire file.
pub fn load_path(path: &Path) -> Result<Questionnaire, LoadError> {
    let name = path.display().to_string();
    let src = crate::output::read_input(path)?;
    load_str(&src, &name)
}

/// The built-in translation of the built-in questionnaire into `language`, if there is one.
pub fn builtin_translation(language: &str) -> Option<&'static str> {
    BUILTIN_TRANSLATIONS
        .iter()
        .find(|(l, _)| *l == language)
        .map(|(_, src)| *src)
}

/// The name the built-in translation into `language` goes by in messages.
pub fn builtin_translation_name(language: &str) -> String {
    format!("questionnaires/lower-limb.{language}.toml (built in)")
}

/// The built-in questionnaire in `language`, from its built-in translation (its compiled form
/// when that was made from the embedded texts); `None` when there is no such translation.
pub fn builtin_in(language: &str) -> Option<Result<Questionnaire, LoadError>> {
    let src = builtin_translation(language)?;
    let name = builtin_translation_name(language);
    let compiled = compiled::BUILTIN_TRANSLATIONS_COMPILED
        .iter()
        .find(|(l, _)| *l == language)
        .and_then(|(_, c)| compiled::read_translated(c, BUILTIN_SOURCE, src, BUILTIN_NAME));
    Some(match compiled {
        Some(q) => Ok(q),
        None => builtin().and_then(|q| {
            translation::load(&q, src, &name)
                .map(|t| t.questionnaire)
                .map_err(|problems| LoadError::Invalid { problems })
        }),
    })
}

/// The built-in default questionnaire.
///
/// Read from its compiled form when that was made from the embedded TOML (see [`compiled`]);
/// otherwise loaded from the TOML without the whole-interview analysis (the tests run it), and
/// still refused when it does not parse or a reference does not resolve.
pub fn builtin() -> Result<Questionnaire, LoadError> {
    match compiled::read(compiled::BUILTIN_COMPILED, BUILTIN_SOURCE, BUILTIN_NAME) {
        Some(q) => Ok(q),
        None => load_checked(BUILTIN_SOURCE, BUILTIN_NAME, Checks::Structure),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_questionnaire_is_clean() {
        let (q, problems) = check(BUILTIN_SOURCE, BUILTIN_NAME);
        assert!(problems.is_empty(), "{}", render_problems(&problems));
        let q = q.expect("valid");
        assert_eq!(q.questions[0].id, "red_flags_emergency");
    }
}
