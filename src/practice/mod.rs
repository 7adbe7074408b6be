//! Practice mode, without the terminal: a virtual patient ([`Station`]) built from a case file,
//! a student's attempt at taking the history ([`Attempt`]: what was asked, in which order, and
//! the working hypothesis), and the OSCE-style marking of it ([`grade`]). Pure apart from
//! reading case files; the TUI in `tui::practice` only shows this.

pub mod ask;
mod compiled;
pub mod debrief;
mod grade;
pub mod marking;
pub mod phrases;
#[cfg(test)]
mod tests;
mod words;
pub mod written;

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use grade::{CriticalError, Grade, Part, TriageCall, grade};
pub use marking::{Marking, Scheme};

use crate::assess::Assessment;
use crate::case::{self, Case};
use crate::engine::Interview;
use crate::questionnaire::{CIdx, OIdx, Problem, QIdx, Questionnaire, TIdx};

pub use ask::{Matcher, Target};

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
    /// Routine items relevant to this patient: never counted as adding nothing.
    pub routine: Vec<QIdx>,
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
            routine: ids(&case.key.routine),
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

    /// Whether item `i` is in the case's key: critical, essential or routine.
    pub fn in_key(&self, i: QIdx) -> bool {
        self.critical.contains(&i) || self.essential.contains(&i) || self.routine.contains(&i)
    }

    /// What the patient says when asked `t`: for one sign of a screening item, the case's
    /// reply to that sign (the item's reply when the case has none).
    pub fn reply_to(&self, t: Target) -> Reply {
        let item = &self.questionnaire().questions[t.item];
        let sign = t.option.and_then(|o| {
            let option = &item.kind.options().get(o)?.id;
            self.case.signs.get(&item.id)?.get(option)
        });
        match sign {
            Some(text) => Reply::Said(text.trim().to_string()),
            None => self.reply(t.item),
        }
    }

    /// Who the patient is, in one line: "59-year-old male, taxi driver; walks the dog".
    pub fn patient_line(&self) -> String {
        let p = &self.case.patient;
        format!("{}-year-old {}, {}; {}", p.age, p.sex, p.work, p.activity)
    }

    /// What the student heard of item `i` in `attempt`: the item's reply when it was asked
    /// whole, else the replies to the signs asked one at a time, in the order asked.
    pub fn heard(&self, attempt: &Attempt, i: QIdx) -> Reply {
        let targets: Vec<Target> = attempt
            .questions()
            .iter()
            .flat_map(|p| &p.asked)
            .filter(|t| t.item == i)
            .copied()
            .collect();
        if targets.is_empty() || targets.iter().any(|t| t.option.is_none()) {
            return self.reply(i);
        }
        let mut texts: Vec<String> = Vec::new();
        for t in targets {
            if let Reply::Said(text) = self.reply_to(t)
                && !texts.contains(&text)
            {
                texts.push(text);
            }
        }
        if texts.is_empty() {
            Reply::NotApplicable
        } else {
            Reply::Said(texts.join(" "))
        }
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

/// How the student puts questions to the patient, from the least cued to the most (an attempt
/// that switched records the most cued mode it used).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AskMode {
    /// In their own words (the default): nothing is shown before asking.
    #[default]
    Typed,
    /// A few letters typed, then a pick from the items that match.
    LongMenu,
    /// A pick from the board of every item (for beginners).
    Guided,
}

impl AskMode {
    /// The next mode, round the three.
    pub fn next(self) -> AskMode {
        match self {
            AskMode::Typed => AskMode::LongMenu,
            AskMode::LongMenu => AskMode::Guided,
            AskMode::Guided => AskMode::Typed,
        }
    }

    /// The id used in attempt files and the log.
    pub fn id(self) -> &'static str {
        match self {
            AskMode::Typed => "typed",
            AskMode::LongMenu => "long_menu",
            AskMode::Guided => "guided",
        }
    }
}

/// One question put to the patient: the words typed (if typed) and what it asked that had not
/// been asked before (nothing when it was not understood).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Put {
    pub text: Option<String>,
    pub asked: Vec<Target>,
}

impl Put {
    /// A typed question that matched nothing.
    pub fn unclear(&self) -> bool {
        self.asked.is_empty()
    }
}

