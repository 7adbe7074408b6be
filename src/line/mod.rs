//! The line mode (`kinscreen --plain`): the same interview as the screens, as plain numbered
//! prompts one line at a time, for screen readers, braille displays, `TERM=dumb`, serial
//! consoles and pipes. It lays out [`crate::view`]'s descriptions and writes no escape sequence,
//! box drawing or progress bar: every line makes sense read aloud on its own.
//!
//! Input is one line per question asked (none for the start, an alert or the review): the
//! number of an option, several numbers for a multi choice ("1 3"), a number for a scale, an
//! empty line to skip an optional question; `b` goes back, `?` helps, `q` quits.

use std::io::{self, BufRead, Write};

pub mod practice;

use crate::engine::{Answer, Interview, State};
use crate::output;
use crate::report;
use crate::t;
use crate::view::{AlertView, Input, QuestionView, refusal};

/// How a line-mode interview ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The result was printed.
    Finished,
    /// The person typed `q`.
    Quit,
    /// The input ended before the result.
    EndOfInput,
}

/// Where line mode reads and writes; `echo` writes each line read back (input from a pipe is
/// not shown by a terminal, so the transcript shows it).
pub struct Io<'a> {
    pub input: &'a mut dyn BufRead,
    pub out: &'a mut dyn Write,
    pub echo: bool,
}

impl Io<'_> {
    /// Writes `prompt`, reads a line (echoed when asked); `None` at the end of the input.
    pub fn ask(&mut self, prompt: &str) -> io::Result<Option<String>> {
        write!(self.out, "{prompt}")?;
        self.out.flush()?;
        let line = read_line(self.input)?;
        match &line {
            Some(l) if self.echo => say(self.out, l)?,
            None => writeln!(self.out)?,
            Some(_) => {}
        }
        Ok(line)
    }
}

/// Runs the interview from its current state until the result, a quit or the end of the
/// input. `saved` is called after every change, so the caller can keep the answers (autosave).
pub fn run(
    interview: &mut Interview,
    io: &mut Io,
    saved: &mut dyn FnMut(&Interview),
) -> io::Result<Ended> {
    let title = interview.questionnaire().meta.title.clone();
    say(io.out, &title)?;
    say(io.out, &t!("line-intro"))?;
    let mut shown: Option<State> = None;
    loop {
        let state = interview.state().clone();
        match &state {
            State::Asking(qi) => {
                let view = QuestionView::of(interview, *qi);
                if shown.as_ref() != Some(&state) {
                    blank(io.out)?;
                    question(io.out, &view)?;
                    shown = Some(state.clone());
                }
                let Some(line) = io.ask(&t!("line-your-answer"))? else {
                    return Ok(Ended::EndOfInput);
                };
                let out = &mut *io.out;
                match line.trim() {
                    "q" | "Q" => {
                        saved(interview);
                        return Ok(Ended::Quit);
                    }
                    "?" => {
                        say(out, &t!("line-keys"))?;
                        if let Some(help) = &view.help {
                            say(out, &t!("line-about-question", help = help.as_str()))?;
                        }
                    }
                    "b" | "B" => {
                        if interview.back().is_ok() {
                            shown = None;
                            saved(interview);
                        } else {
                            say(out, &t!("line-first-question"))?;
                        }
                    }
                    text => match parse(&view, text) {
                        Ok(None) => match interview.skip_current() {
                            Ok(()) => {
                                say(out, &t!("line-skipped"))?;
                                saved(interview);
                            }
                            Err(e) => say(out, &again(&view, &refusal(interview, &e)))?,
                        },
                        Ok(Some(answer)) => match interview.answer_current(answer.clone()) {
                            Ok(()) => {
                                // Said back, so that a listener knows what was recorded.
                                let question = &interview.questionnaire().questions[*qi];
                                say(
                                    out,
                                    &t!("line-recorded", answer = answer.describe(question)),
                                )?;
                                saved(interview);
                            }
                            Err(e) => {
                                say(out, &refusal(interview, &e))?;
                                shown = None;
                            }
                        },
                        Err(message) => {
                            say(out, &message)?;
                            shown = None;
                        }
                    },
                }
            }
            State::Alert(rules) => {
                let out = &mut *io.out;
                blank(out)?;
                alert(out, &AlertView::of(interview, rules))?;
                say(out, &t!("line-alert-repeated"))?;
                // An alert takes no input line: the advice has been given in words.
                let _ = interview.acknowledge();
                saved(interview);
            }
            State::Review => {
                let _ = interview.finish();
                saved(interview);
            }
            State::Finished => {
                let out = &mut *io.out;
                let raised: Vec<_> = interview.acknowledged().iter().copied().collect();
                if !raised.is_empty() {
                    blank(out)?;
                    say(out, &t!("line-repeated-from-earlier"))?;
                    alert(out, &AlertView::of(interview, &raised))?;
                }
                blank(out)?;
                say(out, &t!("title-result"))?;
                say(out, &report::text(interview))?;
                return Ok(Ended::Finished);
            }
        }
    }
}

