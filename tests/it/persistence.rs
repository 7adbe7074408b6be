//! Saving as the person goes: the event loop's saver against a private data folder, the resume
//! offer, reports, and the history commands as processes.

use crate::common;

use std::path::Path;
use std::sync::Arc;

use assert_cmd::Command;
use kinscreen::questionnaire;
use kinscreen::store::{self, Store};
use kinscreen::tui::Saver;
use kinscreen::tui::app::{App, Effect, update};
use kinscreen::tui::keymap::Msg::{self, *};
use kinscreen::tui::shell::Saving;
use kinscreen::tui::theme::Theme;
use predicates::prelude::*;

fn app(store: &Store) -> App {
    let mut a = App::new(
        Arc::new(questionnaire::builtin().unwrap()),
        Theme { color: false },
    );
    a.shell.saving = Saving::On(store.dir().display().to_string());
    a
}

/// A new data folder with its store, and a window saving into it.
fn session() -> (tempfile::TempDir, Store, Saver, App) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(dir.path())).unwrap();
    let saver = Saver::new(Some(store.clone()));
    let a = app(&store);
    (dir, store, saver, a)
}

/// From the review: change the severity to 9 (severe pain), then finish.
fn severe_pain_then_finish(app: &mut App, saver: &mut Saver) {
    let (_, keys) = common::to_review_row(app, "severity");
    send(app, saver, &keys);
    send(app, saver, &[Confirm, Pick(9), Confirm, Finish]);
}

/// The newest unfinished interview of the built-in questionnaire, if any.
fn unfinished(store: &Store) -> Option<store::Unfinished> {
    let q = questionnaire::builtin().unwrap();
    store
        .drafts(&q.meta.id)
        .unwrap()
        .into_iter()
        .next()
        .map(|d| d.unfinished)
}

fn send(app: &mut App, saver: &mut Saver, msgs: &[Msg]) {
    for m in msgs {
        update(app, *m);
        saver.sync(app);
    }
}

fn files(dir: &Path, sub: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join(sub))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default();
    names.retain(|n| !n.starts_with('.') && n.ends_with(".json") || n.ends_with(".md"));
    names.sort();
    names
}

#[test]
fn saved_after_every_answer_then_kept_in_the_history_once() {
    let (dir, store, mut saver, mut a) = session();
    send(&mut a, &mut saver, &[Confirm]);
    assert!(
        files(dir.path(), ".").is_empty(),
        "nothing to save before the first answer"
    );
    send(&mut a, &mut saver, &[PickNone, Confirm]);
    let saved = unfinished(&store).unwrap();
    assert_eq!(saved.answers.len(), 1);
    assert_eq!(saved.current.as_deref(), Some("age_band"));

    common::answer(&mut a, &common::ONSET[1..], |a, m| {
        send(a, &mut saver, &[m])
    });
    common::answer(&mut a, common::REVIEW, |a, m| send(a, &mut saver, &[m]));
    send(&mut a, &mut saver, &[Finish]);
    assert!(unfinished(&store).is_none());
    let (list, _) = store.history().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].record.classification, "mechanical_compensation");

    // Back to the review, change the severity, finish again: still one record, updated.
    send(&mut a, &mut saver, &[Back]);
    assert!(unfinished(&store).is_some());

    severe_pain_then_finish(&mut a, &mut saver);
    let (list, _) = store.history().unwrap();
    assert_eq!(list.len(), 1);
    assert!(list[0].record.triggers.contains(&"severe_pain".to_string()));
    assert!(unfinished(&store).is_none());
}

