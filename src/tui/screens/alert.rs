//! The red-flag alert: shown at once when an answer raises one, before anything else.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Padding, Paragraph};

use super::para;
use crate::engine::State;
use crate::questionnaire::{RIdx, TIdx};
use crate::tui::app::App;

/// The alert's text for the rules being raised now.
pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let State::Alert(rules) = app.interview.state() else {
        return Vec::new();
    };
    let q = app.questionnaire();
    let t = app.shell.theme;
    let level = rules
        .iter()
        .map(|r| q.rules[*r].triage)
        .max()
        .unwrap_or_default();
    let style = t.triage(level, q.triage.len());
    let mut out = Vec::new();
    let overall = overall_level(app, rules);
    if overall > level {
        // A lesser sign found after a more urgent one never reads as a downgrade.
        out.extend(para(
            &format!(
                "Your earlier advice still stands: {}. {}",
                q.triage[overall].label, q.triage[overall].time_frame
            ),
            width,
            t.triage(overall, q.triage.len()),
            "",
            "",
        ));
        out.extend(para(
            "This is an additional warning sign:",
            width,
            t.prompt(),
            "",
            "",
        ));
        out.push(Line::raw(""));
    }
    out.extend(para(&q.triage[level].label, width, style, "", ""));
    out.extend(para(&q.triage[level].time_frame, width, t.prompt(), "", ""));
    out.push(Line::raw(""));
    // The signs at this alert's level with their advice; lesser signs raised at the same time
    // are only named (their advice would read like a downgrade).
    let (top, lesser): (Vec<RIdx>, Vec<RIdx>) =
        rules.iter().partition(|r| q.rules[**r].triage == level);
    for r in &top {
        let rule = &q.rules[*r];
        out.extend(para(&rule.label, width, t.prompt(), "• ", "  "));
        if let Some(advice) = &rule.advice {
            out.extend(para(
                advice,
                width,
                ratatui::style::Style::new(),
                "  ",
                "  ",
            ));
        }
        out.push(Line::raw(""));
    }
    if !lesser.is_empty() {
        let labels: Vec<&str> = lesser.iter().map(|r| q.rules[*r].label.as_str()).collect();
        out.extend(para(
            &format!("Also found: {}.", labels.join("; ")),
            width,
            t.dim(),
            "",
            "",
        ));
        out.push(Line::raw(""));
    }
    out.extend(para(
        &q.triage[level].advice,
        width,
        ratatui::style::Style::new(),
        "",
        "",
    ));
    out.push(Line::raw(""));
    let next = if app.interview.can_finish_early() {
        "This advice stays at the top of every screen from now on. You may go on with the questions, see the result now, or go back if you chose this by mistake."
    } else {
        "This advice stays at the top of every screen from now on. Please go on with the questions: some later answers can make this more urgent. Go back if you chose this by mistake."
    };
    out.extend(para(next, width, t.dim(), "", ""));
    out
}

/// The most urgent level among these rules and the red flags already seen.
fn overall_level(app: &App, rules: &[RIdx]) -> TIdx {
    let q = app.questionnaire();
    rules
        .iter()
        .chain(app.interview.acknowledged())
        .map(|r| q.rules[*r].triage)
        .max()
        .unwrap_or_default()
}

pub fn render(app: &App, rules: &[RIdx], frame: &mut Frame, area: Rect) {
    let q = app.questionnaire();
    let level = overall_level(app, rules);
    let style = app.shell.theme.triage(level, q.triage.len());
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .padding(Padding::horizontal(1))
        .border_style(style)
        .title(Line::styled(" ! Important ", style));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = lines(app, inner.width);
    let first = app.scroll.show(lines.len(), usize::from(inner.height));
    frame.render_widget(Paragraph::new(lines).scroll((first as u16, 0)), inner);
}
