//! What kinscreen keeps on disk, and how: one SQLite database in the data folder
//! (`kinscreen.db`) with the finished interviews, the unfinished ones (each its own row, held by
//! the window that writes it), saved reports and practice attempts. Health answers are private:
//! a folder kinscreen creates is 0700 and the database 0600; a folder or database that others
//! can read is reported, never silently changed. Every change is one transaction (WAL journal,
//! `synchronous = FULL`), so a crash leaves the database as it was before or after it.
//!
//! Commands that only read open the database read-only and write nothing at all. A data folder
//! from before the database (JSON files) is imported by the first command that writes, in one
//! transaction, and its files are moved aside, not deleted.

pub mod autosave;
mod db;
mod import;
pub mod offer;
mod owner;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::{Connection, OptionalExtension, params};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::answers::answer_from_value;
use crate::engine::{Answers, Interview, State};
use crate::practice::LogEntry;
use crate::questionnaire::{self, Questionnaire};
use crate::report::{self, Record};

/// Version of the files' layout.
pub const FORMAT: u32 = 1;

/// Why something could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not a kinscreen file: {source}")]
    Format {
        path: String,
        source: serde_json::Error,
    },
    #[error("{path}: {source}")]
    Db {
        path: String,
        source: rusqlite::Error,
    },
    #[error("{path} cannot be used: {message}")]
    Schema { path: String, message: String },
    #[error("{path} is opened read-only here: nothing can be saved")]
    ReadOnly { path: String },
    #[error(
        "{what} was made by a newer kinscreen (format {format}; this one reads up to {FORMAT})"
    )]
    TooNew { what: String, format: u32 },
    #[error("the result is not stored yet, so its report cannot be saved")]
    NotStored,
    #[error("no finished interview has the id `{0}` (see `kinscreen history`)")]
    NotFound(String),
    #[error("no data folder could be found for this user; give one with --data-dir")]
    NoHome,
    #[error("the saved questionnaire of interview `{id}` cannot be loaded: {message}")]
    Questionnaire { id: String, message: String },
}

pub(crate) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Which questionnaire a saved interview used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionnaireStamp {
    pub id: String,
    pub version: String,
    /// SHA-256 of the questionnaire file.
    pub fingerprint: String,
}

impl QuestionnaireStamp {
    pub fn of(q: &Questionnaire) -> Self {
        QuestionnaireStamp {
            id: q.meta.id.clone(),
            version: q.meta.version.clone(),
            fingerprint: q.fingerprint.clone(),
        }
    }
}

fn answers_by_id(iv: &Interview) -> Map<String, Value> {
    let q = iv.questionnaire();
    iv.answers()
        .iter()
        .map(|(i, a)| (q.questions[*i].id.clone(), a.to_ids(&q.questions[*i])))
        .collect()
}

fn acknowledged_ids(iv: &Interview) -> Vec<String> {
    let q = iv.questionnaire();
    iv.acknowledged()
        .iter()
        .map(|r| q.rules[*r].id.clone())
        .collect()
}

/// An interview in progress, as saved after every answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unfinished {
    pub format: u32,
    pub saved_at: String,
    pub questionnaire: QuestionnaireStamp,
    /// Every answer given, by question id.
    pub answers: Map<String, Value>,
    /// The question on screen, if any.
    pub current: Option<String>,
    /// Red-flag alerts already seen, by rule id.
    pub acknowledged: Vec<String>,
    /// The finished interview this one reopened (Backspace on the result): finishing again
    /// updates that record instead of adding another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interview_id: Option<String>,
}

impl Unfinished {
    pub fn of(iv: &Interview, now: &str) -> Self {
        let q = iv.questionnaire();
        Unfinished {
            format: FORMAT,
            saved_at: now.to_string(),
            questionnaire: QuestionnaireStamp::of(q),
            answers: answers_by_id(iv),
            current: iv.current().map(|i| q.questions[i].id.clone()),
            acknowledged: acknowledged_ids(iv),
            interview_id: None,
        }
    }
}