#[test]
fn resume_offer_and_start_over() {
    let (_dir, store, mut saver, mut first) = session();
    send(&mut first, &mut saver, &[Confirm]);
    common::answer(
        &mut first,
        &[
            ("red_flags_emergency", &["cold_pale_leg"]),
            common::ACK,
            ("age_band", &["18_to_54"]),
        ],
        |a, m| send(a, &mut saver, &[m]),
    );

    // What `kinscreen` does at start: offer the saved interview.
    let offered = |store: &Store| {
        let mut a = app(store);
        a.offer = kinscreen::store::offer::find_offer(store, first.questionnaire()).0;
        assert!(a.offer.is_some());
        a
    };
    let mut resumed = offered(&store);
    update(&mut resumed, Resume);
    assert!(resumed.started);
    assert_eq!(resumed.interview, first.interview);

    let mut fresh = offered(&store);
    let mut saver = Saver::new(Some(store.clone()));
    send(&mut fresh, &mut saver, &[Confirm]);
    assert!(!fresh.started, "Enter on an offer asks first");
    assert!(
        unfinished(&store).is_some(),
        "nothing deleted by Enter alone"
    );
    send(&mut fresh, &mut saver, &[common::NO]);
    assert!(
        !fresh.started && fresh.offer.is_some(),
        "no keeps the offer"
    );
    send(&mut fresh, &mut saver, &[Confirm, common::YES]);
    assert!(fresh.started);
    assert!(fresh.effects.is_empty(), "the saver took the effect");
    assert!(
        unfinished(&store).is_none(),
        "starting over, confirmed, deletes the saved answers"
    );
    assert!(fresh.interview.answers().is_empty());
}

#[test]
fn report_key_saves_markdown_and_says_where() {
    let (_dir, store, mut saver, mut a) = session();
    send(&mut a, &mut saver, &[Confirm]);
    common::answer(&mut a, common::ONSET, |a, m| send(a, &mut saver, &[m]));
    common::answer(&mut a, common::REVIEW, |a, m| send(a, &mut saver, &[m]));
    send(&mut a, &mut saver, &[Finish, SaveReport]);
    let status = a.shell.status.clone().unwrap();
    assert!(status.starts_with("Report saved to "), "{status}");
    let path = status.trim_start_matches("Report saved to ");
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.starts_with("# kinscreen report"));
    let (list, _) = store.history().unwrap();
    assert!(
        path.ends_with(&format!("{}.md", list[0].id)),
        "named after the interview"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn without_a_store_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut saver = Saver::new(None);
    let mut a = App::new(
        Arc::new(questionnaire::builtin().unwrap()),
        Theme { color: false },
    );
    send(&mut a, &mut saver, &[Confirm]);
    common::answer(&mut a, common::ONSET, |a, m| send(a, &mut saver, &[m]));
    common::answer(&mut a, common::REVIEW, |a, m| send(a, &mut saver, &[m]));
    send(&mut a, &mut saver, &[Finish]);
    update(&mut a, SaveReport);
    assert_eq!(a.effects, [Effect::SaveReport]);
    saver.sync(&mut a);
    assert!(a.shell.status.unwrap().contains("Saving is off"));
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
}

/// A data folder with one finished interview (vignette 01), and its id.
pub(crate) fn history_with_one() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(dir.path())).unwrap();
    let q = Arc::new(questionnaire::builtin().unwrap());
    let path = common::vignette("01-hip-to-knee-mechanical.toml");
    let iv = kinscreen::answers::run(q, &kinscreen::answers::read(&path).unwrap()).unwrap();
    let f = store
        .save_finished(&iv, "2026-11-21T10:00:00Z", None, None)
        .unwrap();
    (dir, f.id)
}

pub(crate) fn kinscreen(dir: &Path) -> Command {
    let mut c = crate::common::english(Command::cargo_bin("kinscreen")).unwrap();
    c.arg("--data-dir").arg(dir);
    c
}

