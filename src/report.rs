//! Reports of a finished (or early-stopped) interview: a JSON record with stable field names
//! and a plain-text summary. Every word of clinical meaning comes from the questionnaire.

use serde::{Deserialize, Serialize};

use crate::assess::{Basis, Evidence, Source};
use crate::engine::Interview;
use crate::questionnaire::{Answers, Questionnaire};
use crate::summary::{self, Summary, md};
use crate::t;

/// The JSON record of `kinscreen score --format json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub questionnaire: QuestionnaireRef,
    /// False when the interview ended early after a red flag.
    pub complete: bool,
    pub classification: String,
    pub classification_label: String,
    /// `decided`, `weak` (too little evidence), `split` (evidence both ways) or `set_aside`
    /// (a finding that belongs to neither class comes first).
    pub basis: String,
    /// The rules that set the classification aside (empty when it is not set aside).
    #[serde(default)]
    pub set_aside: Vec<String>,
    pub strength: Option<String>,
    /// The leading class's share of all points.
    pub share: f64,
    pub triage: String,
    pub triage_label: String,
    pub time_frame: String,
    pub scores: serde_json::Map<String, serde_json::Value>,
    pub red_flags: Vec<String>,
    pub rules_fired: Vec<String>,
    /// Rules that fired and are not red flags.
    pub triggers: Vec<String>,
    pub evidence: Vec<EvidenceRecord>,
    pub notes: Vec<String>,
    /// What to do next, never empty.
    #[serde(default)]
    pub next_steps: Vec<TextRecord>,
    /// "Get help at once if" signs (given at the routine and self-care levels).
    #[serde(default)]
    pub safety_net: Vec<TextRecord>,
    /// Question ids answered, in interview order.
    pub path: Vec<String>,
    pub answers: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
}

/// A piece of evidence: from one answer (`question`, `answer`) or from an evidence rule
/// (`rule`, with the questions it read).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// For a rule: the answered questions its condition read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub because: Vec<String>,
    pub class: String,
    pub weight: i32,
    pub full_weight: i32,
    pub capped: bool,
    pub rationale: String,
}

/// A text of the result with its id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextRecord {
    pub id: String,
    pub text: String,
}

fn basis_name(b: Basis) -> &'static str {
    match b {
        Basis::Decided => "decided",
        Basis::Weak => "weak",
        Basis::Split => "split",
        Basis::SetAside => "set_aside",
    }
}

fn evidence_record(q: &Questionnaire, e: &Evidence, answers: &Answers) -> EvidenceRecord {
    let (question, answer, rule, because) = match e.source {
        Source::Answer { question, option } => {
            let question = &q.questions[question];
            (
                Some(question.id.clone()),
                Some(question.kind.options()[option].id.clone()),
                None,
                Vec::new(),
            )
        }
        Source::Rule(r) => {
            let because = e
                .because(q, answers)
                .into_iter()
                .map(|i| q.questions[i].id.clone())
                .collect();
            (None, None, Some(q.evidence[r].id.clone()), because)
        }
    };
    EvidenceRecord {
        question,
        answer,
        rule,
        because,
        class: q.classes[e.class].id.clone(),
        weight: e.weight,
        full_weight: e.full_weight,
        capped: e.capped(),
        rationale: summary::rationale(q, e, answers).trim().to_string(),
    }
}

