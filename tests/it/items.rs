//! The item dictionary (shared/clinical/items.md) is a contract: answers files, practice cases
//! and the vignettes use these question and option ids. The default questionnaire must have
//! every one of them, with the same type and exactly these options (version 2 of the
//! dictionary).

use crate::common;

use kinscreen::questionnaire::{self, Kind};

/// (question id, type, option ids) as the item dictionary lists them.
const ITEMS: &[(&str, &str, &[&str])] = &[
    ("main_site", "single", &["hip", "knee", "ankle", "foot"]),
    ("side", "single", &["left", "right", "both"]),
    (
        "other_areas",
        "multi",
        &[
            "lower_back",
            "buttock",
            "groin",
            "hip",
            "thigh",
            "knee",
            "calf_shin",
            "ankle",
            "foot",
            "none",
        ],
    ),
    (
        "onset_order",
        "single",
        &[
            "other_joint_first",
            "back_first",
            "this_first",
            "same_time",
            "unsure",
        ],
    ),
    (
        "onset_mode",
        "single",
        &["injury", "sudden", "gradual", "activity_change"],
    ),
    (
        "duration",
        "single",
        &[
            "under_2_weeks",
            "2_to_6_weeks",
            "6_weeks_to_3_months",
            "over_3_months",
        ],
    ),
    (
        "course",
        "single",
        &["improving", "unchanged", "slowly_worse", "rapidly_worse"],
    ),
    (
        "pain_character",
        "single",
        &["sharp", "dull_ache", "burning_electric", "throbbing"],
    ),
    ("pain_location", "single", &["one_spot", "broad_area"]),
    (
        "pain_spreads",
        "single",
        &["no", "along_leg", "from_back_or_buttock"],
    ),
    (
        "nerve_symptoms",
        "multi",
        &[
            "pins_and_needles",
            "numbness",
            "falling_asleep",
            "weakness",
            "none",
        ],
    ),
    ("severity", "scale", &[]),
    ("local_provocation", "single", &["yes", "no", "unsure"]),
    (
        "aggravating",
        "multi",
        &[
            "walking",
            "running",
            "stairs",
            "standing",
            "squatting",
            "sitting",
            "bending_forward",
            "coughing_sneezing",
            "night_rest",
            "footwear",
            "lying_on_side",
            "hopping",
            "none",
        ],
    ),
    (
        "easing",
        "multi",
        &[
            "rest",
            "barefoot",
            "changing_shoes",
            "hip_stretch_or_posture",
            "back_posture",
            "nothing",
        ],
    ),
    ("back_link", "single", &["yes", "no", "unsure"]),
    (
        "hip_signs",
        "multi",
        &[
            "groin_pain",
            "hip_stiffness",
            "clicking_catching",
            "limited_rotation",
            "none",
        ],
    ),
    (
        "gait_changes",
        "multi",
        &[
            "limp",
            "hip_drops",
            "knee_collapses_in",
            "foot_rolls_in",
            "leg_turns_out",
            "shorter_stride",
            "none",
        ],
    ),
    ("local_swelling", "single", &["yes", "no"]),
    (
        "prior_local_treatment",
        "single",
        &["helped", "did_not_help", "none_tried"],
    ),
    (
        "red_flags_emergency",
        "multi",
        &[
            "saddle_numbness_or_bladder_bowel",
            "calf_swelling_warmth",
            "progressive_weakness",
            "cold_pale_leg",
            "breathless_or_chest_pain",
            "tight_swelling_severe_pain",
            "sudden_testicle_pain",
            "very_unwell",
            "none",
        ],
    ),
    (
        "red_flags_urgent",
        "multi",
        &[
            "fever_or_unwell",
            "hot_red_swollen_joint",
            "cannot_bear_weight",
            "significant_trauma",
            "cancer_history_or_weight_loss",
            "night_pain_unrelenting",
            "both_legs",
            "bone_lump_or_deformity",
            "foot_wound_or_dark_toe",
            "rest_pain_eased_hanging_down",
            "none",
        ],
    ),
    // Version 2: added items, optional so that older answers files keep working.
    (
        "age_band",
        "single",
        &["under_10", "10_to_17", "18_to_54", "55_to_64", "65_or_over"],
    ),
    (
        "risk_factors",
        "multi",
        &[
            "pregnant_or_recent_birth",
            "recent_surgery_or_immobility",
            "previous_clot",
            "blood_thinners",
            "diabetes",
            "weak_immune_system",
            "joint_replacement",
            "recent_joint_injection",
            "inflammatory_arthritis_or_gout",
            "none",
        ],
    ),
    (
        "injury_signs",
        "multi",
        &[
            "snap_or_pop",
            "swelled_within_hours",
            "locks_or_gives_way",
            "bony_point_tender",
            "cannot_rise_on_tiptoe",
            "cannot_bend_knee",
            "none",
        ],
    ),
    ("weakness_onset", "single", &["last_6_weeks", "longer_ago"]),
    (
        "walking_pattern",
        "single",
        &[
            "eases_standing_still",
            "eases_sitting_or_bending",
            "eases_with_rest",
            "not_sure",
        ],
    ),
    (
        "inflammatory_signs",
        "multi",
        &[
            "morning_stiffness_over_30_min",
            "several_joints_swollen",
            "none",
        ],
    ),
];

#[test]
fn default_questionnaire_has_every_item_with_its_exact_options() {
    let q = questionnaire::builtin().unwrap();
    for (id, kind, options) in ITEMS {
        let qi = q
            .question_index(id)
            .unwrap_or_else(|| panic!("item `{id}` is missing"));
        let question = &q.questions[qi];
        let actual = match (&question.kind, *kind) {
            (Kind::Single { .. }, "single") | (Kind::Multi { .. }, "multi") => {
                question.option_ids()
            }
            (
                Kind::Scale {
                    min: 0, max: 10, ..
                },
                "scale",
            ) => vec![],
            (other, _) => panic!("item `{id}` should be {kind}, is {}", other.name()),
        };
        assert_eq!(&actual, options, "options of `{id}`");
        assert!(question.why.is_some(), "`{id}` has no why-we-ask line");
    }
}

#[test]
fn items_added_beyond_the_dictionary_are_optional() {
    let q = questionnaire::builtin().unwrap();
    for question in &q.questions {
        let added = common::ADDED_IN_V2.contains(&question.id.as_str())
            || !ITEMS.iter().any(|(id, _, _)| *id == question.id);
        if added {
            assert!(
                !question.required,
                "added item `{}` must be optional",
                question.id
            );
        }
    }
}

#[test]
fn the_emergency_check_comes_first() {
    let q = questionnaire::builtin().unwrap();
    assert_eq!(q.questions[0].id, "red_flags_emergency");
    assert!(q.questions[0].ask_when.is_none());
}

#[test]
fn about_you_comes_after_the_emergency_check_and_before_the_24_hour_check() {
    let q = questionnaire::builtin().unwrap();
    let at = |id: &str| q.question_index(id).unwrap();
    assert_eq!(at("age_band"), 1);
    assert_eq!(at("risk_factors"), 2);
    assert_eq!(at("red_flags_urgent"), 3);
}
