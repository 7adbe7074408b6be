//! Properties of the engine and the loaders: every walk ends, going back then forward restores
//! the state, and no answers file or questionnaire text makes anything panic.

use crate::common;

use std::sync::Arc;

use kinscreen::engine::{Answer, Interview, State};
use kinscreen::questionnaire::{self, Kind, Questionnaire};
use kinscreen::{answers, report};
use proptest::prelude::*;

/// The built-in questionnaire, loaded once for all cases.
fn builtin() -> Arc<Questionnaire> {
    static Q: std::sync::OnceLock<Arc<Questionnaire>> = std::sync::OnceLock::new();
    Q.get_or_init(|| Arc::new(questionnaire::builtin().unwrap()))
        .clone()
}

/// A valid answer for the current question, chosen by `seed`.
fn some_answer(q: &Questionnaire, qi: usize, seed: u64) -> Answer {
    match &q.questions[qi].kind {
        Kind::Single { options, .. } => Answer::Choice(seed as usize % options.len()),
        Kind::Multi { options } => {
            let n = options.len();
            let first = seed as usize % n;
            if options[first].exclusive {
                return Answer::Choices(vec![first]);
            }
            let mut picked: Vec<usize> = (0..n)
                .filter(|o| !options[*o].exclusive && (seed >> (o % 60)) & 1 == 1)
                .collect();
            if picked.is_empty() {
                picked.push((0..n).find(|o| !options[*o].exclusive).unwrap());
            }
            Answer::Choices(picked)
        }
        Kind::Scale { min, max, .. } => {
            Answer::Number(min + (seed as i64).rem_euclid(max - min + 1))
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Answering at random, going back now and then, always ends at the result within a bound.
    #[test]
    fn every_walk_ends(seeds in proptest::collection::vec(any::<u64>(), 200)) {
        let q = builtin();
        let mut iv = Interview::new(q.clone());
        let mut steps = 0;
        for seed in seeds.iter().cycle() {
            steps += 1;
            prop_assert!(steps < 2_000, "no end in sight");
            match iv.state().clone() {
                State::Asking(i) => {
                    if seed % 7 == 0 && iv.can_go_back() {
                        iv.back().unwrap();
                    } else {
                        iv.answer_current(some_answer(&q, i, *seed)).unwrap();
                    }
                }
                State::Alert(_) => {
                    // The result early only after an alert at the most urgent level.
                    if seed % 5 == 0 && iv.can_finish_early() {
                        iv.finish().unwrap()
                    } else {
                        iv.acknowledge().unwrap()
                    }
                }
                State::Review => iv.finish().unwrap(),
                State::Finished => break,
            }
        }
        let a = iv.assessment();
        // Red flags always win: the triage is at least that of every red flag that fired.
        for r in &a.red_flags {
            prop_assert!(a.triage >= q.rules[*r].triage);
        }
        let record = report::record(&iv);
        prop_assert_eq!(&record.path[0], "red_flags_emergency");
    }

    /// Going back one step and giving the same answer again restores the same state.
    #[test]
    fn back_then_forward_restores(seeds in proptest::collection::vec(any::<u64>(), 40), at in 0usize..30) {
        let q = builtin();
        let mut iv = Interview::new(q.clone());
        for (n, seed) in seeds.iter().enumerate() {
            let State::Asking(i) = iv.state().clone() else {
                if matches!(iv.state(), State::Alert(_)) { iv.acknowledge().unwrap(); continue; }
                break;
            };
            if n == at && iv.can_go_back() {
                let before = iv.clone();
                iv.back().unwrap();
                let State::Asking(prev) = iv.state().clone() else { panic!("back lands on a question") };
                let again = iv.answer(prev).cloned().unwrap();
                iv.answer_current(again).unwrap();
                prop_assert_eq!(&iv, &before);
            }
            iv.answer_current(some_answer(&q, i, *seed)).unwrap();
        }
    }

    /// Any text as an answers file: a clean error or a result, never a panic.
    #[test]
    fn answers_files_never_panic(text in "\\PC{0,200}") {
        let q = builtin();
        if let Ok(file) = answers::parse(&text, "random.toml") {
            let _ = answers::run(q, &file);
        }
        let _ = answers::parse(&text, "random.json");
    }

    /// Vignettes with a line dropped, duplicated or a value changed: error or result, no panic.
    #[test]
    fn mutated_vignettes_never_panic(which in 0usize..8, line in 0usize..40, how in 0u8..4, junk in "[a-z_0-9\\[\\]\" =]{0,12}") {
        let q = builtin();
        let texts = vignette_texts();
        let text = &texts[which % texts.len()];
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        let l = line % lines.len();
        match how {
            0 => { lines.remove(l); }
            1 => { let dup = lines[l].clone(); lines.insert(l, dup); }
            2 => { if let Some((k, _)) = lines[l].clone().split_once('=') { lines[l] = format!("{k}= {junk}"); } }
            _ => { lines[l] = junk.clone(); }
        }
        if let Ok(file) = answers::parse(&lines.join("\n"), "mutated.toml") {
            let _ = answers::run(q, &file);
        }
    }

    /// The default questionnaire with a line dropped or mangled: the loader reports or accepts,
    /// never panics, and whatever it accepts can be walked.
    #[test]
    fn mutated_questionnaires_never_panic(line in 0usize..1100, how in 0u8..3, junk in "[a-z_0-9\\[\\]\" ={}]{0,16}") {
        let mut lines: Vec<String> = questionnaire::BUILTIN_SOURCE.lines().map(String::from).collect();
        let l = line % lines.len();
        match how {
            0 => { lines.remove(l); }
            1 => { let dup = lines[l].clone(); lines.insert(l, dup); }
            _ => { lines[l] = junk.clone(); }
        }
        let (q, problems) = questionnaire::check(&lines.join("\n"), "mutated.toml");
        prop_assert!(q.is_some() || problems.iter().any(|p| p.is_error()));
        if let Some(q) = q {
            let q = Arc::new(q);
            let mut iv = Interview::new(q.clone());
            for seed in 0..500u64 {
                match iv.state().clone() {
                    State::Asking(i) => iv.answer_current(some_answer(&q, i, seed * 2654435761)).unwrap(),
                    State::Alert(_) => iv.acknowledge().unwrap(),
                    State::Review => iv.finish().unwrap(),
                    State::Finished => break,
                }
            }
            prop_assert_eq!(iv.state(), &State::Finished);
        }
    }
}

/// Applies one structural change at the node `seeds` leads to: 0 delete, 1 duplicate, 2 give it
/// another type, 3 rename (a key, or a string value). Returns whether something changed.
fn mutate(v: &mut toml::Value, seeds: &[usize], op: u8) -> bool {
    fn retype(v: &toml::Value) -> toml::Value {
        match v {
            toml::Value::String(_) => toml::Value::Integer(7),
            toml::Value::Integer(_) => toml::Value::String("seven".into()),
            toml::Value::Float(_) => toml::Value::Boolean(true),
            toml::Value::Boolean(_) => toml::Value::Array(vec![]),
            toml::Value::Array(_) => toml::Value::String("list".into()),
            toml::Value::Table(_) => toml::Value::Integer(0),
            toml::Value::Datetime(_) => toml::Value::Integer(1),
        }
    }
    let Some((&seed, rest)) = seeds.split_first() else {
        return false;
    };
    match v {
        toml::Value::Table(t) if !t.is_empty() => {
            let key = t.keys().nth(seed % t.len()).unwrap().clone();
            if !rest.is_empty() && mutate(t.get_mut(&key).unwrap(), rest, op) {
                return true;
            }
            match op {
                0 => {
                    t.remove(&key);
                }
                1 => {
                    let copy = t[&key].clone();
                    t.insert(format!("{key}_copy"), copy);
                }
                2 => {
                    let other = retype(&t[&key]);
                    t.insert(key, other);
                }
                _ => {
                    let value = t.remove(&key).unwrap();
                    match value {
                        toml::Value::String(s) => {
                            t.insert(key, toml::Value::String(format!("{s}_renamed")));
                        }
                        other => {
                            t.insert(format!("{key}_renamed"), other);
                        }
                    }
                }
            }
            true
        }
        toml::Value::Array(a) if !a.is_empty() => {
            let i = seed % a.len();
            if !rest.is_empty() && mutate(&mut a[i], rest, op) {
                return true;
            }
            match op {
                0 => {
                    a.remove(i);
                }
                1 => {
                    let copy = a[i].clone();
                    a.insert(i, copy);
                }
                2 => a[i] = retype(&a[i]),
                _ => {
                    if let toml::Value::String(s) = &a[i] {
                        a[i] = toml::Value::String(format!("{s}_renamed"));
                    } else {
                        a.swap(0, i);
                    }
                }
            }
            true
        }
        _ => false,
    }
}

fn vignette_texts() -> Vec<String> {
    common::toml_files("tests/vignettes")
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// The real questionnaire with one piece deleted, duplicated, retyped or renamed: the
    /// loader and validator report or accept, and an accepted one scores every vignette or
    /// refuses it cleanly.
    #[test]
    fn structurally_mutated_questionnaires_never_panic(
        seeds in proptest::collection::vec(any::<usize>(), 1..6),
        op in 0u8..4,
    ) {
        let mut doc: toml::Value = toml::from_str(questionnaire::BUILTIN_SOURCE).unwrap();
        mutate(&mut doc, &seeds, op);
        let Ok(text) = toml::to_string(&doc) else { return Ok(()); };
        let (q, problems) = questionnaire::check(&text, "mutated.toml");
        prop_assert!(q.is_some() || problems.iter().any(|p| p.is_error()));
        let _ = questionnaire::render_excerpts(&problems, &text, false);
        if let Some(q) = q {
            let q = Arc::new(q);
            for (n, v) in vignette_texts().iter().enumerate() {
                let file = answers::parse(v, &format!("v{n}.toml")).unwrap();
                if let Ok(iv) = answers::run(q.clone(), &file) {
                    let _ = report::text(&iv);
                    let _ = report::record(&iv);
                }
            }
            let _ = kinscreen::graph::dot(&q);
        }
    }

    /// A vignette with one answer deleted, duplicated, retyped or renamed: `score` gives a
    /// result or a clean error.
    #[test]
    fn structurally_mutated_answers_never_panic(
        which in 0usize..8,
        seeds in proptest::collection::vec(any::<usize>(), 1..4),
        op in 0u8..4,
    ) {
        let q = builtin();
        let texts = vignette_texts();
        let mut doc: toml::Value = toml::from_str(&texts[which % texts.len()]).unwrap();
        mutate(&mut doc, &seeds, op);
        let text = toml::to_string(&doc).unwrap();
        if let Ok(file) = answers::parse(&text, "mutated.toml") {
            match answers::run(q, &file) {
                Ok(iv) => { let _ = report::record(&iv); }
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
        }
    }
}
