//! Answers files for the headless run: reading them (TOML, flat or under `[answers]`, or JSON),
//! checking every value against the questionnaire, and walking the interview with them.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde_json::Value;

use crate::engine::{Answer, EngineError, Interview, State};
use crate::questionnaire::{Kind, Problem, QIdx, Question, Questionnaire, Severity};

/// One `id = value` line of an answers file.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub value: Value,
    /// Byte range of the value, when the format gives one.
    pub span: Option<Range<usize>>,
}

/// A parsed answers file, not yet checked against a questionnaire.
#[derive(Debug, Clone)]
pub struct AnswersFile {
    pub name: String,
    pub src: String,
    pub entries: Vec<Entry>,
}

/// Why an answers file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum AnswersError {
    #[error("{0}")]
    Input(String),
    #[error("{0}")]
    Invalid(Problem),
}

impl AnswersFile {
    fn problem(&self, span: Option<Range<usize>>, message: String) -> AnswersError {
        AnswersError::Invalid(Problem::at(
            Severity::Error,
            &self.name,
            &self.src,
            span,
            message,
        ))
    }
}

/// Reads an answers file from disk.
pub fn read(path: &Path) -> Result<AnswersFile, AnswersError> {
    let name = path.display().to_string();
    let src = crate::output::read_input(path).map_err(|e| AnswersError::Input(e.to_string()))?;
    parse(&src, &name)
}

/// Parses answers: JSON when the name ends in `.json` or the text starts with `{`, TOML
/// otherwise. In TOML the answers are the `[answers]` table when there is one (other tables are
/// ignored), else the top-level keys that are not tables. JSON is an object of answers (or one
/// under `answers`), or a FHIR R4 `QuestionnaireResponse` whose item linkIds are question ids
/// (ours, or one a FHIR form filler made from our Questionnaire).
pub fn parse(src: &str, name: &str) -> Result<AnswersFile, AnswersError> {
    let file = AnswersFile {
        name: name.to_string(),
        src: src.to_string(),
        entries: Vec::new(),
    };
    if name.ends_with(".json") || src.trim_start().starts_with('{') {
        return parse_json(file);
    }
    let syntax = |e: toml::de::Error| file.problem(e.span(), e.message().trim().to_string());
    let table: toml::Table = toml::from_str(src).map_err(syntax)?;
    let spans = toml::de::DeTable::parse(src).map_err(syntax)?;
    let spans = spans.get_ref();

    let (values, positions) = match (table.get("answers"), spans.get("answers")) {
        (Some(toml::Value::Table(t)), Some(p)) => (t.clone(), p.get_ref().as_table()),
        (Some(_), Some(p)) => {
            return Err(file.problem(
                Some(p.span()),
                "`answers` must be a table of question ids and answers".into(),
            ));
        }
        _ => (
            table.into_iter().filter(|(_, v)| !v.is_table()).collect(),
            Some(spans),
        ),
    };
    Ok(AnswersFile {
        entries: entries(values, positions),
        ..file
    })
}

/// Answers already read into a table (a practice case's `[answers]`, from its compiled form),
/// as an answers file without positions; `src` is the text they came from, for messages.
pub fn from_table(name: &str, src: &str, table: &toml::Table) -> AnswersFile {
    AnswersFile {
        name: name.to_string(),
        src: src.to_string(),
        entries: entries(table.clone(), None),
    }
}

fn entries(values: toml::Table, positions: Option<&toml::de::DeTable<'_>>) -> Vec<Entry> {
    values
        .into_iter()
        .map(|(id, v)| Entry {
            span: positions.and_then(|p| p.get(id.as_str())).map(|s| s.span()),
            value: serde_json::to_value(v).unwrap_or(Value::Null),
            id,
        })
        .collect()
}

