//! Writes a generated questionnaire and its answers file:
//! `generate N QUESTIONNAIRE.toml ANSWERS.toml`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [n, questionnaire, answers] = args.as_slice() else {
        eprintln!("usage: generate N QUESTIONNAIRE.toml ANSWERS.toml");
        std::process::exit(2);
    };
    let Ok(n) = n.parse::<usize>() else {
        eprintln!("generate: N must be a number, not {n:?}");
        std::process::exit(2);
    };
    let write = |path: &str, text: String| {
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("generate: cannot write {path}: {e}");
            std::process::exit(1);
        }
    };
    write(questionnaire, kinscreen_benches::questionnaire(n));
    write(answers, kinscreen_benches::answers(n));
}
