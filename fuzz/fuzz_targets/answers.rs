//! Any bytes as an answers file for the default questionnaire: parsing, checking and walking
//! the interview must give a result or a clean error, never a panic.
#![no_main]

use std::sync::{Arc, OnceLock};

use kinscreen::questionnaire::{self, Questionnaire};
use libfuzzer_sys::fuzz_target;

fn questionnaire() -> Arc<Questionnaire> {
    static Q: OnceLock<Arc<Questionnaire>> = OnceLock::new();
    Q.get_or_init(|| Arc::new(questionnaire::builtin().expect("the built-in questionnaire loads")))
        .clone()
}

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    for name in ["fuzz.toml", "fuzz.json"] {
        if let Ok(file) = kinscreen::answers::parse(src, name)
            && let Ok(interview) = kinscreen::answers::run(questionnaire(), &file)
        {
            let _ = kinscreen::report::text(&interview);
        }
    }
});
