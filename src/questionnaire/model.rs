//! The validated questionnaire: every id resolved to an index, every condition type-checked.
//! The engine and the assessment work only on this. Answers and the meaning of conditions are
//! defined here too, so that validation can reason about them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Index of a question in [`Questionnaire::questions`] (also its place in the interview order).
pub type QIdx = usize;
/// Index of an option within its question.
pub type OIdx = usize;
/// Index of a class in [`Questionnaire::classes`]: a type of its own, so that it cannot be
/// passed where a triage level is meant (or the other way round).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct CIdx(pub usize);
/// Index of a rule in [`Questionnaire::rules`].
pub type RIdx = usize;
/// Index of a triage level in [`Questionnaire::triage`], sorted from least to most urgent (so a
/// greater level is a more urgent one); a type of its own, like [`CIdx`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct TIdx(pub usize);

/// `vec[index]` for the typed indices.
macro_rules! typed_index {
    ($idx:ty, $item:ty) => {
        impl std::ops::Index<$idx> for Vec<$item> {
            type Output = $item;
            fn index(&self, i: $idx) -> &$item {
                &self[i.0]
            }
        }
        impl std::ops::Index<$idx> for [$item] {
            type Output = $item;
            fn index(&self, i: $idx) -> &$item {
                &self[i.0]
            }
        }
        impl std::ops::IndexMut<$idx> for Vec<$item> {
            fn index_mut(&mut self, i: $idx) -> &mut $item {
                &mut self[i.0]
            }
        }
    };
}
typed_index!(CIdx, Class);

impl TIdx {
    /// How many levels more urgent than `other` this is (0 when it is not).
    pub fn above(self, other: TIdx) -> usize {
        self.0.saturating_sub(other.0)
    }
}
typed_index!(TIdx, TriageLevel);
// Scores per class.
typed_index!(CIdx, i32);
/// Index of an evidence rule in [`Questionnaire::evidence`].
pub type EIdx = usize;

/// A loaded, validated questionnaire.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Questionnaire {
    /// Where it came from (a path, or a name for the built-in one); used in messages.
    #[serde(skip)]
    pub source: String,
    /// The TOML text it was loaded from.
    #[serde(skip)]
    pub document: String,
    /// SHA-256 of that text, in hex: tells whether a saved interview used this very file.
    pub fingerprint: String,
    pub meta: Meta,
    pub text: Text,
    pub sections: Vec<Section>,
    /// Questions in interview order.
    pub questions: Vec<Question>,
    pub classes: Vec<Class>,
    pub decision: Decision,
    /// Triage levels, least urgent first.
    pub triage: Vec<TriageLevel>,
    pub rules: Vec<Rule>,
    /// Evidence rules: points toward classes from combinations of answers.
    pub evidence: Vec<EvidenceRule>,
    /// Remarks on the picture.
    pub notes: Vec<Note>,
    /// What to do next.
    pub next_steps: Vec<Note>,
    /// "Get help at once if" signs.
    pub safety_net: Vec<Note>,
    /// History-taking headings questions are tagged with (for practice mode).
    pub headings: Vec<Heading>,
    /// Lookups made once when the questionnaire is built (see [`Index`]).
    #[serde(skip)]
    pub(crate) index: Index,
}

/// Lookups the engine and the answers files need at every step, made once: question ids to
/// indices, and for each question the interrupting rules that read it (so an answer re-checks
/// only those rules).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Index {
    by_id: std::collections::HashMap<String, QIdx>,
    interrupts_reading: Vec<Vec<RIdx>>,
}

impl Index {
    pub(crate) fn new(questions: &[Question], rules: &[Rule]) -> Index {
        let by_id = questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i))
            .collect();
        let mut interrupts_reading = vec![Vec::new(); questions.len()];
        for (r, rule) in rules.iter().enumerate().filter(|(_, r)| r.interrupt) {
            for qi in rule.when.read() {
                if let Some(list) = interrupts_reading.get_mut(qi) {
                    list.push(r);
                }
            }
        }
        Index {
            by_id,
            interrupts_reading,
        }
    }
}

