//! One format-neutral description of a result, in the order every front end shows it: how soon
//! and where, (when set aside: why), what the picture looks like, the evidence for and against,
//! what to do next, the safety net, then the disclaimer. Text, Markdown and the screens only lay
//! these blocks out, so their wording and order cannot drift apart. Pure: data in, data out.

use crate::assess::{Assessment, Basis, Evidence, Source};
use crate::questionnaire::{Answers, CIdx, Questionnaire, TIdx};
use crate::t;

/// How a block should stand out; each back end maps it to its own means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    /// Secondary text (rationales, the disclaimer).
    Dim,
    /// A key line (the class found, a time frame).
    Strong,
    /// Evidence for the class found.
    Good,
    /// Evidence against, warning signs.
    Bad,
    /// Coloured by urgency: this triage level.
    Triage(TIdx),
}

/// One piece of evidence, ready to lay out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Points that counted.
    pub points: i32,
    /// The question's cap cut these points (they still show, "counted in the cap").
    pub capped: bool,
    /// Points before the cap.
    pub full_points: i32,
    /// "Question → answer", or the evidence rule's label.
    pub what: String,
    /// For an evidence rule: the answers that made it count.
    pub because: Option<String>,
    pub rationale: String,
}

impl Row {
    /// The points in words: "+2", "+0 (counted in the cap; +1 before it)".
    pub fn points_text(&self) -> String {
        if self.capped {
            t!(
                "points-capped",
                points = format!("{:+}", self.points),
                full = format!("{:+}", self.full_points)
            )
        } else {
            format!("{:+}", self.points)
        }
    }
}

/// A unit of the summary.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading: level 1 opens a part, level 2 a group within it.
    Heading {
        level: u8,
        text: String,
        tone: Tone,
    },
    Para {
        text: String,
        tone: Tone,
    },
    Bullet {
        text: String,
        tone: Tone,
    },
    Evidence(Row),
    /// Points per class, leading class first (the screen draws bars).
    Scores(Vec<(String, i32)>),
    /// A pause before the closing lines.
    Gap,
}

/// The parts of a result, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    HowSoon,
    SetAside,
    Picture,
    Evidence,
    NextSteps,
    SafetyNet,
    ForLearning,
    Closing,
}

/// A result as blocks, part by part.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub parts: Vec<(Part, Vec<Block>)>,
}

/// How many blocks at the top of [`Part::HowSoon`] a screen keeps fixed: the level, the time
/// frame and the leading advice.
pub const PINNED: usize = 3;

impl Summary {
    /// Every block in order.
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.parts.iter().flat_map(|(_, b)| b)
    }

    /// The blocks of one part.
    pub fn part(&self, part: Part) -> &[Block] {
        self.parts
            .iter()
            .find(|(p, _)| *p == part)
            .map_or(&[], |(_, b)| b.as_slice())
    }
}

fn heading(level: u8, text: impl Into<String>, tone: Tone) -> Block {
    Block::Heading {
        level,
        text: text.into(),
        tone,
    }
}

fn para(text: impl AsRef<str>, tone: Tone) -> Block {
    Block::Para {
        text: text.as_ref().trim().to_string(),
        tone,
    }
}

fn bullet(text: impl AsRef<str>, tone: Tone) -> Block {
    Block::Bullet {
        text: text.as_ref().trim().to_string(),
        tone,
    }
}

