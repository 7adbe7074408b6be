//! The questionnaire file as written: a serde model of the TOML, with source spans kept on the
//! pieces that validation may need to point at. Nothing here is checked beyond TOML types;
//! [`super::build`] turns it into a [`super::Questionnaire`].

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// A whole questionnaire file (assembled table by table, see `parse`).
#[derive(Debug)]
pub struct RawDoc {
    pub meta: RawMeta,
    pub text: RawText,
    pub sections: Vec<RawSection>,
    pub questions: Vec<RawQuestion>,
    pub classes: Vec<RawClass>,
    pub decision: RawDecision,
    pub triage: Vec<RawTriage>,
    pub rules: Vec<RawRule>,
    pub notes: Vec<RawNote>,
    pub headings: Vec<RawHeading>,
    pub evidence: Vec<RawEvidence>,
    pub next_steps: Vec<RawNote>,
    pub safety_net: Vec<RawNote>,
}

/// A history-taking heading (SOCRATES, subjective examination) questions can be tagged with.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHeading {
    pub id: Spanned<String>,
    pub label: String,
    pub scheme: String,
    #[serde(default)]
    pub about: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    pub id: String,
    pub title: String,
    pub version: String,
    pub language: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawText {
    pub welcome: String,
    pub disclaimer: String,
    #[serde(default = "default_yes")]
    pub yes: String,
    #[serde(default = "default_no")]
    pub no: String,
    #[serde(default = "default_unsure")]
    pub unsure: String,
}

fn default_yes() -> String {
    "Yes".into()
}
fn default_no() -> String {
    "No".into()
}
fn default_unsure() -> String {
    "Not sure".into()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub id: Spanned<String>,
    pub title: String,
    #[serde(default)]
    pub intro: Option<String>,
}

/// The four kinds of question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawKind {
    Single,
    Multi,
    Scale,
    YesNo,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: Spanned<String>,
    pub section: Spanned<String>,
    #[serde(rename = "type")]
    pub kind: RawKind,
    pub prompt: String,
    #[serde(default)]
    pub topic: Option<String>,
    #[serde(default)]
    pub headings: Vec<Spanned<String>>,
    #[serde(default)]
    pub why: Option<String>,
    #[serde(default)]
    pub help: Option<String>,
    #[serde(default = "default_true")]
    pub required: bool,
    #[serde(default)]
    pub ask_when: Option<Spanned<RawCondition>>,
    #[serde(default)]
    pub cap: Option<Spanned<i32>>,
    #[serde(default)]
    pub options: Vec<RawOption>,
    #[serde(default)]
    pub min: Option<Spanned<i64>>,
    #[serde(default)]
    pub max: Option<Spanned<i64>>,
    #[serde(default)]
    pub min_label: Option<String>,
    #[serde(default)]
    pub max_label: Option<String>,
    #[serde(default)]
    pub unsure: Option<bool>,
}

fn default_true() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    pub id: Spanned<String>,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub exclusive: bool,
    /// The option deliberately carries no evidence and no condition names it.
    #[serde(default)]
    pub neutral: bool,
    #[serde(default)]
    pub weights: Option<Spanned<BTreeMap<String, i32>>>,
    /// The weights count only when this holds (it may read any question).
    #[serde(default)]
    pub counts_when: Option<Spanned<RawCondition>>,
    #[serde(default)]
    pub rationale: Option<String>,
}

/// A condition as written: one form per table, checked when built.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCondition {
    #[serde(default)]
    pub question: Option<Spanned<String>>,
    #[serde(default)]
    pub equals: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub any_of: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub all_of: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub none_of: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub at_least: Option<i64>,
    #[serde(default)]
    pub at_most: Option<i64>,
    #[serde(default)]
    pub answered: Option<bool>,
    #[serde(default)]
    pub not: Option<Box<Spanned<RawCondition>>>,
    #[serde(default)]
    pub all: Option<Vec<Spanned<RawCondition>>>,
    #[serde(default)]
    pub any: Option<Vec<Spanned<RawCondition>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClass {
    pub id: Spanned<String>,
    pub label: String,
    #[serde(default)]
    pub term: Option<String>,
    pub summary: String,
    #[serde(default)]
    pub next_steps: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDecision {
    pub undecided: Spanned<String>,
    pub min_score: Spanned<i32>,
    pub min_share: Spanned<f64>,
    pub weak_text: String,
    pub split_text: String,
    /// Why the classification is set aside when a `set_aside` rule fires.
    #[serde(default)]
    pub set_aside_text: Option<String>,
    #[serde(default)]
    pub strength: Vec<RawStrength>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStrength {
    pub at_least: i32,
    pub label: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTriage {
    pub id: Spanned<String>,
    pub rank: Spanned<i32>,
    pub label: String,
    pub time_frame: String,
    pub advice: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub id: Spanned<String>,
    pub label: String,
    pub when: Spanned<RawCondition>,
    pub triage: Spanned<String>,
    #[serde(default)]
    pub red_flag: bool,
    #[serde(default)]
    pub interrupt: bool,
    /// The picture belongs to neither class: the classification is set aside.
    #[serde(default)]
    pub set_aside: bool,
    #[serde(default)]
    pub advice: Option<String>,
}

/// A text of the result (`[[notes]]`, `[[next_steps]]`, `[[safety_net]]`), shown when its
/// condition holds, the triage level is one of `levels` and the class one of `classes` (an
/// absent filter always passes).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNote {
    pub id: Spanned<String>,
    #[serde(default)]
    pub when: Option<Spanned<RawCondition>>,
    #[serde(default)]
    pub levels: Vec<Spanned<String>>,
    #[serde(default)]
    pub classes: Vec<Spanned<String>>,
    pub text: String,
}

/// An evidence rule: points toward classes when a condition over several answers holds.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvidence {
    pub id: Spanned<String>,
    pub label: String,
    pub when: Spanned<RawCondition>,
    pub weights: Spanned<BTreeMap<String, i32>>,
    pub rationale: String,
    /// Other wordings of the rationale, each used when its condition holds (first match wins).
    #[serde(default)]
    pub rationale_when: Vec<RawRationale>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRationale {
    pub when: Spanned<RawCondition>,
    pub rationale: String,
}
