//! The terminal front end.
use std::sync::Arc;
use crate::questionnaire::Questionnaire;

/// How an interactive session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome { Done, Cancelled, Interrupted }

pub fn run(_q: Arc<Questionnaire>) -> anyhow::Result<Outcome> { anyhow::bail!("not yet") }
