//! Translations of a questionnaire, as data: a file beside it (`lower-limb.es.toml` for
//! `lower-limb.toml`) gives, keyed by the same ids, every text a person reads in one other
//! language. Applying it replaces those texts in a copy of the questionnaire; ids, weights, rules
//! and the fingerprint stay, so answers, saved interviews and results do not depend on the
//! language. A text the translation lacks stays in English (and `validate` reports it); an id the
//! questionnaire does not have, or a list whose length differs from the original, is an error at
//! its place. See `docs/questionnaire-format.md`, "Translations".

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::refs::Refs;
use super::{Kind, Problem, Questionnaire};

/// Whether a TOML file's top-level keys make it a translation.
pub fn is_translation(top_level_keys: &[&str]) -> bool {
    top_level_keys.contains(&"translation")
}

/// The file name of the `language` translation of the questionnaire file `name`
/// (`lower-limb.toml` → `lower-limb.es.toml`).
pub fn file_name(name: &str, language: &str) -> String {
    let stem = name.strip_suffix(".toml").unwrap_or(name);
    format!("{stem}.{language}.toml")
}

/// A questionnaire in another language.
#[derive(Debug, Clone)]
pub struct Translated {
    /// The questionnaire with the translated texts in place (English where one is missing);
    /// its `meta.language` is the translation's.
    pub questionnaire: Questionnaire,
    /// Every text the translation lacks, one problem each (an error for `validate`).
    pub missing: Vec<Problem>,
}

/// Entries by id, each id with its place.
type Table<T> = BTreeMap<Spanned<String>, T>;

