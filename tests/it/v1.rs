//! A questionnaire in the first version of the format (no evidence rules, set-aside rules,
//! conditional weights or result texts by level) still loads, validates clean and scores its
//! sample cases to their v1 expectations, through the library and through the CLI.

use std::sync::Arc;

use crate::common;

use assert_cmd::Command;
use kinscreen::{answers, questionnaire, report};

const V1: &str = "tests/v1/lower-limb-v1.toml";

fn expected(path: &std::path::Path) -> (Vec<String>, String) {
    let doc: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let e = doc["expect"].as_table().unwrap();
    let classes = match &e["classification"] {
        toml::Value::String(s) => vec![s.clone()],
        toml::Value::Array(a) => a.iter().map(|v| v.as_str().unwrap().to_string()).collect(),
        other => panic!("{other}"),
    };
    (classes, e["triage"].as_str().unwrap().to_string())
}

#[test]
fn a_v1_questionnaire_loads_clean_and_scores_its_cases_as_before() {
    let (q, problems) =
        questionnaire::check(&std::fs::read_to_string(common::project(V1)).unwrap(), V1);
    assert!(problems.is_empty(), "{problems:?}");
    let q = Arc::new(q.unwrap());
    assert!(q.evidence.is_empty() && q.next_steps.is_empty() && q.safety_net.is_empty());
    let cases = common::toml_files("tests/v1/vignettes");
    assert_eq!(cases.len(), 8);
    for path in cases {
        let (classes, triage) = expected(&path);
        let file = answers::read(&path).unwrap();
        let interview = answers::run(q.clone(), &file).unwrap();
        let r = report::record(&interview);
        assert!(
            classes.contains(&r.classification),
            "{}: {}",
            path.display(),
            r.classification
        );
        assert_eq!(r.triage, triage, "{}", path.display());
        assert!(r.set_aside.is_empty());
        // The class's own next steps still come through.
        assert!(!r.next_steps.is_empty(), "{}", path.display());
    }
}

#[test]
fn a_v1_questionnaire_scores_through_the_cli() {
    crate::common::english(Command::cargo_bin("kinscreen"))
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "score",
            "--questionnaire",
            V1,
            "--format",
            "json",
            "--answers",
        ])
        .arg("tests/v1/vignettes/01-hip-to-knee-mechanical.toml")
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "\"classification\": \"mechanical_compensation\"",
        ))
        .stdout(predicates::str::contains("\"triage\": \"routine\""));
    crate::common::english(Command::cargo_bin("kinscreen"))
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["validate", "--strict", V1])
        .assert()
        .success();
}
