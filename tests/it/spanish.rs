//! The interview in Spanish (`--lang es`): a snapshot of each screen on ratatui's TestBackend,
//! the questionnaire's texts from `questionnaires/lower-limb.es.toml` and the program's own from
//! `locales/es.ftl`; the whole interview through to the result with no English text left; and
//! the command line choosing the language (`--lang`, `LANG`), line mode, `validate` and the
//! FHIR export.

use std::sync::Arc;

use assert_cmd::Command;

use crate::common;

use common::{ACK, ONSET, REVIEW, answer_all};
use kinscreen::questionnaire::{self, Questionnaire, translation};
use kinscreen::tui::app::App;
use kinscreen::tui::keymap::Msg::*;
use kinscreen::tui::theme::Theme;

fn spanish() -> Questionnaire {
    let q = questionnaire::builtin().unwrap();
    let src = questionnaire::builtin_translation("es").unwrap();
    translation::load(&q, src, "lower-limb.es.toml")
        .unwrap()
        .questionnaire
}

/// The app in Spanish (this test's thread speaks Spanish from now on).
fn app() -> App {
    kinscreen::i18n::set("es");
    App::new(Arc::new(spanish()), Theme { color: true })
}

use crate::screens::{render, send};

fn text(app: &mut App, w: u16, h: u16) -> String {
    common::screen_text(app, w, h)
}

#[test]
fn bienvenida() {
    let mut a = app();
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
}

#[test]
fn pregunta_de_varias_respuestas() {
    let mut a = app();
    send(&mut a, &[Confirm, Down, Toggle]);
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
}

#[test]
fn pregunta_de_una_respuesta() {
    let mut a = app();
    send(&mut a, &[Confirm]);
    answer_all(&mut a, ONSET);
    send(&mut a, &[Down]);
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
}

#[test]
fn escala() {
    let mut a = app();
    send(&mut a, &[Confirm]);
    answer_all(&mut a, ONSET);
    answer_all(&mut a, &REVIEW[..8]);
    // Enter with no value yet says what to do, in Spanish.
    send(&mut a, &[Confirm]);
    let shown = text(&mut a, 80, 24);
    assert!(shown.contains("Elija antes un número"), "{shown}");
    send(&mut a, &[Right, Right]);
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
}

#[test]
fn mapa_corporal() {
    let mut a = app();
    send(&mut a, &[Confirm]);
    answer_all(&mut a, &ONSET[..4]);
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
}

#[test]
fn alerta_de_urgencia() {
    let mut a = app();
    send(&mut a, &[Confirm]);
    answer_all(
        &mut a,
        &[("red_flags_emergency", &["saddle_numbness_or_bladder_bowel"])],
    );
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
    // The advice stays at the top of the next screens.
    answer_all(&mut a, &[ACK]);
    let shown = text(&mut a, 80, 24);
    assert!(shown.contains("Urgencia: busque atención ahora"), "{shown}");
    assert!(shown.contains("Señal de alarma:"), "{shown}");
}

#[test]
fn revision() {
    let mut a = app();
    common::welcome_to_review(&mut a);
    send(&mut a, &[Home, Up, Up]);
    insta::assert_snapshot!(render(&mut a, 80, 24).backend());
}

#[test]
fn resultado() {
    let mut a = app();
    common::welcome_to_review(&mut a);
    send(&mut a, &[Finish]);
    insta::assert_snapshot!("resultado_arriba", render(&mut a, 80, 24).backend());
    insta::assert_snapshot!("resultado_grande", render(&mut a, 120, 40).backend());
}

#[test]
fn ayuda_y_salir() {
    let mut a = app();
    send(&mut a, &[Confirm, common::HELP]);
    insta::assert_snapshot!("ayuda", render(&mut a, 80, 24).backend());
    send(&mut a, &[common::CLOSE_HELP, common::QUIT]);
    insta::assert_snapshot!("salir", render(&mut a, 80, 24).backend());
}

/// The offer of an unfinished interview, and the question before starting over, in Spanish.
#[test]
fn oferta_y_empezar_de_nuevo() {
    let mut earlier = app();
    send(&mut earlier, &[Confirm]);
    answer_all(&mut earlier, &ONSET[..2]);
    let mut a = app();
    a.shell.saving = kinscreen::tui::shell::Saving::On("/home/usted/.local/share/kinscreen".into());
    a.offer = Some(kinscreen::store::offer::Offer {
        interview: earlier.interview.clone(),
        saved_at: "2026-11-21T10:00:00Z".into(),
        changed: false,
        dropped: vec![],
        draft: 1,
        record: None,
    });
    let when = kinscreen::clock::local_time("2026-11-21T10:00:00Z");
    let welcome = text(&mut a, 80, 24);
    assert!(
        welcome.contains(&format!(
            "Tiene una entrevista sin terminar del {when} (2 respuestas)."
        )),
        "{welcome}"
    );
    assert!(welcome.contains("Pulse r para continuarla"), "{welcome}");
    send(&mut a, &[Confirm]);
    let asked = text(&mut a, 80, 24);
    assert!(asked.contains("¿Empezar de nuevo?"), "{asked}");
    assert!(asked.contains("borrarla y empezar de nuevo"), "{asked}");
    assert!(asked.contains("no, conservarla"), "{asked}");
}

