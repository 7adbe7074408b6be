use std::sync::Arc;

use super::*;

/// The built-in marking scheme.
fn marking() -> Marking {
    Marking::builtin().unwrap()
}

fn station(name: &str) -> Station {
    let q = Arc::new(crate::questionnaire::builtin().unwrap());
    let (_, src) = BUILT_IN
        .iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no built-in case {name}"));
    Station::load(&q, src, name).unwrap()
}

fn q_of(s: &Station) -> Arc<Questionnaire> {
    s.questionnaire().clone()
}

fn item(s: &Station, id: &str) -> QIdx {
    s.questionnaire().question_index(id).unwrap()
}

fn class(s: &Station, id: &str) -> CIdx {
    s.questionnaire().class_index(id).unwrap()
}

fn level(s: &Station, id: &str) -> TIdx {
    s.questionnaire().triage_index(id).unwrap()
}

/// Asks these items in order.
fn asking(s: &Station, ids: &[&str]) -> Attempt {
    let mut a = Attempt::new();
    for id in ids {
        assert!(a.ask(item(s, id)), "{id} asked twice");
    }
    a
}

/// Red flags first, then every essential item in questionnaire order: what a good student
/// does.
fn model_attempt(s: &Station) -> Attempt {
    let mut a = Attempt::new();
    let mut essential = s.essential.clone();
    essential.sort();
    for i in s.critical.iter().chain(&essential) {
        a.ask(*i);
    }
    a
}

/// Every item, in list order: the "shotgun" history.
fn shotgun(s: &Station) -> Attempt {
    let mut a = Attempt::new();
    for i in 0..s.questionnaire().questions.len() {
        a.ask(i);
    }
    a
}

/// The key's answer, with findings that support it.
fn right_answer(s: &Station, findings: &[&str]) -> Hypothesis {
    Hypothesis {
        class: s.classes[0],
        triage: s.triage,
        findings: findings.iter().map(|f| item(s, f)).collect(),
    }
}

fn points(g: &Grade, part: &str) -> u32 {
    g.parts.iter().find(|p| p.name == part).unwrap().points
}

#[test]
fn the_scheme_adds_up_to_100() {
    assert_eq!(marking().scheme.max(), 100);
    let parts: u32 = grade(
        &marking(),
        &station("hip-to-knee-mechanical.toml"),
        &Attempt::new(),
        &Hypothesis {
            class: CIdx(0),
            triage: TIdx(0),
            findings: vec![],
        },
    )
    .parts
    .iter()
    .map(|p| p.max)
    .sum();
    assert_eq!(parts, 100);
}

#[test]
fn a_complete_focused_history_with_the_right_answer_scores_full_marks() {
    let s = station("hip-to-knee-mechanical.toml");
    let a = model_attempt(&s);
    let g = grade(
        &marking(),
        &s,
        &a,
        &right_answer(&s, &["gait_changes", "onset_mode"]),
    );
    assert!(g.critical_errors.is_empty());
    assert!(g.essential_missed.is_empty());
    assert!(g.added_nothing.is_empty(), "{:?}", g.added_nothing);
    assert_eq!(g.findings.iter().filter(|(_, ok)| *ok).count(), 2);
    assert_eq!(g.total, 100);
    assert!(g.passed);
}

#[test]
fn missing_one_red_flag_screen_fails_the_station_whatever_else_was_right() {
    let s = station("hip-to-knee-mechanical.toml");
    let mut a = Attempt::new();
    a.ask(item(&s, "red_flags_emergency"));
    for i in &s.essential {
        a.ask(*i);
    }
    let g = grade(&marking(), &s, &a, &right_answer(&s, &["gait_changes"]));
    assert_eq!(
        g.critical_errors,
        vec![CriticalError::MissedScreening(item(&s, "red_flags_urgent"))]
    );
    assert!(!g.passed);
    assert_eq!(
        g.total,
        marking().scheme.critical_cap,
        "the points are capped"
    );
    // Without the cap it would have passed easily: the rule, not the points, fails it.
    let sum: u32 = g.parts.iter().map(|p| p.points).sum();
    assert!(sum > marking().scheme.pass_mark, "{sum}");
    assert_eq!(
        points(&g, "Critical items"),
        marking::pro_rata(marking().scheme.critical, 1, 2)
    );
}

