//! The FHIR output passes a real validator: the Python package `fhir.resources` (its R4B
//! models), plus the semantic checks
//! in `tests/fhir/validate.py`, in the Python environment of [`crate::python`] (cached; skipped
//! only where no package index can be reached, failing without Python).

use crate::{common, python};

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use kinscreen::questionnaire;
use kinscreen::store::Store;

fn kinscreen() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kinscreen"));
    // English whatever the machine's language; the Spanish export asks with --lang.
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    cmd
}

fn run_to_file(cmd: &mut Command, path: &Path) {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(path, out.stdout).unwrap();
}

fn validate(python: &Path, files: &[PathBuf]) -> std::process::Output {
    python::run_script(python, "validate.py", files)
}

#[test]
fn questionnaire_and_responses_pass_the_fhir_validator() {
    let Some(python) = python::python() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut files = vec![dir.path().join("questionnaire.json")];
    run_to_file(
        kinscreen().args(["export-questionnaire", "--format", "fhir"]),
        &files[0],
    );

    // Every vignette scored as a QuestionnaireResponse.
    let paths = common::toml_files("tests/vignettes");
    for (n, v) in paths.iter().enumerate() {
        let out = dir.path().join(format!("response-{n}.json"));
        run_to_file(
            kinscreen()
                .args(["score", "--format", "fhir", "--answers"])
                .arg(v),
            &out,
        );
        files.push(out);
    }
    // Stopped early after an emergency: in progress.
    let early = dir.path().join("early.toml");
    std::fs::write(&early, "red_flags_emergency = [\"calf_swelling_warmth\"]\n").unwrap();
    let out = dir.path().join("response-early.json");
    run_to_file(
        kinscreen()
            .args(["score", "--format", "fhir", "--answers"])
            .arg(&early),
        &out,
    );
    let early_json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(early_json["status"], "in-progress");
    files.push(out);

    // A finished interview from the history.
    let data = dir.path().join("data");
    let store = Store::open(Some(&data)).unwrap();
    let q = Arc::new(questionnaire::builtin().unwrap());
    let iv = kinscreen::answers::run(q, &kinscreen::answers::read(&paths[0]).unwrap()).unwrap();
    let f = store
        .save_finished(&iv, "2026-11-21T10:00:00Z", None, None)
        .unwrap();
    let out = dir.path().join("response-history.json");
    run_to_file(
        kinscreen()
            .arg("--data-dir")
            .arg(&data)
            .args(["export", &f.id, "--format", "fhir"]),
        &out,
    );
    let history_json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(history_json["id"], f.id.as_str());
    assert_eq!(history_json["authored"], "2026-11-21T10:00:00Z");
    files.push(out);

    let result = validate(&python, &files);
    assert!(
        result.status.success(),
        "{}{}",
        String::from_utf8_lossy(&result.stdout),
        String::from_utf8_lossy(&result.stderr)
    );

    // In Spanish: the questionnaire with the translation extension on its texts, and a
    // response to it.
    let es = [
        dir.path().join("es.json"),
        dir.path().join("es-response.json"),
    ];
    run_to_file(
        kinscreen().args(["export-questionnaire", "--format", "fhir", "--lang", "es"]),
        &es[0],
    );
    run_to_file(
        kinscreen()
            .args(["score", "--lang", "es", "--format", "fhir", "--answers"])
            .arg(&paths[0]),
        &es[1],
    );
    let response: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&es[1]).unwrap()).unwrap();
    assert_eq!(response["language"], "es");
    let result = validate(&python, &es);
    assert!(
        result.status.success(),
        "{}{}",
        String::from_utf8_lossy(&result.stdout),
        String::from_utf8_lossy(&result.stderr)
    );
}

#[test]
fn the_validator_rejects_a_broken_response() {
    let Some(python) = python::python() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let q = dir.path().join("q.json");
    run_to_file(kinscreen().args(["export-questionnaire"]), &q);
    let v = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vignettes/01-hip-to-knee-mechanical.toml");
    let good = dir.path().join("good.json");
    run_to_file(
        kinscreen()
            .args(["score", "--format", "fhir", "--answers"])
            .arg(&v),
        &good,
    );
    let text = std::fs::read_to_string(&good).unwrap();
    for (name, broken) in [
        (
            "code.json",
            text.replacen("\"code\": \"knee\"", "\"code\": \"elbow\"", 1),
        ),
        (
            "status.json",
            text.replacen("\"status\": \"completed\"", "\"status\": \"done\"", 1),
        ),
        (
            "type.json",
            text.replacen("\"valueInteger\": 5", "\"valueInteger\": \"five\"", 1),
        ),
        (
            "link.json",
            text.replacen("\"linkId\": \"side\"", "\"linkId\": \"sides\"", 1),
        ),
    ] {
        assert_ne!(broken, text, "{name}: nothing was broken");
        let path = dir.path().join(name);
        std::fs::write(&path, broken).unwrap();
        let result = validate(&python, &[q.clone(), path]);
        assert!(
            !result.status.success(),
            "{name} passed: {}",
            String::from_utf8_lossy(&result.stdout)
        );
    }
}
