//! Windows over the screen: the `?` help (made from the keymap) and the quit question.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::para;
use crate::engine::State;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, Msg};
use crate::tui::shell::Saving;
use crate::tui::shell::{self, Layer, Mode, Screens, ShellMsg};
use crate::tui::theme::Theme;

fn popup(frame: &mut Frame, area: Rect, width: u16, height: u16, title: &str) -> Rect {
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
    let keys = app.hints(false);
    let note = match app.shell.saving {
        Saving::On(_) => {
            "You can always go back and change an answer; the result follows. Answers are saved as you go."
        }
        Saving::Off => {
            "You can always go back and change an answer; the result follows. Nothing is saved (--no-save)."
        }
    };
    key_help(app.shell.theme, frame, area, keys, note);
}

/// The `?` window: the keys of the screen under it, then a note.
pub(crate) fn key_help(
    t: Theme,
    frame: &mut Frame,
    area: Rect,
    keys: impl IntoIterator<Item = crate::tui::shell::Hint>,
    note: &str,
) {
    let mut lines = vec![
        Line::styled("Keys on this screen", t.prompt()),
        Line::raw(""),
    ];
    for (label, action) in keys {
        lines.push(Line::from(vec![
            Span::styled(format!("{label:<13}"), t.key()),
            Span::raw(action),
        ]));
    }
    lines.push(Line::raw(""));
    lines.extend(para(note, 56, t.dim(), "", ""));
    let height = lines.len() as u16 + 2;
    let inner = popup(frame, area, 60, height, "Help");
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn confirm_quit(app: &App, frame: &mut Frame, area: Rect) {
    let finished = *app.interview.state() == State::Finished;
    let text = match (finished, &app.shell.saving, &app.save_error) {
        (true, Saving::On(_), Some(_)) => {
            "Leave kinscreen? This result could NOT be stored; it will be printed in the terminal when you leave, so you can keep it."
        }
        (false, Saving::On(_), Some(_)) => {
            "Stop now? Your latest answers could NOT be saved (see the message below the screen): if you quit, they are lost."
        }
        (true, _, _) => "Leave kinscreen?",
        (false, Saving::On(_), None) => {
            "Stop for now? Your answers are saved; you can resume next time."
        }
        (false, Saving::Off, _) => "Stop the interview? Your answers will not be kept.",
    };
    yes_no(
        app.shell.theme,
        frame,
        area,
        "Quit?",
        text,
        ("yes, quit", "no, stay"),
    );
}

pub fn confirm_start_over(app: &App, frame: &mut Frame, area: Rect) {
    let when = app
        .offer
        .as_ref()
        .map(|o| crate::clock::local_time(&o.saved_at))
        .unwrap_or_default();
    yes_no(
        app.shell.theme,
        frame,
        area,
        "Start over?",
        &format!(
            "Starting over deletes the unfinished interview saved {when}. ({} on the welcome screen resumes it instead.)",
            Ctx::Welcome.label(Msg::Resume)
        ),
        ("delete it, start over", "no, keep it"),
    );
}

/// A yes/no question over the screen, with what each answer does.
pub(crate) fn yes_no(
    t: Theme,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    text: &str,
    (yes, no): (&str, &str),
) {
    let mut lines = para(text, 44, t.prompt(), "", "");
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled(shell::label(Layer::Confirm, ShellMsg::Yes), t.key()),
        Span::raw(format!(" {yes}    ")),
        Span::styled(shell::label(Layer::Confirm, ShellMsg::No), t.key()),
        Span::raw(format!(" {no}")),
    ]));
    let height = lines.len() as u16 + 2;
    let inner = popup(frame, area, 48, height, title);
    frame.render_widget(Paragraph::new(lines), inner);
}