#[test]
fn history_show_and_export_as_processes() {
    let (dir, id) = history_with_one();
    // Shown in the local zone (the store keeps UTC: 10:00Z).
    kinscreen(dir.path())
        .arg("history")
        .env("TZ", "Europe/Berlin")
        .assert()
        .success()
        .stdout(predicate::str::contains(&id))
        .stdout(predicate::str::contains("2026-11-21 11:00 CET"))
        .stdout(predicate::str::contains("Book an assessment"))
        .stdout(predicate::str::contains("Overload of the painful place"));
    kinscreen(dir.path())
        .args(["show", &id])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Overload of the painful place (mechanical compensation)",
        ))
        // Answers cut by a cap stay listed.
        .stdout(predicate::str::contains("counted in the cap"))
        .stdout(predicate::str::contains("Get help at once if"));
    kinscreen(dir.path())
        .args(["export", &id, "--format", "markdown"])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "Interview `{id}`, finished 2026-11-21T10:00:00Z."
        )));
    let out = dir.path().join("out.json");
    kinscreen(dir.path())
        .args(["export", &id, "--format", "json", "-o"])
        .arg(&out)
        .assert()
        .success();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    if let Some(errors) = schema_errors(dir.path(), &json) {
        assert!(errors.is_empty(), "the export breaks its schema:\n{errors}");
    }
    assert_eq!(
        json["assessment"]["classification"],
        "mechanical_compensation"
    );
    kinscreen(dir.path())
        .args(["show", "20990101-000000"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no finished interview has the id"));
    let empty = tempfile::tempdir().unwrap();
    kinscreen(empty.path())
        .arg("history")
        .assert()
        .success()
        .stdout(predicate::str::contains("No finished interviews"));
}

#[test]
fn the_schema_rejects_a_broken_record() {
    let (dir, id) = history_with_one();
    let out = kinscreen(dir.path())
        .args(["export", &id, "--format", "json"])
        .output()
        .unwrap();
    let mut json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["assessment"]["basis"] = "certain".into();
    let errors = schema_errors(dir.path(), &json);
    assert!(
        errors.as_ref().is_none_or(|e| e.contains("certain")),
        "a broken record passed its schema: {errors:?}"
    );
}

/// What `docs/export.schema.json` finds wrong with `json` (empty when valid), checked by the
/// Python package `jsonschema`; `None` when the checker cannot be installed (offline).
fn schema_errors(dir: &Path, json: &serde_json::Value) -> Option<String> {
    let python = crate::python::python()?;
    let doc = dir.join("checked.json");
    std::fs::write(&doc, serde_json::to_string(json).unwrap()).unwrap();
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/export.schema.json");
    let out = crate::python::run_script(&python, "schema.py", &[schema, doc]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success() || !text.is_empty(),
        "the schema check failed to run: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(text)
}

#[test]
fn markdown_report_snapshot() {
    let path = common::vignette("02-hip-to-knee-referred.toml");
    let out = crate::common::english(Command::cargo_bin("kinscreen"))
        .unwrap()
        .args(["score", "--format", "markdown", "--answers"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    // The fingerprint changes with every edit of the questionnaire; the rest is the report.
    insta::with_settings!({filters => vec![(r"fingerprint `[0-9a-f]{12}`", "fingerprint `[hash]`")]}, {
        insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
    });
}

/// A copy of the JSON data folder kinscreen 0.1 made (three finished interviews, one with a
/// report, one unfinished, one practice attempt), plus two files it cannot read.
fn old_json_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&common::project("tests/data/json-store-0.1"), dir.path());
    let history = dir.path().join("history");
    std::fs::write(
        history.join("20261101-000000.json"),
        b"{\"format\": 1, \"id\": \"\xff\xfe\"}",
    )
    .unwrap();
    let future = std::fs::read_to_string(history.join("20261120-090000.json"))
        .unwrap()
        .replace("\"format\": 1,", "\"format\": 999,")
        .replace("20261120-090000", "20261120-080000");
    std::fs::write(history.join("20261120-080000.json"), future).unwrap();
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let target = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_tree(&p, &target);
        } else {
            std::fs::copy(&p, &target).unwrap();
        }
    }
}

/// Every file under a folder with its bytes, to prove a command changed nothing.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>, u32)> {
    use std::os::unix::fs::PermissionsExt;
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let mode = std::fs::metadata(&d).unwrap().permissions().mode();
        out.push((d.display().to_string(), Vec::new(), mode));
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let mode = std::fs::metadata(&p).unwrap().permissions().mode();
                out.push((p.display().to_string(), std::fs::read(&p).unwrap(), mode));
            }
        }
    }
    out.sort();
    out
}

fn history_json(dir: &Path) -> Vec<serde_json::Value> {
    common::json_out(kinscreen(dir).args(["history", "--format", "json"]))
}

