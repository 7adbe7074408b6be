//! Correctly spelled words of a language, so that the slip corrector of typed questions leaves
//! a real word alone ("below" is not a typing slip for "blow"). English only for now: the
//! SCOWL "small" lists in `questionnaires/words/english.txt`; other languages have none and
//! every unknown word may be corrected.

use std::sync::OnceLock;

use rust_stemmers::Algorithm;

const ENGLISH: &str = include_str!("../../questionnaires/words/english.txt");

/// The sorted word list of a language (empty when kinscreen has none).
fn list(language: Algorithm) -> &'static [&'static str] {
    static ENGLISH_WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    match language {
        // The file is sorted (a test checks), so the lines can be searched as they are.
        Algorithm::English => ENGLISH_WORDS.get_or_init(|| {
            ENGLISH
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        }),
        _ => &[],
    }
}

/// Whether `word` (lower case) is a correctly spelled word of `language`.
pub fn is_word(language: Algorithm, word: &str) -> bool {
    list(language).binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_words_are_known_and_slips_are_not() {
        for w in [
            "below", "hoping", "stressed", "diet", "belt", "where", "swollen",
        ] {
            assert!(is_word(Algorithm::English, w), "{w}");
        }
        for w in ["wehre", "swolen", "tingeling", "anckle", "numbnes", "pian"] {
            assert!(!is_word(Algorithm::English, w), "{w}");
        }
        assert!(!is_word(Algorithm::Spanish, "below"));
    }

    #[test]
    fn the_word_list_is_sorted_lower_case_and_without_repeats() {
        let words = list(Algorithm::English);
        assert!(words.len() > 30_000);
        assert!(
            words.windows(2).all(|w| w[0] < w[1]),
            "not sorted, or a word twice"
        );
        assert!(
            words
                .iter()
                .all(|w| w.chars().all(|c| c.is_ascii_lowercase()))
        );
    }
}
