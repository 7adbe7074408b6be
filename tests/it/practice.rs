//! Practice mode through its screens: snapshots of every practice screen on ratatui's
//! TestBackend, a scripted run of a case driven by key events from the list to the debrief and
//! the practice log, the critical-error path as a student would meet it, and no panic at any
//! size.

use kinscreen::tui::shell::{Mode, ShellMsg};
use std::sync::Arc;

use kinscreen::practice::{self, LogEntry, Station};
use kinscreen::questionnaire::{self, QIdx};
use kinscreen::store::Store;
use kinscreen::tui::Outcome;
use kinscreen::tui::practice::keys::Msg;
use kinscreen::tui::practice::{PracticeApp, Screen, perform, update, view};
use kinscreen::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn stations() -> Vec<Station> {
    let q = Arc::new(questionnaire::builtin().unwrap());
    let (stations, broken) = practice::built_in(&q);
    assert!(broken.is_empty());
    stations
}

/// Practice on the guided board with these stations, as `--case` starts it when `single`.
fn app_with(stations: Vec<Station>, single: bool, theme: Theme) -> PracticeApp {
    PracticeApp::new(
        stations,
        practice::Marking::builtin().unwrap(),
        practice::ask::Shared::ready(practice::Matcher::builtin(
            &questionnaire::builtin().unwrap(),
        )),
        practice::AskMode::Guided,
        Vec::new(),
        single,
        theme,
    )
}

fn app() -> PracticeApp {
    app_with(stations(), false, Theme { color: true })
}

/// The app with one case open, as `--case FILE` starts it.
fn single(case_id: &str) -> PracticeApp {
    let station = stations()
        .into_iter()
        .find(|s| s.case.case.id == case_id)
        .unwrap();
    app_with(vec![station], true, Theme { color: true })
}

fn render(app: &mut PracticeApp, w: u16, h: u16) -> Terminal<TestBackend> {
    app.shell.size = (w, h);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view::view(app, f)).unwrap();
    terminal
}

fn screen_text(app: &mut PracticeApp, w: u16, h: u16) -> String {
    format!("{}", render(app, w, h).backend())
}

/// Presses a key as the event loop does: through the keymap, then update, then the effects.
fn press(app: &mut PracticeApp, code: KeyCode, store: Option<&Store>) {
    let event = KeyEvent::new(code, KeyModifiers::NONE);
    let msg = app
        .message(&event)
        .unwrap_or_else(|| panic!("{code:?} does nothing on {:?}", app.screen()));
    update(app, msg);
    perform(app, store);
}

fn item(app: &PracticeApp, id: &str) -> QIdx {
    app.current().questionnaire().question_index(id).unwrap()
}

/// Moves the board's cursor to `item` with ↑/↓ and asks it with Enter.
fn ask(app: &mut PracticeApp, item: QIdx, store: Option<&Store>) {
    let target = app.board.iter().position(|i| *i == item).unwrap();
    while app.board_cursor != target {
        let key = if app.board_cursor < target {
            KeyCode::Down
        } else {
            KeyCode::Up
        };
        press(app, key, store);
    }
    press(app, KeyCode::Enter, store);
}

/// Moves the form's cursor in the focused part to `row` and presses Space.
fn choose(app: &mut PracticeApp, row: usize, store: Option<&Store>) {
    let part = app.form.part;
    while app.form.cursor[part] != row {
        let key = if app.form.cursor[part] < row {
            KeyCode::Char('j')
        } else {
            KeyCode::Char('k')
        };
        press(app, key, store);
    }
    press(app, KeyCode::Char(' '), store);
}

fn send(app: &mut PracticeApp, msgs: &[Msg]) {
    for m in msgs {
        update(app, *m);
    }
}

/// Asks these items (by id) in order.
fn ask_ids(app: &mut PracticeApp, ids: &[&str]) {
    for id in ids {
        let i = item(app, id);
        ask(app, i, None);
    }
}

