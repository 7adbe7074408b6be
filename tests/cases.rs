//! Every practice case shipped in `questionnaires/cases/` validates and agrees with the engine,
//! and a case whose key has drifted from the model is caught.

mod common;

use std::path::PathBuf;
use std::sync::Arc;

use assert_cmd::Command;
use kinscreen::{case, questionnaire};
use predicates::prelude::*;

fn cases() -> Vec<PathBuf> {
    common::toml_files("questionnaires/cases")
}

#[test]
fn every_shipped_case_validates_and_agrees_with_the_engine() {
    let q = Arc::new(questionnaire::builtin().unwrap());
    let files = cases();
    assert!(files.len() >= 10, "at least ten cases ship");
    for path in files {
        let src = std::fs::read_to_string(&path).unwrap();
        assert!(case::looks_like_case(&src), "{}", path.display());
        let (c, problems) = case::check(&q, &src, &path.display().to_string());
        assert!(problems.is_empty(), "{}: {problems:#?}", path.display());
        let c = c.unwrap();
        assert!(c.key.critical.contains(&"red_flags_emergency".to_string()));
        assert!(!c.key.teaching.is_empty());
    }
}

#[test]
fn a_drifted_or_broken_case_is_reported() {
    let q = Arc::new(questionnaire::builtin().unwrap());
    let path = common::project("questionnaires/cases/hip-to-ankle-mechanical.toml");
    let src = std::fs::read_to_string(&path).unwrap();
    for (change, from, to, message) in [
        (
            "triage",
            "triage = \"routine\"",
            "triage = \"urgent\"",
            "the key says triage `urgent`",
        ),
        (
            "class",
            "classification = \"mechanical_compensation\"",
            "classification = \"referred_pain\"",
            "the key says the picture is referred_pain",
        ),
        (
            "reply",
            "side = \"The left one.\"",
            "sides = \"The left one.\"",
            "reply `sides` is not a question",
        ),
        (
            "critical",
            "critical = [\"red_flags_emergency\", \"red_flags_urgent\"]",
            "critical = [\"red_flags_emergency\", \"duration\"]",
            "critical item `duration` is not a red-flag screening item",
        ),
        (
            "answer",
            "main_site = \"ankle\"",
            "main_site = \"elbow\"",
            "\"elbow\" is not one of its options",
        ),
    ] {
        let broken = src.replacen(from, to, 1);
        assert_ne!(broken, src, "{change}: nothing changed");
        let (c, problems) = case::check(&q, &broken, "broken.toml");
        assert!(c.is_none(), "{change}");
        assert!(
            problems.iter().any(|p| p.message.contains(message)),
            "{change}: {message:?} not in {problems:#?}"
        );
    }
}

#[test]
fn validate_checks_cases_as_a_process() {
    let dir = tempfile::tempdir().unwrap();
    let good = common::project("questionnaires/cases/knee-to-hip-referred.toml");
    Command::cargo_bin("kinscreen")
        .unwrap()
        .arg("validate")
        .arg(&good)
        .assert()
        .success();
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        std::fs::read_to_string(&good)
            .unwrap()
            .replace("triage = \"routine\"", "triage = \"self_care\""),
    )
    .unwrap();
    Command::cargo_bin("kinscreen")
        .unwrap()
        .arg("validate")
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the key says triage `self_care`"));
}