/// Offers an unfinished interview: `Some(true)` to go on with it, `Some(false)` to start a new
/// one, `None` when the input ends. Only asked when the input is a terminal (a pipe carries one
/// line per question and nothing else).
pub fn offer(offer: &crate::store::offer::Offer, io: &mut Io) -> io::Result<Option<bool>> {
    say(
        io.out,
        &t!(
            "line-offer",
            when = crate::clock::local_time(&offer.saved_at),
            answers = offer.interview.answers().len()
        ),
    )?;
    if offer.changed {
        say(io.out, &t!("offer-changed"))?;
    }
    loop {
        let Some(line) = io.ask(&t!("line-offer-ask"))? else {
            return Ok(None);
        };
        match line.trim() {
            "r" | "R" => return Ok(Some(true)),
            "n" | "N" => return Ok(Some(false)),
            _ => {}
        }
    }
}

/// A question: where it is, what it asks, why, and the numbered options.
fn question(out: &mut dyn Write, v: &QuestionView) -> io::Result<()> {
    say(
        out,
        &t!(
            "line-question-place",
            section = v.section.as_str(),
            position = v.position,
            total = v.total
        ),
    )?;
    say(out, &v.prompt)?;
    if let Some(why) = &v.why {
        say(out, &t!("why-we-ask", why = why.as_str()))?;
    }
    for (n, c) in v.choices().iter().enumerate() {
        let line = if c.chosen {
            t!(
                "line-option-chosen",
                number = n + 1,
                label = c.label.as_str()
            )
        } else {
            format!("{}. {}", n + 1, c.label)
        };
        say(out, &line)?;
    }
    say(out, &how(v))?;
    Ok(())
}

/// How to answer this question.
fn how(v: &QuestionView) -> String {
    let mut text = match &v.input {
        Input::Single(c) => t!("line-how-single", count = c.len()),
        Input::Multi(c) => t!("line-how-multi", count = c.len()),
        Input::Scale {
            min,
            max,
            min_label,
            max_label,
            value,
        } => {
            let mut text = match (min_label, max_label) {
                (Some(lo), Some(hi)) => t!(
                    "line-how-scale-labelled",
                    min = *min,
                    max = *max,
                    low = lo.as_str(),
                    high = hi.as_str()
                ),
                _ => t!("line-how-scale", min = *min, max = *max),
            };
            if let Some(v) = value {
                text.push(' ');
                text.push_str(&t!("line-your-answer-was", value = *v));
            }
            text
        }
    };
    if v.optional {
        text.push(' ');
        text.push_str(&t!("line-how-skip"));
    }
    text
}

/// A typed answer: `Ok(None)` for an empty line (a skip), or why it is not an answer and how
/// to answer.
fn parse(v: &QuestionView, text: &str) -> Result<Option<Answer>, String> {
    read(v, text).map_err(|why| again(v, &why))
}

/// Why an answer was not taken, then how to answer this question.
fn again(v: &QuestionView, why: &str) -> String {
    format!("{why} {}", how(v))
}

/// [`parse`], with only why a line is not an answer.
fn read(v: &QuestionView, text: &str) -> Result<Option<Answer>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let Some(numbers) = numbers(text) else {
        return Err(t!(
            "line-not-a-number",
            text = output::clean_short(text, 40)
        ));
    };
    let option = |n: i64, count: usize| {
        usize::try_from(n)
            .ok()
            .filter(|n| (1..=count).contains(n))
            .map(|n| n - 1)
            .ok_or_else(|| t!("line-no-option", number = n))
    };
    match &v.input {
        Input::Single(c) => match numbers.as_slice() {
            [n] => option(*n, c.len()).map(|o| Some(Answer::Choice(o))),
            _ => Err(t!("line-only-one")),
        },
        Input::Multi(c) => {
            let chosen: Result<Vec<usize>, String> =
                numbers.iter().map(|n| option(*n, c.len())).collect();
            let mut chosen = chosen?;
            chosen.sort_unstable();
            chosen.dedup();
            Ok(Some(Answer::Choices(chosen)))
        }
        Input::Scale { min, max, .. } => match numbers.as_slice() {
            [n] if (*min..=*max).contains(n) => Ok(Some(Answer::Number(*n))),
            _ => Err(t!("line-not-on-scale")),
        },
    }
}

/// A red-flag alert, in words.
fn alert(out: &mut dyn Write, a: &AlertView) -> io::Result<()> {
    if let Some(earlier) = a.earlier_text() {
        say(out, &earlier)?;
        say(out, &t!("line-additional-sign"))?;
    }
    say(
        out,
        &t!(
            "line-alert-level",
            level = a.level.label.as_str(),
            time_frame = a.level.time_frame.as_str()
        ),
    )?;
    for s in &a.signs {
        match &s.advice {
            Some(advice) => say(
                out,
                &t!(
                    "line-sign-advice",
                    sign = s.label.as_str(),
                    advice = advice.as_str()
                ),
            )?,
            None => say(out, &t!("line-sign", sign = s.label.as_str()))?,
        }
    }
    if let Some(also) = a.also_text() {
        say(out, &also)?;
    }
    say(out, &a.level.advice)
}

/// One line (or paragraph) of text, made safe.
pub(crate) fn say(out: &mut dyn Write, text: &str) -> io::Result<()> {
    writeln!(out, "{}", output::clean(text.trim_end()))
}

pub(crate) fn blank(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out)
}

/// The numbers of a typed line, separated by spaces or commas; `None` if a word is not one.
pub(crate) fn numbers(text: &str) -> Option<Vec<i64>> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.parse::<i64>().ok())
        .collect()
}

/// One line of input without its line ending; `None` at the end of the input.
fn read_line(input: &mut dyn BufRead) -> io::Result<Option<String>> {
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line.trim_end_matches(['\n', '\r']).to_string()))
}