/// A heading of a history-taking scheme, such as SOCRATES "Site".
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Heading {
    pub id: String,
    pub label: String,
    /// The scheme it belongs to (e.g. "SOCRATES").
    pub scheme: String,
    pub about: Option<String>,
}

/// Identity of a questionnaire.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Meta {
    pub id: String,
    pub title: String,
    pub version: String,
    pub language: String,
}

/// Texts shown outside any question.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Text {
    pub welcome: String,
    pub disclaimer: String,
}

/// A group of questions shown under one heading.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub intro: Option<String>,
}

/// One question of the interview.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub section: usize,
    pub prompt: String,
    /// A few words naming what the question is about (for lists); the prompt when absent.
    pub topic: Option<String>,
    /// Indices into [`Questionnaire::headings`].
    pub headings: Vec<usize>,
    /// The "why we ask" line.
    pub why: Option<String>,
    pub help: Option<String>,
    pub required: bool,
    /// The question is asked only when this holds (conditions name earlier questions only).
    pub ask_when: Option<Condition>,
    /// The most one question can add toward any one class.
    pub cap: Option<i32>,
    pub kind: Kind,
}

impl Question {
    /// What the question is about, in a few words (the prompt when no topic is given).
    pub fn topic(&self) -> &str {
        self.topic.as_deref().unwrap_or(&self.prompt)
    }
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Kind {
    /// Exactly one option (yes/no/unsure questions are single choices with fixed ids).
    Single { options: Vec<Choice>, yes_no: bool },
    /// One or more options; an exclusive option stands alone.
    Multi { options: Vec<Choice> },
    /// A whole number between bounds.
    Scale {
        min: i64,
        max: i64,
        min_label: Option<String>,
        max_label: Option<String>,
    },
}

impl Kind {
    /// The options of a choice question (empty for a scale).
    pub fn options(&self) -> &[Choice] {
        match self {
            Kind::Single { options, .. } | Kind::Multi { options } => options,
            Kind::Scale { .. } => &[],
        }
    }

    /// The options of a choice question, to change (used while building).
    pub fn options_mut(&mut self) -> &mut [Choice] {
        match self {
            Kind::Single { options, .. } | Kind::Multi { options } => options,
            Kind::Scale { .. } => &mut [],
        }
    }

    /// A short name for messages.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Single { yes_no: true, .. } => "yes/no",
            Kind::Single { .. } => "single choice",
            Kind::Multi { .. } => "multi choice",
            Kind::Scale { .. } => "scale",
        }
    }
}

/// An answer option.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub label: String,
    pub exclusive: bool,
    /// Deliberately without effect (no weight, named by no condition).
    pub neutral: bool,
    /// Evidence toward classes, in points.
    pub weights: Vec<(CIdx, i32)>,
    /// The weights count only when this holds.
    pub counts_when: Option<Condition>,
    pub rationale: Option<String>,
}

impl Question {
    /// Position of an option id, if the question has it.
    pub fn option_index(&self, id: &str) -> Option<OIdx> {
        self.kind.options().iter().position(|o| o.id == id)
    }

    /// The option ids, for messages.
    pub fn option_ids(&self) -> Vec<&str> {
        self.kind.options().iter().map(|o| o.id.as_str()).collect()
    }
}

/// A class an assessment can reach.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Class {
    pub id: String,
    /// Plain words.
    pub label: String,
    /// The clinical term, shown second.
    pub term: Option<String>,
    pub summary: String,
    pub next_steps: Vec<String>,
}

/// How scores become a classification.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Decision {
    /// The class given when evidence is weak or split; it takes no weights.
    pub undecided: CIdx,
    /// The leading class needs at least this many points ...
    pub min_score: i32,
    /// ... and at least this share (0..=1) of all points.
    pub min_share: f64,
    pub weak_text: String,
    pub split_text: String,
    /// Why the classification is set aside (when a `set_aside` rule fired).
    pub set_aside_text: Option<String>,
    /// Words for the strength of the leading score, highest threshold first.
    pub strength: Vec<(i32, String)>,
}

