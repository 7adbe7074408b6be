use super::*;
use crate::engine::Answer;
use crate::output::{write_atomic, write_atomic_with};

fn q() -> Arc<Questionnaire> {
    Arc::new(questionnaire::builtin().unwrap())
}

/// The answer `ids` to the current question: one id for a single choice, any number for a
/// multi choice.
fn by_id(iv: &Interview, ids: &[&str]) -> Answer {
    let question = &iv.questionnaire().questions[iv.current().unwrap()];
    let os: Vec<usize> = ids
        .iter()
        .map(|id| question.option_index(id).unwrap())
        .collect();
    match question.kind {
        crate::questionnaire::Kind::Multi { .. } => Answer::Choices(os),
        _ => Answer::Choice(os[0]),
    }
}

/// A few answers into the default interview: no red flags, an adult, knee, right.
fn started(q: &Arc<Questionnaire>) -> Interview {
    let mut iv = Interview::new(q.clone());
    for ids in [
        &["none"][..],
        &["18_to_54"],
        &["none"],
        &["none"],
        &["knee"],
        &["right"],
    ] {
        let a = by_id(&iv, ids);
        iv.answer_current(a).unwrap();
    }
    iv
}

#[test]
fn atomic_write_replaces_whole_files_and_a_crash_before_rename_keeps_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.json");
    write_atomic(&path, b"old").unwrap();
    let crash = write_atomic_with(&path, b"new and longer", |tmp| {
        assert!(
            tmp.exists(),
            "the new content is complete in a temporary file"
        );
        Err(std::io::Error::other("simulated crash before rename"))
    });
    assert!(crash.is_err());
    assert_eq!(std::fs::read(&path).unwrap(), b"old");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file is left behind");
    write_atomic(&path, b"new").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"new");
}

#[cfg(unix)]
#[test]
fn a_created_folder_is_0700_the_database_0600_and_an_open_folder_is_reported_not_changed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = Store::open(Some(&data)).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&store.path()), 0o600);
    assert!(store.notes().is_empty());

    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o1777)).unwrap();
    let store = Store::open(Some(&shared)).unwrap();
    let full = std::fs::metadata(&shared).unwrap().permissions().mode() & 0o7777;
    assert_eq!(full, 0o1777, "not silently changed");
    assert!(
        store.notes()[0].contains("can be read by other users"),
        "{:?}",
        store.notes()
    );
}

#[test]
fn unfinished_interview_resumes_at_the_same_question() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(dir.path())).unwrap();
    let q = q();
    let mut iv = started(&q);
    iv.back().unwrap();
    let row = store
        .save_draft(None, &Unfinished::of(&iv, "2026-11-21T10:00:00Z"))
        .unwrap();
    let drafts = store.drafts(&q.meta.id).unwrap();
    assert_eq!(drafts.len(), 1);
    assert!(
        !drafts[0].held,
        "this window's own draft is not held by another"
    );
    let back = resume(q.clone(), &drafts[0].unfinished);
    assert!(!back.changed && back.dropped.is_empty());
    assert_eq!(back.interview, iv);
    assert_eq!(
        store
            .save_draft(Some(row), &Unfinished::of(&iv, "2026-11-21T10:01:00Z"))
            .unwrap(),
        row,
        "saving again updates the same row"
    );
    store.discard_draft(row).unwrap();
    assert!(store.drafts(&q.meta.id).unwrap().is_empty());
}

#[test]
fn a_changed_questionnaire_is_noticed_and_answers_checked_again() {
    let q = q();
    let iv = started(&q);
    let mut saved = Unfinished::of(&iv, "2026-11-21T10:00:00Z");
    saved
        .answers
        .insert("side".into(), Value::String("middle".into()));
    saved
        .answers
        .insert("retired_question".into(), Value::from(3));
    let changed = questionnaire::load_str(
        &q.document
            .replace("version = \"2.0.0\"", "version = \"2.1.0\""),
        "changed.toml",
    )
    .unwrap();
    let back = resume(Arc::new(changed), &saved);
    assert!(back.changed);
    assert_eq!(back.dropped, ["retired_question", "side"]);
    let side = back
        .interview
        .questionnaire()
        .question_index("side")
        .unwrap();
    assert_eq!(
        back.interview.current(),
        Some(side),
        "resumes at the first open question"
    );
}

