//! The case list: choose a patient.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::dots;
use crate::tui::practice::PracticeApp;
use crate::tui::screens::{clip, draw_window, para};
use crate::tui::scroll::Window;

pub(super) fn render(app: &PracticeApp, frame: &mut Frame, area: Rect) {
    let t = app.shell.theme;
    let w = area.width;
    let intro = para(
        "You take the history: the patient answers only what you ask. Choose what to ask, commit a working hypothesis, and get a debrief marked like an OSCE station.",
        w,
        t.dim(),
        "",
        "",
    );
    let mut top = Vec::new();
    if !app.broken.is_empty() {
        let names: Vec<&str> = app.broken.iter().map(|b| b.source.as_str()).collect();
        top.extend(para(
            &format!(
                "{} case file(s) could not be loaded (check them with `kinscreen validate`): {}",
                app.broken.len(),
                names.join(", ")
            ),
            w,
            t.status(),
            "",
            "",
        ));
    }
    let mut detail = Vec::new();
    if let Some(s) = app.stations.get(app.list_cursor) {
        detail.push(Line::raw(""));
        detail.extend(para(
            &s.patient_line(),
            w,
            t.dim(),
            "Patient: ",
            "         ",
        ));
        detail.extend(para(
            &format!("“{}”", s.case.case.complaint.trim()),
            w,
            Style::new(),
            "Says:    ",
            "         ",
        ));
    }
    // The list comes first: on a short screen the introduction goes, then the detail shrinks,
    // so that several cases (and the "more below" marker) still show.
    let height = usize::from(area.height);
    let wanted = app.stations.len().min(6) + 1;
    if intro.len() + 1 + top.len() + detail.len() + wanted <= height {
        let mut with_intro = intro;
        with_intro.append(&mut top);
        with_intro.push(Line::raw(""));
        top = with_intro;
    }
    detail.truncate(height.saturating_sub(top.len() + wanted));
    let [head, rows, below] = Layout::vertical([
        Constraint::Length(top.len() as u16),
        Constraint::Min(1),
        Constraint::Length(detail.len() as u16),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(top), head);
    if app.stations.is_empty() {
        frame.render_widget(
            Paragraph::new("No practice case could be loaded.").style(t.status()),
            rows,
        );
        return;
    }
    let window = Window::new(
        app.stations.len(),
        usize::from(rows.height),
        0,
        Some((app.list_cursor, app.list_cursor)),
    );
    // "› " + "12. " + title + " " + "●●○" + "  " + "best 100 (12 tries)"; a narrow screen keeps
    // the title and gives the record in short ("best 100", "new").
    let narrow = w < 70;
    let record_width = if narrow { 8 } else { 19 };
    let title_width = usize::from(w).saturating_sub(2 + 4 + 1 + 3 + 2 + record_width);
    let lines: Vec<Line> = app
        .stations
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let record = match (app.record_of(&s.case.case.id), narrow) {
                (Some((best, _)), true) => format!("best {best:>3}"),
                (Some((best, n)), false) => format!(
                    "best {best:>3} ({n} tr{})",
                    if n == 1 { "y" } else { "ies" }
                ),
                (None, true) => "new".to_string(),
                (None, false) => "not tried".to_string(),
            };
            let text = format!(
                "{:>2}. {:<title_width$} {}  {}",
                i + 1,
                clip(&s.case.case.title, title_width),
                dots(s.case.case.difficulty),
                record
            );
            if i == app.list_cursor {
                Line::styled(format!("› {text}"), t.selected())
            } else {
                Line::raw(format!("  {text}"))
            }
        })
        .collect();
    draw_window(frame, rows, lines, window, t);
    frame.render_widget(Paragraph::new(detail), below);
}
