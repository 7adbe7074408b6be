//! The interview's keymap: which key sends which message on which screen, in the shell's
//! keymap type (see [`super::shell`]), which also holds the keys every mode has (help, quit,
//! yes/no). The footer's key hints, the `?` help and texts that name a key are made from these
//! tables, so they cannot disagree with what keys do.

use ratatui::crossterm::event::KeyCode;

use super::shell::keymap::{Key, Keymap, always, arrows, up_down};
use super::shell::{self, Screens, ShellMsg};

/// What the screen in front of the person is, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    Welcome,
    Single,
    Multi,
    Scale,
    /// A single or multi choice answered on the body chart.
    Chart,
    Alert,
    Review,
    Result,
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
    /// A key every mode has (help, quit, yes/no), for the shell.
    Shell(ShellMsg),
    PageUp,
    PageDown,
    Home,
    End,
    /// Take up the saved unfinished interview.
    Resume,
    /// Save the report of the result.
    SaveReport,
    /// The body chart instead of the list of options, or back.
    SwitchView,
    /// A mouse click at (column, row) of the terminal (the body chart only).
    Click(u16, u16),
}

/// One row of the keymap.
pub type Binding = shell::keymap::Binding<Ctx, Msg, Flags>;

use Ctx::*;

const QUESTIONS: &[Ctx] = &[Single, Multi, Scale, Chart];
const UP_DOWN: &[(Key, Msg)] = &up_down(Msg::Up, Msg::Down);
const PAGING: &[(Key, Msg)] = &[
    (Key::Code(KeyCode::PageUp), Msg::PageUp),
    (Key::Code(KeyCode::PageDown), Msg::PageDown),
];
const HOME_END: &[(Key, Msg)] = &[
    (Key::Code(KeyCode::Home), Msg::Home),
    (Key::Code(KeyCode::End), Msg::End),
    (Key::Char('g'), Msg::Home),
    (Key::Char('G'), Msg::End),
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
pub const KEYMAP: Keymap<Ctx, Msg, Flags> = Keymap(&[
    Binding {
        keys: ENTER_SPACE,
        label: "Enter",
        action: "start",
        contexts: &[Welcome],
        only: no_offer,
        footer: true,
    },
    Binding {
        keys: &[(Key::Char('r'), Msg::Resume)],
        label: "r",
        action: "resume",
        contexts: &[Welcome],
        only: offer,
        footer: true,
    },
    Binding {
        keys: ENTER_SPACE,
        label: "Enter",
        action: "start over",
        contexts: &[Welcome],
        only: offer,
        footer: true,
    },
    Binding {
        keys: UP_DOWN,
        label: "↑↓ j/k",
        action: "move",
        contexts: &[Single, Multi, Review],
        only: always,
        footer: true,
    },
    Binding {
        keys: UP_DOWN,
        label: "↑↓ j/k",
        action: "scroll",
        contexts: &[Alert, Result, Welcome],
        only: always,
        footer: true,
    },
    Binding {
        keys: PAGING,
        label: "PgUp/PgDn",
        action: "scroll a page",
        contexts: &[Alert, Result, Review, Welcome],
        only: always,
        footer: false,
    },
    Binding {
        keys: HOME_END,
        label: "Home/End g/G",
        action: "to the top / the end",
        contexts: &[Alert, Result, Welcome],
        only: always,
        footer: false,
    },
    Binding {
        keys: HOME_END,
        label: "Home/End g/G",
        action: "first / last",
        contexts: &[Single, Multi, Review],
        only: always,
        footer: false,
    },
    Binding {
        keys: ENTER_SPACE,
        label: "Enter/Space",
        action: "choose",
        contexts: &[Single],
        only: always,
        footer: true,
    },
    Binding {
        keys: &arrows(Msg::Up, Msg::Down, Msg::Left, Msg::Right),
        label: "arrows",
        action: "move on the chart",
        contexts: &[Chart],
        only: always,
        footer: true,
    },
    Binding {
        keys: &[(Key::Char(' '), Msg::Toggle)],
        label: "Space",
        action: "mark",
        contexts: &[Chart],
        only: always,
        footer: true,
    },
    Binding {
        keys: ENTER,
        label: "Enter",
        action: "go on",
        contexts: &[Chart],
        only: multi,
        footer: true,
    },
    Binding {
        keys: ENTER,
        label: "Enter",
        action: "choose",
        contexts: &[Chart],
        only: single,
        footer: true,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Tab), Msg::SwitchView)],
        label: "Tab",
        action: "list instead",
        contexts: &[Chart],
        only: always,
        footer: true,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Tab), Msg::SwitchView)],
        label: "Tab",
        action: "body chart",
        contexts: &[Single, Multi],
        only: chart,
        footer: true,
    },
    Binding {
        keys: &[(Key::Char(' '), Msg::Toggle)],
        label: "Space",
        action: "tick/untick",
        contexts: &[Multi],
        only: always,
        footer: true,
    },
    Binding {
        keys: &[(Key::Char('n'), Msg::PickNone)],
        label: "n",
        action: "none of these",
        contexts: &[Multi],
        only: always,
        footer: true,
    },
    Binding {
        keys: &[(Key::Char('n'), Msg::PickNone)],
        label: "n",
        action: "none of these",
        contexts: &[Chart],
        only: multi,
        footer: true,
    },
    Binding {
        keys: ENTER,
        label: "Enter",
        action: "go on",
        contexts: &[Multi],
        only: always,
        footer: true,
    },
    Binding {
        // On a scale, up is more and down is less.
        keys: &arrows(Msg::Right, Msg::Left, Msg::Left, Msg::Right),
        label: "←→ h/l",
        action: "change",
        contexts: &[Scale],
        only: always,
        footer: true,
    },
    Binding {
        keys: ENTER_SPACE,
        label: "Enter",
        action: "confirm",
        contexts: &[Scale],
        only: always,
        footer: true,
    },
    Binding {
        keys: &[(Key::Digit, Msg::Pick(0))],
        label: "1-9,0",
        action: "pick by number",
        contexts: &[Single, Multi, Chart],
        only: always,
        footer: true,
    },
    Binding {
        keys: &[(Key::Digit, Msg::Pick(0))],
        label: "0-9",
        action: "type a value",
        contexts: &[Scale],
        only: always,
        footer: false,
    },
    Binding {
        keys: &[(Key::Char('s'), Msg::Skip)],
        label: "s",
        action: "skip (optional)",
        contexts: QUESTIONS,
        only: optional,
        footer: true,
    },
    Binding {
        keys: ENTER,
        label: "Enter",
        action: "continue the questions",
        contexts: &[Alert],
        only: always,
        footer: true,
    },
    Binding {
        keys: FINISH,
        label: "r",
        action: "see the result now",
        contexts: &[Alert],
        only: early,
        footer: true,
    },
    Binding {
        keys: FINISH,
        label: "r",
        action: "see the result now",
        contexts: QUESTIONS,
        only: early,
        footer: true,
    },
    Binding {
        keys: ENTER,
        label: "Enter",
        action: "change this answer",
        contexts: &[Review],
        only: always,
        footer: true,
    },
    Binding {
        keys: FINISH,
        label: "r",
        action: "see the result",
        contexts: &[Review],
        only: always,
        footer: true,
    },
    Binding {
        keys: &[(Key::Char('s'), Msg::SaveReport)],
        label: "s",
        action: "save the report",
        contexts: &[Result],
        only: always,
        footer: true,
    },
    Binding {
        keys: BACK,
        label: "Bksp/S-Tab",
        action: "back",
        contexts: &[Single, Multi, Scale, Chart, Alert, Review, Result],
        only: always,
        footer: true,
    },
]);

