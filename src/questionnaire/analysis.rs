//! Checks of the interview as a whole, once every id resolves: questions no path can reach,
//! rules and notes whose condition can never hold, classes no answers can reach, and options
//! that change nothing.
//!
//! Whether a condition can hold is decided by trying every answer that matters: for each
//! question the condition reads, "no answer" plus each option (single choice), each combination
//! of the options it names and one other (multi choice), or the values at and around the bounds
//! it uses (scale). A question no path reaches can only be unanswered.

use std::collections::BTreeSet;
use std::ops::Range;

use super::model::*;
use super::problem::{Problem, Severity};

/// Where the pieces the analysis talks about are in the file.
#[derive(Debug, Default)]
pub struct Spans {
    pub question: Vec<Range<usize>>,
    pub guard: Vec<Option<Range<usize>>>,
    /// Per question, per built option (none for the implicit options of yes/no questions).
    pub option: Vec<Vec<Option<Range<usize>>>>,
    pub rule: Vec<Range<usize>>,
    pub note: Vec<Range<usize>>,
    pub next_step: Vec<Range<usize>>,
    pub safety_net: Vec<Range<usize>>,
    pub evidence: Vec<Range<usize>>,
    /// Per question, the options with `counts_when` and where that condition is.
    pub counts_when: Vec<Vec<(String, Range<usize>)>>,
    pub class: Vec<Range<usize>>,
}

/// Beyond this many combinations a condition is assumed satisfiable rather than searched.
const SEARCH_LIMIT: usize = 200_000;

/// The answers worth trying for question `qi` against condition `c`.
fn domain(
    q: &Questionnaire,
    qi: QIdx,
    c: &Condition,
    reachable: &[bool],
) -> Option<Vec<Option<Answer>>> {
    let mut out = vec![None];
    if !reachable.get(qi).copied().unwrap_or(true) {
        return Some(out);
    }
    let (mut named, mut bounds) = (Vec::new(), Vec::new());
    c.atoms(qi, &mut named, &mut bounds);
    match &q.questions[qi].kind {
        Kind::Single { options, .. } => {
            out.extend((0..options.len()).map(|o| Some(Answer::Choice(o))));
        }
        Kind::Multi { options } => {
            let mut candidates: BTreeSet<OIdx> = named.into_iter().collect();
            for exclusive in [false, true] {
                if let Some(o) = (0..options.len())
                    .find(|o| options[*o].exclusive == exclusive && !candidates.contains(o))
                {
                    candidates.insert(o);
                }
            }
            let candidates: Vec<OIdx> = candidates.into_iter().collect();
            if candidates.len() > 14 {
                return None;
            }
            for mask in 1u32..(1 << candidates.len()) {
                let set: Vec<OIdx> = (0..candidates.len())
                    .filter(|i| mask & (1 << i) != 0)
                    .map(|i| candidates[i])
                    .collect();
                if set.len() == 1 || set.iter().all(|o| !options[*o].exclusive) {
                    out.push(Some(Answer::Choices(set)));
                }
            }
        }
        Kind::Scale { min, max, .. } => {
            let mut values: BTreeSet<i64> = [*min, *max].into();
            for b in bounds {
                for v in [b.saturating_sub(1), b, b.saturating_add(1)] {
                    if (*min..=*max).contains(&v) {
                        values.insert(v);
                    }
                }
            }
            out.extend(values.into_iter().map(|v| Some(Answer::Number(v))));
        }
    }
    Some(out)
}

/// Can `c` hold for some answers, given which questions can be reached at all?
pub fn satisfiable(q: &Questionnaire, c: &Condition, reachable: &[bool]) -> bool {
    let read = c.read();
    let mut domains = Vec::new();
    for r in &read {
        match domain(q, *r, c, reachable) {
            Some(d) => domains.push(d),
            None => return true,
        }
    }
    let size = domains
        .iter()
        .try_fold(1usize, |acc, d| acc.checked_mul(d.len()));
    if size.is_none_or(|s| s > SEARCH_LIMIT) {
        return true;
    }
    let mut index = vec![0usize; domains.len()];
    // One map, updated in place: only the questions whose answer the last step changed.
    let mut answers = Answers::new();
    let mut changed = read.len();
    loop {
        for k in 0..changed {
            match &domains[k][index[k]] {
                Some(a) => answers.insert(read[k], a.clone()),
                None => answers.remove(&read[k]),
            };
        }
        if holds(c, &answers) {
            return true;
        }
        // Next combination (odometer): positions 0..=k change.
        let mut k = 0;
        loop {
            if k == index.len() {
                return false;
            }
            index[k] += 1;
            if index[k] < domains[k].len() {
                break;
            }
            index[k] = 0;
            k += 1;
        }
        changed = k + 1;
    }
}

