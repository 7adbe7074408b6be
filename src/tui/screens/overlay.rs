//! Windows over the screen: the `?` help (made from the keymap) and the quit question.

use crate::t;
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
        Saving::On(_) => t!("help-note-saving"),
        Saving::Off => t!("help-note-not-saving"),
    };
    key_help(app.shell.theme, frame, area, keys, &note);
}

/// The `?` window: the keys of the screen under it, then a note.
pub(crate) fn key_help(
    t: Theme,
    frame: &mut Frame,
    area: Rect,
    keys: impl IntoIterator<Item = crate::tui::shell::Hint>,
    note: &str,
) {
    let mut lines = vec![Line::styled(t!("help-keys"), t.prompt()), Line::raw("")];
    for (label, action) in keys {
        lines.push(Line::from(vec![
            Span::styled(format!("{:<13}", crate::i18n::key_name(&label)), t.key()),
            Span::raw(crate::i18n::key_action(action).into_owned()),
        ]));
    }
    lines.push(Line::raw(""));
    lines.extend(para(note, 56, t.dim(), "", ""));
    let height = lines.len() as u16 + 2;
    let inner = popup(frame, area, 60, height, &t!("title-help"));
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn confirm_quit(app: &App, frame: &mut Frame, area: Rect) {
    let finished = *app.interview.state() == State::Finished;
    let text = match (finished, &app.shell.saving, &app.save_error) {
        (true, Saving::On(_), Some(_)) => t!("quit-result-not-stored"),
        (false, Saving::On(_), Some(_)) => t!("quit-not-saved"),
        (true, _, _) => t!("quit-leave"),
        (false, Saving::On(_), None) => t!("quit-saved"),
        (false, Saving::Off, _) => t!("quit-not-kept"),
    };
    yes_no(
        app.shell.theme,
        frame,
        area,
        &t!("title-quit"),
        &text,
        (&t!("quit-yes"), &t!("quit-no")),
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
        &t!("title-start-over"),
        &t!(
            "start-over-text",
            when = when,
            key = Ctx::Welcome.label(Msg::Resume)
        ),
        (&t!("start-over-yes"), &t!("start-over-no")),
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
    let (y, n) = (
        shell::label(Layer::Confirm, ShellMsg::Yes),
        shell::label(Layer::Confirm, ShellMsg::No),
    );
    let one_line = [y, yes, n, no]
        .iter()
        .map(|s| s.chars().count())
        .sum::<usize>()
        + 6;
    if one_line <= 44 {
        lines.push(Line::from(vec![
            Span::styled(y, t.key()),
            Span::raw(format!(" {yes}    ")),
            Span::styled(n, t.key()),
            Span::raw(format!(" {no}")),
        ]));
    } else {
        // Longer answers (other languages) each get a line rather than being cut.
        lines.push(Line::from(vec![
            Span::styled(y, t.key()),
            Span::raw(format!(" {yes}")),
        ]));
        lines.push(Line::from(vec![
            Span::styled(n, t.key()),
            Span::raw(format!(" {no}")),
        ]));
    }
    let height = lines.len() as u16 + 2;
    let inner = popup(frame, area, 48, height, title);
    frame.render_widget(Paragraph::new(lines), inner);
}
