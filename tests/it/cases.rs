//! Every practice case shipped in `questionnaires/cases/` validates and agrees with the engine,
//! and a case whose key has drifted from the model is caught.

use crate::common;

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
        // `validate` takes it for a case, from the same single parse it checks questionnaires with.
        let taken_for_case = questionnaire::check_unless(
            &src,
            "case.toml",
            questionnaire::Checks::Structure,
            case::is_case,
        )
        .is_none();
        assert!(taken_for_case, "{}", path.display());
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
    crate::common::english(Command::cargo_bin("kinscreen"))
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
    crate::common::english(Command::cargo_bin("kinscreen"))
        .unwrap()
        .arg("validate")
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the key says triage `self_care`"));
}

fn kinscreen() -> Command {
    crate::common::english(Command::cargo_bin("kinscreen")).unwrap()
}

#[test]
fn practice_without_input_says_what_to_use_and_names_broken_cases_first() {
    let dir = tempfile::tempdir().unwrap();
    let good = common::project("questionnaires/cases/knee-to-hip-referred.toml");
    let text = std::fs::read_to_string(&good).unwrap();
    std::fs::write(dir.path().join("good.toml"), &text).unwrap();
    std::fs::write(
        dir.path().join("drifted.toml"),
        text.replace("triage = \"routine\"", "triage = \"self_care\""),
    )
    .unwrap();
    kinscreen()
        .args(["--no-save", "practice", "--cases"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("skipped"))
        .stderr(predicate::str::contains("drifted.toml"))
        .stderr(predicate::str::contains("practice mode got no input"));
    kinscreen()
        .args(["--no-save", "practice"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("practice mode got no input"))
        .stderr(predicate::str::contains("--plain"));
}

#[test]
fn practice_refuses_a_case_that_does_not_check_out_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let good = common::project("questionnaires/cases/knee-to-hip-referred.toml");
    let bad = dir.path().join("typo.toml");
    let text = std::fs::read_to_string(&good)
        .unwrap()
        .replace("[patient]", "[patient]\nheight = 180");
    std::fs::write(&bad, &text).unwrap();
    let line = text[..text.find("height").unwrap()].matches('\n').count() + 1;
    kinscreen()
        .args(["--no-save", "practice", "--case"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("typo.toml:{line}:1")))
        .stderr(predicate::str::contains("unknown field `height`"))
        .stderr(predicate::str::contains("cannot be practised"));
    kinscreen()
        .args(["practice", "--history", "--case"])
        .arg(&good)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
}

#[test]
fn practice_history_shows_attempts_and_scores_over_time_per_case() {
    let dir = tempfile::tempdir().unwrap();
    kinscreen()
        .args(["practice", "--history", "--data-dir"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("No practice attempts yet"));
    let store = kinscreen::store::Store::open(Some(dir.path())).unwrap();
    let entry =
        |case: &str, at: &str, score: u32, errors: Vec<String>| kinscreen::practice::LogEntry {
            at: at.into(),
            case: case.into(),
            title: format!("Title of {case}"),
            questionnaire: "kinscreen-lower-limb 1.0.0".into(),
            asked: vec!["red_flags_emergency".into(), "main_site".into()],
            classification: "referred_pain".into(),
            triage: "routine".into(),
            findings: vec![],
            score,
            passed: score >= 60 && errors.is_empty(),
            critical_errors: errors,
            parts: vec![],
            mode: kinscreen::practice::AskMode::Typed,
            unclear: vec![],
            band: "Good".into(),
            global: vec![],
        };
    for e in [
        entry(
            "a",
            "2026-11-01T09:00:00Z",
            40,
            vec!["Red-flag screening not done".into()],
        ),
        entry("b", "2026-11-02T09:00:00Z", 70, vec![]),
        entry("a", "2026-11-03T09:00:00Z", 85, vec![]),
    ] {
        store.append_practice(&e).unwrap();
    }
    let out = kinscreen()
        .args(["practice", "--history", "--data-dir"])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("Title of a [a]"), "{out}");
    assert!(
        out.contains("2 attempt(s), best 85/100, scores over time: 40 → 85"),
        "{out}"
    );
    assert!(out.contains("2026-11-01 09:00"), "{out}");
    assert!(out.contains("FAIL"), "{out}");
    assert!(
        out.contains("critical error: Red-flag screening not done"),
        "{out}"
    );
    assert!(out.contains("1 attempt(s), best 70/100"), "{out}");
    assert!(
        out.find("[a]").unwrap() < out.find("[b]").unwrap(),
        "cases in the order first tried"
    );
}

#[test]
fn the_marking_scheme_is_validated_with_positions() {
    let builtin = common::project("questionnaires/marking.toml");
    kinscreen()
        .arg("validate")
        .arg(&builtin)
        .assert()
        .success()
        .stdout(predicate::str::contains("marking.toml: ok"));

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("marking.toml");
    let text = std::fs::read_to_string(&builtin)
        .unwrap()
        .replace("pass_mark = 60", "pas_mark = 60")
        .replace("\"{item}\"", "\"{topic}\"");
    std::fs::write(&bad, &text).unwrap();
    let line = |needle: &str| text[..text.find(needle).unwrap()].matches('\n').count() + 1;
    kinscreen()
        .arg("validate")
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "marking.toml:{}:1",
            line("pas_mark")
        )))
        .stderr(predicate::str::contains("unknown field `pas_mark`"));
    // Practice refuses it before anything else, with the same report.
    kinscreen()
        .args(["--no-save", "practice", "--marking"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown field `pas_mark`"))
        .stderr(predicate::str::contains("cannot be used to mark practice"));
    let fixed = text.replace("pas_mark = 60", "pass_mark = 60");
    std::fs::write(&bad, &fixed).unwrap();
    kinscreen()
        .args(["--no-save", "practice", "--marking"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "marking.toml:{}:",
            line("\"{topic}\"")
        )))
        .stderr(predicate::str::contains(
            "`{topic}` is not something this text can name",
        ));
}

