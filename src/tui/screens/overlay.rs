//! Windows over the screen: the `?` help (made from the keymap) and the quit question.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::para;
use crate::engine::State;
use crate::tui::app::{App, Saving};
use crate::tui::keymap;

pub(crate) fn popup(frame: &mut Frame, area: Rect, width: u16, height: u16, title: &str) -> Rect {
    let rect = area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    );
    frame.render_widget(Clear, rect);
    let block = Block::bordered().title(format!(" {title} "));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

pub fn help(app: &App, frame: &mut Frame, area: Rect) {
    let t = app.theme;
    let mut lines = vec![
        Line::styled("Keys on this screen", t.prompt()),
        Line::raw(""),
    ];
    let mut under = app.clone();
    under.overlay = None;
    for b in keymap::bindings(under.context(), under.flags(), false) {
        lines.push(Line::from(vec![
            Span::styled(format!("{:<13}", b.label), t.key()),
            Span::raw(b.action),
        ]));
    }
    lines.push(Line::raw(""));
    lines.extend(para(
        match app.saving {
            Saving::On(_) => "You can always go back and change an answer; the result follows. Answers are saved as you go.",
            Saving::Off => "You can always go back and change an answer; the result follows. Nothing is saved (--no-save).",
        },
        56,
        t.dim(),
        "",
        "",
    ));
    let height = lines.len() as u16 + 2;
    let inner = popup(frame, area, 60, height, "Help");
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn confirm_quit(app: &App, frame: &mut Frame, area: Rect) {
    let t = app.theme;
    let finished = *app.interview.state() == State::Finished;
    let text = match (finished, &app.saving) {
        (true, _) => "Leave kinscreen?",
        (false, Saving::On(_)) => "Stop for now? Your answers are saved; you can resume next time.",
        (false, Saving::Off) => "Stop the interview? Your answers will not be kept.",
    };
    let mut lines = para(text, 44, t.prompt(), "", "");
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled("y", t.key()),
        Span::raw(" yes, quit    "),
        Span::styled("n/Esc", t.key()),
        Span::raw(" no, stay"),
    ]));
    let height = lines.len() as u16 + 2;
    let inner = popup(frame, area, 48, height, "Quit?");
    frame.render_widget(Paragraph::new(lines), inner);
}
