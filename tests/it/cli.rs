//! The command line as a process: exit codes and messages a user sees.

use crate::common;

use std::os::unix::fs::FileTypeExt;
use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;

const BUILTIN: &str = include_str!("../../questionnaires/lower-limb.toml");

fn kinscreen() -> Command {
    crate::common::english(Command::cargo_bin("kinscreen")).unwrap()
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

use common::vignette;

/// The line (1-based) of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect(needle)]
        .matches('\n')
        .count()
        + 1
}

#[test]
fn score_prints_a_readable_report() {
    kinscreen()
        .args(["score", "--answers"])
        .arg(vignette("01-hip-to-knee-mechanical.toml"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "How soon: Book an assessment\n============================",
        ))
        .stdout(predicate::str::contains(
            "What the picture looks like\n===========================\n  Overload of the painful place (mechanical compensation)",
        ))
        .stdout(predicate::str::contains("Get help at once if"))
        .stdout(predicate::str::contains("not a diagnosis"));
}

#[test]
fn score_accepts_flat_toml_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let flat = write(
        &dir,
        "flat.toml",
        "red_flags_emergency = [\"calf_swelling_warmth\"]\n",
    );
    kinscreen()
        .args(["score", "--format", "json", "--answers"])
        .arg(&flat)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"triage\": \"emergency\""))
        .stdout(predicate::str::contains("\"complete\": false"));
    let json = write(
        &dir,
        "a.json",
        r#"{"answers": {"red_flags_emergency": ["none"], "red_flags_urgent": ["cannot_bear_weight"]}}"#,
    );
    kinscreen()
        .args(["score", "--format", "json", "--answers"])
        .arg(&json)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"triage\": \"urgent\""));
}

#[test]
fn score_rejects_bad_answers_with_exit_2_and_a_precise_message() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &[&str])] = &[
        (
            "red_flags_emergency = [\"none\"]\nmain_site = \"elbow\"\n",
            &[
                "bad.toml:2:13",
                "main_site",
                "\"elbow\"",
                "\"hip\", \"knee\", \"ankle\", \"foot\"",
            ],
        ),
        (
            "red_flags_emergency = [\"none\"]\nelbow_pain = \"yes\"\n",
            &["bad.toml:2:", "unknown question `elbow_pain`"],
        ),
        (
            "severity = \"high\"\n",
            &["severity", "\"high\" is not a whole number", "from 0 to 10"],
        ),
        ("severity = 11\n", &["severity", "11 is out of range"]),
        (
            "severity = 6.5\n",
            &["severity", "6.5 is not a whole number"],
        ),
        (
            "red_flags_emergency = [\"none\"]\nred_flags_urgent = [\"none\"]\nmain_site = [\"hip\", \"knee\"]\n",
            &["main_site", "takes one option"],
        ),
        (
            "red_flags_emergency = [\"none\", \"calf_swelling_warmth\"]\n",
            &["red_flags_emergency", "\"none\" cannot be combined"],
        ),
        (
            "red_flags_emergency = [\"none\"]\nred_flags_urgent = [\"none\"]\n",
            &["question `main_site`", "has no answer", "\"hip\", \"knee\""],
        ),
        ("main_site = \n", &["bad.toml:1:"]),
    ];
    for (text, needles) in cases {
        let path = write(&dir, "bad.toml", text);
        let assert = kinscreen()
            .args(["score", "--answers"])
            .arg(&path)
            .assert()
            .code(2);
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
        for n in *needles {
            assert!(stderr.contains(n), "{text:?}: {n:?} not in {stderr}");
        }
    }
    kinscreen()
        .args(["score", "--answers", "/nonexistent/answers.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot read /nonexistent/answers.toml",
        ));
}

#[test]
fn score_accepts_harmless_variants_of_a_value() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(vignette("01-hip-to-knee-mechanical.toml"))
        .unwrap()
        .replace("severity = 5", "severity = 7.0")
        .replace("main_site = \"knee\"", "main_site = [\"knee\"]")
        .replace("local_provocation = \"yes\"", "local_provocation = true");
    let path = write(&dir, "variants.toml", &text);
    kinscreen()
        .args(["score", "--format", "json", "--answers"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"severity\": 7"))
        .stdout(predicate::str::contains("\"severe_pain\""))
        .stdout(predicate::str::contains(
            "\"classification\": \"mechanical_compensation\"",
        ));
}

