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
    /// The board of every item (guided mode).
    Board,
    /// The question line (typed and long-menu modes): letters are typed.
    Ask,
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
    /// A character typed in the question line.
    Type(char),
    /// Backspace in the question line.
    Erase,
    /// The next way of asking (typed, long menu, guided).
    NextMode,
    /// A digit on the case list: go to that case.
    Number(u8),
    /// A key every mode has (help, quit, yes/no), for the shell.
    Shell(ShellMsg),
}

/// What the keymap's conditions read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    /// The case list can be gone back to (not with `--case`).
    pub list: bool,
    /// Items are offered under the question line (long menu, or a question's readings).
    pub menu: bool,
}

fn has_list(f: &Flags) -> bool {
    f.list
}

fn has_menu(f: &Flags) -> bool {
    f.menu
}

/// One row of the keymap.
pub type Binding = shell::keymap::Binding<Ctx, Msg, Flags>;

use Ctx::*;

const UP_DOWN: &[(Key, Msg)] = &up_down(Msg::Up, Msg::Down);

/// The keymap, in the order the help lists it.
pub const KEYMAP: Keymap<Ctx, Msg, Flags> = Keymap(&[
    Binding {
        keys: &[(Key::Code(KeyCode::Enter), Msg::Select)],
        label: "Enter",
        action: "ask",
        contexts: &[Ask],
        footer: true,
        only: always,
    },
    Binding {
        keys: &[
            (Key::Code(KeyCode::Up), Msg::Up),
            (Key::Code(KeyCode::Down), Msg::Down),
        ],
        label: "↑↓",
        action: "choose",
        contexts: &[Ask],
        footer: true,
        only: has_menu,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Backspace), Msg::Erase)],
        label: "Backspace",
        action: "erase",
        contexts: &[Ask],
        footer: false,
        only: always,
    },
    Binding {
        keys: &[(Key::Text, Msg::Type(' '))],
        label: "letters",
        action: "type the question",
        contexts: &[Ask],
        footer: false,
        only: always,
    },
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
        keys: &[(Key::Digit, Msg::Number(0))],
        label: "1-9",
        action: "go to case by number",
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
        action: "transcript",
        contexts: &[Board, Ask],
        footer: true,
        only: always,
    },
    Binding {
        keys: &[(Key::Char('c'), Msg::Commit), (Key::Ctrl('e'), Msg::Commit)],
        label: "c",
        action: "commit hypothesis",
        contexts: &[Board],
        footer: true,
        only: always,
    },
    Binding {
        keys: &[(Key::Ctrl('e'), Msg::Commit)],
        label: "Ctrl-E",
        action: "commit hypothesis",
        contexts: &[Ask],
        footer: true,
        only: always,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Tab), Msg::NextMode)],
        label: "Tab",
        action: "typed / long menu / guided",
        contexts: &[Board, Ask],
        footer: true,
        only: always,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::F(1)), Msg::Shell(ShellMsg::Help))],
        label: "F1",
        action: "help",
        contexts: &[Ask],
        footer: true,
        only: always,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Esc), Msg::Shell(ShellMsg::Quit))],
        label: "Esc",
        action: "quit",
        contexts: &[Ask],
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
        ],
        label: "PgUp/PgDn",
        action: "scroll a page",
        contexts: &[Debrief],
        footer: true,
        only: always,
    },
    Binding {
        keys: &[
            (Key::Code(KeyCode::Home), Msg::Home),
            (Key::Code(KeyCode::End), Msg::End),
            (Key::Char('g'), Msg::Home),
            (Key::Char('G'), Msg::End),
        ],
        label: "Home/End g/G",
        action: "to the top / the end (first / last on a list)",
        contexts: &[List, Board, Debrief],
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
    type Flags = Flags;
    const KEYMAP: Keymap<Ctx, Msg, Flags> = KEYMAP;
    const SHELL: fn(ShellMsg) -> Msg = Msg::Shell;

    fn with_char(msg: Msg, c: char) -> Msg {
        match (msg, c.to_digit(10).and_then(|d| u8::try_from(d).ok())) {
            (Msg::Type(_), _) => Msg::Type(c),
            (Msg::Number(_), Some(digit)) => Msg::Number(digit),
            (m, _) => m,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::shell::Layer;
    use crate::tui::shell::keymap::press;
    use crate::tui::shell::testing::{every_screen_has_a_way_out, on};

    #[test]
    fn keys_map_by_screen() {
        let yes = Flags {
            list: true,
            menu: false,
        };
        let no = Flags::default();
        assert_eq!(on(Board, &yes, KeyCode::Enter), Some(Msg::Select));
        assert_eq!(on(Board, &yes, KeyCode::Char('c')), Some(Msg::Commit));
        assert_eq!(on(Commit, &yes, KeyCode::Char(' ')), Some(Msg::Toggle));
        assert_eq!(on(Commit, &yes, KeyCode::Esc), Some(Msg::Back));
        assert_eq!(on(Commit, &yes, KeyCode::BackTab), Some(Msg::PrevGroup));
        assert_eq!(on(Debrief, &yes, KeyCode::Char('n')), Some(Msg::Another));
        assert_eq!(on(Debrief, &no, KeyCode::Char('n')), None);
        assert_eq!(on(List, &yes, KeyCode::Char('c')), None);
        assert_eq!(on(List, &yes, KeyCode::Char('7')), Some(Msg::Number(7)));
        // The question line takes every letter, q and ? included; Esc still quits.
        assert_eq!(on(Ask, &yes, KeyCode::Char('q')), Some(Msg::Type('q')));
        assert_eq!(on(Ask, &yes, KeyCode::Char('?')), Some(Msg::Type('?')));
        assert_eq!(on(Ask, &yes, KeyCode::Char('3')), Some(Msg::Type('3')));
        assert_eq!(
            on(Ask, &yes, KeyCode::Esc),
            Some(Msg::Shell(ShellMsg::Quit))
        );
        assert_eq!(
            on(Ask, &yes, KeyCode::F(1)),
            Some(Msg::Shell(ShellMsg::Help))
        );
        // F1 is help on every screen, for the question line's sake.
        assert_eq!(
            on(Board, &yes, KeyCode::F(1)),
            Some(Msg::Shell(ShellMsg::Help))
        );
        assert_eq!(
            on(Board, &yes, KeyCode::Esc),
            Some(Msg::Shell(ShellMsg::Quit))
        );
        assert_eq!(
            Board.message(Layer::Confirm, &yes, &press(KeyCode::Char('n'))),
            Some(Msg::Shell(ShellMsg::No))
        );
    }

    #[test]
    fn every_screen_and_window_has_a_way_out() {
        every_screen_has_a_way_out(&[List, Board, Ask, Commit, Debrief], &Flags::default());
    }
}
