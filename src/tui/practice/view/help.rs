//! The help window over a practice screen.

use crate::tui::shell::Mode;
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::practice::PracticeApp;
use crate::tui::screens::overlay::key_help;
use crate::tui::shell::Saving;

pub(super) fn render(app: &PracticeApp, frame: &mut Frame, area: Rect) {
    let keys = app.hints(false);
    let log = match &app.shell.saving {
        Saving::On(_) => {
            "Each committed attempt is added to your practice log (kinscreen practice --history)."
        }
        Saving::Off => "Nothing is logged (--no-save).",
    };
    let note = format!(
        "Screen red flags first, ask with a purpose, then commit. On the board ✓ marks what you asked, ◐ a red-flag item with signs still to ask. {log}"
    );
    key_help(app.shell.theme, frame, area, keys, &note);
}
