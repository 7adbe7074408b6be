//! The finished interviews kept in the data folder: `history` (and `history --delete`),
//! `forget`, `show` and `export`.

use std::io::IsTerminal;
use std::path::Path;

use kinscreen::engine::Interview;
use kinscreen::{fhir, report, store};

use super::data::{Data, failed};
use super::out::{emit, emit_json, pretty, warn, write_out};
use super::{CliError, ExportFormat, Language, ListFormat, Outcome, saved_in};

pub fn history(data: &Data, format: ListFormat) -> Result<Outcome, CliError> {
    let store = data.read_only()?;
    let (list, unreadable) = store.history().map_err(failed)?;
    for e in &unreadable {
        warn(&format!("kinscreen: skipped: {e}"));
    }
    match format {
        ListFormat::Json => {
            let rows: Vec<serde_json::Value> = list
                .iter()
                .map(|f| {
                    serde_json::json!({
                        "id": f.id,
                        "finished_at": f.finished_at,
                        "questionnaire": {
                            "id": f.questionnaire.id,
                            "version": f.questionnaire.version,
                            "title": f.questionnaire_title,
                        },
                        "classification": f.record.classification,
                        "triage": f.record.triage,
                    })
                })
                .collect();
            emit_json(pretty(&serde_json::Value::Array(rows)))
        }
        ListFormat::Text => emit(&store::history_text(store.dir(), &list)),
    }
}

pub fn delete(data: &Data, id: &str) -> Result<Outcome, CliError> {
    data.store()?.delete(id).map_err(failed)?;
    warn(&format!(
        "kinscreen: interview {id} and its saved report were deleted."
    ));
    Ok(Outcome::Done)
}

pub fn forget(data: &Data, yes: bool) -> Result<Outcome, CliError> {
    let store = data.store()?;
    if !yes {
        if !std::io::stdin().is_terminal() {
            return Err(CliError::Input(
                "forget --all asks for confirmation on a terminal; add --yes to do it without asking.".into(),
            ));
        }
        warn(&format!(
            "This deletes every finished and unfinished interview, saved report and practice attempt in {}.\nType yes to go on:",
            store.dir().display()
        ));
        let mut line = String::new();
        if std::io::stdin().read_line(&mut line).is_err() || line.trim() != "yes" {
            warn("kinscreen: nothing was deleted.");
            return Ok(Outcome::Cancelled);
        }
    }
    store.forget_all().map_err(failed)?;
    warn(&format!(
        "kinscreen: everything kept in {} was deleted.",
        store.dir().display()
    ));
    Ok(Outcome::Done)
}

/// A finished interview, rebuilt on the questionnaire it was taken with.
fn finished(
    data: &Data,
    id: &str,
    lang: &Language,
) -> Result<(store::Finished, Interview), CliError> {
    let store = data.read_only()?;
    let f = store.finished(id).map_err(failed)?;
    let iv = f.interview_in(|q| saved_in(q, lang)).map_err(failed)?;
    Ok((f, iv))
}

pub fn show(data: &Data, id: &str, lang: &Language) -> Result<Outcome, CliError> {
    let (f, iv) = finished(data, id, lang)?;
    emit(&format!(
        "{}\n\n{}",
        kinscreen::t!(
            "show-header",
            id = f.id.as_str(),
            finished = f.finished_at.as_str()
        ),
        report::text(&iv)
    ))
}

pub fn export(
    data: &Data,
    id: &str,
    lang: &Language,
    format: ExportFormat,
    output: Option<&Path>,
    force: bool,
) -> Result<Outcome, CliError> {
    let (f, iv) = finished(data, id, lang)?;
    let json = !matches!(format, ExportFormat::Markdown);
    let text = match format {
        ExportFormat::Markdown => report::markdown(
            &iv,
            Some(report::Provenance {
                id: &f.id,
                finished_at: &f.finished_at,
            }),
        ),
        ExportFormat::Json => pretty(&f.export_json()),
        ExportFormat::Fhir => pretty(&fhir::response(&iv, &f.id, &f.finished_at)),
    };
    write_out(output, force, &text, json)
}