/// One attempt at a station: the questions put in order and, once committed, the hypothesis.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attempt {
    pub mode: AskMode,
    questions: Vec<Put>,
    hypothesis: Option<Hypothesis>,
}

impl Attempt {
    pub fn new() -> Self {
        Attempt::default()
    }

    /// The student switched to `mode`: before the first question the attempt is in that mode,
    /// afterwards in the most cued of the modes used.
    pub fn switch(&mut self, mode: AskMode) {
        self.mode = if self.questions.is_empty() {
            mode
        } else {
            self.mode.max(mode)
        };
    }

    /// An attempt in `mode`.
    pub fn in_mode(mode: AskMode) -> Self {
        Attempt {
            mode,
            ..Attempt::default()
        }
    }

    /// Whether `t` was asked: its item as a whole, or that one sign of it.
    pub fn covers(&self, t: Target) -> bool {
        self.questions
            .iter()
            .flat_map(|p| &p.asked)
            .any(|a| a.item == t.item && (a.option.is_none() || a.option == t.option))
    }

    /// Asks item `i` as a whole (board or long menu). Returns false (and counts nothing) when
    /// it was asked before or the hypothesis is already committed.
    pub fn ask(&mut self, i: QIdx) -> bool {
        self.put(
            None,
            &[Target {
                item: i,
                option: None,
            }],
        ) == [true]
    }

    /// Puts a typed question that asks `targets` (none: it was not understood, and counts as
    /// one unfocused question). Returns, for each target, whether it was new; a question that
    /// asks only what was asked before counts nothing.
    pub fn put(&mut self, text: Option<&str>, targets: &[Target]) -> Vec<bool> {
        if self.hypothesis.is_some() {
            return vec![false; targets.len()];
        }
        let mut new = Vec::new();
        let fresh: Vec<bool> = targets
            .iter()
            .map(|t| {
                let fresh = !self.covers(*t) && !new.contains(t);
                if fresh {
                    new.push(*t);
                }
                fresh
            })
            .collect();
        if !new.is_empty() || targets.is_empty() {
            self.questions.push(Put {
                text: text.map(String::from),
                asked: new,
            });
        }
        fresh
    }

    /// Every question put, in order.
    pub fn questions(&self) -> &[Put] {
        &self.questions
    }

    /// Items asked (wholly or in part), in the order first asked.
    pub fn asked(&self) -> Vec<QIdx> {
        let mut out = Vec::new();
        for t in self.questions.iter().flat_map(|p| &p.asked) {
            if !out.contains(&t.item) {
                out.push(t.item);
            }
        }
        out
    }

    /// Whether item `i` was asked, wholly or in part.
    pub fn was_asked(&self, i: QIdx) -> bool {
        self.questions
            .iter()
            .flat_map(|p| &p.asked)
            .any(|t| t.item == i)
    }

    /// The question (1-based) from which item `i`, with these `signs` (none: the item is asked
    /// whole), counts as screened: asked whole, or each sign asked.
    pub fn screened_at(&self, i: QIdx, signs: &[OIdx]) -> Option<usize> {
        let mut left: Vec<OIdx> = signs.to_vec();
        for (n, p) in self.questions.iter().enumerate() {
            for t in p.asked.iter().filter(|t| t.item == i) {
                match t.option {
                    None => return Some(n + 1),
                    Some(o) => left.retain(|s| *s != o),
                }
            }
            if left.is_empty() && !signs.is_empty() {
                return Some(n + 1);
            }
        }
        None
    }

    /// The signs of item `i` not asked, one at a time or as the whole item.
    pub fn signs_not_asked(&self, i: QIdx, signs: &[OIdx]) -> Vec<OIdx> {
        signs
            .iter()
            .copied()
            .filter(|o| {
                !self.covers(Target {
                    item: i,
                    option: Some(*o),
                })
            })
            .collect()
    }

    /// Typed questions that matched nothing.
    pub fn unclear(&self) -> usize {
        self.questions.iter().filter(|p| p.unclear()).count()
    }

