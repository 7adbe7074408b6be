//! The marking scheme of practice stations as data (`questionnaires/marking.toml`, built in):
//! points, thresholds, the names of the parts of the score, and every text about marking, read
//! with positions and checked (numbers that cannot work together, a text naming a number the
//! scheme does not have), so a broken file gets the same rustc-style report as a questionnaire.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::questionnaire::{Problem, Severity};

/// The built-in marking scheme's text.
pub const BUILTIN_SOURCE: &str = include_str!("../../questionnaires/marking.toml");
/// The name the built-in marking scheme goes by in messages.
pub const BUILTIN_NAME: &str = "questionnaires/marking.toml (built in)";

/// Points and thresholds of the marking scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scheme {
    /// Essential items asked, pro rata.
    pub breadth: u32,
    /// Critical (red-flag screening) items screened, pro rata.
    pub critical: u32,
    /// Focus: starts here, `focus_step` off per question that added nothing.
    pub focus: u32,
    pub focus_step: u32,
    /// The accepted classification.
    pub picture: u32,
    /// The expected triage level.
    pub triage: u32,
    /// A triage one level more urgent than needed.
    pub triage_one_over: u32,
    /// Findings named that support the key, pro rata of those named.
    pub findings: u32,
    /// With fewer than half the essential items asked, the picture and triage points are
    /// divided by this (rounded down): a right answer without the history behind it is a guess.
    pub guess_divisor: u32,
    /// Global rating: organisation (topic by topic), `organisation_step` off per return to a
    /// topic already left.
    pub organisation: u32,
    pub organisation_step: u32,
    /// Global rating: questions that served the case's key, pro rata of all questions put.
    pub hypothesis_driven: u32,
    /// Global rating: each critical item screened before more than `early_slack` other
    /// questions were put, pro rata.
    pub early: u32,
    pub early_slack: usize,
    /// Passing needs at least this total and no critical error.
    pub pass_mark: u32,
    /// With a critical error the total is at most this.
    pub critical_cap: u32,
}

impl Scheme {
    /// The points of the global rating.
    pub fn global(&self) -> u32 {
        self.organisation + self.hypothesis_driven + self.early
    }

    /// The points of accuracy.
    pub fn accuracy(&self) -> u32 {
        self.picture + self.triage + self.findings
    }

    /// The most points there are.
    pub fn max(&self) -> u32 {
        self.breadth + self.critical + self.focus + self.accuracy() + self.global()
    }

    /// The numbers texts may name, by name.
    fn numbers(&self) -> BTreeMap<&'static str, String> {
        let n = |v: u32| v.to_string();
        BTreeMap::from([
            ("breadth", n(self.breadth)),
            ("critical", n(self.critical)),
            ("focus", n(self.focus)),
            ("focus_step", n(self.focus_step)),
            ("picture", n(self.picture)),
            ("triage", n(self.triage)),
            ("triage_one_over", n(self.triage_one_over)),
            ("findings", n(self.findings)),
            ("guess_divisor", n(self.guess_divisor)),
            ("organisation", n(self.organisation)),
            ("organisation_step", n(self.organisation_step)),
            ("hypothesis_driven", n(self.hypothesis_driven)),
            ("early", n(self.early)),
            ("early_slack", self.early_slack.to_string()),
            ("pass_mark", n(self.pass_mark)),
            ("critical_cap", n(self.critical_cap)),
            ("max", n(self.max())),
            ("accuracy", n(self.accuracy())),
            ("global", n(self.global())),
            ("breadth_5_of_7", n(pro_rata(self.breadth, 5, 7))),
        ])
    }
}

/// `max` scaled by `n / of`, rounded half up (`max` when `of` is 0).
pub fn pro_rata(max: u32, n: usize, of: usize) -> u32 {
    if of == 0 {
        return max;
    }
    let (max, n, of) = (u64::from(max), n.min(of) as u64, of as u64);
    u32::try_from((2 * max * n + of) / (2 * of)).unwrap_or(u32::MAX)
}

/// The names of the parts of the score.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parts {
    pub breadth: String,
    pub critical: String,
    pub focus: String,
    pub accuracy: String,
    pub global: String,
}

/// A band of the total ("Excellent" from 85).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub from: u32,
    pub name: String,
}

/// The reasons the global rating gives, one per measure, with `{n}`-style numbers filled in.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlobalTexts {
    /// Organisation, no returns / some (`{returns}`).
    pub organised: String,
    pub jumps: String,
    /// Hypothesis-driven: `{relevant}` of `{questions}` questions served the key.
    pub driven: String,
    /// Red flags screened early: `{early}` of `{critical}` screening items early.
    pub screened_early: String,
}

