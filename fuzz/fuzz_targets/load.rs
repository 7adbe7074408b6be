//! Any bytes as a questionnaire file: loading, validating, rendering the problems and drawing
//! the graph must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let (q, problems) = kinscreen::questionnaire::check(src, "fuzz.toml");
    let _ = kinscreen::questionnaire::render_excerpts(&problems, src, false);
    if let Some(q) = q {
        let _ = kinscreen::graph::dot(&q);
        let _ = kinscreen::graph::mermaid(&q);
    }
});