/// A saved interview brought back.
#[derive(Debug, Clone)]
pub struct Resumed {
    pub interview: Interview,
    /// The questionnaire is not the one the interview was saved with.
    pub changed: bool,
    /// Saved answers that no longer fit the questionnaire, by question id.
    pub dropped: Vec<String>,
}

/// Rebuilds saved answers on a questionnaire, keeping those that still fit.
fn rebuild(
    q: &Arc<Questionnaire>,
    answers: &Map<String, Value>,
    acknowledged: &[String],
    current: Option<&str>,
) -> (Interview, Vec<String>) {
    let mut dropped = Vec::new();
    let mut resolved = Answers::new();
    for (id, value) in answers {
        match q.question_index(id) {
            Some(i) => match answer_from_value(&q.questions[i], value) {
                Ok(a) => {
                    resolved.insert(i, a);
                }
                Err(_) => dropped.push(id.clone()),
            },
            None => dropped.push(id.clone()),
        }
    }
    let seen: BTreeSet<usize> = acknowledged
        .iter()
        .filter_map(|id| q.rules.iter().position(|r| &r.id == id))
        .collect();
    let stop = current.and_then(|id| q.question_index(id));
    (
        Interview::replay(q.clone(), &resolved, stop, &seen),
        dropped,
    )
}

/// Brings a saved interview back on `q`. On the same questionnaire it resumes at the question
/// that was on screen; on a changed one every saved answer is checked again, those that no
/// longer fit are dropped (and named), and it resumes at the first open question.
pub fn resume(q: Arc<Questionnaire>, saved: &Unfinished) -> Resumed {
    let changed = saved.questionnaire != QuestionnaireStamp::of(&q);
    let current = if changed {
        None
    } else {
        saved.current.as_deref()
    };
    let (interview, dropped) = rebuild(&q, &saved.answers, &saved.acknowledged, current);
    Resumed {
        interview,
        changed,
        dropped,
    }
}

/// A finished interview, as kept in the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finished {
    pub format: u32,
    pub id: String,
    pub finished_at: String,
    pub questionnaire: QuestionnaireStamp,
    pub questionnaire_title: String,
    /// The questionnaire file itself, so the interview can be shown as it was taken.
    pub questionnaire_document: String,
    pub answers: Map<String, Value>,
    pub acknowledged: Vec<String>,
    /// The assessment at the time.
    pub record: Record,
}

impl Finished {
    pub fn of(iv: &Interview, id: &str, now: &str) -> Self {
        let q = iv.questionnaire();
        Finished {
            format: FORMAT,
            id: id.to_string(),
            finished_at: now.to_string(),
            questionnaire: QuestionnaireStamp::of(q),
            questionnaire_title: q.meta.title.clone(),
            questionnaire_document: q.document.clone(),
            answers: answers_by_id(iv),
            acknowledged: acknowledged_ids(iv),
            record: report::record(iv),
        }
    }

    /// The full record for `kinscreen export --format json` (field names are stable and
    /// documented in the README and `docs/export.schema.json`).
    pub fn export_json(&self) -> Value {
        serde_json::json!({
            "format": self.format,
            "id": self.id,
            "finished_at": self.finished_at,
            "questionnaire": {
                "id": self.questionnaire.id,
                "version": self.questionnaire.version,
                "fingerprint": self.questionnaire.fingerprint,
                "title": self.questionnaire_title,
            },
            "answers": self.answers,
            "alerts_seen": self.acknowledged,
            "assessment": self.record,
        })
    }

    /// The interview again, on the questionnaire it was taken with.
    pub fn interview(&self) -> Result<Interview, StoreError> {
        self.interview_in(|q| q)
    }

    /// [`Finished::interview`], with the questionnaire's texts put through `texts` first (a
    /// translation: the ids, and so the answers, are the same).
    pub fn interview_in(
        &self,
        texts: impl FnOnce(questionnaire::Questionnaire) -> questionnaire::Questionnaire,
    ) -> Result<Interview, StoreError> {
        let q = questionnaire::load_str(
            &self.questionnaire_document,
            &format!("the questionnaire saved with {}", self.id),
        )
        .map_err(|e| StoreError::Questionnaire {
            id: self.id.clone(),
            message: e.to_string(),
        })?;
        let (mut iv, _) = rebuild(&Arc::new(texts(q)), &self.answers, &self.acknowledged, None);
        if matches!(
            iv.state(),
            State::Review | State::Alert(_) | State::Asking(_)
        ) {
            let _ = iv.finish();
        }
        Ok(iv)
    }
}

