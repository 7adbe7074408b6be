use kinscreen::practice::{Matcher, phrases};
fn main() {
    let q = kinscreen::questionnaire::builtin().unwrap();
    let p = phrases::load(&q, phrases::BUILTIN_SOURCE, "x").unwrap();
    let m = Matcher::new(&q, &p);
    for (t, stems) in m.phrase_stems() {
        let w: f64 = stems.iter().map(|s| m.weight(s)).sum();
        if w < 2.0 { println!("{:.2} {} {:?}", w, q.questions[t.item].id, stems); }
    }
}
#[allow(dead_code)]
fn x() {}
