//! The terminal front end (ratatui + crossterm): the event loop, terminal set-up and restore,
//! and signal handling. The model and `update` live in [`app`], drawing in [`screens`], keys in
//! [`keymap`].

pub mod app;
pub mod keymap;
pub mod outcome;
pub mod practice;
pub mod screens;
pub mod scroll;
pub mod shell;
pub mod theme;

pub use outcome::Outcome;

use crate::tui::shell::Mode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::engine::{Interview, State};
use crate::questionnaire::Questionnaire;
use crate::report;
use crate::store::autosave::{Autosave, Saved};
use crate::store::{self, Store};
use app::{App, Effect, update};
use shell::Saving;

/// How an interview session ended, and what could not be kept.
#[derive(Debug)]
pub struct Ended {
    pub outcome: Outcome,
    /// The finished interview, when it could not be stored (the caller prints it).
    pub unsaved_result: Option<Interview>,
    /// The last save failed and nothing saved since (the exit code must say so).
    pub save_error: Option<String>,
}

use crate::store::offer::find_offer;

/// Runs the interview in the terminal, saving to `store` as it goes (nothing is saved without
/// one). The terminal is restored on return, on error, on panic (ratatui's hook) and on
/// SIGTERM/SIGHUP (which end the loop normally).
pub fn run(q: Arc<Questionnaire>, store: Option<Store>) -> anyhow::Result<Ended> {
    let mut app = App::new(q.clone(), theme::Theme::from_env());
    let mut saver = Saver::new(store);
    if let Some(store) = saver.autosave.as_ref().map(Autosave::store) {
        app.shell.saving = Saving::On(store.dir().display().to_string());
        let (offer, note) = find_offer(store, &q);
        app.offer = offer;
        let notes: Vec<String> = store.notes().iter().cloned().chain(note).collect();
        if !notes.is_empty() {
            app.shell.status = Some(notes.join(" "));
        }
    }
    let outcome = in_terminal(|terminal, signals| {
        let mut front = Interviewing {
            app: &mut app,
            saver: &mut saver,
        };
        event_loop(terminal, &mut front, signals)
    });
    saver.release();
    let outcome = outcome?;
    // A save error can only come from a store, so saving was on.
    let unsaved_result = (app.save_error.is_some() && *app.interview.state() == State::Finished)
        .then(|| app.interview.clone());
    Ok(Ended {
        outcome,
        unsaved_result,
        save_error: app.save_error.clone(),
    })
}

/// What signals asked of a terminal session, for its event loop to act on.
pub struct Signals {
    /// SIGTERM or SIGHUP: end now.
    stop: Arc<AtomicBool>,
    /// SIGTSTP: someone else asked this program to suspend.
    tstp: Arc<AtomicBool>,
    /// SIGCONT: the program was continued.
    cont: Arc<AtomicBool>,
}

impl Signals {
    /// Whether a failed read or write on the terminal means the session is over rather than
    /// broken: a stop was asked for, or the terminal went away (then SIGHUP may not even come).
    fn terminal_gone(&self) -> bool {
        self.stop.load(Ordering::Relaxed) || hung_up(false)
    }
}

/// Takes over the terminal for `body` and gives it back whatever happens: SIGTERM and SIGHUP
/// set the stop flag of the [`Signals`] `body` must watch, a watchdog ends the process if the terminal goes
/// away, panics restore it (ratatui's hook, plus bracketed paste switched off), and Ctrl-Z or
/// SIGTSTP suspend it the way every full-screen program does (see [`suspend`]).
///
/// Nothing polls: the event loop sleeps until a key, a resize or a signal (see [`wake_on`]),
/// and the watchdog sleeps until the terminal hangs up, so an idle screen costs no CPU.
pub fn in_terminal<T>(
    body: impl FnOnce(&mut DefaultTerminal, &Signals) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let signals = Signals {
        stop: Arc::new(AtomicBool::new(false)),
        tstp: Arc::new(AtomicBool::new(false)),
        cont: Arc::new(AtomicBool::new(false)),
    };
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&signals.stop))?;
    }
    let tstp =
        signal_hook::flag::register(signal_hook::consts::SIGTSTP, Arc::clone(&signals.tstp))?;
    let cont =
        signal_hook::flag::register(signal_hook::consts::SIGCONT, Arc::clone(&signals.cont))?;
    // Set once `body` has returned: nothing needs ending by force any more.
    let over = Arc::new(AtomicBool::new(false));
    let waker = wake_on(Arc::clone(&over))?;
    spawn_watchdog(Arc::clone(&signals.stop), Arc::clone(&over));
    let mut terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            // Raw mode may already be on when entering the alternate screen fails.
            restore();
            return Err(e.into());
        }
    };
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(
            std::io::stdout(),
            DisableBracketedPaste,
            DisableMouseCapture
        );
        ratatui_hook(info);
    }));
    let _ = crossterm::execute!(std::io::stdout(), EnableBracketedPaste);
    let result = body(&mut terminal, &signals);
    over.store(true, Ordering::Relaxed);
    waker.close();
    signal_hook::low_level::unregister(tstp);
    signal_hook::low_level::unregister(cont);
    let _ = crossterm::execute!(
        std::io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture
    );
    let restored = ratatui::try_restore();
    if terminal.show_cursor().is_err() {
        // The terminal is gone: ratatui's own clean-up would report that on it and fail again.
        std::mem::forget(terminal);
    }
    match restored {
        // Failing to restore a terminal that went away is no new error.
        Err(e) if !signals.terminal_gone() => Err(e.into()),
        _ => result,
    }
}

