//! `kinscreen score`: an answers file scored without the terminal.

use std::path::Path;
use std::sync::Arc;

use kinscreen::{answers, fhir, report, store};

use super::data::Data;
use super::out::{emit, emit_json, pretty, warn};
use super::{CliError, Format, Language, Outcome, load_in};

pub fn score(
    answers_path: &Path,
    q_path: Option<&Path>,
    lang: &Language,
    format: Format,
    save: Option<&Data>,
) -> Result<Outcome, CliError> {
    let q = Arc::new(load_in(q_path, lang)?);
    let interview = answers::read(answers_path)
        .and_then(|file| answers::run(q, &file))
        .map_err(|e| CliError::Input(e.to_string()))?;
    let mut provenance = None;
    if let Some(data) = save {
        if data.no_save {
            return Err(CliError::Input(
                "--save and --no-save contradict each other".into(),
            ));
        }
        let store = data.store()?;
        let f = store
            .save_finished(&interview, &store::now(), None, None)
            .map_err(|e| CliError::NotSaved(format!("the interview could not be saved: {e}")))?;
        warn(&format!(
            "kinscreen: kept as interview {} in {}",
            f.id,
            store.path().display()
        ));
        provenance = Some((f.id, f.finished_at));
    }
    let at = provenance
        .as_ref()
        .map_or_else(store::now, |(_, at)| at.clone());
    let id = provenance
        .as_ref()
        .map_or("kinscreen-score", |(id, _)| id.as_str());
    match format {
        Format::Text => emit(&report::text(&interview)),
        Format::Markdown => emit(&report::markdown(
            &interview,
            provenance
                .as_ref()
                .map(|(id, finished_at)| report::Provenance { id, finished_at }),
        )),
        Format::Fhir => emit_json(pretty(&fhir::response(&interview, id, &at))),
        Format::Json => emit_json(pretty(
            &serde_json::to_value(report::record(&interview)).unwrap_or_default(),
        )),
    }
}
