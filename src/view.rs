//! What an interview screen says, computed once from the engine's state and with no terminal:
//! a question (section, place, prompt, why we ask, help, the options and their marks) and a
//! red-flag alert (the level, the signs and their advice). The ratatui screens and the line
//! mode ([`crate::line`]) only lay these out, so the two cannot say different things.

use crate::engine::{Answer, EngineError, Interview};
use crate::questionnaire::{Kind, QIdx, RIdx, TIdx};
use crate::t;

/// One question as a person reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionView {
    /// The section's title ("Where it hurts").
    pub section: String,
    /// 1-based place on the path, and the path's length as the answers make it so far.
    pub position: usize,
    pub total: usize,
    pub prompt: String,
    /// An optional question may be skipped.
    pub optional: bool,
    /// The "why we ask" line.
    pub why: Option<String>,
    pub help: Option<String>,
    pub input: Input,
}

/// What a question asks for, with the stored answer marked.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// Exactly one option.
    Single(Vec<Choice>),
    /// Any number of options (an exclusive one, such as "none of these", alone).
    Multi(Vec<Choice>),
    /// A whole number from `min` to `max`; `value` is the stored one, if any.
    Scale {
        min: i64,
        max: i64,
        min_label: Option<String>,
        max_label: Option<String>,
        value: Option<i64>,
    },
}

/// One option, in the questionnaire's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub label: String,
    /// Part of the stored answer.
    pub chosen: bool,
}

impl QuestionView {
    /// Question `qi` of the interview, with its stored answer marked.
    pub fn of(interview: &Interview, qi: QIdx) -> Self {
        let q = interview.questionnaire();
        let question = &q.questions[qi];
        let stored = interview.answer(qi);
        let chosen = |o: usize| match stored {
            Some(Answer::Choice(c)) => *c == o,
            Some(Answer::Choices(cs)) => cs.contains(&o),
            _ => false,
        };
        let choices = |options: &[crate::questionnaire::Choice]| {
            options
                .iter()
                .enumerate()
                .map(|(o, option)| Choice {
                    label: option.label.clone(),
                    chosen: chosen(o),
                })
                .collect()
        };
        let input = match &question.kind {
            Kind::Single { options, .. } => Input::Single(choices(options)),
            Kind::Multi { options } => Input::Multi(choices(options)),
            Kind::Scale {
                min,
                max,
                min_label,
                max_label,
            } => Input::Scale {
                min: *min,
                max: *max,
                min_label: min_label.clone(),
                max_label: max_label.clone(),
                value: match stored {
                    Some(Answer::Number(n)) => Some(*n),
                    _ => None,
                },
            },
        };
        let progress = interview.progress();
        QuestionView {
            section: q.sections[question.section].title.clone(),
            position: progress.position,
            total: progress.total,
            prompt: question.prompt.clone(),
            optional: !question.required,
            why: question.why.clone(),
            help: question.help.clone(),
            input,
        }
    }

    /// The options, for a choice question (empty for a scale).
    pub fn choices(&self) -> &[Choice] {
        match &self.input {
            Input::Single(c) | Input::Multi(c) => c,
            Input::Scale { .. } => &[],
        }
    }
}

/// Why the engine refused a step, in plain words for the person.
pub fn refusal(interview: &Interview, e: &EngineError) -> String {
    match e {
        EngineError::ExclusiveCombined { option, .. } => {
            let label = interview
                .current()
                .map(|qi| &interview.questionnaire().questions[qi])
                .and_then(|q| Some(&q.kind.options()[q.option_index(option)?].label))
                .unwrap_or(option);
            t!("refused-exclusive", label = label.as_str())
        }
        EngineError::Required { .. } => t!("refused-required"),
        EngineError::NothingChosen { .. } => t!("refused-nothing-chosen"),
        EngineError::NotNow { .. } => t!("refused-not-now"),
        other => t!("refused-other", reason = other.to_string()),
    }
}

/// A triage level as an alert names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Level {
    pub index: TIdx,
    /// "Emergency: get care now".
    pub label: String,
    /// "Now. Do not wait for an appointment."
    pub time_frame: String,
    /// What to do at this level.
    pub advice: String,
}

/// A red-flag sign raised now, with its advice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sign {
    pub label: String,
    pub advice: Option<String>,
}

/// The alert shown at once when answers raise red flags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertView {
    /// A more urgent level raised earlier, which still stands (a lesser sign found later never
    /// reads as a downgrade).
    pub earlier: Option<Level>,
    /// The level of the signs raised now.
    pub level: Level,
    /// The signs at that level, with their advice.
    pub signs: Vec<Sign>,
    /// Lesser signs raised at the same time: only named.
    pub also: Vec<String>,
    /// What the person can do next.
    pub next: String,
}

impl AlertView {
    /// "Your earlier advice still stands: …", when a more urgent level was raised before.
    pub fn earlier_text(&self) -> Option<String> {
        self.earlier.as_ref().map(|e| {
            t!(
                "alert-earlier",
                level = e.label.as_str(),
                time_frame = e.time_frame.as_str()
            )
        })
    }

    /// "Also found: …", naming the lesser signs raised at the same time.
    pub fn also_text(&self) -> Option<String> {
        (!self.also.is_empty()).then(|| t!("alert-also", signs = self.also.join("; ")))
    }

    /// The alert for these `rules` (raised together), given what was raised before.
    pub fn of(interview: &Interview, rules: &[RIdx]) -> Self {
        let q = interview.questionnaire();
        let level_of = |t: TIdx| Level {
            index: t,
            label: q.triage[t].label.clone(),
            time_frame: q.triage[t].time_frame.clone(),
            advice: q.triage[t].advice.clone(),
        };
        let level = rules
            .iter()
            .map(|r| q.rules[*r].triage)
            .max()
            .unwrap_or_default();
        let overall = rules
            .iter()
            .chain(interview.acknowledged())
            .map(|r| q.rules[*r].triage)
            .max()
            .unwrap_or_default();
        let (top, lesser): (Vec<RIdx>, Vec<RIdx>) =
            rules.iter().partition(|r| q.rules[**r].triage == level);
        AlertView {
            earlier: (overall > level).then(|| level_of(overall)),
            level: level_of(level),
            signs: top
                .iter()
                .map(|r| Sign {
                    label: q.rules[*r].label.clone(),
                    advice: q.rules[*r].advice.clone(),
                })
                .collect(),
            also: lesser.iter().map(|r| q.rules[*r].label.clone()).collect(),
            next: if interview.can_finish_early() {
                t!("alert-next-may-finish")
            } else {
                t!("alert-next-go-on")
            },
        }
    }
}
