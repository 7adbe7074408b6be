//! What every terminal mode (the interview, practice) shares, so it is written and behaves the
//! same in both: the keymap type ([`keymap`]); the keys every mode has (help, quit, quit at
//! once, and the answers to a yes/no question) and what they do ([`handle`]); the state around a
//! mode's screens ([`Shell`]: windows over the screen, the status line, the exit, theme, size,
//! saving); and the footer and help made from the mode's keymap and the shell's. A mode is a
//! [`Mode`]: its screens, its own messages, and what quitting and a "yes" mean for it.
//!
//! Keys on a screen are looked up in the mode's keymap first, then in the shell's, so a mode can
//! give a shell key a meaning of its own on one screen (Esc leaves practice's hypothesis form);
//! a shell binding whose every key the mode took there is left out of the footer and the help.
//! Over the help or a yes/no question only the shell's keys apply.

pub mod keymap;

use std::borrow::Cow;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use keymap::{Binding, Key, Keymap, always};

use super::outcome::Outcome;
use super::theme::Theme;

/// Whether answers (or practice attempts) are kept on this computer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saving {
    /// `--no-save`: nothing is written.
    Off,
    /// Saved as the person goes, in this folder.
    On(String),
}

/// A window over a mode's screen; `Q` is the mode's yes/no questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay<Q> {
    Help,
    Confirm(Q),
}

/// The state around a mode's screens, the same in every mode.
#[derive(Debug, Clone)]
pub struct Shell<Q> {
    /// Windows over the screen, the top one last.
    pub overlays: Vec<Overlay<Q>>,
    /// A one-line message about the last key (such as "tick at least one").
    pub status: Option<String>,
    /// Set when the session is to end, with how.
    pub exit: Option<Outcome>,
    pub theme: Theme,
    /// Terminal size.
    pub size: (u16, u16),
    pub saving: Saving,
}

impl<Q: Copy + PartialEq> Shell<Q> {
    pub fn new(theme: Theme) -> Self {
        Shell {
            overlays: Vec::new(),
            status: None,
            exit: None,
            theme,
            size: (80, 24),
            saving: Saving::Off,
        }
    }

    /// The window on top, if any.
    pub fn overlay(&self) -> Option<Overlay<Q>> {
        self.overlays.last().copied()
    }

    /// Where the shell's keys stand.
    pub fn layer(&self) -> Layer {
        match self.overlay() {
            None => Layer::Screen,
            Some(Overlay::Help) => Layer::Help,
            Some(Overlay::Confirm(_)) => Layer::Confirm,
        }
    }

    /// Asks `question` over the screen; [`Mode::confirmed`] runs on "yes".
    pub fn ask(&mut self, question: Q) {
        self.overlays.push(Overlay::Confirm(question));
    }
}

/// What the quit key does in a mode, now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quitting<Q> {
    /// End with this outcome.
    Now(Outcome),
    /// Ask this first (something would be lost).
    Ask(Q),
}

/// A terminal mode, as the shell sees it.
pub trait Mode {
    /// The mode's screens, as its keymap knows them.
    type Screen: Screens;
    /// The yes/no questions the mode asks.
    type Question: Copy + PartialEq;

    fn shell(&self) -> &Shell<Self::Question>;
    fn shell_mut(&mut self) -> &mut Shell<Self::Question>;
    /// The screen in front of the person (under any window).
    fn screen(&self) -> Self::Screen;
    /// What the keymap's conditions read.
    fn flags(&self) -> <Self::Screen as Screens>::Flags;
    /// What the quit key does now.
    fn quitting(&self) -> Quitting<Self::Question>;
    /// The person answered "yes" to `question`.
    fn confirmed(&mut self, question: Self::Question);

    /// The message a key press sends now, if any.
    fn message(&self, event: &KeyEvent) -> Option<<Self::Screen as Screens>::Msg> {
        self.screen()
            .message(self.shell().layer(), &self.flags(), event)
    }

    /// The keys that apply now, for the footer (`footer_only`) or the help (which lists the
    /// keys of the screen under it).
    fn hints(&self, footer_only: bool) -> Vec<Hint> {
        let layer = if footer_only {
            self.shell().layer()
        } else {
            Layer::Screen
        };
        hints(
            &<Self::Screen as Screens>::KEYMAP,
            layer,
            self.screen(),
            &self.flags(),
            footer_only,
        )
    }
}

/// The accessors of [`Mode`] for a model that keeps its [`Shell`] in a field named `shell`.
macro_rules! shell_in_field {
    ($question:ty) => {
        fn shell(&self) -> &$crate::tui::shell::Shell<$question> {
            &self.shell
        }

        fn shell_mut(&mut self) -> &mut $crate::tui::shell::Shell<$question> {
            &mut self.shell
        }
    };
}
pub(crate) use shell_in_field;