#[test]
fn a_json_store_from_release_0_1_is_read_as_it_is_then_imported_once_and_moved_aside() {
    let dir = old_json_store();
    let before = snapshot(dir.path());
    // Read-only commands read the old files where they are and write nothing.
    let listed = history_json(dir.path());
    assert_eq!(listed.len(), 3, "{listed:?}");
    let out = kinscreen(dir.path()).arg("history").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("format 999"), "{err}");
    assert!(err.contains("not UTF-8"), "{err}");
    kinscreen(dir.path())
        .args(["practice", "--history"])
        .assert()
        .success()
        .stdout(predicate::str::contains("case-01"));
    assert_eq!(
        snapshot(dir.path()),
        before,
        "a read-only command changed the folder"
    );

    // The first command that writes imports everything in one go and moves the files aside.
    let store = Store::open(Some(dir.path())).unwrap();
    let told = store.notes().join("\n");
    assert!(
        told.contains("3 finished interview(s), 1 unfinished, 1 practice attempt(s)"),
        "{told}"
    );
    assert!(
        told.contains("format 999") && told.contains("kept"),
        "{told}"
    );
    let (list, bad) = store.history().unwrap();
    assert_eq!(list.len(), 3);
    assert!(bad.is_empty());
    let q = questionnaire::builtin().unwrap();
    let drafts = store.drafts(&q.meta.id).unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(
        drafts[0].unfinished.current.as_deref(),
        Some("red_flags_urgent")
    );
    assert_eq!(store.practice_log().unwrap().0.len(), 1);
    assert!(
        store.has_report(&list[2].id).unwrap(),
        "the saved report is known"
    );
    let aside = dir.path().join("json-store-imported");
    assert!(
        aside.join("history/20261120-090000.json").is_file(),
        "moved, not deleted"
    );
    assert!(
        aside.join("history/20261101-000000.json").is_file(),
        "unreadable file kept"
    );
    assert!(aside.join("practice-log.jsonl").is_file());
    assert!(!dir.path().join("history").exists());
    drop(store);

    // Opening again imports nothing; the same files put back add nothing either.
    let again = Store::open(Some(dir.path())).unwrap();
    assert!(
        !again.notes().iter().any(|n| n.contains("older data files")),
        "{:?}",
        again.notes()
    );
    drop(again);
    copy_tree(&common::project("tests/data/json-store-0.1"), dir.path());
    let third = Store::open(Some(dir.path())).unwrap();
    assert!(
        third
            .notes()
            .join(" ")
            .contains("0 finished interview(s), 0 unfinished, 0 practice attempt(s)"),
        "{:?}",
        third.notes()
    );
    assert_eq!(third.history().unwrap().0.len(), 3);
    assert_eq!(third.drafts(&q.meta.id).unwrap().len(), 1);
    assert!(
        aside.join("history.2").is_dir(),
        "a second move does not overwrite the first"
    );
}

#[test]
fn read_only_commands_create_nothing_and_change_no_permission() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("not-yet");
    for args in [
        &["history"][..],
        &["practice", "--history"],
        &["history", "--format", "json"],
    ] {
        kinscreen(&missing).args(args).assert().success();
    }
    kinscreen(&missing)
        .args(["show", "20260101-000000"])
        .assert()
        .code(2);
    assert!(
        !missing.exists(),
        "a read-only command created the data folder"
    );

    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o1777)).unwrap();
    kinscreen(&shared).arg("history").assert().success();
    let mode = std::fs::metadata(&shared).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o1777);
    assert!(std::fs::read_dir(&shared).unwrap().next().is_none());
    // A command that writes goes on in such a folder but says it is readable by others.
    kinscreen(&shared)
        .args(["score", "--save", "--format", "json", "--answers"])
        .arg(common::vignette("01-hip-to-knee-mechanical.toml"))
        .assert()
        .success()
        .stderr(predicate::str::contains("can be read by other users"));
    let mode = std::fs::metadata(&shared).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o1777, "reported, not changed");
    // With a database in it, reading still leaves every file as it was (no -wal, no -shm).
    let before = snapshot(&shared);
    let id = history_json(&shared)[0]["id"].as_str().unwrap().to_string();
    for args in [
        &["history"][..],
        &["show", &id],
        &["export", &id, "--format", "fhir"],
        &["practice", "--history"],
    ] {
        kinscreen(&shared).args(args).assert().success();
    }
    assert_eq!(
        snapshot(&shared),
        before,
        "a read-only command wrote beside the database"
    );
    let db = std::fs::metadata(shared.join("kinscreen.db"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(db, 0o600);
}

/// Runs a command as an ordinary user (nobody) when the tests run as root, so that folder
/// permissions apply.
fn as_ordinary_user(dir: &Path, args: &[&str]) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("kinscreen");
    let mut c = if rustix::process::geteuid().is_root() {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        c
    } else {
        std::process::Command::new(&bin)
    };
    c.arg("--data-dir").arg(dir).args(args).output().unwrap()
}