#[test]
fn no_red_flag_screen_at_all_is_two_critical_errors() {
    let s = station("calf-swelling-emergency.toml");
    let a = asking(&s, &["onset_mode", "local_swelling", "other_areas"]);
    let h = right_answer(&s, &[]);
    let g = grade(&marking(), &s, &a, &h);
    assert_eq!(g.critical_errors.len(), 2);
    assert_eq!(points(&g, "Critical items"), 0);
    assert!(!g.passed);
}

#[test]
fn calling_a_red_flag_case_less_urgent_is_a_critical_error() {
    let s = station("calf-swelling-emergency.toml");
    let a = model_attempt(&s);
    let mut h = right_answer(&s, &["red_flags_emergency"]);
    h.triage = level(&s, "urgent");
    let g = grade(&marking(), &s, &a, &h);
    assert_eq!(g.triage_call, TriageCall::Under(1));
    assert_eq!(
        g.critical_errors,
        vec![CriticalError::UnderTriaged {
            said: level(&s, "urgent"),
            needed: level(&s, "emergency")
        }]
    );
    assert!(!g.passed);
    assert!(
        g.critical_errors[0]
            .describe(&marking(), &q_of(&s))
            .contains("under-triaged")
    );
}

#[test]
fn under_triage_without_red_flags_costs_points_but_does_not_fail() {
    let s = station("hip-to-knee-mechanical.toml");
    let a = model_attempt(&s);
    let mut h = right_answer(&s, &["gait_changes"]);
    h.triage = level(&s, "self_care");
    let g = grade(&marking(), &s, &a, &h);
    assert_eq!(g.triage_call, TriageCall::Under(1));
    assert!(g.critical_errors.is_empty());
    assert_eq!(
        points(&g, "Accuracy"),
        marking().scheme.picture + marking().scheme.findings
    );
    assert!(g.passed);
}

#[test]
fn one_level_too_cautious_earns_part_of_the_triage_points() {
    let s = station("hip-to-knee-mechanical.toml");
    let a = model_attempt(&s);
    let mut h = right_answer(&s, &[]);
    h.triage = level(&s, "urgent");
    let g = grade(&marking(), &s, &a, &h);
    assert_eq!(g.triage_call, TriageCall::Over(1));
    assert_eq!(
        points(&g, "Accuracy"),
        marking().scheme.picture + marking().scheme.triage_one_over
    );
    h.triage = level(&s, "emergency");
    let g = grade(&marking(), &s, &a, &h);
    assert_eq!(g.triage_call, TriageCall::Over(2));
    assert_eq!(points(&g, "Accuracy"), marking().scheme.picture);
}

#[test]
fn the_wrong_picture_loses_the_classification_points() {
    let s = station("hip-to-knee-mechanical.toml");
    let a = model_attempt(&s);
    let mut h = right_answer(&s, &[]);
    h.class = class(&s, "referred_pain");
    let g = grade(&marking(), &s, &a, &h);
    assert!(!g.class_correct);
    assert_eq!(points(&g, "Accuracy"), marking().scheme.triage);
    assert_eq!(
        g.total,
        100 - marking().scheme.picture - marking().scheme.findings
    );
}

