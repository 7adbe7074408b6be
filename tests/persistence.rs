//! Saving as the person goes: the event loop's saver against a private data folder, the resume
//! offer, reports, and the history commands as processes.

mod common;

use std::path::Path;
use std::sync::Arc;

use assert_cmd::Command;
use kinscreen::questionnaire;
use kinscreen::store::{self, Store};
use kinscreen::tui::Saver;
use kinscreen::tui::app::{App, Effect, Saving, update};
use kinscreen::tui::keymap::Msg::{self, *};
use kinscreen::tui::theme::Theme;
use predicates::prelude::*;

fn app(store: &Store) -> App {
    let mut a = App::new(
        Arc::new(questionnaire::builtin().unwrap()),
        Theme { color: false },
    );
    a.saving = Saving::On(store.dir().display().to_string());
    a
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
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(dir.path())).unwrap();
    let mut saver = Saver::new(Some(store.clone()));
    let mut a = app(&store);
    send(&mut a, &mut saver, &[Confirm]);
    assert!(
        files(dir.path(), ".").is_empty(),
        "nothing to save before the first answer"
    );
    send(&mut a, &mut saver, &[PickNone, Confirm]);
    let saved = unfinished(&store).unwrap();
    assert_eq!(saved.answers.len(), 1);
    assert_eq!(saved.current.as_deref(), Some("age_band"));

    send(&mut a, &mut saver, &common::welcome_to_review()[3..]);
    send(&mut a, &mut saver, &[Finish]);
    assert!(unfinished(&store).is_none());
    let (list, _) = store.history().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].record.classification, "mechanical_compensation");

    // Back to the review, change the severity, finish again: still one record, updated.
    send(&mut a, &mut saver, &[Back]);
    assert!(unfinished(&store).is_some());

    let (_, keys) = common::to_review_row(&a, "severity");
    send(&mut a, &mut saver, &keys);
    send(&mut a, &mut saver, &[Confirm, Pick(9), Confirm, Finish]);
    let (list, _) = store.history().unwrap();
    assert_eq!(list.len(), 1);
    assert!(list[0].record.triggers.contains(&"severe_pain".to_string()));
    assert!(unfinished(&store).is_none());
}

#[test]
fn resume_offer_and_start_over() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(dir.path())).unwrap();
    let mut saver = Saver::new(Some(store.clone()));
    let mut first = app(&store);
    send(
        &mut first,
        &mut saver,
        &[Confirm, Pick(4), Confirm, Pick(7), Confirm, Pick(3)],
    );

    // What `kinscreen` does at start: offer the saved interview.
    let offered = |store: &Store| {
        let mut a = app(store);
        a.offer = kinscreen::tui::find_offer(store, first.questionnaire()).0;
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
    send(&mut fresh, &mut saver, &[No]);
    assert!(
        !fresh.started && fresh.offer.is_some(),
        "no keeps the offer"
    );
    send(&mut fresh, &mut saver, &[Confirm, Yes]);
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
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(dir.path())).unwrap();
    let mut saver = Saver::new(Some(store.clone()));
    let mut a = app(&store);
    send(&mut a, &mut saver, &common::welcome_to_review());
    send(&mut a, &mut saver, &[Finish, SaveReport]);
    let status = a.status.clone().unwrap();
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
    send(&mut a, &mut saver, &common::welcome_to_review());
    send(&mut a, &mut saver, &[Finish]);
    update(&mut a, SaveReport);
    assert_eq!(a.effects, [Effect::SaveReport]);
    saver.sync(&mut a);
    assert!(a.status.unwrap().contains("Saving is off"));
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
}

/// A data folder with one finished interview (vignette 01), and its id.
fn history_with_one() -> (tempfile::TempDir, String) {
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

fn kinscreen(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("kinscreen").unwrap();
    c.arg("--data-dir").arg(dir);
    c
}

#[test]
fn history_show_and_export_as_processes() {
    let (dir, id) = history_with_one();
    kinscreen(dir.path())
        .arg("history")
        .assert()
        .success()
        .stdout(predicate::str::contains(&id))
        .stdout(predicate::str::contains("2026-11-21 10:00:00"))
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
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../docs/export.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
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
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../docs/export.schema.json")).unwrap();
    assert!(!jsonschema::validator_for(&schema).unwrap().is_valid(&json));
}

#[test]
fn markdown_report_snapshot() {
    let path = common::vignette("02-hip-to-knee-referred.toml");
    let out = Command::cargo_bin("kinscreen")
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
