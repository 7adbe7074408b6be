//! kinscreen's integration tests, in one test binary (one link of the whole program instead of
//! one per file). Each module is one subject; data they read stays in `tests/vignettes/`,
//! `tests/bad-questionnaires/`, `tests/data/` and `tests/fhir/`.

// Test code, helpers included: a failed expectation is a panic (see `[lints]` in Cargo.toml).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

mod bad_questionnaires;
mod cases;
mod cli;
mod clinical;
mod fhir;
mod items;
mod line;
mod persistence;
mod practice;
mod properties;
mod pty;
mod python;
mod screens;
mod spanish;
mod v1;
mod vignettes;

/// A file in `tests/it/` that is not declared above would silently never run.
#[test]
fn every_test_file_is_a_module() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it");
    let main = std::fs::read_to_string(dir.join("main.rs")).unwrap();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if path.extension().is_some_and(|x| x == "rs") && name != "main" {
            assert!(
                main.lines().any(|l| l == format!("mod {name};")),
                "tests/it/{name}.rs is not declared in tests/it/main.rs, so it never runs"
            );
        }
    }
}
