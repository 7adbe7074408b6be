use super::*;
use crate::questionnaire::Condition;
use crate::questionnaire::load_str;

/// A small questionnaire that exercises branching, a red flag, an optional question and a scale.
pub(crate) const SMALL: &str = r#"
[meta]
id = "small"
title = "Small"
version = "1"
language = "en"

[text]
welcome = "Hello"
disclaimer = "Not a diagnosis"

[[sections]]
id = "s"
title = "Section"

[[questions]]
id = "flag"
section = "s"
type = "multi"
prompt = "Any danger?"
why = "Safety first."
[[questions.options]]
id = "danger"
label = "Danger"
[[questions.options]]
id = "none"
label = "None"
exclusive = true

[[questions]]
id = "site"
section = "s"
type = "single"
prompt = "Where?"
why = "Branching."
[[questions.options]]
id = "hip"
label = "Hip"
[[questions.options]]
id = "knee"
label = "Knee"
weights = { a = 2 }
rationale = "Knees lean to a."

[[questions]]
id = "hip_only"
section = "s"
type = "yes_no"
prompt = "Hip question?"
why = "Only for hips."
ask_when = { question = "site", equals = "hip" }
[[questions.options]]
id = "yes"
weights = { b = 5 }
rationale = "Yes leans to b."

[[questions]]
id = "extra"
section = "s"
type = "single"
required = false
prompt = "Optional?"
why = "Optional."
[[questions.options]]
id = "x"
label = "X"
[[questions.options]]
id = "y"
label = "Y"

[[questions]]
id = "score"
section = "s"
type = "scale"
prompt = "How much?"
why = "Severity."
min = 0
max = 10

[[classes]]
id = "a"
label = "A"
summary = "A."
[[classes]]
id = "b"
label = "B"
summary = "B."
[[classes]]
id = "u"
label = "Unclear"
summary = "U."

[decision]
undecided = "u"
min_score = 2
min_share = 0.7
weak_text = "weak"
split_text = "split"

[[triage]]
id = "low"
rank = 0
label = "Low"
time_frame = "later"
advice = "rest"
[[triage]]
id = "high"
rank = 5
label = "High"
time_frame = "now"
advice = "go"

[[rules]]
id = "danger"
label = "Danger"
when = { question = "flag", equals = "danger" }
triage = "high"
red_flag = true
interrupt = true
advice = "Go now."

[[rules]]
id = "severe"
label = "Severe"
when = { question = "score", at_least = 8 }
triage = "high"
"#;

fn small() -> Interview {
    Interview::new(Arc::new(load_str(SMALL, "small.toml").expect("valid")))
}

const FLAG: QIdx = 0;
const SITE: QIdx = 1;
const HIP_ONLY: QIdx = 2;
const EXTRA: QIdx = 3;
const SCORE: QIdx = 4;
const NONE: OIdx = 1;

#[test]
fn starts_at_first_question_and_follows_branching() {
    let mut iv = small();
    assert_eq!(iv.state(), &State::Asking(FLAG));
    iv.answer_current(Answer::Choices(vec![NONE])).unwrap();
    assert_eq!(iv.state(), &State::Asking(SITE));
    iv.answer_current(Answer::Choice(1)).unwrap(); // knee: hip_only is skipped
    assert_eq!(iv.state(), &State::Asking(EXTRA));
    iv.back().unwrap();
    iv.answer_current(Answer::Choice(0)).unwrap(); // hip: hip_only is asked
    assert_eq!(iv.state(), &State::Asking(HIP_ONLY));
}

#[test]
fn answers_off_the_path_do_not_count() {
    let mut iv = small();
    iv.answer_current(Answer::Choices(vec![NONE])).unwrap();
    iv.answer_current(Answer::Choice(0)).unwrap(); // hip
    iv.answer_current(Answer::Choice(0)).unwrap(); // yes: 5 points to b
    assert_eq!(iv.assessment().scores[1], 5);
    iv.back().unwrap();
    iv.back().unwrap();
    iv.answer_current(Answer::Choice(1)).unwrap(); // knee: hip_only leaves the path
    let a = iv.assessment();
    assert_eq!(a.scores[1], 0, "the hip-only answer no longer counts");
    assert_eq!(a.scores[0], 2);
    assert!(
        iv.answer(HIP_ONLY).is_some(),
        "but it is kept for a change of mind"
    );
}

