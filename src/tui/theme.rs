//! Colours and emphasis. With `NO_COLOR` set there is no colour at all; selection and alerts
//! still stand out by symbol, bold and reverse video. Triage styling follows a level's rank
//! among the questionnaire's levels, never its name.

use crate::questionnaire::TIdx;
use ratatui::style::{Color, Modifier, Style};

/// The styles the screens use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty (see no-color.org).
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn title(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn prompt(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn selected(&self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC)
        } else {
            Style::new().add_modifier(Modifier::ITALIC)
        }
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn status(&self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }

    pub fn gauge(&self) -> Style {
        self.fg(Color::Cyan)
    }

    pub fn good(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn bad(&self) -> Style {
        self.fg(Color::LightRed)
    }

    /// A triage level among `levels` levels (the first is the least urgent).
    pub fn triage(&self, level: TIdx, levels: usize) -> Style {
        let place = level.0;
        let from_top = levels.saturating_sub(place + 1);
        let color = match from_top {
            0 if levels > 1 => Color::Red,
            1 if levels > 2 => Color::Yellow,
            _ if place == 0 => Color::Green,
            _ => Color::Blue,
        };
        let style = self.fg(color).add_modifier(Modifier::BOLD);
        if from_top == 0 && levels > 1 {
            style.add_modifier(Modifier::REVERSED)
        } else {
            style
        }
    }
}
