//! How a terminal session ended (shared by the interview and practice).

/// How an interactive session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The person saw the result and left.
    Done,
    /// The person quit before the result.
    Cancelled,
    /// Ctrl-C, SIGTERM or SIGHUP.
    Interrupted,
}
