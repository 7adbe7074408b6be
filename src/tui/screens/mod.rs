//! Drawing: one file per screen, plus the frame every screen shares (header with progress,
//! pinned red-flag banner, status line, key hints from the keymap, overlays). Views only read
//! the [`App`].

mod alert;
mod chart;
pub(crate) mod overlay;
mod question;
pub(crate) mod result;
mod review;
mod welcome;

use crate::tui::shell::Mode;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph, Wrap};

use super::app::{App, Overlay, Question};
use super::shell::{self, Layer, ShellMsg};
use super::theme::Theme;
use crate::engine::State;

/// Below this size a screen asks for a bigger window instead of drawing.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 16;

/// The most of one text a screen lays out: a longer one (a damaged or hostile file) is cut, so
/// that drawing stays fast whatever the file holds.
pub const MAX_SHOWN: usize = 8 * 1024;

/// A text as a screen may show it: unsafe characters escaped (see [`crate::output::clean`]) and
/// at most [`MAX_SHOWN`] bytes, saying how much was left out.
pub fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= MAX_SHOWN {
        return crate::output::clean(text);
    }
    let mut cut = MAX_SHOWN;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    std::borrow::Cow::Owned(format!(
        "{} … ({} more bytes not shown)",
        crate::output::clean(&text[..cut]),
        text.len() - cut
    ))
}

/// Cuts a text to one line of `width` characters, with an ellipsis when cut (made safe, and
/// costing no more than `width` however long the text).
pub fn clip(text: &str, width: usize) -> String {
    let head: String = text.chars().take(width + 1).collect();
    let head = crate::output::clean(&head).into_owned();
    if head.chars().nth(width).is_none() {
        return head;
    }
    let mut out: String = head.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Word-wraps text to `width` columns; blank lines in the text are kept. The text is made safe
/// and bounded first ([`shown`]).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let text = shown(text);
    let mut out = Vec::new();
    for paragraph in text.trim_end().split('\n') {
        let mut line = String::new();
        let mut len = 0;
        for word in paragraph.split_whitespace() {
            let mut chars: Vec<char> = word.chars().collect();
            if len > 0 && len + 1 + chars.len() > width {
                out.push(std::mem::take(&mut line));
                len = 0;
            }
            while chars.len() > width {
                let rest = chars.split_off(width);
                out.push(chars.iter().collect());
                chars = rest;
            }
            if len > 0 {
                line.push(' ');
                len += 1;
            }
            line.extend(chars.iter());
            len += chars.len();
        }
        out.push(line);
    }
    out
}

/// Wrapped, styled lines with a prefix on the first line and indentation after.
pub fn para(text: &str, width: u16, style: Style, first: &str, rest: &str) -> Vec<Line<'static>> {
    let indent = first.chars().count().max(rest.chars().count());
    wrap(text, usize::from(width).saturating_sub(indent))
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let prefix = if i == 0 { first } else { rest };
            Line::from(vec![
                Span::styled(format!("{prefix:indent$}"), style),
                Span::styled(l, style),
            ])
        })
        .collect()
}

/// The areas of the shared frame.
pub struct Areas {
    pub header: Rect,
    pub banner: Rect,
    pub body: Rect,
    pub status: Rect,
    pub footer: Rect,
}

fn footer_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    hint_lines(app.shell.theme, app.hints(true), width)
}

/// Key hints ("label action") wrapped into lines of `width`.
pub(crate) fn hint_lines(
    t: Theme,
    hints: impl IntoIterator<Item = crate::tui::shell::Hint>,
    width: u16,
) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = Vec::new();
    let mut current: Vec<Span> = Vec::new();
    let mut len = 0usize;
    for (label, action) in hints {
        let action = crate::i18n::key_action(action).into_owned();
        let label = crate::i18n::key_name(&label).into_owned();
        let item = label.chars().count() + 1 + action.chars().count() + 2;
        if len > 0 && len + item > usize::from(width) {
            lines.push(Line::from(std::mem::take(&mut current)));
            len = 0;
        }
        current.push(Span::styled(label, t.key()));
        current.push(Span::raw(format!(" {action}  ")));
        len += item;
    }
    if !current.is_empty() {
        lines.push(Line::from(current));
    }
    lines
}

