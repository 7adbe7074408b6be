//! The debrief: the marks, what was missed and why, the whole case, the teaching points.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{tags, tick};
use crate::practice::{CriticalError, Grade, Reply, TriageCall};
use crate::tui::practice::{PracticeApp, mode_name};
use crate::tui::screens::{clip, para};

/// What every part of the debrief reads.
#[derive(Clone, Copy)]
struct Debrief<'a> {
    app: &'a PracticeApp,
    g: &'a Grade,
    width: u16,
}

/// The debrief, as lines for the given width.
pub fn debrief_lines(app: &PracticeApp, g: &Grade, width: u16) -> Vec<Line<'static>> {
    let d = Debrief { app, g, width };
    let mut out = Vec::new();
    for part in [
        marks,
        global_rating,
        critical_errors,
        hypothesis,
        red_flags,
        essential,
        added_nothing,
        findings,
        whole_case,
        teaching,
        marking,
    ] {
        part(&mut out, &d);
    }
    out
}

/// A blank line and a section title.
fn section(out: &mut Vec<Line<'static>>, d: &Debrief, title: &str) {
    out.push(Line::raw(""));
    out.push(Line::styled(
        clip(title, usize::from(d.width)),
        d.app.shell.theme.title(),
    ));
}

/// The verdict, the total and a bar for each part of the score.
fn marks(out: &mut Vec<Line<'static>>, d: &Debrief) {
    let Debrief { app, g, .. } = *d;
    let t = app.shell.theme;
    let verdict = if g.passed { "PASS" } else { "FAIL" };
    let style = if g.passed { t.good() } else { t.bad() };
    let mut head = vec![
        Span::styled(
            format!("{verdict}  {} / {}", g.total, app.marking.scheme.max()),
            style.add_modifier(ratatui::style::Modifier::BOLD),
        ),
        Span::raw(format!(
            "  {} · pass mark {}",
            g.band, app.marking.scheme.pass_mark
        )),
    ];
    if !g.critical_errors.is_empty() {
        head.push(Span::styled(" · critical error", t.bad()));
    }
    out.push(Line::from(head));
    out.push(Line::styled(
        clip(
            &format!(
                "{} question(s), {}",
                app.attempt.questions().len(),
                mode_name(app.attempt.mode)
            ),
            usize::from(d.width),
        ),
        t.dim(),
    ));
    for p in &g.parts {
        let filled = (p.points * 10 + p.max / 2).checked_div(p.max).unwrap_or(10) as usize;
        out.push(Line::from(vec![
            Span::raw(format!("  {:<16}{:>3}/{:<3} ", p.name, p.points, p.max)),
            Span::styled("█".repeat(filled), t.gauge()),
            Span::styled("░".repeat(10 - filled.min(10)), t.dim()),
        ]));
    }
}

/// The global rating's reasons, next to the checklist.
fn global_rating(out: &mut Vec<Line<'static>>, d: &Debrief) {
    let Debrief { app, g, width } = *d;
    section(out, d, &app.marking.parts.global);
    for reason in &g.global {
        out.extend(para(reason, width, Style::new(), "• ", "  "));
    }
    if g.unclear > 0 {
        out.extend(para(
            &format!(
                "{} typed question(s) asked nothing the patient could answer (focus).",
                g.unclear
            ),
            width,
            app.shell.theme.dim(),
            "• ",
            "  ",
        ));
    }
}

/// The critical errors, which fail the station whatever the points.
fn critical_errors(out: &mut Vec<Line<'static>>, d: &Debrief) {
    let Debrief { app, g, width } = *d;
    let t = app.shell.theme;
    let s = app.current();
    let q = s.questionnaire();
    if !g.critical_errors.is_empty() {
        section(out, d, "Critical errors: the station is failed");
        for e in &g.critical_errors {
            out.extend(para(
                &e.describe(&app.marking, q),
                width,
                t.bad(),
                "✗ ",
                "  ",
            ));
        }
        if g.critical_errors
            .iter()
            .any(|e| matches!(e, CriticalError::MissedScreening(_)))
        {
            out.extend(para(
                "Every patient is screened for red flags, early, whatever the story sounds like.",
                width,
                t.dim(),
                "  ",
                "  ",
            ));
        }
    }
}