/// Builds the JSON record.
pub fn record(interview: &Interview) -> Record {
    let q = interview.questionnaire();
    let a = interview.assessment();
    let answers = interview.effective_answers();
    let class = &q.classes[a.classification];
    let level = &q.triage[a.triage];
    let text = |id: String, text: &str| TextRecord {
        id,
        text: text.trim().to_string(),
    };
    Record {
        questionnaire: QuestionnaireRef {
            id: q.meta.id.clone(),
            version: q.meta.version.clone(),
        },
        complete: interview.is_complete(),
        classification: class.id.clone(),
        classification_label: class.label.clone(),
        basis: basis_name(a.basis).to_string(),
        set_aside: a.set_aside.iter().map(|r| q.rules[*r].id.clone()).collect(),
        strength: a.strength.clone(),
        share: (a.share * 1000.0).round() / 1000.0,
        triage: level.id.clone(),
        triage_label: level.label.clone(),
        time_frame: level.time_frame.clone(),
        scores: q
            .class_indices()
            .zip(&q.classes)
            .filter(|(i, _)| *i != q.decision.undecided)
            .map(|(i, c)| (c.id.clone(), a.scores[i].into()))
            .collect(),
        red_flags: a.red_flags.iter().map(|r| q.rules[*r].id.clone()).collect(),
        rules_fired: a.fired.iter().map(|r| q.rules[*r].id.clone()).collect(),
        triggers: a.triggers.iter().map(|r| q.rules[*r].id.clone()).collect(),
        evidence: a
            .evidence
            .iter()
            .map(|e| evidence_record(q, e, &answers))
            .collect(),
        notes: a.notes.iter().map(|n| q.notes[*n].text.clone()).collect(),
        next_steps: a
            .next_steps
            .iter()
            .map(|s| {
                let (id, t) = s.text(q);
                text(id, t)
            })
            .collect(),
        safety_net: a
            .safety_net
            .iter()
            .map(|n| text(q.safety_net[*n].id.clone(), &q.safety_net[*n].text))
            .collect(),
        path: interview
            .asked()
            .into_iter()
            .map(|i| q.questions[i].id.clone())
            .collect(),
        answers: answers
            .iter()
            .map(|(i, ans)| (q.questions[*i].id.clone(), ans.to_ids(&q.questions[*i])))
            .collect(),
    }
}

/// The summary of a finished (or early-stopped) interview.
pub fn summary_of(interview: &Interview) -> Summary {
    let q = interview.questionnaire();
    summary::summarize(
        q,
        &interview.assessment(),
        &interview.effective_answers(),
        interview.is_complete(),
    )
}

/// The plain-text report.
pub fn text(interview: &Interview) -> String {
    let q = interview.questionnaire();
    format!(
        "{}\n\n{}",
        t!(
            "report-title",
            title = q.meta.title.as_str(),
            version = q.meta.version.as_str()
        ),
        summary::to_text(&summary_of(interview))
    )
}

/// Where a report came from, when it is a saved interview.
#[derive(Debug, Clone, Copy)]
pub struct Provenance<'a> {
    pub id: &'a str,
    pub finished_at: &'a str,
}

/// A one-page Markdown summary a clinician can read in a minute: the result in the order of
/// every front end, every answer by section in plain words, and the questionnaire version.
pub fn markdown(interview: &Interview, from: Option<Provenance<'_>>) -> String {
    let q = interview.questionnaire();
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    line(&format!(
        "# {}",
        t!("report-markdown-title", title = md(&q.meta.title))
    ));
    line("");
    let body = summary::to_markdown(&summary_of(interview));
    line(body.trim_end());
    line("");
    line(&format!("## {}", t!("report-answers")));
    let answers = interview.effective_answers();
    for (s, section) in q.sections.iter().enumerate() {
        let asked: Vec<_> = answers
            .iter()
            .filter(|(i, _)| q.questions[**i].section == s)
            .collect();
        if asked.is_empty() {
            continue;
        }
        line("");
        line(&format!("### {}", md(&section.title)));
        line("");
        for (i, answer) in asked {
            let question = &q.questions[*i];
            line(&format!(
                "- {} **{}**",
                md(&question.prompt),
                md(&answer.describe(question))
            ));
        }
    }
    line("");
    line("---");
    line("");
    let mut source = t!(
        "report-source",
        title = md(&q.meta.title),
        id = q.meta.id.as_str(),
        version = q.meta.version.as_str(),
        fingerprint = q.fingerprint.get(..12).unwrap_or(&q.fingerprint)
    );
    if let Some(p) = from {
        source.push(' ');
        source.push_str(&t!("report-interview", id = p.id, finished = p.finished_at));
    }
    line(&source);
    out
}
