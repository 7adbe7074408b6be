//! Reports of a finished (or early-stopped) interview: a JSON record with stable field names
//! and a plain-text summary. Every word of clinical meaning comes from the questionnaire.

use serde::{Deserialize, Serialize};

use crate::assess::{Assessment, Basis, Evidence};
use crate::engine::Interview;
use crate::questionnaire::{CIdx, Questionnaire};

/// The JSON record of `kinscreen score --format json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub questionnaire: QuestionnaireRef,
    /// False when the interview ended early after a red flag.
    pub complete: bool,
    pub classification: String,
    pub classification_label: String,
    /// `decided`, `weak` (too little evidence) or `split` (evidence both ways).
    pub basis: String,
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
    /// Question ids answered, in interview order.
    pub path: Vec<String>,
    pub answers: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceRecord {
    pub question: String,
    pub answer: String,
    pub class: String,
    pub weight: i32,
    pub full_weight: i32,
    pub capped: bool,
    pub rationale: String,
}

fn basis_name(b: Basis) -> &'static str {
    match b {
        Basis::Decided => "decided",
        Basis::Weak => "weak",
        Basis::Split => "split",
    }
}

/// Builds the JSON record.
pub fn record(interview: &Interview) -> Record {
    let q = interview.questionnaire();
    let a = interview.assessment();
    let answers = interview.effective_answers();
    let class = &q.classes[a.classification];
    let level = &q.triage[a.triage];
    Record {
        questionnaire: QuestionnaireRef {
            id: q.meta.id.clone(),
            version: q.meta.version.clone(),
        },
        complete: interview.is_complete(),
        classification: class.id.clone(),
        classification_label: class.label.clone(),
        basis: basis_name(a.basis).to_string(),
        strength: a.strength.clone(),
        share: (a.share * 1000.0).round() / 1000.0,
        triage: level.id.clone(),
        triage_label: level.label.clone(),
        time_frame: level.time_frame.clone(),
        scores: q
            .classes
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != q.decision.undecided)
            .map(|(i, c)| (c.id.clone(), a.scores[i].into()))
            .collect(),
        red_flags: a.red_flags.iter().map(|r| q.rules[*r].id.clone()).collect(),
        rules_fired: a.fired.iter().map(|r| q.rules[*r].id.clone()).collect(),
        triggers: a.triggers.iter().map(|r| q.rules[*r].id.clone()).collect(),
        evidence: a
            .evidence
            .iter()
            .map(|e| EvidenceRecord {
                question: q.questions[e.question].id.clone(),
                answer: q.questions[e.question].kind.options()[e.option].id.clone(),
                class: q.classes[e.class].id.clone(),
                weight: e.weight,
                full_weight: e.full_weight,
                capped: e.capped(),
                rationale: rationale(q, e).to_string(),
            })
            .collect(),
        notes: a.notes.iter().map(|n| q.notes[*n].text.clone()).collect(),
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

/// The rationale of a piece of evidence.
pub fn rationale<'q>(q: &'q Questionnaire, e: &Evidence) -> &'q str {
    q.questions[e.question].kind.options()[e.option]
        .rationale
        .as_deref()
        .unwrap_or("")
}

/// A class in plain words, then its clinical term: "Knee collapsing inward (valgus)".
pub fn class_name(q: &Questionnaire, c: CIdx) -> String {
    let class = &q.classes[c];
    match &class.term {
        Some(t) => format!("{} ({t})", class.label),
        None => class.label.clone(),
    }
}

/// One line about how strong and how split the evidence is.
pub fn strength_line(q: &Questionnaire, a: &Assessment) -> String {
    let scored: Vec<String> = (0..q.classes.len())
        .filter(|c| *c != q.decision.undecided)
        .map(|c| format!("{} {}", a.scores[c], q.classes[c].label.to_lowercase()))
        .collect();
    let mut line = format!("Points: {}.", scored.join(", "));
    if let Some(s) = &a.strength {
        line.push_str(&format!(" Strength of the leading side: {s}."));
    }
    if a.leader.is_some() {
        line.push_str(&format!(
            " {:.0}% of the points lean one way.",
            a.share * 100.0
        ));
    }
    line
}