/// A loaded, checked marking scheme with its texts (numbers already filled in the rules).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marking {
    pub scheme: Scheme,
    pub parts: Parts,
    /// Bands of the total, highest first.
    pub bands: Vec<Band>,
    pub global: GlobalTexts,
    /// The rules, one Markdown list item each.
    pub rules: Vec<String>,
    /// A red-flag screening item never asked; `{item}` is its topic.
    missed_screening: String,
    /// A red-flag screening item asked in part; `{item}` and `{signs}` (those not asked).
    signs_not_asked: String,
    /// A case with red flags called less urgent; `{said}` and `{needed}` are triage labels.
    under_triaged: String,
}

impl Marking {
    /// The built-in marking scheme (the tests check it loads clean).
    pub fn builtin() -> Result<Marking, Vec<Problem>> {
        load(BUILTIN_SOURCE, BUILTIN_NAME)
    }

    /// The band a total falls in (the lowest when below every band).
    pub fn band(&self, total: u32) -> &str {
        self.bands
            .iter()
            .find(|b| total >= b.from)
            .or(self.bands.last())
            .map(|b| b.name.as_str())
            .unwrap_or_default()
    }

    /// A global-rating text with its numbers.
    pub fn say(&self, text: &str, values: &[(&str, usize)]) -> String {
        let mut all = self.scheme.numbers();
        all.extend(values.iter().map(|(k, v)| (*k, v.to_string())));
        fill(text, &all)
    }

    /// The critical error "screening incomplete", for an item's topic and the signs not asked.
    pub fn signs_not_asked(&self, item: &str, signs: &str) -> String {
        fill(
            &self.signs_not_asked,
            &BTreeMap::from([("item", item.to_string()), ("signs", signs.to_string())]),
        )
    }

    /// The critical error "screening item never asked", for an item's topic.
    pub fn missed_screening(&self, item: &str) -> String {
        fill(
            &self.missed_screening,
            &BTreeMap::from([("item", item.to_string())]),
        )
    }

