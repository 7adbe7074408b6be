//! What kinscreen writes, made safe: text that came from a file (a questionnaire, a case, a saved
//! interview, an answers file) never reaches a terminal or a report raw, an output file never
//! replaces something that is not a regular file, a closed pipe ends quietly, and an input that
//! is not a regular file (a FIFO, a device) or is too large is refused instead of read forever.

use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

/// Whether a character could change what a terminal does or how text reads: C0 controls other
/// than newline and tab, DEL, C1 controls, and bidirectional overrides and isolates.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Text with every unsafe character shown visibly as `\u{1b}` (newlines and tabs kept).
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`clean`], with each line longer than `max` characters cut in the middle (for error messages
/// that echo a value from a file).
pub fn clean_short(text: &str, max: usize) -> String {
    let cleaned = clean(text);
    let mut out = String::new();
    for (i, line) in cleaned.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let n = line.chars().count();
        if n > max {
            let keep = max / 2;
            out.extend(line.chars().take(keep));
            out.push_str(&format!(" […{} characters…] ", n - 2 * keep));
            out.extend(line.chars().skip(n - keep));
        } else {
            out.push_str(line);
        }
    }
    out
}

/// JSON text with C1 controls and bidirectional controls escaped as `\uXXXX` as well (serde_json
/// escapes only C0). They can only occur inside strings, so the JSON means the same.
pub fn json_safe(json: String) -> String {
    if !json.chars().any(is_unsafe) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Why output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The reader went away (`| head`): not a failure of kinscreen's.
    #[error("the output pipe was closed")]
    ClosedPipe,
    #[error("cannot write to standard output: {0}")]
    Stdout(std::io::Error),
    #[error("{path} already exists; add --force to replace it")]
    Exists { path: String },
    #[error(
        "{path} is not a regular file; kinscreen only writes regular files (use -o - for standard output)"
    )]
    NotRegular { path: String },
    #[error("cannot write {path}: {source}")]
    File {
        path: String,
        source: std::io::Error,
    },
}

static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Call first thing in `main`: notes whether standard output was closed when the program was
/// started (`>&-`). Rust's runtime then puts /dev/null there, opened for reading and writing,
/// before `main` runs (a shell's `>/dev/null` opens it for writing only), so that is what is
/// looked for.
pub fn guard_stdout() {
    #[cfg(unix)]
    {
        use rustix::fs::{FileType, OFlags};
        use std::os::unix::fs::MetadataExt;
        let stdout = std::io::stdout();
        let closed = match rustix::fs::fcntl_getfl(&stdout) {
            Err(_) => true,
            Ok(flags) if flags & OFlags::RWMODE == OFlags::RDWR => {
                let null = std::fs::metadata("/dev/null").map(|m| m.rdev()).ok();
                rustix::fs::fstat(&stdout).is_ok_and(|st| {
                    FileType::from_raw_mode(st.st_mode) == FileType::CharacterDevice
                        && Some(st.st_rdev) == null
                })
            }
            Ok(_) => false,
        };
        STDOUT_CLOSED.store(closed, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Writes to standard output, flushing; a closed pipe is [`OutputError::ClosedPipe`], a closed
/// standard output or a full disk an error.
pub fn to_stdout(text: &str) -> Result<(), OutputError> {
    if STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed) {
        return Err(OutputError::Stdout(std::io::Error::new(
            std::io::ErrorKind::BrokenPipe,
            "it was closed before kinscreen started",
        )));
    }
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                OutputError::ClosedPipe
            } else {
                OutputError::Stdout(e)
            }
        })
}

/// Writes `text` to `path` (`-`: standard output): only a regular file, never an existing one
/// unless `force`, atomically and private (0600).
pub fn to_file(path: &Path, text: &str, force: bool) -> Result<(), OutputError> {
    if path == Path::new("-") {
        return to_stdout(text);
    }
    let name = || path.display().to_string();
    match std::fs::symlink_metadata(path) {
        Ok(m) if !m.file_type().is_file() => {
            return Err(OutputError::NotRegular { path: name() });
        }
        Ok(_) if !force => return Err(OutputError::Exists { path: name() }),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(source) => {
            return Err(OutputError::File {
                path: name(),
                source,
            });
        }
    }
    write_atomic(path, text.as_bytes()).map_err(|source| OutputError::File {
        path: name(),
        source,
    })
}

/// The largest input file kinscreen reads (questionnaires, cases and answers are a few
/// kilobytes; this leaves room for generated ones).
pub const MAX_INPUT: u64 = 64 * 1024 * 1024;

/// Why an input file was refused.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not a regular file (a pipe, a device or a folder); give a file")]
    NotRegular { path: String },
    #[error("{path} is too large ({size} bytes; at most {MAX_INPUT})")]
    TooLarge { path: String, size: u64 },
    #[error("{path} is not UTF-8 text (byte {at})")]
    NotText { path: String, at: usize },
}

/// Reads a text input file, refusing anything but a regular file of at most [`MAX_INPUT`]
/// bytes. The file is opened without blocking, so a FIFO is refused, not waited on.
pub fn read_input(path: &Path) -> Result<String, InputError> {
    use std::io::Read;
    let name = || path.display().to_string();
    let io = |source| InputError::Io {
        path: name(),
        source,
    };
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        rustix::fs::OFlags::NONBLOCK.bits() as i32,
    );
    let file = options.open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.file_type().is_file() {
        return Err(InputError::NotRegular { path: name() });
    }
    if meta.len() > MAX_INPUT {
        return Err(InputError::TooLarge {
            path: name(),
            size: meta.len(),
        });
    }
    let mut bytes = Vec::new();
    file.take(MAX_INPUT + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_INPUT {
        return Err(InputError::TooLarge {
            path: name(),
            size: bytes.len() as u64,
        });
    }
    String::from_utf8(bytes).map_err(|e| InputError::NotText {
        path: name(),
        at: e.utf8_error().valid_up_to(),
    })
}

/// Writes a file atomically with mode 0600: a temporary file beside it, written and synced, then
/// renamed over it (and the folder synced), so a crash leaves the old file or the new one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, bytes, |_| Ok(()))
}

/// [`write_atomic`], with a hook run after the temporary file is complete and before it is
/// renamed into place (tests use it to simulate a crash there).
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    // tempfile creates the file with mode 0600 on Unix.
    let mut tmp = tempfile::Builder::new()
        .prefix(".kinscreen-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.flush()?;
    tmp.as_file().sync_all()?;
    before_rename(tmp.path())?;
    tmp.persist(path).map_err(|e| e.error)?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_and_bidi_but_keeps_lines() {
        assert_eq!(
            clean("a\u{1b}]0;pwned\u{7}b\nc\td\u{202e}e\u{9b}"),
            "a\\u{1b}]0;pwned\\u{7}b\nc\td\\u{202e}e\\u{9b}"
        );
        assert!(matches!(clean("plain, café"), Cow::Borrowed(_)));
        assert_eq!(
            json_safe("\"a\u{85}\u{2066}\"".into()),
            "\"a\\u0085\\u2066\""
        );
        let long = format!("x{}y", "-".repeat(1000));
        let short = clean_short(&long, 100);
        assert!(short.len() < 140 && short.starts_with('x') && short.ends_with('y'));
    }
}
