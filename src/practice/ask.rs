//! Reading a question typed in the student's own words ("any pins and needles?", "wehre does
//! it hurt") as the item or items of the questionnaire it asks about, with the phrase data of
//! [`super::phrases`]. Pure and deterministic.
//!
//! How: the text is cut into questions (sentences, and "…, and does …" joins); each word is
//! corrected to a known word when it is one typing slip away (`strsim`'s optimal string
//! alignment distance, which counts a swap of two letters as one slip), rewritten by the
//! data's `same` table, dropped when it is a stop word, and stemmed (`rust-stemmers`, the
//! Snowball stemmers), so word forms and word order do not matter. A phrase matches when all
//! its stems are in the question (three quarters of their weight for phrases of four stems or
//! more); a target (an item, or one option of it) scores by how much of the question its
//! matching phrases explain, rare words weighing more (inverse document frequency over items).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;

use crate::questionnaire::{OIdx, QIdx, Questionnaire};

use super::phrases::{PatientTexts, Phrases};

/// A score at or above this is a match.
pub const MATCH: f64 = 0.5;
/// A second, separate part of one question counts when it scores at least this.
const SECOND: f64 = MATCH;
/// Two readings of the same words closer than this are a choice for the student.
const CLOSE: f64 = 0.08;
/// A second part of one question needs words weighing at least this.
const TELLING: f64 = 2.5;
/// The weight of a word no phrase uses.
const UNKNOWN: f64 = 3.0;

/// What a question can be about: an item, or one option (sign) of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Target {
    pub item: QIdx,
    /// The option asked about (for red-flag screening items, one sign).
    pub option: Option<OIdx>,
}

/// One reading of a question, scored.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub target: Target,
    /// 0 to 1.
    pub score: f64,
    /// Which words of its question the reading explains (positions).
    words: BTreeSet<usize>,
}

/// What a typed question was understood to ask.
#[derive(Debug, Clone, PartialEq)]
pub enum Understood {
    /// These, in the order asked (one, or several questions in one).
    Asked(Vec<Target>),
    /// It could be any of these: the student says which.
    Choice(Vec<Target>),
    /// Nothing the questionnaire covers.
    Unclear,
}

/// A typed question read: the decision and every reading that matched, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub understood: Understood,
    pub matches: Vec<Match>,
}

#[derive(Debug, Clone)]
struct Indexed {
    target: Target,
    stems: Vec<String>,
}

/// A typed-question reader for one questionnaire and its phrases.
#[derive(Clone)]
pub struct Matcher {
    algorithm: Algorithm,
    stop: HashSet<String>,
    same: HashMap<String, Vec<String>>,
    joins: HashSet<String>,
    openers: HashSet<String>,
    /// Every word the data knows, for correcting slips (sorted, so corrections are stable).
    vocabulary: BTreeSet<String>,
    /// Every stem the phrases use: a word with a known stem needs no correcting.
    known_stems: HashSet<String>,
    phrases: Vec<Indexed>,
    weight: HashMap<String, f64>,
    /// What the long menu offers, in questionnaire order, with the words it is found by.
    menu: Vec<(Target, Vec<String>)>,
    /// What the patient says when a question cannot be answered as it stands.
    pub texts: PatientTexts,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("phrases", &self.phrases.len())
            .finish_non_exhaustive()
    }
}

/// A word of a text (lower case), or a mark that may cut it into questions.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(String),
    Comma,
    End,
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '&' {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push(Token::Word(std::mem::take(&mut word)));
        }
        match c {
            ',' => out.push(Token::Comma),
            '?' | '.' | '!' | ';' | ':' | '\n' => out.push(Token::End),
            _ => {}
        }
    }
    if !word.is_empty() {
        out.push(Token::Word(word));
    }
    out
}

/// The words of a text, lower case, without the marks.
fn words(text: &str) -> Vec<String> {
    tokens(text)
        .into_iter()
        .filter_map(|t| match t {
            Token::Word(w) => Some(w),
            _ => None,
        })
        .collect()
}

impl Matcher {
    /// A reader for `q` with the built-in phrases when they are for it (the built-in words
    /// and the items' topics otherwise).
    pub fn builtin(q: &Questionnaire) -> Matcher {
        let phrases = super::phrases::load(
            q,
            super::phrases::BUILTIN_SOURCE,
            super::phrases::BUILTIN_NAME,
        )
        .unwrap_or_else(|_| Phrases::builtin_words());
        Matcher::new(q, &phrases)
    }