#[test]
fn validate_accepts_the_default_questionnaire() {
    kinscreen()
        .args(["validate", "questionnaires/lower-limb.toml"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .assert()
        .success()
        .stdout(predicate::str::contains("ok (0 warning(s))"));
}

#[test]
fn validate_lists_every_problem_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    // Three problems at once: an unknown option in a condition, a weight toward an undeclared
    // class, and a rule naming an unknown triage level.
    let broken = BUILTIN
        .replace(
            "    { question = \"main_site\", none_of = [\"hip\"] },",
            "    { question = \"main_site\", none_of = [\"elbow\"] },",
        )
        .replace(
            "weights = { mechanical_compensation = 2 }\nrationale = \"Sharp",
            "weights = { mechanical = 2 }\nrationale = \"Sharp",
        )
        .replace(
            "triage = \"routine\"\n\n[[rules]]\nid = \"slowly_worse\"",
            "triage = \"soon\"\n\n[[rules]]\nid = \"slowly_worse\"",
        );
    let path = write(&dir, "broken.toml", &broken);
    let assert = kinscreen().arg("validate").arg(&path).assert().code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    let elbow = line_of(&broken, "none_of = [\"elbow\"]");
    let mechanical = line_of(&broken, "weights = { mechanical = 2 }");
    let soon = line_of(&broken, "triage = \"soon\"");
    for needle in [
        format!("broken.toml:{elbow}:"),
        "has no option `elbow`".to_string(),
        format!("broken.toml:{mechanical}:"),
        "class `mechanical`, which is not declared".to_string(),
        format!("broken.toml:{soon}:"),
        "triage level `soon`".to_string(),
    ] {
        assert!(stderr.contains(&needle), "{needle:?} not in {stderr}");
    }

    let syntax = write(&dir, "syntax.toml", "[meta\nid = 1\n");
    kinscreen()
        .arg("validate")
        .arg(&syntax)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("syntax.toml:1:"));

    let typo = write(
        &dir,
        "typo.toml",
        &BUILTIN.replace("min = 0\nmax = 10", "min = 0\nmax = \"ten\""),
    );
    let line = line_of(BUILTIN, "max = 10");
    kinscreen()
        .arg("validate")
        .arg(&typo)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("typo.toml:{line}:")));
}

#[test]
fn score_uses_another_questionnaire_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let q = write(
        &dir,
        "q.toml",
        &BUILTIN.replace("min_score = 6", "min_score = 100"),
    );
    kinscreen()
        .args(["score", "--format", "json", "--questionnaire"])
        .arg(&q)
        .arg("--answers")
        .arg(vignette("01-hip-to-knee-mechanical.toml"))
        .assert()
        .success()
        .stdout(predicate::str::contains("\"classification\": \"unclear\""));
}

#[test]
fn interview_without_a_terminal_points_to_score() {
    kinscreen()
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("got no input"))
        .stderr(predicate::str::contains("kinscreen score --answers FILE"));
}

#[test]
fn bad_questionnaire_is_reported_before_the_interview() {
    let dir = tempfile::tempdir().unwrap();
    let q = write(&dir, "q.toml", "nonsense");
    kinscreen()
        .arg("--questionnaire")
        .arg(&q)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("q.toml:1:"));
}

