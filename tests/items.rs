//! The item dictionary (shared/clinical/items.md) is a contract: answers files, practice cases
//! and the vignettes use these question and option ids. The default questionnaire must have
//! every one of them, with the same type and exactly these options.

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
        if !ITEMS.iter().any(|(id, _, _)| *id == question.id) {
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