    /// The critical error "red flags under-triaged", for the chosen and needed levels.
    pub fn under_triaged(&self, said: &str, needed: &str) -> String {
        fill(
            &self.under_triaged,
            &BTreeMap::from([("said", said.to_string()), ("needed", needed.to_string())]),
        )
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    scheme: Spanned<Scheme>,
    parts: Parts,
    bands: Spanned<Vec<Band>>,
    texts: RawTexts,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTexts {
    missed_screening: Spanned<String>,
    signs_not_asked: Spanned<String>,
    under_triaged: Spanned<String>,
    organised: Spanned<String>,
    jumps: Spanned<String>,
    driven: Spanned<String>,
    screened_early: Spanned<String>,
    rules: Spanned<Vec<Spanned<String>>>,
}

/// Whether a TOML file's top-level keys make it a marking scheme.
pub fn is_marking(top_level_keys: &[&str]) -> bool {
    top_level_keys.contains(&"scheme") && top_level_keys.contains(&"texts")
}

/// Reads and checks a marking scheme; every problem found, or the scheme.
pub fn load(src: &str, file: &str) -> Result<Marking, Vec<Problem>> {
    let problem = |span: Option<Range<usize>>, message: String| {
        Problem::at(Severity::Error, file, src, span, message)
    };
    let raw: Raw = Problem::read_toml(src, file).map_err(|p| vec![p])?;
    let scheme = *raw.scheme.get_ref();
    let at = Some(raw.scheme.span());
    let mut problems = Vec::new();
    if scheme.guess_divisor == 0 {
        problems.push(problem(
            at.clone(),
            "`guess_divisor` must be 1 or more".into(),
        ));
    }
    if scheme.triage_one_over > scheme.triage {
        problems.push(problem(
            at.clone(),
            format!(
                "`triage_one_over` ({}) is more than `triage` ({}): an over-triage would score more than the right level",
                scheme.triage_one_over, scheme.triage
            ),
        ));
    }
    if scheme.pass_mark > scheme.max() {
        problems.push(problem(
            at.clone(),
            format!(
                "`pass_mark` ({}) is more than the {} points there are: nobody could pass",
                scheme.pass_mark,
                scheme.max()
            ),
        ));
    }
    if scheme.critical_cap >= scheme.pass_mark {
        problems.push(problem(
            at,
            format!(
                "`critical_cap` ({}) must be below `pass_mark` ({}): a critical error always fails",
                scheme.critical_cap, scheme.pass_mark
            ),
        ));
    }
    let numbers = scheme.numbers();
    let mut check = |text: &Spanned<String>, known: &[&str]| {
        let known: Vec<&str> = known
            .iter()
            .copied()
            .chain(numbers.keys().copied())
            .collect();
        for name in placeholders(text.get_ref()) {
            if !known.contains(&name) {
                problems.push(problem(
                    Some(text.span()),
                    format!(
                        "`{{{name}}}` is not something this text can name; it can name {}",
                        known
                            .iter()
                            .map(|k| format!("`{{{k}}}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
        }
    };
    check(&raw.texts.missed_screening, &["item"]);
    check(&raw.texts.signs_not_asked, &["item", "signs"]);
    check(&raw.texts.organised, &[]);
    check(&raw.texts.jumps, &["returns"]);
    check(&raw.texts.driven, &["relevant", "questions"]);
    check(
        &raw.texts.screened_early,
        &["early", "critical", "early_slack"],
    );
    check(&raw.texts.under_triaged, &["said", "needed"]);
    let names: Vec<&str> = numbers.keys().copied().collect();
    for rule in raw.texts.rules.get_ref() {
        check(rule, &names);
    }
    let bands = raw.bands.get_ref();
    let descending = bands.windows(2).all(|w| w[0].from > w[1].from);
    if bands.is_empty() || !descending || bands[0].from > scheme.max() {
        problems.push(problem(
            Some(raw.bands.span()),
            format!(
                "`bands` must be one or more, highest first, the first from at most {} points",
                scheme.max()
            ),
        ));
    }
    if raw.texts.rules.get_ref().is_empty() {
        problems.push(problem(
            Some(raw.texts.rules.span()),
            "`rules` must say how stations are marked (one text or more)".into(),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Marking {
        scheme,
        parts: raw.parts,
        bands: raw.bands.into_inner(),
        global: GlobalTexts {
            organised: raw.texts.organised.into_inner(),
            jumps: raw.texts.jumps.into_inner(),
            driven: raw.texts.driven.into_inner(),
            screened_early: raw.texts.screened_early.into_inner(),
        },
        rules: raw
            .texts
            .rules
            .get_ref()
            .iter()
            .map(|r| fill(r.get_ref(), &numbers))
            .collect(),
        missed_screening: raw.texts.missed_screening.into_inner(),
        signs_not_asked: raw.texts.signs_not_asked.into_inner(),
        under_triaged: raw.texts.under_triaged.into_inner(),
    })
}

/// The names in braces in a text, in order.
fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

/// The text with each `{name}` replaced by its value (names were checked on loading).
fn fill(text: &str, values: &BTreeMap<&str, String>) -> String {
    let mut out = text.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(src: &str) -> Vec<String> {
        load(src, "m.toml")
            .unwrap_err()
            .iter()
            .map(Problem::placed)
            .collect()
    }

    #[test]
    fn the_builtin_scheme_loads_with_its_numbers_in_the_rules() {
        let m = Marking::builtin().unwrap();
        assert_eq!(m.scheme.max(), 100);
        assert!(
            m.rules[0].starts_with("**Breadth (25 points)**"),
            "{}",
            m.rules[0]
        );
        assert!(m.rules[0].contains("5 of 7 = 18"), "{}", m.rules[0]);
        assert!(m.rules.iter().all(|r| !r.contains('{')));
        assert_eq!(
            m.missed_screening("Red flags"),
            "Red-flag screening not done: \"Red flags\" was never asked"
        );
    }

    #[test]
    fn broken_schemes_are_refused_with_positions() {
        let typo = BUILTIN_SOURCE.replace("focus = 15", "focsu = 15");
        let p = problems(&typo);
        assert!(p[0].contains("unknown field `focsu`"), "{p:?}");
        let line = typo.lines().position(|l| l.starts_with("focsu")).unwrap() + 1;
        assert!(p[0].starts_with(&format!("{line}:1 ")), "{p:?}");

        let text = BUILTIN_SOURCE.replacen(
            "{early_slack} other questions.",
            "{slack} other questions.",
            1,
        );
        let p = problems(&text);
        assert!(
            p[0].contains("`{slack}` is not something this text can name"),
            "{p:?}"
        );
        let line = text.lines().position(|l| l.contains("{slack}")).unwrap() + 1;
        assert!(p[0].starts_with(&format!("{line}:")), "{p:?}");

        let p = problems(&BUILTIN_SOURCE.replace("pass_mark = 60", "pass_mark = 120"));
        assert!(p.iter().any(|m| m.contains("nobody could pass")), "{p:?}");
        let p = problems(&BUILTIN_SOURCE.replace("critical_cap = 40", "critical_cap = 60"));
        assert!(p.iter().any(|m| m.contains("always fails")), "{p:?}");
        let p = problems(&BUILTIN_SOURCE.replace("guess_divisor = 2", "guess_divisor = 0"));
        assert!(p.iter().any(|m| m.contains("1 or more")), "{p:?}");
        let p = problems(&BUILTIN_SOURCE.replace("breadth = 25", "breadth = \"thirty\""));
        assert!(p[0].contains("invalid type"), "{p:?}");
    }
}
