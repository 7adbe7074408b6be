//! Reading a questionnaire file in two phases, each reporting every problem it finds: first all
//! TOML syntax errors, then all type errors (wrong type, unknown key, missing field), table by
//! table and array element by array element, each at its own position.

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::problem::{Problem, Severity};
use super::raw::*;

const TABLES: &[&str] = &["meta", "text", "decision"];
const ARRAYS: &[&str] = &[
    "sections",
    "questions",
    "classes",
    "triage",
    "rules",
    "notes",
    "headings",
    "evidence",
    "next_steps",
    "safety_net",
];
const REQUIRED: &[&str] = &[
    "meta",
    "text",
    "sections",
    "questions",
    "classes",
    "decision",
    "triage",
];

struct Reader<'a> {
    file: &'a str,
    src: &'a str,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    fn error(&mut self, span: Option<std::ops::Range<usize>>, message: String) {
        self.problems.push(Problem::at(
            Severity::Error,
            self.file,
            self.src,
            span,
            message,
        ));
    }

    fn one<T: DeserializeOwned>(&mut self, value: &Spanned<DeValue<'_>>) -> Option<T> {
        match T::deserialize(ValueDeserializer::from(value.clone())) {
            Ok(v) => Some(v),
            Err(e) => {
                let span = e.span().or_else(|| Some(value.span()));
                self.error(span, e.message().trim().to_string());
                None
            }
        }
    }

    fn many<T: DeserializeOwned>(&mut self, key: &str, value: &Spanned<DeValue<'_>>) -> Vec<T> {
        match value.get_ref() {
            DeValue::Array(items) => items.iter().filter_map(|item| self.one(item)).collect(),
            other => {
                self.error(
                    Some(value.span()),
                    format!(
                        "`{key}` must be an array of tables (`[[{key}]]`), found {}",
                        other.type_str()
                    ),
                );
                Vec::new()
            }
        }
    }
}

/// Parses the file into its raw model, or returns every syntax or type problem; unless the
/// file's top-level keys say it is something else (`other` says so): then `Ok(None)`, from the
/// same single parse.
pub fn parse_unless(
    src: &str,
    file: &str,
    other: impl Fn(&[&str]) -> bool,
) -> Result<Option<RawDoc>, Vec<Problem>> {
    let mut r = Reader {
        file,
        src,
        problems: Vec::new(),
    };
    let (doc, syntax) = DeTable::parse_recoverable(src);
    if !syntax.is_empty() {
        for e in syntax {
            r.error(e.span(), e.message().trim().to_string());
        }
        return Err(r.problems);
    }
    let doc = doc.into_inner();
    let keys: Vec<&str> = doc.iter().map(|(k, _)| k.get_ref().as_ref()).collect();
    if other(&keys) {
        return Ok(None);
    }

    for (key, _) in doc.iter() {
        let name = key.get_ref().as_ref();
        if !TABLES.contains(&name) && !ARRAYS.contains(&name) {
            let known: Vec<&str> = TABLES.iter().chain(ARRAYS).copied().collect();
            r.error(
                Some(key.span()),
                format!(
                    "unknown key `{name}`, expected one of `{}`",
                    known.join("`, `")
                ),
            );
        }
    }
    for name in REQUIRED {
        if doc.get(*name).is_none() {
            let form = if ARRAYS.contains(name) {
                format!("[[{name}]]")
            } else {
                format!("[{name}]")
            };
            r.error(None, format!("missing `{form}`"));
        }
    }

    let meta = doc.get("meta").and_then(|v| r.one::<RawMeta>(v));
    let text = doc.get("text").and_then(|v| r.one::<RawText>(v));
    let decision = doc.get("decision").and_then(|v| r.one::<RawDecision>(v));
    let sections: Vec<RawSection> = doc
        .get("sections")
        .map(|v| r.many("sections", v))
        .unwrap_or_default();
    let questions: Vec<RawQuestion> = doc
        .get("questions")
        .map(|v| r.many("questions", v))
        .unwrap_or_default();
    let classes: Vec<RawClass> = doc
        .get("classes")
        .map(|v| r.many("classes", v))
        .unwrap_or_default();
    let triage: Vec<RawTriage> = doc
        .get("triage")
        .map(|v| r.many("triage", v))
        .unwrap_or_default();
    let rules: Vec<RawRule> = doc
        .get("rules")
        .map(|v| r.many("rules", v))
        .unwrap_or_default();
    let notes: Vec<RawNote> = doc
        .get("notes")
        .map(|v| r.many("notes", v))
        .unwrap_or_default();

    let headings: Vec<RawHeading> = doc
        .get("headings")
        .map(|v| r.many("headings", v))
        .unwrap_or_default();

    let mut texts =
        |key: &str| -> Vec<RawNote> { doc.get(key).map(|v| r.many(key, v)).unwrap_or_default() };
    let next_steps = texts("next_steps");
    let safety_net = texts("safety_net");
    let evidence: Vec<RawEvidence> = doc
        .get("evidence")
        .map(|v| r.many("evidence", v))
        .unwrap_or_default();

    match (meta, text, decision) {
        (Some(meta), Some(text), Some(decision)) if r.problems.is_empty() => Ok(Some(RawDoc {
            meta,
            text,
            sections,
            questions,
            classes,
            decision,
            triage,
            rules,
            notes,
            headings,
            evidence,
            next_steps,
            safety_net,
        })),
        _ => Err(r.problems),
    }
}
