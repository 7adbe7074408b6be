//! What the debrief of a marked attempt says, computed once with no terminal: the marks, then
//! sections of marked sentences (critical errors, the hypothesis against the key, red-flag
//! screening, essential items, what added nothing, findings, the key, teaching points, the
//! marking rules). The practice screen and practice in line mode only lay it out, so the two
//! cannot say different things.

use super::{AskMode, Attempt, CriticalError, Grade, Marking, Reply, Station, TriageCall};
use crate::summary::class_term;

/// How a sentence of the debrief is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Right.
    Good,
    /// Wrong or missing.
    Bad,
    /// A warning about the marks themselves.
    Warn,
    /// One of a list.
    Bullet,
    /// Plain text of the section.
    Plain,
    /// A remark in the background.
    Note,
    /// One of a list, in the background.
    Aside,
    /// A red flag of the case (not the student's error).
    Alert,
}

/// One sentence, with details under it (the signs not asked, the reply that was missed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub mark: Mark,
    pub text: String,
    pub details: Vec<String>,
}

/// A titled part of the debrief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub items: Vec<Item>,
}

/// One part of the score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Points {
    pub name: String,
    pub points: u32,
    pub max: u32,
}

/// The whole debrief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Debrief {
    pub passed: bool,
    pub total: u32,
    pub max: u32,
    pub band: String,
    pub pass_mark: u32,
    pub critical_error: bool,
    pub questions: usize,
    /// The most cued way of asking used ("typed questions").
    pub mode: &'static str,
    pub parts: Vec<Points>,
    pub sections: Vec<Section>,
}

/// A way of asking, in words.
pub fn mode_name(mode: AskMode) -> &'static str {
    match mode {
        AskMode::Typed => "typed questions",
        AskMode::LongMenu => "long menu",
        AskMode::Guided => "guided (board)",
    }
}

fn item(mark: Mark, text: impl Into<String>) -> Item {
    Item {
        mark,
        text: text.into(),
        details: Vec::new(),
    }
}

fn tick(ok: bool) -> Mark {
    if ok { Mark::Good } else { Mark::Bad }
}

