//! Drawing the practice screens, one module per screen. Views only read the [`PracticeApp`];
//! every clinical word comes from the questionnaire or the case, every mark from
//! `crate::practice`.

mod ask;
mod board;
mod debrief;
mod form;
mod help;
mod list;

pub use board::transcript_lines;
pub use debrief::debrief_lines;

use crate::tui::shell::Mode;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Overlay, PracticeApp, Question, Screen};
use crate::practice::debrief::mode_name;
use crate::questionnaire::{QIdx, Questionnaire};
use crate::tui::screens::overlay::yes_no;
use crate::tui::screens::{clip, hint_lines, too_small};

/// Difficulty as filled and empty dots.
fn dots(d: u8) -> String {
    (1..=3).map(|i| if i <= d { '●' } else { '○' }).collect()
}

/// The headings of item `i`, joined: "Site · Body chart".
fn tags(q: &Questionnaire, i: QIdx) -> String {
    q.questions[i]
        .headings
        .iter()
        .map(|h| q.headings[*h].label.as_str())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Draws the whole screen.
pub fn view(app: &PracticeApp, frame: &mut Frame) {
    let area = frame.area();
    if too_small(frame) {
        return;
    }
    let footer = footer_lines(app, area.width);
    let [header, body, status, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(footer.len().min(3) as u16),
    ])
    .areas(area);
    draw_header(app, frame, header);
    let body = body.inner(Margin::new(1, 0));
    match app.screen {
        Screen::List => list::render(app, frame, body),
        Screen::Board if app.mode == crate::practice::AskMode::Guided => {
            board::render(app, frame, body)
        }
        Screen::Board => ask::render(app, frame, body),
        Screen::Commit => form::render(app, frame, body),
        Screen::Debrief => debrief::render(app, frame, body),
    }
    if let Some(s) = &app.shell.status {
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {s}"), app.shell.theme.status())),
            status,
        );
    }
    frame.render_widget(Paragraph::new(footer), foot);
    match app.shell.overlay() {
        Some(Overlay::Help) => help::render(app, frame, area),
        Some(Overlay::Confirm(Question::Leave)) => yes_no(
            app.shell.theme,
            frame,
            area,
            "Leave this patient?",
            "The attempt ends here: it is not marked and not logged.",
            ("yes, leave", "no, stay"),
        ),
        Some(Overlay::Confirm(Question::Commit)) => yes_no(
            app.shell.theme,
            frame,
            area,
            "Commit?",
            "Commit this hypothesis? You cannot ask the patient anything more afterwards.",
            ("yes, commit", "no, not yet"),
        ),
        None => {}
    }
}

fn draw_header(app: &PracticeApp, frame: &mut Frame, area: Rect) {
    let t = app.shell.theme;
    let (title, right) = match app.screen {
        Screen::List => (
            "Choose a patient".to_string(),
            format!("{} cases ", app.stations.len()),
        ),
        Screen::Debrief => (
            format!("Debrief · {}", app.current().case.case.title),
            String::new(),
        ),
        _ => (
            app.current().case.case.title.clone(),
            format!(
                "{} · asked {} ",
                mode_name(app.mode),
                app.attempt.questions().len()
            ),
        ),
    };
    let left = clip(
        &format!(" kinscreen practice · {title}"),
        usize::from(area.width).saturating_sub(right.chars().count() + 1),
    );
    let pad = usize::from(area.width).saturating_sub(left.chars().count() + right.chars().count());
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(left, t.title()),
            Span::raw(" ".repeat(pad)),
            Span::raw(right),
        ])),
        area,
    );
}

fn footer_lines(app: &PracticeApp, width: u16) -> Vec<Line<'static>> {
    hint_lines(app.shell.theme, app.hints(true), width)
}
