//! The interview: a pure state machine over a [`Questionnaire`]. It knows which question comes
//! next from the answers so far, stops at once for an interrupting red flag, lets the person go
//! back and change anything, and ends at a review and then the result. No I/O, no terminal.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::assess::{self, Assessment};
pub use crate::questionnaire::{Answer, Answers, holds};
use crate::questionnaire::{Kind, OIdx, QIdx, Question, Questionnaire, RIdx};

mod walk;
use walk::Walk;

/// Where the interview stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    /// Waiting for an answer to this question.
    Asking(QIdx),
    /// Red flags just fired; their advice must be seen before going on.
    Alert(Vec<RIdx>),
    /// Every question on the path is answered; the person checks the answers.
    Review,
    /// Done: the assessment is final.
    Finished,
}

/// Why an answer or a move was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    #[error("question `{question}` takes a {expected} answer")]
    WrongType {
        question: String,
        expected: &'static str,
    },
    #[error("question `{question}` has no option number {index}")]
    NoSuchOption { question: String, index: usize },
    #[error("question `{question}`: choose at least one option")]
    NothingChosen { question: String },
    #[error("question `{question}`: an option is chosen twice")]
    ChosenTwice { question: String },
    #[error("question `{question}`: `{option}` cannot be combined with other options")]
    ExclusiveCombined { question: String, option: String },
    #[error("question `{question}`: {value} is outside the scale {min} to {max}")]
    OutOfRange {
        question: String,
        value: i64,
        min: i64,
        max: i64,
    },
    #[error("question `{question}` must be answered")]
    Required { question: String },
    #[error("question `{question}` is not on the current path")]
    NotOnPath { question: String },
    #[error("cannot {action} now")]
    NotNow { action: &'static str },
}

/// Answered so far and what probably remains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Questions on the current path that have an answer.
    pub answered: usize,
    /// 1-based place of the current question on the path (the path length once done).
    pub position: usize,
    /// Questions on the path as the answers so far make it (an estimate while asking).
    pub total: usize,
}

/// The answers that count: those to questions on the path. A question's condition reads only
/// earlier questions, and only their answers that are themselves on the path.
pub fn effective_answers(q: &Questionnaire, answers: &Answers) -> Answers {
    walk::complete(q, answers, 0, Vec::new(), Answers::new()).1
}

/// Checks an answer against its question and puts a multi choice in questionnaire order.
pub fn check_answer(question: &Question, answer: Answer) -> Result<Answer, EngineError> {
    let qid = || question.id.clone();
    let options = question.kind.options();
    let in_range = |o: &OIdx| -> Result<(), EngineError> {
        if *o < options.len() {
            Ok(())
        } else {
            Err(EngineError::NoSuchOption {
                question: qid(),
                index: *o,
            })
        }
    };
    match (&question.kind, answer) {
        (Kind::Single { .. }, Answer::Choice(o)) => {
            in_range(&o)?;
            Ok(Answer::Choice(o))
        }
        (Kind::Multi { options }, Answer::Choices(mut os)) => {
            os.iter().try_for_each(in_range)?;
            if os.is_empty() {
                return Err(EngineError::NothingChosen { question: qid() });
            }
            os.sort_unstable();
            if os.windows(2).any(|w| w[0] == w[1]) {
                return Err(EngineError::ChosenTwice { question: qid() });
            }
            if os.len() > 1
                && let Some(x) = os.iter().find(|o| options[**o].exclusive)
            {
                return Err(EngineError::ExclusiveCombined {
                    question: qid(),
                    option: options[*x].id.clone(),
                });
            }
            Ok(Answer::Choices(os))
        }
        (Kind::Scale { min, max, .. }, Answer::Number(n)) => {
            if (*min..=*max).contains(&n) {
                Ok(Answer::Number(n))
            } else {
                Err(EngineError::OutOfRange {
                    question: qid(),
                    value: n,
                    min: *min,
                    max: *max,
                })
            }
        }
        (kind, _) => Err(EngineError::WrongType {
            question: qid(),
            expected: kind.name(),
        }),
    }
}

/// One interview in progress.
#[derive(Debug, Clone)]
pub struct Interview {
    q: Arc<Questionnaire>,
    answers: Answers,
    state: State,
    /// Questions left behind, most recent last (where "back" returns to).
    history: Vec<QIdx>,
    /// Interrupting rules whose alert has been seen.
    acknowledged: BTreeSet<RIdx>,
    /// Editing from the review: return there once the path is complete again.
    return_to_review: bool,
    /// The path and the answers that count, kept in step with `answers`.
    walk: Walk,
}

impl PartialEq for Interview {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.q, &other.q)
            && self.answers == other.answers
            && self.state == other.state
            && self.history == other.history
            && self.acknowledged == other.acknowledged
            && self.return_to_review == other.return_to_review
    }
}