/// A class in plain words, then its clinical term: "Pain sent from somewhere else (likely
/// referred pain)".
/// A class as a clinician names it (its term, else its label), for students.
pub fn class_term(q: &Questionnaire, c: CIdx) -> String {
    let class = &q.classes[c];
    let name = class.term.as_deref().unwrap_or(&class.label);
    let mut chars = name.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A class in plain words, then its term.
pub fn class_name(q: &Questionnaire, c: CIdx) -> String {
    let class = &q.classes[c];
    match &class.term {
        Some(t) => format!("{} ({t})", class.label),
        None => class.label.clone(),
    }
}

/// Scored classes, the classification (or leader) first.
pub fn scored_classes(q: &Questionnaire, a: &Assessment) -> Vec<CIdx> {
    let first = a.leader.unwrap_or(a.classification);
    let mut classes: Vec<CIdx> = q
        .class_indices()
        .filter(|c| *c != q.decision.undecided)
        .collect();
    classes.sort_by_key(|c| (*c != first, std::cmp::Reverse(a.scores[*c])));
    classes
}

/// One line about how strong and how split the evidence is.
pub fn strength_line(q: &Questionnaire, a: &Assessment) -> String {
    let scored: Vec<String> = scored_classes(q, a)
        .into_iter()
        .map(|c| format!("{} {}", a.scores[c], q.classes[c].label.to_lowercase()))
        .collect();
    let mut line = t!("strength-points", points = scored.join(", "));
    if let Some(s) = &a.strength {
        line.push(' ');
        line.push_str(&t!("strength-leading", strength = s.as_str()));
    }
    if a.leader.is_some() {
        line.push(' ');
        line.push_str(&t!(
            "strength-share",
            share = format!("{:.0}", a.share * 100.0)
        ));
    }
    line
}

/// Why an undecided classification came out undecided, from the questionnaire's words.
pub fn basis_text(q: &Questionnaire, a: &Assessment) -> Option<String> {
    match a.basis {
        Basis::Decided => None,
        Basis::Weak => Some(q.decision.weak_text.clone()),
        Basis::Split => Some(q.decision.split_text.clone()),
        Basis::SetAside => Some(
            q.decision
                .set_aside_text
                .clone()
                .unwrap_or_else(|| t!("result-set-aside-default")),
        ),
    }
}

/// The rationale of a piece of evidence.
pub fn rationale<'q>(q: &'q Questionnaire, e: &Evidence, answers: &Answers) -> &'q str {
    match e.source {
        Source::Answer { question, option } => q.questions[question].kind.options()[option]
            .rationale
            .as_deref()
            .unwrap_or(""),
        Source::Rule(r) => q.evidence[r].rationale_for(answers),
    }
}

/// A piece of evidence as a row.
pub fn row(q: &Questionnaire, e: &Evidence, answers: &Answers) -> Row {
    let (what, because) = match e.source {
        Source::Answer { question, option } => {
            let question = &q.questions[question];
            (
                format!(
                    "{} → {}",
                    question.prompt.trim(),
                    question.kind.options()[option].label
                ),
                None,
            )
        }
        Source::Rule(r) => {
            let given: Vec<String> = e
                .because(q, answers)
                .into_iter()
                .filter_map(|i| {
                    let question = &q.questions[i];
                    Some(format!(
                        "{}: {}",
                        question.topic(),
                        answers.get(&i)?.describe(question)
                    ))
                })
                .collect();
            (q.evidence[r].label.clone(), Some(given.join(" · ")))
        }
    };
    Row {
        points: e.weight,
        capped: e.capped(),
        full_points: e.full_weight,
        what,
        because,
        rationale: rationale(q, e, answers).trim().to_string(),
    }
}

/// Evidence under one heading, for and against a decided class, or toward each class.
fn evidence_blocks(q: &Questionnaire, a: &Assessment, answers: &Answers, out: &mut Vec<Block>) {
    let rows = |list: Vec<&Evidence>, out: &mut Vec<Block>| {
        if list.is_empty() {
            out.push(para(t!("evidence-none"), Tone::Dim));
        }
        out.extend(
            list.into_iter()
                .map(|e| Block::Evidence(row(q, e, answers))),
        );
    };
    if a.basis == Basis::Decided {
        let c = a.classification;
        let label = &q.classes[c].label;
        out.push(heading(
            2,
            t!("evidence-for", class = label.as_str()),
            Tone::Good,
        ));
        rows(a.evidence_for(c).collect(), out);
        out.push(heading(
            2,
            t!("evidence-against", class = label.as_str()),
            Tone::Bad,
        ));
        rows(a.evidence_against(c).collect(), out);
    } else {
        for c in scored_classes(q, a) {
            out.push(heading(
                2,
                t!("evidence-toward", class = q.classes[c].label.as_str()),
                Tone::Strong,
            ));
            rows(a.evidence_for(c).collect(), out);
        }
    }
}

fn scores(q: &Questionnaire, a: &Assessment) -> Block {
    Block::Scores(
        scored_classes(q, a)
            .into_iter()
            .map(|c| (q.classes[c].label.clone(), a.scores[c]))
            .collect(),
    )
}