/// The debrief of `attempt` at station `s`, marked `g`.
pub fn debrief(marking: &Marking, s: &Station, attempt: &Attempt, g: &Grade) -> Debrief {
    let q = s.questionnaire();
    let topic = |i: usize| q.questions[i].topic().to_string();
    let mut sections = Vec::new();

    // The global rating's reasons, next to the checklist.
    let mut items: Vec<Item> = g.global.iter().map(|r| item(Mark::Bullet, r)).collect();
    if g.unclear > 0 {
        items.push(item(
            Mark::Aside,
            format!(
                "{} typed question(s) asked nothing the patient could answer (focus).",
                g.unclear
            ),
        ));
    }
    sections.push(Section {
        title: marking.parts.global.clone(),
        items,
    });

    if !g.critical_errors.is_empty() {
        let mut items: Vec<Item> = g
            .critical_errors
            .iter()
            .map(|e| item(Mark::Bad, e.describe(marking, q)))
            .collect();
        if g.critical_errors
            .iter()
            .any(|e| matches!(e, CriticalError::MissedScreening(_)))
        {
            items.push(item(
                Mark::Note,
                "Every patient is screened for red flags, early, whatever the story sounds like.",
            ));
        }
        sections.push(Section {
            title: "Critical errors: the station is failed".into(),
            items,
        });
    }

    let accepted: Vec<String> = s.classes.iter().map(|c| class_term(q, *c)).collect();
    let needed = &q.triage[s.triage].label;
    let mut items = Vec::new();
    if let Some(h) = attempt.hypothesis() {
        let mut picture = format!("Picture: {}", class_term(q, h.class));
        if !g.class_correct {
            picture.push_str(&format!(". The key says: {}", accepted.join(" or ")));
        }
        items.push(item(tick(g.class_correct), picture));
        let said = &q.triage[h.triage].label;
        let triage = match g.triage_call {
            TriageCall::Right => format!("How soon: {said}"),
            TriageCall::Over(n) => format!(
                "How soon: {said}, {n} level(s) more urgent than needed. The key says: {needed}"
            ),
            TriageCall::Under(n) => format!(
                "How soon: {said}, {n} level(s) less urgent than needed. The key says: {needed}"
            ),
        };
        items.push(item(tick(g.triage_call == TriageCall::Right), triage));
        if g.guessed {
            items.push(item(
                Mark::Warn,
                format!(
                    "Fewer than half the essential items were asked, so this counts as a guess: those points are divided by {}.",
                    marking.scheme.guess_divisor
                ),
            ));
        }
    }
    sections.push(Section {
        title: "Your hypothesis".into(),
        items,
    });

    let mut items = Vec::new();
    for (i, place, early) in &g.critical_asked {
        let when = if *early {
            "early"
        } else {
            "late: screen red flags first"
        };
        items.push(item(
            tick(*early),
            format!("{}: asked as question {place} ({when})", topic(*i)),
        ));
    }
    for i in &g.critical_missed {
        items.push(item(Mark::Bad, format!("{}: never asked", topic(*i))));
    }
    for (i, signs) in &g.critical_partial {
        items.push(Item {
            mark: Mark::Bad,
            text: format!("{}: asked in part; signs never asked:", topic(*i)),
            details: signs
                .iter()
                .map(|o| q.sign_name(*i, *o).to_string())
                .collect(),
        });
    }
    sections.push(Section {
        title: "Red-flag screening".into(),
        items,
    });

    let asked_essential = s.essential.len() - g.essential_missed.len();
    let mut items = vec![item(
        Mark::Plain,
        format!("{asked_essential} of {} asked.", s.essential.len()),
    )];
    for i in &g.essential_missed {
        let headings: Vec<&str> = q.questions[*i]
            .headings
            .iter()
            .map(|h| q.headings[*h].label.as_str())
            .collect();
        let mut missed = item(
            Mark::Bad,
            format!("Missed: {} ({})", topic(*i), headings.join(" · ")),
        );
        if let Reply::Said(text) = s.reply(*i) {
            missed
                .details
                .push(format!("The patient would have said: “{text}”"));
        }
        items.push(missed);
    }
    sections.push(Section {
        title: "Essential items".into(),
        items,
    });

    let mut items: Vec<Item> = g
        .added_nothing
        .iter()
        .map(|i| item(Mark::Bullet, topic(*i)))
        .collect();
    if items.is_empty() {
        items.push(item(Mark::Plain, "None: every question counted."));
    }
    sections.push(Section {
        title: "Questions that added nothing for this patient".into(),
        items,
    });

    if let Some(h) = attempt.hypothesis() {
        let mut items: Vec<Item> = g
            .findings
            .iter()
            .map(|(i, ok)| {
                let why = if *ok {
                    "supports the key"
                } else {
                    "does not point toward the key for this patient"
                };
                item(tick(*ok), format!("{}: {why}", topic(*i)))
            })
            .collect();
        if h.findings.is_empty() {
            items.push(item(Mark::Note, "None named."));
        }
        sections.push(Section {
            title: "Findings you named".into(),
            items,
        });
    }

    // The key, in clinical words: the picture, how soon, the red flags, and the answers that
    // weighed most, as the result screen names them.
    let a = &s.assessment;
    let mut items = vec![item(
        Mark::Plain,
        format!("Picture: {}. How soon: {needed}.", accepted.join(" or ")),
    )];
    for r in &a.red_flags {
        items.push(item(
            Mark::Alert,
            format!("Red flag: {}", q.rules[*r].label),
        ));
    }
    let answers = s.full.effective_answers();
    let mut evidence: Vec<&crate::assess::Evidence> =
        a.evidence.iter().filter(|e| e.weight != 0).collect();
    evidence.sort_by_key(|e| std::cmp::Reverse(e.weight.abs()));
    for e in evidence.into_iter().take(6) {
        let row = crate::summary::row(q, e, &answers);
        items.push(item(
            Mark::Aside,
            format!(
                "{}: {} toward {}",
                row.what,
                row.points_text(),
                class_term(q, e.class).to_lowercase()
            ),
        ));
    }
    sections.push(Section {
        title: "The key says".into(),
        items,
    });

    sections.push(Section {
        title: "Teaching points".into(),
        items: s
            .case
            .key
            .teaching
            .iter()
            .map(|p| item(Mark::Bullet, p))
            .collect(),
    });
    sections.push(Section {
        title: "How this station is marked".into(),
        items: marking
            .rules
            .iter()
            .map(|r| item(Mark::Aside, r.replace("**", "")))
            .collect(),
    });

    Debrief {
        passed: g.passed,
        total: g.total,
        max: marking.scheme.max(),
        band: g.band.clone(),
        pass_mark: marking.scheme.pass_mark,
        critical_error: !g.critical_errors.is_empty(),
        questions: attempt.questions().len(),
        mode: mode_name(attempt.mode),
        parts: g
            .parts
            .iter()
            .map(|p| Points {
                name: p.name.clone(),
                points: p.points,
                max: p.max,
            })
            .collect(),
        sections,
    }
}
