use std::collections::BTreeMap;

use super::*;
use crate::engine::{Answer, Answers, effective_answers};
use crate::questionnaire::{builtin, load_str};

fn builtin_answers(q: &Questionnaire, pairs: &[(&str, &[&str])]) -> Answers {
    let mut out = BTreeMap::new();
    for (id, opts) in pairs {
        let qi = q.question_index(id).expect(id);
        let question = &q.questions[qi];
        let idx: Vec<usize> = opts
            .iter()
            .map(|o| question.option_index(o).expect(o))
            .collect();
        let a = match question.kind {
            crate::questionnaire::Kind::Multi { .. } => Answer::Choices(idx),
            _ => Answer::Choice(idx[0]),
        };
        out.insert(qi, a);
    }
    effective_answers(q, &out)
}

fn class(q: &Questionnaire, id: &str) -> CIdx {
    q.class_index(id).unwrap()
}

#[test]
fn cap_limits_one_question_and_is_reported() {
    let q = builtin().unwrap();
    let a = assess(
        &q,
        &builtin_answers(
            &q,
            &[(
                "aggravating",
                &["walking", "running", "stairs", "squatting"],
            )],
        ),
    );
    let m = class(&q, "mechanical_compensation");
    assert_eq!(a.scores[m], 2, "aggravating is capped at 2");
    let capped: Vec<_> = a.evidence.iter().filter(|e| e.capped()).collect();
    assert_eq!(capped.len(), 2);
    assert!(capped.iter().all(|e| e.weight == 0 && e.full_weight == 1));
}

#[test]
fn weak_evidence_is_unclear() {
    let q = builtin().unwrap();
    let a = assess(&q, &builtin_answers(&q, &[("pain_character", &["sharp"])]));
    assert_eq!(a.classification, q.decision.undecided);
    assert_eq!(a.basis, Basis::Weak);
    assert_eq!(a.leader, Some(class(&q, "mechanical_compensation")));
}

#[test]
fn split_evidence_is_unclear_and_clear_evidence_decides() {
    let q = builtin().unwrap();
    let split = builtin_answers(
        &q,
        &[
            ("pain_character", &["sharp"]),
            ("pain_location", &["one_spot"]),
            ("local_provocation", &["yes"]),
            ("pain_spreads", &["from_back_or_buttock"]),
            ("back_link", &["yes"]),
        ],
    );
    let a = assess(&q, &split);
    assert_eq!(a.basis, Basis::Split, "7 vs 6 points");
    assert_eq!(a.classification, q.decision.undecided);

    let clear = builtin_answers(
        &q,
        &[
            ("pain_character", &["burning_electric"]),
            ("pain_spreads", &["from_back_or_buttock"]),
            ("back_link", &["yes"]),
            ("local_provocation", &["yes"]),
        ],
    );
    let a = assess(&q, &clear);
    assert_eq!(a.classification, class(&q, "referred_pain"));
    assert_eq!(a.basis, Basis::Decided);
    assert!((a.share - 0.75).abs() < 1e-9);
    assert_eq!(a.evidence_for(class(&q, "referred_pain")).count(), 3);
    assert_eq!(a.evidence_against(class(&q, "referred_pain")).count(), 1);
}

#[test]
fn triage_is_the_most_urgent_rule_and_red_flags_are_listed() {
    let q = builtin().unwrap();
    let level = |id: &str| q.triage_index(id).unwrap();
    let none = assess(&q, &Answers::new());
    assert_eq!(none.triage, level("self_care"));
    let a = assess(
        &q,
        &builtin_answers(
            &q,
            &[
                ("duration", &["over_3_months"]),
                ("red_flags_urgent", &["fever_or_unwell"]),
                ("red_flags_emergency", &["calf_swelling_warmth"]),
            ],
        ),
    );
    assert_eq!(a.triage, level("emergency"));
    let ids: Vec<&str> = a
        .red_flags
        .iter()
        .map(|r| q.rules[*r].id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["calf_swelling_warmth", "fever_or_unwell"],
        "most urgent first"
    );
    assert_eq!(a.fired.len(), 3);
}

#[test]
fn weakness_with_rapid_worsening_is_an_emergency() {
    let q = builtin().unwrap();
    let a = assess(
        &q,
        &builtin_answers(
            &q,
            &[
                ("nerve_symptoms", &["weakness", "pins_and_needles"]),
                ("course", &["rapidly_worse"]),
            ],
        ),
    );
    assert_eq!(q.triage[a.triage].id, "emergency");
    // Without a nerve picture, rapid worsening alone makes it urgent, not an emergency.
    let a = assess(
        &q,
        &builtin_answers(
            &q,
            &[
                ("nerve_symptoms", &["weakness"]),
                ("course", &["rapidly_worse"]),
                ("back_link", &["no"]),
                ("pain_spreads", &["no"]),
            ],
        ),
    );
    assert_eq!(q.triage[a.triage].id, "urgent");
}

#[test]
fn negative_weights_count_against_and_ties_are_split() {
    let src =
        crate::engine::tests::SMALL.replace("weights = { a = 2 }", "weights = { a = 3, b = -1 }");
    let q = load_str(&src, "neg.toml").unwrap();
    let mut answers = Answers::new();
    answers.insert(1, Answer::Choice(1));
    let a = assess(&q, &answers);
    assert_eq!(a.scores, vec![3, -1, 0]);
    assert_eq!(a.evidence_against(CIdx(0)).count(), 0);
    assert_eq!(a.evidence_against(CIdx(1)).count(), 2);
    assert_eq!(a.classification, CIdx(0));

    let tie = crate::engine::tests::SMALL.replace("weights = { b = 5 }", "weights = { b = 2 }");
    let q = load_str(&tie, "tie.toml").unwrap();
    let mut answers = Answers::new();
    answers.insert(1, Answer::Choice(1));
    answers.insert(2, Answer::Choice(0));
    let a = assess(&q, &answers);
    assert_eq!(a.leader, None);
    assert_eq!(a.basis, Basis::Split);
}