/// A triage level.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TriageLevel {
    pub id: String,
    pub rank: i32,
    pub label: String,
    pub time_frame: String,
    pub advice: String,
}

/// A rule that forces at least a triage level when its condition holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rule {
    pub id: String,
    /// What was found, in plain words.
    pub label: String,
    pub when: Condition,
    pub triage: TIdx,
    pub red_flag: bool,
    /// Stop the interview at once and show the advice.
    pub interrupt: bool,
    /// The picture belongs to neither class: the classification is set aside.
    pub set_aside: bool,
    pub advice: Option<String>,
}

/// A text of the result (a note, a next step, a safety-net sign), shown when its condition
/// holds and the triage level and class are among those it names (an empty list names all).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Note {
    pub id: String,
    pub when: Option<Condition>,
    pub levels: Vec<TIdx>,
    pub classes: Vec<CIdx>,
    pub text: String,
}

impl Note {
    /// Whether the text belongs in a result with these answers, triage level and class.
    pub fn applies(&self, answers: &Answers, level: TIdx, class: CIdx) -> bool {
        (self.levels.is_empty() || self.levels.contains(&level))
            && (self.classes.is_empty() || self.classes.contains(&class))
            && self.when.as_ref().is_none_or(|c| holds(c, answers))
    }
}

/// Points toward classes when a condition over several answers holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EvidenceRule {
    pub id: String,
    /// What the combination is, in plain words.
    pub label: String,
    pub when: Condition,
    pub weights: Vec<(CIdx, i32)>,
    pub rationale: String,
    /// Other wordings of the rationale, each used when its condition holds (first match wins).
    pub rationale_when: Vec<(Condition, String)>,
}

impl EvidenceRule {
    /// The rationale that fits these answers.
    pub fn rationale_for(&self, answers: &Answers) -> &str {
        self.rationale_when
            .iter()
            .find(|(c, _)| holds(c, answers))
            .map_or(self.rationale.as_str(), |(_, r)| r.as_str())
    }
}

/// A condition on answers given so far. A question with no answer satisfies no test on its
/// answer (so `Not` of such a test holds).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub enum Condition {
    /// At least one of the options is chosen.
    AnyOf(QIdx, Vec<OIdx>),
    /// Every one of the options is chosen.
    AllOf(QIdx, Vec<OIdx>),
    /// The question is answered and none of the options is chosen.
    NoneOf(QIdx, Vec<OIdx>),
    /// A scale answer within bounds (inclusive; `None` is open).
    Range(QIdx, Option<i64>, Option<i64>),
    /// The question has (or has not) an answer.
    Answered(QIdx, bool),
    Not(Box<Condition>),
    All(Vec<Condition>),
    Any(Vec<Condition>),
}

impl Condition {
    /// The condition in words with ids, e.g. `main_site is not hip` or `severity >= 7`.
    pub fn describe(&self, q: &Questionnaire) -> String {
        let name = |qi: &QIdx| q.questions.get(*qi).map_or("?", |x| x.id.as_str());
        let opts = |qi: &QIdx, os: &[OIdx]| {
            let ids: Vec<&str> = os
                .iter()
                .filter_map(|o| q.questions.get(*qi)?.kind.options().get(*o))
                .map(|o| o.id.as_str())
                .collect();
            if ids.len() == 1 {
                ids[0].to_string()
            } else {
                format!("[{}]", ids.join(", "))
            }
        };
        let nested = |c: &Condition| match c {
            Condition::All(_) | Condition::Any(_) => format!("({})", c.describe(q)),
            _ => c.describe(q),
        };
        match self {
            Condition::AnyOf(qi, os) if os.len() == 1 => {
                format!("{} is {}", name(qi), opts(qi, os))
            }
            Condition::AnyOf(qi, os) => format!("{} any of {}", name(qi), opts(qi, os)),
            Condition::AllOf(qi, os) => format!("{} all of {}", name(qi), opts(qi, os)),
            Condition::NoneOf(qi, os) if os.len() == 1 => {
                format!("{} is not {}", name(qi), opts(qi, os))
            }
            Condition::NoneOf(qi, os) => format!("{} none of {}", name(qi), opts(qi, os)),
            Condition::Range(qi, Some(lo), Some(hi)) if lo == hi => format!("{} = {lo}", name(qi)),
            Condition::Range(qi, Some(lo), Some(hi)) => format!("{lo} <= {} <= {hi}", name(qi)),
            Condition::Range(qi, Some(lo), None) => format!("{} >= {lo}", name(qi)),
            Condition::Range(qi, None, Some(hi)) => format!("{} <= {hi}", name(qi)),
            Condition::Range(qi, None, None) => format!("{} answered", name(qi)),
            Condition::Answered(qi, true) => format!("{} answered", name(qi)),
            Condition::Answered(qi, false) => format!("{} not answered", name(qi)),
            Condition::Not(c) => format!("not {}", nested(c)),
            Condition::All(cs) => cs.iter().map(nested).collect::<Vec<_>>().join(" and "),
            Condition::Any(cs) => cs.iter().map(nested).collect::<Vec<_>>().join(" or "),
        }
    }