    /// A reader for `q` with `phrases` (checked against `q`); every item's topic is a phrase
    /// too.
    pub fn new(q: &Questionnaire, phrases: &Phrases) -> Matcher {
        let mut m = Matcher {
            algorithm: phrases.language,
            stop: phrases.stop.iter().cloned().collect(),
            same: phrases
                .same
                .iter()
                .map(|(k, v)| (k.clone(), v.split_whitespace().map(String::from).collect()))
                .collect(),
            joins: phrases.joins.iter().cloned().collect(),
            openers: phrases.openers.iter().cloned().collect(),
            vocabulary: BTreeSet::new(),
            known_stems: HashSet::new(),
            phrases: Vec::new(),
            weight: HashMap::new(),
            texts: phrases.patient.clone(),
            menu: Vec::new(),
        };
        let signs: Vec<Vec<OIdx>> = (0..q.questions.len()).map(|i| q.signs(i)).collect();
        // An option's phrase asks about that option when it is a sign, else about its item.
        let target = |item: QIdx, option: Option<OIdx>| Target {
            item,
            option: option.filter(|o| signs[item].contains(o)),
        };
        let mut vocabulary: BTreeSet<String> = phrases.stop.iter().cloned().collect();
        for (k, v) in &phrases.same {
            vocabulary.insert(k.clone());
            vocabulary.extend(v.split_whitespace().map(String::from));
        }
        // The long menu: every item, then each of its signs, found by their own words and
        // their phrases' words.
        let mut menu: BTreeMap<Target, BTreeSet<String>> = BTreeMap::new();
        for (i, x) in q.questions.iter().enumerate() {
            menu.insert(target(i, None), words(x.topic()).into_iter().collect());
            for o in &signs[i] {
                let label = x.kind.options().get(*o).map_or("", |c| c.label.as_str());
                menu.insert(target(i, Some(*o)), words(label).into_iter().collect());
            }
        }
        let topics = q
            .questions
            .iter()
            .enumerate()
            .map(|(i, x)| (i, None, x.topic().to_string()));
        let stemmer = Stemmer::create(m.algorithm);
        for (item, option, text) in phrases.entries.iter().cloned().chain(topics) {
            let target = target(item, option);
            let raw = words(&text);
            vocabulary.extend(raw.iter().cloned());
            menu.entry(target).or_default().extend(raw.iter().cloned());
            let stems = m.stems(&stemmer, raw.iter().map(String::as_str), false);
            if !stems.is_empty() {
                m.phrases.push(Indexed {
                    target,
                    stems: stems.into_iter().map(|(_, s)| s).collect(),
                });
            }
        }
        // Weights: a stem used by few items tells more than one used by many.
        let mut items_of: HashMap<&str, BTreeSet<QIdx>> = HashMap::new();
        for p in &m.phrases {
            for s in &p.stems {
                items_of.entry(s).or_default().insert(p.target.item);
            }
        }
        let n = q.questions.len().max(1) as f64;
        m.weight = items_of
            .into_iter()
            .map(|(s, items)| (s.to_string(), (1.0 + n / items.len() as f64).ln()))
            .collect();
        m.known_stems = m.weight.keys().cloned().collect();
        m.menu = menu
            .into_iter()
            .map(|(t, found_by)| (t, found_by.into_iter().collect()))
            .collect();
        m.vocabulary = vocabulary;
        m
    }