/// The finished interview of sample case 01 (mechanical, hip to knee).
fn vignette_01(q: &Arc<Questionnaire>) -> Interview {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vignettes/01-hip-to-knee-mechanical.toml");
    crate::answers::run(q.clone(), &crate::answers::read(&path).unwrap()).unwrap()
}

#[test]
fn finished_interviews_are_listed_and_shown_as_taken() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(dir.path())).unwrap();
    let q = q();
    let iv = vignette_01(&q);
    let a = store
        .save_finished(&iv, "2026-11-21T10:00:00Z", None, None)
        .unwrap();
    let b = store
        .save_finished(&iv, "2026-11-21T10:00:00Z", None, None)
        .unwrap();
    let a_again = store
        .save_finished(&iv, "2026-11-21T10:05:00Z", Some(&a.id), None)
        .unwrap();
    assert_eq!(a_again.id, a.id, "finishing again updates the same record");
    assert_eq!(a.id, "20261121-100000");
    assert_eq!(b.id, "20261121-100000-2");
    let (list, bad) = store.history().unwrap();
    assert!(bad.is_empty());
    assert_eq!(
        list.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
        [b.id.as_str(), a.id.as_str()],
        "oldest first: `a` was finished again later"
    );
    let again = store.finished(&a.id).unwrap().interview().unwrap();
    assert_eq!(report::record(&again), report::record(&iv));
    assert!(matches!(
        store.finished("../../etc/passwd"),
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        store.finished("nope"),
        Err(StoreError::NotFound(_))
    ));
}

fn log_entry(case: &str, score: u32) -> LogEntry {
    LogEntry {
        at: "2026-11-21T10:00:00Z".into(),
        case: case.into(),
        title: "A case".into(),
        questionnaire: "kinscreen-lower-limb 1.0.0".into(),
        asked: vec!["red_flags_emergency".into()],
        classification: "unclear".into(),
        triage: "routine".into(),
        findings: vec![],
        score,
        passed: score >= 60,
        critical_errors: vec![],
        parts: vec![("Breadth".into(), 10, 30)],
        mode: crate::practice::AskMode::Guided,
        unclear: vec![],
        band: String::new(),
        global: vec![],
    }
}

#[test]
fn practice_attempts_are_kept_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(dir.path())).unwrap();
    assert!(store.practice_log().unwrap().0.is_empty(), "no attempt yet");
    store.append_practice(&log_entry("a", 40)).unwrap();
    store.append_practice(&log_entry("b", 75)).unwrap();
    let (entries, bad) = store.practice_log().unwrap();
    assert_eq!(entries, vec![log_entry("a", 40), log_entry("b", 75)]);
    assert!(bad.is_empty());
}

#[test]
fn deleting_one_interview_removes_its_record_report_and_reopened_draft() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(dir.path())).unwrap();
    let q = q();
    let iv = vignette_01(&q);
    let keep = store
        .save_finished(&iv, "2026-11-21T09:00:00Z", None, None)
        .unwrap();
    let gone = store
        .save_finished(&iv, "2026-11-21T10:00:00Z", None, None)
        .unwrap();
    let report = store
        .save_report(&gone.id, "# report\nprivate words\n", "now")
        .unwrap();
    let mut u = Unfinished::of(&started(&q), "2026-11-21T10:01:00Z");
    u.interview_id = Some(gone.id.clone());
    store.save_draft(None, &u).unwrap();
    store.delete(&gone.id).unwrap();
    assert!(!report.exists(), "the saved report file is gone");
    assert!(matches!(
        store.finished(&gone.id),
        Err(StoreError::NotFound(_))
    ));
    assert!(store.drafts(&q.meta.id).unwrap().is_empty());
    assert!(store.finished(&keep.id).is_ok());
    assert!(matches!(
        store.delete(&gone.id),
        Err(StoreError::NotFound(_))
    ));
    drop(store);
    let bytes = std::fs::read(dir.path().join("kinscreen.db")).unwrap();
    let needle = b"private words";
    assert!(
        !bytes.windows(needle.len()).any(|w| w == needle),
        "secure_delete: the deleted report's text is not left in the file"
    );
}
