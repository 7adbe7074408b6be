//! The built-in questionnaire ahead of time: its validated model saved as JSON beside the TOML
//! (`questionnaires/lower-limb.compiled.json`), so that start-up reads the model instead of
//! parsing and resolving the TOML. The compiled form is used only when it was made from exactly
//! the embedded TOML (the same fingerprint) and reads back; otherwise the TOML is loaded as any
//! questionnaire file is, and refused if it does not pass. The test `compiled_builtin_is_current`
//! keeps the file current (`KINSCREEN_UPDATE_COMPILED=1 cargo test compiled` rewrites it).

use super::build::fingerprint;
use super::model::{Index, Questionnaire};

/// The compiled form of [`super::BUILTIN_SOURCE`].
pub(super) const BUILTIN_COMPILED: &str =
    include_str!("../../questionnaires/lower-limb.compiled.json");

/// The compiled forms of the built-in translations: (language, the translated questionnaire
/// with the fingerprint of the translation it was made from).
pub(super) const BUILTIN_TRANSLATIONS_COMPILED: &[(&str, &str)] = &[(
    "es",
    include_str!("../../questionnaires/lower-limb.es.compiled.json"),
)];

/// A translated questionnaire, saved with what it was made from.
#[derive(serde::Serialize, serde::Deserialize)]
struct Translated {
    /// The fingerprint of the translation's text.
    translation: String,
    questionnaire: Questionnaire,
}

/// The translated questionnaire `compiled` holds, when it was made from the questionnaire
/// `src` and the translation `translation`; `None` otherwise.
pub(super) fn read_translated(
    compiled: &str,
    src: &str,
    translation: &str,
    name: &str,
) -> Option<Questionnaire> {
    let t: Translated = serde_json::from_str(compiled).ok()?;
    (t.translation == fingerprint(translation) && t.questionnaire.fingerprint == fingerprint(src))
        .then(|| restored(t.questionnaire, src, name))
}

/// The questionnaire `compiled` holds, when it was made from `src`; `None` when it was made from
/// another text or does not read.
pub(super) fn read(compiled: &str, src: &str, name: &str) -> Option<Questionnaire> {
    let q: Questionnaire = serde_json::from_str(compiled).ok()?;
    (q.fingerprint == fingerprint(src)).then(|| restored(q, src, name))
}

/// A questionnaire read from its compiled form, with what the form leaves out put back: its
/// name, its TOML text and its lookups.
fn restored(mut q: Questionnaire, src: &str, name: &str) -> Questionnaire {
    q.source = name.to_string();
    q.document = src.to_string();
    q.index = Index::new(&q.questions, &q.rules);
    q
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::{BUILTIN_NAME, BUILTIN_SOURCE, Checks, check_with};

    /// The compiled form of a questionnaire, as [`read`] reads it.
    fn write(q: &Questionnaire) -> String {
        let mut json = serde_json::to_string(q).unwrap();
        json.push('\n');
        json
    }

    const PATH: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questionnaires/lower-limb.compiled.json"
    );

    #[test]
    fn compiled_builtin_is_current() {
        let (q, problems) = check_with(BUILTIN_SOURCE, BUILTIN_NAME, Checks::Structure);
        let q = q.unwrap_or_else(|| panic!("{}", super::super::render_problems(&problems)));
        let fresh = write(&q);
        if std::env::var_os("KINSCREEN_UPDATE_COMPILED").is_some() {
            std::fs::write(PATH, &fresh).unwrap();
            return;
        }
        assert!(
            fresh == BUILTIN_COMPILED,
            "questionnaires/lower-limb.compiled.json was not made from the current \
             questionnaires/lower-limb.toml; rewrite it with \
             `KINSCREEN_UPDATE_COMPILED=1 cargo test compiled`"
        );
        let read = read(BUILTIN_COMPILED, BUILTIN_SOURCE, BUILTIN_NAME).expect("reads back");
        assert_eq!(write(&read), fresh);
        assert_eq!(read.document, q.document);
        assert_eq!(read.source, q.source);
        assert!(read.index == q.index);
    }

    /// The compiled built-in translations are what applying the translations gives now.
    #[test]
    fn compiled_translations_are_current() {
        let (q, _) = check_with(BUILTIN_SOURCE, BUILTIN_NAME, Checks::Structure);
        let q = q.unwrap();
        for (language, compiled) in BUILTIN_TRANSLATIONS_COMPILED {
            let src = crate::questionnaire::builtin_translation(language).unwrap();
            let t = crate::questionnaire::translation::load(&q, src, language).unwrap();
            let mut json = serde_json::to_string(&Translated {
                translation: fingerprint(src),
                questionnaire: t.questionnaire.clone(),
            })
            .unwrap();
            json.push('\n');
            let path = format!(
                "{}/questionnaires/lower-limb.{language}.compiled.json",
                env!("CARGO_MANIFEST_DIR")
            );
            if std::env::var_os("KINSCREEN_UPDATE_COMPILED").is_some() {
                std::fs::write(&path, &json).unwrap();
                continue;
            }
            assert!(
                json == *compiled,
                "{path} was not made from the current translation; rewrite it with \
                 `KINSCREEN_UPDATE_COMPILED=1 cargo test compiled`"
            );
            let read = read_translated(compiled, BUILTIN_SOURCE, src, BUILTIN_NAME).unwrap();
            assert_eq!(read.meta.language, *language);
            assert_eq!(write(&read), write(&t.questionnaire));
            // Another translation text is not read from it.
            assert!(read_translated(compiled, BUILTIN_SOURCE, &format!("{src} "), "x").is_none());
        }
    }

    #[test]
    fn a_compiled_form_of_another_text_is_not_used() {
        let other = BUILTIN_SOURCE.replace("red_flags_emergency", "red_flags_emergency2");
        assert!(read(BUILTIN_COMPILED, &other, BUILTIN_NAME).is_none());
        assert!(read("{}", BUILTIN_SOURCE, BUILTIN_NAME).is_none());
        assert!(read(&BUILTIN_COMPILED[..100], BUILTIN_SOURCE, BUILTIN_NAME).is_none());
    }
}