/// Red flags pinned to the top of every screen once raised: the level and where to go (the
/// first sentence of the most urgent advice), then the signs. Not on the alert itself, nor on
/// the result, whose fixed panel says the same at more length.
fn banner_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    if !app.started || matches!(app.interview.state(), State::Alert(_) | State::Finished) {
        return Vec::new();
    }
    let flags = app.interview.red_flags();
    let Some(first) = flags.first() else {
        return Vec::new();
    };
    let q = app.questionnaire();
    let level = q.rules[*first].triage;
    let style = app.shell.theme.triage(level, q.triage.len());
    let labels: Vec<&str> = flags.iter().map(|r| q.rules[*r].label.as_str()).collect();
    // Where to go: the advice up to its first full stop or colon.
    let where_to = q.rules[*first]
        .advice
        .as_deref()
        .and_then(|a| a.split(['.', ':']).next())
        .map_or_else(
            || q.triage[level].time_frame.clone(),
            |s| format!("{}.", s.trim()),
        );
    let head = format!("{}. {where_to}", q.triage[level].label);
    let mut lines = para(&head, width, style, "! ", "  ");
    lines.extend(para(
        &labels.join("; "),
        width,
        app.shell.theme.prompt(),
        &format!("  {} ", crate::t!("banner-sign")),
        "  ",
    ));
    lines.truncate(3);
    lines
}

/// The status area: a failed save (kept until a save succeeds, in full) and the message about
/// the last key.
fn status_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if let Some(e) = &app.save_error {
        lines.extend(para(
            &crate::t!("status-not-saved", error = e.to_string()),
            width.saturating_sub(1),
            app.shell.theme.status(),
            " ",
            " ",
        ));
        lines.truncate(4);
    }
    if let Some(status) = &app.shell.status {
        let mut l = para(
            status,
            width.saturating_sub(1),
            app.shell.theme.status(),
            " ",
            " ",
        );
        l.truncate(4);
        lines.extend(l);
    }
    lines
}

/// Splits the screen into the shared frame.
pub fn areas(app: &App, area: Rect) -> Areas {
    let banner = banner_lines(app, area.width).len() as u16;
    let footer = footer_lines(app, area.width).len().min(3) as u16;
    let status = status_lines(app, area.width).len().max(1) as u16;
    let [header, banner, body, status, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(banner),
        Constraint::Min(1),
        Constraint::Length(status),
        Constraint::Length(footer),
    ])
    .areas(area);
    Areas {
        header,
        banner,
        body: body.inner(ratatui::layout::Margin::new(1, 0)),
        status,
        footer,
    }
}

/// Below [`MIN_WIDTH`]x[`MIN_HEIGHT`], asks for a bigger window instead of a screen; says
/// whether it did.
pub(crate) fn too_small(frame: &mut Frame) -> bool {
    let area = frame.area();
    if area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT {
        return false;
    }
    let text = crate::t!(
        "too-small",
        need = format!("{MIN_WIDTH}x{MIN_HEIGHT}"),
        now = format!("{}x{}", area.width, area.height),
        key = shell::label(Layer::Screen, ShellMsg::ForceQuit)
    );
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
    true
}

/// Draws the whole screen.
pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if too_small(frame) {
        return;
    }
    let a = areas(app, area);
    header(app, frame, a.header);
    frame.render_widget(Paragraph::new(banner_lines(app, a.banner.width)), a.banner);
    if !app.started {
        welcome::render(app, frame, a.body);
    } else {
        match app.interview.state() {
            State::Asking(i) => question::render(app, *i, frame, a.body),
            State::Alert(rules) => alert::render(app, rules, frame, a.body),
            State::Review => review::render(app, frame, a.body),
            State::Finished => result::render(app, frame, a.body),
        }
    }
    frame.render_widget(Paragraph::new(status_lines(app, a.status.width)), a.status);
    frame.render_widget(Paragraph::new(footer_lines(app, a.footer.width)), a.footer);
    match app.shell.overlay() {
        Some(Overlay::Help) => overlay::help(app, frame, area),
        Some(Overlay::Confirm(Question::Quit)) => overlay::confirm_quit(app, frame, area),
        Some(Overlay::Confirm(Question::StartOver)) => {
            overlay::confirm_start_over(app, frame, area)
        }
        None => {}
    }
}

