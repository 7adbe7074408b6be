//! The interview's keymap: which key sends which message on which screen, in the shell's
//! keymap type (see [`super::shell`]), which also holds the keys every mode has (help, quit,
//! yes/no). The footer's key hints, the `?` help and texts that name a key are made from these
//! tables, so they cannot disagree with what keys do.

use ratatui::crossterm::event::KeyCode;

use super::shell::keymap::{Applies, Key, Keymap, up_down};
use super::shell::{self, Screens};

/// What the screen in front of the person is, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    Welcome,
    Single,
    Multi,
    Scale,
    Alert,
    Review,
    Result,
    Help,
    Confirm,
}

/// Everything a key can ask the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Up,
    Down,
    Left,
    Right,
    Toggle,
    Confirm,
    /// A digit key: 1..9 pick the first nine options, 0 the tenth (or the value 0 on a scale).
    Pick(u8),
    /// Tick the "none of these" option of a multi choice (whatever its place in the list).
    PickNone,
    Back,
    Skip,
    Finish,
    Help,
    Quit,
    ForceQuit,
    Yes,
    No,
    PageUp,
    PageDown,
    Home,
    End,
    /// Take up the saved unfinished interview.
    Resume,
    /// Save the report of the result.
    SaveReport,
}

/// When a binding applies beyond its contexts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Only {
    Always,
    /// The current question may be left unanswered.
    Optional,
    /// An alert at the most urgent level has been raised, so the result may be seen early.
    Early,
    /// A saved unfinished interview is on offer.
    Offer,
    /// No saved interview is on offer.
    NoOffer,
}

/// One row of the keymap.
pub type Binding = shell::keymap::Binding<Ctx, Msg, Only>;

use Ctx::*;

const QUESTIONS: &[Ctx] = &[Single, Multi, Scale];
const UP_DOWN: &[(Key, Msg)] = &up_down(Msg::Up, Msg::Down);
const PAGING: &[(Key, Msg)] = &[
    (Key::Code(KeyCode::PageUp), Msg::PageUp),
    (Key::Code(KeyCode::PageDown), Msg::PageDown),
    (Key::Code(KeyCode::Home), Msg::Home),
    (Key::Code(KeyCode::End), Msg::End),
];
const ENTER_SPACE: &[(Key, Msg)] = &[
    (Key::Code(KeyCode::Enter), Msg::Confirm),
    (Key::Char(' '), Msg::Confirm),
];
const ENTER: &[(Key, Msg)] = &[(Key::Code(KeyCode::Enter), Msg::Confirm)];
const BACK: &[(Key, Msg)] = &[
    (Key::Code(KeyCode::Backspace), Msg::Back),
    (Key::Code(KeyCode::BackTab), Msg::Back),
];
const FINISH: &[(Key, Msg)] = &[(Key::Char('r'), Msg::Finish)];

/// The keymap, in the order the help lists it.
pub const KEYMAP: Keymap<Ctx, Msg, Only> = Keymap(&[
    Binding {
        keys: ENTER_SPACE,
        label: "Enter",
        action: "start",
        contexts: &[Welcome],
        only: Only::NoOffer,
        footer: true,
    },
    Binding {
        keys: &[(Key::Char('r'), Msg::Resume)],
        label: "r",
        action: "resume",
        contexts: &[Welcome],
        only: Only::Offer,
        footer: true,
    },
    Binding {
        keys: ENTER_SPACE,
        label: "Enter",
        action: "start over",
        contexts: &[Welcome],
        only: Only::Offer,
        footer: true,
    },
    Binding {
        keys: UP_DOWN,
        label: "↑↓ j/k",
        action: "move",
        contexts: &[Single, Multi, Review],
        only: Only::Always,
        footer: true,
    },
    Binding {
        keys: UP_DOWN,
        label: "↑↓ j/k",
        action: "scroll",
        contexts: &[Alert, Result, Welcome],
        only: Only::Always,
        footer: true,
    },
    Binding {
        keys: PAGING,
        label: "PgUp/PgDn",
        action: "scroll a page",
        contexts: &[Alert, Result, Review, Welcome],
        only: Only::Always,
        footer: false,
    },
    Binding {
        keys: ENTER_SPACE,
        label: "Enter/Space",
        action: "choose",
        contexts: &[Single],
        only: Only::Always,
        footer: true,
    },
    Binding {
        keys: &[(Key::Char(' '), Msg::Toggle)],
        label: "Space",
        action: "tick/untick",
        contexts: &[Multi],
        only: Only::Always,
        footer: true,
    },
    Binding {
        keys: &[(Key::Char('n'), Msg::PickNone)],
        label: "n",
        action: "none of these",
        contexts: &[Multi],
        only: Only::Always,
        footer: true,
    },
    Binding {
        keys: ENTER,
        label: "Enter",
        action: "go on",
        contexts: &[Multi],
        only: Only::Always,
        footer: true,
    },
    Binding {
        keys: &[
            (Key::Code(KeyCode::Left), Msg::Left),
            (Key::Char('h'), Msg::Left),
            (Key::Code(KeyCode::Down), Msg::Left),
            (Key::Char('j'), Msg::Left),
            (Key::Code(KeyCode::Right), Msg::Right),
            (Key::Char('l'), Msg::Right),
            (Key::Code(KeyCode::Up), Msg::Right),
            (Key::Char('k'), Msg::Right),
        ],
        label: "←→ h/l",
        action: "change",
        contexts: &[Scale],
        only: Only::Always,
        footer: true,
    },
    Binding {
        keys: ENTER_SPACE,
        label: "Enter",
        action: "confirm",
        contexts: &[Scale],
        only: Only::Always,
        footer: true,
    },
    Binding {
        keys: &[(Key::Digit, Msg::Pick(0))],
        label: "1-9,0",
        action: "pick by number",
        contexts: &[Single, Multi],
        only: Only::Always,
        footer: true,
    },
    Binding {
        keys: &[(Key::Digit, Msg::Pick(0))],
        label: "0-9",
        action: "type a value",
        contexts: &[Scale],
        only: Only::Always,
        footer: false,
    },
    Binding {
        keys: &[(Key::Char('s'), Msg::Skip)],
        label: "s",
        action: "skip (optional)",
        contexts: QUESTIONS,
        only: Only::Optional,
        footer: true,
    },
    Binding {
        keys: ENTER,
        label: "Enter",
        action: "continue the questions",
        contexts: &[Alert],
        only: Only::Always,
        footer: true,
    },
    Binding {
        keys: FINISH,
        label: "r",
        action: "see the result now",
        contexts: &[Alert],
        only: Only::Early,
        footer: true,
    },
    Binding {
        keys: FINISH,
        label: "r",
        action: "see the result now",
        contexts: QUESTIONS,
        only: Only::Early,
        footer: true,
    },
    Binding {
        keys: ENTER,
        label: "Enter",
        action: "change this answer",
        contexts: &[Review],
        only: Only::Always,
        footer: true,
    },
    Binding {
        keys: FINISH,
        label: "r",
        action: "see the result",
        contexts: &[Review],
        only: Only::Always,
        footer: true,
    },
    Binding {
        keys: &[(Key::Char('s'), Msg::SaveReport)],
        label: "s",
        action: "save the report",
        contexts: &[Result],
        only: Only::Always,
        footer: true,
    },
    Binding {
        keys: BACK,
        label: "Bksp/S-Tab",
        action: "back",
        contexts: &[Single, Multi, Scale, Alert, Review, Result],
        only: Only::Always,
        footer: true,
    },
]);

