//! The words people use for each item of a questionnaire, as data (built in:
//! `questionnaires/lower-limb.phrases.toml`): phrases per item and per option, words to drop,
//! words read as others, and the stemming language. Read with positions and checked against the
//! questionnaire (an unknown item or option id is an error at its place), so a broken file gets
//! the same rustc-style report as a questionnaire. [`super::ask`] matches typed questions with it.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::questionnaire::{OIdx, Problem, QIdx, Questionnaire, Severity};

/// The built-in phrase file's text (for the built-in questionnaire).
pub const BUILTIN_SOURCE: &str = include_str!("../../questionnaires/lower-limb.phrases.toml");
/// The name the built-in phrase file goes by in messages.
pub const BUILTIN_NAME: &str = "questionnaires/lower-limb.phrases.toml (built in)";

/// Checked phrase data for one questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrases {
    /// The stemming language (a Snowball algorithm name).
    pub language: String,
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
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatientTexts {
    pub unclear: String,
    /// `{choices}` is the list of topics.
    pub choice: String,
    /// An item the case has no reply for.
    pub not_applicable: String,
}

impl Default for PatientTexts {
    fn default() -> Self {
        PatientTexts {
            unclear: "?".into(),
            choice: "{choices}?".into(),
            not_applicable: "-".into(),
        }
    }
}

impl PatientTexts {
    /// The question back to the student, naming the choices.
    pub fn choice(&self, choices: &[&str]) -> String {
        self.choice.replace("{choices}", &choices.join(" or "))
    }
}

impl Phrases {
    /// No phrases at all: typed questions then match the items' topics only.
    pub fn none() -> Phrases {
        Phrases {
            language: "english".into(),
            stop: Vec::new(),
            same: BTreeMap::new(),
            joins: Vec::new(),
            openers: Vec::new(),
            entries: Vec::new(),
            patient: PatientTexts::default(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    questionnaire: Spanned<String>,
    language: Spanned<String>,
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

/// The Snowball algorithms a phrase file may name.
pub const LANGUAGES: &[&str] = &[
    "arabic",
    "danish",
    "dutch",
    "english",
    "finnish",
    "french",
    "german",
    "greek",
    "hungarian",
    "italian",
    "norwegian",
    "portuguese",
    "romanian",
    "russian",
    "spanish",
    "swedish",
    "tamil",
    "turkish",
];

/// Whether a TOML file's top-level keys make it a phrase file.
pub fn is_phrases(top_level_keys: &[&str]) -> bool {
    top_level_keys.contains(&"items") && top_level_keys.contains(&"words")
}

/// Reads and checks a phrase file against `q`; every problem found, or the phrases.
pub fn load(q: &Questionnaire, src: &str, file: &str) -> Result<Phrases, Vec<Problem>> {
    let problem = |span: Range<usize>, message: String| {
        Problem::at(Severity::Error, file, src, Some(span), message)
    };
    let raw: Raw = Problem::read_toml(src, file).map_err(|p| vec![p])?;
    let mut problems = Vec::new();
    if raw.questionnaire.get_ref() != &q.meta.id {
        problems.push(problem(
            raw.questionnaire.span(),
            format!(
                "these phrases are for questionnaire `{}`, but the questionnaire is `{}`",
                raw.questionnaire.get_ref(),
                q.meta.id
            ),
        ));
    }
    if !LANGUAGES.contains(&raw.language.get_ref().as_str()) {
        problems.push(problem(
            raw.language.span(),
            format!(
                "no stemmer for language `{}`; one of {}",
                raw.language.get_ref(),
                LANGUAGES.join(", ")
            ),
        ));
    }
    let mut same = BTreeMap::new();
    for (word, value) in raw.words.same {
        let plain = |s: &str| !s.trim().is_empty() && s == s.to_lowercase();
        if !plain(word.get_ref()) || word.get_ref().contains(' ') {
            problems.push(problem(
                word.span(),
                format!("`{}` must be one word in lower case", word.get_ref()),
            ));
        } else if !plain(value.get_ref()) {
            problems.push(problem(
                value.span(),
                format!("`{}` must be words in lower case", value.get_ref()),
            ));
        } else if word.get_ref() == value.get_ref() {
            problems.push(problem(
                word.span(),
                format!("`{}` is read as itself: leave it out", word.get_ref()),
            ));
        }
        same.insert(word.into_inner(), value.into_inner());
    }
    let mut entries = Vec::new();
    for (id, item) in raw.items {
        let Some(i) = q.question_index(id.get_ref()) else {
            problems.push(problem(
                id.span(),
                format!(
                    "`{}` is not an item of questionnaire `{}`",
                    id.get_ref(),
                    q.meta.id
                ),
            ));
            continue;
        };
        let mut lists = vec![(None, item.phrases)];
        for (option, phrases) in item.options {
            match q.questions[i].option_index(option.get_ref()) {
                Some(o) => lists.push((Some(o), phrases)),
                None => problems.push(problem(
                    option.span(),
                    format!(
                        "item `{}` has no option `{}`; its options are {}",
                        id.get_ref(),
                        option.get_ref(),
                        q.questions[i].option_ids().join(", ")
                    ),
                )),
            }
        }
        for (option, phrases) in lists {
            for phrase in phrases {
                if phrase.get_ref().trim().is_empty() {
                    problems.push(problem(phrase.span(), "an empty phrase".into()));
                } else {
                    entries.push((i, option, phrase.into_inner()));
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Phrases {
        language: raw.language.into_inner(),
        stop: raw.words.stop,
        same,
        joins: raw.words.joins,
        openers: raw.words.openers,
        entries,
        patient: raw.patient,
    })
}