fn header(app: &App, frame: &mut Frame, area: Rect) {
    let q = app.questionnaire();
    let t = app.shell.theme;
    let [top, gauge] = Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
    let where_ = match (app.started, app.interview.state()) {
        (false, _) => crate::t!("title-welcome"),
        (true, State::Asking(i)) => clip(&q.sections[q.questions[*i].section].title, 60),
        (true, State::Alert(_)) => crate::t!("title-important"),
        (true, State::Review) => crate::t!("title-review"),
        (true, State::Finished) => crate::t!("title-result"),
    };
    let p = app.interview.progress();
    let count = match app.interview.state() {
        State::Asking(_) if app.started => format!(
            "{} ",
            crate::t!("header-question", position = p.position, total = p.total)
        ),
        _ => format!("{} ", crate::t!("header-answered", count = p.answered)),
    };
    let width = usize::from(top.width);
    let mut title = format!(" kinscreen · {where_}");
    let mut count = count;
    // Title and place never run together: the place shortens first ("3/23"), then the title.
    if title.chars().count() + count.chars().count() + 1 > width
        && let State::Asking(_) = app.interview.state()
        && app.started
    {
        count = format!("{}/{} ", p.position, p.total);
    }
    let room = width.saturating_sub(count.chars().count() + 1);
    if title.chars().count() > room {
        title = clip(&title, room);
    }
    let pad = width.saturating_sub(title.chars().count() + count.chars().count());
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(title, t.title()),
            Span::raw(" ".repeat(pad)),
            Span::raw(count),
        ])),
        top,
    );
    let ratio = if p.total == 0 {
        0.0
    } else {
        let done = match app.interview.state() {
            State::Review | State::Finished => p.answered,
            _ => p.position.saturating_sub(1),
        };
        (done as f64 / p.total as f64).clamp(0.0, 1.0)
    };
    frame.render_widget(
        LineGauge::default()
            .filled_style(t.gauge())
            .filled_symbol("█")
            .unfilled_symbol("░")
            .ratio(ratio)
            .label(format!(" {:>3.0}% ", ratio * 100.0)),
        gauge,
    );
}

/// Draws the lines of `lines` that window `w` shows, in `area`, with "▲ more above" and
/// "▼ more below" on rows of their own where the text goes on (words, so that they read aloud
/// and survive `NO_COLOR`).
pub fn draw_window(
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'static>>,
    w: crate::tui::scroll::Window,
    theme: crate::tui::theme::Theme,
) {
    let mut y = area.y;
    let row = |y: u16| Rect::new(area.x, y, area.width, 1);
    if w.above {
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!("▲ {}", crate::t!("more-above")),
                theme.dim(),
            )),
            row(y),
        );
        y += 1;
    }
    let shown: Vec<Line> = lines.into_iter().skip(w.first).take(w.shown).collect();
    let height = u16::try_from(w.shown)
        .unwrap_or(u16::MAX)
        .min(area.bottom() - y);
    frame.render_widget(
        Paragraph::new(shown),
        Rect::new(area.x, y, area.width, height),
    );
    y += height;
    if w.below && y < area.bottom() {
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!("▼ {}", crate::t!("more-below")),
                theme.dim(),
            )),
            row(y),
        );
    }
}

/// Whether option `i` of `v` is on (a multi choice shows the ticks not yet confirmed, a single
/// one the answer), and its tag as a list shows it: "[x] 3", "( ) 0" (the tenth; later ones
/// have no digit).
fn option_tag(app: &App, v: &crate::view::QuestionView, i: usize) -> (bool, String) {
    let multi = matches!(v.input, crate::view::Input::Multi(_));
    let on = if multi {
        app.ticked.contains(&i)
    } else {
        v.choices().get(i).is_some_and(|c| c.chosen)
    };
    let mark = match (multi, on) {
        (true, true) => "[x]",
        (true, false) => "[ ]",
        (false, true) => "(•)",
        (false, false) => "( )",
    };
    let number = match i {
        0..=8 => format!("{}", i + 1),
        9 => "0".to_string(),
        _ => " ".to_string(),
    };
    (on, format!("{mark} {number}"))
}
