//! Opening the SQLite database: private files, the pragmas kinscreen relies on, the schema
//! migrations, and the read-only ways in (a folder the person cannot write to, a backup on
//! read-only media) that change nothing on disk.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{M, Migrations};

use super::StoreError;

/// The database file's name inside the data folder.
pub const DB_FILE: &str = "kinscreen.db";

/// How long a writer waits for another window's transaction before giving up.
const BUSY: Duration = Duration::from_secs(10);

/// The schema, one migration per version (`PRAGMA user_version`). Every statement is
/// idempotent, so two processes migrating an empty folder at once both succeed.
const MIGRATIONS: &[&str] = &[r#"
CREATE TABLE IF NOT EXISTS interviews (
    id                    TEXT PRIMARY KEY,
    finished_at           TEXT NOT NULL,
    questionnaire_id      TEXT NOT NULL,
    questionnaire_version TEXT NOT NULL,
    triage                TEXT NOT NULL,
    classification        TEXT NOT NULL,
    -- the whole record (format, answers, questionnaire document, assessment) as JSON
    record                TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS drafts (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    questionnaire_id TEXT NOT NULL,
    saved_at         TEXT NOT NULL,
    -- the process that holds the draft ("pid:start time"), NULL when nobody does
    owner            TEXT,
    -- the finished interview this draft reopened (Backspace on the result), if any
    interview_id     TEXT REFERENCES interviews(id) ON DELETE CASCADE,
    draft            TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS reports (
    interview_id TEXT PRIMARY KEY REFERENCES interviews(id) ON DELETE CASCADE,
    saved_at     TEXT NOT NULL,
    -- the Markdown copy written for the person to open, if one was written
    path         TEXT,
    markdown     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS practice (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,
    case_id TEXT NOT NULL,
    score   INTEGER NOT NULL,
    attempt TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS imports (
    source   TEXT PRIMARY KEY,
    at       TEXT NOT NULL,
    moved_to TEXT
);
"#];

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

fn sql(path: &Path) -> impl FnOnce(rusqlite::Error) -> StoreError + '_ {
    move |source| StoreError::Db {
        path: path.display().to_string(),
        source,
    }
}

/// Whether SQLite says the file is not a database or is damaged.
pub fn is_damaged(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

/// Opens (creating if needed, mode 0600) the database for reading and writing, and brings the
/// schema up to date in an IMMEDIATE transaction under the busy timeout.
pub fn open_writable(path: &Path) -> Result<Connection, StoreError> {
    create_private(path)?;
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sql(path))?;
    conn.busy_timeout(BUSY).map_err(sql(path))?;
    // Checks the header too: a file that is not a database fails here.
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(sql(path))?;
    for (name, value) in [
        ("synchronous", "FULL"),
        ("foreign_keys", "ON"),
        ("secure_delete", "ON"),
    ] {
        conn.pragma_update(None, name, value).map_err(sql(path))?;
    }
    conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
    let m = migrations();
    // A process that read the old version just before another migrated retries once.
    if let Err(first) = m.to_latest(&mut conn) {
        m.to_latest(&mut conn).map_err(|e| StoreError::Schema {
            path: path.display().to_string(),
            message: format!("{e} (first try: {first})"),
        })?;
    }
    Ok(conn)
}

/// Creates the database file with mode 0600 if it does not exist (SQLite would use 0644).
fn create_private(path: &Path) -> Result<(), StoreError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map(drop).map_err(super::io(path))
}

/// Opens an existing database without writing anything. A database no window is writing to
/// has no `-wal` file (the last writer folds it in and removes it on closing); it is opened
/// `immutable`, so SQLite creates no `-wal` or `-shm` file beside it either. So is one in a
/// folder this process cannot write to (a backup on read-only media). Only while another
/// window is writing (its `-wal` file exists, in a folder we may write to) is it opened as a
/// plain read-only connection sharing that window's files, so its latest saves are seen.
pub fn open_read_only(path: &Path) -> Result<Connection, StoreError> {
    let folder_writable = path.parent().is_some_and(writable);
    let wal = path.with_file_name(format!("{DB_FILE}-wal"));
    let conn = if folder_writable && wal.exists() {
        Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
    } else {
        Connection::open_with_flags(
            format!("file:{}?immutable=1", uri_path(path)),
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
    }
    .map_err(sql(path))?;
    conn.busy_timeout(BUSY).map_err(sql(path))?;
    check_version(&conn, path)?;
    Ok(conn)
}

/// An empty database in memory with the current schema (for a folder that has no database
/// yet: read-only commands read the old JSON store into it).
pub fn in_memory() -> Result<Connection, StoreError> {
    let path = PathBuf::from(":memory:");
    let mut conn = Connection::open_in_memory().map_err(sql(&path))?;
    migrations()
        .to_latest(&mut conn)
        .map_err(|e| StoreError::Schema {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
    Ok(conn)
}

/// Refuses a database this version does not know how to read (made by a newer kinscreen), and
/// one that is not a database at all.
fn check_version(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(sql(path))?;
    if version > MIGRATIONS.len() as i64 {
        return Err(StoreError::Schema {
            path: path.display().to_string(),
            message: format!(
                "it was made by a newer kinscreen (schema {version}; this one reads up to {})",
                MIGRATIONS.len()
            ),
        });
    }
    if version == 0 {
        return Err(StoreError::Schema {
            path: path.display().to_string(),
            message: "it has no kinscreen tables".into(),
        });
    }
    Ok(())
}

/// Whether this process may create files in `dir`.
pub fn writable(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use rustix::fs::Access;
        rustix::fs::access(dir, Access::WRITE_OK | Access::EXEC_OK).is_ok()
    }
    #[cfg(not(unix))]
    {
        !std::fs::metadata(dir).is_ok_and(|m| m.permissions().readonly())
    }
}

/// A path written for an SQLite `file:` URI (percent-encoding what a URI reserves).
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for b in path.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b))
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn uri_paths_escape_what_a_uri_reserves() {
        assert_eq!(
            super::uri_path(std::path::Path::new("/a b/c?d#e%/kinscreen.db")),
            "/a%20b/c%3Fd%23e%25/kinscreen.db"
        );
    }
}