/// What applies right now beyond the context.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    pub optional: bool,
    pub early: bool,
    pub offer: bool,
}

impl Applies<Flags> for Only {
    fn holds(&self, flags: &Flags) -> bool {
        match self {
            Only::Always => true,
            Only::Optional => flags.optional,
            Only::Early => flags.early,
            Only::Offer => flags.offer,
            Only::NoOffer => !flags.offer,
        }
    }
}

impl Screens for Ctx {
    type Msg = Msg;
    type Only = Only;
    type Flags = Flags;
    const KEYMAP: Keymap<Ctx, Msg, Only> = KEYMAP;
    const SHELL: [Msg; 5] = [Msg::Help, Msg::No, Msg::Quit, Msg::ForceQuit, Msg::Yes];
    const HELP: Ctx = Help;
    const CONFIRM: Ctx = Confirm;

    fn with_digit(msg: Msg, digit: u8) -> Msg {
        match msg {
            Msg::Pick(_) => Msg::Pick(digit),
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::shell::keymap::press;
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};

    #[test]
    fn keys_map_by_context() {
        let f = Flags::default();
        assert_eq!(
            Single.message(&f, &press(KeyCode::Char('j'))),
            Some(Msg::Down)
        );
        assert_eq!(
            Scale.message(&f, &press(KeyCode::Char('j'))),
            Some(Msg::Left)
        );
        assert_eq!(
            Multi.message(&f, &press(KeyCode::Char(' '))),
            Some(Msg::Toggle)
        );
        assert_eq!(
            Single.message(&f, &press(KeyCode::Char(' '))),
            Some(Msg::Confirm)
        );
        assert_eq!(
            Multi.message(&f, &press(KeyCode::Char('7'))),
            Some(Msg::Pick(7))
        );
        assert_eq!(
            Single.message(&f, &press(KeyCode::BackTab)),
            Some(Msg::Back)
        );
        assert_eq!(Confirm.message(&f, &press(KeyCode::Esc)), Some(Msg::No));
        assert_eq!(Single.message(&f, &press(KeyCode::Char('s'))), None);
        let optional = Flags {
            optional: true,
            ..Flags::default()
        };
        let offer = Flags {
            offer: true,
            ..Flags::default()
        };
        assert_eq!(
            Welcome.message(&offer, &press(KeyCode::Char('r'))),
            Some(Msg::Resume)
        );
        assert_eq!(Welcome.message(&f, &press(KeyCode::Char('r'))), None);
        assert_eq!(
            Result.message(&f, &press(KeyCode::Char('s'))),
            Some(Msg::SaveReport)
        );
        assert_eq!(
            Single.message(&optional, &press(KeyCode::Char('s'))),
            Some(Msg::Skip)
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for ctx in [Welcome, Single, Help, Confirm, Result] {
            assert_eq!(ctx.message(&f, &ctrl_c), Some(Msg::ForceQuit));
        }
        let ctrl_j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL);
        assert_eq!(Single.message(&f, &ctrl_j), None);
    }

    #[test]
    fn every_context_has_a_way_out_and_help_lists_more_than_the_footer() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for ctx in [
            Welcome, Single, Multi, Scale, Alert, Review, Result, Help, Confirm,
        ] {
            let f = Flags::default();
            assert_eq!(ctx.message(&f, &ctrl_c), Some(Msg::ForceQuit));
            assert!(ctx.hints(&f, false).len() >= ctx.hints(&f, true).len());
            assert!(!ctx.hints(&f, true).is_empty());
        }
    }
}
