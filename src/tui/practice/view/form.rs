//! The form: the working hypothesis (picture, how soon, findings).

use crate::tui::shell::Screens;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::practice::Reply;
use crate::tui::practice::keys::{Ctx, Msg};
use crate::tui::practice::{CLASS, FINDINGS, PracticeApp, TRIAGE};
use crate::tui::screens::{draw_window, para};
use crate::tui::scroll::Window;
use ratatui::style::Style;

pub(super) fn render(app: &PracticeApp, frame: &mut Frame, area: Rect) {
    let t = app.shell.theme;
    let s = app.current();
    let q = s.questionnaire();
    let w = area.width;
    let f = &app.form;
    let heading = |part: usize, text: &str| {
        if f.part == part {
            Line::styled(format!("▸ {text}"), t.title())
        } else {
            Line::styled(format!("  {text}"), t.prompt())
        }
    };
    // A row wraps under its text rather than cutting it.
    let row = |part: usize, at: usize, mark: &str, text: String| -> Vec<Line<'static>> {
        let indent = " ".repeat(5 + mark.chars().count());
        if f.part == part && f.cursor[part] == at {
            para(&text, w, t.selected(), &format!("  › {mark} "), &indent)
        } else {
            para(&text, w, Style::new(), &format!("    {mark} "), &indent)
        }
    };
    let radio = |on: bool| if on { "(•)" } else { "( )" };
    let mut top = para(
        &format!(
            "Your working hypothesis. {} chooses, {} commits; after that the patient answers nothing more.",
            Ctx::Commit.label(Msg::Toggle),
            Ctx::Commit.label(Msg::Select)
        ),
        w,
        t.dim(),
        "",
        "",
    );
    top.push(heading(CLASS, "What does the picture look like?"));
    for c in q.class_indices() {
        top.extend(row(
            CLASS,
            c.0,
            radio(f.class == Some(c)),
            crate::summary::class_term(q, c),
        ));
    }
    top.push(heading(TRIAGE, "How soon should the patient be seen?"));
    for (i, level) in q.triage_levels().zip(&q.triage) {
        top.extend(row(
            TRIAGE,
            i.0,
            radio(f.triage == Some(i)),
            format!("{} — {}", level.label, level.time_frame),
        ));
    }
    top.push(heading(
        FINDINGS,
        "Findings that convinced you (optional, from what you asked)",
    ));
    let [head, rest] =
        Layout::vertical([Constraint::Length(top.len() as u16), Constraint::Min(1)]).areas(area);
    frame.render_widget(Paragraph::new(top), head);
    let asked = app.attempt.asked();
    if asked.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled("    (nothing asked yet)", t.dim())),
            rest,
        );
        return;
    }
    let height = usize::from(rest.height);
    let mut cursor_end = 0;
    let mut rows: Vec<Line> = Vec::new();
    for (n, i) in asked.iter().enumerate() {
        let lines = {
            let ticked = if f.findings.contains(i) { "[x]" } else { "[ ]" };
            let said = match s.heard(&app.attempt, *i) {
                Reply::Said(text) => format!(": “{text}”"),
                Reply::NotApplicable => String::new(),
            };
            row(
                FINDINGS,
                n,
                ticked,
                format!("{}{said}", q.questions[*i].topic()),
            )
        };
        rows.extend(lines);
        if n == f.cursor[FINDINGS] {
            cursor_end = rows.len() - 1;
        }
    }
    let window = Window::new(rows.len(), height, 0, Some((cursor_end, cursor_end)));
    draw_window(frame, rest, rows, window, t);
}