    /// The options of question `q` that the condition names, and the scale bounds it uses.
    pub fn atoms(&self, q: QIdx, options: &mut Vec<OIdx>, bounds: &mut Vec<i64>) {
        match self {
            Condition::AnyOf(r, os) | Condition::AllOf(r, os) | Condition::NoneOf(r, os) => {
                if *r == q {
                    options.extend(os);
                }
            }
            Condition::Range(r, lo, hi) => {
                if *r == q {
                    bounds.extend(lo.iter().chain(hi.iter()));
                }
            }
            Condition::Answered(..) => {}
            Condition::Not(c) => c.atoms(q, options, bounds),
            Condition::All(cs) | Condition::Any(cs) => {
                cs.iter().for_each(|c| c.atoms(q, options, bounds))
            }
        }
    }

    /// Every question the condition reads.
    pub fn questions(&self, out: &mut Vec<QIdx>) {
        match self {
            Condition::AnyOf(q, _)
            | Condition::AllOf(q, _)
            | Condition::NoneOf(q, _)
            | Condition::Range(q, _, _)
            | Condition::Answered(q, _) => out.push(*q),
            Condition::Not(c) => c.questions(out),
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| c.questions(out)),
        }
    }

    /// The questions the condition reads, in interview order, each once.
    pub fn read(&self) -> Vec<QIdx> {
        let mut read = Vec::new();
        self.questions(&mut read);
        read.sort_unstable();
        read.dedup();
        read
    }

    /// Whether the condition reads question `q`.
    pub fn reads(&self, q: QIdx) -> bool {
        let mut read = Vec::new();
        self.questions(&mut read);
        read.contains(&q)
    }
}

impl Questionnaire {
    /// Whether question `i` screens for red flags: a red-flag rule reads it alone, so its
    /// answer alone can raise one.
    pub fn is_screening(&self, i: QIdx) -> bool {
        self.rules
            .iter()
            .any(|r| r.red_flag && r.when.read() == [i])
    }

    /// The signs of a screening question that lists several ("any of these?"): its options
    /// other than the exclusive "none of these". Empty for other questions, asked whole.
    pub fn signs(&self, i: QIdx) -> Vec<OIdx> {
        let Some(question) = self.questions.get(i) else {
            return Vec::new();
        };
        if !matches!(question.kind, Kind::Multi { .. }) || !self.is_screening(i) {
            return Vec::new();
        }
        (0..question.kind.options().len())
            .filter(|o| !question.kind.options()[*o].exclusive)
            .collect()
    }

    /// A sign in a few words: the label of the red-flag rule it raises alone ("A swollen, or
    /// painful and tender, calf"), else the option's label.
    pub fn sign_name(&self, i: QIdx, o: OIdx) -> &str {
        let alone = Answers::from([(i, Answer::Choices(vec![o]))]);
        let label = self.questions.get(i).and_then(|q| q.kind.options().get(o));
        self.rules
            .iter()
            .find(|r| r.red_flag && r.when.read() == [i] && holds(&r.when, &alone))
            .map(|r| r.label.as_str())
            .or(label.map(|c| c.label.as_str()))
            .unwrap_or_default()
    }

