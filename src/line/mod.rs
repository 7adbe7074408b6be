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

use crate::engine::{Answer, EngineError, Interview, State};
use crate::output;
use crate::report;
use crate::view::{AlertView, Input, QuestionView};

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

/// What the help (`?`) says about the keys.
const KEYS: &str = "Type the number of your answer and press Enter. For a question that allows several answers, type their numbers separated by spaces, for example: 1 3. Type b to go back to the previous question, q to stop (your answers so far are kept), or ? for this help.";

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
    say(
        io.out,
        "Answer each question by typing the number of your answer and pressing Enter. Type ? for help, b to go back, q to stop.",
    )?;
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
                let Some(line) = io.ask("Your answer: ")? else {
                    return Ok(Ended::EndOfInput);
                };
                let out = &mut *io.out;
                match line.trim() {
                    "q" | "Q" => {
                        saved(interview);
                        return Ok(Ended::Quit);
                    }
                    "?" => {
                        say(out, KEYS)?;
                        if let Some(help) = &view.help {
                            say(out, &format!("About this question: {help}"))?;
                        }
                    }
                    "b" | "B" => {
                        if interview.back().is_ok() {
                            shown = None;
                            saved(interview);
                        } else {
                            say(
                                out,
                                "This is the first question: there is nothing to go back to.",
                            )?;
                        }
                    }
                    text => match parse(&view, text) {
                        Ok(None) => match interview.skip_current() {
                            Ok(()) => {
                                say(out, "Skipped.")?;
                                saved(interview);
                            }
                            Err(_) => say(out, &needed(&view))?,
                        },
                        Ok(Some(answer)) => match interview.answer_current(answer.clone()) {
                            Ok(()) => {
                                // Said back, so that a listener knows what was recorded.
                                let question = &interview.questionnaire().questions[*qi];
                                say(out, &format!("Recorded: {}.", answer.describe(question)))?;
                                saved(interview);
                            }
                            Err(e) => {
                                say(out, &refused(interview, &e))?;
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
                say(
                    out,
                    "This advice is repeated before the result. The questions go on: some later answers can make this more urgent.",
                )?;
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
                    say(out, "Repeated from earlier:")?;
                    alert(out, &AlertView::of(interview, &raised))?;
                }
                blank(out)?;
                say(out, "Your result")?;
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
        &format!(
            "You have an unfinished interview from {}, with {} answer(s).",
            crate::clock::local_time(&offer.saved_at),
            offer.interview.answers().len()
        ),
    )?;
    if offer.changed {
        say(
            io.out,
            "The questionnaire has changed since then: answers that no longer fit are left out.",
        )?;
    }
    loop {
        let Some(line) = io.ask(
            "Type r to go on with it, or n to start a new one (the unfinished one is then deleted): ",
        )?
        else {
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
        &format!(
            "{}. Question {} of about {}.",
            v.section, v.position, v.total
        ),
    )?;
    say(out, &v.prompt)?;
    if let Some(why) = &v.why {
        say(out, &format!("Why we ask: {why}"))?;
    }
    for (n, c) in v.choices().iter().enumerate() {
        let mark = if c.chosen { " (your answer)" } else { "" };
        say(out, &format!("{}. {}{mark}", n + 1, c.label))?;
    }
    say(out, &how(v))?;
    Ok(())
}

/// How to answer this question.
fn how(v: &QuestionView) -> String {
    let mut text = match &v.input {
        Input::Single(c) => format!("Type one number from 1 to {}.", c.len()),
        Input::Multi(c) => format!(
            "Type the numbers of all that apply, from 1 to {}, separated by spaces.",
            c.len()
        ),
        Input::Scale {
            min,
            max,
            min_label,
            max_label,
            value,
        } => {
            let mut t = format!("Type a number from {min} to {max}");
            if let (Some(lo), Some(hi)) = (min_label, max_label) {
                t.push_str(&format!(" ({min} means {lo}, {max} means {hi})"));
            }
            t.push('.');
            if let Some(v) = value {
                t.push_str(&format!(" Your answer was {v}."));
            }
            t
        }
    };
    if v.optional {
        text.push_str(" You may press Enter alone to skip this question.");
    }
    text
}

/// A typed answer: `Ok(None)` for an empty line (a skip), or why it is not an answer.
fn parse(v: &QuestionView, text: &str) -> Result<Option<Answer>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let Some(numbers) = numbers(text) else {
        return Err(format!(
            "“{}” is not a number. {}",
            output::clean_short(text, 40),
            how(v)
        ));
    };
    let option = |n: i64, count: usize| {
        usize::try_from(n)
            .ok()
            .filter(|n| (1..=count).contains(n))
            .map(|n| n - 1)
            .ok_or_else(|| format!("There is no option {n}. {}", how(v)))
    };
    match &v.input {
        Input::Single(c) => match numbers.as_slice() {
            [n] => option(*n, c.len()).map(|o| Some(Answer::Choice(o))),
            _ => Err(format!("Only one answer here. {}", how(v))),
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
            _ => Err(format!("That is not on the scale. {}", how(v))),
        },
    }
}

/// Why a required question cannot be skipped.
fn needed(v: &QuestionView) -> String {
    format!("This question needs an answer. {}", how(v))
}

/// An answer the engine refused, in plain words.
fn refused(interview: &Interview, e: &EngineError) -> String {
    match e {
        EngineError::ExclusiveCombined { option, .. } => {
            let label = interview
                .current()
                .map(|qi| &interview.questionnaire().questions[qi])
                .and_then(|q| Some(&q.kind.options()[q.option_index(option)?].label))
                .unwrap_or(option);
            format!("“{label}” cannot be chosen together with other answers.")
        }
        other => format!("That answer was not taken: {other}."),
    }
}

/// A red-flag alert, in words.
fn alert(out: &mut dyn Write, a: &AlertView) -> io::Result<()> {
    if let Some(earlier) = a.earlier_text() {
        say(out, &earlier)?;
        say(out, "This is an additional warning sign.")?;
    }
    say(
        out,
        &format!("Important: {}. {}", a.level.label, a.level.time_frame),
    )?;
    for s in &a.signs {
        match &s.advice {
            Some(advice) => say(out, &format!("Warning sign: {}. {advice}", s.label))?,
            None => say(out, &format!("Warning sign: {}.", s.label))?,
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