/// What the shell's keys do, the same in every mode: help opens and closes, quit ends the
/// session or asks first (as the mode says), "yes" carries out the question asked, "no" closes
/// it, and quit-at-once ends with [`Outcome::Interrupted`].
pub fn handle<M: Mode>(mode: &mut M, msg: ShellMsg) {
    let shell = mode.shell_mut();
    if !matches!(msg, ShellMsg::Help | ShellMsg::CloseHelp) {
        shell.status = None;
    }
    match (shell.layer(), msg) {
        (_, ShellMsg::ForceQuit) => shell.exit = Some(Outcome::Interrupted),
        (Layer::Screen, ShellMsg::Help) => shell.overlays.push(Overlay::Help),
        (Layer::Help, ShellMsg::CloseHelp) | (Layer::Confirm, ShellMsg::No) => {
            shell.overlays.pop();
        }
        (Layer::Confirm, ShellMsg::Yes) => {
            if let Some(Overlay::Confirm(q)) = shell.overlays.pop() {
                mode.confirmed(q);
            }
        }
        (Layer::Screen, ShellMsg::Quit) => match mode.quitting() {
            Quitting::Now(outcome) => mode.shell_mut().exit = Some(outcome),
            Quitting::Ask(q) => mode.shell_mut().ask(q),
        },
        _ => {}
    }
}

/// What the person is looking at, as far as the shell's keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// A screen of the mode.
    Screen,
    /// The help window.
    Help,
    /// A yes/no question.
    Confirm,
}

/// What the shell's keys ask for; each mode turns these into its own messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShellMsg {
    Help,
    CloseHelp,
    Quit,
    ForceQuit,
    Yes,
    No,
}

use Layer::*;

/// The keys every mode has.
pub const SHELL_KEYS: Keymap<Layer, ShellMsg, ()> = Keymap(&[
    Binding {
        keys: &[
            (Key::Char('?'), ShellMsg::Help),
            (Key::Code(KeyCode::F(1)), ShellMsg::Help),
        ],
        label: "?",
        action: "help",
        contexts: &[Screen],
        only: always,
        footer: true,
    },
    Binding {
        keys: &[(Key::Char('q'), ShellMsg::Quit)],
        label: "q",
        action: "quit",
        contexts: &[Screen],
        only: always,
        footer: true,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Esc), ShellMsg::Quit)],
        label: "Esc",
        action: "quit",
        contexts: &[Screen],
        only: always,
        footer: false,
    },
    Binding {
        keys: &[
            (Key::Char('?'), ShellMsg::CloseHelp),
            (Key::Code(KeyCode::Esc), ShellMsg::CloseHelp),
            (Key::Code(KeyCode::Enter), ShellMsg::CloseHelp),
            (Key::Char('q'), ShellMsg::CloseHelp),
        ],
        label: "?/Esc/Enter",
        action: "close help",
        contexts: &[Help],
        only: always,
        footer: true,
    },
    Binding {
        keys: &[
            (Key::Char('y'), ShellMsg::Yes),
            (Key::Char('Y'), ShellMsg::Yes),
        ],
        label: "y",
        action: "yes",
        contexts: &[Confirm],
        only: always,
        footer: true,
    },
    Binding {
        keys: &[
            (Key::Char('n'), ShellMsg::No),
            (Key::Char('N'), ShellMsg::No),
            (Key::Code(KeyCode::Esc), ShellMsg::No),
            (Key::Char('q'), ShellMsg::No),
        ],
        label: "n/Esc",
        action: "no",
        contexts: &[Confirm],
        only: always,
        footer: true,
    },
    Binding {
        keys: &[(Key::Ctrl('c'), ShellMsg::ForceQuit)],
        label: "Ctrl-C",
        action: "quit at once",
        contexts: &[Screen, Help, Confirm],
        only: always,
        footer: false,
    },
]);

/// A key hint: how the keys are written, and what they do.
pub type Hint = (Cow<'static, str>, &'static str);

/// What a key press sends: a mode's message (with the digit it carries) or the shell's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sent<M> {
    Mode(M, Option<char>),
    Shell(ShellMsg),
}

/// A mode's screens, as its keymap knows them: each mode's key context type implements this,
/// and gets [`Screens::message`] and [`Screens::label`] from the shell.
pub trait Screens: Copy + PartialEq + 'static {
    /// What the mode's keys ask for.
    type Msg: Copy + PartialEq + std::fmt::Debug + 'static;
    /// What the keymap's conditions read.
    type Flags: 'static;
    /// The mode's keys, in the order its help lists them.
    const KEYMAP: Keymap<Self, Self::Msg, Self::Flags>;
    /// The mode's message carrying a shell key's.
    const SHELL: fn(ShellMsg) -> Self::Msg;

    /// The message for a key bound with [`keymap::Key::Digit`] or [`keymap::Key::Text`],
    /// given the character pressed (unchanged by default).
    fn with_char(msg: Self::Msg, _c: char) -> Self::Msg {
        msg
    }

    /// The message a key press sends on this screen, in `layer`, if any. Key releases send
    /// nothing.
    fn message(self, layer: Layer, flags: &Self::Flags, event: &KeyEvent) -> Option<Self::Msg> {
        Some(match message(&Self::KEYMAP, layer, self, flags, event)? {
            Sent::Mode(m, Some(c)) => Self::with_char(m, c),
            Sent::Mode(m, None) => m,
            Sent::Shell(s) => (Self::SHELL)(s),
        })
    }

    /// How the keys that send `msg` on this screen are written, for a text that names them.
    fn label(self, msg: Self::Msg) -> &'static str {
        Self::KEYMAP.label(self, msg)
    }
}

