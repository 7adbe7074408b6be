//! Practice mode's keymap: which key sends which message on which practice screen, in the
//! shell's keymap type (see [`crate::tui::shell`]), which also holds the keys every mode has
//! (help, quit, yes/no). The footer hints, the `?` help and texts that name a key are made from
//! these tables.

use ratatui::crossterm::event::KeyCode;

use crate::tui::shell::keymap::{Applies, Key, Keymap, up_down};
use crate::tui::shell::{self, Screens};

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

/// When a binding applies beyond its screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    Always,
    /// The case list can be gone back to (not with `--case`).
    List,
}

impl Applies<bool> for Needs {
    fn holds(&self, has_list: &bool) -> bool {
        *self == Needs::Always || *has_list
    }
}

/// One row of the keymap.
pub type Binding = shell::keymap::Binding<Ctx, Msg, Needs>;

use Ctx::*;

const UP_DOWN: &[(Key, Msg)] = &up_down(Msg::Up, Msg::Down);

/// The keymap, in the order the help lists it.
pub const KEYMAP: Keymap<Ctx, Msg, Needs> = Keymap(&[
    Binding {
        keys: UP_DOWN,
        label: "↑↓ j/k",
        action: "move",
        contexts: &[List, Board, Commit],
        footer: true,
        only: Needs::Always,
    },
    Binding {
        keys: UP_DOWN,
        label: "↑↓ j/k",
        action: "scroll",
        contexts: &[Debrief],
        footer: true,
        only: Needs::Always,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Enter), Msg::Select)],
        label: "Enter",
        action: "start this case",
        contexts: &[List],
        footer: true,
        only: Needs::Always,
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
        only: Needs::Always,
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
        only: Needs::Always,
    },
    Binding {
        keys: &[(Key::Char('c'), Msg::Commit)],
        label: "c",
        action: "commit hypothesis",
        contexts: &[Board],
        footer: true,
        only: Needs::Always,
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
        only: Needs::Always,
    },
    Binding {
        keys: &[(Key::Char(' '), Msg::Toggle)],
        label: "Space",
        action: "choose/tick",
        contexts: &[Commit],
        footer: true,
        only: Needs::Always,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Enter), Msg::Select)],
        label: "Enter",
        action: "commit",
        contexts: &[Commit],
        footer: true,
        only: Needs::Always,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Esc), Msg::Back)],
        label: "Esc",
        action: "back to the patient",
        contexts: &[Commit],
        footer: true,
        only: Needs::Always,
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
        only: Needs::Always,
    },
    Binding {
        keys: &[(Key::Char('n'), Msg::Another)],
        label: "n",
        action: "another case",
        contexts: &[Debrief],
        footer: true,
        only: Needs::List,
    },
]);

impl Screens for Ctx {
    type Msg = Msg;
    type Only = Needs;
    /// Whether the case list can be gone back to.
    type Flags = bool;
    const KEYMAP: Keymap<Ctx, Msg, Needs> = KEYMAP;
    const SHELL: [Msg; 5] = [Msg::Help, Msg::No, Msg::Quit, Msg::ForceQuit, Msg::Yes];
    const HELP: Ctx = Help;
    const CONFIRM: Ctx = Confirm;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::shell::keymap::press;
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};

    #[test]
    fn keys_map_by_screen() {
        assert_eq!(
            Board.message(&true, &press(KeyCode::Enter)),
            Some(Msg::Select)
        );
        assert_eq!(
            Board.message(&true, &press(KeyCode::Char('c'))),
            Some(Msg::Commit)
        );
        assert_eq!(
            Commit.message(&true, &press(KeyCode::Char(' '))),
            Some(Msg::Toggle)
        );
        assert_eq!(Commit.message(&true, &press(KeyCode::Esc)), Some(Msg::Back));
        assert_eq!(
            Commit.message(&true, &press(KeyCode::BackTab)),
            Some(Msg::PrevGroup)
        );
        assert_eq!(
            Debrief.message(&true, &press(KeyCode::Char('n'))),
            Some(Msg::Another)
        );
        assert_eq!(Debrief.message(&false, &press(KeyCode::Char('n'))), None);
        assert_eq!(
            Confirm.message(&true, &press(KeyCode::Char('n'))),
            Some(Msg::No)
        );
        assert_eq!(List.message(&true, &press(KeyCode::Char('c'))), None);
    }

    #[test]
    fn every_screen_has_a_way_out() {
        for ctx in [List, Board, Commit, Debrief, Help, Confirm] {
            let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
            assert_eq!(ctx.message(&false, &ctrl_c), Some(Msg::ForceQuit));
            assert!(!ctx.hints(&false, true).is_empty());
        }
    }
}
