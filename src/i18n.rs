//! The program's own texts in each language: screen titles, key hints, the result's headings,
//! line mode's prompts and the messages a person sees, as Fluent catalogues
//! (`locales/LANG.ftl`, built in). The questionnaire's texts are not here: they are data beside
//! the questionnaire (see [`crate::questionnaire::translation`]).
//!
//! Fluent (`fluent-bundle`) rather than `rust-i18n`: its files are the translators' standard,
//! its selectors give Spanish (and any later language) its own plural and gender forms instead
//! of English sentence shapes, and a catalogue is an explicit value rather than one global
//! locale, so tests in other languages can run side by side. The language is chosen once per
//! thread ([`set`]; new threads start with [`set_default`]'s); a text missing in it falls back
//! to English, and one missing there shows its id.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::Mutex;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

/// The built-in catalogues: (language code, its own name, Fluent text). English first.
pub const CATALOGUES: &[(&str, &str, &str)] = &[
    ("en", "English", include_str!("../locales/en.ftl")),
    ("es", "Español", include_str!("../locales/es.ftl")),
];

/// The language every text falls back to.
pub const ENGLISH: &str = "en";

static DEFAULT: Mutex<&str> = Mutex::new(ENGLISH);

struct Catalogue {
    language: &'static str,
    /// The chosen language's bundle, then English's.
    bundles: Vec<FluentBundle<FluentResource>>,
}

thread_local! {
    static HERE: RefCell<Option<Catalogue>> = const { RefCell::new(None) };
}

fn bundle(language: &'static str, src: &str) -> FluentBundle<FluentResource> {
    // The built-in catalogues are checked by the tests; a broken entry is left out rather
    // than stopping the program.
    let resource = FluentResource::try_new(src.to_string()).unwrap_or_else(|(partial, _)| partial);
    let id = language.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    // No bidi isolation marks around arguments: they would reach the terminal.
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    bundle
}

/// The built-in catalogue of `language`, English's when there is none.
fn entry(language: &str) -> &'static (&'static str, &'static str, &'static str) {
    CATALOGUES
        .iter()
        .find(|(l, _, _)| *l == language)
        .unwrap_or(&CATALOGUES[0])
}

fn catalogue(language: &str) -> Catalogue {
    let (chosen, _, src) = entry(language);
    let mut bundles = vec![bundle(chosen, src)];
    if *chosen != ENGLISH {
        bundles.push(bundle(ENGLISH, CATALOGUES[0].2));
    }
    Catalogue {
        language: chosen,
        bundles,
    }
}

/// Whether the program's texts exist in `language`.
pub fn has(language: &str) -> bool {
    CATALOGUES.iter().any(|(l, _, _)| *l == language)
}

/// The language threads start with (set once, at start-up).
pub fn set_default(language: &str) {
    let code = entry(language).0;
    if let Ok(mut d) = DEFAULT.lock() {
        *d = code;
    }
    set(code);
}

/// This thread's language from now on (English when there is no catalogue for it).
pub fn set(language: &str) {
    HERE.with(|h| *h.borrow_mut() = Some(catalogue(language)));
}

fn with<T>(f: impl FnOnce(&Catalogue) -> T) -> T {
    HERE.with(|h| {
        let mut h = h.borrow_mut();
        let c = h.get_or_insert_with(|| catalogue(DEFAULT.lock().map_or(ENGLISH, |d| *d)));
        f(c)
    })
}

/// This thread's language.
pub fn language() -> &'static str {
    with(|c| c.language)
}

/// A text in this thread's language, with its arguments; English when the language lacks it,
/// and the id itself when English does too.
pub fn text(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    with(|c| {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        for bundle in &c.bundles {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let out = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
                // A missing argument shows as `{$name}`: a mistake in the program, caught by
                // every test that shows the text.
                debug_assert!(errors.is_empty(), "`{id}`: {errors:?}");
                return out.into_owned();
            }
        }
        id.to_string()
    })
}

/// The text for a key hint's action ("go on"), by its words: the message `key-go-on`; the
/// words themselves where there is none (practice's keys, English only).
pub fn key_action(action: &str) -> Cow<'_, str> {
    by_words("key", action)
}