fn parse_json(file: AnswersFile) -> Result<AnswersFile, AnswersError> {
    let value: Value = serde_json::from_str(&file.src).map_err(|e| {
        let offset = offset_of(&file.src, e.line(), e.column());
        file.problem(Some(offset..offset), e.to_string())
    })?;
    if value.get("resourceType").and_then(Value::as_str) == Some("QuestionnaireResponse") {
        let mut entries = Vec::new();
        response_entries(&value, &mut entries);
        return Ok(AnswersFile { entries, ..file });
    }
    let object = match value {
        Value::Object(mut o) => match o.remove("answers") {
            Some(Value::Object(a)) => a,
            Some(_) => {
                return Err(file.problem(None, "`answers` must be an object".into()));
            }
            None => o.into_iter().filter(|(_, v)| !v.is_object()).collect(),
        },
        _ => {
            return Err(file.problem(
                None,
                "an answers file must be an object of question ids and answers".into(),
            ));
        }
    };
    let entries = object
        .into_iter()
        .map(|(id, value)| Entry {
            id,
            value,
            span: None,
        })
        .collect();
    Ok(AnswersFile { entries, ..file })
}

/// The answers of a QuestionnaireResponse, item by item (groups and nested items included):
/// a coding by its code, a boolean as yes/no, a number or text as it is; several answers to
/// one item make a list.
fn response_entries(node: &Value, out: &mut Vec<Entry>) {
    let Some(items) = node.get("item").and_then(Value::as_array) else {
        return;
    };
    for item in items {
        let answers = item.get("answer").and_then(Value::as_array);
        let id = item
            .get("linkId")
            .and_then(Value::as_str)
            // Hidden helper items hold a computed condition, not an answer.
            .filter(|id| !id.ends_with(crate::fhir::HELPER_SUFFIX));
        if let (Some(id), Some(answers)) = (id, answers) {
            let values: Vec<Value> = answers
                .iter()
                .filter_map(|a| {
                    let a = a.as_object()?;
                    if let Some(code) = a.get("valueCoding").and_then(|c| c.get("code")) {
                        return Some(code.clone());
                    }
                    [
                        "valueBoolean",
                        "valueInteger",
                        "valueDecimal",
                        "valueString",
                    ]
                    .iter()
                    .find_map(|k| a.get(*k).cloned())
                })
                .collect();
            let value = match values.len() {
                0 => None,
                1 => values.into_iter().next(),
                _ => Some(Value::Array(values)),
            };
            if let Some(value) = value {
                out.push(Entry {
                    id: id.to_string(),
                    value,
                    span: None,
                });
            }
        }
        response_entries(item, out);
        for answer in answers.into_iter().flatten() {
            response_entries(answer, out);
        }
    }
}

fn offset_of(src: &str, line: usize, column: usize) -> usize {
    let start: usize = src
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(src.len())
}