    /// The stems of some words, each with the position of the word it came from; slips are
    /// corrected when `correct`.
    fn stems<'a>(
        &self,
        stemmer: &Stemmer,
        words: impl Iterator<Item = &'a str>,
        correct: bool,
    ) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        for (at, word) in words.enumerate() {
            let word = if correct {
                self.correct(stemmer, word)
            } else {
                word.to_string()
            };
            let read: Vec<String> = match self.same.get(&word) {
                Some(v) => v.clone(),
                None => vec![word],
            };
            for w in read {
                if !self.stop.contains(&w) {
                    out.push((at, stemmer.stem(&w).into_owned()));
                }
            }
        }
        out
    }

    /// A word, or the known word it is one slip from (two for long words). Words of three
    /// letters or fewer, words whose stem a phrase uses and correctly spelled words of the
    /// language ([`super::words`]) are left as they are; a word of
    /// four letters is corrected only by a changed or swapped letter after the first.
    fn correct(&self, stemmer: &Stemmer, word: &str) -> String {
        let len = word.chars().count();
        if len < 4
            || self.vocabulary.contains(word)
            || self.known_stems.contains(stemmer.stem(word).as_ref())
            || word.chars().any(|c| c.is_ascii_digit())
            || super::words::is_word(self.algorithm, word)
        {
            return word.to_string();
        }
        let most = if len >= 8 { 2 } else { 1 };
        let first = word.chars().next();
        // The nearest; among equals, a word that carries meaning, with the same first letter,
        // of the nearest length.
        self.vocabulary
            .iter()
            .filter(|k| k.chars().count() >= 3)
            .map(|k| {
                let d = strsim::osa_distance(word, k);
                let len = k.chars().count().abs_diff(len);
                (d, self.stop.contains(k), k.chars().next() != first, len, k)
            })
            .filter(|(d, _, other_first, len_diff, _)| {
                // A short word only by a swap or a changed letter after its first.
                *d <= most && (len >= 5 || (!*other_first && *len_diff == 0))
            })
            .min()
            .map(|(.., k)| k.clone())
            .unwrap_or_else(|| word.to_string())
    }

    /// Reads a typed question.
    pub fn read(&self, text: &str) -> Reading {
        let stemmer = Stemmer::create(self.algorithm);
        let mut asked: Vec<Target> = Vec::new();
        let mut choice: Option<Vec<Target>> = None;
        let mut all: BTreeMap<Target, Match> = BTreeMap::new();
        let parts = self.parts(text);
        let several = parts.len() > 1;
        for part in parts {
            let stems = self.stems(&stemmer, part.iter().map(String::as_str), true);
            let found = self.matches(&stems);
            for m in &found {
                let kept = all.entry(m.target).or_insert_with(|| m.clone());
                if m.score > kept.score {
                    *kept = m.clone();
                }
            }
            let Some(best) = found.first() else { continue };
            let mut taken = vec![best.clone()];
            let mut close = vec![best.target];
            let weight_of = |words: &BTreeSet<usize>| -> f64 {
                stems
                    .iter()
                    .filter(|(at, _)| words.contains(at))
                    .map(|(_, s)| self.weight(s))
                    .sum()
            };
            let all_words: BTreeSet<usize> = stems.iter().map(|(at, _)| *at).collect();
            for m in &found[1..] {
                let overlaps = taken.iter().any(|t| !t.words.is_disjoint(&m.words));
                // A second question in the same words: it explains most of what the first
                // left, with a telling word ("any fever, or weight loss?").
                let left: BTreeSet<usize> = all_words
                    .iter()
                    .copied()
                    .filter(|at| !taken.iter().any(|t| t.words.contains(at)))
                    .collect();
                let explains = weight_of(&m.words);
                let second =
                    m.score >= SECOND && explains >= TELLING && explains >= 0.6 * weight_of(&left);
                if !overlaps && second {
                    taken.push(m.clone());
                } else if overlaps
                    && best.score - m.score < CLOSE
                    && m.target.item != best.target.item
                    && m.words.is_subset(&best.words) == best.words.is_subset(&m.words)
                {
                    close.push(m.target);
                }
            }
            if close.len() > 1 && !several && choice.is_none() {
                choice = Some(close);
                continue;
            }
            // Parts in the order their words came.
            taken.sort_by_key(|m| m.words.first().copied());
            for t in taken {
                if !asked.contains(&t.target) {
                    asked.push(t.target);
                }
            }
        }
        let mut matches: Vec<Match> = all.into_values().collect();
        matches.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.target.cmp(&b.target)));
        let understood = match choice {
            Some(c) if asked.is_empty() => Understood::Choice(c),
            _ if asked.is_empty() => Understood::Unclear,
            _ => Understood::Asked(asked),
        };
        Reading {
            understood,
            matches,
        }
    }

    /// The questions in a text: its sentences, cut again where a join (or a comma) and an
    /// opener meet ("Where is it, and does it spread?").
    fn parts(&self, text: &str) -> Vec<Vec<String>> {
        let toks = tokens(text);
        let is = |k: usize, set: &HashSet<String>| matches!(toks.get(k), Some(Token::Word(w)) if set.contains(w));
        let mut parts: Vec<Vec<String>> = vec![Vec::new()];
        for (i, t) in toks.iter().enumerate() {
            let cut = match t {
                Token::End => true,
                Token::Comma => {
                    is(i + 1, &self.openers) || (is(i + 1, &self.joins) && is(i + 2, &self.openers))
                }
                Token::Word(_) => is(i, &self.joins) && is(i + 1, &self.openers),
            };
            if cut {
                parts.push(Vec::new());
            } else if let (Token::Word(w), Some(last)) = (t, parts.last_mut()) {
                last.push(w.clone());
            }
        }
        parts.retain(|p| !p.is_empty());
        parts
    }

    /// Every target one question's stems match, best first.
    fn matches(&self, stems: &[(usize, String)]) -> Vec<Match> {
        let weight = |s: &str| self.weight(s);
        // Each stem once, at its first position.
        let mut seen = HashSet::new();
        let stems: Vec<&(usize, String)> = stems
            .iter()
            .filter(|(_, s)| seen.insert(s.as_str()))
            .collect();
        let total: f64 = stems.iter().map(|(_, s)| weight(s)).sum();
        if total <= 0.0 {
            return Vec::new();
        }
        let mut best: BTreeMap<Target, (f64, BTreeSet<usize>)> = BTreeMap::new();
        for p in &self.phrases {
            let wanted: f64 = p.stems.iter().map(|s| weight(s)).sum();
            // The phrase's stems found in the question: where, and what they weigh.
            let found: Vec<(usize, f64)> = p
                .stems
                .iter()
                .filter_map(|s| {
                    let (at, _) = stems.iter().find(|(_, q)| q == s)?;
                    Some((*at, weight(s)))
                })
                .collect();
            let have: f64 = found.iter().map(|(_, w)| w).sum();
            let complete = if p.stems.len() >= 4 {
                have >= 0.75 * wanted
            } else {
                found.len() == p.stems.len()
            };
            if !complete || wanted <= 0.0 {
                continue;
            }
            let entry = best.entry(p.target).or_insert((0.0, BTreeSet::new()));
            entry.0 = entry.0.max(have / wanted);
            entry.1.extend(found.iter().map(|(at, _)| *at));
        }
        let mut out: Vec<Match> = best
            .into_iter()
            .map(|(target, (phrase, words))| {
                let covered: f64 = stems
                    .iter()
                    .filter(|(at, _)| words.contains(at))
                    .map(|(_, s)| weight(s))
                    .sum();
                let score = phrase * (0.3 + 0.7 * covered / total);
                Match {
                    target,
                    score: (score * 100.0).round() / 100.0,
                    words,
                }
            })
            .filter(|m| m.score >= MATCH)
            .collect();
        // A whole item and one of its options read from the same words: the option is meant.
        let options: Vec<Match> = out
            .iter()
            .filter(|m| m.target.option.is_some())
            .cloned()
            .collect();
        out.retain(|m| {
            m.target.option.is_some()
                || !options.iter().any(|o| {
                    o.target.item == m.target.item
                        && m.words.is_subset(&o.words)
                        && o.score >= m.score
                })
        });
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.target.cmp(&b.target)));
        out
    }

    /// The long menu for some typed letters: the items (and red-flag signs) with a word
    /// starting with each typed word, in questionnaire order; nothing before two letters.
    pub fn menu(&self, typed: &str) -> Vec<Target> {
        let typed = words(typed);
        if typed.iter().map(|w| w.chars().count()).sum::<usize>() < 2 {
            return Vec::new();
        }
        self.menu
            .iter()
            .filter(|(_, found_by)| {
                typed
                    .iter()
                    .all(|t| found_by.iter().any(|w| w.starts_with(t.as_str())))
            })
            .map(|(t, _)| *t)
            .collect()
    }

    /// How much a stem weighs (rare stems more).
    fn weight(&self, stem: &str) -> f64 {
        self.weight.get(stem).copied().unwrap_or(UNKNOWN)
    }
}

