//! How the engine grows with the questionnaire: a whole interview walked from answers (as
//! `kinscreen score` does) on generated questionnaires of 100, 1,000 and 10,000 questions. The
//! time per question should stay flat (linear growth overall).

use std::hint::black_box;
use std::sync::Arc;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use kinscreen::{answers, questionnaire};

fn walk(c: &mut Criterion) {
    let mut group = c.benchmark_group("engine walk");
    group.sample_size(20);
    for n in [100, 1_000, 10_000] {
        let q = questionnaire::load_str(&kinscreen_benches::questionnaire(n), "generated")
            .expect("the generated questionnaire loads");
        let q = Arc::new(q);
        let file = answers::parse(&kinscreen_benches::answers(n), "generated answers")
            .expect("the generated answers parse");
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &file, |b, file| {
            b.iter(|| {
                let iv = answers::run(q.clone(), black_box(file)).expect("the walk finishes");
                black_box(iv.assessment())
            })
        });
    }
    group.finish();
}

criterion_group!(walk_benches, walk);
criterion_main!(walk_benches);