/// The current time as RFC 3339 (UTC, seconds).
pub fn now() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

/// An id for a finished interview from its time: `20261121-055420`.
pub fn id_from_time(rfc3339: &str) -> String {
    let digits: String = rfc3339
        .chars()
        .filter(char::is_ascii_digit)
        .take(14)
        .collect();
    if digits.len() == 14 {
        format!("{}-{}", &digits[..8], &digits[8..])
    } else {
        digits
    }
}

/// The finished interviews kept in `dir`, as a table (`kinscreen history`).
pub fn history_text(dir: &Path, list: &[Finished]) -> String {
    use std::fmt::Write;
    if list.is_empty() {
        return format!("No finished interviews in {}.\n", dir.display());
    }
    let mut text = format!("Finished interviews in {}:\n\n", dir.display());
    // Writing to a String cannot fail.
    let _ = writeln!(
        text,
        "{:<18}  {:<20}  {:<9}  {:<32}  most like",
        "id", "finished", "version", "how soon"
    );
    for f in list {
        let _ = writeln!(
            text,
            "{:<18}  {:<20}  {:<9}  {:<32}  {}",
            f.id,
            crate::clock::local_time(&f.finished_at),
            f.questionnaire.version,
            f.record.triage_label,
            f.record.classification_label
        );
    }
    text
}

/// A folder kinscreen creates for itself: 0700 on Unix.
#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    if let Some(parent) = dir.parent() {
        std::fs::create_dir_all(parent)?;
    }
    match std::fs::DirBuilder::new().mode(0o700).create(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        other => other,
    }
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

/// A warning when others than the owner may read `path` (the command goes on).
#[cfg(unix)]
fn readable_by_others(path: &Path, what: &str) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
    (mode & 0o077 != 0).then(|| {
        format!(
            "Warning: the {what} {} can be read by other users (mode {mode:o}); `chmod go= {}` makes it private.",
            path.display(),
            path.display()
        )
    })
}

#[cfg(not(unix))]
fn readable_by_others(_path: &Path, _what: &str) -> Option<String> {
    None
}

/// The practice log's attempts, and the ones that could not be read as (row, problem).
pub type PracticeLog = (Vec<LogEntry>, Vec<(usize, String)>);

/// An unfinished interview in the database.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Its row.
    pub id: i64,
    pub unfinished: Unfinished,
    /// Another running window holds it (it is not offered here).
    pub held: bool,
}

/// The data folder and its database. Clones share one connection.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    db: Arc<Mutex<Connection>>,
    writable: bool,
    me: String,
    notes: Vec<String>,
}

fn default_dir(dir: Option<&Path>) -> Result<PathBuf, StoreError> {
    match dir {
        Some(d) => Ok(d.to_path_buf()),
        None => Ok(directories::ProjectDirs::from("", "", "kinscreen")
            .ok_or(StoreError::NoHome)?
            .data_dir()
            .to_path_buf()),
    }
}

