//! Speed of the parts a person waits on: one engine step, one assessment, one key press
//! (update + full render), and full renders of the question and result screens.

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use kinscreen::engine::Answer;
use kinscreen::tui::app::{App, update};
use kinscreen::tui::keymap::Msg;
use kinscreen::tui::screens::view;
use kinscreen::tui::theme::Theme;
use kinscreen::{answers, assess, questionnaire};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn finished_app(q: &Arc<questionnaire::Questionnaire>) -> App {
    // This package lives in `benches/`; the vignettes are the main package's.
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vignettes/01-hip-to-knee-mechanical.toml");
    let interview = answers::run(q.clone(), &answers::read(&path).unwrap()).unwrap();
    let mut app = App::new(q.clone(), Theme { color: true });
    app.interview = interview;
    app.started = true;
    app
}

fn benches(c: &mut Criterion) {
    let q = Arc::new(questionnaire::builtin().unwrap());
    let done = finished_app(&q);

    c.bench_function("load the built-in questionnaire", |b| {
        b.iter(|| black_box(questionnaire::builtin().unwrap()))
    });

    c.bench_function("apply the built-in Spanish translation", |b| {
        let src = questionnaire::builtin_translation("es").unwrap();
        b.iter(|| {
            black_box(questionnaire::translation::load(&q, src, "es").unwrap());
        })
    });

    c.bench_function("the Spanish catalogue, first text", |b| {
        b.iter(|| {
            // A fresh catalogue each time, as at start-up.
            kinscreen::i18n::set("es");
            black_box(kinscreen::t!("title-welcome"));
        })
    });

    c.bench_function("engine step (answer the first question)", |b| {
        let fresh = kinscreen::engine::Interview::new(q.clone());
        b.iter(|| {
            let mut iv = fresh.clone();
            iv.answer_current(Answer::Choices(vec![3])).unwrap();
            black_box(iv);
        })
    });

    let effective = done.interview.effective_answers();
    c.bench_function("assessment of a full interview", |b| {
        b.iter(|| black_box(assess::assess(&q, black_box(&effective))))
    });

    for (w, h) in [(80u16, 24u16), (200, 60)] {
        let mut question = App::new(q.clone(), Theme { color: true });
        update(&mut question, Msg::Confirm);
        question.shell.size = (w, h);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        c.bench_function(&format!("render question screen {w}x{h}"), |b| {
            b.iter(|| terminal.draw(|f| view(&question, f)).unwrap().area)
        });
        let mut result = done.clone();
        result.shell.size = (w, h);
        c.bench_function(&format!("render result screen {w}x{h}"), |b| {
            b.iter(|| terminal.draw(|f| view(&result, f)).unwrap().area)
        });
        c.bench_function(&format!("key press: update + render {w}x{h}"), |b| {
            b.iter(|| {
                update(&mut question, Msg::Toggle);
                terminal.draw(|f| view(&question, f)).unwrap().area
            })
        });
    }
}

criterion_group!(kinscreen_benches, benches);
criterion_main!(kinscreen_benches);