/// What applies right now beyond the context.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    pub optional: bool,
    pub early: bool,
    pub offer: bool,
    /// The current question can be answered on the body chart.
    pub chart: bool,
    /// The current question takes several answers.
    pub multi: bool,
}

/// The current question takes several answers.
fn multi(f: &Flags) -> bool {
    f.multi
}

/// The current question takes one answer.
fn single(f: &Flags) -> bool {
    !f.multi
}

/// The body chart can answer the current question.
fn chart(f: &Flags) -> bool {
    f.chart
}

/// The current question may be left unanswered.
fn optional(f: &Flags) -> bool {
    f.optional
}

/// An alert at the most urgent level has been raised, so the result may be seen early.
fn early(f: &Flags) -> bool {
    f.early
}

/// A saved unfinished interview is on offer.
fn offer(f: &Flags) -> bool {
    f.offer
}

/// No saved interview is on offer.
fn no_offer(f: &Flags) -> bool {
    !f.offer
}

impl Screens for Ctx {
    type Msg = Msg;
    type Flags = Flags;
    const KEYMAP: Keymap<Ctx, Msg, Flags> = KEYMAP;
    const SHELL: fn(ShellMsg) -> Msg = Msg::Shell;

    fn with_char(msg: Msg, c: char) -> Msg {
        match (msg, c.to_digit(10).and_then(|d| u8::try_from(d).ok())) {
            (Msg::Pick(_), Some(digit)) => Msg::Pick(digit),
            (other, _) => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::shell::Layer;
    use crate::tui::shell::keymap::press;
    use crate::tui::shell::testing::{every_screen_has_a_way_out, on};
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};

    #[test]
    fn keys_map_by_context() {
        let f = Flags::default();
        assert_eq!(on(Single, &f, KeyCode::Char('j')), Some(Msg::Down));
        assert_eq!(on(Scale, &f, KeyCode::Char('j')), Some(Msg::Left));
        assert_eq!(on(Multi, &f, KeyCode::Char(' ')), Some(Msg::Toggle));
        assert_eq!(on(Single, &f, KeyCode::Char(' ')), Some(Msg::Confirm));
        assert_eq!(on(Multi, &f, KeyCode::Char('7')), Some(Msg::Pick(7)));
        assert_eq!(on(Single, &f, KeyCode::BackTab), Some(Msg::Back));
        assert_eq!(on(Single, &f, KeyCode::Char('s')), None);
        assert_eq!(
            Single.message(Layer::Confirm, &f, &press(KeyCode::Esc)),
            Some(Msg::Shell(ShellMsg::No))
        );
        let optional = Flags {
            optional: true,
            ..Flags::default()
        };
        let offer = Flags {
            offer: true,
            ..Flags::default()
        };
        assert_eq!(on(Welcome, &offer, KeyCode::Char('r')), Some(Msg::Resume));
        assert_eq!(on(Welcome, &f, KeyCode::Char('r')), None);
        assert_eq!(on(Result, &f, KeyCode::Char('s')), Some(Msg::SaveReport));
        assert_eq!(on(Single, &optional, KeyCode::Char('s')), Some(Msg::Skip));
        let ctrl_j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL);
        assert_eq!(Single.message(Layer::Screen, &f, &ctrl_j), None);
    }

    #[test]
    fn every_screen_and_window_has_a_way_out() {
        every_screen_has_a_way_out(
            &[Welcome, Single, Multi, Scale, Alert, Review, Result],
            &Flags::default(),
        );
    }
}
