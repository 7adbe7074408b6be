//! Practice mode's keymap: which key sends which message on which practice screen. The footer
//! hints and the `?` help are made from this table.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::tui::keymap::{Key, first_match};

/// The practice screen in front of the student, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    List,
    Board,
    Commit,
    Debrief,
    Help,
    Confirm,
}

/// Everything a key can ask practice mode to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    /// Enter: start the case, ask the item, commit the hypothesis.
    Select,
    /// Space: choose or tick in the hypothesis form (asks on the board).
    Toggle,
    NextGroup,
    PrevGroup,
    /// Open the hypothesis form.
    Commit,
    /// Back to the board from the form.
    Back,
    /// Another case, from the debrief.
    Another,
    Help,
    Quit,
    ForceQuit,
    Yes,
    No,
}

/// One row of the keymap.
#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [(Key, Msg)],
    pub label: &'static str,
    pub action: &'static str,
    pub contexts: &'static [Ctx],
    /// Shown in the footer (everything is shown in the help).
    pub footer: bool,
    /// Only when the case list can be gone back to (not with `--case`).
    pub needs_list: bool,
}

use Ctx::*;

const UP_DOWN: &[(Key, Msg)] = &[
    (Key::Code(KeyCode::Up), Msg::Up),
    (Key::Char('k'), Msg::Up),
    (Key::Code(KeyCode::Down), Msg::Down),
    (Key::Char('j'), Msg::Down),
];

/// The keymap, in the order the help lists it.
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: UP_DOWN,
        label: "↑↓ j/k",
        action: "move",
        contexts: &[List, Board, Commit],
        footer: true,
        needs_list: false,
    },
    Binding {
        keys: UP_DOWN,
        label: "↑↓ j/k",
        action: "scroll",
        contexts: &[Debrief],
        footer: true,
        needs_list: false,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Enter), Msg::Select)],
        label: "Enter",
        action: "start this case",
        contexts: &[List],
        footer: true,
        needs_list: false,
    },
    Binding {
        keys: &[
            (Key::Code(KeyCode::Enter), Msg::Select),
            (Key::Char(' '), Msg::Select),
        ],
        label: "Enter",
        action: "ask",
        contexts: &[Board],
        footer: true,
        needs_list: false,
    },
    Binding {
        keys: &[
            (Key::Code(KeyCode::PageUp), Msg::PageUp),
            (Key::Code(KeyCode::PageDown), Msg::PageDown),
        ],
        label: "PgUp/PgDn",
        action: "scroll the transcript",
        contexts: &[Board],
        footer: false,
        needs_list: false,
    },
    Binding {
        keys: &[(Key::Char('c'), Msg::Commit)],
        label: "c",
        action: "commit hypothesis",
        contexts: &[Board],
        footer: true,
        needs_list: false,
    },
    Binding {
        keys: &[
            (Key::Code(KeyCode::Tab), Msg::NextGroup),
            (Key::Code(KeyCode::Right), Msg::NextGroup),
            (Key::Code(KeyCode::BackTab), Msg::PrevGroup),
            (Key::Code(KeyCode::Left), Msg::PrevGroup),
        ],
        label: "Tab/←→",
        action: "next part",
        contexts: &[Commit],
        footer: true,
        needs_list: false,
    },
    Binding {
        keys: &[(Key::Char(' '), Msg::Toggle)],
        label: "Space",
        action: "choose/tick",
        contexts: &[Commit],
        footer: true,
        needs_list: false,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Enter), Msg::Select)],
        label: "Enter",
        action: "commit",
        contexts: &[Commit],
        footer: true,
        needs_list: false,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Esc), Msg::Back)],
        label: "Esc",
        action: "back to the patient",
        contexts: &[Commit],
        footer: true,
        needs_list: false,
    },
    Binding {
        keys: &[
            (Key::Code(KeyCode::PageUp), Msg::PageUp),
            (Key::Code(KeyCode::PageDown), Msg::PageDown),
            (Key::Code(KeyCode::Home), Msg::Home),
            (Key::Code(KeyCode::End), Msg::End),
        ],
        label: "PgUp/PgDn",
        action: "scroll a page",
        contexts: &[Debrief],
        footer: false,
        needs_list: false,
    },
    Binding {
        keys: &[(Key::Char('n'), Msg::Another)],
        label: "n",
        action: "another case",
        contexts: &[Debrief],
        footer: true,
        needs_list: true,
    },
    Binding {
        keys: &[(Key::Char('y'), Msg::Yes)],
        label: "y",
        action: "yes",
        contexts: &[Confirm],
        footer: true,
        needs_list: false,
    },
    Binding {
        keys: &[
            (Key::Char('n'), Msg::No),
            (Key::Code(KeyCode::Esc), Msg::No),
        ],
        label: "n/Esc",
        action: "no",
        contexts: &[Confirm],
        footer: true,
        needs_list: false,
    },
    Binding {
        keys: &[(Key::Char('?'), Msg::Help)],
        label: "?",
        action: "help",
        contexts: &[List, Board, Commit, Debrief],
        footer: true,
        needs_list: false,
    },
    Binding {
        keys: &[
            (Key::Char('?'), Msg::Help),
            (Key::Code(KeyCode::Esc), Msg::Help),
            (Key::Char('q'), Msg::Help),
        ],
        label: "?/Esc",
        action: "close help",
        contexts: &[Help],
        footer: true,
        needs_list: false,
    },
    Binding {
        keys: &[(Key::Char('q'), Msg::Quit)],
        label: "q",
        action: "quit",
        contexts: &[List, Board, Commit, Debrief],
        footer: true,
        needs_list: false,
    },
    Binding {
        keys: &[(Key::Ctrl('c'), Msg::ForceQuit)],
        label: "Ctrl-C",
        action: "quit now",
        contexts: &[List, Board, Commit, Debrief, Help, Confirm],
        footer: false,
        needs_list: false,
    },
];

