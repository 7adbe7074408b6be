//! What every terminal mode (the interview, practice) shares, so it is written and behaves the
//! same in both: the keymap type ([`keymap`]), the keys every mode has (help, quit, quit at
//! once, and the answers to a yes/no question) handled the same way everywhere, and the footer
//! and help made from both tables.
//!
//! Keys on a screen are looked up in the mode's keymap first, then in the shell's, so a mode can
//! give a shell key a meaning of its own on one screen (Esc leaves practice's hypothesis form);
//! a shell binding whose every key the mode took there is left out of the footer and the help.
//! Over the help or a yes/no question only the shell's keys apply.

pub mod keymap;

use std::borrow::Cow;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use keymap::{Applies, Binding, Key, Keymap};

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

/// The shell's keys have no condition beyond their layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Always;

impl<F> Applies<F> for Always {
    fn holds(&self, _: &F) -> bool {
        true
    }
}

use Layer::*;

/// The keys every mode has.
pub const SHELL_KEYS: Keymap<Layer, ShellMsg, Always> = Keymap(&[
    Binding {
        keys: &[(Key::Char('?'), ShellMsg::Help)],
        label: "?",
        action: "help",
        contexts: &[Screen],
        only: Always,
        footer: true,
    },
    Binding {
        keys: &[(Key::Char('q'), ShellMsg::Quit)],
        label: "q",
        action: "quit",
        contexts: &[Screen],
        only: Always,
        footer: true,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Esc), ShellMsg::Quit)],
        label: "Esc",
        action: "quit",
        contexts: &[Screen],
        only: Always,
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
        only: Always,
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
        only: Always,
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
        only: Always,
        footer: true,
    },
    Binding {
        keys: &[(Key::Ctrl('c'), ShellMsg::ForceQuit)],
        label: "Ctrl-C",
        action: "quit at once",
        contexts: &[Screen, Help, Confirm],
        only: Always,
        footer: false,
    },
]);

/// A key hint: how the keys are written, and what they do.
pub type Hint = (Cow<'static, str>, &'static str);

/// What a key press sends: a mode's message (with the digit it carries) or the shell's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sent<M> {
    Mode(M, Option<u8>),
    Shell(ShellMsg),
}

/// A mode's screens, as its keymap knows them: each mode's key context type implements this,
/// and gets [`Screens::message`], [`Screens::hints`] and [`Screens::label`] from the shell.
pub trait Screens: Copy + PartialEq + 'static {
    /// What the mode's keys ask for.
    type Msg: Copy + PartialEq + 'static;
    /// When a binding applies beyond its screens.
    type Only: Applies<Self::Flags> + 'static;
    /// What those conditions read.
    type Flags;
    /// The mode's keys, in the order its help lists them.
    const KEYMAP: Keymap<Self, Self::Msg, Self::Only>;

    /// The screens that are the help window and a yes/no question.
    const HELP: Self;
    const CONFIRM: Self;

    /// Where the shell's keys stand on this screen.
    fn layer(self) -> Layer {
        if self == Self::HELP {
            Layer::Help
        } else if self == Self::CONFIRM {
            Layer::Confirm
        } else {
            Layer::Screen
        }
    }

    /// The mode's messages for the shell's keys: help, close the help or answer no, quit,
    /// quit at once, and yes.
    const SHELL: [Self::Msg; 5];

    /// The mode's message for a shell key.
    fn from_shell(msg: ShellMsg) -> Self::Msg {
        let [help, no, quit, force_quit, yes] = Self::SHELL;
        match msg {
            ShellMsg::Help => help,
            ShellMsg::CloseHelp | ShellMsg::No => no,
            ShellMsg::Quit => quit,
            ShellMsg::ForceQuit => force_quit,
            ShellMsg::Yes => yes,
        }
    }

    /// The message for a digit key bound with [`keymap::Key::Digit`] (unchanged by default).
    fn with_digit(msg: Self::Msg, _digit: u8) -> Self::Msg {
        msg
    }

    /// The message a key press sends on this screen, if any. Key releases send nothing.
    fn message(self, flags: &Self::Flags, event: &KeyEvent) -> Option<Self::Msg> {
        Some(
            match message(&Self::KEYMAP, self.layer(), self, flags, event)? {
                Sent::Mode(m, Some(d)) => Self::with_digit(m, d),
                Sent::Mode(m, None) => m,
                Sent::Shell(s) => Self::from_shell(s),
            },
        )
    }

    /// The keys that apply on this screen, for the footer (`footer_only`) or the help.
    fn hints(self, flags: &Self::Flags, footer_only: bool) -> Vec<Hint> {
        hints(&Self::KEYMAP, self.layer(), self, flags, footer_only)
    }

    /// How the keys that send `msg` on this screen are written, for a text that names them.
    fn label(self, msg: Self::Msg) -> &'static str {
        Self::KEYMAP.label(self, msg)
    }
}

/// The message a key press sends, on screen `ctx` of a mode with `keys`, in `layer`.
fn message<C, M, O, F>(
    keys: &Keymap<C, M, O>,
    layer: Layer,
    ctx: C,
    flags: &F,
    event: &KeyEvent,
) -> Option<Sent<M>>
where
    C: Copy + PartialEq,
    M: Copy + PartialEq,
    O: Applies<F>,
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
fn hints<C, M, O, F>(
    keys: &Keymap<C, M, O>,
    layer: Layer,
    ctx: C,
    flags: &F,
    footer_only: bool,
) -> Vec<Hint>
where
    C: Copy + PartialEq,
    M: Copy + PartialEq,
    O: Applies<F>,
{
    let own: Vec<&Binding<C, M, O>> = match layer {
        Screen => keys.bindings(ctx, flags, footer_only).collect(),
        Help | Confirm => Vec::new(),
    };
    let taken = |key: &Key| {
        keys.bindings(ctx, flags, false)
            .filter(|_| layer == Screen)
            .any(|b| b.keys.iter().any(|(k, _)| k == key))
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
