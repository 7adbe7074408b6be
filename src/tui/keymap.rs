//! The one keymap: which key sends which message on which screen. The footer's key hints and
//! the `?` help are generated from this table, so they cannot disagree with what keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

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

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Code(KeyCode),
    Char(char),
    Ctrl(char),
    /// Any digit; the message gets its value.
    Digit,
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
#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [(Key, Msg)],
    /// How the keys are written in hints.
    pub label: &'static str,
    /// What they do, in a few words.
    pub action: &'static str,
    pub contexts: &'static [Ctx],
    pub only: Only,
    /// Shown in the footer (everything is shown in the help).
    pub footer: bool,
}

use Ctx::*;

const QUESTIONS: &[Ctx] = &[Single, Multi, Scale];
const MOVING: &[Ctx] = &[Welcome, Single, Multi, Scale, Alert, Review, Result];
const UP_DOWN: &[(Key, Msg)] = &[
    (Key::Code(KeyCode::Up), Msg::Up),
    (Key::Char('k'), Msg::Up),
    (Key::Code(KeyCode::Down), Msg::Down),
    (Key::Char('j'), Msg::Down),
];
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
pub const BINDINGS: &[Binding] = &[
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
    Binding {
        keys: &[(Key::Char('?'), Msg::Help)],
        label: "?",
        action: "help",
        contexts: MOVING,
        only: Only::Always,
        footer: true,
    },
    Binding {
        keys: &[
            (Key::Char('q'), Msg::Quit),
            (Key::Code(KeyCode::Esc), Msg::Quit),
        ],
        label: "q/Esc",
        action: "quit",
        contexts: MOVING,
        only: Only::Always,
        footer: true,
    },
    Binding {
        keys: &[
            (Key::Char('?'), Msg::No),
            (Key::Char('q'), Msg::No),
            (Key::Code(KeyCode::Esc), Msg::No),
            (Key::Code(KeyCode::Enter), Msg::No),
        ],
        label: "?/Esc/Enter",
        action: "close help",
        contexts: &[Help],
        only: Only::Always,
        footer: true,
    },
    Binding {
        keys: &[(Key::Char('y'), Msg::Yes), (Key::Char('Y'), Msg::Yes)],
        label: "y",
        action: "yes, quit",
        contexts: &[Confirm],
        only: Only::Always,
        footer: true,
    },
    Binding {
        keys: &[
            (Key::Char('n'), Msg::No),
            (Key::Char('N'), Msg::No),
            (Key::Code(KeyCode::Esc), Msg::No),
            (Key::Char('q'), Msg::No),
        ],
        label: "n/Esc",
        action: "no, stay",
        contexts: &[Confirm],
        only: Only::Always,
        footer: true,
    },
    Binding {
        keys: &[(Key::Ctrl('c'), Msg::ForceQuit)],
        label: "Ctrl-C",
        action: "quit at once",
        contexts: &[
            Welcome, Single, Multi, Scale, Alert, Review, Result, Help, Confirm,
        ],
        only: Only::Always,
        footer: false,
    },
];

/// What applies right now beyond the context.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    pub optional: bool,
    pub early: bool,
    pub offer: bool,
}

impl Binding {
    fn applies(&self, ctx: Ctx, flags: Flags) -> bool {
        self.contexts.contains(&ctx)
            && match self.only {
                Only::Always => true,
                Only::Optional => flags.optional,
                Only::Early => flags.early,
                Only::Offer => flags.offer,
                Only::NoOffer => !flags.offer,
            }
    }
}

/// Whether a key event is this key: `Some(digit)` for a matching digit key, `Some(None)` for
/// another match, `None` for none.
fn matches(key: Key, event: &KeyEvent) -> Option<Option<u8>> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    match (key, event.code) {
        (Key::Ctrl(c), KeyCode::Char(e)) if ctrl && e.eq_ignore_ascii_case(&c) => Some(None),
        (_, _) if ctrl => None,
        (Key::Digit, KeyCode::Char(d)) if d.is_ascii_digit() => Some(Some(d as u8 - b'0')),
        (Key::Char(c), KeyCode::Char(e)) if c == e => Some(None),
        (Key::Code(c), e) if c == e => Some(None),
        _ => None,
    }
}

