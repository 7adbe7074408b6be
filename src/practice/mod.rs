//! Practice mode, without the terminal: a virtual patient ([`Station`]) built from a case file,
//! a student's attempt at taking the history ([`Attempt`]: what was asked, in which order, and
//! the working hypothesis), and the OSCE-style marking of it ([`grade`]). Pure apart from
//! reading case files; the TUI in `tui::practice` only shows this.

mod compiled;
mod grade;
pub mod marking;
#[cfg(test)]
mod tests;

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use grade::{CriticalError, Grade, Part, TriageCall, grade};
pub use marking::{Marking, Scheme};

use crate::assess::Assessment;
use crate::case::{self, Case};
use crate::engine::Interview;
use crate::questionnaire::{CIdx, Problem, QIdx, Questionnaire, TIdx};

include!(concat!(env!("OUT_DIR"), "/cases.rs"));

/// A case ready to be practised: the case, and the engine's assessment of all its answers.
#[derive(Debug, Clone)]
pub struct Station {
    pub case: Case,
    /// The file it came from (a file name for built-in cases).
    pub source: String,
    /// The interview walked with every answer of the case, finished.
    pub full: Interview,
    /// The engine's assessment of that interview.
    pub assessment: Assessment,
    /// Accepted classifications, as class indices.
    pub classes: Vec<CIdx>,
    /// The expected triage level.
    pub triage: TIdx,
    /// Items a complete history includes.
    pub essential: Vec<QIdx>,
    /// Red-flag screening items: missing one fails the station.
    pub critical: Vec<QIdx>,
}

/// What the patient says when asked an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// The patient's own words.
    Said(String),
    /// The case gives no reply: the item does not apply to this patient.
    NotApplicable,
}

impl Station {
    /// Reads a case and checks it against the questionnaire (ids, replies, and that its key
    /// agrees with the engine); returns every problem when it does not pass.
    pub fn load(q: &Arc<Questionnaire>, src: &str, file: &str) -> Result<Station, Vec<Problem>> {
        let (checked, problems) = case::check_walked(q, src, file);
        let (case, walk) = checked.ok_or(problems)?;
        Ok(Station::new(q, case, walk, file))
    }

    /// A station from a case checked against `q`, and the interview walked with its answers.
    fn new(q: &Arc<Questionnaire>, case: Case, walk: Interview, file: &str) -> Station {
        let assessment = walk.assessment();
        let ids = |list: &[String]| -> Vec<QIdx> {
            list.iter().filter_map(|id| q.question_index(id)).collect()
        };
        let classes = case
            .key
            .classification
            .all()
            .iter()
            .filter_map(|c| q.class_index(c))
            .collect();
        let triage = q.triage_index(&case.key.triage).unwrap_or_default();
        Station {
            essential: ids(&case.key.essential),
            critical: ids(&case.key.critical),
            classes,
            triage,
            source: file.to_string(),
            full: walk,
            assessment,
            case,
        }
    }

    /// The questionnaire the case was checked against.
    pub fn questionnaire(&self) -> &Arc<Questionnaire> {
        self.full.questionnaire()
    }

    /// What the patient says when asked item `i`.
    pub fn reply(&self, i: QIdx) -> Reply {
        let id = &self.questionnaire().questions[i].id;
        match self.case.replies.get(id) {
            Some(text) => Reply::Said(text.trim().to_string()),
            None => Reply::NotApplicable,
        }
    }
}

/// A case that could not be loaded, with why.
#[derive(Debug, Clone)]
pub struct Broken {
    pub source: String,
    pub problems: Vec<Problem>,
}

/// Every built-in case checked against `q`, easiest first: from their compiled form when `q`
/// is the built-in questionnaire they were checked against (see [`compiled`]).
pub fn built_in(q: &Arc<Questionnaire>) -> (Vec<Station>, Vec<Broken>) {
    if let Some(mut stations) = compiled::stations(q, compiled::CASES_COMPILED, BUILT_IN) {
        easiest_first(&mut stations);
        return (stations, Vec::new());
    }
    load_all(
        q,
        BUILT_IN
            .iter()
            .map(|(name, src)| (name.to_string(), Ok(src.to_string()))),
    )
}

/// Every `*.toml` case in a folder, easiest first.
pub fn from_dir(
    q: &Arc<Questionnaire>,
    dir: &Path,
) -> std::io::Result<(Vec<Station>, Vec<Broken>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    Ok(load_all(
        q,
        files.into_iter().map(|p| {
            let text =
                crate::output::read_input(&p).map_err(|e| std::io::Error::other(e.to_string()));
            (p.display().to_string(), text)
        }),
    ))
}

fn load_all(
    q: &Arc<Questionnaire>,
    files: impl Iterator<Item = (String, std::io::Result<String>)>,
) -> (Vec<Station>, Vec<Broken>) {
    let mut stations = Vec::new();
    let mut broken = Vec::new();
    for (name, text) in files {
        let loaded = match text {
            Ok(src) => Station::load(q, &src, &name),
            Err(e) => Err(vec![Problem::at(
                crate::questionnaire::Severity::Error,
                &name,
                "",
                None,
                e.to_string(),
            )]),
        };
        match loaded {
            Ok(s) => stations.push(s),
            Err(problems) => broken.push(Broken {
                source: name,
                problems,
            }),
        }
    }
    easiest_first(&mut stations);
    (stations, broken)
}