impl Binding {
    fn applies(&self, ctx: Ctx, list: bool) -> bool {
        self.contexts.contains(&ctx) && (list || !self.needs_list)
    }
}

/// The message a key press sends here, if any (`list`: the case list can be gone back to).
pub fn message(ctx: Ctx, list: bool, event: &KeyEvent) -> Option<Msg> {
    let keys = BINDINGS
        .iter()
        .filter(|b| b.applies(ctx, list))
        .flat_map(|b| b.keys.iter());
    first_match(keys, event).map(|(msg, _)| msg)
}

/// The bindings that apply, for the footer (`footer_only`) or the help.
pub fn bindings(ctx: Ctx, list: bool, footer_only: bool) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.applies(ctx, list) && (b.footer || !footer_only))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn keys_map_by_screen() {
        assert_eq!(
            message(Board, true, &key(KeyCode::Enter)),
            Some(Msg::Select)
        );
        assert_eq!(
            message(Board, true, &key(KeyCode::Char('c'))),
            Some(Msg::Commit)
        );
        assert_eq!(
            message(Commit, true, &key(KeyCode::Char(' '))),
            Some(Msg::Toggle)
        );
        assert_eq!(message(Commit, true, &key(KeyCode::Esc)), Some(Msg::Back));
        assert_eq!(
            message(Commit, true, &key(KeyCode::BackTab)),
            Some(Msg::PrevGroup)
        );
        assert_eq!(
            message(Debrief, true, &key(KeyCode::Char('n'))),
            Some(Msg::Another)
        );
        assert_eq!(message(Debrief, false, &key(KeyCode::Char('n'))), None);
        assert_eq!(
            message(Confirm, true, &key(KeyCode::Char('n'))),
            Some(Msg::No)
        );
        assert_eq!(message(List, true, &key(KeyCode::Char('c'))), None);
    }

    #[test]
    fn every_screen_has_a_way_out() {
        for ctx in [List, Board, Commit, Debrief, Help, Confirm] {
            let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
            assert_eq!(message(ctx, false, &ctrl_c), Some(Msg::ForceQuit));
            assert!(bindings(ctx, false, true).count() > 0);
        }
    }
}
