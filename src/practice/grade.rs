//! Marking an attempt at a practice station, as an OSCE examiner would: a checklist (breadth of
//! the history, the red-flag screen, focus, the accuracy of the working hypothesis) and a global
//! rating computed from the order of the attempt (organisation, hypothesis-driven questioning,
//! red flags screened early). The points, thresholds and texts are data (see
//! [`super::marking`]).

use crate::questionnaire::{OIdx, QIdx, Questionnaire, TIdx};

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
    /// A red-flag screening item was asked one sign at a time, and these signs never.
    SignsNotAsked(QIdx, Vec<OIdx>),
    /// The case has red flags and the student chose a less urgent triage level.
    UnderTriaged { said: TIdx, needed: TIdx },
}

impl CriticalError {
    /// One line for the debrief and the log, in the marking scheme's words.
    pub fn describe(&self, marking: &Marking, q: &Questionnaire) -> String {
        match self {
            CriticalError::MissedScreening(i) => marking.missed_screening(q.questions[*i].topic()),
            CriticalError::SignsNotAsked(i, signs) => {
                let names: Vec<&str> = signs.iter().map(|o| q.sign_name(*i, *o)).collect();
                marking.signs_not_asked(q.questions[*i].topic(), &names.join("; "))
            }
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
    /// Breadth, critical items, focus, accuracy, global rating.
    pub parts: Vec<Part>,
    /// Sum of the parts, capped when there is a critical error.
    pub total: u32,
    pub passed: bool,
    /// The band of the total ("Excellent").
    pub band: String,
    pub critical_errors: Vec<CriticalError>,
    pub class_correct: bool,
    pub triage_call: TriageCall,
    /// Fewer than half the essential items were asked, so the conclusion counts as a guess.
    pub guessed: bool,
    pub essential_missed: Vec<QIdx>,
    /// Critical items never asked at all.
    pub critical_missed: Vec<QIdx>,
    /// Critical items asked in part: the signs never asked.
    pub critical_partial: Vec<(QIdx, Vec<OIdx>)>,
    /// Critical items screened, with the question (1-based) that completed them and whether
    /// that was early.
    pub critical_asked: Vec<(QIdx, usize, bool)>,
    /// Asked items whose answer added nothing for this patient.
    pub added_nothing: Vec<QIdx>,
    /// Typed questions that asked nothing the patient could answer.
    pub unclear: usize,
    /// Findings named, and whether each supports the key.
    pub findings: Vec<(QIdx, bool)>,
    /// The global rating's reasons, one per measure, in the marking scheme's words.
    pub global: Vec<String>,
}

/// Marks an attempt against the station's key, with `marking`'s points and thresholds.
pub fn grade(marking: &Marking, station: &Station, attempt: &Attempt, h: &Hypothesis) -> Grade {
    let s = marking.scheme;
    let names = &marking.parts;
    let q = station.questionnaire();
    let asked = attempt.asked();
    let questions = attempt.questions();
    let was_asked = |i: QIdx| asked.contains(&i);

    let essential_missed: Vec<QIdx> = station
        .essential
        .iter()
        .copied()
        .filter(|i| !was_asked(*i))
        .collect();
    let breadth = pro_rata(
        s.breadth,
        station.essential.len() - essential_missed.len(),
        station.essential.len(),
    );

    // The red-flag screen: each critical item asked whole, or each of its signs.
    let mut critical_missed = Vec::new();
    let mut critical_partial = Vec::new();
    let mut critical_asked = Vec::new();
    for &i in &station.critical {
        let signs = q.signs(i);
        match attempt.screened_at(i, &signs) {
            Some(at) => {
                // Other questions put before it was done.
                let others = questions[..at]
                    .iter()
                    .filter(|p| !p.asked.iter().any(|t| station.critical.contains(&t.item)))
                    .count();
                critical_asked.push((i, at, others <= s.early_slack));
            }
            None if attempt.was_asked(i) => {
                critical_partial.push((i, attempt.signs_not_asked(i, &signs)));
            }
            None => critical_missed.push(i),
        }
    }
    let critical = pro_rata(s.critical, critical_asked.len(), station.critical.len());

    let added_nothing: Vec<QIdx> = asked
        .iter()
        .copied()
        .filter(|i| !informative(station, *i))
        .collect();
    let unclear = attempt.unclear();
    let wasted = u32::try_from(added_nothing.len() + unclear).unwrap_or(u32::MAX);
    let focus = s.focus.saturating_sub(s.focus_step.saturating_mul(wasted));

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
    // A history too thin to judge: the picture and triage, focus and the global rating are
    // divided (a right answer without the history behind it is a guess).
    let thin = |points: u32| {
        if guessed {
            points / s.guess_divisor.max(1)
        } else {
            points
        }
    };
    let accuracy =
        thin(if class_correct { s.picture } else { 0 } + triage_points) + findings_points;

    // The global rating, from the order of the attempt.
    let returns = returns_to_topics(q, &asked);
    let organisation = s.organisation.saturating_sub(
        s.organisation_step
            .saturating_mul(u32::try_from(returns).unwrap_or(u32::MAX)),
    );
    let relevant = questions
        .iter()
        .filter(|p| p.asked.iter().any(|t| station.in_key(t.item)))
        .count();
    let driven = if questions.is_empty() {
        0
    } else {
        pro_rata(s.hypothesis_driven, relevant, questions.len())
    };
    let early_count = critical_asked.iter().filter(|(_, _, e)| *e).count();
    let early = pro_rata(s.early, early_count, station.critical.len());
    let texts = &marking.global;
    let global = vec![
        if returns == 0 {
            marking.say(&texts.organised, &[])
        } else {
            marking.say(&texts.jumps, &[("returns", returns)])
        },
        marking.say(
            &texts.driven,
            &[("relevant", relevant), ("questions", questions.len())],
        ),
        marking.say(
            &texts.screened_early,
            &[("early", early_count), ("critical", station.critical.len())],
        ),
    ];

    let mut critical_errors: Vec<CriticalError> = critical_missed
        .iter()
        .map(|i| CriticalError::MissedScreening(*i))
        .collect();
    critical_errors.extend(
        critical_partial
            .iter()
            .map(|(i, signs)| CriticalError::SignsNotAsked(*i, signs.clone())),
    );
    if !station.assessment.red_flags.is_empty() && matches!(triage_call, TriageCall::Under(_)) {
        critical_errors.push(CriticalError::UnderTriaged {
            said: h.triage,
            needed: station.triage,
        });
    }

    let part = |name: &String, points: u32, max: u32| Part {
        name: name.clone(),
        points,
        max,
    };
    let parts = vec![
        part(&names.breadth, breadth, s.breadth),
        part(&names.critical, critical, s.critical),
        part(&names.focus, thin(focus), s.focus),
        part(&names.accuracy, accuracy, s.accuracy()),
        part(
            &names.global,
            thin(organisation + driven + early),
            s.global(),
        ),
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
        band: marking.band(total).to_string(),
        critical_errors,
        class_correct,
        triage_call,
        guessed,
        essential_missed,
        critical_missed,
        critical_partial,
        critical_asked,
        added_nothing,
        unclear,
        findings,
        global,
    }
}

/// How many times the items asked go back to a topic (a section of the questionnaire) already
/// left.
fn returns_to_topics(q: &Questionnaire, asked: &[QIdx]) -> usize {
    let mut left: Vec<usize> = Vec::new();
    let mut current: Option<usize> = None;
    let mut returns = 0;
    for &i in asked {
        let section = q.questions[i].section;
        if current == Some(section) {
            continue;
        }
        if left.contains(&section) {
            returns += 1;
        }
        if let Some(c) = current {
            left.push(c);
        }
        current = Some(section);
    }
    returns
}

/// Whether asking item `i` told the student something about this patient: it is in the key,
/// the patient's answer carries evidence or fires a rule or note, or another question depends
/// on it.
fn informative(station: &Station, i: QIdx) -> bool {
    let q = station.questionnaire();
    let a = &station.assessment;
    station.in_key(i)
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