/// Easiest first, so a list reads as a course.
fn easiest_first(stations: &mut [Station]) {
    stations.sort_by(|a, b| {
        (a.case.case.difficulty, &a.case.case.title)
            .cmp(&(b.case.case.difficulty, &b.case.case.title))
    });
}

/// The student's working hypothesis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hypothesis {
    pub class: CIdx,
    pub triage: TIdx,
    /// Items whose replies convinced the student (optional).
    pub findings: Vec<QIdx>,
}

/// One attempt at a station: the items asked in order and, once committed, the hypothesis.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attempt {
    asked: Vec<QIdx>,
    hypothesis: Option<Hypothesis>,
}

impl Attempt {
    pub fn new() -> Self {
        Attempt::default()
    }

    /// Asks item `i`. Returns false (and counts nothing) when it was asked before or the
    /// hypothesis is already committed.
    pub fn ask(&mut self, i: QIdx) -> bool {
        if self.hypothesis.is_some() || self.asked.contains(&i) {
            return false;
        }
        self.asked.push(i);
        true
    }

    /// Items asked, in order.
    pub fn asked(&self) -> &[QIdx] {
        &self.asked
    }

    pub fn was_asked(&self, i: QIdx) -> bool {
        self.asked.contains(&i)
    }

    /// Commits the hypothesis; findings not asked are dropped. Once only.
    pub fn commit(&mut self, mut h: Hypothesis) -> bool {
        if self.hypothesis.is_some() {
            return false;
        }
        h.findings.retain(|f| self.asked.contains(f));
        h.findings.dedup();
        self.hypothesis = Some(h);
        true
    }

    pub fn hypothesis(&self) -> Option<&Hypothesis> {
        self.hypothesis.as_ref()
    }
}

/// One graded attempt, as kept in the practice log (one JSON object per line).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    /// When it was graded (RFC 3339, UTC).
    pub at: String,
    pub case: String,
    pub title: String,
    /// Questionnaire id and version the case was marked against.
    pub questionnaire: String,
    /// Item ids asked, in order.
    pub asked: Vec<String>,
    pub classification: String,
    pub triage: String,
    pub findings: Vec<String>,
    pub score: u32,
    pub passed: bool,
    /// Why the station was failed regardless of points, if it was.
    pub critical_errors: Vec<String>,
    /// Points per part of the marking scheme: (name, points, out of).
    pub parts: Vec<(String, u32, u32)>,
}

impl LogEntry {
    /// The log entry of a graded attempt.
    pub fn of(
        marking: &Marking,
        station: &Station,
        attempt: &Attempt,
        h: &Hypothesis,
        g: &Grade,
        at: &str,
    ) -> Self {
        let q = station.questionnaire();
        let ids = |list: &[QIdx]| list.iter().map(|i| q.questions[*i].id.clone()).collect();
        LogEntry {
            at: at.to_string(),
            case: station.case.case.id.clone(),
            title: station.case.case.title.clone(),
            questionnaire: format!("{} {}", q.meta.id, q.meta.version),
            asked: ids(attempt.asked()),
            classification: q.classes[h.class].id.clone(),
            triage: q.triage[h.triage].id.clone(),
            findings: ids(&h.findings),
            score: g.total,
            passed: g.passed,
            critical_errors: g
                .critical_errors
                .iter()
                .map(|e| e.describe(marking, q))
                .collect(),
            parts: g
                .parts
                .iter()
                .map(|p| (p.name.to_string(), p.points, p.max))
                .collect(),
        }
    }
}

/// The practice log as text: for each case (in the order first tried) its attempts over time,
/// with the score, the result, how many items were asked and what was concluded.
pub fn history_text(entries: &[LogEntry]) -> String {
    use std::fmt::Write;
    let mut cases: Vec<&str> = Vec::new();
    for e in entries {
        if !cases.contains(&e.case.as_str()) {
            cases.push(&e.case);
        }
    }
    let mut out = String::new();
    for (n, case) in cases.iter().enumerate() {
        let tries: Vec<&LogEntry> = entries.iter().filter(|e| e.case == *case).collect();
        let best = tries.iter().map(|e| e.score).max().unwrap_or_default();
        let trend: Vec<String> = tries.iter().map(|e| e.score.to_string()).collect();
        if n > 0 {
            out.push('\n');
        }
        let title = tries.last().map(|e| e.title.as_str()).unwrap_or_default();
        let _ = writeln!(out, "{title} [{case}]");
        let _ = writeln!(
            out,
            "  {} attempt(s), best {best}/100, scores over time: {}",
            tries.len(),
            trend.join(" → ")
        );
        let _ = writeln!(
            out,
            "  {:<17}  {:>5}  {:<6}  {:>5}  {:<24}  how soon",
            "when (UTC)", "score", "result", "asked", "picture"
        );
        for e in tries {
            let when: String = e.at.replace('T', " ").chars().take(16).collect();
            let result = if e.passed { "pass" } else { "FAIL" };
            let _ = writeln!(
                out,
                "  {:<17}  {:>5}  {:<6}  {:>5}  {:<24}  {}",
                when,
                e.score,
                result,
                e.asked.len(),
                e.classification,
                e.triage
            );
            for c in &e.critical_errors {
                let _ = writeln!(out, "    critical error: {c}");
            }
        }
    }
    out
}