/// Why an undecided classification came out undecided, from the questionnaire's words.
pub fn basis_text<'q>(q: &'q Questionnaire, a: &Assessment) -> Option<&'q str> {
    match a.basis {
        Basis::Decided => None,
        Basis::Weak => Some(&q.decision.weak_text),
        Basis::Split => Some(&q.decision.split_text),
    }
}

/// Scored classes, the classification (or leader) first.
pub fn scored_classes(q: &Questionnaire, a: &Assessment) -> Vec<CIdx> {
    let first = a.leader.unwrap_or(a.classification);
    let mut classes: Vec<CIdx> = (0..q.classes.len())
        .filter(|c| *c != q.decision.undecided)
        .collect();
    classes.sort_by_key(|c| (*c != first, std::cmp::Reverse(a.scores[*c])));
    classes
}

/// One evidence line: "+3  Which came first? -> Another joint ...: rationale".
pub fn evidence_line(q: &Questionnaire, e: &Evidence) -> String {
    let question = &q.questions[e.question];
    let option = &question.kind.options()[e.option];
    let capped = if e.capped() {
        format!(" (capped from {})", e.full_weight)
    } else {
        String::new()
    };
    format!(
        "{:+}{capped}  {} -> {}: {}",
        e.weight,
        question.prompt.trim(),
        option.label,
        rationale(q, e)
    )
}

/// How a group of evidence relates to the classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    For,
    Against,
    /// Undecided result: the evidence toward one of the classes.
    Toward,
}

/// Evidence under one heading.
#[derive(Debug)]
pub struct Group<'a> {
    pub side: Side,
    pub heading: String,
    pub evidence: Vec<&'a Evidence>,
}

/// The evidence as every front end shows it: for and against a decided class, or, when the
/// result is undecided, what points toward each class (strongest first).
pub fn evidence_groups<'a>(q: &Questionnaire, a: &'a Assessment) -> Vec<Group<'a>> {
    if a.basis == Basis::Decided {
        let c = a.classification;
        let label = &q.classes[c].label;
        vec![
            Group {
                side: Side::For,
                heading: format!("Evidence for: {label}"),
                evidence: a.evidence_for(c).collect(),
            },
            Group {
                side: Side::Against,
                heading: format!("Evidence against: {label}"),
                evidence: a.evidence_against(c).collect(),
            },
        ]
    } else {
        scored_classes(q, a)
            .into_iter()
            .map(|c| Group {
                side: Side::Toward,
                heading: format!("Pointing toward: {}", q.classes[c].label),
                evidence: a.evidence_for(c).collect(),
            })
            .collect()
    }
}