/// A key's name in a hint, by its words: the message `keyname-arrows` for "arrows"; the name
/// itself where there is none (most keys are named as on the keyboard: Enter, Tab, q).
pub fn key_name(name: &str) -> Cow<'_, str> {
    by_words("keyname", name)
}

fn by_words<'a>(prefix: &str, words: &'a str) -> Cow<'a, str> {
    let id = format!("{prefix}-{}", slug(words));
    let found = with(|c| c.bundles.iter().any(|b| b.has_message(&id)));
    if found {
        Cow::Owned(text(&id, &[]))
    } else {
        Cow::Borrowed(words)
    }
}

/// Words as a message id: lower case, every run of other characters one dash.
fn slug(words: &str) -> String {
    let mut out = String::new();
    for c in words.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// The language asked for by the environment (`LC_ALL`, then `LC_MESSAGES`, then `LANG`: the
/// first that is set and not empty), as a code ("es" from "es_ES.UTF-8"); `None` for "C",
/// "POSIX" or nothing set.
pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Option<String> {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| var(k))
        .find(|v| !v.is_empty())?;
    code_of(&value).filter(|code| code != "c" && code != "posix")
}

/// The language a locale or tag names, as a code: "es" for "es", "ES", "es-MX" or
/// "es_MX.UTF-8"; `None` for an empty one.
pub fn code_of(locale: &str) -> Option<String> {
    let code = locale
        .trim()
        .split(['_', '.', '@', '-'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    (!code.is_empty()).then_some(code)
}

/// The program's own text by id, with named arguments: `t!("alert-also", signs = list)`.
#[macro_export]
macro_rules! t {
    ($id:expr) => {
        $crate::i18n::text($id, &[])
    };
    ($id:expr, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::i18n::text(
            $id,
            &[$((stringify!($k), ::fluent_bundle::FluentValue::from($v))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    use fluent_bundle::FluentResource;
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

    /// Every message of a catalogue, with the variables it uses.
    fn messages(src: &str) -> Vec<(String, BTreeSet<String>)> {
        let resource = FluentResource::try_new(src.to_string())
            .unwrap_or_else(|(_, errors)| panic!("{errors:?}"));
        fn vars(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
            for element in &p.elements {
                if let PatternElement::Placeable { expression } = element {
                    expr(expression, out);
                }
            }
        }
        fn expr(e: &Expression<&str>, out: &mut BTreeSet<String>) {
            match e {
                Expression::Inline(i) => inline(i, out),
                Expression::Select { selector, variants } => {
                    inline(selector, out);
                    for v in variants {
                        vars(&v.value, out);
                    }
                }
            }
        }
        fn inline(i: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
            match i {
                InlineExpression::VariableReference { id } => {
                    out.insert(id.name.to_string());
                }
                InlineExpression::Placeable { expression } => expr(expression, out),
                _ => {}
            }
        }
        resource
            .entries()
            .filter_map(|e| match e {
                Entry::Message(m) => {
                    let mut v = BTreeSet::new();
                    if let Some(p) = &m.value {
                        vars(p, &mut v);
                    }
                    Some((m.id.name.to_string(), v))
                }
                _ => None,
            })
            .collect()
    }

    /// Every catalogue parses, has exactly English's messages, and uses the same arguments in
    /// each: a text missing in a language, or one English no longer has, fails here.
    #[test]
    fn every_catalogue_has_every_message_with_the_same_arguments() {
        let english = messages(CATALOGUES[0].2);
        assert!(english.len() > 50);
        for (code, _, src) in &CATALOGUES[1..] {
            let other = messages(src);
            for (id, vars) in &english {
                match other.iter().find(|(i, _)| i == id) {
                    None => panic!("locales/{code}.ftl has no `{id}`"),
                    Some((_, v)) => assert_eq!(v, vars, "`{id}` in locales/{code}.ftl"),
                }
            }
            for (id, _) in &other {
                assert!(
                    english.iter().any(|(i, _)| i == id),
                    "locales/{code}.ftl has `{id}`, which English does not"
                );
            }
        }
    }

    /// Every message of every catalogue formats without an error, with its arguments as
    /// numbers (1 and 2, for plural forms) and as words.
    #[test]
    fn every_message_formats_in_every_language() {
        for (code, _, src) in CATALOGUES {
            set(code);
            for (id, vars) in messages(src) {
                for value in [
                    FluentValue::from(1),
                    FluentValue::from(2),
                    FluentValue::from("x"),
                ] {
                    let args: Vec<(&str, FluentValue)> =
                        vars.iter().map(|v| (v.as_str(), value.clone())).collect();
                    let out = text(&id, &args);
                    assert!(
                        !out.contains("{$") && !out.is_empty(),
                        "{code} `{id}`: {out}"
                    );
                }
            }
        }
        set(ENGLISH);
        assert_eq!(crate::t!("header-answered", count = 1), "1 answered");
        set("es");
        assert_eq!(crate::t!("header-answered", count = 1), "1 respondida");
        assert_eq!(crate::t!("header-answered", count = 3), "3 respondidas");
        assert_eq!(
            crate::t!("line-offer", when = "hoy", answers = 1),
            "Tiene una entrevista sin terminar del hoy, con 1 respuesta."
        );
    }

    /// Every id the program asks for (`t!("…")`, and each key hint's action) is in English.
    #[test]
    fn every_text_the_program_uses_is_in_the_catalogue() {
        let english: BTreeSet<String> = messages(CATALOGUES[0].2)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        let mut used = BTreeSet::new();
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut stack = vec![std::path::PathBuf::from(root)];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let src = std::fs::read_to_string(&path).unwrap();
                    for (at, _) in src.match_indices("t!(") {
                        // `t!(`, not the end of `format!(`.
                        let before = src[..at].chars().next_back().unwrap_or(' ');
                        if before.is_alphanumeric() || before == '_' {
                            continue;
                        }
                        let Some(rest) = src[at + 3..].trim_start().strip_prefix('"') else {
                            continue;
                        };
                        let id = rest.split('"').next().unwrap_or_default();
                        if !id.is_empty()
                            && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                        {
                            used.insert((path.display().to_string(), id.to_string()));
                        }
                    }
                }
            }
        }
        assert!(used.len() > 50, "{}", used.len());
        for (file, id) in &used {
            assert!(
                english.contains(id),
                "{file} uses `{id}`, not in locales/en.ftl"
            );
        }
        let actions = crate::tui::keymap::KEYMAP
            .0
            .iter()
            .map(|b| b.action)
            .chain(crate::tui::shell::SHELL_KEYS.0.iter().map(|b| b.action));
        for action in actions {
            let id = format!("key-{}", slug(action));
            assert!(english.contains(&id), "key hint `{action}`: no `{id}`");
        }
    }

    #[test]
    fn texts_follow_the_thread_language_and_fall_back_to_english() {
        set("es");
        assert_eq!(language(), "es");
        assert_eq!(key_action("go on"), "seguir");
        assert_eq!(key_name("arrows"), "flechas");
        assert_eq!(key_name("Enter"), "Enter");
        assert_eq!(key_action("not a key action"), "not a key action");
        assert_eq!(text("no-such-message", &[]), "no-such-message");
        set("fr");
        assert_eq!(language(), "en");
        assert_eq!(key_action("go on"), "go on");
    }

    #[test]
    fn no_isolation_marks_reach_the_terminal() {
        set("es");
        let s = crate::t!("alert-also", signs = "x");
        assert!(!s.contains('\u{2068}') && !s.contains('\u{2069}'), "{s:?}");
        assert!(s.contains('x'));
    }

    #[test]
    fn the_environment_names_a_language() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(from_env(env(&[("LANG", "es_ES.UTF-8")])), Some("es".into()));
        assert_eq!(
            from_env(env(&[("LANG", "es_ES.UTF-8"), ("LC_ALL", "en_GB.UTF-8")])),
            Some("en".into())
        );
        assert_eq!(
            from_env(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "es_MX"),
                ("LANG", "en_US")
            ])),
            Some("es".into())
        );
        assert_eq!(from_env(env(&[("LANG", "C.UTF-8")])), None);
        assert_eq!(from_env(env(&[("LANG", "POSIX")])), None);
        assert_eq!(from_env(env(&[])), None);
        for tag in ["es", "ES", "es-MX", " es_MX.UTF-8"] {
            assert_eq!(code_of(tag).as_deref(), Some("es"), "{tag}");
        }
        assert_eq!(code_of(""), None);
    }
}
