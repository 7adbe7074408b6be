//! The question line (typed and long-menu modes): the transcript above, the items on offer
//! (the long menu's matches, or the readings a typed question could have), the line itself.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::board::{patient_lines, render_transcript};
use crate::practice::AskMode;
use crate::practice::ask::target_name;
use crate::tui::practice::PracticeApp;
use crate::tui::screens::clip;

/// Rows of the menu at most.
const MENU: usize = 6;

pub(super) fn render(app: &PracticeApp, frame: &mut Frame, area: Rect) {
    let t = app.shell.theme;
    let q = app.current().questionnaire();
    let top = patient_lines(app, area.width);
    let shown = app.menu.len().min(MENU);
    let menu_rows = match app.mode {
        // The long menu keeps its place, so the transcript does not jump while typing.
        AskMode::LongMenu => MENU + 2,
        _ if shown > 0 => shown + 2,
        _ => 0,
    };
    let [head, middle, menu_area, line] = Layout::vertical([
        Constraint::Length(top.len() as u16),
        Constraint::Min(3),
        Constraint::Length(menu_rows as u16),
        Constraint::Length(3),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(top), head);
    render_transcript(app, frame, middle);

    if menu_rows > 0 {
        let title = match (&app.pending, app.mode) {
            (Some(_), _) => " Did you mean… (↑↓, Enter) ".to_string(),
            (None, _) if app.input.trim().chars().count() < 2 => {
                " Long menu: type a few letters ".to_string()
            }
            (None, _) if app.menu.is_empty() => " Long menu: nothing matches ".to_string(),
            (None, _) => format!(" Long menu · {} match(es) ", app.menu.len()),
        };
        let block = Block::bordered().title(title);
        let inner = block.inner(menu_area);
        frame.render_widget(block, menu_area);
        let width = usize::from(inner.width);
        let first = (app.menu_cursor + 1).saturating_sub(MENU);
        let rows: Vec<Line> = app
            .menu
            .iter()
            .enumerate()
            .skip(first)
            .take(MENU)
            .map(|(n, target)| {
                let asked = app.attempt.covers(*target);
                let mark = if asked { "✓" } else { " " };
                let sign = if target.option.is_some() {
                    format!("{}: ", q.questions[target.item].topic())
                } else {
                    String::new()
                };
                let text = clip(
                    &format!("{mark} {sign}{}", target_name(q, *target)),
                    width.saturating_sub(2),
                );
                if n == app.menu_cursor {
                    Line::styled(format!("› {text}"), t.selected())
                } else {
                    Line::raw(format!("  {text}"))
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(rows), inner);
    }

    let label = match app.mode {
        AskMode::LongMenu => " Ask about (letters) ",
        _ => " Your question ",
    };
    let block = Block::bordered().title(label);
    let inner = block.inner(line);
    frame.render_widget(block, line);
    // The end of a long question stays in view.
    let room = usize::from(inner.width).saturating_sub(3);
    let typed: Vec<char> = app.input.chars().collect();
    let visible: String = typed[typed.len().saturating_sub(room)..].iter().collect();
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("› ", t.key()),
            Span::raw(visible),
            Span::styled("█", t.dim()),
        ])),
        inner,
    );
}