#[test]
fn graph_prints_dot_and_mermaid() {
    kinscreen()
        .args(["graph", "questionnaires/lower-limb.toml"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .assert()
        .success()
        .stdout(predicate::str::starts_with("// "))
        .stdout(predicate::str::contains("digraph interview {"))
        .stdout(predicate::str::contains(
            "q_back_link -> q_hip_signs [label=\"if main_site is not hip or age_band any of [under_10, 10_to_17]\"];",
        ));
    kinscreen()
        .args(["graph", "--format", "mermaid"])
        .assert()
        .success()
        .stdout(predicate::str::contains("flowchart TD"))
        .stdout(predicate::str::contains("-.->"));
    let dir = tempfile::tempdir().unwrap();
    let bad = write(&dir, "bad.toml", "[meta]\n");
    kinscreen().arg("graph").arg(&bad).assert().code(2);
    // --questionnaire is one option for every command, before or after the command's name.
    kinscreen()
        .args(["graph", "--questionnaire"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "kinscreen: the questionnaire cannot be used",
        ));
    kinscreen()
        .arg("--questionnaire")
        .arg(&bad)
        .args(["graph"])
        .assert()
        .code(2);
    kinscreen()
        .args(["graph", "questionnaires/lower-limb.toml", "--questionnaire"])
        .arg(&bad)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
}

/// What an attacker would put in a questionnaire's texts: a window-title change (OSC), a screen
/// clear (CSI), a C1 control and a right-to-left override.
const HOSTILE: &str = "\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u202eevil";

/// The built-in questionnaire with hostile text in its title, a section title and an option.
fn hostile_questionnaire(dir: &tempfile::TempDir) -> PathBuf {
    let src = std::fs::read_to_string(common::project("questionnaires/lower-limb.toml"))
        .unwrap()
        .replacen(
            "title = \"Leg pain: where is it really coming from?\"",
            &format!("title = \"Leg pain {HOSTILE}\""),
            1,
        )
        .replacen(
            "title = \"Safety check\"",
            &format!("title = \"Safety {HOSTILE}\""),
            1,
        )
        .replacen(
            "label = \"Book an assessment\"",
            &format!("label = \"Book {HOSTILE}\""),
            1,
        );
    write(dir, "hostile.toml", &src)
}

/// Whether bytes hold anything that drives a terminal or reorders text.
fn raw_controls(bytes: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|c| kinscreen::output::is_unsafe(*c))
        .collect()
}

#[test]
fn text_from_files_never_reaches_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let q = hostile_questionnaire(&dir);
    let v = vignette("01-hip-to-knee-mechanical.toml");
    for format in ["text", "markdown", "json", "fhir"] {
        let out = kinscreen()
            .arg("score")
            .arg("--questionnaire")
            .arg(&q)
            .args(["--format", format, "--answers"])
            .arg(&v)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(raw_controls(&out.stdout), [], "score --format {format}");
        let text = String::from_utf8_lossy(&out.stdout);
        if format == "markdown" || format == "fhir" {
            assert!(
                text.contains("pwned"),
                "{format}: the text is shown, escaped"
            );
        }
        if format == "fhir" {
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            assert!(
                v.to_string().contains('\u{202e}'),
                "JSON still means the same text"
            );
        } else if format == "markdown" {
            assert!(text.contains("\\u{1b}]0;pwned"), "{format}");
        }
    }
    for args in [&["graph"][..], &["graph", "--format", "mermaid"]] {
        let out = kinscreen().args(args).arg(&q).output().unwrap();
        assert!(out.status.success());
        assert_eq!(raw_controls(&out.stdout), [], "{args:?}");
    }
    let out = kinscreen()
        .arg("export-questionnaire")
        .arg("--questionnaire")
        .arg(&q)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(raw_controls(&out.stdout), []);

    // Error messages echo values from files: escaped, and a long one shortened.
    let answers = write(
        &dir,
        "answers.toml",
        &format!(
            "red_flags_emergency = [\"none\"]\npain_site = \"{HOSTILE}{}\"\n",
            "x".repeat(5000)
        ),
    );
    let out = kinscreen()
        .arg("score")
        .arg("--answers")
        .arg(&answers)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(raw_controls(&out.stderr), []);
    assert!(
        out.stderr.len() < 3000,
        "{} bytes of error",
        out.stderr.len()
    );
    let broken = write(
        &dir,
        "broken.toml",
        &format!("[meta]\nid = \"{HOSTILE}\"\ntitle = 3\n"),
    );
    let out = kinscreen().arg("validate").arg(&broken).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(raw_controls(&out.stderr), []);
    assert_eq!(raw_controls(&out.stdout), []);
}