#[test]
fn red_flag_interrupts_at_once_and_stays_pinned() {
    let mut iv = small();
    iv.answer_current(Answer::Choices(vec![0])).unwrap();
    assert_eq!(iv.state(), &State::Alert(vec![0]));
    assert!(iv.can_finish_early());
    assert_eq!(iv.red_flags(), vec![0]);
    iv.acknowledge().unwrap();
    assert_eq!(iv.state(), &State::Asking(SITE));
    assert_eq!(iv.red_flags(), vec![0], "advice stays pinned");
    assert_eq!(iv.assessment().triage, crate::questionnaire::TIdx(1));
}

#[test]
fn going_back_from_an_alert_returns_to_its_question() {
    let mut iv = small();
    iv.answer_current(Answer::Choices(vec![0])).unwrap();
    iv.back().unwrap();
    assert_eq!(iv.state(), &State::Asking(FLAG));
    iv.answer_current(Answer::Choices(vec![NONE])).unwrap();
    assert_eq!(iv.state(), &State::Asking(SITE));
    assert!(iv.red_flags().is_empty());
}

#[test]
fn withdrawn_then_repeated_red_flag_alerts_again() {
    let mut iv = small();
    iv.answer_current(Answer::Choices(vec![0])).unwrap();
    iv.acknowledge().unwrap();
    iv.back().unwrap();
    iv.answer_current(Answer::Choices(vec![NONE])).unwrap();
    iv.back().unwrap();
    iv.answer_current(Answer::Choices(vec![0])).unwrap();
    assert!(matches!(iv.state(), State::Alert(_)));
}

#[test]
fn early_finish_only_after_an_alert() {
    let mut iv = small();
    assert!(iv.finish().is_err());
    iv.answer_current(Answer::Choices(vec![0])).unwrap();
    iv.finish().unwrap();
    assert_eq!(iv.state(), &State::Finished);
    assert!(!iv.is_complete());
    iv.back().unwrap();
    assert_eq!(
        iv.state(),
        &State::Asking(SITE),
        "back to the first open question"
    );
}

#[test]
fn optional_question_can_be_skipped_required_cannot() {
    let mut iv = small();
    assert!(matches!(
        iv.skip_current(),
        Err(EngineError::Required { .. })
    ));
    iv.answer_current(Answer::Choices(vec![NONE])).unwrap();
    iv.answer_current(Answer::Choice(1)).unwrap();
    assert_eq!(iv.state(), &State::Asking(EXTRA));
    iv.skip_current().unwrap();
    assert_eq!(iv.state(), &State::Asking(SCORE));
    iv.answer_current(Answer::Number(3)).unwrap();
    assert_eq!(iv.state(), &State::Review);
    iv.finish().unwrap();
    assert!(iv.is_complete());
}

#[test]
fn invalid_answers_are_refused_without_moving() {
    let mut iv = small();
    let before = iv.clone();
    assert!(matches!(
        iv.answer_current(Answer::Choices(vec![0, NONE])),
        Err(EngineError::ExclusiveCombined { .. })
    ));
    assert!(matches!(
        iv.answer_current(Answer::Choices(vec![])),
        Err(EngineError::NothingChosen { .. })
    ));
    assert!(matches!(
        iv.answer_current(Answer::Number(1)),
        Err(EngineError::WrongType { .. })
    ));
    assert!(matches!(
        iv.answer_current(Answer::Choices(vec![7])),
        Err(EngineError::NoSuchOption { .. })
    ));
    assert_eq!(iv, before);
    iv.answer_current(Answer::Choices(vec![NONE])).unwrap();
    iv.answer_current(Answer::Choice(1)).unwrap();
    iv.skip_current().unwrap();
    assert!(matches!(
        iv.answer_current(Answer::Number(11)),
        Err(EngineError::OutOfRange { .. })
    ));
}

