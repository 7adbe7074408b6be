//! The words people use for each item of a questionnaire, as data (built in:
//! `questionnaires/lower-limb.phrases.toml`): phrases per item and per option, words to drop,
//! words read as others, and the stemming language. Read with positions and checked against the
//! questionnaire (an unknown item or option id is an error at its place), so a broken file gets
//! the same rustc-style report as a questionnaire. [`super::ask`] matches typed questions with it.

use std::collections::BTreeMap;
use std::ops::Range;

use rust_stemmers::Algorithm;
use serde::Deserialize;
use toml::Spanned;

use crate::questionnaire::refs::Refs;
use crate::questionnaire::{OIdx, Problem, QIdx, Questionnaire};

/// The built-in phrase file's text (for the built-in questionnaire).
pub const BUILTIN_SOURCE: &str = include_str!("../../questionnaires/lower-limb.phrases.toml");
/// The name the built-in phrase file goes by in messages.
pub const BUILTIN_NAME: &str = "questionnaires/lower-limb.phrases.toml (built in)";

/// Checked phrase data for one questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrases {
    /// The stemming language: a Snowball algorithm of `rust-stemmers` ("English", "Spanish").
    pub language: Algorithm,
    /// Words without meaning of their own, lower case.
    pub stop: Vec<String>,
    /// Words read as others (the value may be several words).
    pub same: BTreeMap<String, String>,
    /// Words joining two questions in one ("and"), when an opener follows.
    pub joins: Vec<String>,
    /// Words a question starts with ("does", "where").
    pub openers: Vec<String>,
    /// Every phrase: the item, the option it asks about if any, and the words.
    pub entries: Vec<(QIdx, Option<OIdx>, String)>,
    /// What the patient says to a question not understood, or one that could mean several
    /// items.
    pub patient: PatientTexts,
}

/// What the patient says when a typed question cannot be answered as it stands.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatientTexts {
    pub unclear: String,
    /// `{choices}` is the list of topics.
    pub choice: String,
    /// An item the case has no reply for.
    pub not_applicable: String,
}

impl PatientTexts {
    /// The question back to the student, naming the choices.
    pub fn choice(&self, choices: &[&str]) -> String {
        self.choice.replace("{choices}", &choices.join(" or "))
    }
}

