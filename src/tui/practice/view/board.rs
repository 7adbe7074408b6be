//! The board: the transcript so far, and the items to ask.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::tags;
use crate::practice::AskMode;
use crate::tui::practice::PracticeApp;
use crate::tui::screens::{clip, draw_window, para};
use crate::tui::scroll::Window;

/// The transcript: each question and the patient's reply, numbered as the attempt counts
/// them (repeats and questions back are not counted).
pub fn transcript_lines(app: &PracticeApp, width: u16) -> Vec<Line<'static>> {
    let t = app.shell.theme;
    let mut out = Vec::new();
    if app.transcript.is_empty() {
        let first = match app.mode {
            AskMode::Typed => {
                "The patient waits for your first question: type it as you would say it. They tell you only what you ask about."
            }
            AskMode::LongMenu => {
                "The patient waits for your first question: type a few letters of what you want to ask about, then pick it."
            }
            AskMode::Guided => {
                "The patient waits for your first question. They tell you only what you ask about."
            }
        };
        return para(first, width, t.dim(), "", "");
    }
    let mut n = 0;
    for (k, e) in app.transcript.iter().enumerate() {
        if k > 0 {
            out.push(Line::raw(""));
        }
        let number = if e.counted {
            n += 1;
            format!("{n:>2}. You: ")
        } else {
            "    You: ".to_string()
        };
        out.extend(para(&e.asked, width, t.prompt(), &number, "    "));
        let style = if e.unclear { t.dim() } else { Style::new() };
        out.extend(para(
            &format!("“{}”", e.reply),
            width,
            style,
            "    Patient: ",
            "    ",
        ));
        if e.unclear {
            out.extend(para(
                "(Not understood: counts as an unfocused question.)",
                width,
                t.dim(),
                "    ",
                "    ",
            ));
        }
    }
    out
}

/// The transcript in `area`, newest at the bottom unless scrolled back, with a title that says
/// how many questions were asked.
pub(super) fn render_transcript(app: &PracticeApp, frame: &mut Frame, area: Rect) {
    let block = Block::bordered().title(format!(
        " Transcript · {} asked ",
        app.attempt.questions().len()
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = transcript_lines(app, inner.width);
    let height = usize::from(inner.height);
    // Newest at the bottom: scrolled back by `transcript_back` lines from the end.
    let last = Window::new(lines.len(), height, usize::MAX, None).first;
    let first = last.saturating_sub(app.transcript_back);
    let window = Window::new(lines.len(), height, first, None);
    draw_window(frame, inner, lines, window, app.shell.theme);
}

/// The patient and their complaint, in at most four lines.
pub(super) fn patient_lines(app: &PracticeApp, w: u16) -> Vec<Line<'static>> {
    let t = app.shell.theme;
    let s = app.current();
    let mut top = para(&s.patient_line(), w, t.dim(), "Patient: ", "         ");
    top.extend(para(
        &format!("“{}”", s.case.case.complaint.trim()),
        w,
        Style::new(),
        "Says:    ",
        "         ",
    ));
    top.truncate(4);
    top
}

pub(super) fn render(app: &PracticeApp, frame: &mut Frame, area: Rect) {
    let t = app.shell.theme;
    let s = app.current();
    let q = s.questionnaire();
    let w = area.width;
    let top = patient_lines(app, w);
    let item = app.board[app.board_cursor];
    let question = &q.questions[item];
    let mut detail = para(question.prompt.trim(), w, t.prompt(), "Asks:  ", "       ");
    let tagged = tags(q, item);
    if !tagged.is_empty() {
        detail.extend(para(&tagged, w, t.key(), "Under: ", "       "));
    }
    detail.truncate(3);
    let [head, middle, foot] = Layout::vertical([
        Constraint::Length(top.len() as u16),
        Constraint::Min(3),
        Constraint::Length(detail.len() as u16),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(top), head);
    frame.render_widget(Paragraph::new(detail), foot);
    // A wide terminal gives the board room for its headings column.
    let board_share = if middle.width >= 100 { 60 } else { 45 };
    let [left, right] = Layout::horizontal([
        Constraint::Percentage(board_share),
        Constraint::Percentage(100 - board_share),
    ])
    .areas(middle);

    // The board: sections, then their items.
    let block = Block::bordered().title(" Ask about ");
    let inner = block.inner(left);
    frame.render_widget(block, left);
    let width = usize::from(inner.width);
    let mut rows: Vec<Line> = Vec::new();
    let mut cursor_row = 0;
    let mut section = usize::MAX;
    for (n, i) in app.board.iter().enumerate() {
        let x = &q.questions[*i];
        if x.section != section {
            section = x.section;
            rows.push(Line::styled(
                clip(&q.sections[section].title, width),
                t.prompt(),
            ));
        }
        // ✓ asked (whole, or every sign of a screening item); ◐ some signs only.
        let signs = q.signs(*i);
        let asked = if signs.is_empty() {
            app.attempt.was_asked(*i)
        } else {
            app.attempt.screened_at(*i, &signs).is_some()
        };
        let mark = match (asked, app.attempt.was_asked(*i)) {
            (true, _) => "✓",
            (false, true) => "◐",
            (false, false) => " ",
        };
        // Headings in a column of their own when the board is wide enough.
        const TOPIC: usize = 30;
        let tagged = tags(q, *i);
        let (topic, tag) = if width >= TOPIC + 16 && !tagged.is_empty() {
            (
                format!("{mark} {:<TOPIC$}", clip(x.topic(), TOPIC)),
                clip(&tagged, width - TOPIC - 4),
            )
        } else {
            (
                clip(&format!("{mark} {}", x.topic()), width.saturating_sub(2)),
                String::new(),
            )
        };
        if n == app.board_cursor {
            cursor_row = rows.len();
            rows.push(Line::styled(format!("› {topic}{tag}"), t.selected()));
        } else {
            let style = if asked { t.dim() } else { Style::new() };
            rows.push(Line::from(vec![
                Span::styled(format!("  {topic}"), style),
                Span::styled(tag, t.dim()),
            ]));
        }
    }
    let window = Window::new(
        rows.len(),
        usize::from(inner.height),
        0,
        Some((cursor_row, cursor_row)),
    );
    draw_window(frame, inner, rows, window, t);

    render_transcript(app, frame, right);
}
