//! The red-flag alert: shown at once when an answer raises one, before anything else.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Padding};

use super::para;
use crate::engine::State;
use crate::questionnaire::{RIdx, TIdx};
use crate::tui::app::App;
use crate::view::AlertView;

/// The alert's text for the rules being raised now: [`AlertView`] laid out.
pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let State::Alert(rules) = app.interview.state() else {
        return Vec::new();
    };
    let q = app.questionnaire();
    let t = app.shell.theme;
    let a = AlertView::of(&app.interview, rules);
    let style = t.triage(a.level.index, q.triage.len());
    let mut out = Vec::new();
    if let (Some(earlier), Some(text)) = (&a.earlier, a.earlier_text()) {
        // A lesser sign found after a more urgent one never reads as a downgrade.
        out.extend(para(
            &text,
            width,
            t.triage(earlier.index, q.triage.len()),
            "",
            "",
        ));
        out.extend(para(
            &crate::t!("alert-additional"),
            width,
            t.prompt(),
            "",
            "",
        ));
        out.push(Line::raw(""));
    }
    out.extend(para(&a.level.label, width, style, "", ""));
    out.extend(para(&a.level.time_frame, width, t.prompt(), "", ""));
    out.push(Line::raw(""));
    // The signs at this alert's level with their advice; lesser signs raised at the same time
    // are only named (their advice would read like a downgrade).
    for sign in &a.signs {
        out.extend(para(&sign.label, width, t.prompt(), "• ", "  "));
        if let Some(advice) = &sign.advice {
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
    if let Some(also) = a.also_text() {
        out.extend(para(&also, width, t.dim(), "", ""));
        out.push(Line::raw(""));
    }
    out.extend(para(
        &a.level.advice,
        width,
        ratatui::style::Style::new(),
        "",
        "",
    ));
    out.push(Line::raw(""));
    out.extend(para(&a.next, width, t.dim(), "", ""));
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
        .title(Line::styled(
            format!(" ! {} ", crate::t!("title-important")),
            style,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = lines(app, inner.width);
    let window = app.scroll.window(lines.len(), usize::from(inner.height));
    super::draw_window(frame, inner, lines, window, app.shell.theme);
}
