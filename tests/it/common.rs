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

/// A path inside the project.
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

/// Keys from the welcome screen: start, no emergency, aged 18 to 54, no risk factors, no
/// urgent flags, knee, right, hip elsewhere.
pub const TO_ONSET: &[Msg] = &[
    Confirm,
    PickNone,
    Confirm,
    Pick(3),
    PickNone,
    Confirm,
    PickNone,
    Confirm,
    Pick(2),
    Pick(2),
    Pick(4),
    Confirm,
];

/// The rest of a mechanical hip-to-knee story, ending at the review.
pub const TO_REVIEW: &[Msg] = &[
    Pick(1), // other joint first
    Pick(3), // gradual
    Pick(3), // 6 weeks to 3 months
    Pick(3), // slowly worse
    Pick(1), // sharp
    Pick(1), // one spot
    Pick(1), // stays put
    Pick(5),
    Confirm, // no nerve symptoms
    Confirm, // severity 5
    Pick(1), // pressing brings it on
    Pick(3),
    Pick(5),
    Confirm, // stairs, squatting
    Pick(1),
    Confirm, // rest
    Pick(2), // no back link
    Pick(2),
    Pick(4),
    Confirm, // stiff hip, limited rotation
    Pick(2),
    Pick(3),
    Confirm, // hip drops, knee collapses
    Pick(2), // no swelling
    Pick(3), // no treatment yet
    PickNone,
    Confirm, // nothing new: no morning stiffness, no swollen joints
];

/// From the welcome screen to the review.
pub fn welcome_to_review() -> Vec<Msg> {
    [TO_ONSET, TO_REVIEW].concat()
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
