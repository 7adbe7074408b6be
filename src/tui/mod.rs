//! The terminal front end (ratatui + crossterm): the event loop, terminal set-up and restore,
//! and signal handling. The model and `update` live in [`app`], drawing in [`screens`], keys in
//! [`keymap`].

pub mod app;
pub mod keymap;
pub mod screens;
pub mod theme;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

use crate::questionnaire::Questionnaire;
use app::{App, update};

/// How an interactive session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The person saw the result and left.
    Done,
    /// The person quit before the result.
    Cancelled,
    /// Ctrl-C, SIGTERM or SIGHUP.
    Interrupted,
}

/// Runs the interview in the terminal. The terminal is restored on return, on error, on panic
/// (ratatui's hook) and on SIGTERM/SIGHUP (which end the loop normally).
pub fn run(q: Arc<Questionnaire>) -> anyhow::Result<Outcome> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            // Raw mode may already be on when entering the alternate screen fails.
            let _ = ratatui::try_restore();
            return Err(e.into());
        }
    };
    let mut app = App::new(q, theme::Theme::from_env());
    let result = event_loop(&mut terminal, &mut app, &stop);
    ratatui::try_restore()?;
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    stop: &AtomicBool,
) -> anyhow::Result<Outcome> {
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    loop {
        terminal.draw(|frame| screens::view(app, frame))?;
        if let Some(outcome) = app.exit {
            return Ok(outcome);
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(Outcome::Interrupted);
        }
        if !event::poll(Duration::from_millis(200))? {
            continue;
        }
        match event::read()? {
            Event::Key(key) => {
                if let Some(msg) = keymap::message(app.context(), app.flags(), &key) {
                    update(app, msg);
                }
            }
            Event::Resize(w, h) => {
                app.size = (w, h);
                let ctx = app.context();
                app.scroll = app.scroll.min(screens::scroll_limit(app, ctx));
            }
            _ => {}
        }
    }
}
