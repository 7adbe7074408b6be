//! The result: how soon to be seen and where (fixed at the top), then the rest of the summary
//! (why the usual question is set aside, the picture, the evidence, next steps, the safety net,
//! the disclaimer) scrolling. The words and their order come from [`crate::summary`].

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block as Frame_, Borders, Paragraph};

use super::para;
use crate::summary::{Block, PINNED, Part, Summary, Tone};
use crate::tui::app::App;
use crate::tui::theme::Theme;

fn style(t: Theme, tone: Tone, levels: usize) -> Style {
    match tone {
        Tone::Plain => Style::new(),
        Tone::Dim => t.dim(),
        Tone::Strong => t.prompt(),
        Tone::Good => t.good(),
        Tone::Bad => t.bad(),
        Tone::Triage(level) => t.triage(level, levels),
    }
}

/// Summary blocks as styled, wrapped lines; every line starts with `indent`.
pub(crate) fn block_lines<'b>(
    blocks: impl IntoIterator<Item = &'b Block>,
    t: Theme,
    levels: usize,
    width: u16,
    indent: &str,
) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = Vec::new();
    let pad = |s: &str| format!("{indent}{s}");
    for block in blocks {
        match block {
            Block::Heading { level, text, tone } => {
                if !out.is_empty() {
                    out.push(Line::raw(""));
                }
                let s = if *level == 1 {
                    style(t, *tone, levels).patch(t.title())
                } else {
                    style(t, *tone, levels)
                };
                out.extend(para(text, width, s, &pad(""), &pad("")));
            }
            Block::Para { text, tone } => {
                out.extend(para(
                    text,
                    width,
                    style(t, *tone, levels),
                    &pad(""),
                    &pad(""),
                ));
            }
            Block::Bullet { text, tone } => {
                out.extend(para(
                    text,
                    width,
                    style(t, *tone, levels),
                    &pad("  - "),
                    &pad("    "),
                ));
            }
            Block::Evidence(r) => {
                out.extend(para(
                    &r.what,
                    width,
                    Style::new(),
                    &pad(&format!("  {} ", r.points_text())),
                    &pad("     "),
                ));
                if let Some(b) = &r.because {
                    out.extend(para(
                        &crate::t!("evidence-because", answers = b.as_str()),
                        width,
                        t.dim(),
                        &pad("     "),
                        &pad("     "),
                    ));
                }
                out.extend(para(
                    &r.rationale,
                    width,
                    t.dim(),
                    &pad("     "),
                    &pad("     "),
                ));
            }
            Block::Gap => out.push(Line::raw("")),
            Block::Scores(scores) => {
                let top = scores
                    .iter()
                    .map(|(_, p)| (*p).max(0))
                    .max()
                    .unwrap_or(0)
                    .max(1);
                let scores: Vec<(String, i32)> = scores
                    .iter()
                    .map(|(l, p)| (super::clip(l, 40), *p))
                    .collect();
                let label_w = scores
                    .iter()
                    .map(|(l, _)| l.chars().count())
                    .max()
                    .unwrap_or(0);
                let bar_w = usize::from(width)
                    .saturating_sub(label_w + 8 + indent.len())
                    .clamp(1, 30);
                for (label, points) in &scores {
                    let n = (*points).max(0) as usize * bar_w / top as usize;
                    out.push(Line::from(vec![
                        Span::raw(pad(&format!("  {label:<label_w$} "))),
                        Span::styled("█".repeat(n), t.gauge()),
                        Span::raw("░".repeat(bar_w - n.min(bar_w))),
                        Span::raw(format!(" {points}")),
                    ]));
                }
            }
        }
    }
    out
}

fn summary(app: &App) -> Summary {
    crate::report::summary_of(&app.interview)
}

fn panel_lines(app: &App, s: &Summary, width: u16) -> Vec<Line<'static>> {
    let levels = app.questionnaire().triage.len();
    let top = s.part(Part::HowSoon);
    block_lines(
        &top[..PINNED.min(top.len())],
        app.shell.theme,
        levels,
        width,
        "",
    )
}

fn body_lines(app: &App, s: &Summary, width: u16) -> Vec<Line<'static>> {
    let levels = app.questionnaire().triage.len();
    let top = s.part(Part::HowSoon);
    let rest = top.iter().skip(PINNED).chain(
        s.parts
            .iter()
            .filter(|(p, _)| *p != Part::HowSoon)
            .flat_map(|(_, b)| b),
    );
    block_lines(rest, app.shell.theme, levels, width, "")
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let s = summary(app);
    let panel = panel_lines(app, &s, area.width);
    let [panel_a, body_a] = Layout::vertical([
        Constraint::Length((panel.len() as u16 + 1).min(area.height.saturating_sub(3).max(1))),
        Constraint::Min(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(panel).block(Frame_::new().borders(Borders::BOTTOM)),
        panel_a,
    );
    let body = body_lines(app, &s, body_a.width);
    let window = app.scroll.window(body.len(), usize::from(body_a.height));
    super::draw_window(frame, body_a, body, window, app.shell.theme);
}
