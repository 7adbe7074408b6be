//! Checking a data file that refers to a questionnaire by its ids (a phrase file, a body chart):
//! each reference is looked up, and one that is not there becomes an error at its place, so all
//! such files report the same way.

use std::ops::Range;

use toml::Spanned;

use super::{OIdx, Problem, QIdx, Questionnaire, Severity};

/// The problems found so far in one file that refers to `q`.
pub struct Refs<'a> {
    pub q: &'a Questionnaire,
    file: &'a str,
    src: &'a str,
    pub problems: Vec<Problem>,
}

impl<'a> Refs<'a> {
    pub fn new(q: &'a Questionnaire, src: &'a str, file: &'a str) -> Self {
        Refs {
            q,
            file,
            src,
            problems: Vec::new(),
        }
    }

    /// An error at `span` of the file.
    pub fn error(&mut self, span: Range<usize>, message: String) {
        self.problems.push(Problem::at(
            Severity::Error,
            self.file,
            self.src,
            Some(span),
            message,
        ));
    }

    /// Checks that the file says it is for this questionnaire (`what`: "these phrases are").
    pub fn questionnaire(&mut self, id: &Spanned<String>, what: &str) {
        if id.get_ref() != &self.q.meta.id {
            self.error(
                id.span(),
                format!(
                    "{what} for questionnaire `{}`, but the questionnaire is `{}`",
                    id.get_ref(),
                    self.q.meta.id
                ),
            );
        }
    }

    /// The question with this id, or an error at its place.
    pub fn question(&mut self, id: &Spanned<String>) -> Option<QIdx> {
        let found = self.q.question_index(id.get_ref());
        if found.is_none() {
            self.error(
                id.span(),
                format!(
                    "`{}` is not a question of questionnaire `{}`",
                    id.get_ref(),
                    self.q.meta.id
                ),
            );
        }
        found
    }

    /// The option of question `qi` with this id, or an error at its place naming the options.
    pub fn option(&mut self, qi: QIdx, id: &Spanned<String>) -> Option<OIdx> {
        let question = &self.q.questions[qi];
        let found = question.option_index(id.get_ref());
        if found.is_none() {
            let options = question.option_ids().join(", ");
            self.error(
                id.span(),
                format!(
                    "question `{}` has no option `{}`; its options are {options}",
                    question.id,
                    id.get_ref(),
                ),
            );
        }
        found
    }

    /// `value` when nothing was found wrong, else every problem.
    pub fn finish<T>(self, value: T) -> Result<T, Vec<Problem>> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(self.problems)
        }
    }
}