#[test]
fn any_accepted_classification_counts() {
    // A key may accept more than one picture (here the mixed knee also accepts referral).
    let q = Arc::new(crate::questionnaire::builtin().unwrap());
    let (_, src) = BUILT_IN
        .iter()
        .find(|(n, _)| *n == "mixed-knee.toml")
        .unwrap();
    let src = src.replace(
        "classification = \"unclear\"",
        "classification = [\"unclear\", \"referred_pain\"]",
    );
    let s = Station::load(&q, &src, "mixed-knee.toml").unwrap();
    let a = model_attempt(&s);
    for c in ["unclear", "referred_pain"] {
        let mut h = right_answer(&s, &[]);
        h.class = class(&s, c);
        assert!(grade(&marking(), &s, &a, &h).class_correct, "{c}");
    }
    let mut h = right_answer(&s, &[]);
    h.class = class(&s, "mechanical_compensation");
    assert!(!grade(&marking(), &s, &a, &h).class_correct);
}

#[test]
fn red_flags_screened_late_lose_global_rating_points() {
    let s = station("hip-to-knee-mechanical.toml");
    let mut a = Attempt::new();
    for i in &s.essential {
        a.ask(*i);
    }
    for i in &s.critical {
        a.ask(*i);
    }
    let g = grade(&marking(), &s, &a, &right_answer(&s, &[]));
    assert!(g.critical_errors.is_empty());
    assert!(g.critical_asked.iter().all(|(_, _, early)| !early));
    assert!(g.global[2].contains("0 of 2"), "{:?}", g.global);
    // Two questions before the screen is still early (the slack).
    let mut a = asking(&s, &["main_site", "onset_mode"]);
    for i in s.critical.iter().chain(&s.essential) {
        a.ask(*i);
    }
    let g = grade(&marking(), &s, &a, &right_answer(&s, &[]));
    assert!(g.critical_asked.iter().all(|(_, _, early)| *early));
    assert!(g.global[2].contains("2 of 2"), "{:?}", g.global);
}

#[test]
fn questions_that_added_nothing_cost_focus_points() {
    let s = station("hip-to-knee-mechanical.toml");
    let mut a = model_attempt(&s);
    // In this case "which side" and "how bad" carry no evidence and change nothing.
    for id in ["side", "severity"] {
        a.ask(item(&s, id));
    }
    let g = grade(&marking(), &s, &a, &right_answer(&s, &[]));
    assert_eq!(
        g.added_nothing,
        vec![item(&s, "side"), item(&s, "severity")]
    );
    let m = marking().scheme;
    assert_eq!(points(&g, "Focus"), m.focus - 2 * m.focus_step);
    // A typed question that asks nothing costs the same.
    let mut a = model_attempt(&s);
    a.put(Some("Do you smoke?"), &[]);
    let g = grade(&marking(), &s, &a, &right_answer(&s, &[]));
    assert_eq!(g.unclear, 1);
    assert_eq!(points(&g, "Focus"), m.focus - m.focus_step);
    // Asking where it hurts is never wasted: other questions depend on it.
    let mut a = model_attempt(&s);
    a.ask(item(&s, "main_site"));
    assert!(
        grade(&marking(), &s, &a, &right_answer(&s, &[]))
            .added_nothing
            .is_empty()
    );
}

#[test]
fn asking_everything_is_broad_but_unfocused() {
    let s = station("hip-to-knee-mechanical.toml");
    let g = grade(&marking(), &s, &shotgun(&s), &right_answer(&s, &[]));
    assert_eq!(points(&g, "Breadth"), marking().scheme.breadth);
    assert!(g.added_nothing.len() >= 2, "{:?}", g.added_nothing);
    assert!(points(&g, "Focus") < marking().scheme.focus);
}

#[test]
fn in_every_case_a_focused_history_beats_asking_everything_by_15_and_shotgun_is_not_top_band() {
    let m = marking();
    let top = m.bands[0].from;
    for (name, _) in BUILT_IN {
        let s = station(name);
        let h = right_answer(&s, &[]);
        let focused = grade(&m, &s, &model_attempt(&s), &h);
        let everything = grade(&m, &s, &shotgun(&s), &h);
        assert!(focused.critical_errors.is_empty(), "{name}");
        assert!(
            focused.total >= everything.total + 15,
            "{name}: focused {} against everything {}",
            focused.total,
            everything.total
        );
        assert!(
            everything.total < top,
            "{name}: shotgun {} reaches the top band",
            everything.total
        );
        assert_eq!(focused.band, m.bands[0].name, "{name}: {}", focused.total);
    }
}

