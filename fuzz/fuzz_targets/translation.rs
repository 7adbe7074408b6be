//! Any bytes as a translation of the default questionnaire: reading and applying it must give
//! a translated questionnaire or problems at their places, never a panic; a translated one
//! must still run an interview to its result.
#![no_main]

use std::sync::{Arc, OnceLock};

use kinscreen::questionnaire::{self, Questionnaire, translation};
use libfuzzer_sys::fuzz_target;

fn questionnaire() -> &'static Questionnaire {
    static Q: OnceLock<Questionnaire> = OnceLock::new();
    Q.get_or_init(|| questionnaire::builtin().expect("the built-in questionnaire loads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(t) = translation::load(questionnaire(), src, "fuzz.es.toml") {
        let answers = "red_flags_emergency = [\"none\"]\nmain_site = \"knee\"\n";
        if let Ok(file) = kinscreen::answers::parse(answers, "fuzz.toml")
            && let Ok(interview) = kinscreen::answers::run(Arc::new(t.questionnaire), &file)
        {
            let _ = kinscreen::report::text(&interview);
        }
    }
});
