//! The corpus in `tests/bad-questionnaires/`: one file per kind of problem `validate` finds.
//! Each file's second line says what must be reported: `# expect: error|warning LINE:COL text`
//! (or `# expect: clean`).

use crate::common;

use std::path::PathBuf;

use assert_cmd::Command;
use kinscreen::questionnaire::{Severity, check};

fn corpus() -> Vec<PathBuf> {
    let files = common::toml_files("tests/bad-questionnaires");
    assert!(files.len() >= 20, "the corpus is missing");
    files
}

struct Expect {
    severity: Option<Severity>,
    line: usize,
    column: usize,
    text: String,
}

fn expect(src: &str) -> Expect {
    let line = src
        .lines()
        .find_map(|l| l.strip_prefix("# expect: "))
        .expect("an `# expect:` line");
    if line.trim() == "clean" {
        return Expect {
            severity: None,
            line: 0,
            column: 0,
            text: String::new(),
        };
    }
    let (severity, rest) = line.split_once(' ').unwrap();
    let (position, text) = rest.split_once(' ').unwrap();
    let (l, c) = position.split_once(':').unwrap();
    Expect {
        severity: Some(if severity == "error" {
            Severity::Error
        } else {
            Severity::Warning
        }),
        line: l.parse().unwrap(),
        column: c.parse().unwrap(),
        text: text.to_string(),
    }
}

#[test]
fn every_file_reports_its_problem_at_its_place() {
    for path in corpus() {
        let src = std::fs::read_to_string(&path).unwrap();
        let name = path.display().to_string();
        let want = expect(&src);
        let (q, problems) = check(&src, &name);
        let Some(severity) = want.severity else {
            assert!(problems.is_empty() && q.is_some(), "{name}: {problems:?}");
            continue;
        };
        let found = problems.iter().any(|p| {
            p.severity == severity
                && p.line == Some(want.line)
                && p.column == Some(want.column)
                && p.message.contains(&want.text)
        });
        assert!(
            found,
            "{name}: expected {severity:?} at {}:{} containing {:?}, got:\n{}",
            want.line,
            want.column,
            want.text,
            problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
        match severity {
            Severity::Error => assert!(q.is_none(), "{name}: an error must stop loading"),
            Severity::Warning => assert!(
                q.is_some() && problems.iter().all(|p| !p.is_error()),
                "{name}: a warning alone must not stop loading"
            ),
        }
    }
}

#[test]
fn validate_exit_codes_follow_severity_and_strict() {
    for path in corpus() {
        let src = std::fs::read_to_string(&path).unwrap();
        let want = expect(&src);
        let (plain, strict) = match want.severity {
            None => (0, 0),
            Some(Severity::Warning) => (0, 2),
            Some(Severity::Error) => (2, 2),
        };
        let run = |args: &[&str]| {
            crate::common::english(Command::cargo_bin("kinscreen"))
                .unwrap()
                .args(args)
                .arg(&path)
                .output()
                .unwrap()
        };
        let out = run(&["validate"]);
        assert_eq!(out.status.code(), Some(plain), "{}", path.display());
        assert_eq!(
            run(&["validate", "--strict"]).status.code(),
            Some(strict),
            "{}",
            path.display()
        );
        if want.severity.is_some() {
            // rustc-style: the message, an arrow to file:line:column, and the line itself.
            let stderr = String::from_utf8_lossy(&out.stderr);
            let arrow = format!("--> {}:{}:{}", path.display(), want.line, want.column);
            assert!(stderr.contains(&arrow), "{arrow} not in {stderr}");
            let source_line = src.lines().nth(want.line - 1).unwrap();
            assert!(
                stderr.contains(&format!("{} | {}", want.line, source_line)),
                "excerpt missing in {stderr}"
            );
        }
    }
}