#[test]
fn routine_items_are_never_marked_as_adding_nothing() {
    for (name, _) in BUILT_IN {
        let s = station(name);
        assert!(!s.routine.is_empty(), "{name} names no routine items");
        let g = grade(&marking(), &s, &shotgun(&s), &right_answer(&s, &[]));
        for r in &s.routine {
            assert!(
                !g.added_nothing.contains(r),
                "{name}: {}",
                s.questionnaire().questions[*r].id
            );
        }
    }
}

#[test]
fn red_flags_asked_one_sign_at_a_time_count_when_every_sign_was_asked() {
    let s = station("calf-swelling-emergency.toml");
    let q = q_of(&s);
    let emergency = item(&s, "red_flags_emergency");
    let signs = q.signs(emergency);
    assert!(signs.len() >= 5);
    // These signs one at a time, then the urgent screen whole.
    let screen = |signs: &[OIdx]| {
        let mut a = Attempt::new();
        for o in signs {
            let sign = Target {
                item: emergency,
                option: Some(*o),
            };
            a.put(Some("a sign"), &[sign]);
        }
        a.ask(item(&s, "red_flags_urgent"));
        a
    };
    let a = screen(&signs[1..]);
    let g = grade(&marking(), &s, &a, &right_answer(&s, &[]));
    assert_eq!(
        g.critical_errors,
        vec![CriticalError::SignsNotAsked(emergency, vec![signs[0]])]
    );
    assert!(!g.passed);
    // The last sign completes the screen.
    let a = screen(&signs);
    let g = grade(&marking(), &s, &a, &right_answer(&s, &[]));
    assert!(g.critical_errors.is_empty(), "{:?}", g.critical_errors);
}

#[test]
fn the_global_rating_reads_the_order_of_the_attempt() {
    let s = station("hip-to-knee-mechanical.toml");
    let g = grade(&marking(), &s, &model_attempt(&s), &right_answer(&s, &[]));
    assert_eq!(points(&g, "Global rating"), marking().scheme.global());
    assert!(
        g.global[0].contains("one topic at a time"),
        "{:?}",
        g.global
    );
    // Back and forth between topics costs organisation points.
    let a = asking(
        &s,
        &[
            "red_flags_emergency",
            "red_flags_urgent",
            "main_site",
            "onset_mode",
            "other_areas",
            "duration",
            "side",
        ],
    );
    let g = grade(&marking(), &s, &a, &right_answer(&s, &[]));
    assert!(g.global[0].contains("3 time(s)"), "{:?}", g.global);
    assert!(points(&g, "Global rating") < marking().scheme.global());
}

#[test]
fn breadth_is_pro_rata_of_the_essential_items() {
    let s = station("hip-to-knee-mechanical.toml");
    let n = s.essential.len();
    let mut a = Attempt::new();
    for i in s.critical.iter().chain(&s.essential[..n - 2]) {
        a.ask(*i);
    }
    let g = grade(&marking(), &s, &a, &right_answer(&s, &[]));
    assert_eq!(g.essential_missed, s.essential[n - 2..].to_vec());
    assert_eq!(
        points(&g, "Breadth"),
        pro(marking().scheme.breadth, n - 2, n)
    );
}

fn pro(max: u32, k: usize, n: usize) -> u32 {
    (f64::from(max) * k as f64 / n as f64).round() as u32
}