#[test]
fn a_backup_on_read_only_media_can_be_listed_shown_and_exported() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, id) = history_with_one();
    let outer = tempfile::tempdir().unwrap();
    std::fs::set_permissions(outer.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let backup = outer.path().join("backup");
    copy_tree(dir.path(), &backup);
    for f in std::fs::read_dir(&backup).unwrap() {
        let p = f.unwrap().path();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444)).unwrap();
    }
    std::fs::set_permissions(&backup, std::fs::Permissions::from_mode(0o555)).unwrap();
    let before = snapshot(&backup);
    let out = as_ordinary_user(&backup, &["history"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains(&id));
    let out = as_ordinary_user(&backup, &["export", &id, "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(snapshot(&backup), before);
    // Saving there fails with a message and a failing exit code, not a success.
    let vignette = common::vignette("01-hip-to-knee-mechanical.toml");
    let out = as_ordinary_user(
        &backup,
        &["score", "--save", "--answers", vignette.to_str().unwrap()],
    );
    assert!(!out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
    std::fs::set_permissions(&backup, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn many_processes_saving_at_once_on_an_empty_folder_keep_every_interview() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let bin = assert_cmd::cargo::cargo_bin("kinscreen");
    let vignette = common::vignette("01-hip-to-knee-mechanical.toml");
    let children: Vec<_> = (0..12)
        .map(|_| {
            std::process::Command::new(&bin)
                .arg("--data-dir")
                .arg(&data)
                .args(["score", "--save", "--format", "json", "--answers"])
                .arg(&vignette)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let list = history_json(&data);
    assert_eq!(list.len(), 12, "every run keeps a new interview");
    let mut ids: Vec<&str> = list.iter().map(|r| r["id"].as_str().unwrap()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 12, "ids are unique even within one second");
    assert_eq!(list[0]["classification"], "mechanical_compensation");
    assert!(list[0]["triage"].is_string() && list[0]["finished_at"].is_string());
    assert_eq!(list[0]["questionnaire"]["id"], "kinscreen-lower-limb");
}

#[test]
fn deleting_one_interview_and_forgetting_everything() {
    let (dir, id) = history_with_one();
    let store = Store::open(Some(dir.path())).unwrap();
    let iv = store.finished(&id).unwrap().interview().unwrap();
    let other = store
        .save_finished(&iv, "2026-11-21T11:00:00Z", None, None)
        .unwrap();
    let report = store.save_report(&id, "# the report\n", "now").unwrap();
    drop(store);
    kinscreen(dir.path())
        .args(["history", "--delete", &id])
        .assert()
        .success();
    assert!(!report.exists());
    let ids: Vec<String> = history_json(dir.path())
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, vec![other.id]);
    kinscreen(dir.path())
        .args(["history", "--delete", &id])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no finished interview has the id"));
    // Without a terminal and without --yes, nothing is deleted.
    kinscreen(dir.path())
        .args(["forget", "--all"])
        .assert()
        .code(2);
    assert_eq!(history_json(dir.path()).len(), 1);
    kinscreen(dir.path())
        .args(["forget", "--all", "--yes"])
        .assert()
        .success();
    assert!(history_json(dir.path()).is_empty());
}

#[test]
fn a_damaged_database_is_reported_and_kept_aside_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kinscreen.db");
    let junk = b"this is not a database, but somebody's file".repeat(200);
    std::fs::write(&db, &junk).unwrap();
    kinscreen(dir.path())
        .arg("history")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("kinscreen.db"));
    assert_eq!(
        std::fs::read(&db).unwrap(),
        junk,
        "a read-only command changed it"
    );
    kinscreen(dir.path())
        .args(["score", "--save", "--answers"])
        .arg(common::vignette("01-hip-to-knee-mechanical.toml"))
        .assert()
        .success()
        .stderr(predicate::str::contains("was damaged"));
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("damaged"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(std::fs::read(&kept[0]).unwrap(), junk, "kept as it was");
    assert_eq!(history_json(dir.path()).len(), 1);
}

#[test]
fn finishing_going_back_resuming_elsewhere_and_finishing_again_keeps_one_record() {
    let (dir, store, mut saver, mut a) = session();
    send(&mut a, &mut saver, &[Confirm]);
    common::answer(&mut a, common::ONSET, |a, m| send(a, &mut saver, &[m]));
    common::answer(&mut a, common::REVIEW, |a, m| send(a, &mut saver, &[m]));
    send(&mut a, &mut saver, &[Finish, SaveReport]);
    let (list, _) = store.history().unwrap();
    assert_eq!(list.len(), 1);
    let id = list[0].id.clone();
    let report_path = dir.path().join(format!("reports/{id}.md"));
    let first_report = std::fs::read_to_string(&report_path).unwrap();
    // Backspace on the result, then the window is closed.
    send(&mut a, &mut saver, &[Back]);
    assert_eq!(
        unfinished(&store).unwrap().interview_id.as_deref(),
        Some(id.as_str())
    );
    saver.release();

    // Another window resumes it, changes the severity and finishes again.
    let mut b = app(&store);
    b.offer = kinscreen::store::offer::find_offer(&store, a.questionnaire()).0;
    let mut saver = Saver::new(Some(store.clone()));
    send(&mut b, &mut saver, &[Resume]);
    severe_pain_then_finish(&mut b, &mut saver);
    let (list, _) = store.history().unwrap();
    assert_eq!(list.len(), 1, "one record per interview");
    assert_eq!(list[0].id, id);
    assert!(list[0].record.triggers.contains(&"severe_pain".to_string()));
    assert!(unfinished(&store).is_none());
    // The report saved before follows the changed answers.
    let status = b.shell.status.clone().unwrap_or_default();
    assert!(
        status.contains("updated for the changed answers"),
        "{status}"
    );
    let report = std::fs::read_to_string(&report_path).unwrap();
    assert_ne!(report, first_report, "the report was rewritten");
    assert_eq!(
        report,
        kinscreen::report::markdown(
            &b.interview,
            Some(kinscreen::report::Provenance {
                id: &id,
                finished_at: &list[0].finished_at
            })
        )
    );
}

#[test]
fn a_save_that_fails_is_shown_in_full_kept_visible_and_never_called_saved() {
    let (_dir, store, mut saver, mut a) = session();
    send(&mut a, &mut saver, &[Confirm]);
    common::answer(&mut a, common::ONSET, |a, m| send(a, &mut saver, &[m]));
    common::answer(&mut a, common::REVIEW, |a, m| send(a, &mut saver, &[m]));
    store.simulate_full_disk(0);
    send(&mut a, &mut saver, &[Finish]);
    let error = a.save_error.clone().expect("the failure is recorded");
    assert!(error.contains("full"), "{error}");
    assert!(store.history().unwrap().0.is_empty());
    // A report of a result that is not stored cannot be saved either, and says why.
    send(&mut a, &mut saver, &[SaveReport]);
    let status = a.shell.status.clone().unwrap_or_default();
    assert!(status.contains("not stored yet"), "{status}");
    // It stays on screen through later keys, in full.
    send(&mut a, &mut saver, &[Down, Down]);
    let screen = common::screen_text(&mut a, 80, 24);
    assert!(screen.contains("NOT SAVED"), "{screen}");
    assert!(screen.contains("database or disk is full"), "{screen}");
    send(&mut a, &mut saver, &[common::QUIT]);
    let screen = common::screen_text(&mut a, 80, 24);
    assert!(screen.contains("This result could NOT be"), "{screen}");
    assert!(!screen.contains("Your answers are saved"), "{screen}");
}