/// The message a key press sends, on screen `ctx` of a mode with `keys`, in `layer`.
fn message<C, M, F>(
    keys: &Keymap<C, M, F>,
    layer: Layer,
    ctx: C,
    flags: &F,
    event: &KeyEvent,
) -> Option<Sent<M>>
where
    C: Copy + PartialEq,
    M: Copy + PartialEq,
{
    let own = match layer {
        Screen => keys.message(ctx, flags, event),
        Help | Confirm => None,
    };
    match own {
        Some((m, digit)) => Some(Sent::Mode(m, digit)),
        None => SHELL_KEYS
            .message(layer, &(), event)
            .map(|(s, _)| Sent::Shell(s)),
    }
}

/// The keys that apply, as (how they are written, what they do): the mode's on its screen,
/// then the shell's, without a shell binding whose keys the mode took on this screen. For the
/// footer (`footer_only`) or the help.
fn hints<C, M, F>(
    keys: &Keymap<C, M, F>,
    layer: Layer,
    ctx: C,
    flags: &F,
    footer_only: bool,
) -> Vec<Hint>
where
    C: Copy + PartialEq,
    M: Copy + PartialEq,
{
    let own: Vec<&Binding<C, M, F>> = match layer {
        Screen => keys.bindings(ctx, flags, footer_only).collect(),
        Help | Confirm => Vec::new(),
    };
    let taken = |key: &Key| {
        keys.bindings(ctx, flags, false)
            .filter(|_| layer == Screen)
            .any(|b| {
                b.keys.iter().any(|(k, _)| {
                    // A text line takes every printable key.
                    k == key || (*k == Key::Text && matches!(key, Key::Char(_) | Key::Digit))
                })
            })
    };
    let shell = SHELL_KEYS
        .bindings(layer, &(), footer_only)
        .filter(|b| !b.keys.iter().all(|(k, _)| taken(k)));
    let mut out: Vec<Hint> = Vec::new();
    for (label, action) in own
        .into_iter()
        .map(|b| (b.label, b.action))
        .chain(shell.map(|b| (b.label, b.action)))
    {
        // Keys that do the same next to each other read as one hint ("q/Esc quit").
        match out.last_mut() {
            Some(last) if last.1 == action => last.0 = format!("{}/{label}", last.0).into(),
            _ => out.push((label.into(), action)),
        }
    }
    out
}

/// How the shell's keys that send `msg` in `layer` are written, for texts that name them.
pub fn label(layer: Layer, msg: ShellMsg) -> &'static str {
    SHELL_KEYS.label(layer, msg)
}

/// Test helpers for every mode's keymap.
#[cfg(test)]
pub(crate) mod testing {
    use super::keymap::press;
    use super::{Layer, Screens, ShellMsg};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    /// The message `code` sends on screen `ctx`, with no window over it.
    pub fn on<C: Screens>(ctx: C, flags: &C::Flags, code: KeyCode) -> Option<C::Msg> {
        ctx.message(Layer::Screen, flags, &press(code))
    }

    /// Ctrl-C ends the session from every screen, under every window.
    pub fn every_screen_has_a_way_out<C: Screens + std::fmt::Debug>(
        screens: &[C],
        flags: &C::Flags,
    ) {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for ctx in screens {
            for layer in [Layer::Screen, Layer::Help, Layer::Confirm] {
                assert_eq!(
                    ctx.message(layer, flags, &ctrl_c),
                    Some((C::SHELL)(ShellMsg::ForceQuit)),
                    "{ctx:?} {layer:?}"
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    #[test]
    fn every_layer_has_a_way_out() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for layer in [Screen, Help, Confirm] {
            assert_eq!(
                SHELL_KEYS.message(layer, &(), &ctrl_c),
                Some((ShellMsg::ForceQuit, None))
            );
        }
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(
            SHELL_KEYS.message(Help, &(), &esc),
            Some((ShellMsg::CloseHelp, None))
        );
        assert_eq!(
            SHELL_KEYS.message(Confirm, &(), &esc),
            Some((ShellMsg::No, None))
        );
        assert_eq!(
            SHELL_KEYS.message(Screen, &(), &esc),
            Some((ShellMsg::Quit, None))
        );
    }
}
