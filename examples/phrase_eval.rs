use kinscreen::practice::ask::{Understood, target_id};
use kinscreen::practice::{Matcher, phrases};
fn main() {
    let q = kinscreen::questionnaire::builtin().unwrap();
    let p = phrases::load(&q, phrases::BUILTIN_SOURCE, "x").unwrap();
    let m = Matcher::new(&q, &p);
    let data = std::fs::read_to_string("tests/data/phrasings.tsv").unwrap();
    let (mut ok, mut n) = (0, 0);
    for line in data.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let (want, text) = line.split_once('\t').unwrap();
        let r = m.read(text); let _ = &r.understood;
        let first = match &r.understood { _ if !r.matches.is_empty() => target_id(&q, r.matches[0].target),
            Understood::Asked(t) | Understood::Choice(t) => target_id(&q, t[0]),
            Understood::Unclear => "-".into(),
        };
        let item_ok = first == want || (!want.contains('.') && first.split('.').next() == Some(want));
        n += 1;
        if item_ok { ok += 1 } else {
            println!("MISS want {want:<40} got {first:<40} {text}  {:?}", r.matches.iter().take(3).map(|x| (target_id(&q, x.target), x.score)).collect::<Vec<_>>());
        }
    }
    println!("{ok}/{n}");
}