/// Gives the terminal back: bracketed paste and mouse capture off, raw mode off, the main screen
/// back.
fn restore() {
    let _ = crossterm::execute!(
        std::io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture
    );
    let _ = ratatui::try_restore();
}

/// Takes the terminal again after a suspend (or any SIGCONT): raw mode, the alternate screen,
/// bracketed paste, and a full redraw on the next frame.
fn retake(terminal: &mut DefaultTerminal) -> anyhow::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(
        std::io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        EnableBracketedPaste
    )?;
    // `clear` would ask the terminal where its cursor is; resizing to the full size clears
    // the screen and forgets the previous frame without asking.
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
    Ok(())
}

/// Ctrl-Z or SIGTSTP: restores the terminal, stops the process as the shell expects, and on
/// `fg` takes the terminal again and redraws everything.
fn suspend(terminal: &mut DefaultTerminal, signals: &Signals) -> anyhow::Result<()> {
    restore();
    #[cfg(unix)]
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
    // Running again: the SIGCONT that woke us is handled here.
    signals.cont.store(false, Ordering::Relaxed);
    retake(terminal)
}

/// Keeps the data folder in step with the interview: the unfinished interview (this window's
/// own draft) after every change, the finished one in the history (one record per interview,
/// updated if the person goes back and finishes again, together with a report saved from it),
/// and the effects the model asked for. A failed save is kept in `app.save_error` until a save
/// succeeds.
pub struct Saver {
    autosave: Option<Autosave>,
}

impl Saver {
    pub fn new(store: Option<Store>) -> Self {
        Saver {
            autosave: store.map(Autosave::new),
        }
    }

    /// Lets go of the drafts this window holds (at exit).
    pub fn release(&self) {
        if let Some(a) = &self.autosave {
            a.release();
        }
    }

    /// Does what the app's state asks for; problems end up on the screen.
    pub fn sync(&mut self, app: &mut App) {
        let effects = std::mem::take(&mut app.effects);
        let (before, after): (Vec<Effect>, Vec<Effect>) = effects
            .into_iter()
            .partition(|e| !matches!(e, Effect::SaveReport));
        for effect in before {
            self.effect(app, effect);
        }
        self.save(app);
        for effect in after {
            self.effect(app, effect);
        }
    }

    fn effect(&mut self, app: &mut App, effect: Effect) {
        let done = match (effect, &mut self.autosave) {
            (Effect::DiscardSaved(draft), Some(a)) => a.store().discard_draft(draft).map(|_| None),
            (Effect::Resumed { draft, record }, Some(a)) => {
                a.resumed(&app.interview, draft, record.as_deref());
                Ok(None)
            }
            (Effect::SaveReport, Some(a)) => save_report(a, app).map(Some),
            (Effect::SaveReport, None) => Ok(Some(crate::t!("status-no-report"))),
            (Effect::DiscardSaved(_) | Effect::Resumed { .. }, None) => Ok(None),
        };
        match done {
            Ok(Some(message)) => app.shell.status = Some(message),
            Ok(None) => {}
            Err(e) => {
                app.shell.status = Some(crate::t!("status-could-not-save", error = e.to_string()))
            }
        }
    }

    fn save(&mut self, app: &mut App) {
        let Some(a) = &mut self.autosave else {
            return;
        };
        if !app.started {
            return;
        }
        let result = a.save(&app.interview).and_then(|saved| {
            // A report saved earlier follows the changed answers.
            if saved == (Saved::Finished { again: true })
                && let Some((id, _)) = a.record()
                && a.store().has_report(id)?
            {
                let path = save_report(a, app)?;
                app.shell.status = Some(crate::t!("status-report-updated", path = path));
            }
            Ok(saved)
        });
        match result {
            Ok(Saved::Unchanged) => {}
            Ok(_) => app.save_error = None,
            Err(e) => app.save_error = Some(e.to_string()),
        }
    }
}

