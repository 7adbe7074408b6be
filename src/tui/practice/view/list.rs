//! The case list: choose a patient.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{dots, offset, patient_line};
use crate::tui::practice::PracticeApp;
use crate::tui::screens::{clip, para};

pub(super) fn render(app: &PracticeApp, frame: &mut Frame, area: Rect) {
    let t = app.shell.theme;
    let w = area.width;
    let mut top = para(
        "You take the history: the patient answers only what you ask. Choose what to ask, commit a working hypothesis, and get a debrief marked like an OSCE station.",
        w,
        t.dim(),
        "",
        "",
    );
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
    top.push(Line::raw(""));
    let mut detail = Vec::new();
    if let Some(s) = app.stations.get(app.list_cursor) {
        detail.push(Line::raw(""));
        detail.extend(para(&patient_line(s), w, t.dim(), "Patient: ", "         "));
        detail.extend(para(
            &format!("“{}”", s.case.case.complaint.trim()),
            w,
            Style::new(),
            "Says:    ",
            "         ",
        ));
    }
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
    let height = usize::from(rows.height);
    let first = offset(app.list_cursor, height);
    // "› " + "12. " + title + " " + "●●○" + "  " + "best 100 (12 tries)"
    let title_width = usize::from(w).saturating_sub(2 + 4 + 1 + 3 + 2 + 19);
    let lines: Vec<Line> = app
        .stations
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, s)| {
            let record = match app.record_of(&s.case.case.id) {
                Some((best, n)) => format!(
                    "best {best:>3} ({n} tr{})",
                    if n == 1 { "y" } else { "ies" }
                ),
                None => "not tried".to_string(),
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
    frame.render_widget(Paragraph::new(lines), rows);
    frame.render_widget(Paragraph::new(detail), below);
}