impl Store {
    /// Opens the data folder (the platform's, or `dir`) for writing: creates it (0700) and the
    /// database (0600) if missing, brings the schema up to date, and imports a JSON data folder
    /// left by an older kinscreen. A damaged database is moved aside and a new one started.
    pub fn open(dir: Option<&Path>) -> Result<Store, StoreError> {
        let dir = default_dir(dir)?;
        let mut notes = Vec::new();
        if dir.is_dir() {
            notes.extend(readable_by_others(&dir, "data folder"));
        } else {
            create_private_dir(&dir).map_err(io(&dir))?;
        }
        let path = dir.join(db::DB_FILE);
        let existed = path.exists();
        let mut conn = match db::open_writable(&path) {
            Err(StoreError::Db { source, .. }) if existed && db::is_damaged(&source) => {
                let aside = dir.join(format!("kinscreen.damaged-{}.db", id_from_time(&now())));
                std::fs::rename(&path, &aside).map_err(io(&path))?;
                for ext in ["-wal", "-shm"] {
                    let side = dir.join(format!("{}{ext}", db::DB_FILE));
                    if side.exists() {
                        let _ = std::fs::rename(&side, format!("{}{ext}", aside.display()));
                    }
                }
                notes.push(format!(
                    "The database {} was damaged ({source}); it was kept as {} and a new one started.",
                    path.display(),
                    aside.display()
                ));
                db::open_writable(&path)?
            }
            other => other?,
        };
        if existed {
            notes.extend(readable_by_others(&path, "database"));
        }
        notes.extend(import::import(&mut conn, &dir, true)?);
        Ok(Store {
            dir,
            db: Arc::new(Mutex::new(conn)),
            writable: true,
            me: owner::me(),
            notes,
        })
    }