#[test]
fn case_list() {
    insta::assert_snapshot!(render(&mut app(), 80, 24).backend());
}

#[test]
fn board_before_the_first_question() {
    let mut a = single("hip-to-knee-mechanical");
    assert_eq!(a.screen, Screen::Board);
    let text = screen_text(&mut a, 80, 24);
    assert!(text.contains("The patient waits"), "{text}");
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
}

#[test]
fn board_with_a_running_transcript() {
    let mut a = single("hip-to-knee-mechanical");
    ask_ids(
        &mut a,
        &[
            "red_flags_emergency",
            "red_flags_urgent",
            "other_areas",
            "onset_order",
        ],
    );
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
}

#[test]
fn board_on_a_wide_terminal_shows_the_headings_beside_each_item() {
    let mut a = single("mixed-knee");
    ask_ids(&mut a, &["red_flags_emergency", "nerve_symptoms"]);
    let text = screen_text(&mut a, 120, 40);
    assert!(text.contains("Special questions (red flags)"), "{text}");
    assert!(text.contains("Site · Body chart"), "{text}");
    insta::assert_snapshot!(render(&mut a, 120, 40).backend());
}

#[test]
fn hypothesis_form() {
    let mut a = single("hip-to-knee-mechanical");
    ask_ids(&mut a, &["red_flags_emergency", "gait_changes"]);
    send(
        &mut a,
        &[
            Msg::Commit,
            Msg::Toggle,
            Msg::NextGroup,
            Msg::Down,
            Msg::Toggle,
        ],
    );
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
}

#[test]
fn committing_asks_for_confirmation_first() {
    let mut a = single("hip-to-knee-mechanical");
    send(&mut a, &[Msg::Commit, Msg::Select]);
    assert!(
        screen_text(&mut a, 80, 24).contains("Choose what the picture looks like first"),
        "Enter without a choice says what is missing"
    );
    send(
        &mut a,
        &[Msg::Toggle, Msg::NextGroup, Msg::Toggle, Msg::Select],
    );
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
    send(&mut a, &[Msg::Shell(ShellMsg::No)]);
    assert_eq!(a.screen, Screen::Commit, "n keeps the form open");
}

