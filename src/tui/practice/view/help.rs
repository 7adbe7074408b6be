//! The help window over a practice screen.

use crate::tui::shell::Screens;
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::app::Saving;
use crate::tui::practice::PracticeApp;
use crate::tui::screens::overlay::key_help;

pub(super) fn render(app: &PracticeApp, frame: &mut Frame, area: Rect) {
    let keys = app.screen_context().hints(&app.has_list(), false);
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