/// A [`Matcher`] that may still be being built on another thread (it takes a few
/// milliseconds, which the first frame should not wait for): the first use waits for it, or
/// builds it if that thread could not.
#[derive(Clone)]
pub struct Shared {
    cell: std::sync::Arc<std::sync::OnceLock<Matcher>>,
    build: std::sync::Arc<dyn Fn() -> Matcher + Send + Sync>,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared")
            .field("ready", &self.cell.get().is_some())
            .finish()
    }
}

impl Shared {
    /// A matcher already built.
    pub fn ready(matcher: Matcher) -> Shared {
        let cell = std::sync::OnceLock::new();
        let _ = cell.set(matcher.clone());
        Shared {
            cell: std::sync::Arc::new(cell),
            build: std::sync::Arc::new(move || matcher.clone()),
        }
    }

    /// Starts building with `build` on another thread.
    pub fn building(build: impl Fn() -> Matcher + Send + Sync + 'static) -> Shared {
        let shared = Shared {
            cell: std::sync::Arc::new(std::sync::OnceLock::new()),
            build: std::sync::Arc::new(build),
        };
        let (cell, build) = (shared.cell.clone(), shared.build.clone());
        std::thread::spawn(move || {
            cell.get_or_init(|| build());
        });
        shared
    }

