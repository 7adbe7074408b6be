//! Every screen rendered on ratatui's TestBackend: snapshots at 80x24 (and other sizes), no
//! panic at any size, and NO_COLOR still showing the selection.

use std::sync::Arc;

use crate::common;

use common::{ACK, ONSET, REVIEW, answer_all};
use kinscreen::questionnaire;
use kinscreen::tui::app::{App, update};
use kinscreen::tui::keymap::Msg;
use kinscreen::tui::screens::{MIN_HEIGHT, MIN_WIDTH, view};
use kinscreen::tui::shell::Mode;
use kinscreen::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

fn app() -> App {
    App::new(
        Arc::new(questionnaire::builtin().unwrap()),
        Theme { color: true },
    )
}

pub(crate) fn send(app: &mut App, msgs: &[Msg]) {
    for m in msgs {
        update(app, *m);
    }
}

pub(crate) fn render(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    app.shell.size = (w, h);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view(app, f)).unwrap();
    terminal
}

use Msg::*;

#[test]
fn welcome() {
    insta::assert_snapshot!(render(&mut app(), 80, 24).backend());
}

#[test]
fn first_question_is_the_emergency_check() {
    let mut a = app();
    send(&mut a, &[Confirm, Down, Toggle]);
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
}

#[test]
fn multi_choice_needs_a_tick_before_going_on() {
    let mut a = app();
    send(&mut a, &[Confirm, Confirm]);
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
}

#[test]
fn single_choice_question() {
    let mut a = app();
    send(&mut a, &[Confirm]);
    answer_all(&mut a, ONSET);
    send(&mut a, &[Down]);
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
}

#[test]
fn scale_question() {
    let mut a = app();
    send(&mut a, &[Confirm]);
    answer_all(&mut a, ONSET);
    answer_all(&mut a, &REVIEW[..8]);
    send(&mut a, &[Right, Right]);
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
}

/// A scale starts with no value: a hurried Enter records nothing and says what to do.
#[test]
fn a_scale_has_no_preselected_value() {
    let mut a = app();
    send(&mut a, &[Confirm]);
    answer_all(&mut a, ONSET);
    answer_all(&mut a, &REVIEW[..8]);
    let before = a.interview.state().clone();
    let text = format!("{}", render(&mut a, 80, 24).backend());
    assert!(text.contains("Your answer: –"), "{text}");
    assert!(!text.contains("[ 5]"), "{text}");
    send(&mut a, &[Confirm]);
    assert_eq!(
        a.interview.state(),
        &before,
        "Enter alone answered the scale"
    );
    let text = format!("{}", render(&mut a, 80, 24).backend());
    assert!(text.contains("Choose a number first"), "{text}");
    send(&mut a, &[Pick(3), Confirm]);
    assert_ne!(a.interview.state(), &before);
}

#[test]
fn emergency_alert_interrupts_at_once() {
    let mut a = app();
    send(&mut a, &[Confirm]);
    answer_all(
        &mut a,
        &[("red_flags_emergency", &["saddle_numbness_or_bladder_bowel"])],
    );
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
}

#[test]
fn advice_stays_pinned_after_the_alert() {
    let mut a = app();
    send(&mut a, &[Confirm]);
    answer_all(
        &mut a,
        &[("red_flags_emergency", &["calf_swelling_warmth"]), ACK],
    );
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
}

#[test]
fn review_lists_answers() {
    let mut a = app();
    common::welcome_to_review(&mut a);
    send(&mut a, &[Home, Up, Up]);
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
}

#[test]
fn result_top_and_scrolled() {
    let mut a = app();
    common::welcome_to_review(&mut a);
    send(&mut a, &[Finish]);
    insta::assert_snapshot!("result_top", render(&mut a, 80, 24).backend());
    send(&mut a, &[PageDown]);
    insta::assert_snapshot!("result_page_two", render(&mut a, 80, 24).backend());
    insta::assert_snapshot!("result_large", render(&mut a, 120, 40).backend());
}

