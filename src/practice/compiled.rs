//! The built-in cases ahead of time: each case as read and checked, saved as JSON
//! (`questionnaires/cases.compiled.json`) with the fingerprints of the questionnaire it was
//! checked against and of its own text, so that `kinscreen practice` starts without parsing and
//! checking every case file. Used only when the questionnaire and every built-in case file are
//! exactly those it was made from; otherwise the cases are loaded and checked as any case file
//! is. The test `compiled_cases_are_current` keeps the file current
//! (`KINSCREEN_UPDATE_COMPILED=1 cargo test compiled` rewrites it).

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::Station;
use crate::answers;
use crate::case::Case;
use crate::questionnaire::{Questionnaire, fingerprint};

/// The compiled form of the built-in cases ([`super::BUILT_IN`]).
pub(super) const CASES_COMPILED: &str = include_str!("../../questionnaires/cases.compiled.json");

#[derive(Serialize, Deserialize)]
struct Compiled {
    /// Fingerprint of the questionnaire the cases were checked against.
    questionnaire: String,
    /// In the order of the case files.
    cases: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    file: String,
    /// Fingerprint of the case file's text.
    fingerprint: String,
    case: Case,
}

/// The stations `compiled` holds, when it was made from exactly these case files (name, text)
/// checked against `q`; `None` otherwise. Each case's interview is walked again from its
/// answers (the walk is the engine's, and cheap).
pub(super) fn stations(
    q: &Arc<Questionnaire>,
    compiled: &str,
    files: &[(&str, &str)],
) -> Option<Vec<Station>> {
    let compiled: Compiled = serde_json::from_str(compiled).ok()?;
    if compiled.questionnaire != q.fingerprint || compiled.cases.len() != files.len() {
        return None;
    }
    compiled
        .cases
        .into_iter()
        .zip(files)
        .map(|(entry, (name, text))| {
            if entry.file != *name || entry.fingerprint != fingerprint(text) {
                return None;
            }
            let answers = answers::from_table(name, text, &entry.case.answers);
            let walk = answers::run(q.clone(), &answers).ok()?;
            Some(Station::new(q, entry.case, walk, name))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::practice::BUILT_IN;

    const PATH: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questionnaires/cases.compiled.json"
    );

    fn builtin() -> Arc<Questionnaire> {
        Arc::new(crate::questionnaire::builtin().unwrap())
    }

    /// Every built-in case loaded and checked from its text, in file order.
    fn checked(q: &Arc<Questionnaire>) -> Vec<Station> {
        BUILT_IN
            .iter()
            .map(|(name, text)| {
                Station::load(q, text, name).unwrap_or_else(|problems| {
                    panic!(
                        "{name}: {}",
                        crate::questionnaire::render_problems(&problems)
                    )
                })
            })
            .collect()
    }

    /// What a student meets and is marked against, to compare stations by.
    fn seen(s: &Station) -> String {
        format!(
            "{} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
            s.source,
            s.case,
            s.full.state(),
            s.full.answers(),
            s.assessment,
            s.classes,
            s.triage,
            (&s.essential, &s.critical)
        )
    }

    #[test]
    fn compiled_cases_are_current() {
        let q = builtin();
        let loaded = checked(&q);
        let compiled = Compiled {
            questionnaire: q.fingerprint.clone(),
            cases: loaded
                .iter()
                .zip(BUILT_IN)
                .map(|(s, (name, text))| Entry {
                    file: name.to_string(),
                    fingerprint: fingerprint(text),
                    case: s.case.clone(),
                })
                .collect(),
        };
        let fresh = serde_json::to_string(&compiled).unwrap() + "\n";
        if std::env::var_os("KINSCREEN_UPDATE_COMPILED").is_some() {
            std::fs::write(PATH, &fresh).unwrap();
            return;
        }
        assert!(
            fresh == CASES_COMPILED,
            "questionnaires/cases.compiled.json was not made from the current built-in cases \
             and questionnaire; rewrite it with `KINSCREEN_UPDATE_COMPILED=1 cargo test compiled`"
        );
        let read = stations(&q, CASES_COMPILED, BUILT_IN).expect("the compiled cases are used");
        assert_eq!(read.len(), loaded.len());
        for (r, s) in read.iter().zip(&loaded) {
            assert_eq!(seen(r), seen(s));
        }
    }

    #[test]
    fn compiled_cases_are_not_used_for_other_texts() {
        let q = builtin();
        let mut files = BUILT_IN.to_vec();
        let changed = files[0].1.replace("[patient]", "[patient]\n");
        files[0].1 = &changed;
        assert!(stations(&q, CASES_COMPILED, &files).is_none());
        assert!(stations(&q, CASES_COMPILED, &BUILT_IN[1..]).is_none());
        let mut other = (*q).clone();
        other.fingerprint = "another questionnaire".into();
        assert!(stations(&Arc::new(other), CASES_COMPILED, BUILT_IN).is_none());
        assert!(stations(&q, "{}", BUILT_IN).is_none());
    }
}