    /// Commits the hypothesis; findings not asked are dropped. Once only.
    pub fn commit(&mut self, mut h: Hypothesis) -> bool {
        if self.hypothesis.is_some() {
            return false;
        }
        h.findings.retain(|f| self.was_asked(*f));
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
    /// How questions were put (attempts logged before there were modes were on the board).
    #[serde(default = "guided")]
    pub mode: AskMode,
    /// Typed questions that matched nothing, as typed.
    #[serde(default)]
    pub unclear: Vec<String>,
    /// The band of the total.
    #[serde(default)]
    pub band: String,
    /// The global rating's reasons.
    #[serde(default)]
    pub global: Vec<String>,
}

fn guided() -> AskMode {
    AskMode::Guided
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
            asked: ids(&attempt.asked()),
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
            mode: attempt.mode,
            unclear: attempt
                .questions()
                .iter()
                .filter(|p| p.unclear())
                .filter_map(|p| p.text.clone())
                .collect(),
            band: g.band.clone(),
            global: g.global.clone(),
        }
    }
}

/// Labels for the ids a log entry keeps (the ids themselves when the questionnaire is not
/// at hand or no longer has them).
#[derive(Debug, Clone, Default)]
pub struct Labels {
    names: std::collections::HashMap<String, String>,
}

impl Labels {
    /// The class and triage labels of `q`.
    pub fn of(q: Option<&Questionnaire>) -> Labels {
        let mut names = std::collections::HashMap::new();
        if let Some(q) = q {
            for (i, c) in q.classes.iter().enumerate() {
                names.insert(
                    format!("class:{}", c.id),
                    crate::summary::class_name(q, CIdx(i)),
                );
            }
            for t in &q.triage {
                names.insert(format!("triage:{}", t.id), t.label.clone());
            }
        }
        Labels { names }
    }

    fn class<'a>(&'a self, id: &'a str) -> &'a str {
        self.names
            .get(&format!("class:{id}"))
            .map_or(id, String::as_str)
    }

    fn triage<'a>(&'a self, id: &'a str) -> &'a str {
        self.names
            .get(&format!("triage:{id}"))
            .map_or(id, String::as_str)
    }
}

/// The practice log as text: for each case (in the order first tried) its attempts over time,
/// with the score, the result, how many items were asked and what was concluded.
pub fn history_text(entries: &[LogEntry], labels: &Labels) -> String {
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
        for e in tries {
            let when = crate::clock::local_time(&e.at);
            let result = if e.passed { "pass" } else { "FAIL" };
            let band = if e.band.is_empty() {
                String::new()
            } else {
                format!(" ({})", e.band)
            };
            let _ = writeln!(
                out,
                "  {when}  {}/100 {result}{band}, {} item(s) asked, {}",
                e.score,
                e.asked.len(),
                e.mode.id().replace('_', "-"),
            );
            let _ = writeln!(
                out,
                "    picture: {}; how soon: {}",
                labels.class(&e.classification),
                labels.triage(&e.triage)
            );
            for c in &e.critical_errors {
                let _ = writeln!(out, "    critical error: {c}");
            }
        }
    }
    out
}

/// The practice log as JSON: one object per attempt, with labels next to the ids.
pub fn history_json(entries: &[LogEntry], labels: &Labels) -> serde_json::Value {
    serde_json::Value::Array(
        entries
            .iter()
            .map(|e| {
                let mut v = serde_json::to_value(e).unwrap_or_default();
                v["classification_label"] = labels.class(&e.classification).into();
                v["triage_label"] = labels.triage(&e.triage).into();
                v
            })
            .collect(),
    )
}

/// The practice log as CSV: a header, then one row per attempt.
pub fn history_csv(entries: &[LogEntry], labels: &Labels) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "at",
        "case",
        "title",
        "mode",
        "score",
        "passed",
        "band",
        "asked",
        "unclear",
        "picture",
        "how_soon",
        "critical_errors",
    ]);
    for e in entries {
        let _ = w.write_record([
            e.at.as_str(),
            &e.case,
            &e.title,
            e.mode.id(),
            &e.score.to_string(),
            if e.passed { "yes" } else { "no" },
            &e.band,
            &e.asked.join(" "),
            &e.unclear.len().to_string(),
            labels.class(&e.classification),
            labels.triage(&e.triage),
            &e.critical_errors.join("; "),
        ]);
    }
    w.into_inner()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}
