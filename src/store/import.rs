//! Reading a data folder kept by kinscreen before the database (0.1: `history/*.json`,
//! `unfinished-*.json`, `practice-log.jsonl`, `reports/*.md`) into the database, in one
//! transaction. Afterwards the JSON files are moved aside into `json-store-imported/` (never
//! deleted), so the next start does not import them again; importing the same files twice adds
//! nothing (the import is idempotent). Files that cannot be read (invalid UTF-8, a format from
//! a newer kinscreen) are named and moved aside with the rest, untouched.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, params};

use super::{
    Finished, StoreError, Taken, Unfinished, exists, io, json_text, put_attempt, put_draft,
    put_interview, read_versioned,
};
use crate::practice::LogEntry;

/// The folder the imported files are moved into.
pub const ASIDE: &str = "json-store-imported";

/// What an old data folder holds.
struct Found {
    history: Vec<PathBuf>,
    unfinished: Vec<PathBuf>,
    practice: Option<PathBuf>,
    reports: Vec<PathBuf>,
}

fn sorted(dir: &Path, keep: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.is_file()
                        && p.file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| !n.starts_with('.') && keep(n))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn find(dir: &Path) -> Found {
    let practice = dir.join("practice-log.jsonl");
    Found {
        history: sorted(&dir.join("history"), |n| n.ends_with(".json")),
        unfinished: sorted(dir, |n| {
            n.starts_with("unfinished-") && n.ends_with(".json")
        }),
        practice: practice.is_file().then_some(practice),
        reports: sorted(&dir.join("reports"), |n| n.ends_with(".md")),
    }
}

fn db_err(dir: &Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |source| StoreError::Db {
        path: dir.display().to_string(),
        source,
    }
}

/// One JSON file of the old store: UTF-8, a format this version reads, the expected shape.
fn read_file<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, StoreError> {
    let bytes = std::fs::read(path).map_err(io(path))?;
    let text = String::from_utf8(bytes).map_err(|e| StoreError::Schema {
        path: path.display().to_string(),
        message: format!("it is not UTF-8 text ({e})"),
    })?;
    read_versioned(&text, &path.display().to_string())
}

/// Imports the JSON files of `dir` into `conn`; with `move_aside`, then moves them into
/// [`ASIDE`]. Returns what the person should be told.
pub fn import(
    conn: &mut Connection,
    dir: &Path,
    move_aside: bool,
) -> Result<Vec<String>, StoreError> {
    let found = find(dir);
    if found.history.is_empty() && found.unfinished.is_empty() && found.practice.is_none() {
        return Ok(Vec::new());
    }
    let sql = db_err(dir);
    let mut notes = Vec::new();
    let mut unreadable = Vec::new();
    let (mut interviews, mut drafts, mut attempts) = (0, 0, 0);
    let tx = conn.transaction().map_err(&sql)?;
    for path in &found.history {
        let Ok(f) = read_file::<Finished>(path).map_err(|e| unreadable.push(e.to_string())) else {
            continue;
        };
        interviews += put_interview(&tx, &f, Taken::Keep).map_err(&sql)?;
    }
    for path in &found.unfinished {
        let Ok(u) = read_file::<Unfinished>(path).map_err(|e| unreadable.push(e.to_string()))
        else {
            continue;
        };
        let known = exists(
            &tx,
            "SELECT 1 FROM drafts WHERE draft = ?1",
            &json_text(&u).map_err(&sql)?,
        )
        .map_err(&sql)?;
        if !known {
            put_draft(&tx, &u, None).map_err(&sql)?;
            drafts += 1;
        }
    }
    if let Some(path) = &found.practice {
        let bytes = std::fs::read(path).map_err(io(path))?;
        for (n, line) in bytes.split(|b| *b == b'\n').enumerate() {
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let entry: LogEntry = match serde_json::from_slice(line) {
                Ok(e) => e,
                Err(e) => {
                    unreadable.push(format!("{} line {}: {e}", path.display(), n + 1));
                    continue;
                }
            };
            let text = json_text(&entry).map_err(&sql)?;
            if !exists(&tx, "SELECT 1 FROM practice WHERE attempt = ?1", &text).map_err(&sql)? {
                put_attempt(&tx, &entry).map_err(&sql)?;
                attempts += 1;
            }
        }
    }
    for path in &found.reports {
        let Some(id) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let Ok(markdown) = std::fs::read_to_string(path) else {
            continue;
        };
        tx.execute(
            "INSERT OR IGNORE INTO reports (interview_id, saved_at, path, markdown)
             SELECT id, finished_at, ?2, ?3 FROM interviews WHERE id = ?1",
            params![id, path.display().to_string(), markdown],
        )
        .map_err(&sql)?;
    }
    tx.commit().map_err(&sql)?;

    let mut told = format!(
        "Read the older data files of {}: {interviews} finished interview(s), {drafts} unfinished, {attempts} practice attempt(s)",
        dir.display()
    );
    if move_aside {
        let aside = move_files_aside(dir, &found)?;
        told.push_str(&format!(
            "; the files were moved to {} (nothing was deleted).",
            aside.display()
        ));
    } else {
        told.push_str(" (left as they are; the next command that saves imports them).");
    }
    notes.push(told);
    for u in unreadable {
        notes.push(format!("Could not read {u}; the file was kept as it is."));
    }
    Ok(notes)
}

/// Moves the imported files (and the unreadable ones) into [`ASIDE`], keeping their names;
/// reports stay in `reports/`, where the database now points.
fn move_files_aside(dir: &Path, found: &Found) -> Result<PathBuf, StoreError> {
    let aside = dir.join(ASIDE);
    super::create_private_dir(&aside).map_err(io(&aside))?;
    let history = dir.join("history");
    if history.is_dir() {
        let target = free_name(&aside.join("history"));
        std::fs::rename(&history, &target).map_err(io(&history))?;
    }
    for path in found.unfinished.iter().chain(&found.practice) {
        if let Some(name) = path.file_name() {
            let target = free_name(&aside.join(name));
            std::fs::rename(path, &target).map_err(io(path))?;
        }
    }
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(aside)
}

/// `path`, or `path.2`, `path.3`… if it is taken (an earlier import moved the same name).
fn free_name(path: &Path) -> PathBuf {
    let mut candidate = path.to_path_buf();
    let mut n = 1;
    while candidate.exists() {
        n += 1;
        candidate = PathBuf::from(format!("{}.{n}", path.display()));
    }
    candidate
}
