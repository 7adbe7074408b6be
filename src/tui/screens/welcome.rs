//! The welcome screen: what kinscreen does, and the disclaimer.

use crate::tui::shell::Screens;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::para;
use crate::t;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, Msg};
use crate::tui::shell::Saving;

pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let q = app.questionnaire();
    let t = app.shell.theme;
    let plain = ratatui::style::Style::new();
    let mut out = vec![
        Line::styled(super::clip(&q.meta.title, usize::from(width)), t.prompt()),
        Line::raw(""),
    ];
    // A returning person first sees what was saved and what to press.
    if let Some(offer) = &app.offer {
        let answered = offer.interview.answers().len();
        let mut text = t!(
            "welcome-offer",
            when = readable_time(&offer.saved_at),
            answers = answered
        );
        if offer.changed {
            text.push(' ');
            text.push_str(&t!("welcome-offer-changed"));
        }
        out.extend(para(&text, width, t.prompt(), "", ""));
        if !offer.dropped.is_empty() {
            let dropped = t!("welcome-offer-dropped", answers = offer.dropped.join(", "));
            out.extend(para(&dropped, width, t.status(), "", ""));
        }
        out.extend(para(
            &t!(
                "welcome-offer-keys",
                resume = Ctx::Welcome.label(Msg::Resume),
                start = Ctx::Welcome.label(Msg::Confirm)
            ),
            width,
            t.key(),
            "",
            "",
        ));
        out.push(Line::raw(""));
    }
    out.extend(para(&q.text.welcome, width, plain, "", ""));
    out.push(Line::raw(""));
    out.extend(para(&q.text.disclaimer, width, t.dim(), "", ""));
    out.push(Line::raw(""));
    let saving = match &app.shell.saving {
        Saving::On(dir) => t!("welcome-saving", folder = dir.as_str()),
        Saving::Off => t!("welcome-not-saving"),
    };
    out.extend(para(&saving, width, t.dim(), "", ""));
    if app.offer.is_none() {
        out.push(Line::raw(""));
        out.push(Line::styled(
            t!("welcome-begin", key = Ctx::Welcome.label(Msg::Confirm)),
            t.key(),
        ));
    }
    out
}

/// `2026-11-21T10:00:00Z` in local time: `2026-11-21 11:00 CET`.
fn readable_time(rfc3339: &str) -> String {
    crate::clock::local_time(rfc3339)
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lines = lines(app, area.width);
    let window = app.scroll.window(lines.len(), usize::from(area.height));
    super::draw_window(frame, area, lines, window, app.shell.theme);
}
