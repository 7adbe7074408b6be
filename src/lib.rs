//! kinscreen: a screening interview for lower-limb pain that tells mechanical compensation
//! from likely referred pain, with red flags first.
//!
//! Layers, with data flowing one way:
//! [`questionnaire`] (load + validate) → [`engine`] (pure state machine) → [`assess`] (pure
//! scoring) → front ends ([`answers`] and [`report`] for the headless `score`, [`tui`] for the
//! terminal).

pub mod answers;
pub mod assess;
pub mod case;
pub mod chart;
pub mod clock;
pub mod engine;
pub mod fhir;
pub mod graph;
pub mod i18n;
pub mod line;
pub mod output;
pub mod practice;
pub mod questionnaire;
pub mod report;
pub mod store;
pub mod summary;
pub mod tui;
pub mod view;
