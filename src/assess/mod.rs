//! From answers to an [`Assessment`]: points per class (with per-question caps), the
//! classification by the questionnaire's decision rule, the triage level forced by rules, the
//! red flags, and the evidence for and against each class. Pure: data in, data out.

use crate::questionnaire::{Answers, CIdx, EIdx, OIdx, QIdx, Questionnaire, RIdx, TIdx, holds};

/// What a piece of evidence comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// One option of one answer.
    Answer { question: QIdx, option: OIdx },
    /// An evidence rule over several answers.
    Rule(EIdx),
}

/// One push toward a class, from an answer or from a combination of answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub source: Source,
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

    /// Whether the answer to question `i` is part of this evidence (its own, or one an
    /// evidence rule read).
    pub fn involves(&self, q: &Questionnaire, i: QIdx) -> bool {
        match self.source {
            Source::Answer { question, .. } => question == i,
            Source::Rule(r) => q.evidence[r].when.reads(i),
        }
    }

    /// For an evidence rule, the answered questions it read: the answers that made it count
    /// (none for the evidence of a single answer).
    pub fn because(&self, q: &Questionnaire, answers: &Answers) -> Vec<QIdx> {
        match self.source {
            Source::Answer { .. } => Vec::new(),
            Source::Rule(r) => q.evidence[r]
                .when
                .read()
                .into_iter()
                .filter(|i| answers.contains_key(i))
                .collect(),
        }
    }
}

/// One "what to do next" item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// An entry of the questionnaire's `[[next_steps]]`.
    Listed(usize),
    /// The n-th of a class's own `next_steps` (the older form of the format).
    Class(CIdx, usize),
    /// Nothing else applied: the triage level's advice.
    Level(TIdx),
}

impl Step {
    /// A stable id and the text.
    pub fn text<'q>(&self, q: &'q Questionnaire) -> (String, &'q str) {
        match *self {
            Step::Listed(i) => (q.next_steps[i].id.clone(), q.next_steps[i].text.as_str()),
            Step::Class(c, n) => (
                format!("{}_{}", q.classes[c].id, n + 1),
                q.classes[c].next_steps[n].as_str(),
            ),
            Step::Level(t) => (q.triage[t].id.clone(), q.triage[t].advice.as_str()),
        }
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
    /// A rule found something that belongs to neither class (a clot, an infection, a
    /// fracture ...): the classification waits until that has been checked.
    SetAside,
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
    /// Every piece of evidence: answers in interview order, then evidence rules.
    pub evidence: Vec<Evidence>,
    /// The rules that set the classification aside, most urgent first.
    pub set_aside: Vec<RIdx>,
    /// Result notes that apply.
    pub notes: Vec<usize>,
    /// What to do next (never empty).
    pub next_steps: Vec<Step>,
    /// "Get help at once if" signs that apply (indices into the questionnaire's list).
    pub safety_net: Vec<usize>,
}

impl Assessment {
    /// Evidence pushing toward `class`.
    /// Capped answers stay listed (with what counted).
    pub fn evidence_for(&self, class: CIdx) -> impl Iterator<Item = &Evidence> {
        self.evidence
            .iter()
            .filter(move |e| e.class == class && e.full_weight > 0)
    }

    /// Evidence pushing away from `class`: toward another class, or negative for this one.
    pub fn evidence_against(&self, class: CIdx) -> impl Iterator<Item = &Evidence> {
        self.evidence.iter().filter(move |e| {
            (e.class != class && e.full_weight > 0) || (e.class == class && e.full_weight < 0)
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
            if option
                .counts_when
                .as_ref()
                .is_some_and(|c| !holds(c, answers))
            {
                continue;
            }
            for &(class, w) in &option.weights {
                let counted = match question.cap {
                    Some(cap) if w > 0 => w.min((cap - from_this[class]).max(0)),
                    _ => w,
                };
                from_this[class] += counted;
                scores[class] += counted;
                evidence.push(Evidence {
                    source: Source::Answer {
                        question: qi,
                        option: o,
                    },
                    class,
                    weight: counted,
                    full_weight: w,
                });
            }
        }
    }

    for (e, rule) in q.evidence.iter().enumerate() {
        if holds(&rule.when, answers) {
            for &(class, w) in &rule.weights {
                scores[class] += w;
                evidence.push(Evidence {
                    source: Source::Rule(e),
                    class,
                    weight: w,
                    full_weight: w,
                });
            }
        }
    }

    let d = &q.decision;
    let scored: Vec<CIdx> = q.class_indices().filter(|c| *c != d.undecided).collect();
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
    let fired = fired_rules(q, answers);
    let set_aside: Vec<RIdx> = fired
        .iter()
        .copied()
        .filter(|r| q.rules[*r].set_aside)
        .collect();
    let (classification, basis) = match leader {
        _ if !set_aside.is_empty() => (d.undecided, Basis::SetAside),
        _ if best < d.min_score => (d.undecided, Basis::Weak),
        Some(c) if share >= d.min_share => (c, Basis::Decided),
        _ => (d.undecided, Basis::Split),
    };
    let strength = d
        .strength
        .iter()
        .find(|(at_least, _)| best >= *at_least)
        .map(|(_, label)| label.clone());

    let triage = fired
        .iter()
        .map(|r| q.rules[*r].triage)
        .max()
        .unwrap_or(q.base_triage())
        .max(q.base_triage());
    let (red_flags, triggers) = fired.iter().partition(|r| q.rules[**r].red_flag);
    let applies = |n: &crate::questionnaire::Note| n.applies(answers, triage, classification);
    let notes = (0..q.notes.len())
        .filter(|n| applies(&q.notes[*n]))
        .collect();
    let mut next_steps: Vec<Step> = (0..q.next_steps.len())
        .filter(|n| applies(&q.next_steps[*n]))
        .map(Step::Listed)
        .collect();
    next_steps.extend(
        (0..q.classes[classification].next_steps.len()).map(|n| Step::Class(classification, n)),
    );
    if next_steps.is_empty() {
        next_steps.push(Step::Level(triage));
    }
    let safety_net = (0..q.safety_net.len())
        .filter(|n| applies(&q.safety_net[*n]))
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
        set_aside,
        notes,
        next_steps,
        safety_net,
    }
}

#[cfg(test)]
mod tests;
