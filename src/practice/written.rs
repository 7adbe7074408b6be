//! A written attempt (`kinscreen practice --case FILE --grade ATTEMPT.toml`): the questions in
//! order (item ids, `item.option` for one sign, or typed questions), the mode, and the
//! hypothesis, marked with exactly the rules of the screen. Read with positions: an unknown
//! class, triage level or finding is an error at its place.

use serde::Deserialize;
use toml::Spanned;

use crate::questionnaire::{Problem, Severity};

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
    let class = q.class_index(raw.hypothesis.classification.get_ref());
    if class.is_none() {
        problems.push(problem(
            Some(raw.hypothesis.classification.span()),
            format!(
                "`{}` is not a class; the classes are {}",
                raw.hypothesis.classification.get_ref(),
                q.classes
                    .iter()
                    .map(|c| c.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    let triage = q.triage_index(raw.hypothesis.triage.get_ref());
    if triage.is_none() {
        problems.push(problem(
            Some(raw.hypothesis.triage.span()),
            format!(
                "`{}` is not a triage level; the levels are {}",
                raw.hypothesis.triage.get_ref(),
                q.triage
                    .iter()
                    .map(|t| t.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    let mut findings = Vec::new();
    for f in &raw.hypothesis.findings {
        match q.question_index(f.get_ref()) {
            Some(i) => findings.push(i),
            None => problems.push(problem(
                Some(f.span()),
                format!(
                    "finding `{}` is not an item of the questionnaire",
                    f.get_ref()
                ),
            )),
        }
    }
    let (Some(class), Some(triage)) = (class, triage) else {
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
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