/// Which questions some path can reach, in order.
pub fn reachable(q: &Questionnaire) -> Vec<bool> {
    let mut reach = Vec::with_capacity(q.questions.len());
    for question in &q.questions {
        let ok = question
            .ask_when
            .as_ref()
            .is_none_or(|c| satisfiable(q, c, &reach));
        reach.push(ok);
    }
    reach
}

/// The most points answers can give a class.
fn max_points(q: &Questionnaire, class: CIdx, reach: &[bool]) -> i32 {
    let toward = |o: &Choice| {
        o.weights
            .iter()
            .filter(|(c, _)| *c == class)
            .map(|(_, w)| *w)
            .sum::<i32>()
            .max(0)
    };
    q.questions
        .iter()
        .zip(reach)
        .filter(|(_, r)| **r)
        .map(|(question, _)| {
            let cap = question.cap.unwrap_or(i32::MAX);
            let best = match &question.kind {
                Kind::Single { options, .. } => options.iter().map(toward).max().unwrap_or(0),
                Kind::Multi { options } => {
                    let together: i32 = options.iter().filter(|o| !o.exclusive).map(toward).sum();
                    let alone = options
                        .iter()
                        .filter(|o| o.exclusive)
                        .map(toward)
                        .max()
                        .unwrap_or(0);
                    together.max(alone)
                }
                Kind::Scale { .. } => 0,
            };
            best.min(cap)
        })
        .sum::<i32>()
        + q.evidence
            .iter()
            .flat_map(|e| &e.weights)
            .filter(|(c, w)| *c == class && *w > 0)
            .map(|(_, w)| w)
            .sum::<i32>()
}

