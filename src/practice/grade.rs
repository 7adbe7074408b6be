//! Marking an attempt at a practice station, in the spirit of an OSCE checklist: breadth of the
//! history, the red-flag screen (critical items), the order of asking, and the accuracy of the
//! working hypothesis. The points, thresholds and texts are data (see [`super::marking`]).

use crate::questionnaire::{QIdx, Questionnaire, TIdx};

use super::marking::{Marking, pro_rata};
use super::{Attempt, Hypothesis, Station};

/// How the student's triage compares with the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriageCall {
    Right,
    /// More urgent than needed, by this many levels.
    Over(usize),
    /// Less urgent than needed, by this many levels.
    Under(usize),
}

/// An error that fails the station whatever the points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CriticalError {
    /// A red-flag screening item was never asked.
    MissedScreening(QIdx),
    /// The case has red flags and the student chose a less urgent triage level.
    UnderTriaged { said: TIdx, needed: TIdx },
}

impl CriticalError {
    /// One line for the debrief and the log, in the marking scheme's words.
    pub fn describe(&self, marking: &Marking, q: &Questionnaire) -> String {
        match self {
            CriticalError::MissedScreening(i) => marking.missed_screening(q.questions[*i].topic()),
            CriticalError::UnderTriaged { said, needed } => {
                marking.under_triaged(&q.triage[*said].label, &q.triage[*needed].label)
            }
        }
    }
}

/// One part of the score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub points: u32,
    pub max: u32,
}

/// The marking of one attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grade {
    /// Breadth, critical items, sequence, accuracy.
    pub parts: Vec<Part>,
    /// Sum of the parts, capped when there is a critical error.
    pub total: u32,
    pub passed: bool,
    pub critical_errors: Vec<CriticalError>,
    pub class_correct: bool,
    pub triage_call: TriageCall,
    /// Fewer than half the essential items were asked, so the conclusion counts as a guess.
    pub guessed: bool,
    pub essential_missed: Vec<QIdx>,
    pub critical_missed: Vec<QIdx>,
    /// Critical items asked, with the place (1-based) they were asked at and whether early.
    pub critical_asked: Vec<(QIdx, usize, bool)>,
    /// Asked items whose answer added nothing for this patient.
    pub added_nothing: Vec<QIdx>,
    /// Findings named, and whether each supports the key.
    pub findings: Vec<(QIdx, bool)>,
}