#[test]
fn findings_that_point_the_other_way_do_not_count() {
    let s = station("hip-to-knee-referred.toml");
    let a = model_attempt(&s);
    let h = right_answer(&s, &["hip_signs", "pain_location"]);
    let g = grade(&marking(), &s, &a, &h);
    assert!(g.findings.iter().all(|(_, ok)| *ok), "{:?}", g.findings);
    assert_eq!(points(&g, "Accuracy"), marking().scheme.accuracy());
    // A red-flag screen that found nothing supports nothing.
    let h = right_answer(&s, &["hip_signs", "red_flags_urgent"]);
    let g = grade(&marking(), &s, &a, &h);
    assert_eq!(g.findings[1], (item(&s, "red_flags_urgent"), false));
    assert_eq!(
        points(&g, "Accuracy"),
        marking().scheme.picture + marking().scheme.triage + pro(5, 1, 2)
    );
}

#[test]
fn in_a_mixed_case_evidence_either_way_supports_unclear() {
    let s = station("mixed-knee.toml");
    let a = model_attempt(&s);
    let h = right_answer(&s, &["local_provocation", "back_link"]);
    let g = grade(&marking(), &s, &a, &h);
    assert!(g.findings.iter().all(|(_, ok)| *ok), "{:?}", g.findings);
}

#[test]
fn an_attempt_counts_each_item_once_and_freezes_when_committed() {
    let s = station("hip-to-knee-mechanical.toml");
    let mut a = Attempt::new();
    let side = item(&s, "side");
    assert!(a.ask(side));
    assert!(!a.ask(side));
    assert_eq!(a.asked(), &[side]);
    let never = item(&s, "gait_changes");
    assert!(a.commit(Hypothesis {
        class: CIdx(0),
        triage: TIdx(0),
        findings: vec![side, never],
    }));
    assert_eq!(
        a.hypothesis().unwrap().findings,
        vec![side],
        "findings must have been asked"
    );
    assert!(!a.ask(never));
    assert!(!a.commit(right_answer(&s, &[])));
}

#[test]
fn the_patient_volunteers_only_what_the_case_says() {
    let s = station("hip-to-knee-mechanical.toml");
    match s.reply(item(&s, "gait_changes")) {
        Reply::Said(text) => assert!(!text.is_empty()),
        Reply::NotApplicable => panic!("the case has a reply for gait"),
    }
    // The hip is the painful site in a knee-to-hip case, so the hip-signs item does not apply.
    let s = station("knee-to-hip-mechanical.toml");
    assert_eq!(s.reply(item(&s, "hip_signs")), Reply::NotApplicable);
}

#[test]
fn every_built_in_case_loads_as_a_station() {
    let q = Arc::new(crate::questionnaire::builtin().unwrap());
    let (stations, broken) = built_in(&q);
    assert!(broken.is_empty(), "{broken:?}");
    assert_eq!(stations.len(), BUILT_IN.len());
    assert!(stations.len() >= 10);
    for s in &stations {
        assert!(!s.critical.is_empty(), "{}", s.source);
        // The model attempt passes every station.
        let g = grade(&marking(), s, &model_attempt(s), &right_answer(s, &[]));
        assert!(g.passed, "{}: {g:?}", s.source);
    }
}

/// What the built-in cases cover together (issue 13): twenty or more, every mechanism decided
/// in some, three genuinely split pictures, two or more emergencies and set-aside pictures,
/// and every triage level.
#[test]
fn the_built_in_cases_cover_the_pictures_a_student_must_meet() {
    use crate::assess::Basis;
    let q = Arc::new(crate::questionnaire::builtin().unwrap());
    let (stations, _) = built_in(&q);
    assert!(stations.len() >= 20, "{} cases", stations.len());
    let count = |f: &dyn Fn(&Station) -> bool| stations.iter().filter(|s| f(s)).count();
    let basis = |s: &Station| s.assessment.basis;
    let class = |s: &Station| q.classes[s.assessment.classification].id.as_str();
    let level = |s: &Station| q.triage[s.triage].id.as_str();
    assert!(count(&|s| basis(s) == Basis::Split) >= 3, "mixed pictures");
    assert!(
        count(&|s| basis(s) == Basis::SetAside) >= 2,
        "set-aside pictures"
    );
    assert!(count(&|s| level(s) == "emergency") >= 2, "emergencies");
    for c in ["mechanical_compensation", "referred_pain"] {
        let decided = count(&|s| basis(s) == Basis::Decided && class(s) == c);
        assert!(decided >= 4, "{c}: {decided}");
    }
    for t in &q.triage {
        assert!(count(&|s| level(s) == t.id) >= 1, "no case at {}", t.id);
    }
    // Every case's title is neutral: it never names a mechanism.
    for s in &stations {
        let title = s.case.case.title.to_lowercase();
        for word in [
            "referred",
            "mechanical",
            "compensation",
            "sciatic",
            "from the",
            "emergency",
        ] {
            assert!(!title.contains(word), "{}: {title}", s.source);
        }
    }
}

