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

    /// For the view: `lines` of text in `rows` rows with scroll markers ([`Window`]); keeps the
    /// offset within the text and remembers the page height.
    pub fn window(&self, lines: usize, rows: usize) -> Window {
        let w = Window::new(lines, rows, self.offset.get(), None);
        self.offset.set(w.first);
        self.page.set(w.shown);
        w
    }
}

/// Where a text of `lines` lines sits in `rows` rows once the scroll markers ("more above",
/// "more below") take rows of their own: the first line shown, how many lines show, and
/// whether each marker is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub first: usize,
    pub shown: usize,
    pub above: bool,
    pub below: bool,
}

impl Window {
    /// The window from `first` (clamped), moved as little as needed to show lines
    /// `keep.0..=keep.1` (a cursor's lines; the first one wins when they do not all fit). With
    /// fewer than three rows there is no room for markers and none are shown.
    pub fn new(lines: usize, rows: usize, first: usize, keep: Option<(usize, usize)>) -> Window {
        if lines <= rows || rows < 3 {
            let first = first.min(lines.saturating_sub(rows));
            return Window {
                first,
                shown: rows.min(lines - first),
                above: false,
                below: false,
            };
        }
        let shown_from = |first: usize| {
            let top = usize::from(first > 0);
            let rest = rows - top;
            if first + rest >= lines {
                lines - first
            } else {
                rest - 1
            }
        };
        // The last start that still fills the window.
        let mut last = lines - 1;
        while last > 0 && last - 1 + shown_from(last - 1) >= lines {
            last -= 1;
        }
        let mut first = first.min(last);
        if let Some((start, end)) = keep {
            let end = end.min(lines - 1);
            while first < last && end >= first + shown_from(first) {
                first += 1;
            }
            first = first.min(start);
        }
        let shown = shown_from(first);
        Window {
            first,
            shown,
            above: first > 0,
            below: first + shown < lines,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn update_moves_freely_and_the_draw_clamps() {
        let mut s = Scroll::default();
        s.end();
        let end = s.window(30, 10);
        assert_eq!(end.first + end.shown, 30, "the end shows the last line");
        s.by(5);
        assert_eq!(s.window(30, 10), end);
        s.pages(-1);
        assert_eq!(s.window(30, 10).first, end.first - end.shown);
        s.by(-100);
        assert_eq!(s.window(30, 10).first, 0);
        // A taller window shows everything from the top.
        s.end();
        assert_eq!(s.window(30, 40).first, 0);
        s.home();
        assert_eq!(s.offset(), 0);
    }

    #[test]
    fn markers_take_rows_and_every_line_can_be_reached() {
        // Fits: no markers.
        assert_eq!(
            Window::new(5, 10, 3, None),
            Window {
                first: 0,
                shown: 5,
                above: false,
                below: false
            }
        );
        // At the top: only "more below".
        let w = Window::new(20, 6, 0, None);
        assert_eq!((w.first, w.shown, w.above, w.below), (0, 5, false, true));
        // In the middle: both markers.
        let w = Window::new(20, 6, 7, None);
        assert_eq!((w.first, w.shown, w.above, w.below), (7, 4, true, true));
        // At the end: the last line shows and there is nothing below.
        let w = Window::new(20, 6, usize::MAX, None);
        assert_eq!(w.first + w.shown, 20);
        assert!(w.above && !w.below);
        // A cursor's lines are kept in view, from either side.
        for cursor in 0..20 {
            let w = Window::new(20, 6, 0, Some((cursor, cursor)));
            assert!(
                w.first <= cursor && cursor < w.first + w.shown,
                "{cursor}: {w:?}"
            );
            let w = Window::new(20, 6, 19, Some((cursor, cursor)));
            assert!(
                w.first <= cursor && cursor < w.first + w.shown,
                "{cursor}: {w:?}"
            );
        }
        // Too small for markers: plain scrolling.
        let w = Window::new(20, 2, 5, None);
        assert_eq!((w.first, w.shown, w.above, w.below), (5, 2, false, false));
    }
}
