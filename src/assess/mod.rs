//! From answers to an [`Assessment`]: points per class (with per-question caps), the
//! classification by the questionnaire's decision rule, the triage level forced by rules, the
//! red flags, and the evidence for and against each class. Pure: data in, data out.

use crate::questionnaire::{Answers, CIdx, OIdx, QIdx, Questionnaire, RIdx, TIdx, holds};

/// One answer's push toward a class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub question: QIdx,
    pub option: OIdx,
    pub class: CIdx,
    /// Points that counted (after the question's cap).
    pub weight: i32,
    /// Points the option carries before the cap.
    pub full_weight: i32,
}

impl Evidence {
    /// The cap of its question cut this piece of evidence.
    pub fn capped(&self) -> bool {
        self.weight != self.full_weight
    }
}

/// Why the classification came out as it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The leading class passed both thresholds.
    Decided,
    /// The leading class had too few points.
    Weak,
    /// The evidence was split between classes.
    Split,
}

/// The outcome of an interview.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// Points per class, indexed like the questionnaire's classes (the undecided class has 0).
    pub scores: Vec<i32>,
    pub classification: CIdx,
    pub basis: Basis,
    /// The class with most points, if one leads alone.
    pub leader: Option<CIdx>,
    /// The leader's share of all positive points (0 when there are none).
    pub share: f64,
    /// The questionnaire's word for how strong the leading score is.
    pub strength: Option<String>,
    pub triage: TIdx,
    /// Every rule that fired, most urgent first.
    pub fired: Vec<RIdx>,
    /// The red flags among them.
    pub red_flags: Vec<RIdx>,
    /// The other rules that fired (triggers that are not red flags).
    pub triggers: Vec<RIdx>,
    /// Every piece of evidence, in interview order.
    pub evidence: Vec<Evidence>,
    /// Result notes whose condition holds.
    pub notes: Vec<usize>,
}

impl Assessment {
    /// Evidence pushing toward `class`.
    pub fn evidence_for(&self, class: CIdx) -> impl Iterator<Item = &Evidence> {
        self.evidence
            .iter()
            .filter(move |e| e.class == class && e.weight > 0)
    }

    /// Evidence pushing away from `class`: toward another class, or negative for this one.
    pub fn evidence_against(&self, class: CIdx) -> impl Iterator<Item = &Evidence> {
        self.evidence.iter().filter(move |e| {
            (e.class != class && e.weight > 0) || (e.class == class && e.weight < 0)
        })
    }
}

/// The rules whose condition holds, most urgent first (then in file order).
pub fn fired_rules(q: &Questionnaire, answers: &Answers) -> Vec<RIdx> {
    let mut fired: Vec<RIdx> = (0..q.rules.len())
        .filter(|r| holds(&q.rules[*r].when, answers))
        .collect();
    fired.sort_by_key(|r| std::cmp::Reverse(q.rules[*r].triage));
    fired
}

/// Assesses the answers that count (see [`crate::engine::effective_answers`]).
pub fn assess(q: &Questionnaire, answers: &Answers) -> Assessment {
    let mut scores = vec![0i32; q.classes.len()];
    let mut evidence = Vec::new();
    for (&qi, answer) in answers {
        let question = &q.questions[qi];
        let mut from_this = vec![0i32; q.classes.len()];
        for &o in answer.options() {
            let Some(option) = question.kind.options().get(o) else {
                continue;
            };
            for &(class, w) in &option.weights {
                let counted = match question.cap {
                    Some(cap) if w > 0 => w.min((cap - from_this[class]).max(0)),
                    _ => w,
                };
                from_this[class] += counted;
                scores[class] += counted;
                evidence.push(Evidence {
                    question: qi,
                    option: o,
                    class,
                    weight: counted,
                    full_weight: w,
                });
            }
        }
    }

    let d = &q.decision;
    let scored: Vec<CIdx> = (0..q.classes.len()).filter(|c| *c != d.undecided).collect();
    let positive = |c: CIdx| scores[c].max(0);
    let total: i32 = scored.iter().map(|c| positive(*c)).sum();
    let best = scored.iter().map(|c| positive(*c)).max().unwrap_or(0);
    let leaders: Vec<CIdx> = scored
        .iter()
        .copied()
        .filter(|c| positive(*c) == best)
        .collect();
    let leader = (leaders.len() == 1 && best > 0).then(|| leaders[0]);
    let share = if total > 0 {
        f64::from(best) / f64::from(total)
    } else {
        0.0
    };
    let (classification, basis) = match leader {
        _ if best < d.min_score => (d.undecided, Basis::Weak),
        Some(c) if share >= d.min_share => (c, Basis::Decided),
        _ => (d.undecided, Basis::Split),
    };
    let strength = d
        .strength
        .iter()
        .find(|(at_least, _)| best >= *at_least)
        .map(|(_, label)| label.clone());

    let fired = fired_rules(q, answers);
    let triage = fired
        .iter()
        .map(|r| q.rules[*r].triage)
        .max()
        .unwrap_or(q.base_triage())
        .max(q.base_triage());
    let (red_flags, triggers) = fired.iter().partition(|r| q.rules[**r].red_flag);
    let notes = (0..q.notes.len())
        .filter(|n| holds(&q.notes[*n].when, answers))
        .collect();

    Assessment {
        scores,
        classification,
        basis,
        leader,
        share,
        strength,
        triage,
        fired,
        red_flags,
        triggers,
        evidence,
        notes,
    }
}

#[cfg(test)]
mod tests;