impl Interview {
    /// Starts at the first question on the path.
    pub fn new(q: Arc<Questionnaire>) -> Self {
        let answers = Answers::new();
        let mut walk = Walk::new(&q);
        let state = walk
            .next_after(&q, &answers, None)
            .map_or(State::Review, State::Asking);
        Interview {
            q,
            answers,
            state,
            history: Vec::new(),
            acknowledged: BTreeSet::new(),
            return_to_review: false,
            walk,
        }
    }

    pub fn questionnaire(&self) -> &Arc<Questionnaire> {
        &self.q
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    /// The question being asked, if any.
    pub fn current(&self) -> Option<QIdx> {
        match self.state {
            State::Asking(i) => Some(i),
            _ => None,
        }
    }

    /// Every answer given, including ones to questions now off the path (kept so that changing
    /// one's mind back restores them; they do not count).
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The answer stored for a question, on the path or not.
    pub fn answer(&self, q: QIdx) -> Option<&Answer> {
        self.answers.get(&q)
    }

    /// The answers that count.
    pub fn effective_answers(&self) -> Answers {
        self.walk.full(&self.q, &self.answers).1
    }

    /// The current path.
    pub fn path(&self) -> Vec<QIdx> {
        self.walk.full(&self.q, &self.answers).0
    }

    /// Questions on the path that have an answer, in order.
    pub fn asked(&self) -> Vec<QIdx> {
        self.path()
            .into_iter()
            .filter(|i| self.answers.contains_key(i))
            .collect()
    }

    /// Red-flag rules that fire on the answers that count, most urgent first.
    pub fn red_flags(&self) -> Vec<RIdx> {
        assess::fired_rules(&self.q, &self.effective_answers())
            .into_iter()
            .filter(|r| self.q.rules[*r].red_flag)
            .collect()
    }

    pub fn progress(&self) -> Progress {
        let path = self.path();
        let answered = path.iter().filter(|i| self.answers.contains_key(i)).count();
        let position = match self.state {
            State::Asking(i) => path
                .iter()
                .position(|p| *p == i)
                .map_or(answered, |p| p + 1),
            State::Alert(_) => answered,
            State::Review | State::Finished => path.len(),
        };
        Progress {
            answered,
            position,
            total: path.len(),
        }
    }

    /// Every required question on the path has an answer.
    pub fn is_complete(&self) -> bool {
        self.path()
            .iter()
            .all(|i| !self.q.questions[*i].required || self.answers.contains_key(i))
    }

    /// The assessment of the answers that count.
    pub fn assessment(&self) -> Assessment {
        assess::assess(&self.q, &self.effective_answers())
    }

    /// Answers the current question and moves on.
    pub fn answer_current(&mut self, answer: Answer) -> Result<(), EngineError> {
        let State::Asking(i) = self.state else {
            return Err(EngineError::NotNow { action: "answer" });
        };
        let answer = check_answer(&self.q.questions[i], answer)?;
        self.answers.insert(i, answer);
        self.walk.changed(&self.q, i);
        self.history.push(i);
        self.advance_from(i);
        Ok(())
    }

    /// Leaves the current (optional) question unanswered and moves on.
    pub fn skip_current(&mut self) -> Result<(), EngineError> {
        let State::Asking(i) = self.state else {
            return Err(EngineError::NotNow { action: "skip" });
        };
        if !self.can_skip() {
            return Err(EngineError::Required {
                question: self.q.questions[i].id.clone(),
            });
        }
        if self.answers.remove(&i).is_some() {
            self.walk.changed(&self.q, i);
        }
        self.history.push(i);
        self.advance_from(i);
        Ok(())
    }

    /// Confirms that the alert was seen and goes on with the questions.
    pub fn acknowledge(&mut self) -> Result<(), EngineError> {
        let State::Alert(rules) = &self.state else {
            return Err(EngineError::NotNow {
                action: "acknowledge an alert",
            });
        };
        self.acknowledged.extend(rules.iter().copied());
        let from = self.history.last().copied().unwrap_or(0);
        self.advance_from(from);
        Ok(())
    }

    /// Goes back one step: to the previous question, from an alert to the question that raised
    /// it, from the review to the last question, from the result to the review.
    pub fn back(&mut self) -> Result<(), EngineError> {
        match self.state {
            State::Finished => {
                // A result reached early (after an alert) returns to the first open question.
                let open = self
                    .path()
                    .into_iter()
                    .find(|i| self.q.questions[*i].required && !self.answers.contains_key(i));
                self.state = open.map_or(State::Review, State::Asking);
            }
            State::Asking(_) | State::Alert(_) | State::Review => {
                let Some(prev) = self.history.pop() else {
                    return Err(EngineError::NotNow { action: "go back" });
                };
                self.state = State::Asking(prev);
            }
        }
        Ok(())
    }

    /// Whether [`Interview::back`] would move.
    pub fn can_go_back(&self) -> bool {
        matches!(self.state, State::Finished) || !self.history.is_empty()
    }

    /// From the review or the result: changes the answer to a question on the path, then
    /// returns to the review once every question is answered again.
    pub fn edit(&mut self, question: QIdx) -> Result<(), EngineError> {
        if !matches!(self.state, State::Review | State::Finished) {
            return Err(EngineError::NotNow {
                action: "edit an answer",
            });
        }
        let path = self.path();
        let Some(at) = path.iter().position(|p| *p == question) else {
            return Err(EngineError::NotOnPath {
                question: self
                    .q
                    .questions
                    .get(question)
                    .map_or_else(|| question.to_string(), |q| q.id.clone()),
            });
        };
        self.history = path[..at]
            .iter()
            .copied()
            .filter(|i| self.answers.contains_key(i) || !self.q.questions[*i].required)
            .collect();
        self.state = State::Asking(question);
        self.return_to_review = true;
        Ok(())
    }

    /// Whether an alert raised the most urgent level there is: then no later answer can change
    /// how soon, and the person may stop answering and see the result at once. After a lesser
    /// alert the interview goes on, since later answers can still raise the level.
    pub fn can_finish_early(&self) -> bool {
        let top = self.q.top_triage();
        let raised_top = |r: &RIdx| self.q.rules[*r].triage == top;
        match &self.state {
            State::Alert(rules) => rules.iter().chain(&self.acknowledged).any(raised_top),
            State::Asking(_) => self.acknowledged.iter().any(raised_top),
            State::Review | State::Finished => false,
        }
    }

    /// Whether the current question may be left unanswered: it is optional, or an alert has
    /// been seen (a person who stops answering then still gets a result on what was said).
    pub fn can_skip(&self) -> bool {
        match self.state {
            State::Asking(i) => !self.q.questions[i].required || !self.acknowledged.is_empty(),
            _ => false,
        }
    }

    /// Ends the interview: from the review, or early once an alert has interrupted (unanswered
    /// questions then simply do not count).
    pub fn finish(&mut self) -> Result<(), EngineError> {
        match self.state {
            State::Review => {
                self.state = State::Finished;
                Ok(())
            }
            State::Alert(_) | State::Asking(_) if self.can_finish_early() => {
                if let State::Alert(rules) = &self.state {
                    self.acknowledged.extend(rules.iter().copied());
                }
                self.state = State::Finished;
                Ok(())
            }
            _ => Err(EngineError::NotNow {
                action: "show the result",
            }),
        }
    }

    /// Alerts already seen (rule indices).
    pub fn acknowledged(&self) -> &BTreeSet<RIdx> {
        &self.acknowledged
    }

    /// Rebuilds an interview from saved answers: walks the state machine as a person would,
    /// answering from `answers`, acknowledging alerts that were acknowledged before, and stops
    /// at `stop_at` (the question that was on screen), at an alert not yet seen, at the first
    /// question without a valid answer, or at the review. Every saved answer is kept, including
    /// those beyond the stop, exactly as going back leaves them.
    pub fn replay(
        q: Arc<Questionnaire>,
        answers: &Answers,
        stop_at: Option<QIdx>,
        acknowledged: &BTreeSet<RIdx>,
    ) -> Interview {
        let mut iv = Interview::new(q.clone());
        for _ in 0..4 * q.questions.len() + 4 {
            let moved = match iv.state.clone() {
                State::Asking(i) if Some(i) == stop_at => false,
                State::Asking(i) => match answers.get(&i) {
                    Some(a) => iv.answer_current(a.clone()).is_ok(),
                    None => false,
                },
                State::Alert(rules) if rules.iter().all(|r| acknowledged.contains(r)) => {
                    iv.acknowledge().is_ok()
                }
                State::Alert(_) | State::Review | State::Finished => false,
            };
            if !moved {
                break;
            }
        }
        for (i, a) in answers {
            if i < &q.questions.len()
                && !iv.answers.contains_key(i)
                && check_answer(&q.questions[*i], a.clone()).is_ok()
            {
                iv.answers.insert(*i, a.clone());
                iv.walk.changed(&q, *i);
            }
        }
        iv
    }

    /// After an answer, a skip or an acknowledged alert at `from`: an alert for interrupting
    /// rules that newly hold, else back to the review when editing from there and done, else
    /// the next question on the path. Costs what changed, not the whole path, when answering
    /// in order.
    fn advance_from(&mut self, from: QIdx) {
        let next = self.walk.next_after(&self.q, &self.answers, Some(from));
        self.walk.settle(&self.q, &self.answers);
        let firing = self.walk.firing();
        // An alert seen for an answer since withdrawn is forgotten: choosing it again alerts again.
        self.acknowledged.retain(|r| firing.contains(r));
        let new: Vec<RIdx> = firing
            .iter()
            .copied()
            .filter(|r| !self.acknowledged.contains(r))
            .collect();
        if !new.is_empty() {
            self.state = State::Alert(new);
            return;
        }
        if self.return_to_review && self.is_complete() {
            self.return_to_review = false;
            self.state = State::Review;
            return;
        }
        self.state = match next {
            Some(next) => State::Asking(next),
            None => {
                self.return_to_review = false;
                State::Review
            }
        };
    }
}

#[cfg(test)]
pub(crate) mod tests;