#[test]
fn a_log_entry_names_items_by_id() {
    let s = station("hip-to-knee-mechanical.toml");
    let a = model_attempt(&s);
    let h = right_answer(&s, &["gait_changes"]);
    let g = grade(&marking(), &s, &a, &h);
    let e = LogEntry::of(&marking(), &s, &a, &h, &g, "2026-11-21T10:00:00Z");
    assert_eq!(e.asked[0], "red_flags_emergency");
    assert_eq!(e.classification, "mechanical_compensation");
    assert_eq!(e.findings, vec!["gait_changes"]);
    assert_eq!(e.score, 100);
    let json = serde_json::to_string(&e).unwrap();
    assert_eq!(serde_json::from_str::<LogEntry>(&json).unwrap(), e);
}

#[test]
fn a_right_answer_after_a_thin_history_counts_as_a_guess() {
    let s = station("hip-to-knee-mechanical.toml");
    let mut a = Attempt::new();
    for i in &s.critical {
        a.ask(*i);
    }
    a.ask(s.essential[0]);
    let g = grade(&marking(), &s, &a, &right_answer(&s, &[]));
    assert!(g.guessed);
    assert!(g.class_correct);
    assert_eq!(
        points(&g, "Accuracy"),
        (marking().scheme.picture + marking().scheme.triage) / marking().scheme.guess_divisor
    );
    assert!(
        !g.passed,
        "red flags and a lucky guess do not pass: {}",
        g.total
    );
    // Half the essential items is enough history.
    let half = s.essential.len().div_ceil(2);
    for i in &s.essential[1..half] {
        a.ask(*i);
    }
    assert!(!grade(&marking(), &s, &a, &right_answer(&s, &[])).guessed);
}

/// The hypothesis form quotes what the student heard: for a red-flag item asked one sign at a
/// time, the replies to those signs, not the item's whole reply.
#[test]
fn what_was_heard_of_an_item_asked_sign_by_sign_is_those_signs_replies() {
    let s = station("warm-swollen-foot-diabetes.toml");
    let q = q_of(&s);
    let i = item(&s, "red_flags_urgent");
    let sign = |id: &str| ask::Target {
        item: i,
        option: q.questions[i].option_index(id),
    };
    let mut a = Attempt::default();
    a.put(Some("Any fever?"), &[sign("fever_or_unwell")]);
    a.put(Some("Is the foot warm?"), &[sign("hot_red_swollen_joint")]);
    let Reply::Said(heard) = s.heard(&a, i) else {
        panic!("nothing heard")
    };
    assert!(
        heard.starts_with("No temperature and no shivers."),
        "{heard}"
    );
    assert!(
        heard.contains("the right foot is warmer than the left"),
        "{heard}"
    );
    assert_ne!(Reply::Said(heard), s.reply(i));
    // Asked whole, the item's own reply.
    a.ask(i);
    assert_eq!(s.heard(&a, i), s.reply(i));
    // Never asked: the item's reply (the form lists asked items only).
    let other = item(&s, "side");
    assert_eq!(s.heard(&a, other), s.reply(other));
}