/// The summary of an assessment. `answers` are the answers that count; `complete` is false
/// when the interview stopped early after a red flag.
pub fn summarize(q: &Questionnaire, a: &Assessment, answers: &Answers, complete: bool) -> Summary {
    let level = &q.triage[a.triage];
    let urgent = Tone::Triage(a.triage);
    let mut parts = Vec::new();

    // How soon and where: the advice of the most urgent rule leads.
    let with_advice: Vec<usize> = a
        .fired
        .iter()
        .copied()
        .filter(|r| q.rules[*r].advice.is_some())
        .collect();
    let lead = with_advice
        .first()
        .filter(|r| q.rules[**r].triage == a.triage);
    let mut how = vec![
        heading(
            1,
            t!("result-how-soon", level = level.label.as_str()),
            urgent,
        ),
        para(&level.time_frame, Tone::Strong),
        para(
            lead.and_then(|r| q.rules[*r].advice.as_deref())
                .unwrap_or(&level.advice),
            Tone::Plain,
        ),
    ];
    // Other advice at the same level (lesser advice would read like a downgrade).
    let others: Vec<usize> = with_advice
        .iter()
        .copied()
        .filter(|r| Some(r) != lead && q.rules[*r].triage == a.triage)
        .collect();
    if !a.red_flags.is_empty() {
        how.push(heading(2, t!("result-warning-signs"), Tone::Bad));
        for r in &a.red_flags {
            how.push(bullet(&q.rules[*r].label, Tone::Bad));
        }
    }
    if !others.is_empty() {
        how.push(heading(2, t!("result-also-found"), Tone::Strong));
        for r in others {
            let rule = &q.rules[r];
            how.push(bullet(
                format!(
                    "{}: {}",
                    rule.label,
                    rule.advice.as_deref().unwrap_or("").trim()
                ),
                Tone::Plain,
            ));
        }
    }
    let plain_triggers: Vec<&str> = a
        .triggers
        .iter()
        .filter(|r| q.rules[**r].advice.is_none())
        .map(|r| q.rules[*r].label.as_str())
        .collect();
    if !plain_triggers.is_empty() {
        how.push(para(
            t!("result-also-behind", signs = plain_triggers.join("; ")),
            Tone::Dim,
        ));
    }
    parts.push((Part::HowSoon, how));

    let set_aside = a.basis == Basis::SetAside;
    if set_aside {
        let mut why = vec![
            heading(1, t!("result-set-aside"), Tone::Strong),
            para(
                basis_text(q, a).unwrap_or_else(|| t!("result-set-aside-default")),
                Tone::Plain,
            ),
        ];
        for r in &a.set_aside {
            why.push(bullet(&q.rules[*r].label, Tone::Plain));
        }
        parts.push((Part::SetAside, why));
    }

    // What the picture looks like.
    let mut picture = vec![
        heading(1, t!("result-picture"), Tone::Strong),
        para(class_name(q, a.classification), Tone::Strong),
    ];
    // Set aside, the reason above says why; the undecided class's own words ("points both
    // ways") would give a wrong one.
    if !set_aside {
        picture.push(para(&q.classes[a.classification].summary, Tone::Plain));
    }
    if !set_aside && let Some(why) = basis_text(q, a) {
        picture.push(para(why, Tone::Plain));
    }
    for n in &a.notes {
        picture.push(bullet(&q.notes[*n].text, Tone::Plain));
    }
    let any_points = a.scores.iter().any(|s| *s != 0);
    if !set_aside && any_points {
        picture.push(scores(q, a));
        picture.push(para(strength_line(q, a), Tone::Dim));
    }
    parts.push((Part::Picture, picture));

    if !set_aside && any_points {
        let mut ev = vec![heading(1, t!("result-evidence"), Tone::Strong)];
        evidence_blocks(q, a, answers, &mut ev);
        parts.push((Part::Evidence, ev));
    }

    let mut next = vec![heading(1, t!("result-next-steps"), Tone::Strong)];
    for step in &a.next_steps {
        next.push(bullet(step.text(q).1, Tone::Plain));
    }
    parts.push((Part::NextSteps, next));

    if !a.safety_net.is_empty() {
        let mut net = vec![heading(1, t!("result-safety-net"), Tone::Bad)];
        for n in &a.safety_net {
            net.push(bullet(&q.safety_net[*n].text, Tone::Plain));
        }
        parts.push((Part::SafetyNet, net));
    }

    if set_aside && any_points {
        let mut learn = vec![
            heading(1, t!("result-for-learning"), Tone::Dim),
            para(t!("result-for-learning-note"), Tone::Dim),
            scores(q, a),
            para(strength_line(q, a), Tone::Dim),
        ];
        evidence_blocks(q, a, answers, &mut learn);
        parts.push((Part::ForLearning, learn));
    }

    let mut closing = vec![Block::Gap];
    if !complete {
        closing.push(para(t!("result-stopped-early"), Tone::Dim));
        closing.push(Block::Gap);
    }
    closing.push(para(&q.text.disclaimer, Tone::Dim));
    parts.push((Part::Closing, closing));
    Summary { parts }
}

