//! Scrolling, split the way gitui's `VerticalScroll` splits it: `update` moves the offset
//! without knowing how many lines there are; the view, which lays the lines out anyway, clamps
//! the offset to what fits while drawing and records the page height. So `update` needs no
//! layout, and nothing is laid out twice.

use std::cell::Cell;

/// The first line shown of a scrolling text, and the rows it had when last drawn.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scroll {
    offset: Cell<usize>,
    /// Rows shown at the last draw (0 before the first).
    page: Cell<usize>,
}

impl Scroll {
    /// Moves by `lines` (up when negative); the next draw keeps it within the text.
    pub fn by(&mut self, lines: isize) {
        self.offset
            .set(self.offset.get().saturating_add_signed(lines));
    }

    /// Moves by pages of the height last drawn.
    pub fn pages(&mut self, pages: isize) {
        let page = isize::try_from(self.page.get().max(1)).unwrap_or(isize::MAX);
        self.by(pages.saturating_mul(page));
    }

    /// Back to the top.
    pub fn home(&mut self) {
        self.offset.set(0);
    }

    /// To the end (the next draw stops at the last page).
    pub fn end(&mut self) {
        self.offset.set(usize::MAX);
    }

    /// The first line shown.
    pub fn offset(&self) -> usize {
        self.offset.get()
    }

    /// For the view: `lines` of text in `rows` rows; keeps the offset within the text,
    /// remembers the page height and gives the first line to show.
    pub fn show(&self, lines: usize, rows: usize) -> usize {
        let first = self.offset.get().min(lines.saturating_sub(rows));
        self.offset.set(first);
        self.page.set(rows);
        first
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn update_moves_freely_and_the_draw_clamps() {
        let mut s = Scroll::default();
        s.end();
        assert_eq!(s.show(30, 10), 20);
        s.by(5);
        assert_eq!(s.show(30, 10), 20);
        s.pages(-1);
        assert_eq!(s.show(30, 10), 10);
        s.by(-100);
        assert_eq!(s.show(30, 10), 0);
        // A taller window shows everything from the top.
        s.end();
        assert_eq!(s.show(30, 40), 0);
        s.home();
        assert_eq!(s.offset(), 0);
    }
}