/// What a question accepts, in words, for messages.
pub fn expected(q: &Question) -> String {
    let ids = || {
        q.option_ids()
            .iter()
            .map(|o| format!("\"{o}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match &q.kind {
        Kind::Single { .. } => format!("one of {}", ids()),
        Kind::Multi { .. } => format!("a list of one or more of {}", ids()),
        Kind::Scale { min, max, .. } => format!("a whole number from {min} to {max}"),
    }
}

/// Turns a value by ids (`"knee"`, `["hip", "groin"]`, `6`) into a checked answer, or says
/// what is wrong with it.
pub fn answer_from_value(question: &Question, value: &Value) -> Result<Answer, String> {
    let option = |v: &Value| -> Result<usize, String> {
        let id = match (v, &question.kind) {
            (Value::String(s), _) => s.as_str(),
            (Value::Bool(true), Kind::Single { yes_no: true, .. }) => "yes",
            (Value::Bool(false), Kind::Single { yes_no: true, .. }) => "no",
            _ => return Err(format!("{v} is not an option id")),
        };
        question
            .option_index(id)
            .ok_or_else(|| format!("\"{id}\" is not one of its options"))
    };
    let answer = match &question.kind {
        Kind::Single { .. } => match value {
            Value::Array(items) if items.len() == 1 => Answer::Choice(option(&items[0])?),
            Value::Array(_) => return Err("a single-choice question takes one option".into()),
            single => Answer::Choice(option(single)?),
        },
        Kind::Multi { .. } => match value {
            Value::Array(items) => {
                Answer::Choices(items.iter().map(option).collect::<Result<_, _>>()?)
            }
            single @ Value::String(_) => Answer::Choices(vec![option(single)?]),
            other => return Err(format!("{other} is not a list of option ids")),
        },
        Kind::Scale { .. } => match value.as_i64().or_else(|| {
            // 7.0 from a JSON writer is the whole number 7.
            value
                .as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 1e15)
                .map(|f| f as i64)
        }) {
            Some(n) => Answer::Number(n),
            None => return Err(format!("{value} is not a whole number")),
        },
    };
    crate::engine::check_answer(question, answer).map_err(|err| match err {
        EngineError::ExclusiveCombined { option, .. } => {
            format!("\"{option}\" cannot be combined with other options")
        }
        EngineError::NothingChosen { .. } => "the list is empty".into(),
        EngineError::ChosenTwice { .. } => "an option is listed twice".into(),
        EngineError::OutOfRange { value, .. } => format!("{value} is out of range"),
        other => other.to_string(),
    })
}

/// Checks every entry against the questionnaire (answers to questions off the path are checked
/// too, and later ignored).
pub fn resolve(
    q: &Questionnaire,
    file: &AnswersFile,
) -> Result<BTreeMap<QIdx, Answer>, AnswersError> {
    let mut out = BTreeMap::new();
    for e in &file.entries {
        let Some(qi) = q.question_index(&e.id) else {
            let known: Vec<&str> = q.questions.iter().map(|q| q.id.as_str()).collect();
            return Err(file.problem(
                e.span.clone(),
                format!(
                    "unknown question `{}`; the questionnaire's questions are: {}",
                    e.id,
                    known.join(", ")
                ),
            ));
        };
        let question = &q.questions[qi];
        let answer = answer_from_value(question, &e.value).map_err(|why| {
            file.problem(
                e.span.clone(),
                format!(
                    "question `{}`: {why}; expected {}",
                    question.id,
                    expected(question)
                ),
            )
        })?;
        out.insert(qi, answer);
    }
    Ok(out)
}

/// Walks the interview with these answers, as a person would at the terminal: every question on
/// the path is answered from the file, optional ones may be missing, alerts are acknowledged.
/// Once a red flag has interrupted, a missing answer is skipped rather than failing the walk
/// (later answers can still raise the level); after an alert at the most urgent level the walk
/// ends at the first missing answer, with the result on what was answered.
pub fn run(q: Arc<Questionnaire>, file: &AnswersFile) -> Result<Interview, AnswersError> {
    let answers = resolve(&q, file)?;
    let mut interview = Interview::new(q.clone());
    // Each step answers, skips, acknowledges or finishes; none repeats without progress.
    let bound = 4 * q.questions.len() + 4;
    for _ in 0..bound {
        let step = match interview.state().clone() {
            State::Asking(i) => match answers.get(&i) {
                Some(a) => interview.answer_current(a.clone()),
                None if interview.can_finish_early() && q.questions[i].required => {
                    interview.finish()
                }
                None if interview.can_skip() => interview.skip_current(),
                None => {
                    let question = &q.questions[i];
                    return Err(file.problem(
                        None,
                        format!(
                            "question `{}` (\"{}\") is on the path but has no answer; expected {}",
                            question.id,
                            question.prompt.trim(),
                            expected(question)
                        ),
                    ));
                }
            },
            State::Alert(_) => interview.acknowledge(),
            State::Review => interview.finish(),
            State::Finished => return Ok(interview),
        };
        step.map_err(|e| file.problem(None, e.to_string()))?;
    }
    Err(file.problem(
        None,
        "the interview did not reach a result (a questionnaire loop?)".into(),
    ))
}