#[test]
fn ventana_demasiado_pequena() {
    let mut a = app();
    let shown = text(&mut a, 40, 10);
    assert!(shown.contains("Agrande la ventana"), "{shown}");
    assert!(shown.contains("50x16"), "{shown}");
}

/// English texts a Spanish screen must never show: the program's own (titles, hints, the
/// result's headings) and the questionnaire's, by a few words of each kind.
const ENGLISH: &[&str] = &[
    "Question ",
    "Why we ask",
    "Your answer",
    "Welcome",
    "Review your answers",
    "Your result",
    "How soon",
    "What to do next",
    "Get help at once",
    "Which answers",
    "Evidence for",
    "more below",
    "go on",
    " quit",
    "None of these",
    "Safety check",
    "Where it hurts",
    "Overload",
    "Book an",
];

/// Every screen of a whole interview, from the welcome to the end of the result, is in
/// Spanish.
#[test]
fn the_whole_interview_and_result_are_in_spanish() {
    let mut a = app();
    let mut screens = vec![text(&mut a, 80, 24)];
    send(&mut a, &[Confirm]);
    screens.push(text(&mut a, 80, 24));
    for step in ONSET.iter().chain(REVIEW) {
        answer_all(&mut a, std::slice::from_ref(step));
        screens.push(text(&mut a, 80, 24));
    }
    send(&mut a, &[Finish]);
    screens.push(text(&mut a, 80, 200));
    let result = screens.last().unwrap().clone();
    assert!(
        result.contains("Con qué urgencia: Pedir una valoración"),
        "{result}"
    );
    assert!(
        result.contains("Sobrecarga de la zona dolorida"),
        "{result}"
    );
    assert!(result.contains("Qué hacer ahora"), "{result}");
    for (i, screen) in screens.iter().enumerate() {
        for english in ENGLISH {
            assert!(
                !screen.contains(english),
                "screen {i} shows English `{english}`:\n{screen}"
            );
        }
    }
}

fn kinscreen() -> Command {
    common::english(Command::cargo_bin("kinscreen")).unwrap()
}

/// A vignette's answers as line mode reads them: one line per question asked.
fn score(args: &[&str], vignette: &str) -> String {
    let out = kinscreen()
        .args(args)
        .args(["score", "--answers"])
        .arg(common::vignette(vignette))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn lang_and_the_environment_choose_spanish_and_english_is_the_fallback() {
    let v = "01-hip-to-knee-mechanical.toml";
    let es = score(&["--lang", "es"], v);
    assert!(es.contains("Con qué urgencia:"), "{es}");
    assert!(es.contains("Pedir una valoración"), "{es}");
    // The same after the command, and from LANG or LC_ALL.
    let out = kinscreen()
        .args(["score", "--lang", "es", "--answers"])
        .arg(common::vignette(v))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), es);
    let from_env = kinscreen()
        .env("LANG", "es_ES.UTF-8")
        .args(["score", "--answers"])
        .arg(common::vignette(v))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(from_env.stdout).unwrap(), es);
    let all = kinscreen()
        .env("LANG", "es_ES.UTF-8")
        .env("LC_ALL", "en_GB.UTF-8")
        .args(["score", "--answers"])
        .arg(common::vignette(v))
        .output()
        .unwrap();
    assert!(String::from_utf8(all.stdout).unwrap().contains("How soon:"));
    // --lang wins over the environment; a language without texts falls back, and says so.
    let out = kinscreen()
        .env("LANG", "es_ES.UTF-8")
        .args(["--lang", "fr", "score", "--answers"])
        .arg(common::vignette(v))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().contains("How soon:"));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no texts in `fr`; using English"), "{err}");
}

/// Every vignette through line mode in Spanish gives `score`'s Spanish result, and no escape
/// byte.
#[test]
fn line_mode_in_spanish_gives_the_same_result_as_score() {
    for v in ["01-hip-to-knee-mechanical.toml", "05-hot-swollen-knee.toml"] {
        let expected = score(&["--lang", "es"], v);
        let lines = crate::line::lines_for(&common::vignette(v));
        let out = kinscreen()
            .args(["--plain", "--no-save", "--lang", "es"])
            .write_stdin(lines)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{v}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.contains(&0x1b), "{v}: an escape byte");
        let transcript = String::from_utf8(out.stdout).unwrap();
        assert!(transcript.contains("Su respuesta:"), "{transcript}");
        assert!(
            transcript.contains("Por qué lo preguntamos:"),
            "{transcript}"
        );
        assert!(
            transcript.trim_end().ends_with(expected.trim_end()),
            "{v}: line mode's result differs from score's:\n{transcript}"
        );
    }
}

