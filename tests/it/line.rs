//! Line mode (`kinscreen --plain`) as a process: whole interviews piped in, one line per
//! question, give exactly what `score` gives for the same answers, and never an escape byte.

use std::sync::Arc;

use assert_cmd::Command;
use kinscreen::engine::Answer;
use kinscreen::{answers, questionnaire};

use crate::common;

/// The lines a person would type for this answers file: one per question on its path, in
/// order (the option numbers as listed, an empty line for an optional question not answered).
pub(crate) fn lines_for(path: &std::path::Path) -> String {
    let q = Arc::new(questionnaire::builtin().unwrap());
    let file = answers::read(path).unwrap();
    let interview = answers::run(q, &file).unwrap();
    let mut out = String::new();
    for qi in interview.path() {
        let line = match interview.answer(qi) {
            Some(Answer::Choice(o)) => (o + 1).to_string(),
            Some(Answer::Choices(os)) => os
                .iter()
                .map(|o| (o + 1).to_string())
                .collect::<Vec<_>>()
                .join(" "),
            Some(Answer::Number(n)) => n.to_string(),
            None => String::new(),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn plain() -> Command {
    let mut cmd = crate::common::english(Command::cargo_bin("kinscreen")).unwrap();
    cmd.args(["--plain", "--no-save"]).env_remove("NO_COLOR");
    cmd
}

#[test]
fn every_vignette_piped_through_line_mode_gives_the_score_result() {
    for path in common::toml_files("tests/vignettes") {
        let input = lines_for(&path);
        let out = plain().write_stdin(input.clone()).output().unwrap();
        let text = String::from_utf8(out.stdout.clone()).unwrap();
        assert!(
            out.status.success(),
            "{}: {:?}\n{}\n{}",
            path.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr),
            text
        );
        assert!(
            !out.stdout.contains(&0x1b),
            "{}: an escape byte was written",
            path.display()
        );
        let score = crate::common::english(Command::cargo_bin("kinscreen"))
            .unwrap()
            .args(["score", "--answers"])
            .arg(&path)
            .output()
            .unwrap();
        let expected = String::from_utf8(score.stdout).unwrap();
        assert!(
            text.trim_end().ends_with(expected.trim_end()),
            "{}: the line-mode result differs from score's\n--- line mode ---\n{text}\n--- score ---\n{expected}",
            path.display()
        );
        // Not one "not a number" or "no option" message: every line answered its question.
        assert!(!text.contains("There is no option"), "{}", path.display());
        assert!(!text.contains("is not a number"), "{}", path.display());
    }
}

#[test]
fn a_red_flag_is_announced_at_once_and_repeated_before_the_result() {
    let path = common::vignette("06-saddle-numbness.toml");
    let out = plain().write_stdin(lines_for(&path)).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let first_alert = text.find("Important: Emergency").expect("no alert");
    let second_question = text.find("Question 2 of").expect("no second question");
    assert!(first_alert < second_question, "{text}");
    let repeated = text.find("Repeated from earlier:").expect("not repeated");
    let result = text.find("Your result").unwrap();
    assert!(repeated < result, "{text}");
}

#[test]
fn a_bad_answer_gets_one_line_and_the_question_again() {
    let out = plain().write_stdin("12\nabc\n9\n").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("There is no option 12."), "{text}");
    assert!(text.contains("“abc” is not a number."), "{text}");
    assert_eq!(
        text.matches("Is any of these happening right now?").count(),
        3
    );
    assert!(text.contains("Question 2 of"), "{text}");
    // The input ended before the result: exit 1, said on standard error.
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("the input ended before the interview was finished"),
        "{err}"
    );
}

#[test]
fn b_goes_back_and_q_quits_keeping_the_answers() {
    let dir = tempfile::tempdir().unwrap();
    let out = crate::common::english(Command::cargo_bin("kinscreen"))
        .unwrap()
        .args(["--plain", "--data-dir"])
        .arg(dir.path())
        .write_stdin("9\nb\n9\n3\nq\n")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("Question 1 of").count(), 2, "{text}");
    assert_eq!(out.status.code(), Some(1), "{text}");
    // The unfinished interview was kept: the screens would offer to resume it.
    let store = kinscreen::store::Store::open_read_only(Some(dir.path())).unwrap();
    assert_eq!(store.drafts("kinscreen-lower-limb").unwrap().len(), 1);
}

#[test]
fn no_input_at_all_is_refused_with_what_to_use_instead() {
    let out = crate::common::english(Command::cargo_bin("kinscreen"))
        .unwrap()
        .arg("--no-save")
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("kinscreen score --answers FILE"), "{err}");
    assert!(err.contains("--plain"), "{err}");
}

#[test]
fn piped_input_without_the_flag_is_line_mode_too() {
    let path = common::vignette("01-hip-to-knee-mechanical.toml");
    let out = crate::common::english(Command::cargo_bin("kinscreen"))
        .unwrap()
        .arg("--no-save")
        .write_stdin(lines_for(&path))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!out.stdout.contains(&0x1b));
}

/// Practice in line mode: a patient chosen by number, typed questions, the hypothesis by
/// numbers and a plain debrief; a focused history with the right call passes.
#[test]
fn practice_in_line_mode_takes_a_whole_station() {
    let q = Arc::new(questionnaire::builtin().unwrap());
    let (stations, _) = kinscreen::practice::built_in(&q);
    let n = stations
        .iter()
        .position(|s| s.case.case.id == "hip-to-knee-referred")
        .unwrap();
    let s = &stations[n];
    let class = s.classes[0].0;
    let triage = s.triage.0;
    // Red flags whole, then the case's essential items by their topics.
    let mut input = format!(
        "{}\nAny red flags or warning signs?\nAny other urgent warning signs?\n",
        n + 1
    );
    for id in &s.case.key.essential {
        let topic = q.questions[q.question_index(id).unwrap()]
            .topic()
            .to_string();
        input.push_str(&topic);
        input.push('\n');
    }
    input.push_str(&format!("/commit\n{}\n{}\n\n", class + 1, triage + 1));
    let out = plain().arg("practice").write_stdin(input).output().unwrap();
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stdout.contains(&0x1b));
    assert!(text.contains("Practice: choose a patient."), "{text}");
    assert!(text.contains("Debrief"), "{text}");
    assert!(text.contains("Pass:"), "{text}");
    assert!(!text.contains("Critical errors"), "{text}");
    assert!(text.contains("Teaching points:"), "{text}");
    // The same sections as the screen's debrief, with their marks in words.
    assert!(text.contains("Your hypothesis:\nRight: Picture:"), "{text}");
    assert!(!text.contains('✓') && !text.contains('█'), "{text}");
}