/// The summary as plain text: part headings underlined, bullets with "-", evidence rows with
/// their points, rationales indented.
pub fn to_text(s: &Summary) -> String {
    let mut out = String::new();
    let mut first = true;
    for block in s.blocks() {
        match block {
            Block::Heading { level, text, .. } => {
                if !first {
                    out.push('\n');
                }
                if *level == 1 {
                    out.push_str(text);
                    out.push('\n');
                    out.push_str(&"=".repeat(text.chars().count()));
                } else {
                    out.push_str(text);
                    out.push(':');
                }
                out.push('\n');
            }
            Block::Para { text, .. } => {
                out.push_str(&indent(text, "  ", "  "));
            }
            Block::Bullet { text, .. } => out.push_str(&indent(text, "  - ", "    ")),
            Block::Evidence(r) => {
                out.push_str(&indent(
                    &r.what,
                    &format!("  {} ", r.points_text()),
                    "      ",
                ));
                if let Some(b) = &r.because {
                    out.push_str(&indent(
                        &t!("evidence-because", answers = b.as_str()),
                        "      ",
                        "      ",
                    ));
                }
                out.push_str(&indent(&r.rationale, "      ", "      "));
            }
            // The strength line that follows gives the points in words.
            Block::Scores(_) => {}
            Block::Gap => out.push('\n'),
        }
        first = false;
    }
    out
}

fn indent(text: &str, first: &str, rest: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.trim().lines().enumerate() {
        out.push_str(if i == 0 { first } else { rest });
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if out.is_empty() {
        out.push_str(first.trim_end());
        out.push('\n');
    }
    out
}

/// Markdown inline text: table pipes escaped, one line.
pub fn md(s: &str) -> String {
    s.trim().replace('|', "\\|").replace('\n', " ")
}

/// The summary as Markdown (headings `##`/`###`, evidence as tables).
pub fn to_markdown(s: &Summary) -> String {
    let mut out = String::new();
    // What the previous block left open: a list or a table ends with a blank line.
    let mut open = false;
    for block in s.blocks() {
        let continues = matches!(block, Block::Evidence(_) | Block::Bullet { .. });
        if open && !continues {
            out.push('\n');
            open = false;
        }
        match block {
            Block::Heading { level, text, .. } => {
                let hashes = if *level == 1 { "##" } else { "###" };
                out.push_str(&format!("{hashes} {}\n\n", md(text)));
            }
            Block::Para { text, tone } => {
                let text = md(text);
                let text = match tone {
                    Tone::Strong | Tone::Triage(_) => format!("**{text}**"),
                    Tone::Dim => format!("_{text}_"),
                    _ => text,
                };
                out.push_str(&format!("{text}\n\n"));
            }
            Block::Bullet { text, .. } => {
                out.push_str(&format!("- {}\n", md(text)));
                open = true;
            }
            Block::Evidence(r) => {
                if !out.ends_with("|\n") {
                    if open {
                        out.push('\n');
                    }
                    out.push_str(&format!(
                        "| {} | {} | {} |\n| ---: | --- | --- |\n",
                        t!("table-points"),
                        t!("table-answer"),
                        t!("table-why")
                    ));
                }
                let what = match &r.because {
                    Some(b) => format!("{} ({})", md(&r.what), md(b)),
                    None => md(&r.what),
                };
                out.push_str(&format!(
                    "| {} | {what} | {} |\n",
                    r.points_text(),
                    md(&r.rationale)
                ));
                open = true;
            }
            Block::Scores(_) | Block::Gap => {}
        }
    }
    if open {
        out.push('\n');
    }
    out
}
