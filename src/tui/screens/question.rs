//! One question per screen: the prompt, the right input for its kind, the "why we ask" line
//! and any help.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{draw_window, para};
use crate::questionnaire::QIdx;
use crate::t;
use crate::tui::app::App;
use crate::tui::keymap::Msg;
use crate::tui::scroll::Window;
use crate::tui::shell::{Mode, Screens};
use crate::view::{Input, QuestionView};

pub fn render(app: &App, qi: QIdx, frame: &mut Frame, area: Rect) {
    let t = app.shell.theme;
    let v = QuestionView::of(&app.interview, qi);
    let w = area.width;

    let mut top = para(&v.prompt, w, t.prompt(), "", "");
    if v.optional {
        let skip = app.screen().label(Msg::Skip);
        top.push(Line::styled(t!("question-optional", key = skip), t.dim()));
    }
    let mut bottom = Vec::new();
    if let Some(why) = &v.why {
        bottom.extend(para(why, w, t.dim(), &t!("why-prefix"), "  "));
    }
    if let Some(help) = &v.help {
        bottom.extend(para(help, w, t.dim(), &t!("tip-prefix"), "  "));
    }
    // The input gets what is left; the explanation gives way on a short screen.
    let room = area.height.saturating_sub(top.len() as u16 + 2);
    let bottom_h = (bottom.len() as u16).min(room.saturating_sub(4).max(room / 3));
    let [top_a, _, input_a, _, bottom_a] = Layout::vertical([
        Constraint::Length(top.len() as u16),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(u16::from(bottom_h > 0)),
        Constraint::Length(bottom_h),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(top), top_a);
    frame.render_widget(Paragraph::new(bottom), bottom_a);

    match &v.input {
        Input::Single(_) | Input::Multi(_)
            if let Some(chart) = app.chart().map(|c| &**c).filter(|_| app.on_chart(qi)) =>
        {
            super::chart::render(app, &v, chart, qi, frame, input_a);
        }
        Input::Single(options) | Input::Multi(options) => {
            let mut lines = Vec::new();
            let mut cursor_lines = (0, 0);
            for (i, o) in options.iter().enumerate() {
                let (on, tag) = super::option_tag(app, &v, i);
                let here = i == app.cursor;
                let first = format!("{} {tag} ", if here { "›" } else { " " });
                let style = if here {
                    t.selected()
                } else if on {
                    t.prompt()
                } else {
                    Style::new()
                };
                let start = lines.len();
                lines.extend(para(&o.label, w, style, &first, ""));
                if here {
                    cursor_lines = (start, lines.len() - 1);
                }
            }
            let window = Window::new(
                lines.len(),
                usize::from(input_a.height),
                0,
                Some(cursor_lines),
            );
            draw_window(frame, input_a, lines, window, t);
        }
        Input::Scale {
            min,
            max,
            min_label,
            max_label,
            ..
        } => {
            frame.render_widget(
                Paragraph::new(scale_lines(app, *min, *max, min_label, max_label, w)),
                input_a,
            );
        }
    }
}

fn scale_lines(
    app: &App,
    min: i64,
    max: i64,
    min_label: &Option<String>,
    max_label: &Option<String>,
    width: u16,
) -> Vec<Line<'static>> {
    let t = app.shell.theme;
    let steps = (max - min + 1) as usize;
    let mut out = Vec::new();
    if steps * 4 <= usize::from(width) {
        let spans: Vec<Span> = (min..=max)
            .map(|v| {
                if Some(v) == app.value {
                    Span::styled(format!("[{v:>2}]"), t.selected())
                } else {
                    Span::raw(format!(" {v:>2} "))
                }
            })
            .collect();
        out.push(Line::from(spans));
    } else {
        let bar_w = usize::from(width).saturating_sub(12).max(1);
        let filled = app
            .value
            .map_or(0, |v| ((v - min) as usize * bar_w) / (steps - 1).max(1));
        out.push(Line::from(vec![
            Span::styled("█".repeat(filled), t.selected()),
            Span::raw("░".repeat(bar_w - filled.min(bar_w))),
            Span::styled(format!(" {}", shown(app.value)), t.prompt()),
        ]));
    }
    let half = usize::from(width) / 2;
    let left = min_label
        .as_deref()
        .map(|l| super::clip(&format!("{min} = {l}"), half.saturating_sub(1)))
        .unwrap_or_default();
    let right = max_label
        .as_deref()
        .map(|l| super::clip(&format!("{max} = {l}"), half.saturating_sub(1)))
        .unwrap_or_default();
    let pad = usize::from(width).saturating_sub(left.chars().count() + right.chars().count());
    out.push(Line::styled(
        format!("{left}{}{right}", " ".repeat(pad.max(1))),
        t.dim(),
    ));
    out.push(Line::raw(""));
    out.push(Line::from(vec![
        Span::raw(t!("scale-your-answer")),
        Span::styled(shown(app.value), t.prompt()),
        Span::styled(
            format!(
                "   {}",
                if app.value.is_some() {
                    t!("scale-change")
                } else {
                    t!("scale-none-yet")
                }
            ),
            t.dim(),
        ),
    ]));
    out
}

/// A scale's chosen value, or a dash before one is chosen.
fn shown(value: Option<i64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| v.to_string())
}
