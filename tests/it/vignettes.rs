//! Every sample case gives its expected classification and triage: through the state machine
//! in-process, and through `kinscreen score` as a process.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::common;

use assert_cmd::Command;
use kinscreen::{answers, questionnaire, report};

struct Expect {
    classes: Vec<String>,
    triage: String,
}

fn vignettes() -> Vec<PathBuf> {
    let files = common::toml_files("tests/vignettes");
    assert!(files.len() >= 8, "the vignettes are missing");
    files
}

fn expect(path: &Path) -> Expect {
    let doc: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let e = doc["expect"].as_table().expect("[expect]");
    let classes = match &e["classification"] {
        toml::Value::String(s) => vec![s.clone()],
        toml::Value::Array(a) => a.iter().map(|v| v.as_str().unwrap().to_string()).collect(),
        other => panic!("classification {other}"),
    };
    Expect {
        classes,
        triage: e["triage"].as_str().unwrap().to_string(),
    }
}

#[test]
fn every_vignette_walks_the_state_machine_to_its_expected_result() {
    let q = Arc::new(questionnaire::builtin().unwrap());
    for path in vignettes() {
        let want = expect(&path);
        let file = answers::read(&path).unwrap();
        let interview =
            answers::run(q.clone(), &file).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let got = report::record(&interview);
        assert!(
            want.classes.contains(&got.classification),
            "{}: classification {} not in {:?} (scores {:?})",
            path.display(),
            got.classification,
            want.classes,
            got.scores
        );
        assert_eq!(got.triage, want.triage, "{}: triage", path.display());
    }
}

#[test]
fn every_vignette_scores_through_the_cli() {
    for path in vignettes() {
        let want = expect(&path);
        let json = score(&path, "json");
        check(&want, &json, &path);
        for key in ["scores", "red_flags", "evidence", "path"] {
            assert!(!json[key].is_null(), "{}: no `{key}`", path.display());
        }
        assert_eq!(
            json["path"][0], "red_flags_emergency",
            "red flags are asked first"
        );
    }
}

#[test]
fn emergency_vignette_reports_its_red_flag() {
    let q = Arc::new(questionnaire::builtin().unwrap());
    let path = common::vignette("06-saddle-numbness.toml");
    let interview = answers::run(q, &answers::read(&path).unwrap()).unwrap();
    let record = report::record(&interview);
    assert!(
        record
            .red_flags
            .contains(&"saddle_numbness_or_bladder_bowel".to_string())
    );
}

#[test]
fn every_vignette_scores_the_same_from_its_fhir_questionnaire_response() {
    let dir = tempfile::tempdir().unwrap();
    for path in vignettes() {
        let want = expect(&path);
        let fhir = score(&path, "fhir");
        let response = dir.path().join("response.json");
        std::fs::write(&response, fhir.to_string()).unwrap();
        check(&want, &score(&response, "json"), &path);
    }
}

/// `kinscreen score --format FORMAT --answers PATH` as a process, its output as JSON.
fn score(path: &Path, format: &str) -> serde_json::Value {
    common::json_out(
        crate::common::english(Command::cargo_bin("kinscreen"))
            .unwrap()
            .args(["score", "--format", format, "--answers"])
            .arg(path),
    )
}

/// The record has the expected classification and triage of the case at `path`.
fn check(want: &Expect, json: &serde_json::Value, path: &Path) {
    let class = json["classification"].as_str().unwrap();
    assert!(
        want.classes.iter().any(|c| c == class),
        "{}: {class}",
        path.display()
    );
    assert_eq!(json["triage"], want.triage.as_str(), "{}", path.display());
}