    /// The question with this id.
    pub fn question_index(&self, id: &str) -> Option<QIdx> {
        self.index.by_id.get(id).copied()
    }

    /// The interrupting rules whose condition reads question `q`.
    pub(crate) fn interrupts_reading(&self, q: QIdx) -> &[RIdx] {
        self.index
            .interrupts_reading
            .get(q)
            .map_or(&[], Vec::as_slice)
    }

    /// The least urgent triage level, used when no rule fires.
    pub fn base_triage(&self) -> TIdx {
        TIdx(0)
    }

    /// The most urgent triage level.
    pub fn top_triage(&self) -> TIdx {
        TIdx(self.triage.len().saturating_sub(1))
    }

    /// Every class, in order.
    pub fn class_indices(&self) -> impl Iterator<Item = CIdx> + use<> {
        (0..self.classes.len()).map(CIdx)
    }

    /// Every triage level, least urgent first.
    pub fn triage_levels(&self) -> impl Iterator<Item = TIdx> + use<> {
        (0..self.triage.len()).map(TIdx)
    }

    /// The class with this id.
    pub fn class_index(&self, id: &str) -> Option<CIdx> {
        self.classes.iter().position(|c| c.id == id).map(CIdx)
    }

    /// The triage level with this id.
    pub fn triage_index(&self, id: &str) -> Option<TIdx> {
        self.triage.iter().position(|t| t.id == id).map(TIdx)
    }
}

/// One answer, by option index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Answer {
    /// A single choice (also yes/no/unsure).
    Choice(OIdx),
    /// A multi choice: distinct options in questionnaire order.
    Choices(Vec<OIdx>),
    /// A scale value.
    Number(i64),
}

impl Answer {
    /// The chosen options (empty for a number).
    pub fn options(&self) -> &[OIdx] {
        match self {
            Answer::Choice(o) => std::slice::from_ref(o),
            Answer::Choices(os) => os,
            Answer::Number(_) => &[],
        }
    }

    /// The answer in words, for screens and reports.
    pub fn describe(&self, q: &Question) -> String {
        match self {
            Answer::Number(n) => n.to_string(),
            _ => self
                .options()
                .iter()
                .filter_map(|o| q.kind.options().get(*o))
                .map(|o| o.label.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    /// The answer as ids (`"sharp"`, `["stairs","walking"]`, `5`).
    pub fn to_ids(&self, q: &Question) -> serde_json::Value {
        let id = |o: &OIdx| {
            serde_json::Value::String(
                q.kind
                    .options()
                    .get(*o)
                    .map_or_else(String::new, |c| c.id.clone()),
            )
        };
        match self {
            Answer::Choice(o) => id(o),
            Answer::Choices(os) => serde_json::Value::Array(os.iter().map(id).collect()),
            Answer::Number(n) => serde_json::Value::from(*n),
        }
    }
}

/// Answers by question index.
pub type Answers = BTreeMap<QIdx, Answer>;

/// Does `c` hold for these answers? A question without an answer satisfies no test on it.
pub fn holds(c: &Condition, answers: &Answers) -> bool {
    match c {
        Condition::AnyOf(q, opts) => answers
            .get(q)
            .is_some_and(|a| a.options().iter().any(|o| opts.contains(o))),
        Condition::AllOf(q, opts) => answers
            .get(q)
            .is_some_and(|a| opts.iter().all(|o| a.options().contains(o))),
        Condition::NoneOf(q, opts) => answers
            .get(q)
            .is_some_and(|a| !a.options().iter().any(|o| opts.contains(o))),
        Condition::Range(q, lo, hi) => match answers.get(q) {
            Some(Answer::Number(n)) => lo.is_none_or(|lo| *n >= lo) && hi.is_none_or(|hi| *n <= hi),
            _ => false,
        },
        Condition::Answered(q, yes) => answers.contains_key(q) == *yes,
        Condition::Not(c) => !holds(c, answers),
        Condition::All(cs) => cs.iter().all(|c| holds(c, answers)),
        Condition::Any(cs) => cs.iter().any(|c| holds(c, answers)),
    }
}