/// The scripted run: list → case → questions → hypothesis → debrief → log → list, by keys.
#[test]
fn a_whole_station_by_keys_from_the_list_to_the_debrief_and_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let opened = Store::open(Some(dir.path())).unwrap();
    let store = Some(&opened);
    let mut a = app();
    // Choose the runner's knee from the list.
    while a.stations[a.list_cursor].case.case.id != "hip-to-knee-mechanical" {
        press(&mut a, KeyCode::Down, store);
    }
    press(&mut a, KeyCode::Enter, store);
    assert_eq!(a.screen, Screen::Board);

    // Red flags first, then the history that matters, and one question that adds nothing.
    let plan = [
        "red_flags_emergency",
        "red_flags_urgent",
        "onset_order",
        "onset_mode",
        "pain_location",
        "local_provocation",
        "aggravating",
        "gait_changes",
        "side",
    ];
    for id in plan {
        let i = item(&a, id);
        ask(&mut a, i, store);
    }
    assert_eq!(a.attempt.asked().len(), plan.len());
    // Asking again changes nothing and says so.
    press(&mut a, KeyCode::Enter, store);
    assert_eq!(a.attempt.asked().len(), plan.len());
    assert!(a.shell.status.as_deref().unwrap().contains("Asked before"));
    let board = screen_text(&mut a, 80, 24);
    assert!(board.contains("asked 9"), "{board}");
    assert!(
        board.contains("my left hip"),
        "the latest replies are in view: {board}"
    );

    // The hypothesis: overload from elsewhere, routine, with two findings.
    press(&mut a, KeyCode::Char('c'), store);
    assert_eq!(a.screen, Screen::Commit);
    let q = a.current().questionnaire().clone();
    let class = q
        .classes
        .iter()
        .position(|c| c.id == "mechanical_compensation")
        .unwrap();
    let routine = q.triage.iter().position(|t| t.id == "routine").unwrap();
    choose(&mut a, class, store);
    press(&mut a, KeyCode::Tab, store);
    choose(&mut a, routine, store);
    press(&mut a, KeyCode::Tab, store);
    let asked = a.attempt.asked().to_vec();
    for id in ["gait_changes", "onset_order"] {
        let row = asked.iter().position(|i| *i == item(&a, id)).unwrap();
        choose(&mut a, row, store);
    }
    press(&mut a, KeyCode::Enter, store);
    press(&mut a, KeyCode::Char('y'), store);
    assert_eq!(a.screen, Screen::Debrief);

    let g = a.grade.clone().unwrap();
    assert!(g.passed && g.critical_errors.is_empty());
    assert_eq!(g.added_nothing, vec![item(&a, "side")]);
    assert_eq!(g.total, 96, "{g:?}");
    let top = screen_text(&mut a, 80, 24);
    assert!(top.contains("PASS  96 / 100"), "{top}");
    assert!(top.contains("Attempt kept in"), "{top}");
    a.shell.status = None; // the log's path changes from run to run
    insta::assert_snapshot!("debrief_top", render(&mut a, 80, 24).backend());

    // The debrief scrolls to the engine's view, the teaching points and the marking rules.
    let mut seen = String::new();
    for _ in 0..60 {
        seen.push_str(&screen_text(&mut a, 80, 24));
        press(&mut a, KeyCode::PageDown, store);
    }
    for part in [
        "Red-flag screening",
        "Questions that added nothing for this patient",
        "Which side",
        "The key says",
        "Global rating",
        "Teaching points",
        "How this station is marked",
    ] {
        assert!(seen.contains(part), "the debrief shows {part:?}");
    }
    press(&mut a, KeyCode::End, store);
    insta::assert_snapshot!("debrief_end", render(&mut a, 80, 24).backend());

    // The attempt is in the log, with its items by id.
    let (log, bad) = opened.practice_log().unwrap();
    assert!(bad.is_empty());
    let [entry]: [LogEntry; 1] = log.try_into().unwrap();
    assert_eq!(entry.case, "hip-to-knee-mechanical");
    assert_eq!(entry.asked, plan);
    assert_eq!(entry.findings, vec!["onset_order", "gait_changes"]);
    assert_eq!((entry.score, entry.passed), (96, true));
    assert!(entry.at.ends_with('Z'));

    // Back to the list, which now shows the best score.
    press(&mut a, KeyCode::Char('n'), store);
    assert_eq!(a.screen, Screen::List);
    assert!(screen_text(&mut a, 80, 24).contains("best  96 (1 try)"));
    press(&mut a, KeyCode::Char('q'), store);
    assert_eq!(a.shell.exit, Some(Outcome::Done));
}

#[test]
fn skipping_the_red_flag_screen_fails_the_station_on_screen() {
    let mut a = single("calf-swelling-emergency");
    ask_ids(&mut a, &["onset_mode", "local_swelling", "other_areas"]);
    let q = a.current().questionnaire().clone();
    let unclear = q.classes.iter().position(|c| c.id == "unclear").unwrap();
    let emergency = q.triage.iter().position(|t| t.id == "emergency").unwrap();
    update(&mut a, Msg::Commit);
    a.form.cursor[0] = unclear;
    update(&mut a, Msg::Toggle);
    update(&mut a, Msg::NextGroup);
    a.form.cursor[1] = emergency;
    send(
        &mut a,
        &[Msg::Toggle, Msg::Select, Msg::Shell(ShellMsg::Yes)],
    );
    let g = a.grade.clone().unwrap();
    assert!(!g.passed);
    assert_eq!(g.critical_errors.len(), 2);
    let text = screen_text(&mut a, 80, 24);
    assert!(text.contains("FAIL"), "{text}");
    assert!(
        text.contains("Critical errors: the station is failed"),
        "{text}"
    );
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
    // Started with --case: no list to go back to, only quitting.
    assert!(
        a.message(&KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE))
            .is_none()
    );
}

