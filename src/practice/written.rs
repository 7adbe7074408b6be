//! A written attempt (`kinscreen practice --case FILE --grade ATTEMPT.toml`): the questions in
//! order (item ids, `item.option` for one sign, or typed questions), the mode, and the
//! hypothesis, marked with exactly the rules of the screen. Read with positions: an unknown
//! class, triage level or finding is an error at its place.

use serde::Deserialize;
use toml::Spanned;

use crate::questionnaire::{CIdx, Problem, QIdx, Severity, TIdx};

use super::ask::{self, Matcher, Understood};
use super::{AskMode, Attempt, Hypothesis, Station};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    asked: Vec<String>,
    #[serde(default)]
    mode: Option<AskMode>,
    hypothesis: RawHypothesis,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHypothesis {
    classification: Spanned<String>,
    triage: Spanned<String>,
    #[serde(default)]
    findings: Vec<Spanned<String>>,
}

/// Reads a written attempt for `station`: the attempt with its questions put (a typed question
/// that could mean several items counts as its best reading), and the hypothesis.
pub fn read(
    station: &Station,
    matcher: &Matcher,
    src: &str,
    file: &str,
) -> Result<(Attempt, Hypothesis), Vec<Problem>> {
    let q = station.questionnaire();
    let problem = |span: Option<std::ops::Range<usize>>, message: String| {
        Problem::at(Severity::Error, file, src, span, message)
    };
    let raw: Raw = Problem::read_toml(src, file).map_err(|p| vec![p])?;
    let mut problems = Vec::new();
    // An id of the questionnaire, or a problem at its place naming the ids there are.
    let mut lookup = |id: &Spanned<String>, what: &str, found: Option<usize>, ids: Vec<&str>| {
        if found.is_none() {
            problems.push(problem(
                Some(id.span()),
                format!(
                    "`{}` is not {what}; there are {}",
                    id.get_ref(),
                    ids.join(", ")
                ),
            ));
        }
        found
    };
    let h = &raw.hypothesis;
    let class = lookup(
        &h.classification,
        "a class",
        q.class_index(h.classification.get_ref()).map(|c| c.0),
        q.classes.iter().map(|c| c.id.as_str()).collect(),
    );
    let triage = lookup(
        &h.triage,
        "a triage level",
        q.triage_index(h.triage.get_ref()).map(|t| t.0),
        q.triage.iter().map(|t| t.id.as_str()).collect(),
    );
    let findings: Vec<Option<QIdx>> = h
        .findings
        .iter()
        .map(|f| {
            lookup(
                f,
                "an item",
                q.question_index(f.get_ref()),
                q.questions.iter().map(|x| x.id.as_str()).collect(),
            )
        })
        .collect();
    let (Some(class), Some(triage), true) = (class, triage, problems.is_empty()) else {
        return Err(problems);
    };
    let (class, triage) = (CIdx(class), TIdx(triage));
    let findings: Vec<QIdx> = findings.into_iter().flatten().collect();
    let mut attempt = Attempt::in_mode(raw.mode.unwrap_or_default());
    for asked in &raw.asked {
        match ask::target_by_id(q, asked.trim()) {
            Some(t) => {
                attempt.put(None, &[t]);
            }
            None => {
                let targets = match matcher.read(asked).understood {
                    Understood::Asked(t) => t,
                    Understood::Choice(t) => t.into_iter().take(1).collect(),
                    Understood::Unclear => Vec::new(),
                };
                attempt.put(Some(asked), &targets);
            }
        }
    }
    let h = Hypothesis {
        class,
        triage,
        findings,
    };
    attempt.commit(h.clone());
    let h = attempt.hypothesis().cloned().unwrap_or(h);
    Ok((attempt, h))
}
