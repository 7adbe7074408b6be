//! What kinscreen keeps on disk, and how: the unfinished interview (one per questionnaire, saved
//! after every answer) and the finished ones (history). Health answers are private: the folder
//! is 0700 and every file 0600 on Unix, and every write is atomic (a temporary file in the same
//! folder, flushed and synced, then renamed), so a crash at any point leaves either the old file
//! or the new one, never half of one.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
    #[error("no finished interview has the id `{0}` (see `kinscreen history`)")]
    NotFound(String),
    #[error("no data folder could be found for this user; give one with --data-dir")]
    NoHome,
    #[error("the saved questionnaire of interview `{id}` cannot be loaded: {message}")]
    Questionnaire { id: String, message: String },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
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
        let q = questionnaire::load_str(
            &self.questionnaire_document,
            &format!("the questionnaire saved with {}", self.id),
        )
        .map_err(|e| StoreError::Questionnaire {
            id: self.id.clone(),
            message: e.to_string(),
        })?;
        let (mut iv, _) = rebuild(&Arc::new(q), &self.answers, &self.acknowledged, None);
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

/// Writes a file atomically with mode 0600 (see the module docs).
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

#[cfg(unix)]
fn private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
}

#[cfg(not(unix))]
fn private_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

/// The practice log's attempts, and its unreadable lines as (line number, problem).
pub type PracticeLog = (Vec<LogEntry>, Vec<(usize, String)>);

/// The data folder.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// The platform's data folder for kinscreen (or `dir`), created private if missing.
    pub fn open(dir: Option<&Path>) -> Result<Store, StoreError> {
        let dir = match dir {
            Some(d) => d.to_path_buf(),
            None => directories::ProjectDirs::from("", "", "kinscreen")
                .ok_or(StoreError::NoHome)?
                .data_dir()
                .to_path_buf(),
        };
        for d in [dir.clone(), dir.join("history")] {
            std::fs::create_dir_all(&d).map_err(io(&d))?;
            private_dir(&d).map_err(io(&d))?;
        }
        Ok(Store { dir })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn unfinished_path(&self, questionnaire_id: &str) -> PathBuf {
        let safe: String = questionnaire_id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        self.dir.join(format!("unfinished-{safe}.json"))
    }

    fn write_json<T: Serialize>(&self, path: &Path, value: &T) -> Result<(), StoreError> {
        let json = serde_json::to_vec_pretty(value).map_err(|source| StoreError::Format {
            path: path.display().to_string(),
            source,
        })?;
        write_atomic(path, &json).map_err(io(path))
    }

    fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, StoreError> {
        let bytes = std::fs::read(path).map_err(io(path))?;
        serde_json::from_slice(&bytes).map_err(|source| StoreError::Format {
            path: path.display().to_string(),
            source,
        })
    }

    /// Saves the interview in progress (replacing the previous save).
    pub fn save_unfinished(&self, u: &Unfinished) -> Result<PathBuf, StoreError> {
        let path = self.unfinished_path(&u.questionnaire.id);
        self.write_json(&path, u)?;
        Ok(path)
    }

    /// The saved interview in progress for this questionnaire id, if any.
    pub fn unfinished(&self, questionnaire_id: &str) -> Result<Option<Unfinished>, StoreError> {
        let path = self.unfinished_path(questionnaire_id);
        if !path.exists() {
            return Ok(None);
        }
        Self::read_json(&path).map(Some)
    }

    /// Forgets the interview in progress.
    pub fn discard_unfinished(&self, questionnaire_id: &str) -> Result<(), StoreError> {
        let path = self.unfinished_path(questionnaire_id);
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(&path)(e)),
            _ => Ok(()),
        }
    }

    /// Keeps a finished interview under a new id (made unique if two finish in one second),
    /// or replaces the record `existing`.
    pub fn save_finished(
        &self,
        iv: &Interview,
        now: &str,
        existing: Option<&str>,
    ) -> Result<Finished, StoreError> {
        let id = match existing {
            Some(id) => id.to_string(),
            None => {
                let base = id_from_time(now);
                let mut id = base.clone();
                let mut n = 1;
                while self.dir.join("history").join(format!("{id}.json")).exists() {
                    n += 1;
                    id = format!("{base}-{n}");
                }
                id
            }
        };
        let finished = Finished::of(iv, &id, now);
        self.write_json(
            &self.dir.join("history").join(format!("{id}.json")),
            &finished,
        )?;
        Ok(finished)
    }

    /// Every finished interview, oldest first. Files that cannot be read are skipped and
    /// named in the second list.
    pub fn history(&self) -> Result<(Vec<Finished>, Vec<StoreError>), StoreError> {
        let dir = self.dir.join("history");
        let mut found = Vec::new();
        let mut bad = Vec::new();
        for entry in std::fs::read_dir(&dir).map_err(io(&dir))? {
            let path = entry.map_err(io(&dir))?.path();
            if path.extension().is_some_and(|e| e == "json") {
                match Self::read_json::<Finished>(&path) {
                    Ok(f) => found.push(f),
                    Err(e) => bad.push(e),
                }
            }
        }
        found.sort_by(|a, b| (&a.finished_at, &a.id).cmp(&(&b.finished_at, &b.id)));
        Ok((found, bad))
    }

    /// One finished interview by id.
    pub fn finished(&self, id: &str) -> Result<Finished, StoreError> {
        let valid = !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        let path = self.dir.join("history").join(format!("{id}.json"));
        if !valid || !path.exists() {
            return Err(StoreError::NotFound(id.to_string()));
        }
        Self::read_json(&path)
    }

    /// Writes a Markdown report into the `reports` folder; returns its path.
    pub fn save_report(&self, name: &str, text: &str) -> Result<PathBuf, StoreError> {
        let dir = self.dir.join("reports");
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        private_dir(&dir).map_err(io(&dir))?;
        let path = dir.join(format!("{name}.md"));
        write_atomic(&path, text.as_bytes()).map_err(io(&path))?;
        Ok(path)
    }

    fn practice_log_path(&self) -> PathBuf {
        self.dir.join("practice-log.jsonl")
    }

    /// Appends one graded practice attempt to the practice log (JSON Lines, 0600). The line
    /// is written with one `write` on a file opened for appending, then synced.
    pub fn append_practice(&self, entry: &LogEntry) -> Result<PathBuf, StoreError> {
        let path = self.practice_log_path();
        let mut line = serde_json::to_vec(entry).map_err(|source| StoreError::Format {
            path: path.display().to_string(),
            source,
        })?;
        line.push(b'\n');
        let mut options = std::fs::OpenOptions::new();
        options.append(true).create(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&path).map_err(io(&path))?;
        file.write_all(&line).map_err(io(&path))?;
        file.sync_data().map_err(io(&path))?;
        Ok(path)
    }

    /// Every attempt in the practice log, oldest first, and the lines that could not be read
    /// (line number, problem). No log yet is an empty list.
    pub fn practice_log(&self) -> Result<PracticeLog, StoreError> {
        let path = self.practice_log_path();
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Default::default()),
            Err(e) => return Err(io(&path)(e)),
        };
        let mut entries = Vec::new();
        let mut bad = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str(line) {
                Ok(e) => entries.push(e),
                Err(e) => bad.push((n + 1, e.to_string())),
            }
        }
        Ok((entries, bad))
    }
}

#[cfg(test)]
mod tests;