#[test]
fn leaving_a_patient_before_committing_asks_and_logs_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(dir.path())).unwrap();
    let mut a = single("mixed-knee");
    ask(&mut a, 0, Some(&store));
    press(&mut a, KeyCode::Char('q'), Some(&store));
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
    press(&mut a, KeyCode::Char('y'), Some(&store));
    assert_eq!(a.shell.exit, Some(Outcome::Cancelled));
    assert!(store.practice_log().unwrap().0.is_empty());
}

#[test]
fn help_lists_the_keys_of_the_screen_under_it() {
    let mut a = single("mixed-knee");
    send(&mut a, &[Msg::Shell(ShellMsg::Help)]);
    let text = screen_text(&mut a, 80, 24);
    assert!(text.contains("commit hypothesis") && text.contains("transcript"));
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
    // The same keys close the help as in the interview.
    for key in [
        KeyCode::Char('?'),
        KeyCode::Esc,
        KeyCode::Enter,
        KeyCode::Char('q'),
    ] {
        send(&mut a, &[Msg::Shell(ShellMsg::Help)]);
        press(&mut a, key, None);
        assert!(a.shell.overlay().is_none(), "{key:?}");
    }
}

#[test]
fn without_saving_the_debrief_says_nothing_was_logged() {
    let mut a = single("mixed-knee");
    send(
        &mut a,
        &[
            Msg::Commit,
            Msg::Toggle,
            Msg::NextGroup,
            Msg::Toggle,
            Msg::Select,
            Msg::Shell(ShellMsg::Yes),
        ],
    );
    perform(&mut a, None);
    assert!(screen_text(&mut a, 80, 24).contains("Not logged"));
}

#[test]
fn no_practice_screen_panics_at_any_size() {
    let mut screens = Vec::new();
    let mut a = app();
    screens.push(a.clone());
    send(&mut a, &[Msg::Select]);
    ask_ids(&mut a, &["red_flags_emergency", "other_areas"]);
    screens.push(a.clone());
    send(
        &mut a,
        &[Msg::Commit, Msg::NextGroup, Msg::NextGroup, Msg::Toggle],
    );
    screens.push(a.clone());
    send(
        &mut a,
        &[
            Msg::PrevGroup,
            Msg::Toggle,
            Msg::PrevGroup,
            Msg::Toggle,
            Msg::Select,
        ],
    );
    screens.push(a.clone());
    send(&mut a, &[Msg::Shell(ShellMsg::Yes)]);
    screens.push(a.clone());
    send(&mut a, &[Msg::End]);
    screens.push(a.clone());
    for s in &mut screens {
        for w in (1..=200).step_by(13) {
            for h in (1..=70).step_by(7) {
                render(s, w, h);
            }
        }
    }
    let small = screen_text(&mut screens[1], 40, 10);
    assert!(small.contains("Please make the window larger"));
}

#[test]
fn without_colour_the_cursor_still_shows() {
    let mut a = app_with(stations(), false, Theme { color: false });
    let terminal = render(&mut a, 80, 24);
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset)
    );
    assert!(format!("{}", terminal.backend()).contains("› "));
}

/// The app with one case open in `mode`.
fn single_in(case_id: &str, mode: practice::AskMode) -> PracticeApp {
    let mut a = single(case_id);
    while a.mode != mode {
        send(&mut a, &[Msg::NextMode]);
    }
    a
}

fn typing(a: &mut PracticeApp, text: &str) {
    for c in text.chars() {
        send(a, &[Msg::Type(c)]);
    }
}