/// Fills fields of `$target` from the same fields of `$raw` (an `Option<&Raw…>`), each named
/// `$what.field` in messages: `text` ones the original always has, `optional` ones only where
/// it has them, `list` ones as long as the original's (see [`Filler`]).
macro_rules! fill {
    ($f:expr, $target:expr, $raw:expr, $at:expr, $what:expr; $($kind:ident $field:ident),+ $(,)?) => {{
        $(
            $f.$kind(
                &mut $target.$field,
                $raw.and_then(|r| r.$field.as_ref()),
                $at,
                &format!("{}.{}", $what, stringify!($field)),
            );
        )+
    }};
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    translation: Header,
    meta: Option<Spanned<RawMeta>>,
    text: Option<Spanned<RawText>>,
    #[serde(default)]
    sections: Table<RawSection>,
    #[serde(default)]
    questions: Table<RawQuestion>,
    #[serde(default)]
    classes: Table<RawClass>,
    decision: Option<Spanned<RawDecision>>,
    #[serde(default)]
    triage: Table<RawTriage>,
    #[serde(default)]
    rules: Table<RawRule>,
    #[serde(default)]
    evidence: Table<RawEvidence>,
    #[serde(default)]
    notes: Table<RawNote>,
    #[serde(default)]
    next_steps: Table<RawNote>,
    #[serde(default)]
    safety_net: Table<RawNote>,
    #[serde(default)]
    headings: Table<RawHeading>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    questionnaire: Spanned<String>,
    language: Spanned<String>,
    /// The language's own name ("Español") and how far it has been checked ("needs-review",
    /// "reviewed"): for people reading the file, not for the program.
    #[allow(dead_code)]
    name: String,
    #[allow(dead_code)]
    status: Option<String>,
    /// Who still has to check it, shown under the disclaimer ("needs review by ...").
    review: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    title: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    welcome: Option<String>,
    disclaimer: Option<String>,
    yes: Option<String>,
    no: Option<String>,
    unsure: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    title: Option<String>,
    intro: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    prompt: Option<String>,
    topic: Option<String>,
    why: Option<String>,
    help: Option<String>,
    min_label: Option<String>,
    max_label: Option<String>,
    options: Option<Spanned<Table<RawOption>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOption {
    label: Option<String>,
    rationale: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClass {
    label: Option<String>,
    term: Option<String>,
    summary: Option<String>,
    next_steps: Option<Spanned<Vec<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDecision {
    weak_text: Option<String>,
    split_text: Option<String>,
    set_aside_text: Option<String>,
    strength: Option<Spanned<Vec<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTriage {
    label: Option<String>,
    time_frame: Option<String>,
    advice: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    label: Option<String>,
    advice: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvidence {
    label: Option<String>,
    rationale: Option<String>,
    rationale_when: Option<Spanned<Vec<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNote {
    text: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeading {
    label: Option<String>,
    about: Option<String>,
}

/// Puts translated texts in place and notes every one that is missing.
struct Filler<'a> {
    refs: Refs<'a>,
    missing: Vec<(Range<usize>, String)>,
}

impl Filler<'_> {
    /// `target` becomes `given`; when there is none, the English stays and `what` is missing.
    fn text(&mut self, target: &mut String, given: Option<&String>, at: &Range<usize>, what: &str) {
        match given {
            Some(t) => target.clone_from(t),
            None => self.missing.push((at.clone(), what.to_string())),
        }
    }

    /// As [`Filler::text`], for a text the original may not have: then none is needed (a
    /// translation of a text that is not there is an error).
    fn optional(
        &mut self,
        target: &mut Option<String>,
        given: Option<&String>,
        at: &Range<usize>,
        what: &str,
    ) {
        match (target.as_mut(), given) {
            (Some(t), Some(g)) => t.clone_from(g),
            (Some(_), None) => self.missing.push((at.clone(), what.to_string())),
            (None, Some(_)) => self.refs.error(
                at.clone(),
                format!("{what}: the questionnaire has no such text to translate"),
            ),
            (None, None) => {}
        }
    }

    /// A list of texts, which must have as many entries as the original.
    fn list(
        &mut self,
        target: &mut [String],
        given: Option<&Spanned<Vec<String>>>,
        at: &Range<usize>,
        what: &str,
    ) {
        match given {
            Some(list) if list.get_ref().len() == target.len() => {
                for (t, g) in target.iter_mut().zip(list.get_ref()) {
                    t.clone_from(g);
                }
            }
            Some(list) => self.refs.error(
                list.span(),
                format!(
                    "{what} has {} entries, but the questionnaire has {}: one for each, in \
                     the same order",
                    list.get_ref().len(),
                    target.len()
                ),
            ),
            None if target.is_empty() => {}
            None => self.missing.push((at.clone(), what.to_string())),
        }
    }

    /// Each entry of `table` matched by id to an item of `items`; an id that is not there is an
    /// error, and an item the table lacks is missing whole.
    fn each<T, R>(
        &mut self,
        items: &mut [T],
        id: impl Fn(&T) -> &str,
        table: &Table<R>,
        kind: &str,
        whole: &Range<usize>,
        mut fill: impl FnMut(&mut Self, &mut T, Option<&R>, &Range<usize>, &str),
    ) {
        for key in table.keys() {
            if !items.iter().any(|item| id(item) == key.get_ref()) {
                self.refs.error(
                    key.span(),
                    format!(
                        "`{}` is not among the {kind} of questionnaire `{}`",
                        key.get_ref(),
                        self.refs.q.meta.id
                    ),
                );
            }
        }
        for item in items {
            let name = id(item).to_string();
            let found = table.iter().find(|(k, _)| k.get_ref() == &name);
            let at = found.map_or(whole.clone(), |(k, _)| k.span());
            let what = format!("{kind}.{name}");
            fill(self, item, found.map(|(_, v)| v), &at, &what);
        }
    }
}

/// Reads a translation and applies it to `q`: the translated questionnaire, with every missing
/// text listed; or every problem that makes it unusable (a syntax error, an unknown id, a list
/// of another length, a translation for another questionnaire).
pub fn load(q: &Questionnaire, src: &str, file: &str) -> Result<Translated, Vec<Problem>> {
    let raw: Raw = Problem::read_toml(src, file).map_err(|p| vec![p])?;
    let mut out = q.clone();
    let mut f = Filler {
        refs: Refs::new(q, src, file),
        missing: Vec::new(),
    };
    f.refs
        .questionnaire(&raw.translation.questionnaire, "this translation is");
    let language = raw.translation.language.get_ref().clone();
    let valid = language.len() >= 2
        && language.len() <= 8
        && language.chars().all(|c| c.is_ascii_lowercase() || c == '-');
    if !valid || language == q.meta.language {
        f.refs.error(
            raw.translation.language.span(),
            format!(
                "`language` is a language code other than the questionnaire's own (`{}`), such \
                 as \"es\", not `{language}`",
                q.meta.language
            ),
        );
    }
    let top = 0..0;
    let meta_at = raw.meta.as_ref().map_or(top.clone(), Spanned::span);
    let meta = raw.meta.as_ref().map(Spanned::get_ref);
    fill!(f, out.meta, meta, &meta_at, "meta"; text title);
    out.meta.language.clone_from(&language);

    let text_at = raw.text.as_ref().map_or(top.clone(), Spanned::span);
    let text = raw.text.as_ref().map(Spanned::get_ref);
    fill!(f, out.text, text, &text_at, "text"; text welcome, text disclaimer);
    let t = |pick: fn(&RawText) -> Option<&String>| text.and_then(pick);
    if let Some(review) = &raw.translation.review {
        out.text.disclaimer = format!("{}\n\n{}", out.text.disclaimer.trim_end(), review.trim());
    }
    let yes_no = |id: &str| match id {
        "yes" => t(|t| t.yes.as_ref()),
        "no" => t(|t| t.no.as_ref()),
        "unsure" => t(|t| t.unsure.as_ref()),
        _ => None,
    };

    f.each(
        &mut out.sections,
        |s| &s.id,
        &raw.sections,
        "sections",
        &top,
        |f, section, r, at, what| fill!(f, section, r, at, what; text title, optional intro),
    );

    f.each(
        &mut out.questions,
        |x| &x.id,
        &raw.questions,
        "questions",
        &top,
        |f, question, r, at, what| {
            fill!(f, question, r, at, what;
                text prompt, optional topic, optional why, optional help);
            let is_yes_no = matches!(question.kind, Kind::Single { yes_no: true, .. });
            match &mut question.kind {
                Kind::Scale {
                    min_label,
                    max_label,
                    ..
                } => {
                    let labels = r.map(|r| (r.min_label.as_ref(), r.max_label.as_ref()));
                    f.optional(
                        min_label,
                        labels.and_then(|l| l.0),
                        at,
                        &format!("{what}.min_label"),
                    );
                    f.optional(
                        max_label,
                        labels.and_then(|l| l.1),
                        at,
                        &format!("{what}.max_label"),
                    );
                    if let Some(options) = r.and_then(|r| r.options.as_ref()) {
                        f.refs.error(
                            options.span(),
                            format!("{what}: a scale has no options to translate"),
                        );
                    }
                }
                Kind::Single { options, .. } | Kind::Multi { options } => {
                    for (label, name) in [
                        (r.and_then(|r| r.min_label.as_ref()), "min_label"),
                        (r.and_then(|r| r.max_label.as_ref()), "max_label"),
                    ] {
                        if label.is_some() {
                            f.refs.error(
                                at.clone(),
                                format!("{what}.{name}: only a scale has end labels"),
                            );
                        }
                    }
                    let table = r.and_then(|r| r.options.as_ref());
                    let options_at = table.map_or(at.clone(), Spanned::span);
                    let empty = Table::new();
                    let table = table.map_or(&empty, Spanned::get_ref);
                    differs(f, options, table, &options_at, what, is_yes_no);
                    for option in options.iter_mut() {
                        let found = table.iter().find(|(k, _)| k.get_ref() == &option.id);
                        let at = found.map_or(options_at.clone(), |(k, _)| k.span());
                        let given = found.map(|(_, v)| v);
                        let label = given.and_then(|g| g.label.as_ref()).or(if is_yes_no {
                            yes_no(&option.id)
                        } else {
                            None
                        });
                        let name = format!("{what}.options.{}", option.id);
                        f.text(&mut option.label, label, &at, &format!("{name}.label"));
                        f.optional(
                            &mut option.rationale,
                            given.and_then(|g| g.rationale.as_ref()),
                            &at,
                            &format!("{name}.rationale"),
                        );
                    }
                }
            }
        },
    );

    f.each(
        &mut out.classes,
        |c| &c.id,
        &raw.classes,
        "classes",
        &top,
        |f, class, r, at, what| {
            fill!(f, class, r, at, what; text label, optional term, text summary, list next_steps);
        },
    );

    let decision_at = raw.decision.as_ref().map_or(top.clone(), Spanned::span);
    let decision = raw.decision.as_ref().map(Spanned::get_ref);
    fill!(f, out.decision, decision, &decision_at, "decision";
        text weak_text, text split_text, optional set_aside_text);
    // Written from the lowest threshold up, as the questionnaire lists them; kept highest first.
    let mut strength: Vec<String> = out
        .decision
        .strength
        .iter()
        .rev()
        .map(|s| s.1.clone())
        .collect();
    f.list(
        &mut strength,
        decision.and_then(|d| d.strength.as_ref()),
        &decision_at,
        "decision.strength",
    );
    for (s, text) in out.decision.strength.iter_mut().rev().zip(strength) {
        s.1 = text;
    }

    f.each(
        &mut out.triage,
        |t| &t.id,
        &raw.triage,
        "triage",
        &top,
        |f, level, r, at, what| {
            fill!(f, level, r, at, what; text label, text time_frame, text advice);
        },
    );
    f.each(
        &mut out.rules,
        |r| &r.id,
        &raw.rules,
        "rules",
        &top,
        |f, rule, r, at, what| fill!(f, rule, r, at, what; text label, optional advice),
    );
    f.each(
        &mut out.evidence,
        |e| &e.id,
        &raw.evidence,
        "evidence",
        &top,
        |f, rule, r, at, what| {
            fill!(f, rule, r, at, what; text label, text rationale);
            let mut texts: Vec<String> = rule.rationale_when.iter().map(|w| w.1.clone()).collect();
            f.list(
                &mut texts,
                r.and_then(|r| r.rationale_when.as_ref()),
                at,
                &format!("{what}.rationale_when"),
            );
            for (w, text) in rule.rationale_when.iter_mut().zip(texts) {
                w.1 = text;
            }
        },
    );
    for (items, table, kind) in [
        (&mut out.notes, &raw.notes, "notes"),
        (&mut out.next_steps, &raw.next_steps, "next_steps"),
        (&mut out.safety_net, &raw.safety_net, "safety_net"),
    ] {
        f.each(
            items,
            |n| &n.id,
            table,
            kind,
            &top,
            |f, note, r, at, what| {
                fill!(f, note, r, at, what; text text);
            },
        );
    }
    f.each(
        &mut out.headings,
        |h| &h.id,
        &raw.headings,
        "headings",
        &top,
        |f, heading, r, at, what| fill!(f, heading, r, at, what; text label, optional about),
    );

    let Filler { refs, missing } = f;
    let missing: Vec<Problem> = missing
        .into_iter()
        .map(|(at, what)| {
            Problem::at(
                super::Severity::Error,
                file,
                src,
                Some(at),
                format!("no `{language}` text for `{what}`: the English one is shown"),
            )
        })
        .collect();
    if !refs.problems.is_empty() {
        // Every problem at once, the missing texts too.
        let mut all = refs.problems;
        all.extend(missing);
        all.sort_by_key(|p| (p.line, p.column));
        return Err(all);
    }
    Ok(Translated {
        questionnaire: out,
        missing,
    })
}

/// An error when the options a translation gives for a question are not the question's own:
/// each unknown one at its place, and the whole list when some are left out.
fn differs(
    f: &mut Filler<'_>,
    options: &[super::Choice],
    table: &Table<RawOption>,
    at: &Range<usize>,
    what: &str,
    yes_no: bool,
) {
    for key in table.keys() {
        if !options.iter().any(|o| &o.id == key.get_ref()) {
            let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
            f.refs.error(
                key.span(),
                format!(
                    "{what}: the question has no option `{}`; its options are {}",
                    key.get_ref(),
                    ids.join(", ")
                ),
            );
        }
    }
    // A yes/no question's labels come from `[text]`: its options are listed only to give a
    // rationale, so some may be left out.
    if table.is_empty() || yes_no {
        return;
    }
    let left_out: Vec<&str> = options
        .iter()
        .filter(|o| !table.keys().any(|k| k.get_ref() == &o.id))
        .map(|o| o.id.as_str())
        .collect();
    if !left_out.is_empty() {
        f.refs.error(
            at.clone(),
            format!(
                "{what}: the translated options differ from the question's: {} left out (a \
                 translation gives every option of the original)",
                left_out.join(", ")
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::BUILTIN_TRANSLATIONS;

    fn q() -> Questionnaire {
        crate::questionnaire::builtin().unwrap()
    }

    fn spanish() -> &'static str {
        BUILTIN_TRANSLATIONS
            .iter()
            .find(|(l, _)| *l == "es")
            .map(|(_, src)| *src)
            .unwrap()
    }

    fn placed(problems: &[Problem]) -> Vec<String> {
        problems.iter().map(Problem::placed).collect()
    }

    #[test]
    fn the_spanish_translation_is_complete_and_keeps_every_id() {
        let q = q();
        let t = load(&q, spanish(), "lower-limb.es.toml").unwrap_or_else(|p| {
            panic!("{}", placed(&p).join("\n"));
        });
        assert!(t.missing.is_empty(), "{}", placed(&t.missing).join("\n"));
        let es = &t.questionnaire;
        assert_eq!(es.meta.language, "es");
        assert_eq!(
            es.fingerprint, q.fingerprint,
            "answers and drafts stay valid"
        );
        assert_eq!(
            es.questions[0].prompt,
            "¿Le está pasando ahora mismo alguna de estas cosas?"
        );
        // A yes/no question takes its labels from [text].
        let local = es.question_index("local_provocation").unwrap();
        assert_eq!(es.questions[local].kind.options()[0].label, "Sí");
        // Strength words keep their thresholds.
        assert_eq!(
            es.decision.strength[0],
            (q.decision.strength[0].0, "fuerte".into())
        );
        // The review note is under the disclaimer.
        assert!(
            es.text
                .disclaimer
                .contains("sin revisar por un profesional sanitario")
        );
        // Nothing but text changed.
        for (a, b) in q.questions.iter().zip(&es.questions) {
            assert_eq!(a.id, b.id);
            assert_eq!(a.option_ids(), b.option_ids());
        }
    }

    #[test]
    fn a_missing_text_is_reported_and_stays_english() {
        let q = q();
        let src = spanish().replace(
            "why = \"La edad cambia lo que importa",
            "# why = \"La edad cambia lo que importa",
        );
        let t = load(&q, &src, "es.toml").unwrap();
        let missing = placed(&t.missing);
        assert_eq!(missing.len(), 1, "{missing:?}");
        assert!(
            missing[0].contains("no `es` text for `questions.age_band.why`"),
            "{missing:?}"
        );
        let age = q.question_index("age_band").unwrap();
        assert_eq!(t.questionnaire.questions[age].why, q.questions[age].why);
    }

    #[test]
    fn unknown_ids_and_a_different_option_list_are_errors_at_their_place() {
        let q = q();
        let src = spanish()
            .replace("[questions.course]", "[questions.curso]")
            .replace("under_10 = {", "under_ten = {")
            .replace("strength = [\"débil\", ", "strength = [");
        let problems = placed(&load(&q, &src, "es.toml").unwrap_err());
        let has = |s: &str| problems.iter().any(|p| p.contains(s));
        assert!(has("`curso` is not among the questions"), "{problems:#?}");
        assert!(
            has("the question has no option `under_ten`"),
            "{problems:#?}"
        );
        assert!(
            has("options differ from the question's: under_10 left out"),
            "{problems:#?}"
        );
        assert!(
            has("decision.strength has 2 entries, but the questionnaire has 3"),
            "{problems:#?}"
        );
        // Each at its line.
        let line = |needle: &str| src.lines().position(|l| l.contains(needle)).unwrap() + 1;
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with(&format!("{}:", line("[questions.curso]")))),
            "{problems:#?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with(&format!("{}:1 ", line("under_ten = {")))),
            "{problems:#?}"
        );
    }

    #[test]
    fn a_translation_of_another_questionnaire_is_refused() {
        let q = q();
        let src = spanish().replace(
            "questionnaire = \"kinscreen-lower-limb\"",
            "questionnaire = \"other\"",
        );
        let problems = placed(&load(&q, &src, "es.toml").unwrap_err());
        assert!(problems[0].contains("this translation is for questionnaire `other`"));
    }

    #[test]
    fn names_of_translation_files() {
        assert_eq!(
            file_name("dir/lower-limb.toml", "es"),
            "dir/lower-limb.es.toml"
        );
        assert_eq!(file_name("x", "es"), "x.es.toml");
    }
}