#[test]
fn output_files_are_never_clobbered_and_special_files_refused() {
    let dir = tempfile::tempdir().unwrap();
    let existing = write(&dir, "keep.json", "precious");
    kinscreen()
        .args(["export-questionnaire", "-o"])
        .arg(&existing)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists; add --force"));
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "precious");
    kinscreen()
        .args(["export-questionnaire", "--force", "-o"])
        .arg(&existing)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&existing)
            .unwrap()
            .contains("\"resourceType\"")
    );
    kinscreen()
        .args(["export-questionnaire", "-o", "-"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"resourceType\""));
    let fifo = dir.path().join("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for force in [false, true] {
        let mut c = kinscreen();
        c.args(["export-questionnaire", "-o"]).arg(&fifo);
        if force {
            c.arg("--force");
        }
        c.timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("not a regular file"));
    }
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    kinscreen()
        .args(["export-questionnaire", "--force", "-o", "/dev/null"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a regular file"));

    // Inputs: a FIFO is refused at once (not waited on), a huge file by its size.
    let huge = dir.path().join("huge.toml");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    for input in [&fifo, &huge] {
        kinscreen()
            .arg("validate")
            .arg(input)
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(
                predicate::str::contains("not a regular file")
                    .or(predicate::str::contains("too large")),
            );
        kinscreen()
            .arg("score")
            .arg("--answers")
            .arg(input)
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(2);
    }
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).unwrap();
    assert!(
        std::process::Command::new("mkfifo")
            .arg(cases.join("a.toml"))
            .status()
            .unwrap()
            .success()
    );
    kinscreen()
        .args(["practice", "--cases"])
        .arg(&cases)
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a regular file"));
}

#[test]
fn closed_pipes_end_quietly_and_full_or_closed_outputs_fail_loudly() {
    let bin = assert_cmd::cargo::cargo_bin("kinscreen");
    // `| head -c1`: the reader goes away.
    let mut child = std::process::Command::new(&bin)
        .arg("export-questionnaire")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let v = vignette("01-hip-to-knee-mechanical.toml");
    let full = std::process::Command::new(&bin)
        .arg("score")
        .arg("--answers")
        .arg(&v)
        .stdout(
            std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap(),
        )
        .output()
        .unwrap();
    assert_eq!(full.status.code(), Some(2));
    let err = String::from_utf8_lossy(&full.stderr);
    assert!(
        err.contains("No space left") && !err.contains("panicked"),
        "{err}"
    );

    let closed = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' score --answers '{}' >&-",
            bin.display(),
            v.display()
        ))
        .output()
        .unwrap();
    assert_eq!(closed.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&closed.stderr).contains("standard output"));
}

#[test]
fn saved_interviews_with_hostile_text_are_listed_shown_and_exported_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let q = hostile_questionnaire(&dir);
    let data = dir.path().join("data");
    let out = kinscreen()
        .arg("--data-dir")
        .arg(&data)
        .arg("score")
        .arg("--questionnaire")
        .arg(&q)
        .arg("--save")
        .arg("--answers")
        .arg(vignette("01-hip-to-knee-mechanical.toml"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(raw_controls(&out.stdout), []);
    let listed = kinscreen()
        .arg("--data-dir")
        .arg(&data)
        .args(["history", "--format", "json"])
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    let id = list[0]["id"].as_str().unwrap().to_string();
    for args in [
        vec!["history"],
        vec!["history", "--format", "json"],
        vec!["show", &id],
        vec!["export", &id],
        vec!["export", &id, "--format", "json"],
        vec!["export", &id, "--format", "fhir"],
    ] {
        let out = kinscreen()
            .arg("--data-dir")
            .arg(&data)
            .args(&args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(raw_controls(&out.stdout), [], "{args:?}");
        assert_eq!(raw_controls(&out.stderr), [], "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("pwned"),
            "{args:?}"
        );
    }
}

#[test]
fn help_lists_exit_codes_and_environment() {
    let out = kinscreen().arg("--help").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for want in [
        "Exit codes:",
        "130",
        "NO_COLOR",
        "ACCESSIBLE",
        "LANG",
        "TZ",
        "--plain",
    ] {
        assert!(text.contains(want), "{want}: {text}");
    }
    let out = kinscreen().args(["validate", "--help"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for hidden in ["--no-save", "--data-dir", "--plain"] {
        assert!(!text.contains(hidden), "{hidden}: {text}");
    }
}

#[test]
fn completions_and_the_manual_page_come_from_the_same_definitions() {
    for shell in ["bash", "zsh", "fish"] {
        let out = kinscreen().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("kinscreen"), "{shell}");
        assert!(
            text.contains("practice") && text.contains("plain"),
            "{shell}"
        );
    }
    let out = kinscreen().arg("man").output().unwrap();
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH kinscreen 1"), "{page}");
    assert!(page.contains("Exit codes"), "{page}");
}