    /// The matcher, once built.
    pub fn get(&self) -> &Matcher {
        self.cell.get_or_init(|| (self.build)())
    }
}

/// A typed question and what the patient said to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Heard {
    pub reading: Reading,
    /// The patient's words: the replies to what was asked, or a question back.
    pub said: String,
}

/// What the patient of `station` says when asked `targets` (nothing: a question not
/// understood).
pub fn answer(station: &super::Station, texts: &PatientTexts, targets: &[Target]) -> String {
    if targets.is_empty() {
        return texts.unclear.clone();
    }
    targets
        .iter()
        .map(|t| match station.reply_to(*t) {
            super::Reply::Said(s) => s,
            super::Reply::NotApplicable => texts.not_applicable.clone(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Puts `targets` to the patient of `station` as question `text` (none: picked from a menu) in
/// `attempt`: what the patient says, and whether the question counted (one that only asked
/// again what was asked before does not; one not understood does, as unclear).
pub fn put(
    station: &super::Station,
    texts: &PatientTexts,
    attempt: &mut super::Attempt,
    text: Option<&str>,
    targets: &[Target],
) -> (String, bool) {
    let fresh = attempt.put(text, targets);
    let counted = targets.is_empty() || fresh.iter().any(|f| *f);
    (answer(station, texts, targets), counted)
}

/// What the patient of `station` says to a typed question.
pub fn hear(station: &super::Station, matcher: &Matcher, text: &str) -> Heard {
    let texts = &matcher.texts;
    let reading = matcher.read(text);
    let q = station.questionnaire();
    let said = match &reading.understood {
        Understood::Asked(targets) => answer(station, texts, targets),
        Understood::Choice(targets) => {
            let topics: Vec<&str> = targets.iter().map(|t| target_name(q, *t)).collect();
            texts.choice(&topics)
        }
        Understood::Unclear => answer(station, texts, &[]),
    };
    Heard { reading, said }
}

/// An item's topic, or for one sign its name (see [`Questionnaire::sign_name`]).
pub fn target_name(q: &Questionnaire, t: Target) -> &str {
    match t.option {
        Some(o) => q.sign_name(t.item, o),
        None => q.questions[t.item].topic(),
    }
}

/// A target by id: `item` or `item.option`.
pub fn target_by_id(q: &Questionnaire, id: &str) -> Option<Target> {
    let (item, option) = match id.split_once('.') {
        Some((i, o)) => (i, Some(o)),
        None => (id, None),
    };
    let i = q.question_index(item)?;
    let option = match option {
        Some(o) => Some(q.questions[i].option_index(o)?),
        None => None,
    };
    Some(Target { item: i, option })
}

/// A target as an id: `item` or `item.option`.
pub fn target_id(q: &Questionnaire, t: Target) -> String {
    let item = &q.questions[t.item];
    match t.option.and_then(|o| item.kind.options().get(o)) {
        Some(o) => format!("{}.{}", item.id, o.id),
        None => item.id.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher() -> (Questionnaire, Matcher) {
        let q = crate::questionnaire::builtin().unwrap();
        let m = Matcher::builtin(&q);
        (q, m)
    }

    fn first(q: &Questionnaire, m: &Matcher, text: &str) -> String {
        m.read(text)
            .matches
            .first()
            .map_or("-".into(), |x| target_id(q, x.target))
    }

    /// The phrasings in tests/data/phrasings.tsv: the right item first in at least 90% of
    /// the covered ones, and no match for at least 80% of the questions not covered.
    #[test]
    fn student_phrasings_are_read_as_their_items() {
        let (q, m) = matcher();
        let data = include_str!("../../tests/data/phrasings.tsv");
        let (mut hit, mut covered, mut quiet, mut uncovered) = (0, 0, 0, 0);
        let mut misses = Vec::new();
        for line in data
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let (want, text) = line.split_once('\t').unwrap();
            let got = first(&q, &m, text);
            let item_of = |id: &str| id.split('.').next().unwrap_or_default().to_string();
            if want == "-" {
                uncovered += 1;
                quiet += usize::from(got == "-");
            } else {
                covered += 1;
                let ok = got == want || (!want.contains('.') && item_of(&got) == want);
                hit += usize::from(ok);
                if !ok {
                    misses.push(format!("{text} -> {got}, not {want}"));
                }
            }
        }
        eprintln!(
            "right item first {hit}/{covered}; no match {quiet}/{uncovered}; misses: {misses:#?}"
        );
        assert!(hit * 10 >= covered * 9, "{hit}/{covered}: {misses:#?}");
        assert!(quiet * 10 >= uncovered * 8, "{quiet}/{uncovered}");
    }

    /// A matcher built on another thread reads questions as one built here; so does a clone.
    #[test]
    fn a_matcher_built_on_another_thread_reads_the_same() {
        let (q, m) = matcher();
        let q2 = std::sync::Arc::new(crate::questionnaire::builtin().unwrap());
        let shared = Shared::building(move || Matcher::builtin(&q2));
        let clone = shared.clone();
        for text in [
            "Any pins and needles?",
            "wehre does it hurt",
            "Do you smoke?",
        ] {
            assert_eq!(first(&q, shared.get(), text), first(&q, &m, text));
            assert_eq!(first(&q, clone.get(), text), first(&q, &m, text));
        }
        let ready = Shared::ready(m.clone());
        assert_eq!(
            first(&q, ready.get(), "Any fever?"),
            first(&q, &m, "Any fever?")
        );
    }

    #[test]
    fn typos_word_forms_and_order_do_not_matter() {
        let (q, m) = matcher();
        assert_eq!(first(&q, &m, "wehre does it hurt"), "main_site");
        assert_eq!(first(&q, &m, "any tinglng or numbess"), "nerve_symptoms");
        assert_eq!(first(&q, &m, "needles and pins?"), "nerve_symptoms");
        assert_eq!(first(&q, &m, "how lomg has it been going on"), "duration");
    }

    #[test]
    fn a_question_that_is_two_questions_asks_both() {
        let (q, m) = matcher();
        let Understood::Asked(t) = m.read("Where is the pain and does it spread?").understood
        else {
            panic!("not understood")
        };
        let ids: Vec<String> = t.iter().map(|t| target_id(&q, *t)).collect();
        assert_eq!(ids, ["main_site", "pain_spreads"]);
        // "pins and needles" is one question, not two.
        let Understood::Asked(t) = m.read("Any pins and needles?").understood else {
            panic!("not understood")
        };
        assert_eq!(t.len(), 1);
    }

    #[test]
    fn a_red_flag_question_asks_one_sign() {
        let (q, m) = matcher();
        let Understood::Asked(t) = m
            .read("Any problems with your bladder or bowels?")
            .understood
        else {
            panic!("not understood")
        };
        assert_eq!(
            target_id(&q, t[0]),
            "red_flags_emergency.saddle_numbness_or_bladder_bowel"
        );
        let Understood::Asked(t) = m.read("Any fever or weight loss?").understood else {
            panic!("not understood")
        };
        let mut ids: Vec<String> = t.iter().map(|t| target_id(&q, *t)).collect();
        ids.sort();
        assert_eq!(
            ids,
            [
                "red_flags_urgent.cancer_history_or_weight_loss",
                "red_flags_urgent.fever_or_unwell"
            ]
        );
    }

    #[test]
    fn questions_outside_the_history_match_nothing() {
        let (q, m) = matcher();
        for text in [
            "Do you smoke?",
            "How are you today?",
            "Do you drink alcohol?",
            "",
        ] {
            assert_eq!(first(&q, &m, text), "-", "{text}");
            assert_eq!(m.read(text).understood, Understood::Unclear, "{text}");
        }
    }

    #[test]
    fn the_long_menu_shows_nothing_before_two_letters() {
        let (q, m) = matcher();
        assert!(m.menu("b").is_empty());
        let menu: Vec<String> = m.menu("blad").iter().map(|t| target_id(&q, *t)).collect();
        assert!(
            menu.contains(&"red_flags_emergency.saddle_numbness_or_bladder_bowel".to_string()),
            "{menu:?}"
        );
    }
}