/// Writes the report of the finished interview kept by `a`, and says where.
fn save_report(a: &Autosave, app: &App) -> Result<String, store::StoreError> {
    let Some((id, finished_at)) = a.record() else {
        return Err(store::StoreError::NotStored);
    };
    let text = report::markdown(&app.interview, Some(report::Provenance { id, finished_at }));
    let path = a.store().save_report(id, &text, &store::now())?;
    Ok(crate::t!(
        "status-report-saved",
        path = path.display().to_string()
    ))
}

/// Wakes the event loop when a signal asks something of it. The loop sleeps in crossterm's
/// `event::read`, which wakes for keys and for SIGWINCH (crossterm listens for it to report
/// resizes); so a thread, itself asleep until SIGTERM, SIGHUP, SIGTSTP or SIGCONT arrives,
/// raises SIGWINCH: the loop wakes with a resize event and then sees the flags. (The flags are
/// set by the handlers registered in [`in_terminal`], at the moment the signal arrives: a
/// suspend clears the SIGCONT that woke it before this thread could run.) After SIGTERM or
/// SIGHUP it gives the loop [`STOP_GRACE`] to end before ending the process itself.
fn wake_on(over: Arc<AtomicBool>) -> anyhow::Result<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGTERM, SIGTSTP, SIGWINCH};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGTSTP, SIGCONT])?;
    let handle = signals.handle();
    std::thread::spawn(move || {
        for signal in signals.forever() {
            let _ = signal_hook::low_level::raise(SIGWINCH);
            if signal == SIGTERM || signal == SIGHUP {
                give_up_after_grace(&over);
            }
        }
    });
    Ok(handle)
}

/// How long the loop may take to notice a stop request before the process is ended for it.
const STOP_GRACE: Duration = Duration::from_millis(1500);

/// Waits [`STOP_GRACE`]; if the event loop has not returned by then (it is stuck, see
/// [`spawn_watchdog`]), restores what it can and exits with 130. Answers are already saved.
/// Once the loop has returned the program ends its own way, however long its last save takes.
fn give_up_after_grace(over: &AtomicBool) {
    std::thread::sleep(STOP_GRACE);
    if !over.load(Ordering::Relaxed) {
        restore();
        std::process::exit(130);
    }
}

/// Guards against a terminal that has gone away (the window closed, the SSH link dropped).
/// crossterm 0.29 then spins inside `event::read` and never returns, so the stop flag is never
/// seen (crossterm issue #793). This thread sleeps until the terminal hangs up, asks the loop
/// to stop, and if it does not end within [`STOP_GRACE`], ends the process with 130.
fn spawn_watchdog(stop: Arc<AtomicBool>, over: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        if hung_up(true) {
            stop.store(true, Ordering::Relaxed);
            let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
            give_up_after_grace(&over);
        }
    });
}

/// Whether the terminal on standard input has hung up; with `wait`, sleeps until it does (false
/// at once where that cannot be watched).
#[cfg(unix)]
fn hung_up(wait: bool) -> bool {
    use rustix::event::{PollFd, PollFlags, Timespec};
    let stdin = std::io::stdin();
    let now = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    loop {
        // With no events asked for, poll reports only a hang-up or a failure of the descriptor
        // (always reported); no timeout waits for one.
        let mut fds = [PollFd::new(&stdin, PollFlags::empty())];
        match rustix::event::poll(&mut fds, if wait { None } else { Some(&now) }) {
            Ok(0) => return false,
            Ok(_) => {
                return fds[0]
                    .revents()
                    .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL);
            }
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => return false,
        }
    }
}

#[cfg(not(unix))]
fn hung_up(_wait: bool) -> bool {
    false
}

/// What the shared event loop needs from a front end.
pub(crate) trait Front {
    fn draw(&self, frame: &mut ratatui::Frame);
    /// How the session ended, once it has.
    fn exit(&self) -> Option<Outcome>;
    fn key(&mut self, key: event::KeyEvent);
    fn resize(&mut self, width: u16, height: u16);
    /// Text was pasted: it is not read as keys.
    fn pasted(&mut self);
    /// Whether the screen takes mouse clicks now (the body chart). The mouse is captured only
    /// then, so that selecting and copying text work everywhere else.
    fn mouse(&self) -> bool {
        false
    }
    /// A left click at (`column`, `row`).
    fn click(&mut self, _column: u16, _row: u16) {}
}

/// What the status line says when text is pasted.
pub fn paste_ignored() -> String {
    crate::t!("status-paste-ignored")
}

/// Whether a key is Ctrl plus a letter.
fn ctrl(key: &event::KeyEvent, c: char) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char(c)
}

