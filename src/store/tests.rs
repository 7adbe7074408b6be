use super::*;
use crate::engine::Answer;

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
fn files_are_0600_and_folders_0700() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = Store::open(Some(&data)).unwrap();
    let q = q();
    let iv = started(&q);
    let path = store
        .save_unfinished(&Unfinished::of(&iv, "2026-11-21T10:00:00Z"))
        .unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("history")), 0o700);
}

#[test]
fn unfinished_interview_resumes_at_the_same_question() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(dir.path())).unwrap();
    let q = q();
    let mut iv = started(&q);
    iv.back().unwrap();
    store
        .save_unfinished(&Unfinished::of(&iv, "2026-11-21T10:00:00Z"))
        .unwrap();
    let saved = store.unfinished(&q.meta.id).unwrap().unwrap();
    let back = resume(q.clone(), &saved);
    assert!(!back.changed && back.dropped.is_empty());
    assert_eq!(back.interview, iv);
    store.discard_unfinished(&q.meta.id).unwrap();
    assert!(store.unfinished(&q.meta.id).unwrap().is_none());
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

#[test]
fn finished_interviews_are_listed_and_shown_as_taken() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(dir.path())).unwrap();
    let q = q();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vignettes/01-hip-to-knee-mechanical.toml");
    let iv = crate::answers::run(q.clone(), &crate::answers::read(&path).unwrap()).unwrap();
    let a = store
        .save_finished(&iv, "2026-11-21T10:00:00Z", None)
        .unwrap();
    let b = store
        .save_finished(&iv, "2026-11-21T10:00:00Z", None)
        .unwrap();
    let a_again = store
        .save_finished(&iv, "2026-11-21T10:05:00Z", Some(&a.id))
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
    }
}

#[test]
fn the_practice_log_appends_private_lines_and_skips_damaged_ones() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(dir.path())).unwrap();
    assert!(store.practice_log().unwrap().0.is_empty(), "no log yet");
    let path = store.append_practice(&log_entry("a", 40)).unwrap();
    // A torn line (say, a full disk) must not hide the attempts around it.
    std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap()
        .write_all(b"{\"at\": \"2026\n")
        .unwrap();
    store.append_practice(&log_entry("b", 75)).unwrap();
    let (entries, bad) = store.practice_log().unwrap();
    assert_eq!(entries, vec![log_entry("a", 40), log_entry("b", 75)]);
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].0, 2);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
