//! One keymap type for every terminal mode: a table of bindings (keys, how they are written,
//! what they do, on which screens, under which condition), one matcher, and the lookups the
//! footer, the help and texts that name a key are made from, so none of them can disagree with
//! what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A key as a table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Code(KeyCode),
    Char(char),
    Ctrl(char),
    /// Any digit; the message gets its value.
    Digit,
    /// Any printable character without Ctrl or Alt (typing in a text line); the message gets
    /// the character.
    Text,
}

/// ↑/↓ and k/j, sending `up` and `down`.
pub const fn up_down<M: Copy>(up: M, down: M) -> [(Key, M); 4] {
    [
        (Key::Code(KeyCode::Up), up),
        (Key::Char('k'), up),
        (Key::Code(KeyCode::Down), down),
        (Key::Char('j'), down),
    ]
}

/// The four arrows and h/j/k/l, sending `up`, `down`, `left` and `right`.
pub const fn arrows<M: Copy>(up: M, down: M, left: M, right: M) -> [(Key, M); 8] {
    let [a, b, c, d] = up_down(up, down);
    [
        a,
        b,
        c,
        d,
        (Key::Code(KeyCode::Left), left),
        (Key::Char('h'), left),
        (Key::Code(KeyCode::Right), right),
        (Key::Char('l'), right),
    ]
}

/// A key press without modifiers (for tests and scripted runs).
pub fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// The condition of a binding that needs none beyond its screens.
pub fn always<F>(_: &F) -> bool {
    true
}

/// One row of a keymap: `C` the screens, `M` the messages, `F` what its condition reads.
#[derive(Debug)]
pub struct Binding<C: 'static, M: 'static, F: 'static> {
    pub keys: &'static [(Key, M)],
    /// How the keys are written in hints and texts.
    pub label: &'static str,
    /// What they do, in a few words.
    pub action: &'static str,
    pub contexts: &'static [C],
    /// When it applies beyond its screens.
    pub only: fn(&F) -> bool,
    /// Shown in the footer (everything is shown in the help).
    pub footer: bool,
}

impl<C: PartialEq, M, F> Binding<C, M, F> {
    fn applies(&self, ctx: &C, flags: &F) -> bool {
        self.contexts.contains(ctx) && (self.only)(flags)
    }
}

/// A mode's keys, in the order its help lists them.
#[derive(Debug)]
pub struct Keymap<C: 'static, M: 'static, F: 'static>(pub &'static [Binding<C, M, F>]);

impl<C: Copy + PartialEq, M: Copy + PartialEq, F> Keymap<C, M, F> {
    /// The message a key press sends on screen `ctx`, with the character it carries (for
    /// [`Key::Digit`] and [`Key::Text`]). Key releases send nothing.
    pub fn message(&self, ctx: C, flags: &F, event: &KeyEvent) -> Option<(M, Option<char>)> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        self.0
            .iter()
            .filter(|b| b.applies(&ctx, flags))
            .flat_map(|b| b.keys.iter())
            .find_map(|(key, msg)| matches(*key, event).map(|digit| (*msg, digit)))
    }

    /// The bindings that apply on screen `ctx`, for the footer (`footer_only`) or the help.
    pub fn bindings<'f>(
        &self,
        ctx: C,
        flags: &'f F,
        footer_only: bool,
    ) -> impl Iterator<Item = &'static Binding<C, M, F>> + 'f
    where
        C: 'f,
    {
        self.0
            .iter()
            .filter(move |b| b.applies(&ctx, flags) && (b.footer || !footer_only))
    }

    /// How the keys that send `msg` on screen `ctx` are written, for a text that names them
    /// ("press s to skip"): the first binding's label, whatever its condition.
    pub fn label(&self, ctx: C, msg: M) -> &'static str {
        self.0
            .iter()
            .find(|b| b.contexts.contains(&ctx) && b.keys.iter().any(|(_, m)| *m == msg))
            .map_or("(no key)", |b| b.label)
    }
}

/// Whether a key event is this key: `Some(char)` for a matching digit or text key,
/// `Some(None)` for another match, `None` for none.
fn matches(key: Key, event: &KeyEvent) -> Option<Option<char>> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    match (key, event.code) {
        (Key::Ctrl(c), KeyCode::Char(e)) if ctrl && e.eq_ignore_ascii_case(&c) => Some(None),
        (_, _) if ctrl => None,
        (Key::Digit, KeyCode::Char(d)) if d.is_ascii_digit() => Some(Some(d)),
        (Key::Text, KeyCode::Char(c)) if !alt && !c.is_control() => Some(Some(c)),
        (Key::Char(c), KeyCode::Char(e)) if c == e => Some(None),
        (Key::Code(c), e) if c == e => Some(None),
        _ => None,
    }
}