/// The app showing the result of a sample case.
fn result_of(vignette: &str) -> App {
    let mut a = app();
    let file = kinscreen::answers::read(&common::vignette(vignette)).unwrap();
    a.interview = kinscreen::answers::run(a.interview.questionnaire().clone(), &file).unwrap();
    a.started = true;
    a
}

/// The whole scrolling result as text, at 80 columns.
fn whole_result(a: &mut App) -> String {
    let t = render(a, 80, 200);
    let buf = t.backend().buffer();
    (0..200)
        .map(|y| {
            (0..80)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn emergency_result_leads_with_where_to_go_and_sets_the_picture_aside() {
    let mut a = result_of("05-hot-swollen-knee.toml");
    insta::assert_snapshot!("emergency_result", render(&mut a, 80, 24).backend());
    let text = whole_result(&mut a);
    for needle in [
        "How soon: Emergency: get care now",
        "Go to an emergency department now",
        "Why the usual question is set aside",
        "For learning",
        "What to do next",
    ] {
        assert!(text.contains(needle), "{needle:?} not in\n{text}");
    }
    for absent in ["0 to 0", "diary", "Get help at once if", "Evidence for"] {
        assert!(
            !text.contains(absent),
            "{absent:?} in an emergency result\n{text}"
        );
    }
    let order: Vec<usize> = [
        "How soon",
        "Why the usual question is set aside",
        "What the picture looks like",
        "What to do next",
        "For learning",
        "not a diagnosis",
    ]
    .iter()
    .map(|n| text.find(n).unwrap_or_else(|| panic!("{n}")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}\n{text}");
}

#[test]
fn set_aside_result_at_urgent() {
    let mut a = result_of("10-ankle-twist-bony-point.toml");
    insta::assert_snapshot!("set_aside_result", render(&mut a, 80, 24).backend());
    let text = whole_result(&mut a);
    assert!(
        text.contains("Why the usual question is set aside"),
        "{text}"
    );
    assert!(text.contains("tender bony point"), "{text}");
    assert!(!text.contains("Get help at once if"), "{text}");
}

#[test]
fn self_care_result_closes_with_its_safety_net() {
    let mut a = result_of("14-plain-knee-sprain.toml");
    insta::assert_snapshot!("self_care_result", render(&mut a, 80, 24).backend());
    let text = whole_result(&mut a);
    insta::assert_snapshot!("self_care_result_whole", text);
    let net = text.find("Get help at once if").expect("a safety net");
    assert!(net > text.find("What to do next").unwrap());
    assert!(
        text.contains("No link elsewhere in the chain was found"),
        "{text}"
    );
}

#[test]
fn a_lesser_alert_after_an_emergency_says_the_emergency_still_stands() {
    let mut a = app();
    // Emergency: a swollen calf; go on; then an urgent sign on the 24-hour screen.
    send(&mut a, &[Confirm]);
    answer_all(
        &mut a,
        &[
            ("red_flags_emergency", &["calf_swelling_warmth"]),
            ACK,
            ("age_band", &["18_to_54"]),
            ("risk_factors", &["none"]),
            ("red_flags_urgent", &["fever_or_unwell"]),
        ],
    );
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
    let text = whole_result(&mut a);
    assert!(
        text.contains("Your earlier advice still stands: Emergency"),
        "{text}"
    );
}

#[test]
fn an_emergency_alert_names_lesser_signs_raised_with_it_without_their_advice() {
    let mut a = app();
    // 65 or over, cannot take four steps (urgent alert), then hip pain after an injury this
    // week: the older-fall emergency and the older-fall hip rule (urgent) fire together.
    send(&mut a, &[Confirm]);
    answer_all(
        &mut a,
        &[
            ("red_flags_emergency", &["none"]),
            ("age_band", &["65_or_over"]),
            ("risk_factors", &["none"]),
            ("red_flags_urgent", &["cannot_bear_weight"]),
            ACK,
            ("main_site", &["hip"]),
            ("side", &["left"]),
            ("other_areas", &["hip"]),
            ("onset_order", &["other_joint_first"]),
            ("onset_mode", &["injury"]),
            ("duration", &["under_2_weeks"]),
        ],
    );
    let text = whole_result(&mut a);
    assert!(text.contains("Emergency: get care now"), "{text}");
    assert!(
        text.contains("Also found: Aged 65 or over with hip or groin pain"),
        "{text}"
    );
    assert!(!text.contains("Be seen today at an urgent"), "{text}");
}

#[test]
fn help_is_drawn_from_the_keymap() {
    let mut a = app();
    send(&mut a, &[Confirm, common::HELP]);
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
}

#[test]
fn quit_asks_first() {
    let mut a = app();
    send(&mut a, &[Confirm, common::QUIT]);
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
    send(&mut a, &[common::NO]);
    assert!(a.shell.overlay().is_none() && a.shell.exit.is_none());
}

#[test]
fn too_small_asks_for_a_bigger_window() {
    let mut a = app();
    send(&mut a, &[Confirm]);
    insta::assert_snapshot!(render(&mut a, 40, 10).backend());
}

#[test]
fn smallest_supported_size() {
    let mut a = app();
    send(&mut a, &[Confirm]);
    answer_all(
        &mut a,
        &[("red_flags_emergency", &["calf_swelling_warmth"]), ACK],
    );
    insta::assert_snapshot!(render(&mut a, 50, 16).backend());
}

#[test]
fn every_screen_renders_at_every_size_without_panic() {
    let mut states = vec![app()];
    let mut a = app();
    send(&mut a, &[Confirm]);
    states.push(a.clone());
    for step in [
        (
            "red_flags_emergency",
            &["saddle_numbness_or_bladder_bowel"][..],
        ),
        ACK,
    ] {
        answer_all(&mut a, &[step]);
        states.push(a.clone());
    }
    let mut b = app();
    send(&mut b, &[Confirm]);
    answer_all(&mut b, ONSET);
    states.push(b.clone());
    answer_all(&mut b, REVIEW);
    states.push(b.clone());
    for step in [Finish, common::HELP] {
        send(&mut b, &[step]);
        states.push(b.clone());
    }
    let mut alert = app();
    send(&mut alert, &[Confirm]);
    answer_all(
        &mut alert,
        &[("red_flags_emergency", &["saddle_numbness_or_bladder_bowel"])],
    );
    states.push(alert);
    for w in [1, 2, 3, 10, 30, 49, 50, 51, 80, 133, 200, 300] {
        for h in [1, 2, 3, 8, 15, 16, 17, 24, 50, 100] {
            for s in &states {
                let mut s = s.clone();
                let t = render(&mut s, w, h);
                if w < MIN_WIDTH || h < MIN_HEIGHT {
                    // Below the minimum only the request for a larger window is drawn.
                    let text: String = t
                        .backend()
                        .buffer()
                        .content()
                        .iter()
                        .map(|c| c.symbol())
                        .collect();
                    let squeeze =
                        |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
                    let (shown, request) =
                        (squeeze(&text), squeeze("Please make the window larger"));
                    let n = shown.len().min(request.len());
                    assert!(n > 0 && shown[..n] == request[..n], "{w}x{h}: {text:?}");
                }
                send(&mut s, &[PageDown, End, Down, Up]);
                render(&mut s, w, h);
            }
        }
    }
}

#[test]
fn no_color_keeps_the_selection_visible() {
    let mut a = App::new(
        Arc::new(questionnaire::builtin().unwrap()),
        Theme { color: false },
    );
    send(&mut a, &[Confirm, Down]);
    let t = render(&mut a, 80, 24);
    let buf = t.backend().buffer();
    for cell in buf.content() {
        assert!(
            cell.fg == Color::Reset && cell.bg == Color::Reset,
            "colour with NO_COLOR: {cell:?}"
        );
    }
    // The highlighted option is marked by a symbol and by bold reverse video.
    let row = (0..24)
        .find(|y| buf[(1, *y)].symbol() == "›")
        .expect("selection marker");
    assert!(
        buf[(8, row)]
            .modifier
            .contains(Modifier::BOLD | Modifier::REVERSED)
    );
    let text: String = (0..80)
        .map(|x| buf[(x, row)].symbol().to_string())
        .collect();
    assert!(text.contains("One calf"), "{text}");
}

#[test]
fn going_back_from_the_first_question_returns_to_welcome() {
    let mut a = app();
    send(&mut a, &[Confirm, Back]);
    assert!(!a.started);
}

#[test]
fn ctrl_c_ends_at_once() {
    let mut a = app();
    send(&mut a, &[Confirm, common::FORCE_QUIT]);
    assert_eq!(a.shell.exit, Some(kinscreen::tui::Outcome::Interrupted));
}

#[test]
fn editing_from_the_review_returns_to_it_on_the_same_row() {
    let mut a = app();
    common::welcome_to_review(&mut a);
    assert_eq!(a.screen(), kinscreen::tui::keymap::Ctx::Review);
    // Up to the severity row and change it to 8.
    let (severity, keys) = common::to_review_row(&a, "severity");
    send(&mut a, &keys);
    send(&mut a, &[Confirm]);
    assert_eq!(a.value, Some(5), "the stored answer is loaded for editing");
    send(&mut a, &[Pick(8), Confirm]);
    assert_eq!(a.screen(), kinscreen::tui::keymap::Ctx::Review);
    assert_eq!(a.cursor, severity);
    let text = render(&mut a, 80, 24).backend().to_string();
    assert!(text.contains("› How bad is the pain"), "{text}");
}

/// The welcome screen with an unfinished interview on offer (two answers given).
fn offered() -> App {
    let mut earlier = app();
    send(&mut earlier, &[Confirm]);
    answer_all(&mut earlier, &ONSET[..2]);
    let mut a = app();
    a.shell.saving = kinscreen::tui::shell::Saving::On("/home/you/.local/share/kinscreen".into());
    a.offer = Some(kinscreen::store::offer::Offer {
        interview: earlier.interview.clone(),
        saved_at: "2026-11-21T10:00:00Z".into(),
        changed: false,
        dropped: vec![],
        draft: 1,
        record: None,
    });
    a
}

#[test]
fn starting_over_asks_before_deleting_the_unfinished_interview() {
    let mut a = offered();
    send(&mut a, &[Msg::Confirm]);
    assert!(!a.started && a.offer.is_some() && a.effects.is_empty());
    // Shown in local time (the files keep UTC); the snapshot names it whatever the zone.
    let shown = kinscreen::clock::local_time("2026-11-21T10:00:00Z");
    let text = format!("{}", render(&mut a, 80, 24).backend());
    assert!(text.contains(&shown), "{shown}: {text}");
    let escaped: String = shown
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == ' ' {
                c.to_string()
            } else {
                format!("\\{c}")
            }
        })
        .collect();
    insta::with_settings!({filters => vec![(escaped.as_str(), "[local time]")]}, {
        insta::assert_snapshot!(render(&mut a, 80, 24).backend());
    });
    send(&mut a, &[common::NO]);
    assert!(!a.started && a.offer.is_some());
    send(&mut a, &[Msg::Confirm, common::YES]);
    assert!(a.started && a.offer.is_none());
    assert_eq!(a.effects, [kinscreen::tui::app::Effect::DiscardSaved(1)]);
}

#[test]
fn a_failed_save_is_shown_in_full_until_one_succeeds() {
    let mut a = app();
    a.shell.saving = kinscreen::tui::shell::Saving::On("/home/you/.local/share/kinscreen".into());
    send(&mut a, &[Confirm]);
    answer_all(&mut a, &ONSET[..2]);
    a.save_error =
        Some("/home/you/.local/share/kinscreen/kinscreen.db: database or disk is full".into());
    a.shell.status =
        Some("Tick at least one option (Space or its number), then press Enter.".into());
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
    send(&mut a, &[common::QUIT]);
    insta::assert_snapshot!("a_failed_save_quit", render(&mut a, 80, 24).backend());
}

/// At the supported minimum every option is reachable and visibly so: "more below" under a
/// list that goes on, "more above" once scrolled, and the header's title and place apart.
#[test]
fn at_the_minimum_size_a_long_list_says_there_is_more() {
    let mut a = app();
    send(&mut a, &[Confirm]);
    let text = format!("{}", render(&mut a, MIN_WIDTH, MIN_HEIGHT).backend());
    assert!(text.contains("▼ more below"), "{text}");
    assert!(!text.contains("▲ more above"), "{text}");
    insta::assert_snapshot!(
        "minimum_size_first_question",
        render(&mut a, MIN_WIDTH, MIN_HEIGHT).backend()
    );
    // To the last option: it shows, with "more above" and nothing below.
    send(&mut a, &[End]);
    let text = format!("{}", render(&mut a, MIN_WIDTH, MIN_HEIGHT).backend());
    assert!(text.contains("None of these"), "{text}");
    assert!(text.contains("▲ more above"), "{text}");
    assert!(!text.contains("▼ more below"), "{text}");
    insta::assert_snapshot!(
        "minimum_size_last_option",
        render(&mut a, MIN_WIDTH, MIN_HEIGHT).backend()
    );
    send(&mut a, &[Home]);
    assert_eq!(a.cursor, 0);
}

/// The header's title and the question's place never run together, however narrow.
#[test]
fn the_header_keeps_title_and_place_apart() {
    let mut a = app();
    send(&mut a, &[Confirm]);
    for step in ONSET {
        for width in [MIN_WIDTH, 60, 80] {
            let text = format!("{}", render(&mut a, width, MIN_HEIGHT).backend());
            let header = text.lines().next().unwrap().trim_matches('"').to_string();
            let p = a.interview.progress();
            let place = [
                format!(" Question {} of about {} ", p.position, p.total),
                format!(" {}/{} ", p.position, p.total),
            ];
            assert!(
                place.iter().any(|x| header.contains(x.as_str())),
                "{width}: {header:?}"
            );
        }
        answer_all(&mut a, &[*step]);
    }
}

/// The app at "where is the pain" (the first four answers given).
fn at_main_site(color: bool) -> App {
    let mut a = App::new(Arc::new(questionnaire::builtin().unwrap()), Theme { color });
    a.shell.size = (80, 24);
    send(&mut a, &[Confirm]);
    answer_all(&mut a, &ONSET[..4]);
    a
}

/// The region of the chart with this key, and a screen cell of it (after a draw).
fn region_cell(a: &App, key: char) -> (usize, u16, u16) {
    let chart = a.chart().unwrap();
    let r = chart.regions.iter().position(|r| r.key == key).unwrap();
    let (x0, y0) = a.chart_at.get().expect("the chart was drawn");
    for (y, row) in chart.cells.iter().enumerate() {
        for (x, cell) in row.iter().enumerate() {
            if *cell == Some(r) {
                return (r, x0 + x as u16, y0 + y as u16);
            }
        }
    }
    panic!("region {key} is not drawn");
}

#[test]
fn where_it_hurts_is_a_body_chart_answered_by_keys() {
    let mut a = at_main_site(true);
    assert_eq!(a.screen(), kinscreen::tui::keymap::Ctx::Chart);
    let text = format!("{}", render(&mut a, 80, 24).backend());
    assert!(text.contains("FRONT") && text.contains("BACK"), "{text}");
    assert!(
        text.contains("your right") && text.contains("Here: "),
        "{text}"
    );
    insta::assert_snapshot!("chart_where_it_hurts", render(&mut a, 80, 24).backend());
    // From the first region down to a knee, across to the other knee, and mark it.
    let (left_knee, _, _) = region_cell(&a, 'k');
    let mut steps = 0;
    while a.region != left_knee && steps < 12 {
        let (r, _, _) = region_cell(&a, 'K');
        let msg = if a.region == r { Msg::Right } else { Msg::Down };
        send(&mut a, &[msg]);
        steps += 1;
    }
    assert_eq!(a.region, left_knee, "the arrow keys reach the left knee");
    send(&mut a, &[Msg::Toggle]);
    let q = a.questionnaire().clone();
    let main_site = q.question_index("main_site").unwrap();
    assert_eq!(
        a.interview.answer(main_site),
        Some(&kinscreen::engine::Answer::Choice(
            q.questions[main_site].option_index("knee").unwrap()
        ))
    );
    // The side question comes next, as with the list, with the chart's side suggested.
    let side = q.question_index("side").unwrap();
    assert_eq!(a.interview.current(), Some(side));
    assert_eq!(a.cursor, q.questions[side].option_index("left").unwrap());
}

#[test]
fn a_mouse_click_on_a_region_answers_with_its_option() {
    let mut a = at_main_site(true);
    render(&mut a, 80, 24);
    let (_, x, y) = region_cell(&a, 'E');
    send(&mut a, &[Msg::Click(x, y)]);
    let q = a.questionnaire().clone();
    let main_site = q.question_index("main_site").unwrap();
    assert_eq!(
        a.interview.answer(main_site),
        Some(&kinscreen::engine::Answer::Choice(
            q.questions[main_site].option_index("foot").unwrap()
        )),
        "a click on the right heel answers foot"
    );
    // A click off the figure does nothing.
    let mut b = at_main_site(true);
    render(&mut b, 80, 24);
    send(&mut b, &[Msg::Click(79, 23)]);
    assert!(b.interview.answer(main_site).is_none());
}

#[test]
fn anywhere_else_on_the_chart_ticks_areas_and_lists_them() {
    let mut a = at_main_site(true);
    answer_all(&mut a, &ONSET[4..6]);
    assert_eq!(a.screen(), kinscreen::tui::keymap::Ctx::Chart);
    render(&mut a, 80, 24);
    for key in ['B', 'h'] {
        let (_, x, y) = region_cell(&a, key);
        send(&mut a, &[Msg::Click(x, y)]);
    }
    let text = format!("{}", render(&mut a, 80, 24).backend());
    assert!(text.contains("[x] 1 Lower back"), "{text}");
    insta::assert_snapshot!("chart_anywhere_else", render(&mut a, 80, 24).backend());
    send(&mut a, &[Confirm]);
    let q = a.questionnaire().clone();
    let other = q.question_index("other_areas").unwrap();
    let ids: Vec<usize> = ["lower_back", "hip"]
        .iter()
        .map(|o| q.questions[other].option_index(o).unwrap())
        .collect();
    assert_eq!(
        a.interview.answer(other),
        Some(&kinscreen::engine::Answer::Choices(ids))
    );
}

#[test]
fn without_colour_or_room_the_chart_falls_back_to_the_list_and_tab_switches() {
    let a = at_main_site(false);
    assert_eq!(a.screen(), kinscreen::tui::keymap::Ctx::Single);
    let mut b = at_main_site(true);
    b.shell.size = (MIN_WIDTH, MIN_HEIGHT);
    assert_eq!(b.screen(), kinscreen::tui::keymap::Ctx::Single);
    let mut c = at_main_site(true);
    send(&mut c, &[Msg::SwitchView]);
    assert_eq!(c.screen(), kinscreen::tui::keymap::Ctx::Single);
    send(&mut c, &[Msg::SwitchView]);
    assert_eq!(c.screen(), kinscreen::tui::keymap::Ctx::Chart);
}

/// On the chart, the keys that are not about the chart do what they do on the list: after an
/// emergency alert, r shows the result at once; Backspace goes back.
#[test]
fn on_the_chart_the_other_keys_work_as_on_the_list() {
    let mut a = App::new(
        Arc::new(questionnaire::builtin().unwrap()),
        Theme { color: true },
    );
    a.shell.size = (80, 24);
    send(&mut a, &[Confirm]);
    answer_all(
        &mut a,
        &[
            ("red_flags_emergency", &["calf_swelling_warmth"]),
            common::ACK,
        ],
    );
    answer_all(&mut a, &ONSET[1..4]);
    assert_eq!(a.screen(), kinscreen::tui::keymap::Ctx::Chart);
    send(&mut a, &[Msg::Back]);
    assert_eq!(
        a.interview.current(),
        a.questionnaire().question_index("red_flags_urgent")
    );
    answer_all(&mut a, &ONSET[3..4]);
    assert_eq!(a.screen(), kinscreen::tui::keymap::Ctx::Chart);
    send(&mut a, &[Msg::Finish]);
    assert_eq!(a.interview.state(), &kinscreen::engine::State::Finished);
}
