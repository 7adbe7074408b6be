//! The review: every answer that counts, with a jump to change any of them.

use crate::tui::shell::Screens;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::clip;
use crate::t;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, Msg};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let q = app.questionnaire();
    let t = app.shell.theme;
    let w = usize::from(area.width);
    let mut lines = vec![
        Line::styled(
            t!(
                "review-intro",
                change = Ctx::Review.label(Msg::Confirm),
                result = Ctx::Review.label(Msg::Finish)
            ),
            t.dim(),
        ),
        Line::raw(""),
    ];
    let header = lines.len();
    for (row, qi) in app.review_rows().into_iter().enumerate() {
        let question = &q.questions[qi];
        let here = row == app.cursor;
        let style = if here { t.selected() } else { t.prompt() };
        let marker = if here { "› " } else { "  " };
        lines.push(Line::styled(
            clip(&format!("{marker}{}", question.prompt.trim()), w),
            style,
        ));
        let answer = app
            .interview
            .answer(qi)
            .map(|a| a.describe(question))
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::raw("    "),
            Span::styled(clip(&answer, w.saturating_sub(4)), Style::new()),
        ]));
    }
    let cursor_line = header + app.cursor * 2 + 1;
    let window = crate::tui::scroll::Window::new(
        lines.len(),
        usize::from(area.height),
        0,
        Some((cursor_line - 1, cursor_line)),
    );
    super::draw_window(frame, area, lines, window, app.shell.theme);
}