/// Draws, reads keys and resizes until the front end exits or `stop` is set. Ctrl-Z suspends;
/// a paste is never read as keys; while the window is too small, keys do nothing but Ctrl-C.
pub(crate) fn event_loop(
    terminal: &mut DefaultTerminal,
    front: &mut impl Front,
    signals: &Signals,
) -> anyhow::Result<Outcome> {
    // crossterm starts listening for resizes (SIGWINCH) the first time events are asked for:
    // ask now, before the first frame, or a resize right after it is lost until the next event.
    // (A failure here shows again, and is handled, at the first read.)
    let _ = event::poll(Duration::ZERO);
    let size = terminal.size()?;
    let mut size = (size.width, size.height);
    front.resize(size.0, size.1);
    // A terminal that went away ends the session as interrupted, not as an error.
    let ended = |e: std::io::Error| {
        if signals.terminal_gone() {
            Ok(Outcome::Interrupted)
        } else {
            Err(e.into())
        }
    };
    // Whether the mouse is captured now (only while a screen takes clicks).
    let mut captured = false;
    loop {
        let drawn = terminal.draw(|frame| {
            front.draw(frame);
            escape_cells(frame.buffer_mut());
        });
        if let Err(e) = drawn {
            return ended(e);
        }
        if front.mouse() != captured {
            captured = front.mouse();
            let switched = if captured {
                crossterm::execute!(std::io::stdout(), EnableMouseCapture)
            } else {
                crossterm::execute!(std::io::stdout(), DisableMouseCapture)
            };
            if let Err(e) = switched {
                return ended(e);
            }
        }
        if let Some(outcome) = front.exit() {
            return Ok(outcome);
        }
        if signals.stop.load(Ordering::Relaxed) {
            return Ok(Outcome::Interrupted);
        }
        // After a suspend the terminal has forgotten the mouse capture: the next frame redoes it.
        if signals.tstp.swap(false, Ordering::Relaxed) {
            suspend(terminal, signals)?;
            captured = false;
            continue;
        }
        if signals.cont.swap(false, Ordering::Relaxed) {
            retake(terminal)?;
            captured = false;
            continue;
        }
        // Sleeps until something happens: nothing is drawn or checked while idle.
        let event = match event::read() {
            Ok(event) => event,
            Err(e) => return ended(e),
        };
        match event {
            Event::Key(key) if ctrl(&key, 'z') => {
                suspend(terminal, signals)?;
                captured = false;
            }
            Event::Key(key)
                if (size.0 < screens::MIN_WIDTH || size.1 < screens::MIN_HEIGHT)
                    && !ctrl(&key, 'c') => {}
            Event::Key(key) => front.key(key),
            Event::Resize(w, h) => {
                size = (w, h);
                front.resize(w, h);
            }
            Event::Paste(_) => front.pasted(),
            Event::Mouse(m)
                if m.kind == MouseEventKind::Down(MouseButton::Left)
                    && size.0 >= screens::MIN_WIDTH
                    && size.1 >= screens::MIN_HEIGHT =>
            {
                front.click(m.column, m.row);
            }
            _ => {}
        }
    }
}

/// Replaces, cell by cell, anything that could drive the terminal or reorder text (a last line
/// of defence: texts are escaped before they are laid out).
fn escape_cells(buffer: &mut ratatui::buffer::Buffer) {
    for cell in &mut buffer.content {
        if cell.symbol().chars().any(crate::output::is_unsafe) {
            cell.set_char(char::REPLACEMENT_CHARACTER);
        }
    }
}

/// The interview as the event loop sees it: the app and what keeps it saved.
struct Interviewing<'a> {
    app: &'a mut App,
    saver: &'a mut Saver,
}

impl Front for Interviewing<'_> {
    fn draw(&self, frame: &mut ratatui::Frame) {
        screens::view(self.app, frame);
    }

    fn exit(&self) -> Option<Outcome> {
        self.app.shell.exit
    }

    fn key(&mut self, key: event::KeyEvent) {
        if let Some(msg) = self.app.message(&key) {
            update(self.app, msg);
            self.saver.sync(self.app);
        }
    }

    fn pasted(&mut self) {
        self.app.shell.status = Some(paste_ignored());
    }

    fn resize(&mut self, width: u16, height: u16) {
        // The next draw keeps the scrolled screen within its text at the new size.
        self.app.shell.size = (width, height);
    }

    fn mouse(&self) -> bool {
        self.app.screen() == keymap::Ctx::Chart && self.app.shell.layer() == shell::Layer::Screen
    }

    fn click(&mut self, column: u16, row: u16) {
        if self.mouse() {
            update(self.app, keymap::Msg::Click(column, row));
            self.saver.sync(self.app);
        }
    }
}