    /// Opens the data folder for reading only: creates nothing, changes no permission, writes
    /// nothing. A folder without a database reads its old JSON files as they are (or nothing).
    pub fn open_read_only(dir: Option<&Path>) -> Result<Store, StoreError> {
        let dir = default_dir(dir)?;
        let path = dir.join(db::DB_FILE);
        let mut notes = Vec::new();
        let conn = if path.exists() {
            notes.extend(readable_by_others(&path, "database"));
            db::open_read_only(&path)?
        } else {
            let mut conn = db::in_memory()?;
            if dir.is_dir() {
                notes.extend(import::import(&mut conn, &dir, false)?);
            }
            conn
        };
        Ok(Store {
            dir,
            db: Arc::new(Mutex::new(conn)),
            writable: false,
            me: owner::me(),
            notes,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The database file.
    pub fn path(&self) -> PathBuf {
        self.dir.join(db::DB_FILE)
    }

    /// What opening found that the person should know (permissions, an import, a damaged
    /// database kept aside).
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves the connection usable (SQLite rolls back).
        self.db.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn sql(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |source| StoreError::Db {
            path: self.path().display().to_string(),
            source,
        }
    }

    fn json(&self) -> impl Fn(serde_json::Error) -> StoreError + '_ {
        move |source| StoreError::Format {
            path: self.path().display().to_string(),
            source,
        }
    }

    fn writing(&self) -> Result<(), StoreError> {
        if self.writable {
            Ok(())
        } else {
            Err(StoreError::ReadOnly {
                path: self.path().display().to_string(),
            })
        }
    }

    /// Lets the database grow by at most `pages` more pages: every save after that fails the
    /// way a full disk makes it fail (tests use it).
    #[doc(hidden)]
    pub fn simulate_full_disk(&self, pages: u32) {
        let conn = self.conn();
        let count: u32 = conn
            .pragma_query_value(None, "page_count", |r| r.get(0))
            .unwrap_or(0);
        let _ = conn.pragma_update(None, "max_page_count", count + pages);
    }

    /// The unfinished interviews of a questionnaire, newest first, each marked if another
    /// running window holds it.
    pub fn drafts(&self, questionnaire_id: &str) -> Result<Vec<Draft>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare(
                "SELECT id, owner, draft FROM drafts WHERE questionnaire_id = ?1
                 ORDER BY saved_at DESC, id DESC",
            )
            .map_err(self.sql())?;
        let rows = stmt
            .query_map([questionnaire_id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(self.sql())?
            .collect::<Result<Vec<_>, _>>()
            .map_err(self.sql())?;
        let mut drafts = Vec::new();
        for (id, holder, text) in rows {
            let unfinished: Unfinished = serde_json::from_str(&text).map_err(self.json())?;
            let held = holder.is_some_and(|o| o != self.me && owner::alive(&o));
            drafts.push(Draft {
                id,
                unfinished,
                held,
            });
        }
        Ok(drafts)
    }

    /// Takes a draft for this window if nobody else holds it; says whether it did.
    pub fn claim(&self, draft: i64) -> Result<bool, StoreError> {
        self.writing()?;
        let mut conn = self.conn();
        let tx = conn.transaction().map_err(self.sql())?;
        let holder: Option<Option<String>> = tx
            .query_row("SELECT owner FROM drafts WHERE id = ?1", [draft], |r| {
                r.get(0)
            })
            .optional()
            .map_err(self.sql())?;
        let free = match holder {
            None => false,
            Some(None) => true,
            Some(Some(o)) => o == self.me || !owner::alive(&o),
        };
        if free {
            tx.execute(
                "UPDATE drafts SET owner = ?1 WHERE id = ?2",
                params![self.me, draft],
            )
            .map_err(self.sql())?;
        }
        tx.commit().map_err(self.sql())?;
        Ok(free)
    }

    /// Saves the interview in progress: a new row held by this window, or its own row `draft`.
    /// Returns the row.
    pub fn save_draft(&self, draft: Option<i64>, u: &Unfinished) -> Result<i64, StoreError> {
        self.writing()?;
        let text = serde_json::to_string(u).map_err(self.json())?;
        let conn = self.conn();
        let updated = match draft {
            Some(id) => conn
                .execute(
                    "UPDATE drafts SET saved_at = ?1, draft = ?2, interview_id = ?3, owner = ?4
                     WHERE id = ?5",
                    params![u.saved_at, text, u.interview_id, self.me, id],
                )
                .map_err(self.sql())?,
            None => 0,
        };
        if updated == 1 {
            return Ok(draft.unwrap_or_default());
        }
        put_draft(&conn, u, Some(&self.me)).map_err(self.sql())
    }

    /// Forgets an unfinished interview.
    pub fn discard_draft(&self, draft: i64) -> Result<(), StoreError> {
        self.writing()?;
        self.conn()
            .execute("DELETE FROM drafts WHERE id = ?1", [draft])
            .map_err(self.sql())?;
        Ok(())
    }

    /// Lets go of every draft this window holds (at exit; a crash frees them too).
    pub fn release(&self) -> Result<(), StoreError> {
        if !self.writable {
            return Ok(());
        }
        self.conn()
            .execute(
                "UPDATE drafts SET owner = NULL WHERE owner = ?1",
                [&self.me],
            )
            .map_err(self.sql())?;
        Ok(())
    }

    /// Keeps a finished interview: under a new id (unique even for two finishes in the same
    /// second, in any number of windows), or replacing the record `existing`. The draft it came
    /// from, if any, is removed in the same transaction.
    pub fn save_finished(
        &self,
        iv: &Interview,
        now: &str,
        existing: Option<&str>,
        draft: Option<i64>,
    ) -> Result<Finished, StoreError> {
        self.writing()?;
        let mut conn = self.conn();
        let tx = conn.transaction().map_err(self.sql())?;
        let taken = |id: &str| {
            exists(&tx, "SELECT 1 FROM interviews WHERE id = ?1", id).map_err(self.sql())
        };
        let id = match existing {
            Some(id) if taken(id)? => id.to_string(),
            _ => {
                let base = id_from_time(now);
                let mut id = base.clone();
                let mut n = 1;
                while taken(&id)? {
                    n += 1;
                    id = format!("{base}-{n}");
                }
                id
            }
        };
        let finished = Finished::of(iv, &id, now);
        put_interview(&tx, &finished, Taken::Replace).map_err(self.sql())?;
        if let Some(d) = draft {
            tx.execute("DELETE FROM drafts WHERE id = ?1", [d])
                .map_err(self.sql())?;
        }
        tx.commit().map_err(self.sql())?;
        Ok(finished)
    }

    /// Every finished interview, oldest first. Records that cannot be read are skipped and
    /// named in the second list.
    pub fn history(&self) -> Result<(Vec<Finished>, Vec<StoreError>), StoreError> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare("SELECT id, record FROM interviews ORDER BY finished_at, id")
            .map_err(self.sql())?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(self.sql())?
            .collect::<Result<Vec<_>, _>>()
            .map_err(self.sql())?;
        let mut found = Vec::new();
        let mut bad = Vec::new();
        for (id, text) in rows {
            match read_finished(&text, &format!("interview `{id}`")) {
                Ok(f) => found.push(f),
                Err(e) => bad.push(e),
            }
        }
        Ok((found, bad))
    }

    /// One finished interview by id.
    pub fn finished(&self, id: &str) -> Result<Finished, StoreError> {
        let text: Option<String> = self
            .conn()
            .query_row("SELECT record FROM interviews WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(self.sql())?;
        match text {
            Some(t) => read_finished(&t, &format!("interview `{id}`")),
            None => Err(StoreError::NotFound(id.to_string())),
        }
    }

    /// Deletes one finished interview: its record, its saved report (row and file) and any
    /// draft that reopened it. `secure_delete` overwrites the freed pages.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        self.writing()?;
        let mut conn = self.conn();
        let tx = conn.transaction().map_err(self.sql())?;
        let path: Option<Option<String>> = tx
            .query_row(
                "SELECT path FROM reports WHERE interview_id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.sql())?;
        let n = tx
            .execute("DELETE FROM interviews WHERE id = ?1", [id])
            .map_err(self.sql())?;
        if n == 0 {
            return Err(StoreError::NotFound(id.to_string()));
        }
        tx.commit().map_err(self.sql())?;
        if let Some(Some(p)) = path {
            remove_file(Path::new(&p))?;
        }
        checkpoint(&conn);
        Ok(())
    }

    /// Deletes everything: finished and unfinished interviews, saved reports (rows and files)
    /// and practice attempts.
    pub fn forget_all(&self) -> Result<(), StoreError> {
        self.writing()?;
        let mut conn = self.conn();
        let tx = conn.transaction().map_err(self.sql())?;
        let paths: Vec<String> = {
            let mut stmt = tx
                .prepare("SELECT path FROM reports WHERE path IS NOT NULL")
                .map_err(self.sql())?;
            stmt.query_map([], |r| r.get(0))
                .map_err(self.sql())?
                .collect::<Result<_, _>>()
                .map_err(self.sql())?
        };
        tx.execute_batch(
            "DELETE FROM reports; DELETE FROM drafts; DELETE FROM interviews;
             DELETE FROM practice;",
        )
        .map_err(self.sql())?;
        tx.commit().map_err(self.sql())?;
        for p in paths {
            remove_file(Path::new(&p))?;
        }
        checkpoint(&conn);
        let _ = conn.execute_batch("VACUUM");
        Ok(())
    }

    /// Keeps a finished interview's Markdown report in the database and writes a copy into the
    /// `reports` folder for the person to open; returns the copy's path. Saving again replaces
    /// both.
    pub fn save_report(&self, id: &str, text: &str, now: &str) -> Result<PathBuf, StoreError> {
        self.writing()?;
        let dir = self.dir.join("reports");
        create_private_dir(&dir).map_err(io(&dir))?;
        let safe: String = id
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        let path = dir.join(format!("{safe}.md"));
        self.conn()
            .execute(
                "INSERT INTO reports (interview_id, saved_at, path, markdown)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(interview_id) DO UPDATE SET saved_at = excluded.saved_at,
                     path = excluded.path, markdown = excluded.markdown",
                params![id, now, path.display().to_string(), text],
            )
            .map_err(self.sql())?;
        crate::output::write_atomic(&path, text.as_bytes()).map_err(io(&path))?;
        Ok(path)
    }

    /// Whether a report of this interview has been saved.
    pub fn has_report(&self, id: &str) -> Result<bool, StoreError> {
        exists(
            &self.conn(),
            "SELECT 1 FROM reports WHERE interview_id = ?1",
            id,
        )
        .map_err(self.sql())
    }

    /// Keeps one graded practice attempt.
    pub fn append_practice(&self, entry: &LogEntry) -> Result<(), StoreError> {
        self.writing()?;
        put_attempt(&self.conn(), entry).map_err(self.sql())
    }

    /// Every practice attempt, oldest first, and those that could not be read (row, problem).
    pub fn practice_log(&self) -> Result<PracticeLog, StoreError> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare("SELECT id, attempt FROM practice ORDER BY at, id")
            .map_err(self.sql())?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .map_err(self.sql())?
            .collect::<Result<Vec<_>, _>>()
            .map_err(self.sql())?;
        let mut entries = Vec::new();
        let mut bad = Vec::new();
        for (row, text) in rows {
            match serde_json::from_str(&text) {
                Ok(e) => entries.push(e),
                Err(e) => bad.push((usize::try_from(row).unwrap_or(0), e.to_string())),
            }
        }
        Ok((entries, bad))
    }
}

/// Whether `sql` (a `SELECT 1 … WHERE … = ?1`) finds a row for `param`.
fn exists(conn: &Connection, sql: &str, param: &str) -> rusqlite::Result<bool> {
    conn.query_row(sql, [param], |_| Ok(()))
        .optional()
        .map(|r| r.is_some())
}

/// A record as the JSON text a row keeps.
fn json_text<T: Serialize>(value: &T) -> rusqlite::Result<String> {
    serde_json::to_string(value).map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))
}

