//! Practice mode's keymap: which key sends which message on which practice screen, in the
//! shell's keymap type (see [`crate::tui::shell`]), which also holds the keys every mode has
//! (help, quit, yes/no). The footer hints, the `?` help and texts that name a key are made from
//! these tables.

use ratatui::crossterm::event::KeyCode;

use crate::tui::shell::keymap::{Key, Keymap, always, up_down};
use crate::tui::shell::{self, Screens, ShellMsg};

/// The practice screen in front of the student, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    List,
    Board,
    Commit,
    Debrief,
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
    /// A key every mode has (help, quit, yes/no), for the shell.
    Shell(ShellMsg),
}

/// The case list can be gone back to (not with `--case`).
fn has_list(list: &bool) -> bool {
    *list
}

/// One row of the keymap.
pub type Binding = shell::keymap::Binding<Ctx, Msg, bool>;

use Ctx::*;

const UP_DOWN: &[(Key, Msg)] = &up_down(Msg::Up, Msg::Down);

/// The keymap, in the order the help lists it.
pub const KEYMAP: Keymap<Ctx, Msg, bool> = Keymap(&[
    Binding {
        keys: UP_DOWN,
        label: "↑↓ j/k",
        action: "move",
        contexts: &[List, Board, Commit],
        footer: true,
        only: always,
    },
    Binding {
        keys: UP_DOWN,
        label: "↑↓ j/k",
        action: "scroll",
        contexts: &[Debrief],
        footer: true,
        only: always,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Enter), Msg::Select)],
        label: "Enter",
        action: "start this case",
        contexts: &[List],
        footer: true,
        only: always,
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
        only: always,
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
        only: always,
    },
    Binding {
        keys: &[(Key::Char('c'), Msg::Commit)],
        label: "c",
        action: "commit hypothesis",
        contexts: &[Board],
        footer: true,
        only: always,
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
        only: always,
    },
    Binding {
        keys: &[(Key::Char(' '), Msg::Toggle)],
        label: "Space",
        action: "choose/tick",
        contexts: &[Commit],
        footer: true,
        only: always,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Enter), Msg::Select)],
        label: "Enter",
        action: "commit",
        contexts: &[Commit],
        footer: true,
        only: always,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Esc), Msg::Back)],
        label: "Esc",
        action: "back to the patient",
        contexts: &[Commit],
        footer: true,
        only: always,
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
        only: always,
    },
    Binding {
        keys: &[(Key::Char('n'), Msg::Another)],
        label: "n",
        action: "another case",
        contexts: &[Debrief],
        footer: true,
        only: has_list,
    },
]);

impl Screens for Ctx {
    type Msg = Msg;
    /// Whether the case list can be gone back to.
    type Flags = bool;
    const KEYMAP: Keymap<Ctx, Msg, bool> = KEYMAP;
    const SHELL: fn(ShellMsg) -> Msg = Msg::Shell;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::shell::Layer;
    use crate::tui::shell::keymap::press;
    use crate::tui::shell::testing::{every_screen_has_a_way_out, on};

    #[test]
    fn keys_map_by_screen() {
        assert_eq!(on(Board, &true, KeyCode::Enter), Some(Msg::Select));
        assert_eq!(on(Board, &true, KeyCode::Char('c')), Some(Msg::Commit));
        assert_eq!(on(Commit, &true, KeyCode::Char(' ')), Some(Msg::Toggle));
        assert_eq!(on(Commit, &true, KeyCode::Esc), Some(Msg::Back));
        assert_eq!(on(Commit, &true, KeyCode::BackTab), Some(Msg::PrevGroup));
        assert_eq!(on(Debrief, &true, KeyCode::Char('n')), Some(Msg::Another));
        assert_eq!(on(Debrief, &false, KeyCode::Char('n')), None);
        assert_eq!(on(List, &true, KeyCode::Char('c')), None);
        assert_eq!(
            on(Board, &true, KeyCode::Esc),
            Some(Msg::Shell(ShellMsg::Quit))
        );
        assert_eq!(
            Board.message(Layer::Confirm, &true, &press(KeyCode::Char('n'))),
            Some(Msg::Shell(ShellMsg::No))
        );
    }

    #[test]
    fn every_screen_and_window_has_a_way_out() {
        every_screen_has_a_way_out(&[List, Board, Commit, Debrief], &bool::default());
    }
}
