//! The body chart on "where is the pain" and "anywhere else": the figure of both legs, front
//! and back, with the highlighted region, the marked ones, and beside it in words where the
//! highlight is and what is marked. Drawn from [`crate::chart::Chart`]; what marking does is in
//! the app (it answers exactly as the list would).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::para;
use crate::chart::Chart;
use crate::questionnaire::QIdx;
use crate::tui::app::App;
use crate::view::{Input, QuestionView};

pub fn render(app: &App, v: &QuestionView, chart: &Chart, qi: QIdx, frame: &mut Frame, area: Rect) {
    let t = app.shell.theme;
    let multi = matches!(v.input, Input::Multi(_));
    let width = u16::try_from(chart.width() + 2).unwrap_or(u16::MAX);
    let [figure_a, beside_a] =
        Layout::horizontal([Constraint::Length(width), Constraint::Min(10)]).areas(area);

    // The figure: a block per cell; the highlighted region reversed, marked ones in colour,
    // regions that cannot answer this question dim.
    let marked = |r: usize| {
        chart.regions[r]
            .option(qi)
            .is_some_and(|o| multi && app.ticked.contains(&o))
    };
    let mut lines: Vec<Line> = chart
        .header
        .iter()
        .map(|h| Line::styled(h.clone(), t.dim()))
        .collect();
    for row in &chart.cells {
        let spans: Vec<Span> = row
            .iter()
            .map(|cell| match cell {
                None => Span::raw(" "),
                Some(r) if *r == app.region => {
                    Span::styled("█", t.selected().add_modifier(Modifier::BOLD))
                }
                Some(r) if marked(*r) => Span::styled("█", t.good()),
                Some(r) if chart.regions[*r].option(qi).is_some() => Span::raw("▒"),
                Some(_) => Span::styled("░", t.dim()),
            })
            .collect();
        lines.push(Line::from(spans));
    }
    let origin = (
        figure_a.x,
        figure_a.y + u16::try_from(chart.header.len()).unwrap_or(0),
    );
    app.chart_at.set(Some(origin));
    frame.render_widget(Paragraph::new(lines), figure_a);

    // Beside it, in words: where the highlight is, and what is marked.
    let w = beside_a.width;
    let mut words = Vec::new();
    if let Some(region) = chart.regions.get(app.region) {
        let here = crate::t!("chart-here");
        let indent = " ".repeat(here.chars().count());
        words.extend(para(&region.label, w, t.prompt(), &here, &indent));
    }
    // The options as on the list, numbered and marked, one line each: a number picks one too.
    let here = chart.regions.get(app.region).and_then(|r| r.option(qi));
    for (o, option) in v.choices().iter().enumerate() {
        let (on, tag) = super::option_tag(app, v, o);
        let style = if here == Some(o) {
            t.prompt()
        } else if on {
            t.good()
        } else {
            t.dim()
        };
        let text = format!("{tag} {}", option.label);
        words.push(Line::styled(super::clip(&text, usize::from(w)), style));
    }
    words.push(Line::raw(""));
    words.extend(para(&crate::t!("chart-sides"), w, t.dim(), "", ""));
    frame.render_widget(Paragraph::new(words), beside_a);
}
