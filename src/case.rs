//! Practice cases (virtual patients) for physiotherapy students: who the patient is, what they
//! say, their answer to every item, and the key (expected result, essential and critical items,
//! teaching points). A case is checked against the questionnaire: every id and option must
//! exist, and the key must agree with what the assessment computes from the case's answers, so
//! cases and model can never drift apart. Format: `questionnaires/cases/README.md`.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::answers::{self, Entry};
use crate::engine::Interview;
use crate::questionnaire::{Problem, Questionnaire, Severity};
use crate::report;

/// The patient.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patient {
    pub age: u32,
    pub sex: String,
    pub work: String,
    pub activity: String,
}

/// The case header.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub id: String,
    pub title: String,
    /// 1 (straightforward) to 3 (hard).
    pub difficulty: u8,
    /// The presenting complaint, in the patient's own words.
    pub complaint: String,
}

/// One or several accepted classifications.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OneOrMore {
    One(String),
    More(Vec<String>),
}

impl OneOrMore {
    pub fn all(&self) -> Vec<&str> {
        match self {
            OneOrMore::One(s) => vec![s.as_str()],
            OneOrMore::More(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

/// What a student should conclude and must not miss.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Key {
    pub classification: OneOrMore,
    pub triage: String,
    /// Items a complete history must include.
    pub essential: Vec<String>,
    /// Routine items of a subjective examination that are relevant to this patient (nerve
    /// symptoms, course, what makes it worse or better, what was tried): asking them is never
    /// marked as adding nothing, and they are not required.
    #[serde(default)]
    pub routine: Vec<String>,
    /// Red-flag screening items: missing one fails the station.
    pub critical: Vec<String>,
    /// The reasoning to take away.
    pub teaching: Vec<String>,
}

/// A whole case file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub case: Header,
    pub patient: Patient,
    /// The patient's answer to each item, by item id (as in an answers file).
    pub answers: toml::Table,
    /// What the patient says when asked each item, by item id.
    pub replies: BTreeMap<String, String>,
    /// For red-flag screening items, what the patient says when asked about one sign only, by
    /// item id and option id ("Any trouble with your bladder?").
    #[serde(default)]
    pub signs: BTreeMap<String, BTreeMap<String, String>>,
    pub key: Key,
}

/// Reads and checks a case against the questionnaire; returns it with every problem found.
pub fn check(q: &Arc<Questionnaire>, src: &str, file: &str) -> (Option<Case>, Vec<Problem>) {
    let (checked, problems) = check_walked(q, src, file);
    (checked.map(|(case, _)| case), problems)
}

/// [`check`], also returning the interview walked with the case's answers (finished).
pub fn check_walked(
    q: &Arc<Questionnaire>,
    src: &str,
    file: &str,
) -> (Option<(Case, Interview)>, Vec<Problem>) {
    let problem = |message: String| Problem::at(Severity::Error, file, src, None, message);
    let case: Case = match Problem::read_toml(src, file) {
        Ok(c) => c,
        Err(p) => return (None, vec![p]),
    };
    let mut problems = Vec::new();

    // The answers must be valid answers, and walk the interview to a result.
    let answers_file = match answers::parse(src, file) {
        Ok(a) => a,
        Err(e) => return (None, vec![problem(e.to_string())]),
    };
    let walked = answers::run(q.clone(), &answers_file);
    match &walked {
        Err(e) => problems.push(problem(format!(
            "the case's answers do not make a complete interview: {e}"
        ))),
        Ok(interview) => {
            let got = report::record(interview);
            let accepted = case.key.classification.all();
            if !accepted.contains(&got.classification.as_str()) {
                problems.push(problem(format!(
                    "the key says the picture is {}, but the assessment of the case's answers gives `{}` ({:?})",
                    accepted.join(" or "),
                    got.classification,
                    got.scores
                )));
            }
            if got.triage != case.key.triage {
                problems.push(problem(format!(
                    "the key says triage `{}`, but the assessment of the case's answers gives `{}`",
                    case.key.triage, got.triage
                )));
            }
        }
    }

    // Every id the case names must exist.
    let known = |id: &str| q.question_index(id).is_some();
    for (what, ids) in [
        ("reply", case.replies.keys().cloned().collect::<Vec<_>>()),
        ("essential item", case.key.essential.clone()),
        ("routine item", case.key.routine.clone()),
        ("sign reply", case.signs.keys().cloned().collect::<Vec<_>>()),
        ("critical item", case.key.critical.clone()),
    ] {
        for id in ids {
            if !known(&id) {
                problems.push(problem(format!(
                    "{what} `{id}` is not a question of the questionnaire"
                )));
            }
        }
    }
    for c in case.key.classification.all() {
        if !q.classes.iter().any(|k| k.id == c) {
            problems.push(problem(format!(
                "the key names class `{c}`, which the questionnaire does not have"
            )));
        }
    }
    if !q.triage.iter().any(|t| t.id == case.key.triage) {
        problems.push(problem(format!(
            "the key names triage level `{}`, which the questionnaire does not have",
            case.key.triage
        )));
    }
    // The patient can only be asked what has a reply, and every answer needs one.
    for Entry { id, .. } in &answers_file.entries {
        if !case.replies.contains_key(id) {
            problems.push(problem(format!(
                "item `{id}` has an answer but no reply in the patient's words"
            )));
        }
    }
    for id in case.key.critical.iter() {
        let is_red_flag_item = q.question_index(id).is_some_and(|i| q.is_screening(i));
        if known(id) && !is_red_flag_item {
            problems.push(problem(format!(
                "critical item `{id}` is not a red-flag screening item (no red-flag rule is raised by its answer alone)"
            )));
        }
    }
    // Sign replies: options of screening items, and every sign of an answered screening item.
    for (id, replies) in &case.signs {
        let Some(i) = q.question_index(id) else {
            continue;
        };
        let signs = q.signs(i);
        if signs.is_empty() {
            problems.push(problem(format!(
                "`[signs.{id}]`: item `{id}` is not a red-flag screening item, so it is not asked one sign at a time"
            )));
            continue;
        }
        for option in replies.keys() {
            match q.questions[i].option_index(option) {
                Some(o) if signs.contains(&o) => {}
                _ => problems.push(problem(format!(
                    "`[signs.{id}]`: `{option}` is not a sign of `{id}`; its signs are {}",
                    signs
                        .iter()
                        .map(|o| q.questions[i].kind.options()[*o].id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))),
            }
        }
    }
    for id in &case.key.critical {
        let Some(i) = q.question_index(id) else {
            continue;
        };
        let signs = q.signs(i);
        let given = case.signs.get(id);
        let missing: Vec<&str> = signs
            .iter()
            .map(|o| q.questions[i].kind.options()[*o].id.as_str())
            .filter(|o| !given.is_some_and(|g| g.contains_key(*o)))
            .collect();
        if !missing.is_empty() {
            problems.push(problem(format!(
                "critical item `{id}` needs a reply for each sign asked alone (`[signs.{id}]`); missing: {}",
                missing.join(", ")
            )));
        }
    }
    if !(1..=3).contains(&case.case.difficulty) {
        problems.push(problem("`difficulty` goes from 1 to 3".into()));
    }
    match walked {
        Ok(interview) if problems.is_empty() => (Some((case, interview)), problems),
        _ => (None, problems),
    }
}

/// Whether a TOML file's top-level keys make it a practice case rather than a questionnaire.
pub fn is_case(top_level_keys: &[&str]) -> bool {
    top_level_keys.contains(&"case") && top_level_keys.contains(&"key")
}
