//! The result: how soon to be seen (fixed at the top), then what the picture looks most like,
//! how strong and how split the evidence is, the evidence for and against, notes, next steps
//! and the disclaimer (scrolling).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::para;
use crate::assess::{Assessment, Evidence};
use crate::questionnaire::Questionnaire;
use crate::report::{self, Side};
use crate::tui::app::App;
use crate::tui::theme::Theme;

fn panel_lines(app: &App, a: &Assessment, width: u16) -> Vec<Line<'static>> {
    let q = app.questionnaire();
    let level = &q.triage[a.triage];
    let style = app.theme.triage(a.triage, q.triage.len());
    let mut out = para(&format!("How soon: {}", level.label), width, style, "", "");
    out.extend(para(&level.time_frame, width, app.theme.prompt(), "", ""));
    out.extend(para(&level.advice, width, Style::new(), "", ""));
    out
}

/// Evidence lines: points, question → answer, and the rationale under it.
pub(crate) fn evidence_lines(
    q: &Questionnaire,
    t: Theme,
    evidence: &[&Evidence],
    width: u16,
    out: &mut Vec<Line<'static>>,
) {
    if evidence.is_empty() {
        out.push(Line::styled("  (none)", t.dim()));
    }
    for e in evidence {
        let question = &q.questions[e.question];
        let option = &question.kind.options()[e.option];
        let points = if e.capped() {
            format!("{:+} (of {:+}, capped) ", e.weight, e.full_weight)
        } else {
            format!("{:+} ", e.weight)
        };
        out.extend(para(
            &format!("{} → {}", question.prompt.trim(), option.label),
            width,
            Style::new(),
            &format!("  {points}"),
            "     ",
        ));
        out.extend(para(
            report::rationale(q, e),
            width,
            t.dim(),
            "     ",
            "     ",
        ));
    }
}

fn body_lines(app: &App, a: &Assessment, width: u16) -> Vec<Line<'static>> {
    let q = app.questionnaire();
    let t = app.theme;
    let mut out = vec![Line::styled("What your answers look most like", t.dim())];
    out.extend(para(
        &report::class_name(q, a.classification),
        width,
        t.title(),
        "",
        "",
    ));
    out.extend(para(
        &q.classes[a.classification].summary,
        width,
        Style::new(),
        "",
        "",
    ));
    if let Some(why) = report::basis_text(q, a) {
        out.extend(para(why, width, t.prompt(), "", ""));
    }
    out.push(Line::raw(""));
    out.push(Line::styled(
        "How strong and how split the evidence is",
        t.prompt(),
    ));
    let classes = report::scored_classes(q, a);
    let top = classes
        .iter()
        .map(|c| a.scores[*c].max(0))
        .max()
        .unwrap_or(0)
        .max(1);
    let label_w = classes
        .iter()
        .map(|c| q.classes[*c].label.chars().count())
        .max()
        .unwrap_or(0);
    let bar_w = usize::from(width).saturating_sub(label_w + 8).clamp(1, 30);
    for c in &classes {
        let n = a.scores[*c].max(0) as usize * bar_w / top as usize;
        out.push(Line::from(vec![
            Span::raw(format!("  {:<label_w$} ", q.classes[*c].label)),
            Span::styled("█".repeat(n), t.gauge()),
            Span::raw("░".repeat(bar_w - n.min(bar_w))),
            Span::raw(format!(" {}", a.scores[*c])),
        ]));
    }
    out.extend(para(
        &report::strength_line(q, a),
        width,
        t.dim(),
        "  ",
        "  ",
    ));
    out.push(Line::raw(""));

    for (i, group) in report::evidence_groups(q, a).into_iter().enumerate() {
        if i > 0 {
            out.push(Line::raw(""));
        }
        let style = match group.side {
            Side::For => t.good(),
            Side::Against => t.bad(),
            Side::Toward => t.prompt(),
        };
        out.push(Line::styled(group.heading, style));
        evidence_lines(
            app.questionnaire(),
            app.theme,
            &group.evidence,
            width,
            &mut out,
        );
    }
    if !a.red_flags.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled("Warning signs you reported", t.bad()));
        for r in &a.red_flags {
            let rule = &q.rules[*r];
            out.extend(para(&rule.label, width, t.prompt(), "  ! ", "    "));
            if let Some(advice) = &rule.advice {
                out.extend(para(advice, width, Style::new(), "    ", "    "));
            }
        }
    }
    if !a.triggers.is_empty() {
        out.push(Line::raw(""));
        out.extend(para(
            &format!(
                "Also behind the advice on how soon: {}.",
                report::trigger_labels(q, a)
            ),
            width,
            Style::new(),
            "",
            "",
        ));
    }
    if !a.notes.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled("Worth knowing", t.prompt()));
        for n in &a.notes {
            out.extend(para(&q.notes[*n].text, width, Style::new(), "  - ", "    "));
        }
    }
    out.push(Line::raw(""));
    out.push(Line::styled("What to do next", t.prompt()));
    for step in &q.classes[a.classification].next_steps {
        out.extend(para(step, width, Style::new(), "  - ", "    "));
    }
    if !app.interview.is_complete() {
        out.push(Line::raw(""));
        out.extend(para(
            "You stopped after a warning sign, so unanswered questions were not counted.",
            width,
            t.dim(),
            "",
            "",
        ));
    }
    out.push(Line::raw(""));
    out.extend(para(&q.text.disclaimer, width, t.dim(), "", ""));
    out
}

/// Lines of the scrolling part and the rows it has, at this body size.
pub fn scroll_extent(app: &App, body: Rect) -> (usize, u16) {
    let a = app.interview.assessment();
    let panel = panel_lines(app, &a, body.width).len() as u16 + 1;
    (
        body_lines(app, &a, body.width).len(),
        body.height.saturating_sub(panel),
    )
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let a = app.interview.assessment();
    let panel = panel_lines(app, &a, area.width);
    let [panel_a, body_a] = Layout::vertical([
        Constraint::Length(panel.len() as u16 + 1),
        Constraint::Min(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(panel).block(Block::new().borders(Borders::BOTTOM)),
        panel_a,
    );
    let body = body_lines(app, &a, body_a.width);
    frame.render_widget(Paragraph::new(body).scroll((app.scroll as u16, 0)), body_a);
}
