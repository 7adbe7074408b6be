//! The board: the transcript so far, and the items to ask.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{offset, patient_line, tags};
use crate::practice::Reply;
use crate::tui::practice::PracticeApp;
use crate::tui::screens::{clip, para};

/// The transcript: each item asked and the patient's reply.
pub fn transcript_lines(app: &PracticeApp, width: u16) -> Vec<Line<'static>> {
    let t = app.shell.theme;
    let s = app.current();
    let q = s.questionnaire();
    let mut out = Vec::new();
    if app.attempt.asked().is_empty() {
        return para(
            "The patient waits for your first question. They tell you only what you ask about.",
            width,
            t.dim(),
            "",
            "",
        );
    }
    for (n, i) in app.attempt.asked().iter().enumerate() {
        if n > 0 {
            out.push(Line::raw(""));
        }
        out.extend(para(
            q.questions[*i].topic(),
            width,
            t.prompt(),
            &format!("{:>2}. You ask: ", n + 1),
            "    ",
        ));
        match s.reply(*i) {
            Reply::Said(text) => out.extend(para(
                &format!("“{text}”"),
                width,
                Style::new(),
                "    Patient: ",
                "    ",
            )),
            Reply::NotApplicable => out.extend(para(
                "(This does not apply to this patient.)",
                width,
                t.dim(),
                "    ",
                "    ",
            )),
        }
    }
    out
}

pub(super) fn render(app: &PracticeApp, frame: &mut Frame, area: Rect) {
    let t = app.shell.theme;
    let s = app.current();
    let q = s.questionnaire();
    let w = area.width;
    let mut top = para(&patient_line(s), w, t.dim(), "Patient: ", "         ");
    top.extend(para(
        &format!("“{}”", s.case.case.complaint.trim()),
        w,
        Style::new(),
        "Says:    ",
        "         ",
    ));
    top.truncate(4);
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
        let asked = app.attempt.was_asked(*i);
        let mark = if asked { "✓" } else { " " };
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
    let height = usize::from(inner.height);
    // Keep the cursor's section heading in view when it fits.
    let first = offset(cursor_row, height);
    frame.render_widget(
        Paragraph::new(
            rows.into_iter()
                .skip(first)
                .take(height)
                .collect::<Vec<_>>(),
        ),
        inner,
    );

    // The transcript, newest at the bottom unless scrolled back.
    let block = Block::bordered().title(format!(
        " Transcript · {} asked ",
        app.attempt.asked().len()
    ));
    let inner = block.inner(right);
    frame.render_widget(block, right);
    let lines = transcript_lines(app, inner.width);
    let height = usize::from(inner.height);
    let most = lines.len().saturating_sub(height);
    let first = most.saturating_sub(app.transcript_back.min(most));
    frame.render_widget(
        Paragraph::new(
            lines
                .into_iter()
                .skip(first)
                .take(height)
                .collect::<Vec<_>>(),
        ),
        inner,
    );
}