#[test]
fn typed_questions_screen() {
    let mut a = single_in("hip-to-knee-referred", practice::AskMode::Typed);
    typing(&mut a, "Any pins and needles?");
    send(&mut a, &[Msg::Select]);
    typing(&mut a, "Do you smoke?");
    send(&mut a, &[Msg::Select]);
    typing(&mut a, "Where is the pain and does it spread?");
    send(&mut a, &[Msg::Select]);
    typing(&mut a, "wehre else does it hurt");
    let text = screen_text(&mut a, 80, 24);
    assert!(text.contains("No tingling or numbness."), "{text}");
    assert!(text.contains("not sure what you mean"), "{text}");
    assert!(text.contains("runs from the groin"), "{text}");
    assert_eq!(a.attempt.unclear(), 1);
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
}

#[test]
fn long_menu_screen() {
    let mut a = single_in("hip-to-knee-referred", practice::AskMode::LongMenu);
    let text = screen_text(&mut a, 80, 24);
    assert!(text.contains("type a few letters"), "{text}");
    typing(&mut a, "blad");
    let text = screen_text(&mut a, 80, 24);
    assert!(text.contains("numbness between the legs"), "{text}");
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
    send(&mut a, &[Msg::Select]);
    assert_eq!(a.attempt.questions().len(), 1);
    assert_eq!(a.attempt.mode, practice::AskMode::LongMenu);
}

/// A red-flag item asked one sign at a time is half-marked on the board until each sign is
/// asked, and the hypothesis form quotes the signs' replies the student heard.
#[test]
fn a_screening_item_asked_in_part_is_half_marked_and_quoted_as_heard() {
    let mut a = single_in("warm-swollen-foot-diabetes", practice::AskMode::Typed);
    typing(&mut a, "Any fever?");
    send(&mut a, &[Msg::Select]);
    typing(&mut a, "Where is the pain?");
    send(&mut a, &[Msg::Select]);
    while a.mode != practice::AskMode::Guided {
        send(&mut a, &[Msg::NextMode]);
    }
    let text = screen_text(&mut a, 100, 40);
    assert!(text.contains("◐ Urgent warning signs"), "{text}");
    assert!(text.contains("✓ Where the pain is worst"), "{text}");
    assert!(text.contains("  Emergency warning signs"), "{text}");
    // Asked whole from the board, it is done.
    let urgent = item(&a, "red_flags_urgent");
    ask(&mut a, urgent, None);
    let text = screen_text(&mut a, 100, 40);
    assert!(text.contains("✓ Urgent warning signs"), "{text}");
}

#[test]
fn the_form_quotes_the_signs_the_student_heard() {
    let mut a = single_in("warm-swollen-foot-diabetes", practice::AskMode::Typed);
    typing(&mut a, "Any fever?");
    send(&mut a, &[Msg::Select]);
    send(&mut a, &[Msg::Commit]);
    let text = screen_text(&mut a, 80, 24);
    assert!(text.contains("No temperature and no shivers."), "{text}");
    assert!(
        !text.contains("The foot's warmer than the other one"),
        "{text}"
    );
}

/// At 50x16 the case list says there are more cases below, and g/G go to the first and last.
#[test]
fn at_the_minimum_size_the_case_list_says_there_is_more() {
    let mut a = app();
    let text = screen_text(&mut a, 50, 16);
    assert!(text.contains("▼ more below"), "{text}");
    insta::assert_snapshot!("minimum_size_case_list", render(&mut a, 50, 16).backend());
    press(&mut a, KeyCode::Char('G'), None);
    assert_eq!(a.list_cursor, a.stations.len() - 1);
    let text = screen_text(&mut a, 50, 16);
    assert!(text.contains("▲ more above"), "{text}");
    press(&mut a, KeyCode::Char('g'), None);
    assert_eq!(a.list_cursor, 0);
}