/// What writing a finished interview whose id is already taken does.
#[derive(Clone, Copy)]
enum Taken {
    /// Replace the record (finishing the same interview again).
    Replace,
    /// Keep the stored one (importing files already imported).
    Keep,
}

/// The one way a finished interview becomes a row (saving and importing); the number of rows
/// written.
fn put_interview(conn: &Connection, f: &Finished, taken: Taken) -> rusqlite::Result<usize> {
    let on_conflict = match taken {
        Taken::Replace => {
            "DO UPDATE SET finished_at = excluded.finished_at,
                 questionnaire_id = excluded.questionnaire_id,
                 questionnaire_version = excluded.questionnaire_version,
                 triage = excluded.triage, classification = excluded.classification,
                 record = excluded.record"
        }
        Taken::Keep => "DO NOTHING",
    };
    conn.execute(
        &format!(
            "INSERT INTO interviews (id, finished_at, questionnaire_id, questionnaire_version,
                                     triage, classification, record)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT(id) {on_conflict}"
        ),
        params![
            f.id,
            f.finished_at,
            f.questionnaire.id,
            f.questionnaire.version,
            f.record.triage,
            f.record.classification,
            json_text(f)?
        ],
    )
}

/// The one way an unfinished interview becomes a new row; returns the row.
fn put_draft(conn: &Connection, u: &Unfinished, owner: Option<&str>) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO drafts (questionnaire_id, saved_at, owner, interview_id, draft)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            u.questionnaire.id,
            u.saved_at,
            owner,
            u.interview_id,
            json_text(u)?
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The one way a practice attempt becomes a row.
fn put_attempt(conn: &Connection, entry: &LogEntry) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO practice (at, case_id, score, attempt) VALUES (?1, ?2, ?3, ?4)",
        params![entry.at, entry.case, entry.score, json_text(entry)?],
    )?;
    Ok(())
}