/// The student's picture and triage against the key.
fn hypothesis(out: &mut Vec<Line<'static>>, d: &Debrief) {
    let Debrief { app, g, width } = *d;
    let t = app.shell.theme;
    let s = app.current();
    let q = s.questionnaire();
    let h = app.attempt.hypothesis();
    section(out, d, "Your hypothesis");
    if let Some(h) = h {
        let (mark, style) = tick(t, g.class_correct);
        let mut picture = format!("Picture: {}", crate::summary::class_term(q, h.class));
        if !g.class_correct {
            let accepted: Vec<String> = s
                .classes
                .iter()
                .map(|c| crate::summary::class_term(q, *c))
                .collect();
            picture.push_str(&format!(". The key says: {}", accepted.join(" or ")));
        }
        out.extend(para(&picture, width, style, mark, "  "));
        let (mark, style) = tick(t, g.triage_call == TriageCall::Right);
        let said = &q.triage[h.triage].label;
        let needed = &q.triage[s.triage].label;
        let triage = match g.triage_call {
            TriageCall::Right => format!("How soon: {said}"),
            TriageCall::Over(n) => {
                format!(
                    "How soon: {said}, {n} level(s) more urgent than needed. The key says: {needed}"
                )
            }
            TriageCall::Under(n) => {
                format!(
                    "How soon: {said}, {n} level(s) less urgent than needed. The key says: {needed}"
                )
            }
        };
        out.extend(para(&triage, width, style, mark, "  "));
        if g.guessed {
            out.extend(para(
                &format!(
                    "Fewer than half the essential items were asked, so this counts as a guess: those points are divided by {}.",
                    app.marking.scheme.guess_divisor
                ),
                width,
                t.bad(),
                "! ",
                "  ",
            ));
        }
    }
}

/// Each red-flag screening item: asked early, late, or never.
fn red_flags(out: &mut Vec<Line<'static>>, d: &Debrief) {
    let Debrief { app, g, width } = *d;
    let t = app.shell.theme;
    let s = app.current();
    let q = s.questionnaire();
    section(out, d, "Red-flag screening");
    for (i, place, early) in &g.critical_asked {
        let (mark, style) = tick(t, *early);
        let when = if *early {
            "early"
        } else {
            "late: screen red flags first"
        };
        out.extend(para(
            &format!(
                "{}: asked as question {place} ({when})",
                q.questions[*i].topic()
            ),
            width,
            style,
            mark,
            "  ",
        ));
    }
    for i in &g.critical_missed {
        out.extend(para(
            &format!("{}: never asked", q.questions[*i].topic()),
            width,
            t.bad(),
            "✗ ",
            "  ",
        ));
    }
    for (i, signs) in &g.critical_partial {
        let item = &q.questions[*i];
        out.extend(para(
            &format!("{}: asked in part; signs never asked:", item.topic()),
            width,
            t.bad(),
            "✗ ",
            "  ",
        ));
        for o in signs {
            out.extend(para(
                q.sign_name(*i, *o),
                width,
                t.bad(),
                "    - ",
                "      ",
            ));
        }
    }
}

/// The essential items asked, and what the patient would have said to those missed.
fn essential(out: &mut Vec<Line<'static>>, d: &Debrief) {
    let Debrief { app, g, width } = *d;
    let t = app.shell.theme;
    let s = app.current();
    let q = s.questionnaire();
    section(out, d, "Essential items");
    let asked_essential = s.essential.len() - g.essential_missed.len();
    out.extend(para(
        &format!("{asked_essential} of {} asked.", s.essential.len()),
        width,
        Style::new(),
        "  ",
        "  ",
    ));
    for i in &g.essential_missed {
        out.extend(para(
            &format!("Missed: {} ({})", q.questions[*i].topic(), tags(q, *i)),
            width,
            t.bad(),
            "✗ ",
            "  ",
        ));
        if let Reply::Said(text) = s.reply(*i) {
            out.extend(para(
                &format!("The patient would have said: “{text}”"),
                width,
                t.dim(),
                "    ",
                "    ",
            ));
        }
    }
}

