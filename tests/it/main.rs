//! kinscreen's integration tests, in one test binary (one link of the whole program instead of
//! one per file). Each module is one subject; data they read stays in `tests/vignettes/`,
//! `tests/bad-questionnaires/`, `tests/data/` and `tests/fhir/`.

mod common;

mod bad_questionnaires;
mod cases;
mod cli;
mod clinical;
mod fhir;
mod items;
mod persistence;
mod practice;
mod properties;
mod pty;
mod python;
mod screens;
mod v1;