/// Every problem of the interview as a whole.
pub fn analyse(q: &Questionnaire, spans: &Spans, file: &str, src: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut push = |severity, span: Option<Range<usize>>, message: String| {
        problems.push(Problem::at(severity, file, src, span, message));
    };
    let reach = reachable(q);
    for (i, question) in q.questions.iter().enumerate() {
        if !reach[i] {
            push(
                Severity::Error,
                spans
                    .guard
                    .get(i)
                    .cloned()
                    .flatten()
                    .or_else(|| spans.question.get(i).cloned()),
                format!(
                    "question `{}` can never be asked: no answers to earlier questions make its `ask_when` hold",
                    question.id
                ),
            );
        }
    }
    for (r, rule) in q.rules.iter().enumerate() {
        if !satisfiable(q, &rule.when, &reach) {
            push(
                Severity::Error,
                spans.rule.get(r).cloned(),
                format!(
                    "rule `{}` can never fire: no answers make its `when` hold",
                    rule.id
                ),
            );
        }
    }
    let texts = [
        ("note", "shown", &q.notes, &spans.note),
        ("next step", "shown", &q.next_steps, &spans.next_step),
        ("safety-net sign", "shown", &q.safety_net, &spans.safety_net),
    ];
    for (what, verb, list, at) in texts {
        for (n, note) in list.iter().enumerate() {
            if let Some(when) = &note.when
                && !satisfiable(q, when, &reach)
            {
                push(
                    Severity::Error,
                    at.get(n).cloned(),
                    format!(
                        "{what} `{}` can never be {verb}: no answers make its `when` hold",
                        note.id
                    ),
                );
            }
        }
    }
    for (e, rule) in q.evidence.iter().enumerate() {
        if !satisfiable(q, &rule.when, &reach) {
            push(
                Severity::Error,
                spans.evidence.get(e).cloned(),
                format!(
                    "evidence rule `{}` can never count: no answers make its `when` hold",
                    rule.id
                ),
            );
        }
    }
    for (i, question) in q.questions.iter().enumerate() {
        for option in question.kind.options() {
            if let Some(c) = &option.counts_when
                && !satisfiable(q, c, &reach)
            {
                let span = spans
                    .counts_when
                    .get(i)
                    .and_then(|os| os.iter().find(|(id, _)| *id == option.id))
                    .map(|(_, s)| s.clone());
                push(
                    Severity::Error,
                    span,
                    format!(
                        "the weights of option `{}` of question `{}` can never count: no answers make its `counts_when` hold",
                        option.id, question.id
                    ),
                );
            }
        }
    }

    for (c, class) in q.class_indices().zip(&q.classes) {
        if c == q.decision.undecided {
            continue;
        }
        let most = max_points(q, c, &reach);
        if most < q.decision.min_score.max(1) {
            push(
                Severity::Warning,
                spans.class.get(c.0).cloned(),
                format!(
                    "class `{}` can never be the result: its evidence adds up to at most {most} point(s), and the decision needs {}",
                    class.id,
                    q.decision.min_score.max(1)
                ),
            );
        }
    }

    let mut named: BTreeSet<(QIdx, OIdx)> = BTreeSet::new();
    let conditions = q
        .questions
        .iter()
        .filter_map(|x| x.ask_when.as_ref())
        .chain(q.rules.iter().map(|r| &r.when))
        .chain(q.evidence.iter().map(|e| &e.when))
        .chain(
            q.evidence
                .iter()
                .flat_map(|e| e.rationale_when.iter().map(|(c, _)| c)),
        )
        .chain(q.questions.iter().flat_map(|x| {
            x.kind
                .options()
                .iter()
                .filter_map(|o| o.counts_when.as_ref())
        }))
        .chain(
            q.notes
                .iter()
                .chain(&q.next_steps)
                .chain(&q.safety_net)
                .filter_map(|n| n.when.as_ref()),
        );
    for c in conditions {
        let mut read = Vec::new();
        c.questions(&mut read);
        for r in read {
            let mut options = Vec::new();
            c.atoms(r, &mut options, &mut Vec::new());
            named.extend(options.into_iter().map(|o| (r, o)));
        }
    }
    for (i, question) in q.questions.iter().enumerate() {
        for (o, option) in question.kind.options().iter().enumerate() {
            let effect = !option.weights.is_empty()
                || option.exclusive
                || option.neutral
                || named.contains(&(i, o));
            if !effect {
                let span = spans
                    .option
                    .get(i)
                    .and_then(|os| os.get(o).cloned().flatten())
                    .or_else(|| spans.question.get(i).cloned());
                push(
                    Severity::Warning,
                    span,
                    format!(
                        "option `{}` of question `{}` has no effect: it carries no weight and no condition names it (add `neutral = true` if that is intended)",
                        option.id, question.id
                    ),
                );
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::{BUILTIN_NAME, BUILTIN_SOURCE, check};

    fn q() -> Questionnaire {
        check(BUILTIN_SOURCE, BUILTIN_NAME).0.unwrap()
    }

    #[test]
    fn satisfiability_of_common_shapes() {
        let q = q();
        let site = q.question_index("main_site").unwrap();
        let areas = q.question_index("other_areas").unwrap();
        let severity = q.question_index("severity").unwrap();
        let none = q.questions[areas].option_index("none").unwrap();
        let reach = vec![true; q.questions.len()];
        let sat = |c: &Condition| satisfiable(&q, c, &reach);
        assert!(sat(&Condition::AnyOf(site, vec![0])));
        assert!(!sat(&Condition::All(vec![
            Condition::AnyOf(site, vec![0]),
            Condition::AnyOf(site, vec![1]),
        ])));
        assert!(sat(&Condition::AllOf(areas, vec![0, 1])));
        assert!(
            !sat(&Condition::AllOf(areas, vec![0, none])),
            "exclusive stands alone"
        );
        assert!(sat(&Condition::Range(severity, Some(7), None)));
        assert!(!sat(&Condition::All(vec![
            Condition::Range(severity, Some(7), None),
            Condition::Range(severity, None, Some(6)),
        ])));
        assert!(sat(&Condition::Not(Box::new(Condition::Answered(
            site, true
        )))));
        let mut unreachable = reach.clone();
        unreachable[site] = false;
        assert!(!satisfiable(
            &q,
            &Condition::AnyOf(site, vec![0]),
            &unreachable
        ));
    }

    #[test]
    fn every_question_of_the_default_is_reachable() {
        let q = q();
        assert!(reachable(&q).into_iter().all(|r| r));
    }
}
