//! Helpers shared by the integration test modules (not every module uses every helper).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use kinscreen::tui::keymap::Msg::{self, *};
use kinscreen::tui::shell::ShellMsg;

/// The keys every mode has, as the interview's messages.
pub const HELP: Msg = Msg::Shell(ShellMsg::Help);
pub const CLOSE_HELP: Msg = Msg::Shell(ShellMsg::CloseHelp);
pub const QUIT: Msg = Msg::Shell(ShellMsg::Quit);
pub const FORCE_QUIT: Msg = Msg::Shell(ShellMsg::ForceQuit);
pub const YES: Msg = Msg::Shell(ShellMsg::Yes);
pub const NO: Msg = Msg::Shell(ShellMsg::No);

/// Items version 2 of the item dictionary added: optional, so that older answers files keep
/// working.
pub const ADDED_IN_V2: &[&str] = &[
    "age_band",
    "risk_factors",
    "injury_signs",
    "weakness_onset",
    "walking_pattern",
    "inflammatory_signs",
];

/// A kinscreen command that speaks English whatever the machine's language: the tests compare
/// English texts (a test of another language asks for it with `--lang` or `LANG`).
pub fn english<E>(cmd: Result<assert_cmd::Command, E>) -> Result<assert_cmd::Command, E> {
    cmd.map(|mut c| {
        c.env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8");
        c
    })
}

/// A path inside the project.
/// Runs a kinscreen command that must succeed (its standard error shown when it does not) and
/// reads its standard output as JSON.
pub fn json_out<T: serde::de::DeserializeOwned>(cmd: &mut assert_cmd::Command) -> T {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

pub fn project(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The `.toml` files of a project folder, sorted by name.
pub fn toml_files(folder: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(project(folder))
        .unwrap_or_else(|e| panic!("{folder}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

/// One of the sample cases in `tests/vignettes/`.
pub fn vignette(name: &str) -> PathBuf {
    project("tests/vignettes").join(name)
}

/// An answer by ids, as a test gives it: the question, and its options (or a scale's value).
pub type ById = (&'static str, &'static [&'static str]);

/// After the welcome screen: no emergency, aged 18 to 54, no risk factors, no urgent flags,
/// knee, right, hip elsewhere.
pub const ONSET: &[ById] = &[
    ("red_flags_emergency", &["none"]),
    ("age_band", &["18_to_54"]),
    ("risk_factors", &["none"]),
    ("red_flags_urgent", &["none"]),
    ("main_site", &["knee"]),
    ("side", &["right"]),
    ("other_areas", &["hip"]),
];

/// The rest of a mechanical hip-to-knee story, ending at the review.
pub const REVIEW: &[ById] = &[
    ("onset_order", &["other_joint_first"]),
    ("onset_mode", &["gradual"]),
    ("duration", &["6_weeks_to_3_months"]),
    ("course", &["slowly_worse"]),
    ("pain_character", &["sharp"]),
    ("pain_location", &["one_spot"]),
    ("pain_spreads", &["no"]),
    ("nerve_symptoms", &["none"]),
    ("severity", &["5"]),
    ("local_provocation", &["yes"]),
    ("aggravating", &["stairs", "squatting"]),
    ("easing", &["rest"]),
    ("back_link", &["no"]),
    ("hip_signs", &["hip_stiffness", "limited_rotation"]),
    ("gait_changes", &["hip_drops", "knee_collapses_in"]),
    ("local_swelling", &["no"]),
    ("prior_local_treatment", &["none_tried"]),
    ("inflammatory_signs", &["none"]),
];

/// Not an answer: go on from the red-flag alert on screen (Enter).
pub const ACK: ById = ("(alert)", &[]);

/// The key for the option at `index` (1..9 for the first nine, 0 for the tenth).
fn digit(index: usize) -> Msg {
    assert!(index < 10, "option {} has no digit key", index + 1);
    Pick(((index + 1) % 10) as u8)
}

/// Gives `answers` in order through the keys a person would press, each sent with `send`: a
/// digit per option (the exclusive "none" option by `n`), Enter after a multi choice, the
/// value's digits and Enter on a scale, Enter for [`ACK`]. Options are found by id on the
/// question on screen, which must be the one named.
pub fn answer(
    app: &mut kinscreen::tui::app::App,
    answers: &[ById],
    mut send: impl FnMut(&mut kinscreen::tui::app::App, Msg),
) {
    use kinscreen::questionnaire::Kind;
    for (id, options) in answers {
        if (*id, *options) == ACK {
            assert!(
                matches!(app.interview.state(), kinscreen::engine::State::Alert(_)),
                "an alert on screen"
            );
            send(app, Confirm);
            continue;
        }
        let q = app.questionnaire().clone();
        let current = app.interview.current();
        assert_eq!(
            current.map(|i| q.questions[i].id.as_str()),
            Some(*id),
            "the question on screen"
        );
        let question = &q.questions[current.unwrap()];
        let index = |o: &str| {
            question
                .option_index(o)
                .unwrap_or_else(|| panic!("`{id}` has no option `{o}`"))
        };
        match &question.kind {
            Kind::Single { .. } => send(app, digit(index(options[0]))),
            Kind::Multi { options: all } => {
                for o in options.iter() {
                    let exclusive = all[index(o)].exclusive;
                    send(app, if exclusive { PickNone } else { digit(index(o)) });
                }
                send(app, Confirm);
            }
            Kind::Scale { .. } => {
                for d in options[0].bytes() {
                    send(app, Pick(d - b'0'));
                }
                send(app, Confirm);
            }
        }
    }
}

/// [`answer`] with `update` as the way to send.
pub fn answer_all(app: &mut kinscreen::tui::app::App, answers: &[ById]) {
    answer(app, answers, kinscreen::tui::app::update);
}

/// From the welcome screen to the review.
pub fn welcome_to_review(app: &mut kinscreen::tui::app::App) {
    kinscreen::tui::app::update(app, Confirm);
    answer_all(app, ONSET);
    answer_all(app, REVIEW);
}

/// On the review: the row of a question, and the arrow keys that move the cursor there.
pub fn to_review_row(app: &kinscreen::tui::app::App, question: &str) -> (usize, Vec<Msg>) {
    let q = app.questionnaire();
    let row = app
        .review_rows()
        .iter()
        .position(|r| q.questions[*r].id == question)
        .unwrap_or_else(|| panic!("`{question}` is not on the review"));
    let step = if app.cursor < row { Down } else { Up };
    (row, vec![step; app.cursor.abs_diff(row)])
}

/// The interview screen as plain text at `w`x`h` (ratatui's TestBackend).
pub fn screen_text(app: &mut kinscreen::tui::app::App, w: u16, h: u16) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    app.shell.size = (w, h);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| kinscreen::tui::screens::view(app, f))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}
