//! Drawing the practice screens. Views only read the [`PracticeApp`]; every clinical word comes
//! from the questionnaire or the case, every mark from `crate::practice`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::keys;
use super::{CLASS, FINDINGS, Overlay, PracticeApp, Screen, TRIAGE};
use crate::practice::{CriticalError, Grade, Reply, Station, TriageCall};
use crate::questionnaire::{QIdx, Questionnaire};
use crate::report;
use crate::summary::Part;
use crate::tui::app::Saving;
use crate::tui::screens::overlay::{key_help, yes_no};
use crate::tui::screens::result::block_lines;
use crate::tui::screens::{clip, hint_lines, para, too_small};

/// "34-year-old female, nurse on a busy ward; runs four times a week".
pub fn patient_line(s: &Station) -> String {
    let p = &s.case.patient;
    format!("{}-year-old {}, {}; {}", p.age, p.sex, p.work, p.activity)
}

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
        Screen::List => list(app, frame, body),
        Screen::Board => board(app, frame, body),
        Screen::Commit => form(app, frame, body),
        Screen::Debrief => debrief(app, frame, body),
    }
    if let Some(s) = &app.status {
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {s}"), app.theme.status())),
            status,
        );
    }
    frame.render_widget(Paragraph::new(footer), foot);
    match app.overlay {
        Some(Overlay::Help) => help(app, frame, area),
        Some(Overlay::ConfirmQuit) => yes_no(
            app.theme,
            frame,
            area,
            "Leave this patient?",
            "The attempt ends here: it is not marked and not logged.",
            ("yes, leave", "no, stay"),
        ),
        Some(Overlay::ConfirmCommit) => yes_no(
            app.theme,
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
    let t = app.theme;
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
            format!("Asked {} ", app.attempt.asked().len()),
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
    hint_lines(
        app.theme,
        keys::bindings(app.context(), app.has_list(), true).map(|b| (b.label, b.action)),
        width,
    )
}

/// First row to show so that row `at` is visible in `height` rows.
fn offset(at: usize, height: usize) -> usize {
    (at + 1).saturating_sub(height.max(1))
}

fn list(app: &PracticeApp, frame: &mut Frame, area: Rect) {
    let t = app.theme;
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

/// The transcript: each item asked and the patient's reply.
pub fn transcript_lines(app: &PracticeApp, width: u16) -> Vec<Line<'static>> {
    let t = app.theme;
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

fn board(app: &PracticeApp, frame: &mut Frame, area: Rect) {
    let t = app.theme;
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

fn form(app: &PracticeApp, frame: &mut Frame, area: Rect) {
    let t = app.theme;
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
    let row = |part: usize, at: usize, mark: &str, text: String| {
        let text = clip(&text, usize::from(w).saturating_sub(8));
        if f.part == part && f.cursor[part] == at {
            Line::styled(format!("  › {mark} {text}"), t.selected())
        } else {
            Line::raw(format!("    {mark} {text}"))
        }
    };
    let radio = |on: bool| if on { "(•)" } else { "( )" };
    let mut top = para(
        "Your working hypothesis. Space chooses, Enter commits; after that the patient answers nothing more.",
        w,
        t.dim(),
        "",
        "",
    );
    top.push(heading(CLASS, "What does the picture look like?"));
    for (c, _) in q.classes.iter().enumerate() {
        top.push(row(
            CLASS,
            c,
            radio(f.class == Some(c)),
            crate::summary::class_name(q, c),
        ));
    }
    top.push(heading(TRIAGE, "How soon should the patient be seen?"));
    for (i, level) in q.triage.iter().enumerate() {
        top.push(row(
            TRIAGE,
            i,
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
    let first = offset(f.cursor[FINDINGS], height);
    let rows: Vec<Line> = asked
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(n, i)| {
            let ticked = if f.findings.contains(i) { "[x]" } else { "[ ]" };
            let said = match s.reply(*i) {
                Reply::Said(text) => format!(": “{text}”"),
                Reply::NotApplicable => String::new(),
            };
            row(
                FINDINGS,
                n,
                ticked,
                format!("{}{said}", q.questions[*i].topic()),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(rows), rest);
}

fn tick(t: crate::tui::theme::Theme, ok: bool) -> (&'static str, Style) {
    if ok {
        ("✓ ", t.good())
    } else {
        ("✗ ", t.bad())
    }
}

/// The debrief, as lines for the given width.
pub fn debrief_lines(app: &PracticeApp, g: &Grade, width: u16) -> Vec<Line<'static>> {
    let t = app.theme;
    let s = app.current();
    let q = s.questionnaire();
    let h = app.attempt.hypothesis();
    let mut out: Vec<Line<'static>> = Vec::new();
    let section = |out: &mut Vec<Line<'static>>, title: &str| {
        out.push(Line::raw(""));
        out.push(Line::styled(clip(title, usize::from(width)), t.title()));
    };

    let verdict = if g.passed { "PASS" } else { "FAIL" };
    let style = if g.passed { t.good() } else { t.bad() };
    let mut head = vec![
        Span::styled(
            format!("{verdict}  {} / {}", g.total, app.marking.scheme.max()),
            style.add_modifier(ratatui::style::Modifier::BOLD),
        ),
        Span::raw(format!(
            "   pass mark {}, {} question(s) asked",
            app.marking.scheme.pass_mark,
            app.attempt.asked().len()
        )),
    ];
    if !g.critical_errors.is_empty() {
        head.push(Span::styled(" · critical error", t.bad()));
    }
    out.push(Line::from(head));
    for p in &g.parts {
        let filled = (p.points * 10 + p.max / 2).checked_div(p.max).unwrap_or(10) as usize;
        out.push(Line::from(vec![
            Span::raw(format!("  {:<16}{:>3}/{:<3} ", p.name, p.points, p.max)),
            Span::styled("█".repeat(filled), t.gauge()),
            Span::styled("░".repeat(10 - filled.min(10)), t.dim()),
        ]));
    }
    if !g.critical_errors.is_empty() {
        section(&mut out, "Critical errors: the station is failed");
        for e in &g.critical_errors {
            out.extend(para(
                &e.describe(&app.marking, q),
                width,
                t.bad(),
                "✗ ",
                "  ",
            ));
        }
        if g.critical_errors
            .iter()
            .any(|e| matches!(e, CriticalError::MissedScreening(_)))
        {
            out.extend(para(
                "Every patient is screened for red flags, early, whatever the story sounds like.",
                width,
                t.dim(),
                "  ",
                "  ",
            ));
        }
    }

    section(&mut out, "Your hypothesis");
    if let Some(h) = h {
        let (mark, style) = tick(t, g.class_correct);
        let mut picture = format!("Picture: {}", crate::summary::class_name(q, h.class));
        if !g.class_correct {
            let accepted: Vec<String> = s
                .classes
                .iter()
                .map(|c| crate::summary::class_name(q, *c))
                .collect();
            picture.push_str(&format!(". The key: {}", accepted.join(" or ")));
        }
        out.extend(para(&picture, width, style, mark, "  "));
        let (mark, style) = tick(t, g.triage_call == TriageCall::Right);
        let said = &q.triage[h.triage].label;
        let needed = &q.triage[s.triage].label;
        let triage = match g.triage_call {
            TriageCall::Right => format!("How soon: {said}"),
            TriageCall::Over(n) => {
                format!("How soon: {said}, {n} level(s) more urgent than needed. The key: {needed}")
            }
            TriageCall::Under(n) => {
                format!("How soon: {said}, {n} level(s) less urgent than needed. The key: {needed}")
            }
        };
        out.extend(para(&triage, width, style, mark, "  "));
        if g.guessed {
            out.extend(para(
                &format!(
                    "Fewer than half the essential items were asked, so this counts as a guess: those points are divided by {}.",
                    app.marking.scheme.guess_divisor
                ),
                width,
                t.bad(),
                "! ",
                "  ",
            ));
        }
    }

    section(&mut out, "Red-flag screening");
    for (i, place, early) in &g.critical_asked {
        let (mark, style) = tick(t, *early);
        let when = if *early {
            "early"
        } else {
            "late: screen red flags first"
        };
        out.extend(para(
            &format!(
                "{}: asked as question {place} ({when})",
                q.questions[*i].topic()
            ),
            width,
            style,
            mark,
            "  ",
        ));
    }
    for i in &g.critical_missed {
        out.extend(para(
            &format!("{}: never asked", q.questions[*i].topic()),
            width,
            t.bad(),
            "✗ ",
            "  ",
        ));
    }

    section(&mut out, "Essential items");
    let asked_essential = s.essential.len() - g.essential_missed.len();
    out.extend(para(
        &format!("{asked_essential} of {} asked.", s.essential.len()),
        width,
        Style::new(),
        "  ",
        "  ",
    ));
    for i in &g.essential_missed {
        out.extend(para(
            &format!("Missed: {} ({})", q.questions[*i].topic(), tags(q, *i)),
            width,
            t.bad(),
            "✗ ",
            "  ",
        ));
        if let Reply::Said(text) = s.reply(*i) {
            out.extend(para(
                &format!("The patient would have said: “{text}”"),
                width,
                t.dim(),
                "    ",
                "    ",
            ));
        }
    }

    section(&mut out, "Questions that added nothing for this patient");
    if g.added_nothing.is_empty() {
        out.push(Line::raw("  None: every question counted."));
    }
    for i in &g.added_nothing {
        out.extend(para(
            q.questions[*i].topic(),
            width,
            Style::new(),
            "• ",
            "  ",
        ));
    }

    if let Some(h) = h {
        section(&mut out, "Findings you named");
        if h.findings.is_empty() {
            out.push(Line::styled("  None named.", t.dim()));
        }
        for (i, ok) in &g.findings {
            let (mark, style) = tick(t, *ok);
            let why = if *ok {
                "supports the key"
            } else {
                "does not point toward the key for this patient"
            };
            out.extend(para(
                &format!("{}: {why}", q.questions[*i].topic()),
                width,
                style,
                mark,
                "  ",
            ));
        }
    }

    section(&mut out, "What kinscreen makes of the whole case");
    let summary = report::summary_of(&s.full);
    let shown = summary
        .parts
        .iter()
        .filter(|(p, _)| !matches!(p, Part::Closing))
        .flat_map(|(_, b)| b);
    out.extend(block_lines(shown, t, q.triage.len(), width, "  "));

    section(&mut out, "Teaching points");
    for point in &s.case.key.teaching {
        out.extend(para(point, width, Style::new(), "• ", "  "));
    }

    section(&mut out, "How this station is marked");
    for rule in &app.marking.rules {
        out.extend(para(&rule.replace("**", ""), width, t.dim(), "• ", "  "));
    }
    out
}

fn debrief(app: &PracticeApp, frame: &mut Frame, area: Rect) {
    let Some(g) = &app.grade else {
        return;
    };
    let lines = debrief_lines(app, g, area.width);
    let first = app.scroll.show(lines.len(), usize::from(area.height));
    frame.render_widget(
        Paragraph::new(
            lines
                .into_iter()
                .skip(first)
                .take(usize::from(area.height))
                .collect::<Vec<_>>(),
        ),
        area,
    );
}

fn help(app: &PracticeApp, frame: &mut Frame, area: Rect) {
    let mut under = app.clone();
    under.overlay = None;
    let keys = keys::bindings(under.context(), app.has_list(), false).map(|b| (b.label, b.action));
    let note = match &app.saving {
        Saving::On(_) => {
            "Screen red flags first, ask with a purpose, then commit. Each committed attempt is added to your practice log (kinscreen practice --history)."
        }
        Saving::Off => {
            "Screen red flags first, ask with a purpose, then commit. Nothing is logged (--no-save)."
        }
    };
    key_help(app.theme, frame, area, keys, note);
}
