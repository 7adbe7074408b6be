//! The marking scheme of a practice station, in the spirit of an OSCE checklist: breadth of the
//! history, the red-flag screen (critical items), the order of asking, and the accuracy of the
//! working hypothesis. The rules are written out by [`Scheme::rules`] (the README carries the
//! same text, and a test keeps them equal).

use crate::questionnaire::{QIdx, Questionnaire, TIdx};

use super::{Attempt, Hypothesis, Station};

/// Points and thresholds of the marking scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scheme {
    /// Essential items asked, pro rata.
    pub breadth: u32,
    /// Critical (red-flag screening) items asked, pro rata.
    pub critical: u32,
    /// Critical items asked early, pro rata.
    pub early: u32,
    /// A critical item is early when asked within the first (number of critical items + this)
    /// questions.
    pub early_slack: usize,
    /// Focus: starts here, one point off per question that added nothing.
    pub focus: u32,
    /// The accepted classification.
    pub picture: u32,
    /// The expected triage level.
    pub triage: u32,
    /// A triage one level more urgent than needed.
    pub triage_one_over: u32,
    /// Findings named that support the key, pro rata of those named.
    pub findings: u32,
    /// With fewer than half the essential items asked, the picture and triage points are
    /// halved (rounded down): a right answer without the history behind it is a guess.
    pub guess_divisor: u32,
    /// Passing needs at least this total and no critical error.
    pub pass_mark: u32,
    /// With a critical error the total is at most this.
    pub critical_cap: u32,
}

/// The scheme kinscreen marks with.
pub const SCHEME: Scheme = Scheme {
    breadth: 30,
    critical: 20,
    early: 10,
    early_slack: 2,
    focus: 5,
    picture: 15,
    triage: 15,
    triage_one_over: 5,
    findings: 5,
    guess_divisor: 2,
    pass_mark: 60,
    critical_cap: 40,
};

impl Scheme {
    /// The most points there are (100 for [`SCHEME`]).
    pub fn max(&self) -> u32 {
        self.breadth
            + self.critical
            + self.early
            + self.focus
            + self.picture
            + self.triage
            + self.findings
    }

    /// The marking rules, one Markdown list item each.
    pub fn rules(&self) -> Vec<String> {
        vec![
            format!(
                "**Breadth ({} points)**: the case's essential items asked, pro rata (7 of 7 = {}, 5 of 7 = {}).",
                self.breadth,
                self.breadth,
                pro_rata(self.breadth, 5, 7)
            ),
            format!(
                "**Critical items ({} points)**: the red-flag screening items asked, pro rata. Missing any one is a critical error.",
                self.critical
            ),
            format!(
                "**Sequence ({} points)**: {} for screening red flags early (each critical item asked within the first N questions, where N is the number of critical items plus {}; pro rata), and {} for focus, one point off for each question whose answer added nothing for this patient (not essential, not critical, no evidence, no rule or note fired, no other question depends on it).",
                self.early + self.focus,
                self.early,
                self.early_slack,
                self.focus
            ),
            format!(
                "**Accuracy ({} points)**: {} for an accepted classification; {} for the expected triage level ({} if one level more urgent than needed, 0 if more than that or less urgent); {} for findings, pro rata of the findings named that support the key (an answer with evidence toward an accepted class, or one that raised a red flag); naming none scores 0. With fewer than half the essential items asked, the classification and triage points are divided by {} (rounded down): a right answer without the history behind it is a guess.",
                self.picture + self.triage + self.findings,
                self.picture,
                self.triage,
                self.triage_one_over,
                self.findings,
                self.guess_divisor
            ),
            format!(
                "**Pass**: {} or more out of {} and no critical error. A critical error (a red-flag screening item never asked, or a case with red flags called less urgent than it is) fails the station whatever else was right, and caps the total at {}.",
                self.pass_mark,
                self.max(),
                self.critical_cap
            ),
        ]
    }
}

/// `max` scaled by `n / of`, rounded half up (`max` when `of` is 0).
fn pro_rata(max: u32, n: usize, of: usize) -> u32 {
    if of == 0 {
        return max;
    }
    let (max, n, of) = (u64::from(max), n.min(of) as u64, of as u64);
    ((2 * max * n + of) / (2 * of)) as u32
}

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
    /// One line for the debrief and the log.
    pub fn describe(&self, q: &Questionnaire) -> String {
        match self {
            CriticalError::MissedScreening(i) => format!(
                "Red-flag screening not done: \"{}\" was never asked",
                q.questions[*i].topic()
            ),
            CriticalError::UnderTriaged { said, needed } => format!(
                "Red flags under-triaged: \"{}\" chosen where \"{}\" was needed",
                q.triage[*said].label, q.triage[*needed].label
            ),
        }
    }
}

/// One part of the score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: &'static str,
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

/// Marks an attempt against the station's key.
pub fn grade(station: &Station, attempt: &Attempt, h: &Hypothesis) -> Grade {
    let s = SCHEME;
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
        std::cmp::Ordering::Greater => TriageCall::Over(h.triage - station.triage),
        std::cmp::Ordering::Less => TriageCall::Under(station.triage - h.triage),
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
            name: "Breadth",
            points: breadth,
            max: s.breadth,
        },
        Part {
            name: "Critical items",
            points: critical,
            max: s.critical,
        },
        Part {
            name: "Sequence",
            points: early + focus,
            max: s.early + s.focus,
        },
        Part {
            name: "Accuracy",
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