/// Questions whose answer told nothing about this patient.
fn added_nothing(out: &mut Vec<Line<'static>>, d: &Debrief) {
    let Debrief { app, g, width } = *d;
    let s = app.current();
    let q = s.questionnaire();
    section(out, d, "Questions that added nothing for this patient");
    if g.added_nothing.is_empty() {
        out.push(Line::raw("  None: every question counted."));
    }
    for i in &g.added_nothing {
        out.extend(para(
            q.questions[*i].topic(),
            width,
            Style::new(),
            "• ",
            "  ",
        ));
    }
}

/// The findings named, and whether each supports the key.
fn findings(out: &mut Vec<Line<'static>>, d: &Debrief) {
    let Debrief { app, g, width } = *d;
    let t = app.shell.theme;
    let s = app.current();
    let q = s.questionnaire();
    let h = app.attempt.hypothesis();
    if let Some(h) = h {
        section(out, d, "Findings you named");
        if h.findings.is_empty() {
            out.push(Line::styled("  None named.", t.dim()));
        }
        for (i, ok) in &g.findings {
            let (mark, style) = tick(t, *ok);
            let why = if *ok {
                "supports the key"
            } else {
                "does not point toward the key for this patient"
            };
            out.extend(para(
                &format!("{}: {why}", q.questions[*i].topic()),
                width,
                style,
                mark,
                "  ",
            ));
        }
    }
}

/// The key, in clinical words: the picture, how soon, the red flags, and the answers that
/// weighed most.
fn whole_case(out: &mut Vec<Line<'static>>, d: &Debrief) {
    let Debrief { app, width, .. } = *d;
    let t = app.shell.theme;
    let s = app.current();
    let q = s.questionnaire();
    let a = &s.assessment;
    section(out, d, "The key says");
    let accepted: Vec<String> = s
        .classes
        .iter()
        .map(|c| crate::summary::class_term(q, *c))
        .collect();
    out.extend(para(
        &format!(
            "Picture: {}. How soon: {}.",
            accepted.join(" or "),
            q.triage[s.triage].label
        ),
        width,
        Style::new(),
        "  ",
        "  ",
    ));
    for r in &a.red_flags {
        out.extend(para(
            &q.rules[*r].label,
            width,
            t.bad(),
            "  Red flag: ",
            "    ",
        ));
    }
    // The answers that weighed most, as the result screen names them.
    let answers = s.full.effective_answers();
    let mut evidence: Vec<&crate::assess::Evidence> =
        a.evidence.iter().filter(|e| e.weight != 0).collect();
    evidence.sort_by_key(|e| std::cmp::Reverse(e.weight.abs()));
    for e in evidence.into_iter().take(6) {
        let row = crate::summary::row(q, e, &answers);
        out.extend(para(
            &format!(
                "{}: {} toward {}",
                row.what,
                row.points_text(),
                crate::summary::class_term(q, e.class).to_lowercase()
            ),
            width,
            t.dim(),
            "  • ",
            "    ",
        ));
    }
}

/// The case's teaching points.
fn teaching(out: &mut Vec<Line<'static>>, d: &Debrief) {
    let Debrief { app, width, .. } = *d;
    let s = app.current();
    section(out, d, "Teaching points");
    for point in &s.case.key.teaching {
        out.extend(para(point, width, Style::new(), "• ", "  "));
    }
}

/// The marking rules, from the marking scheme.
fn marking(out: &mut Vec<Line<'static>>, d: &Debrief) {
    let Debrief { app, width, .. } = *d;
    let t = app.shell.theme;
    section(out, d, "How this station is marked");
    for rule in &app.marking.rules {
        out.extend(para(&rule.replace("**", ""), width, t.dim(), "• ", "  "));
    }
}

pub(super) fn render(app: &PracticeApp, frame: &mut Frame, area: Rect) {
    let Some(g) = &app.grade else {
        return;
    };
    let lines = debrief_lines(app, g, area.width);
    let window = app.scroll.window(lines.len(), usize::from(area.height));
    crate::tui::screens::draw_window(frame, area, lines, window, app.shell.theme);
}