#[test]
fn review_edit_returns_to_review() {
    let mut iv = small();
    iv.answer_current(Answer::Choices(vec![NONE])).unwrap();
    iv.answer_current(Answer::Choice(1)).unwrap();
    iv.answer_current(Answer::Choice(0)).unwrap();
    iv.answer_current(Answer::Number(2)).unwrap();
    assert_eq!(iv.state(), &State::Review);
    iv.edit(SCORE).unwrap();
    assert_eq!(iv.state(), &State::Asking(SCORE));
    iv.answer_current(Answer::Number(9)).unwrap();
    assert_eq!(iv.state(), &State::Review);
    assert_eq!(
        iv.assessment().triage,
        crate::questionnaire::TIdx(1),
        "severe rule follows the edit"
    );
    // Editing the site to hip puts a new question on the path: it is asked before the review.
    iv.edit(SITE).unwrap();
    iv.answer_current(Answer::Choice(0)).unwrap();
    assert_eq!(iv.state(), &State::Asking(HIP_ONLY));
    iv.answer_current(Answer::Choice(1)).unwrap();
    assert_eq!(iv.state(), &State::Review);
    assert!(iv.edit(HIP_ONLY).is_ok());
}

#[test]
fn progress_counts_the_current_path() {
    let mut iv = small();
    // hip_only is not on the path until site is hip.
    assert_eq!(
        iv.progress(),
        Progress {
            answered: 0,
            position: 1,
            total: 4
        }
    );
    iv.answer_current(Answer::Choices(vec![NONE])).unwrap();
    iv.answer_current(Answer::Choice(0)).unwrap();
    assert_eq!(
        iv.progress(),
        Progress {
            answered: 2,
            position: 3,
            total: 5
        }
    );
}

#[test]
fn back_then_same_answer_restores_the_state() {
    let mut iv = small();
    iv.answer_current(Answer::Choices(vec![NONE])).unwrap();
    iv.answer_current(Answer::Choice(0)).unwrap();
    let before = iv.clone();
    iv.back().unwrap();
    iv.answer_current(Answer::Choice(0)).unwrap();
    assert_eq!(iv, before);
}

#[test]
fn conditions_on_unanswered_questions_do_not_hold() {
    let answers = Answers::new();
    assert!(!holds(&Condition::AnyOf(0, vec![0]), &answers));
    assert!(!holds(&Condition::NoneOf(0, vec![0]), &answers));
    assert!(holds(
        &Condition::Not(Box::new(Condition::AnyOf(0, vec![0]))),
        &answers
    ));
    assert!(holds(&Condition::Answered(0, false), &answers));
    let mut answers = Answers::new();
    answers.insert(0, Answer::Number(7));
    assert!(holds(&Condition::Range(0, Some(7), None), &answers));
    assert!(!holds(&Condition::Range(0, None, Some(6)), &answers));
    assert!(holds(
        &Condition::All(vec![
            Condition::Answered(0, true),
            Condition::Range(0, Some(0), Some(10))
        ]),
        &answers
    ));
    assert!(!holds(&Condition::Any(vec![]), &answers));
}

#[test]
fn replay_resumes_at_the_same_question_with_every_answer() {
    let mut iv = small();
    iv.answer_current(Answer::Choices(vec![0])).unwrap(); // red flag
    iv.acknowledge().unwrap();
    iv.answer_current(Answer::Choice(0)).unwrap(); // hip
    iv.answer_current(Answer::Choice(1)).unwrap(); // no
    iv.back().unwrap(); // back at hip_only, with its answer kept
    let again = Interview::replay(
        iv.questionnaire().clone(),
        iv.answers(),
        iv.current(),
        iv.acknowledged(),
    );
    assert_eq!(again, iv);
}

#[test]
fn replay_stops_at_an_alert_not_yet_seen_and_at_the_first_gap() {
    let q = Arc::new(load_str(SMALL, "small.toml").unwrap());
    let mut answers = Answers::new();
    answers.insert(FLAG, Answer::Choices(vec![0]));
    answers.insert(SITE, Answer::Choice(1));
    let iv = Interview::replay(q.clone(), &answers, None, &BTreeSet::new());
    assert_eq!(iv.state(), &State::Alert(vec![0]));
    let iv = Interview::replay(q.clone(), &answers, None, &[0].into());
    assert_eq!(
        iv.state(),
        &State::Asking(EXTRA),
        "the first question without an answer"
    );
    // An answer that no longer fits is not used.
    answers.insert(SCORE, Answer::Number(99));
    let iv = Interview::replay(q, &answers, None, &[0].into());
    assert!(iv.answer(SCORE).is_none());
}
