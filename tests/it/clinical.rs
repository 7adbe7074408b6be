//! The clinical model of the default questionnaire (items.md v2, "Combinations"): every
//! combination rule and every evidence rule, firing and not firing at its edges (age bands, a
//! "recent" injury by duration, the knee-only injury signs ...), each through the real scripted
//! walk, plus the property that an unanswered optional item never changes the level by itself.

use std::sync::Arc;

use crate::common;

use kinscreen::answers;
use kinscreen::questionnaire::{self, Questionnaire};
use kinscreen::report::{self, Record};
use proptest::prelude::*;

/// A plain adult knee with nothing worrying: self-care, no rule fired.
const BASE: &[(&str, &str)] = &[
    ("red_flags_emergency", r#"["none"]"#),
    ("age_band", r#""18_to_54""#),
    ("risk_factors", r#"["none"]"#),
    ("red_flags_urgent", r#"["none"]"#),
    ("main_site", r#""knee""#),
    ("side", r#""right""#),
    ("other_areas", r#"["none"]"#),
    ("onset_mode", r#""gradual""#),
    ("duration", r#""under_2_weeks""#),
    ("course", r#""improving""#),
    ("pain_character", r#""sharp""#),
    ("pain_location", r#""one_spot""#),
    ("pain_spreads", r#""no""#),
    ("nerve_symptoms", r#"["none"]"#),
    ("severity", "3"),
    ("local_provocation", r#""yes""#),
    ("aggravating", r#"["stairs"]"#),
    ("easing", r#"["rest"]"#),
    ("back_link", r#""no""#),
    ("hip_signs", r#"["none"]"#),
    ("gait_changes", r#"["none"]"#),
    ("local_swelling", r#""no""#),
    ("prior_local_treatment", r#""none_tried""#),
    ("inflammatory_signs", r#"["none"]"#),
];

fn q() -> Arc<Questionnaire> {
    Arc::new(questionnaire::builtin().unwrap())
}

/// The base case with some answers changed (a value of "-" removes the answer), scored as
/// `kinscreen score` scores an answers file.
fn score_with(q: &Arc<Questionnaire>, changes: &[(&str, &str)]) -> Record {
    let mut lines: Vec<(String, String)> = BASE
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    for (k, v) in changes {
        lines.retain(|(key, _)| key != k);
        if *v != "-" {
            lines.push((k.to_string(), v.to_string()));
        }
    }
    let text: String = lines.iter().map(|(k, v)| format!("{k} = {v}\n")).collect();
    let file = answers::parse(&text, "case.toml").unwrap();
    let interview = answers::run(q.clone(), &file).unwrap_or_else(|e| panic!("{e}\n{text}"));
    report::record(&interview)
}

/// One expectation: with these changes, the rule fires or not, and the level is this.
struct Case {
    rule: &'static str,
    changes: &'static [(&'static str, &'static str)],
    fires: bool,
    triage: &'static str,
}

const fn fires(
    rule: &'static str,
    changes: &'static [(&'static str, &'static str)],
    triage: &'static str,
) -> Case {
    Case {
        rule,
        changes,
        fires: true,
        triage,
    }
}

const fn not(
    rule: &'static str,
    changes: &'static [(&'static str, &'static str)],
    triage: &'static str,
) -> Case {
    Case {
        rule,
        changes,
        fires: false,
        triage,
    }
}

const RECENT_INJURY: (&str, &str) = ("onset_mode", r#""injury""#);

const CASES: &[Case] = &[
    // The base itself.
    not("duration_two_weeks_or_more", &[], "self_care"),
    // Combinations that make it an emergency.
    fires(
        "septic_joint",
        &[
            (
                "red_flags_urgent",
                r#"["hot_red_swollen_joint", "fever_or_unwell"]"#,
            ),
            ("local_swelling", r#""yes""#),
        ],
        "emergency",
    ),
    fires(
        "septic_joint",
        &[
            ("red_flags_urgent", r#"["hot_red_swollen_joint"]"#),
            ("risk_factors", r#"["recent_joint_injection"]"#),
        ],
        "emergency",
    ),
    fires(
        "septic_joint",
        &[
            ("red_flags_urgent", r#"["hot_red_swollen_joint"]"#),
            ("risk_factors", r#"["weak_immune_system"]"#),
        ],
        "emergency",
    ),
    not(
        "septic_joint",
        &[("red_flags_urgent", r#"["hot_red_swollen_joint"]"#)],
        "urgent",
    ),
    not(
        "septic_joint",
        &[
            ("red_flags_urgent", r#"["hot_red_swollen_joint"]"#),
            ("risk_factors", r#"["diabetes"]"#),
        ],
        "urgent",
    ),
    fires(
        "foot_threat",
        &[
            ("main_site", r#""foot""#),
            (
                "red_flags_urgent",
                r#"["foot_wound_or_dark_toe", "rest_pain_eased_hanging_down"]"#,
            ),
        ],
        "emergency",
    ),
    fires(
        "foot_threat",
        &[
            ("main_site", r#""foot""#),
            ("risk_factors", r#"["diabetes"]"#),
            (
                "red_flags_urgent",
                r#"["foot_wound_or_dark_toe", "hot_red_swollen_joint"]"#,
            ),
        ],
        "emergency",
    ),
    not(
        "foot_threat",
        &[
            ("main_site", r#""foot""#),
            (
                "red_flags_urgent",
                r#"["foot_wound_or_dark_toe", "hot_red_swollen_joint"]"#,
            ),
        ],
        "urgent",
    ),
    fires(
        "child_fever_limp",
        &[
            ("age_band", r#""under_10""#),
            ("red_flags_urgent", r#"["fever_or_unwell"]"#),
            ("gait_changes", r#"["limp"]"#),
        ],
        "emergency",
    ),
    fires(
        "child_fever_limp",
        &[
            ("age_band", r#""10_to_17""#),
            (
                "red_flags_urgent",
                r#"["fever_or_unwell", "cannot_bear_weight"]"#,
            ),
        ],
        "emergency",
    ),
    not(
        "child_fever_limp",
        &[
            ("age_band", r#""18_to_54""#),
            ("red_flags_urgent", r#"["fever_or_unwell"]"#),
            ("gait_changes", r#"["limp"]"#),
        ],
        "urgent",
    ),
    fires(
        "deformity_after_injury",
        &[
            ("red_flags_urgent", r#"["bone_lump_or_deformity"]"#),
            RECENT_INJURY,
        ],
        "emergency",
    ),
    not(
        "deformity_after_injury",
        &[
            ("red_flags_urgent", r#"["bone_lump_or_deformity"]"#),
            RECENT_INJURY,
            ("duration", r#""2_to_6_weeks""#),
        ],
        "urgent",
    ),
    fires(
        "older_fall_cannot_stand",
        &[
            ("age_band", r#""65_or_over""#),
            ("red_flags_urgent", r#"["cannot_bear_weight"]"#),
            RECENT_INJURY,
        ],
        "emergency",
    ),
    fires(
        "older_fall_cannot_stand",
        &[
            ("age_band", r#""65_or_over""#),
            (
                "red_flags_urgent",
                r#"["cannot_bear_weight", "significant_trauma"]"#,
            ),
        ],
        "emergency",
    ),
    not(
        "older_fall_cannot_stand",
        &[
            ("age_band", r#""55_to_64""#),
            ("red_flags_urgent", r#"["cannot_bear_weight"]"#),
            RECENT_INJURY,
        ],
        "urgent",
    ),
    not(
        "older_fall_cannot_stand",
        &[
            ("age_band", r#""65_or_over""#),
            ("red_flags_urgent", r#"["cannot_bear_weight"]"#),
            RECENT_INJURY,
            ("duration", r#""2_to_6_weeks""#),
        ],
        "urgent",
    ),
    fires(
        "weakness_rapidly_worse",
        &[
            ("nerve_symptoms", r#"["weakness"]"#),
            ("weakness_onset", r#""last_6_weeks""#),
            ("course", r#""rapidly_worse""#),
            ("back_link", r#""yes""#),
        ],
        "emergency",
    ),
    not(
        "weakness_rapidly_worse",
        &[
            ("nerve_symptoms", r#"["weakness"]"#),
            ("weakness_onset", r#""last_6_weeks""#),
            ("course", r#""rapidly_worse""#),
        ],
        "urgent",
    ),
    fires(
        "ces_suspected",
        &[
            ("red_flags_urgent", r#"["both_legs"]"#),
            ("other_areas", r#"["lower_back"]"#),
            ("onset_order", r#""back_first""#),
        ],
        "emergency",
    ),
    fires(
        "ces_suspected",
        &[
            ("red_flags_urgent", r#"["both_legs"]"#),
            ("nerve_symptoms", r#"["weakness"]"#),
            ("weakness_onset", r#""last_6_weeks""#),
        ],
        "emergency",
    ),
    not(
        "ces_suspected",
        &[("red_flags_urgent", r#"["both_legs"]"#)],
        "urgent",
    ),
    fires(
        "spinal_infection",
        &[
            ("red_flags_urgent", r#"["fever_or_unwell"]"#),
            ("pain_spreads", r#""from_back_or_buttock""#),
            ("nerve_symptoms", r#"["numbness"]"#),
        ],
        "emergency",
    ),
    not(
        "spinal_infection",
        &[
            ("red_flags_urgent", r#"["fever_or_unwell"]"#),
            ("pain_spreads", r#""from_back_or_buttock""#),
        ],
        "urgent",
    ),
    // Combinations that mean "be seen today".
    fires(
        "weakness_new",
        &[
            ("nerve_symptoms", r#"["weakness"]"#),
            ("weakness_onset", r#""last_6_weeks""#),
        ],
        "urgent",
    ),
    fires(
        "weakness_new",
        &[
            ("nerve_symptoms", r#"["weakness"]"#),
            ("weakness_onset", r#""longer_ago""#),
            ("course", r#""slowly_worse""#),
        ],
        "urgent",
    ),
    not(
        "weakness_new",
        &[
            ("nerve_symptoms", r#"["weakness"]"#),
            ("weakness_onset", r#""longer_ago""#),
            ("course", r#""unchanged""#),
        ],
        "routine",
    ),
    fires(
        "young_hip",
        &[
            ("age_band", r#""under_10""#),
            ("hip_signs", r#"["limited_rotation"]"#),
        ],
        "urgent",
    ),
    fires(
        "young_hip",
        &[
            ("age_band", r#""10_to_17""#),
            ("gait_changes", r#"["limp"]"#),
        ],
        "urgent",
    ),
    fires(
        "young_hip",
        &[
            ("age_band", r#""10_to_17""#),
            ("main_site", r#""hip""#),
            ("course", r#""unchanged""#),
        ],
        "urgent",
    ),
    not(
        "young_hip",
        &[
            ("age_band", r#""10_to_17""#),
            ("main_site", r#""hip""#),
            ("course", r#""improving""#),
            ("gait_changes", r#"["none"]"#),
        ],
        "self_care",
    ),
    not(
        "young_hip",
        &[
            ("age_band", r#""10_to_17""#),
            ("main_site", r#""ankle""#),
            RECENT_INJURY,
            ("injury_signs", r#"["none"]"#),
            ("gait_changes", r#"["limp"]"#),
        ],
        "self_care",
    ),
    not(
        "young_hip",
        &[
            ("age_band", r#""18_to_54""#),
            ("hip_signs", r#"["limited_rotation"]"#),
        ],
        "self_care",
    ),
    fires(
        "older_fall_hip",
        &[
            ("age_band", r#""65_or_over""#),
            ("main_site", r#""hip""#),
            RECENT_INJURY,
            ("duration", r#""2_to_6_weeks""#),
        ],
        "urgent",
    ),
    not(
        "older_fall_hip",
        &[
            ("age_band", r#""65_or_over""#),
            ("main_site", r#""hip""#),
            RECENT_INJURY,
            ("duration", r#""6_weeks_to_3_months""#),
        ],
        "routine",
    ),
    fires(
        "knee_injury_55",
        &[
            ("age_band", r#""55_to_64""#),
            RECENT_INJURY,
            ("injury_signs", r#"["none"]"#),
        ],
        "urgent",
    ),
    not(
        "knee_injury_55",
        &[
            ("age_band", r#""18_to_54""#),
            RECENT_INJURY,
            ("injury_signs", r#"["none"]"#),
        ],
        "self_care",
    ),
    not(
        "knee_injury_55",
        &[
            ("age_band", r#""65_or_over""#),
            RECENT_INJURY,
            ("duration", r#""2_to_6_weeks""#),
        ],
        "routine",
    ),
    fires(
        "injury_fracture_signs",
        &[
            ("main_site", r#""ankle""#),
            RECENT_INJURY,
            ("injury_signs", r#"["bony_point_tender"]"#),
        ],
        "urgent",
    ),
    // The knee-only signs: urgent at the knee, nothing at the ankle (most sprains pop and swell).
    fires(
        "knee_injury_signs",
        &[
            RECENT_INJURY,
            ("injury_signs", r#"["snap_or_pop", "swelled_within_hours"]"#),
        ],
        "urgent",
    ),
    not(
        "knee_injury_signs",
        &[
            ("main_site", r#""ankle""#),
            RECENT_INJURY,
            (
                "injury_signs",
                r#"["snap_or_pop", "swelled_within_hours", "locks_or_gives_way"]"#,
            ),
        ],
        "self_care",
    ),
    fires(
        "swelling_on_thinners",
        &[
            ("main_site", r#""ankle""#),
            ("risk_factors", r#"["blood_thinners"]"#),
            RECENT_INJURY,
            ("injury_signs", r#"["swelled_within_hours"]"#),
        ],
        "urgent",
    ),
    fires(
        "bleed_on_thinners",
        &[
            ("risk_factors", r#"["blood_thinners"]"#),
            RECENT_INJURY,
            ("injury_signs", r#"["none"]"#),
            ("local_swelling", r#""yes""#),
        ],
        "urgent",
    ),
    not(
        "bleed_on_thinners",
        &[
            ("risk_factors", r#"["blood_thinners"]"#),
            ("local_swelling", r#""yes""#),
        ],
        "self_care",
    ),
    fires(
        "charcot_foot",
        &[
            ("main_site", r#""foot""#),
            ("risk_factors", r#"["diabetes"]"#),
            ("local_swelling", r#""yes""#),
        ],
        "urgent",
    ),
    not(
        "charcot_foot",
        &[
            ("main_site", r#""foot""#),
            ("side", r#""both""#),
            ("risk_factors", r#"["diabetes"]"#),
            ("local_swelling", r#""yes""#),
        ],
        "self_care",
    ),
    fires(
        "replaced_joint_worse",
        &[
            ("risk_factors", r#"["joint_replacement"]"#),
            ("aggravating", r#"["night_rest"]"#),
        ],
        "urgent",
    ),
    not(
        "replaced_joint_worse",
        &[("risk_factors", r#"["joint_replacement"]"#)],
        "routine",
    ),
    fires(
        "clot_risk_swelling",
        &[
            ("main_site", r#""ankle""#),
            ("risk_factors", r#"["pregnant_or_recent_birth"]"#),
            ("local_swelling", r#""yes""#),
        ],
        "urgent",
    ),
    fires(
        "clot_risk_swelling",
        &[
            ("other_areas", r#"["calf_shin"]"#),
            ("onset_order", r#""this_first""#),
            ("risk_factors", r#"["recent_surgery_or_immobility"]"#),
            ("local_swelling", r#""yes""#),
        ],
        "urgent",
    ),
    not(
        "clot_risk_swelling",
        &[
            ("main_site", r#""ankle""#),
            ("side", r#""both""#),
            ("risk_factors", r#"["pregnant_or_recent_birth"]"#),
            ("local_swelling", r#""yes""#),
        ],
        "self_care",
    ),
    fires(
        "bone_stress_hip",
        &[
            ("main_site", r#""hip""#),
            ("onset_mode", r#""activity_change""#),
            ("aggravating", r#"["running", "hopping"]"#),
        ],
        "urgent",
    ),
    not(
        "bone_stress_hip",
        &[
            ("main_site", r#""hip""#),
            ("onset_mode", r#""activity_change""#),
            ("aggravating", r#"["running"]"#),
        ],
        "self_care",
    ),
    fires(
        "inflammatory_arthritis",
        &[(
            "inflammatory_signs",
            r#"["morning_stiffness_over_30_min", "several_joints_swollen"]"#,
        )],
        "urgent",
    ),
    not(
        "inflammatory_arthritis",
        &[("inflammatory_signs", r#"["morning_stiffness_over_30_min"]"#)],
        "self_care",
    ),
    fires(
        "cannot_bear_weight_after_injury",
        &[
            ("red_flags_urgent", r#"["cannot_bear_weight"]"#),
            RECENT_INJURY,
        ],
        "urgent",
    ),
    // Book an assessment.
    fires(
        "inflammatory_back",
        &[
            ("other_areas", r#"["lower_back"]"#),
            ("onset_order", r#""back_first""#),
            ("aggravating", r#"["night_rest"]"#),
            ("inflammatory_signs", r#"["morning_stiffness_over_30_min"]"#),
        ],
        "routine",
    ),
    not(
        "inflammatory_back",
        &[
            ("aggravating", r#"["night_rest"]"#),
            ("inflammatory_signs", r#"["morning_stiffness_over_30_min"]"#),
        ],
        "self_care",
    ),
    fires(
        "diabetic_feet",
        &[
            ("main_site", r#""foot""#),
            ("side", r#""both""#),
            ("risk_factors", r#"["diabetes"]"#),
            ("nerve_symptoms", r#"["numbness"]"#),
        ],
        "routine",
    ),
    not(
        "diabetic_feet",
        &[
            ("main_site", r#""foot""#),
            ("side", r#""both""#),
            ("risk_factors", r#"["diabetes"]"#),
            ("nerve_symptoms", r#"["numbness"]"#),
            ("back_link", r#""yes""#),
        ],
        "self_care",
    ),
    fires(
        "claudication",
        &[
            ("aggravating", r#"["walking"]"#),
            ("walking_pattern", r#""eases_standing_still""#),
        ],
        "routine",
    ),
    not(
        "claudication",
        &[
            ("aggravating", r#"["walking"]"#),
            ("walking_pattern", r#""eases_sitting_or_bending""#),
        ],
        "self_care",
    ),
    // Over-triage guards: an old, healed injury is not a recent one.
    not(
        "deformity_after_injury",
        &[
            RECENT_INJURY,
            ("duration", r#""over_3_months""#),
            ("age_band", r#""65_or_over""#),
        ],
        "routine",
    ),
];

#[test]
fn every_combination_rule_fires_at_its_edges_and_not_beyond() {
    let q = q();
    let rule_ids: Vec<&str> = q.rules.iter().map(|r| r.id.as_str()).collect();
    for case in CASES {
        assert!(rule_ids.contains(&case.rule), "no rule `{}`", case.rule);
        let r = score_with(&q, case.changes);
        assert_eq!(
            r.rules_fired.iter().any(|f| f == case.rule),
            case.fires,
            "`{}` with {:?}: fired {:?}",
            case.rule,
            case.changes,
            r.rules_fired
        );
        assert_eq!(
            r.triage, case.triage,
            "`{}` with {:?}: fired {:?}",
            case.rule, case.changes, r.rules_fired
        );
    }
}

#[test]
fn set_aside_rules_report_the_undecided_class_and_say_why() {
    let q = q();
    let r = score_with(
        &q,
        &[
            ("main_site", r#""ankle""#),
            RECENT_INJURY,
            ("injury_signs", r#"["bony_point_tender"]"#),
        ],
    );
    assert_eq!(r.classification, "unclear");
    assert_eq!(r.basis, "set_aside");
    assert_eq!(r.set_aside, ["injury_fracture_signs"]);
    assert!(r.safety_net.is_empty(), "no safety net at urgent");
    // The nerve red flags are referred pain at its most serious: not set aside.
    let r = score_with(
        &q,
        &[
            (
                "red_flags_emergency",
                r#"["saddle_numbness_or_bladder_bowel"]"#,
            ),
            ("pain_character", r#""burning_electric""#),
            ("pain_spreads", r#""from_back_or_buttock""#),
            ("nerve_symptoms", r#"["numbness"]"#),
            ("local_provocation", r#""no""#),
            ("back_link", r#""yes""#),
        ],
    );
    assert_eq!(r.triage, "emergency");
    assert!(r.set_aside.is_empty());
    assert_eq!(r.classification, "referred_pain");
}

/// Answers changed from the base case.
type Changes = &'static [(&'static str, &'static str)];

/// (evidence rule, changes that make it count, changes at its edge that do not)
const EVIDENCE: &[(&str, Changes, Changes)] = &[
    (
        "hip_refers_to_knee",
        &[
            ("hip_signs", r#"["hip_stiffness"]"#),
            ("local_provocation", r#""no""#),
        ],
        &[
            ("hip_signs", r#"["clicking_catching"]"#),
            ("local_provocation", r#""no""#),
        ],
    ),
    (
        "quiet_site_with_source",
        &[
            ("other_areas", r#"["hip"]"#),
            ("onset_order", r#""other_joint_first""#),
            ("local_provocation", r#""no""#),
            ("pain_location", r#""broad_area""#),
        ],
        &[
            ("other_areas", r#"["hip"]"#),
            ("onset_order", r#""same_time""#),
            ("local_provocation", r#""no""#),
            ("pain_location", r#""broad_area""#),
        ],
    ),
    (
        "chain_overload",
        &[("gait_changes", r#"["hip_drops", "knee_collapses_in"]"#)],
        &[("gait_changes", r#"["knee_collapses_in"]"#)],
    ),
    (
        "chain_overload",
        &[
            ("other_areas", r#"["hip"]"#),
            ("onset_order", r#""other_joint_first""#),
            ("gait_changes", r#"["limp"]"#),
        ],
        &[
            ("other_areas", r#"["hip"]"#),
            ("onset_order", r#""other_joint_first""#),
            ("gait_changes", r#"["limp"]"#),
            ("local_provocation", r#""unsure""#),
        ],
    ),
    (
        "kneecap_pattern",
        &[("aggravating", r#"["sitting", "stairs"]"#)],
        &[
            ("aggravating", r#"["sitting", "stairs"]"#),
            ("local_provocation", r#""no""#),
        ],
    ),
    (
        "loaded_site",
        &[],
        &[("nerve_symptoms", r#"["pins_and_needles"]"#)],
    ),
    (
        "local_nerve_squeeze",
        &[
            ("main_site", r#""foot""#),
            ("nerve_symptoms", r#"["numbness"]"#),
            ("easing", r#"["barefoot"]"#),
        ],
        &[
            ("main_site", r#""foot""#),
            ("nerve_symptoms", r#"["numbness"]"#),
            ("easing", r#"["barefoot"]"#),
            ("back_link", r#""yes""#),
        ],
    ),
    (
        "outer_hip_load",
        &[
            ("main_site", r#""hip""#),
            ("aggravating", r#"["lying_on_side"]"#),
        ],
        &[
            ("main_site", r#""hip""#),
            ("aggravating", r#"["lying_on_side"]"#),
            ("local_provocation", r#""no""#),
        ],
    ),
];

#[test]
fn every_evidence_rule_counts_at_its_edges_and_not_beyond() {
    let q = q();
    let counted = |r: &Record, id: &str| r.evidence.iter().any(|e| e.rule.as_deref() == Some(id));
    for id in q.evidence.iter().map(|e| e.id.as_str()) {
        assert!(
            EVIDENCE.iter().any(|(e, _, _)| *e == id),
            "evidence rule `{id}` has no test"
        );
    }
    for (id, yes, no) in EVIDENCE {
        let r = score_with(&q, yes);
        assert!(counted(&r, id), "`{id}` with {yes:?}: {:?}", r.evidence);
        let r = score_with(&q, no);
        assert!(!counted(&r, id), "`{id}` with {no:?}");
    }
}

#[test]
fn weights_that_depend_on_the_site_count_only_when_it_fits() {
    let q = q();
    let dull = |r: &Record| {
        r.evidence
            .iter()
            .any(|e| e.answer.as_deref() == Some("dull_ache"))
    };
    let quiet = score_with(
        &q,
        &[
            ("pain_character", r#""dull_ache""#),
            ("local_provocation", r#""no""#),
        ],
    );
    assert!(
        dull(&quiet),
        "a deep ache at a quiet place points to referral"
    );
    let tender = score_with(&q, &[("pain_character", r#""dull_ache""#)]);
    assert!(
        !dull(&tender),
        "a deep ache at a tender place is its own pain"
    );
    // Loading activities are neutral when the site is quiet.
    let loading = |r: &Record| {
        r.evidence
            .iter()
            .any(|e| e.question.as_deref() == Some("aggravating"))
    };
    assert!(loading(&score_with(&q, &[])));
    assert!(!loading(&score_with(
        &q,
        &[("local_provocation", r#""no""#)]
    )));
}

#[test]
fn the_mechanical_result_names_the_link_it_found_or_says_there_was_none() {
    let q = q();
    let plain = score_with(&q, &[]);
    assert_eq!(plain.classification, "mechanical_compensation");
    assert!(
        plain.notes.iter().any(|n| n.contains("No link elsewhere")),
        "{:?}",
        plain.notes
    );
    let linked = score_with(
        &q,
        &[("gait_changes", r#"["hip_drops", "knee_collapses_in"]"#)],
    );
    assert!(linked.notes.iter().any(|n| n.contains("way you walk")));
    assert!(!linked.notes.iter().any(|n| n.contains("No link elsewhere")));
}

#[test]
fn each_level_says_what_to_do_and_only_the_lower_ones_close_with_a_safety_net() {
    let q = q();
    for (changes, level) in [
        (&[][..], "self_care"),
        (&[("duration", r#""2_to_6_weeks""#)][..], "routine"),
        (&[("course", r#""rapidly_worse""#)][..], "urgent"),
        (
            &[("red_flags_emergency", r#"["cold_pale_leg"]"#)][..],
            "emergency",
        ),
    ] {
        let r = score_with(&q, changes);
        assert_eq!(r.triage, level);
        assert!(!r.next_steps.is_empty(), "{level}");
        let lower = matches!(level, "self_care" | "routine");
        assert_eq!(!r.safety_net.is_empty(), lower, "{level}");
        let text: String = r.next_steps.iter().map(|s| s.text.as_str()).collect();
        if !lower {
            assert!(
                !text.contains("diary") && !text.contains("Ease off"),
                "{text}"
            );
        }
    }
    let r = score_with(&q, &[("red_flags_emergency", r#"["cold_pale_leg"]"#)]);
    assert!(
        r.next_steps[0].text.contains("local emergency number"),
        "{:?}",
        r.next_steps
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Leaving one optional item unanswered never raises or lowers the level on its own: with
    /// the base answers (nothing worrying in them), the level stays what it was.
    #[test]
    fn an_unanswered_optional_item_never_changes_the_level_by_itself(
        which in 0..common::ADDED_IN_V2.len(),
        site in prop::sample::select(vec!["hip", "knee", "ankle", "foot"]),
        duration in prop::sample::select(vec!["under_2_weeks", "2_to_6_weeks", "over_3_months"]),
    ) {
        let q = q();
        let site = format!("\"{site}\"");
        let duration = format!("\"{duration}\"");
        let answered: Vec<(&str, &str)> = vec![("main_site", &site), ("duration", &duration)];
        let with = score_with(&q, &answered);
        let mut without = answered.clone();
        without.push((common::ADDED_IN_V2[which], "-"));
        let without = score_with(&q, &without);
        prop_assert_eq!(with.triage, without.triage);
    }
}
