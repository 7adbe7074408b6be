//! Practice mode in the terminal: the session that connects the model ([`super`]), its view
//! ([`super::view`]) and the practice log to the event loop.

use crate::tui::shell::Mode;
use ratatui::crossterm::event::KeyEvent;

use super::{PracticeApp, perform, update, view};
use crate::store::Store;
use crate::tui::outcome::Outcome;
use crate::tui::shell::Saving;
use crate::tui::{Front, event_loop, in_terminal, paste_ignored};

/// Runs practice mode in the terminal; attempts are appended to the practice log of `store`
/// (none without one).
pub fn run(mut app: PracticeApp, store: Option<Store>) -> anyhow::Result<Outcome> {
    if let Some(store) = &store {
        app.shell.saving = Saving::On(store.dir().display().to_string());
        match store.practice_log() {
            Ok((entries, _)) => app.log = entries,
            Err(e) => app.shell.status = Some(format!("The practice log could not be read: {e}")),
        }
    }
    in_terminal(|terminal, signals| {
        let mut front = Practising {
            app: &mut app,
            store: store.as_ref(),
        };
        event_loop(terminal, &mut front, signals)
    })
}

/// Practice mode as the event loop sees it: the app and where attempts are logged.
struct Practising<'a> {
    app: &'a mut PracticeApp,
    store: Option<&'a Store>,
}

impl Front for Practising<'_> {
    fn draw(&self, frame: &mut ratatui::Frame) {
        view::view(self.app, frame);
    }

    fn exit(&self) -> Option<Outcome> {
        self.app.shell.exit
    }

    fn key(&mut self, key: KeyEvent) {
        if let Some(msg) = self.app.message(&key) {
            update(self.app, msg);
            perform(self.app, self.store);
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.app.shell.size = (width, height);
    }

    fn pasted(&mut self) {
        self.app.shell.status = Some(paste_ignored());
    }
}