impl Phrases {
    /// The built-in file's words and patient texts without its phrases, for a questionnaire it
    /// was not written for: typed questions then match the items' topics, with the same stop
    /// words, same-meaning words and slips corrected. (The built-in file is checked by a test.)
    pub fn builtin_words() -> Phrases {
        match Problem::read_toml::<Raw>(BUILTIN_SOURCE, BUILTIN_NAME) {
            Ok(raw) => general(raw.language, raw.patient, raw.words, &mut |_, _| {}),
            Err(_) => Phrases {
                language: Algorithm::English,
                stop: Vec::new(),
                same: BTreeMap::new(),
                joins: Vec::new(),
                openers: Vec::new(),
                entries: Vec::new(),
                patient: PatientTexts::default(),
            },
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    questionnaire: Spanned<String>,
    language: Algorithm,
    patient: PatientTexts,
    words: RawWords,
    items: BTreeMap<Spanned<String>, RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWords {
    stop: Vec<String>,
    #[serde(default)]
    joins: Vec<String>,
    #[serde(default)]
    openers: Vec<String>,
    #[serde(default)]
    same: BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    #[serde(default)]
    phrases: Vec<Spanned<String>>,
    #[serde(default)]
    options: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
}

/// Whether a TOML file's top-level keys make it a phrase file.
pub fn is_phrases(top_level_keys: &[&str]) -> bool {
    top_level_keys.contains(&"items") && top_level_keys.contains(&"words")
}

/// Reads and checks a phrase file against `q`; every problem found, or the phrases.
pub fn load(q: &Questionnaire, src: &str, file: &str) -> Result<Phrases, Vec<Problem>> {
    let raw: Raw = Problem::read_toml(src, file).map_err(|p| vec![p])?;
    let mut refs = Refs::new(q, src, file);
    refs.questionnaire(&raw.questionnaire, "these phrases are");
    let mut phrases = general(
        raw.language,
        raw.patient,
        raw.words,
        &mut |span, message| {
            refs.error(span, message);
        },
    );
    let mut entries = Vec::new();
    for (id, item) in raw.items {
        let Some(i) = refs.question(&id) else {
            continue;
        };
        let mut lists = vec![(None, item.phrases)];
        for (option, phrases) in item.options {
            if let Some(o) = refs.option(i, &option) {
                lists.push((Some(o), phrases));
            }
        }
        for (option, phrases) in lists {
            for phrase in phrases {
                if phrase.get_ref().trim().is_empty() {
                    refs.error(phrase.span(), "an empty phrase".into());
                } else {
                    entries.push((i, option, phrase.into_inner()));
                }
            }
        }
    }
    phrases.entries = entries;
    refs.finish(phrases)
}

/// What a phrase file says beyond its items: the language, the words, the patient's texts
/// (the `same` table checked, problems told to `problem`).
fn general(
    language: Algorithm,
    patient: PatientTexts,
    words: RawWords,
    problem: &mut dyn FnMut(Range<usize>, String),
) -> Phrases {
    let mut same = BTreeMap::new();
    for (word, value) in words.same {
        let plain = |s: &str| !s.trim().is_empty() && s == s.to_lowercase();
        if !plain(word.get_ref()) || word.get_ref().contains(' ') {
            problem(
                word.span(),
                format!("`{}` must be one word in lower case", word.get_ref()),
            );
        } else if !plain(value.get_ref()) {
            problem(
                value.span(),
                format!("`{}` must be words in lower case", value.get_ref()),
            );
        } else if word.get_ref() == value.get_ref() {
            problem(
                word.span(),
                format!("`{}` is read as itself: leave it out", word.get_ref()),
            );
        }
        same.insert(word.into_inner(), value.into_inner());
    }
    Phrases {
        language,
        stop: words.stop,
        same,
        joins: words.joins,
        openers: words.openers,
        entries: Vec::new(),
        patient,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(src: &str) -> Vec<String> {
        let q = crate::questionnaire::builtin().unwrap();
        load(&q, src, "p.toml")
            .unwrap_err()
            .iter()
            .map(Problem::placed)
            .collect()
    }

    #[test]
    fn the_builtin_phrases_load_clean_for_the_builtin_questionnaire() {
        let q = crate::questionnaire::builtin().unwrap();
        let p = load(&q, BUILTIN_SOURCE, BUILTIN_NAME).unwrap();
        assert!(p.entries.len() > 500, "{}", p.entries.len());
        assert_eq!(Phrases::builtin_words().stop, p.stop);
    }

    #[test]
    fn unknown_ids_are_refused_at_their_place() {
        let src = BUILTIN_SOURCE.replace("[items.main_site]", "[items.main_sight]");
        let p = problems(&src);
        let line = src.lines().position(|l| l.contains("main_sight")).unwrap() + 1;
        assert!(p[0].starts_with(&format!("{line}:8 ")), "{p:?}");
        assert!(p[0].contains("`main_sight` is not a question"), "{p:?}");

        let src = BUILTIN_SOURCE.replace("\ncalf_swelling_warmth = [", "\ncalf_swollen = [");
        let p = problems(&src);
        assert!(p[0].contains("has no option `calf_swollen`"), "{p:?}");
        let line = src
            .lines()
            .position(|l| l.starts_with("calf_swollen"))
            .unwrap()
            + 1;
        assert!(p[0].starts_with(&format!("{line}:1 ")), "{p:?}");

        let p =
            problems(&BUILTIN_SOURCE.replace("language = \"English\"", "language = \"Klingon\""));
        assert!(p[0].contains("unknown variant `Klingon`"), "{p:?}");
    }
}