/// The labels of the non-red-flag rules that fired, joined.
pub fn trigger_labels(q: &Questionnaire, a: &Assessment) -> String {
    a.triggers
        .iter()
        .map(|r| q.rules[*r].label.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The plain-text report.
pub fn text(interview: &Interview) -> String {
    let q = interview.questionnaire();
    let a = interview.assessment();
    let level = &q.triage[a.triage];
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    line(&format!("{} (version {})", q.meta.title, q.meta.version));
    line("");
    line(&format!("HOW SOON: {} - {}", level.label, level.time_frame));
    line(&format!("  {}", level.advice.trim()));
    if a.red_flags.is_empty() {
        line("Red flags: none reported.");
    } else {
        line("Red flags:");
        for r in &a.red_flags {
            let rule = &q.rules[*r];
            line(&format!("  ! {}", rule.label));
            if let Some(advice) = &rule.advice {
                line(&format!("    {advice}"));
            }
        }
    }
    if !a.triggers.is_empty() {
        line(&format!("Also considered: {}.", trigger_labels(q, &a)));
    }
    line("");
    line(&format!("MOST LIKE: {}", class_name(q, a.classification)));
    line(&format!("  {}", q.classes[a.classification].summary.trim()));
    if let Some(why) = basis_text(q, &a) {
        line(&format!("  {why}"));
    }
    line(&format!("  {}", strength_line(q, &a)));
    for group in evidence_groups(q, &a) {
        line("");
        line(&format!("{}:", group.heading));
        if group.evidence.is_empty() {
            line("  (nothing)");
        }
        for e in group.evidence {
            line(&format!("  {}", evidence_line(q, e)));
        }
    }
    if !a.notes.is_empty() {
        line("");
        line("Notes:");
        for n in &a.notes {
            line(&format!("  - {}", q.notes[*n].text));
        }
    }
    line("");
    line("Next steps:");
    for step in &q.classes[a.classification].next_steps {
        line(&format!("  - {step}"));
    }
    if !interview.is_complete() {
        line("");
        line("The interview ended early after a red flag; unanswered questions were not counted.");
    }
    line("");
    line(q.text.disclaimer.trim());
    out
}

/// Where a report came from, when it is a saved interview.
#[derive(Debug, Clone, Copy)]
pub struct Provenance<'a> {
    pub id: &'a str,
    pub finished_at: &'a str,
}

fn md(s: &str) -> String {
    s.trim().replace('|', "\\|").replace('\n', " ")
}

/// A one-page Markdown summary a clinician can read in a minute: how soon first, then the
/// picture with the evidence for and against, every answer by section in plain words, the
/// disclaimer and the questionnaire version.
pub fn markdown(interview: &Interview, from: Option<Provenance<'_>>) -> String {
    let q = interview.questionnaire();
    let a = interview.assessment();
    let level = &q.triage[a.triage];
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    line(&format!("# kinscreen report: {}", md(&q.meta.title)));
    line("");
    line(&format!(
        "**How soon: {}.** {}",
        md(&level.label),
        md(&level.time_frame)
    ));
    line("");
    line(&md(&level.advice));
    line("");
    if !a.red_flags.is_empty() {
        line("**Warning signs reported:**");
        line("");
        for r in &a.red_flags {
            let rule = &q.rules[*r];
            let advice = rule.advice.as_deref().map(md).unwrap_or_default();
            line(&format!("- **{}.** {advice}", md(&rule.label)));
        }
        line("");
    }
    if !a.triggers.is_empty() {
        line(&format!(
            "Also behind the advice on how soon: {}.",
            md(&trigger_labels(q, &a))
        ));
        line("");
    }
    line("## What the answers look most like");
    line("");
    line(&format!("**{}**", md(&class_name(q, a.classification))));
    line("");
    line(&md(&q.classes[a.classification].summary));
    if let Some(why) = basis_text(q, &a) {
        line("");
        line(&md(why));
    }
    line("");
    line(&md(&strength_line(q, &a)));
    for group in evidence_groups(q, &a) {
        line("");
        line(&format!("### {}", md(&group.heading)));
        line("");
        if group.evidence.is_empty() {
            line("None.");
            continue;
        }
        line("| Points | Question | Answer | Why it counts |");
        line("| ---: | --- | --- | --- |");
        for e in group.evidence {
            let question = &q.questions[e.question];
            let points = if e.capped() {
                format!("{:+} (capped from {:+})", e.weight, e.full_weight)
            } else {
                format!("{:+}", e.weight)
            };
            line(&format!(
                "| {points} | {} | {} | {} |",
                md(&question.prompt),
                md(&question.kind.options()[e.option].label),
                md(rationale(q, e))
            ));
        }
    }
    if !a.notes.is_empty() {
        line("");
        line("### Worth knowing");
        line("");
        for n in &a.notes {
            line(&format!("- {}", md(&q.notes[*n].text)));
        }
    }
    line("");
    line("### Next steps");
    line("");
    for step in &q.classes[a.classification].next_steps {
        line(&format!("- {}", md(step)));
    }
    line("");
    line("## Answers");
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
    if !interview.is_complete() {
        line("");
        line(
            "_The interview ended early after a warning sign; unanswered questions were not counted._",
        );
    }
    line("");
    line("---");
    line("");
    let mut source = format!(
        "Questionnaire: {} (`{}`, version {}, fingerprint `{}`).",
        md(&q.meta.title),
        q.meta.id,
        q.meta.version,
        q.fingerprint.get(..12).unwrap_or(&q.fingerprint)
    );
    if let Some(p) = from {
        source.push_str(&format!(
            " Interview `{}`, finished {}.",
            p.id, p.finished_at
        ));
    }
    line(&source);
    line("");
    line(&format!("_{}_", md(&q.text.disclaimer)));
    out
}
