//! The welcome screen: what kinscreen does, and the disclaimer.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::para;
use crate::tui::app::App;

pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let q = app.questionnaire();
    let t = app.theme;
    let mut out = vec![
        Line::styled(q.meta.title.clone(), t.prompt()),
        Line::raw(""),
    ];
    out.extend(para(
        &q.text.welcome,
        width,
        ratatui::style::Style::new(),
        "",
        "",
    ));
    out.push(Line::raw(""));
    out.extend(para(&q.text.disclaimer, width, t.dim(), "", ""));
    out.push(Line::raw(""));
    out.push(Line::styled("Press Enter to begin.", t.key()));
    out
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lines = lines(app, area.width);
    frame.render_widget(Paragraph::new(lines).scroll((app.scroll as u16, 0)), area);
}
