//! Problems found while loading a file, each with the place it was found.

use std::fmt;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in a file, with its position when known (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Byte range in the source, for the excerpt.
    pub span: Option<std::ops::Range<usize>>,
    pub message: String,
}

impl Problem {
    /// A problem at a byte range of `src` (the range's start gives line and column).
    pub fn at(
        severity: Severity,
        file: &str,
        src: &str,
        span: Option<std::ops::Range<usize>>,
        message: impl Into<String>,
    ) -> Self {
        let span =
            span.map(|s| s.start.min(src.len())..s.end.min(src.len()).max(s.start.min(src.len())));
        let (line, column) = match &span {
            Some(span) => {
                let (l, c) = line_col(src, span.start);
                (Some(l), Some(c))
            }
            None => (None, None),
        };
        Problem {
            severity,
            file: file.to_string(),
            line,
            column,
            span,
            message: message.into(),
        }
    }

    /// Reads a TOML file into `T`; a syntax or shape error becomes one problem at its place.
    pub fn read_toml<T: serde::de::DeserializeOwned>(src: &str, file: &str) -> Result<T, Problem> {
        toml::from_str(src).map_err(|e| {
            Problem::at(
                Severity::Error,
                file,
                src,
                e.span(),
                e.message().trim().to_string(),
            )
        })
    }

    /// "line:column message", for tests that check where a problem was found.
    #[cfg(test)]
    pub(crate) fn placed(&self) -> String {
        format!(
            "{}:{} {}",
            self.line.unwrap_or(0),
            self.column.unwrap_or(0),
            self.message
        )
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {kind}: {}", self.message)
    }
}

/// Renders problems the way rustc does: the message, then `--> file:line:column` and an excerpt
/// of `src` with the place underlined. `styled` adds colour (for a terminal).
pub fn render_excerpts(problems: &[Problem], src: &str, styled: bool) -> String {
    use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    problems
        .iter()
        .map(|p| {
            let level = match p.severity {
                Severity::Error => Level::ERROR,
                Severity::Warning => Level::WARNING,
            };
            let title = level.primary_title(p.message.as_str());
            let group = match &p.span {
                Some(span)
                    if src.is_char_boundary(span.start) && src.is_char_boundary(span.end) =>
                {
                    // Underline the first line of the span only: a whole table is noise.
                    let end = src[span.start..span.end]
                        .find('\n')
                        .map_or(span.end, |n| span.start + n)
                        .max(span.start);
                    title.element(
                        Snippet::source(src)
                            .path(p.file.as_str())
                            .fold(true)
                            .annotation(AnnotationKind::Primary.span(span.start..end)),
                    )
                }
                _ => title.element(Origin::path(p.file.as_str())),
            };
            renderer.render(&[group])
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = src.get(..offset).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one() {
        let src = "a = 1\nbé = 2\n";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 6), (2, 1));
        assert_eq!(line_col(src, 9), (2, 3));
        assert_eq!(line_col(src, 999), (3, 1));
    }
}