/// The first of `keys` this key press is, with the digit it carries (for [`Key::Digit`]). Key
/// releases match nothing.
pub(crate) fn first_match<'k, M: Copy + 'k>(
    keys: impl IntoIterator<Item = &'k (Key, M)>,
    event: &KeyEvent,
) -> Option<(M, Option<u8>)> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    keys.into_iter()
        .find_map(|(key, msg)| matches(*key, event).map(|digit| (*msg, digit)))
}

/// The message a key press sends here, if any. Key releases are ignored.
pub fn message(ctx: Ctx, flags: Flags, event: &KeyEvent) -> Option<Msg> {
    let keys = BINDINGS
        .iter()
        .filter(|b| b.applies(ctx, flags))
        .flat_map(|b| b.keys.iter());
    first_match(keys, event).map(|found| match found {
        (Msg::Pick(_), Some(d)) => Msg::Pick(d),
        (m, _) => m,
    })
}

/// The bindings that apply, for the footer (`footer_only`) or the help.
pub fn bindings(
    ctx: Ctx,
    flags: Flags,
    footer_only: bool,
) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.applies(ctx, flags) && (b.footer || !footer_only))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn keys_map_by_context() {
        let f = Flags::default();
        assert_eq!(
            message(Single, f, &key(KeyCode::Char('j'))),
            Some(Msg::Down)
        );
        assert_eq!(message(Scale, f, &key(KeyCode::Char('j'))), Some(Msg::Left));
        assert_eq!(
            message(Multi, f, &key(KeyCode::Char(' '))),
            Some(Msg::Toggle)
        );
        assert_eq!(
            message(Single, f, &key(KeyCode::Char(' '))),
            Some(Msg::Confirm)
        );
        assert_eq!(
            message(Multi, f, &key(KeyCode::Char('7'))),
            Some(Msg::Pick(7))
        );
        assert_eq!(message(Single, f, &key(KeyCode::BackTab)), Some(Msg::Back));
        assert_eq!(message(Confirm, f, &key(KeyCode::Esc)), Some(Msg::No));
        assert_eq!(message(Single, f, &key(KeyCode::Char('s'))), None);
        let optional = Flags {
            optional: true,
            ..Flags::default()
        };
        let offer = Flags {
            offer: true,
            ..Flags::default()
        };
        assert_eq!(
            message(Welcome, offer, &key(KeyCode::Char('r'))),
            Some(Msg::Resume)
        );
        assert_eq!(message(Welcome, f, &key(KeyCode::Char('r'))), None);
        assert_eq!(
            message(Result, f, &key(KeyCode::Char('s'))),
            Some(Msg::SaveReport)
        );
        assert_eq!(
            message(Single, optional, &key(KeyCode::Char('s'))),
            Some(Msg::Skip)
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for ctx in [Welcome, Single, Help, Confirm, Result] {
            assert_eq!(message(ctx, f, &ctrl_c), Some(Msg::ForceQuit));
        }
        let ctrl_j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL);
        assert_eq!(message(Single, f, &ctrl_j), None);
    }

    #[test]
    fn every_context_has_a_way_out_and_help_lists_more_than_the_footer() {
        for ctx in [
            Welcome, Single, Multi, Scale, Alert, Review, Result, Help, Confirm,
        ] {
            let f = Flags::default();
            assert!(bindings(ctx, f, false).any(|b| {
                b.keys
                    .iter()
                    .any(|(_, m)| matches!(m, Msg::Quit | Msg::No | Msg::ForceQuit))
            }));
            assert!(bindings(ctx, f, false).count() >= bindings(ctx, f, true).count());
        }
    }
}