/// Marks an attempt against the station's key, with `marking`'s points and thresholds.
pub fn grade(marking: &Marking, station: &Station, attempt: &Attempt, h: &Hypothesis) -> Grade {
    let s = marking.scheme;
    let names = &marking.parts;
    let asked = attempt.asked();
    let place = |i: QIdx| asked.iter().position(|a| *a == i).map(|p| p + 1);

    let essential_missed: Vec<QIdx> = station
        .essential
        .iter()
        .copied()
        .filter(|i| place(*i).is_none())
        .collect();
    let breadth = pro_rata(
        s.breadth,
        station.essential.len() - essential_missed.len(),
        station.essential.len(),
    );

    let critical_missed: Vec<QIdx> = station
        .critical
        .iter()
        .copied()
        .filter(|i| place(*i).is_none())
        .collect();
    let critical = pro_rata(
        s.critical,
        station.critical.len() - critical_missed.len(),
        station.critical.len(),
    );

    let early_until = station.critical.len() + s.early_slack;
    let critical_asked: Vec<(QIdx, usize, bool)> = station
        .critical
        .iter()
        .filter_map(|i| place(*i).map(|p| (*i, p, p <= early_until)))
        .collect();
    let early_count = critical_asked.iter().filter(|(_, _, e)| *e).count();
    let early = pro_rata(s.early, early_count, station.critical.len());
    let added_nothing: Vec<QIdx> = asked
        .iter()
        .copied()
        .filter(|i| !informative(station, *i))
        .collect();
    let focus = s.focus.saturating_sub(added_nothing.len() as u32);

    let class_correct = station.classes.contains(&h.class);
    let triage_call = match h.triage.cmp(&station.triage) {
        std::cmp::Ordering::Equal => TriageCall::Right,
        std::cmp::Ordering::Greater => TriageCall::Over(h.triage.above(station.triage)),
        std::cmp::Ordering::Less => TriageCall::Under(station.triage.above(h.triage)),
    };
    let triage_points = match triage_call {
        TriageCall::Right => s.triage,
        TriageCall::Over(1) => s.triage_one_over,
        _ => 0,
    };
    let findings: Vec<(QIdx, bool)> = h
        .findings
        .iter()
        .map(|f| (*f, supports(station, *f)))
        .collect();
    let supporting = findings.iter().filter(|(_, ok)| *ok).count();
    let findings_points = if findings.is_empty() {
        0
    } else {
        pro_rata(s.findings, supporting, findings.len())
    };
    let guessed = 2 * (station.essential.len() - essential_missed.len()) < station.essential.len();
    let mut judged = if class_correct { s.picture } else { 0 } + triage_points;
    if guessed {
        judged /= s.guess_divisor.max(1);
    }
    let accuracy = judged + findings_points;

    let mut critical_errors: Vec<CriticalError> = critical_missed
        .iter()
        .map(|i| CriticalError::MissedScreening(*i))
        .collect();
    if !station.assessment.red_flags.is_empty() && matches!(triage_call, TriageCall::Under(_)) {
        critical_errors.push(CriticalError::UnderTriaged {
            said: h.triage,
            needed: station.triage,
        });
    }

    let parts = vec![
        Part {
            name: names.breadth.clone(),
            points: breadth,
            max: s.breadth,
        },
        Part {
            name: names.critical.clone(),
            points: critical,
            max: s.critical,
        },
        Part {
            name: names.sequence.clone(),
            points: early + focus,
            max: s.early + s.focus,
        },
        Part {
            name: names.accuracy.clone(),
            points: accuracy,
            max: s.picture + s.triage + s.findings,
        },
    ];
    let sum: u32 = parts.iter().map(|p| p.points).sum();
    let total = if critical_errors.is_empty() {
        sum
    } else {
        sum.min(s.critical_cap)
    };
    Grade {
        parts,
        total,
        passed: critical_errors.is_empty() && total >= s.pass_mark,
        critical_errors,
        class_correct,
        triage_call,
        guessed,
        essential_missed,
        critical_missed,
        critical_asked,
        added_nothing,
        findings,
    }
}

/// Whether asking item `i` told the student something about this patient: it is in the key,
/// the patient's answer carries evidence or fires a rule or note, or another question depends
/// on it.
fn informative(station: &Station, i: QIdx) -> bool {
    let q = station.questionnaire();
    let a = &station.assessment;
    station.essential.contains(&i)
        || station.critical.contains(&i)
        || a.evidence
            .iter()
            .any(|e| e.involves(q, i) && e.full_weight != 0)
        || a.fired.iter().any(|r| q.rules[*r].when.reads(i))
        || a.notes
            .iter()
            .any(|n| q.notes[*n].when.as_ref().is_some_and(|c| c.reads(i)))
        || q.questions
            .iter()
            .filter_map(|o| o.ask_when.as_ref())
            .any(|c| c.reads(i))
}

/// Whether the answer to item `i` supports the key: evidence toward an accepted class (any
/// evidence when the undecided class is accepted), or a red flag it raised.
fn supports(station: &Station, i: QIdx) -> bool {
    let q = station.questionnaire();
    let a = &station.assessment;
    let undecided_ok = station.classes.contains(&q.decision.undecided);
    let evidence = a.evidence.iter().any(|e| {
        e.involves(q, i)
            && e.full_weight > 0
            && (undecided_ok || station.classes.contains(&e.class))
    });
    let flag = a.red_flags.iter().any(|r| q.rules[*r].when.reads(i));
    evidence || flag
}