#[test]
fn validate_reports_a_missing_translation_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let src = questionnaire::builtin_translation("es")
        .unwrap()
        .replace("prompt = \"¿Desde cuándo tiene este dolor?\"\n", "")
        .replace("[questions.course]", "[questions.curso]");
    let file = dir.path().join("lower-limb.es.toml");
    std::fs::write(&file, &src).unwrap();
    let out = kinscreen().arg("validate").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("no `es` text for `questions.duration.prompt`"),
        "{err}"
    );
    assert!(err.contains("`curso` is not among the questions"), "{err}");
    let line = src.lines().position(|l| l == "[questions.curso]").unwrap() + 1;
    assert!(
        err.contains(&format!("lower-limb.es.toml:{line}:")),
        "{err}"
    );
    // The shipped one is complete.
    let ok = kinscreen()
        .arg("validate")
        .arg(common::project("questionnaires/lower-limb.es.toml"))
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
}

/// A copy of the questionnaire alone loads in English; with its translation beside it, in
/// Spanish.
#[test]
fn a_questionnaire_file_alone_is_english_and_its_translation_beside_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("lower-limb.toml");
    std::fs::copy(common::project("questionnaires/lower-limb.toml"), &copy).unwrap();
    let v = common::vignette("01-hip-to-knee-mechanical.toml");
    let run = || {
        kinscreen()
            .args(["--lang", "es", "score", "--questionnaire"])
            .arg(&copy)
            .arg("--answers")
            .arg(&v)
            .output()
            .unwrap()
    };
    let alone = run();
    assert!(alone.status.success());
    let out = String::from_utf8(alone.stdout).unwrap();
    // The questionnaire's texts stay English; the program's own are Spanish.
    assert!(out.contains("Book an assessment"), "{out}");
    let err = String::from_utf8(alone.stderr).unwrap();
    assert!(err.contains("no `es` translation"), "{err}");
    std::fs::copy(
        common::project("questionnaires/lower-limb.es.toml"),
        dir.path().join("lower-limb.es.toml"),
    )
    .unwrap();
    let beside = run();
    assert!(beside.status.success());
    assert!(
        String::from_utf8(beside.stdout)
            .unwrap()
            .contains("Pedir una valoración")
    );
}

/// `export-questionnaire --format fhir --lang es`: the resource's language, and the English
/// beside every text as the FHIR translation extension.
#[test]
fn the_fhir_export_carries_the_translation_on_every_text() {
    let out = kinscreen()
        .args(["export-questionnaire", "--format", "fhir", "--lang", "es"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["language"], "es");
    assert_eq!(r["title"], "Dolor de pierna: ¿de dónde viene realmente?");
    let english = |v: &serde_json::Value| {
        let ext = &v["extension"][0];
        assert_eq!(
            ext["url"],
            "http://hl7.org/fhir/StructureDefinition/translation"
        );
        assert_eq!(ext["extension"][0]["valueCode"], "en");
        ext["extension"][1]["valueString"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        english(&r["_title"]),
        "Leg pain: where is it really coming from?"
    );
    let mut texts = 0;
    fn walk(v: &serde_json::Value, f: &mut dyn FnMut(&serde_json::Map<String, serde_json::Value>)) {
        match v {
            serde_json::Value::Object(o) => {
                f(o);
                o.values().for_each(|x| walk(x, f));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, f)),
            _ => {}
        }
    }
    walk(&r, &mut |o| {
        for key in ["text", "display", "title", "description", "purpose"] {
            if o.get(key).is_some_and(serde_json::Value::is_string) {
                texts += 1;
                let t = o
                    .get(&format!("_{key}"))
                    .unwrap_or_else(|| panic!("`{key}` without its translation: {o:?}"));
                assert!(!english(t).is_empty());
            }
        }
    });
    assert!(texts > 200, "{texts}");
    // An option's display in Spanish, its English beside it.
    let first = &r["item"][0]["item"][0];
    assert_eq!(
        first["text"],
        "¿Le está pasando ahora mismo alguna de estas cosas?"
    );
    assert_eq!(
        english(&first["_text"]),
        "Is any of these happening right now?"
    );
}

/// An interview kept in the history is shown and exported in the language asked for, whatever
/// language it was taken in (the record keeps ids, not texts).
#[test]
fn a_saved_interview_is_shown_in_the_language_asked_for() {
    let (dir, id) = crate::persistence::history_with_one();
    let run = |args: &[&str]| {
        let out = crate::persistence::kinscreen(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let shown = run(&["show", &id, "--lang", "es"]);
    assert!(
        shown.starts_with(&format!("Entrevista {id} terminada el ")),
        "{shown}"
    );
    assert!(
        shown.contains("Con qué urgencia: Pedir una valoración"),
        "{shown}"
    );
    assert!(run(&["show", &id]).contains("How soon: Book an assessment"));
    let markdown = run(&["export", &id, "--format", "markdown", "--lang", "es"]);
    assert!(
        markdown.contains("# Informe de kinscreen: Dolor de pierna"),
        "{markdown}"
    );
    assert!(markdown.contains("## Respuestas"), "{markdown}");
    assert!(markdown.contains("terminada el"), "{markdown}");
}
