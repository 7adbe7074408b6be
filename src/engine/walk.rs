//! The path and the answers that count, kept in step with the answers as they change, so that
//! one step of the interview costs what it touches rather than a walk from question 0.
//!
//! A question's condition reads only earlier questions, so the questions are decided (on the
//! path or not) in order, and an answer changed at question `i` leaves everything before `i`
//! decided. The walk keeps a decided prefix and extends it only as far as it is asked to.

use std::collections::BTreeSet;

use crate::questionnaire::{Answers, QIdx, Questionnaire, RIdx, holds};

/// Decides question `i` (its condition reads only the answers that count before it): on the
/// path, it joins `path`, and its answer, if any, joins `effective`. Returns whether an answer
/// that counts was added.
fn decide(
    q: &Questionnaire,
    answers: &Answers,
    i: QIdx,
    path: &mut Vec<QIdx>,
    effective: &mut Answers,
) -> bool {
    let asked = q.questions[i]
        .ask_when
        .as_ref()
        .is_none_or(|c| holds(c, effective));
    if !asked {
        return false;
    }
    path.push(i);
    let Some(answer) = answers.get(&i) else {
        return false;
    };
    effective.insert(i, answer.clone());
    true
}

/// The whole path and the answers that count, deciding every question from `from` on after a
/// decided prefix (`path` and `effective`).
pub(super) fn complete(
    q: &Questionnaire,
    answers: &Answers,
    from: QIdx,
    mut path: Vec<QIdx>,
    mut effective: Answers,
) -> (Vec<QIdx>, Answers) {
    for i in from..q.questions.len() {
        decide(q, answers, i, &mut path, &mut effective);
    }
    (path, effective)
}

/// A decided prefix of the path, its answers that count, and the interrupting rules that hold
/// on them.
#[derive(Debug, Clone)]
pub(super) struct Walk {
    /// Questions before this one are decided.
    known: QIdx,
    /// The decided questions on the path, in order.
    path: Vec<QIdx>,
    /// Answers to the decided questions on the path.
    effective: Answers,
    /// Interrupting rules that hold on `effective`.
    firing: BTreeSet<RIdx>,
}

impl Walk {
    /// Nothing decided yet.
    pub fn new(q: &Questionnaire) -> Walk {
        let none = Answers::new();
        let firing = (0..q.rules.len())
            .filter(|r| q.rules[*r].interrupt && holds(&q.rules[*r].when, &none))
            .collect();
        Walk {
            known: 0,
            path: Vec::new(),
            effective: Answers::new(),
            firing,
        }
    }

    /// The answer to question `at` changed: everything from `at` on is undecided again.
    pub fn changed(&mut self, q: &Questionnaire, at: QIdx) {
        if at >= self.known {
            return;
        }
        self.known = at;
        self.path.truncate(self.path.partition_point(|p| *p < at));
        let withdrawn = self.effective.split_off(&at);
        for i in withdrawn.keys() {
            self.recheck(q, *i);
        }
    }

    /// The first question on the path after `from` (from the start for `None`).
    pub fn next_after(
        &mut self,
        q: &Questionnaire,
        answers: &Answers,
        from: Option<QIdx>,
    ) -> Option<QIdx> {
        loop {
            let at = from.map_or(0, |f| self.path.partition_point(|p| *p <= f));
            if let Some(next) = self.path.get(at) {
                return Some(*next);
            }
            if !self.decide_one(q, answers) {
                return None;
            }
        }
    }

    /// Makes [`Walk::firing`] exact: while no answer is stored beyond the decided prefix, the
    /// answers that count beyond it are none and the prefix is enough; otherwise the whole
    /// path is decided.
    pub fn settle(&mut self, q: &Questionnaire, answers: &Answers) {
        if answers.range(self.known..).next().is_some() {
            while self.decide_one(q, answers) {}
        }
    }

    /// The interrupting rules that hold (exact after [`Walk::settle`]).
    pub fn firing(&self) -> &BTreeSet<RIdx> {
        &self.firing
    }

    /// The whole path and the answers that count, deciding the rest without keeping it.
    pub fn full(&self, q: &Questionnaire, answers: &Answers) -> (Vec<QIdx>, Answers) {
        complete(
            q,
            answers,
            self.known,
            self.path.clone(),
            self.effective.clone(),
        )
    }

    /// Decides the next undecided question; false when every question is decided.
    fn decide_one(&mut self, q: &Questionnaire, answers: &Answers) -> bool {
        let i = self.known;
        if i >= q.questions.len() {
            return false;
        }
        self.known += 1;
        if decide(q, answers, i, &mut self.path, &mut self.effective) {
            self.recheck(q, i);
        }
        true
    }

    /// Re-evaluates the interrupting rules that read question `i`.
    fn recheck(&mut self, q: &Questionnaire, i: QIdx) {
        for &r in q.interrupts_reading(i) {
            if holds(&q.rules[r].when, &self.effective) {
                self.firing.insert(r);
            } else {
                self.firing.remove(&r);
            }
        }
    }
}