const REFERRED: &str = "questionnaires/cases/hip-to-knee-referred.toml";

/// `practice --case FILE ARGS...` as JSON.
fn practice_json(args: &[&str]) -> serde_json::Value {
    common::json_out(
        kinscreen()
            .args(["practice", "--case", REFERRED, "--format", "json"])
            .args(args),
    )
}

#[test]
fn practice_ask_prints_the_readings_and_the_reply() {
    let v = practice_json(&["--ask", "Any pins and needles?"]);
    assert_eq!(v["matches"][0]["item"], "nerve_symptoms");
    assert_eq!(v["reply"], "No tingling or numbness.");
    // One red-flag sign: the item and the option, and the reply to that sign only.
    let v = practice_json(&["--ask", "Any trouble with your waterworks?"]);
    assert_eq!(v["matches"][0]["item"], "red_flags_emergency");
    assert_eq!(
        v["matches"][0]["option"],
        "saddle_numbness_or_bladder_bowel"
    );
    assert!(v["reply"].as_str().unwrap().contains("waterworks"), "{v}");
    // Nothing the history covers.
    let v = practice_json(&["--ask", "Do you smoke?"]);
    assert_eq!(v["matches"], serde_json::json!([]));
    assert_eq!(v["understood"], "unclear");
    // The text form names the items.
    kinscreen()
        .args([
            "practice",
            "--case",
            REFERRED,
            "--ask",
            "wehre does it hurt",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("main_site"));
}

#[test]
fn practice_grade_marks_a_written_attempt_as_the_screen_does() {
    let dir = tempfile::tempdir().unwrap();
    let attempt = dir.path().join("attempt.toml");
    std::fs::write(
        &attempt,
        r#"asked = ["red_flags_emergency", "red_flags_urgent", "Do you smoke?", "Where does it hurt?",
         "Anywhere else?", "Can you point to it with one finger?", "Does it spread?",
         "local_provocation", "hip_signs"]
mode = "typed"
[hypothesis]
classification = "referred_pain"
triage = "routine"
findings = ["local_provocation", "hip_signs"]
"#,
    )
    .unwrap();
    let v = practice_json(&["--grade", attempt.to_str().unwrap()]);
    assert_eq!(v["passed"], true, "{v}");
    assert_eq!(v["critical_errors"], serde_json::json!([]));
    assert_eq!(v["unclear"], serde_json::json!(["Do you smoke?"]));
    assert_eq!(v["mode"], "typed");
    let parts: u64 = v["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["points"].as_u64().unwrap())
        .sum();
    assert_eq!(v["total"].as_u64().unwrap(), parts);
    // Without the red-flag screen the station fails, whatever else was right.
    std::fs::write(
        &attempt,
        r#"asked = ["main_site", "other_areas", "local_provocation", "hip_signs"]
[hypothesis]
classification = "referred_pain"
triage = "routine"
"#,
    )
    .unwrap();
    let v = practice_json(&["--grade", attempt.to_str().unwrap()]);
    assert_eq!(v["passed"], false);
    assert_eq!(v["critical_errors"].as_array().unwrap().len(), 2, "{v}");
    // An unknown class is an error at its place.
    std::fs::write(
        &attempt,
        "asked = []\n[hypothesis]\nclassification = \"referred\"\ntriage = \"routine\"\n",
    )
    .unwrap();
    kinscreen()
        .args(["practice", "--case", REFERRED, "--grade"])
        .arg(&attempt)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("attempt.toml:3:18"))
        .stderr(predicate::str::contains("`referred` is not a class"));
}