/// A finished interview's JSON, refusing a format this version does not know.
fn read_finished(text: &str, what: &str) -> Result<Finished, StoreError> {
    read_versioned(text, what)
}

/// A record of ours in JSON (`what` names it in errors), refusing a `format` newer than
/// [`FORMAT`] before reading the rest.
pub(crate) fn read_versioned<T: serde::de::DeserializeOwned>(
    text: &str,
    what: &str,
) -> Result<T, StoreError> {
    let value: Value = serde_json::from_str(text).map_err(|source| StoreError::Format {
        path: what.to_string(),
        source,
    })?;
    let format = value.get("format").and_then(Value::as_u64).unwrap_or(0);
    if format > u64::from(FORMAT) {
        return Err(StoreError::TooNew {
            what: what.to_string(),
            format: u32::try_from(format).unwrap_or(u32::MAX),
        });
    }
    serde_json::from_value(value).map_err(|source| StoreError::Format {
        path: what.to_string(),
        source,
    })
}

fn remove_file(path: &Path) -> Result<(), StoreError> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(path)(e)),
        _ => Ok(()),
    }
}

/// Moves what the WAL holds into the database file so deleted pages are overwritten there too.
fn checkpoint(conn: &Connection) {
    let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
}

#[cfg(test)]
mod tests;
