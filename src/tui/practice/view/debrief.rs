//! The debrief: the marks, what was missed and why, the whole case, the teaching points.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::practice::Grade;
use crate::practice::debrief::{Mark, debrief};
use crate::tui::practice::PracticeApp;
use crate::tui::screens::{clip, para};

/// The debrief ([`crate::practice::debrief`]) as lines for the given width: the verdict and a
/// bar for each part of the score, then each section with its marks.
pub fn debrief_lines(app: &PracticeApp, g: &Grade, width: u16) -> Vec<Line<'static>> {
    let t = app.shell.theme;
    let d = debrief(&app.marking, app.current(), &app.attempt, g);
    let mut out = Vec::new();
    let verdict = if d.passed { "PASS" } else { "FAIL" };
    let style = if d.passed { t.good() } else { t.bad() };
    let mut head = vec![
        Span::styled(
            format!("{verdict}  {} / {}", d.total, d.max),
            style.add_modifier(ratatui::style::Modifier::BOLD),
        ),
        Span::raw(format!("  {} · pass mark {}", d.band, d.pass_mark)),
    ];
    if d.critical_error {
        head.push(Span::styled(" · critical error", t.bad()));
    }
    out.push(Line::from(head));
    out.push(Line::styled(
        clip(
            &format!("{} question(s), {}", d.questions, d.mode),
            usize::from(width),
        ),
        t.dim(),
    ));
    for p in &d.parts {
        let filled = (p.points * 10 + p.max / 2).checked_div(p.max).unwrap_or(10) as usize;
        out.push(Line::from(vec![
            Span::raw(format!("  {:<16}{:>3}/{:<3} ", p.name, p.points, p.max)),
            Span::styled("█".repeat(filled), t.gauge()),
            Span::styled("░".repeat(10 - filled.min(10)), t.dim()),
        ]));
    }
    for section in &d.sections {
        out.push(Line::raw(""));
        out.push(Line::styled(
            clip(&section.title, usize::from(width)),
            t.title(),
        ));
        for item in &section.items {
            let (mark, style) = match item.mark {
                Mark::Good => ("✓ ", t.good()),
                Mark::Bad => ("✗ ", t.bad()),
                Mark::Warn => ("! ", t.bad()),
                Mark::Bullet => ("• ", Style::new()),
                Mark::Plain => ("  ", Style::new()),
                Mark::Note => ("  ", t.dim()),
                Mark::Aside => ("• ", t.dim()),
                Mark::Alert => ("  ", t.bad()),
            };
            out.extend(para(&item.text, width, style, mark, "  "));
            for detail in &item.details {
                out.extend(para(detail, width, t.dim(), "    ", "    "));
            }
        }
    }
    out
}

pub(super) fn render(app: &PracticeApp, frame: &mut Frame, area: Rect) {
    let Some(g) = &app.grade else {
        return;
    };
    let lines = debrief_lines(app, g, area.width);
    let window = app.scroll.window(lines.len(), usize::from(area.height));
    crate::tui::screens::draw_window(frame, area, lines, window, app.shell.theme);
}
