//! The `kinscreen` command: parses the command line and hands over to the library's front ends.
//! Exit codes: 0 done, 1 cancelled, 2 bad input or a failed write, 3 the interview could not be
//! saved, 130 interrupted. Everything printed passes [`output::clean`] (or
//! [`output::json_safe`]); a closed pipe ends quietly.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};
use kinscreen::practice::{self, Station};
use kinscreen::questionnaire::{self, Checks, Questionnaire, render_excerpts};
use kinscreen::store::{self, Store};
use kinscreen::tui::Outcome;
use kinscreen::tui::practice::PracticeApp;
use kinscreen::{answers, fhir, graph, output, report, tui};

/// A screening interview for hip, knee, ankle and foot pain: overload from the way you move, or
/// pain sent from somewhere else? Red flags first.
#[derive(Debug, Parser)]
#[command(name = "kinscreen", version, about)]
struct Cli {
    /// A questionnaire file to use instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    questionnaire: Option<PathBuf>,
    /// Where interviews are kept (default: the platform's data folder for kinscreen).
    #[arg(long, value_name = "DIR", global = true)]
    data_dir: Option<PathBuf>,
    /// Keep nothing on disk: no autosave, no history (for shared computers).
    #[arg(long, global = true)]
    no_save: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the interview in the terminal (the default).
    Run {
        /// A questionnaire file to use instead of the built-in one.
        #[arg(long, value_name = "FILE")]
        questionnaire: Option<PathBuf>,
    },
    /// Score an answers file without the terminal interface.
    Score {
        /// Answers by question id: TOML (flat, or under [answers]) or JSON.
        #[arg(long, value_name = "FILE")]
        answers: PathBuf,
        /// A questionnaire file to use instead of the built-in one.
        #[arg(long, value_name = "FILE")]
        questionnaire: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Also keep the scored interview as a finished one in the history (for a paper form
        /// entered afterwards); every run keeps a new interview.
        #[arg(long)]
        save: bool,
    },
    /// Print the interview as a graph: questions, conditions, red-flag exits, the result.
    Graph {
        /// The questionnaire (the built-in one when omitted).
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
    },
    /// List the finished interviews kept on this computer (or delete one).
    History {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Delete this finished interview (and its saved report) instead of listing.
        #[arg(long, value_name = "ID")]
        delete: Option<String>,
    },
    /// Delete everything kinscreen keeps on this computer: finished and unfinished
    /// interviews, saved reports and practice attempts.
    Forget {
        /// Required: everything is meant (there is no partial forget; see history --delete).
        #[arg(long, required = true)]
        all: bool,
        /// Do not ask for confirmation (for scripts).
        #[arg(long)]
        yes: bool,
    },
    /// Print one finished interview (its report).
    Show {
        /// The interview id, as `kinscreen history` lists it.
        id: String,
    },
    /// Write a finished interview's report as Markdown, JSON or FHIR.
    Export {
        /// The interview id, as `kinscreen history` lists it.
        id: String,
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
        /// Write to this new file instead of standard output (`-`: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Write the questionnaire itself in another format (FHIR R4 Questionnaire).
    ExportQuestionnaire {
        /// A questionnaire file to use instead of the built-in one.
        #[arg(long, value_name = "FILE")]
        questionnaire: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = QuestionnaireFormat::Fhir)]
        format: QuestionnaireFormat,
        /// Write to this new file instead of standard output (`-`: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Practise history-taking on virtual patients (for physiotherapy students): ask in any
    /// order, commit a hypothesis, get a debrief marked like an OSCE station.
    Practice {
        /// Start this case file straight away instead of choosing from the list.
        #[arg(long, value_name = "FILE", conflicts_with = "cases")]
        case: Option<PathBuf>,
        /// Choose from the case files (*.toml) in this folder instead of the built-in cases.
        #[arg(long, value_name = "DIR")]
        cases: Option<PathBuf>,
        /// Mark attempts with this marking scheme instead of the built-in one
        /// (questionnaires/marking.toml shows the format).
        #[arg(long, value_name = "FILE")]
        marking: Option<PathBuf>,
        /// Show earlier attempts and their scores, by case, instead of practising.
        #[arg(long, conflicts_with_all = ["case", "cases", "marking"])]
        history: bool,
        /// A questionnaire file to use instead of the built-in one.
        #[arg(long, value_name = "FILE")]
        questionnaire: Option<PathBuf>,
    },
    /// Check questionnaire files and list every problem with an excerpt of the file.
    Validate {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Treat warnings as errors (exit 2 if there is any).
        #[arg(long)]
        strict: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum GraphFormat {
    /// Graphviz (`| dot -Tsvg > interview.svg`).
    Dot,
    /// Mermaid flowchart.
    Mermaid,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Markdown,
    /// An HL7 FHIR R4 QuestionnaireResponse.
    Fhir,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExportFormat {
    Markdown,
    Json,
    /// An HL7 FHIR R4 QuestionnaireResponse.
    Fhir,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ListFormat {
    Text,
    /// An array of {id, finished_at, questionnaire, classification, triage}.
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum QuestionnaireFormat {
    /// An HL7 FHIR R4 Questionnaire.
    Fhir,
}

const BAD_INPUT: u8 = 2;
/// The interview could not be stored (it was printed instead).
const NOT_SAVED: u8 = 3;

/// A message on standard error, made safe and with long echoed values shortened.
fn warn(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{}", output::clean_short(text, 400));
}

/// Problems with excerpts of the file: coloured on a terminal when the file holds nothing
/// unsafe (then only kinscreen's own colour codes reach the terminal), else plain and escaped.
fn warn_excerpts(problems: &[kinscreen::questionnaire::Problem], src: &str, styled: bool) {
    use std::io::Write;
    let text = render_excerpts(problems, src, false);
    if styled && !src.chars().any(output::is_unsafe) && !text.chars().any(output::is_unsafe) {
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            render_excerpts(problems, src, true)
        );
    } else {
        warn(&text);
    }
}

/// Prints text (made safe) and says how it went: a closed pipe is a quiet success.
fn emit(text: &str) -> ExitCode {
    finish_write(output::to_stdout(&output::clean(text)))
}

/// Prints JSON (C1 and bidirectional controls escaped too).
fn emit_json(json: String) -> ExitCode {
    finish_write(output::to_stdout(&output::json_safe(json)))
}

fn finish_write(result: Result<(), output::OutputError>) -> ExitCode {
    match result {
        Ok(()) | Err(output::OutputError::ClosedPipe) => ExitCode::SUCCESS,
        Err(e) => {
            warn(&format!("kinscreen: {e}"));
            ExitCode::from(BAD_INPUT)
        }
    }
}

fn main() -> ExitCode {
    output::guard_stdout();
    let cli = Cli::parse();
    let data = Data {
        dir: cli.data_dir.clone(),
        no_save: cli.no_save,
    };
    match cli.command {
        None => run(cli.questionnaire.as_deref(), &data),
        Some(Command::Run { questionnaire }) => run(
            questionnaire.as_deref().or(cli.questionnaire.as_deref()),
            &data,
        ),
        Some(Command::History {
            delete: Some(id), ..
        }) => delete(&data, &id),
        Some(Command::History { format, .. }) => history(&data, format),
        Some(Command::Forget { yes, .. }) => forget(&data, yes),
        Some(Command::Show { id }) => show(&data, &id),
        Some(Command::Export {
            id,
            format,
            output,
            force,
        }) => export(&data, &id, format, output.as_deref(), force),
        Some(Command::ExportQuestionnaire {
            questionnaire,
            format: QuestionnaireFormat::Fhir,
            output,
            force,
        }) => match load(questionnaire.as_deref().or(cli.questionnaire.as_deref())) {
            Ok(q) => write_out(
                output.as_deref(),
                force,
                &pretty(&fhir::questionnaire(&q)),
                true,
            ),
            Err(code) => code,
        },
        Some(Command::Score {
            answers,
            questionnaire,
            format,
            save,
        }) => score(
            &answers,
            questionnaire.as_deref().or(cli.questionnaire.as_deref()),
            format,
            save.then_some(&data),
        ),
        Some(Command::Practice { history: true, .. }) => practice_history(&data),
        Some(Command::Practice {
            case,
            cases,
            questionnaire,
            marking,
            ..
        }) => practice(
            questionnaire.as_deref().or(cli.questionnaire.as_deref()),
            case.as_deref(),
            cases.as_deref(),
            marking.as_deref(),
            &data,
        ),
        Some(Command::Validate { files, strict }) => {
            validate(&files, strict, cli.questionnaire.as_deref())
        }
        Some(Command::Graph { file, format }) => match load(file.as_deref()) {
            Ok(q) => emit(&match format {
                GraphFormat::Dot => graph::dot(&q),
                GraphFormat::Mermaid => graph::mermaid(&q),
            }),
            Err(code) => code,
        },
    }
}

fn load(path: Option<&Path>) -> Result<Questionnaire, ExitCode> {
    let loaded = match path {
        Some(p) => questionnaire::load_path(p),
        None => questionnaire::builtin(),
    };
    loaded.map_err(|e| {
        warn(&format!(
            "kinscreen: the questionnaire cannot be used:\n{e}"
        ));
        ExitCode::from(BAD_INPUT)
    })
}

/// Where interviews are kept, from the command line.
struct Data {
    dir: Option<PathBuf>,
    no_save: bool,
}

/// Why a data folder that must be written cannot be used, and what to do.
const CANNOT_USE: &str = "cannot use the data folder";
const CANNOT_USE_HINT: &str = "\n(--data-dir DIR chooses another; --no-save keeps nothing)";

impl Data {
    /// For a terminal session whose first screen needs what `ready` makes (the questionnaire,
    /// the cases): opens the store (unless `--no-save`) on another thread while `ready` runs, so
    /// that the screen waits for the longer of the two rather than for both. What `ready`
    /// refuses is told first; then a missing terminal is refused (saying what to use instead).
    fn session<T>(
        &self,
        what: &str,
        instead: &str,
        ready: impl FnOnce() -> Result<T, ExitCode>,
    ) -> Result<(T, Option<Store>), ExitCode> {
        let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
        let (ready, store) = std::thread::scope(|scope| {
            let opening = (terminal && !self.no_save)
                .then(|| scope.spawn(|| Store::open(self.dir.as_deref())));
            let ready = ready();
            let store = opening.map(|thread| {
                thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            });
            (ready, store)
        });
        let ready = ready?;
        if !terminal {
            warn(&format!(
                "kinscreen: {what} needs a terminal (standard input and output are not one).\n{instead}"
            ));
            return Err(ExitCode::from(BAD_INPUT));
        }
        let store = store
            .map(|store| opened(store, CANNOT_USE, CANNOT_USE_HINT))
            .transpose()?;
        Ok((ready, store))
    }

    /// The data folder for a command that writes (created if missing).
    fn store(&self) -> Result<Store, ExitCode> {
        opened(
            Store::open(self.dir.as_deref()),
            CANNOT_USE,
            CANNOT_USE_HINT,
        )
    }

    /// The data folder for a command that only reads: nothing is created or changed.
    fn read_only(&self) -> Result<Store, ExitCode> {
        opened(
            Store::open_read_only(self.dir.as_deref()),
            "cannot read the data folder",
            "",
        )
    }
}

/// An opened data folder with what opening found told on standard error, or the reason it
/// could not be opened (exit 2).
fn opened(
    store: Result<Store, store::StoreError>,
    failed: &str,
    hint: &str,
) -> Result<Store, ExitCode> {
    let store = store.map_err(|e| {
        warn(&format!("kinscreen: {failed}: {e}{hint}"));
        ExitCode::from(BAD_INPUT)
    })?;
    for note in store.notes() {
        warn(&format!("kinscreen: {note}"));
    }
    Ok(store)
}

fn run(path: Option<&Path>, data: &Data) -> ExitCode {
    let (q, store) = match data.session(
        "the interview",
        "To score answers from a file without a terminal, use: kinscreen score --answers FILE",
        || load(path),
    ) {
        Ok(ready) => ready,
        Err(code) => return code,
    };
    match tui::run(Arc::new(q), store) {
        Ok(ended) => {
            if let Some(iv) = &ended.unsaved_result {
                let _ = emit(&report::markdown(iv, None));
            }
            match &ended.save_error {
                Some(e) => {
                    let what = if ended.unsaved_result.is_some() {
                        "The finished interview could not be stored; its report is printed above, so copy it now"
                    } else {
                        "The latest answers could not be saved"
                    };
                    warn(&format!("kinscreen: {what} ({e})."));
                    ExitCode::from(NOT_SAVED)
                }
                None => exit_code(Ok(ended.outcome)),
            }
        }
        Err(e) => exit_code(Err(e)),
    }
}

/// Exit code of an interactive session.
fn exit_code(outcome: anyhow::Result<Outcome>) -> ExitCode {
    match outcome {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Cancelled) => ExitCode::from(1),
        Ok(Outcome::Interrupted) => ExitCode::from(130),
        Err(e) => {
            warn(&format!("kinscreen: terminal error: {e:#}"));
            ExitCode::from(BAD_INPUT)
        }
    }
}

fn practice(
    q_path: Option<&Path>,
    case: Option<&Path>,
    cases: Option<&Path>,
    marking: Option<&Path>,
    data: &Data,
) -> ExitCode {
    let ((marking, (stations, broken)), store) = match data.session(
        "practice mode",
        "`kinscreen validate CASE` checks a case and `kinscreen score --answers CASE` scores its answers without one.",
        || Ok((load_marking(marking)?, stations(q_path, case, cases)?)),
    ) {
        Ok(ready) => ready,
        Err(code) => return code,
    };
    let app = PracticeApp::new(
        stations,
        marking,
        broken,
        case.is_some(),
        kinscreen::tui::theme::Theme::from_env(),
    );
    exit_code(tui::practice::run(app, store))
}

/// The marking scheme: the built-in one, or a file's; a broken one is shown with excerpts.
fn load_marking(path: Option<&Path>) -> Result<practice::Marking, ExitCode> {
    let (src, name) = match path {
        None => (
            practice::marking::BUILTIN_SOURCE.to_string(),
            practice::marking::BUILTIN_NAME.to_string(),
        ),
        Some(p) => match output::read_input(p) {
            Ok(src) => (src, p.display().to_string()),
            Err(e) => {
                warn(&format!("kinscreen: {e}"));
                return Err(ExitCode::from(BAD_INPUT));
            }
        },
    };
    practice::marking::load(&src, &name).map_err(|problems| {
        let styled = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        warn_excerpts(&problems, &src, styled);
        warn(&format!(
            "kinscreen: {name} cannot be used to mark practice (see above)"
        ));
        ExitCode::from(BAD_INPUT)
    })
}

/// The questionnaire and the cases to practise: one case file, every case in a folder, or the
/// built-in cases. Cases that could not be loaded are told on standard error (and listed).
fn stations(
    q_path: Option<&Path>,
    case: Option<&Path>,
    cases: Option<&Path>,
) -> Result<(Vec<Station>, Vec<practice::Broken>), ExitCode> {
    let q = Arc::new(load(q_path)?);
    let (stations, broken) = match (case, cases) {
        (Some(file), _) => {
            let name = file.display().to_string();
            let src = match output::read_input(file) {
                Ok(s) => s,
                Err(e) => {
                    warn(&format!("kinscreen: {e}"));
                    return Err(ExitCode::from(BAD_INPUT));
                }
            };
            match Station::load(&q, &src, &name) {
                Ok(s) => (vec![s], Vec::new()),
                Err(problems) => {
                    let styled =
                        std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
                    warn_excerpts(&problems, &src, styled);
                    warn(&format!(
                        "kinscreen: {name} cannot be practised (see above)"
                    ));
                    return Err(ExitCode::from(BAD_INPUT));
                }
            }
        }
        (None, Some(dir)) => match practice::from_dir(&q, dir) {
            Ok(found) => found,
            Err(e) => {
                warn(&format!(
                    "kinscreen: cannot read the folder {}: {e}",
                    dir.display()
                ));
                return Err(ExitCode::from(BAD_INPUT));
            }
        },
        (None, None) => practice::built_in(&q),
    };
    for b in &broken {
        warn(&format!(
            "kinscreen: skipped {}: {}",
            b.source,
            b.problems
                .iter()
                .map(|p| p.message.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }
    if stations.is_empty() {
        warn("kinscreen: no practice case could be loaded");
        return Err(ExitCode::from(BAD_INPUT));
    }
    Ok((stations, broken))
}

fn practice_history(data: &Data) -> ExitCode {
    let store = match data.read_only() {
        Ok(s) => s,
        Err(code) => return code,
    };
    let (entries, bad) = match store.practice_log() {
        Ok(found) => found,
        Err(e) => {
            warn(&format!("kinscreen: {e}"));
            return ExitCode::from(BAD_INPUT);
        }
    };
    for (row, problem) in &bad {
        warn(&format!(
            "kinscreen: skipped practice attempt {row}: {problem}"
        ));
    }
    if entries.is_empty() {
        return emit(&format!(
            "No practice attempts yet in {} (start one with `kinscreen practice`).\n",
            store.dir().display()
        ));
    }
    emit(&practice::history_text(&entries))
}

fn score(
    answers_path: &Path,
    q_path: Option<&Path>,
    format: Format,
    save: Option<&Data>,
) -> ExitCode {
    let q = match load(q_path) {
        Ok(q) => Arc::new(q),
        Err(code) => return code,
    };
    let interview = match answers::read(answers_path).and_then(|file| answers::run(q, &file)) {
        Ok(iv) => iv,
        Err(e) => {
            warn(&format!("kinscreen: {e}"));
            return ExitCode::from(BAD_INPUT);
        }
    };
    let mut provenance = None;
    if let Some(data) = save {
        if data.no_save {
            warn("kinscreen: --save and --no-save contradict each other");
            return ExitCode::from(BAD_INPUT);
        }
        let store = match data.store() {
            Ok(s) => s,
            Err(code) => return code,
        };
        match store.save_finished(&interview, &store::now(), None, None) {
            Ok(f) => {
                warn(&format!(
                    "kinscreen: kept as interview {} in {}",
                    f.id,
                    store.path().display()
                ));
                provenance = Some((f.id, f.finished_at));
            }
            Err(e) => {
                warn(&format!("kinscreen: the interview could not be saved: {e}"));
                return ExitCode::from(NOT_SAVED);
            }
        }
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

fn history(data: &Data, format: ListFormat) -> ExitCode {
    let store = match data.read_only() {
        Ok(s) => s,
        Err(code) => return code,
    };
    let (list, unreadable) = match store.history() {
        Ok(found) => found,
        Err(e) => {
            warn(&format!("kinscreen: {e}"));
            return ExitCode::from(BAD_INPUT);
        }
    };
    for e in &unreadable {
        warn(&format!("kinscreen: skipped: {e}"));
    }
    if let ListFormat::Json = format {
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
        return emit_json(pretty(&serde_json::Value::Array(rows)));
    }
    if list.is_empty() {
        return emit(&format!(
            "No finished interviews in {}.\n",
            store.dir().display()
        ));
    }
    let mut text = format!("Finished interviews in {}:\n\n", store.dir().display());
    text.push_str(&format!(
        "{:<18}  {:<20}  {:<9}  {:<32}  most like\n",
        "id", "finished (UTC)", "version", "how soon"
    ));
    for f in &list {
        text.push_str(&format!(
            "{:<18}  {:<20}  {:<9}  {:<32}  {}\n",
            f.id,
            f.finished_at.replace('T', " ").trim_end_matches('Z'),
            f.questionnaire.version,
            f.record.triage_label,
            f.record.classification_label
        ));
    }
    emit(&text)
}

fn delete(data: &Data, id: &str) -> ExitCode {
    let store = match data.store() {
        Ok(s) => s,
        Err(code) => return code,
    };
    match store.delete(id) {
        Ok(()) => {
            warn(&format!(
                "kinscreen: interview {id} and its saved report were deleted."
            ));
            ExitCode::SUCCESS
        }
        Err(e) => {
            warn(&format!("kinscreen: {e}"));
            ExitCode::from(BAD_INPUT)
        }
    }
}

fn forget(data: &Data, yes: bool) -> ExitCode {
    let store = match data.store() {
        Ok(s) => s,
        Err(code) => return code,
    };
    if !yes {
        if !std::io::stdin().is_terminal() {
            warn(
                "kinscreen: forget --all asks for confirmation on a terminal; add --yes to do it without asking.",
            );
            return ExitCode::from(BAD_INPUT);
        }
        warn(&format!(
            "This deletes every finished and unfinished interview, saved report and practice attempt in {}.\nType yes to go on:",
            store.dir().display()
        ));
        let mut line = String::new();
        if std::io::stdin().read_line(&mut line).is_err() || line.trim() != "yes" {
            warn("kinscreen: nothing was deleted.");
            return ExitCode::from(1);
        }
    }
    match store.forget_all() {
        Ok(()) => {
            warn(&format!(
                "kinscreen: everything kept in {} was deleted.",
                store.dir().display()
            ));
            ExitCode::SUCCESS
        }
        Err(e) => {
            warn(&format!("kinscreen: {e}"));
            ExitCode::from(BAD_INPUT)
        }
    }
}

/// A finished interview, rebuilt on the questionnaire it was taken with.
fn finished(
    data: &Data,
    id: &str,
) -> Result<(store::Finished, kinscreen::engine::Interview), ExitCode> {
    let store = data.read_only()?;
    let fail = |e: store::StoreError| {
        warn(&format!("kinscreen: {e}"));
        ExitCode::from(BAD_INPUT)
    };
    let f = store.finished(id).map_err(fail)?;
    let iv = f.interview().map_err(fail)?;
    Ok((f, iv))
}

fn show(data: &Data, id: &str) -> ExitCode {
    match finished(data, id) {
        Ok((f, iv)) => emit(&format!(
            "Interview {} finished {}\n\n{}",
            f.id,
            f.finished_at,
            report::text(&iv)
        )),
        Err(code) => code,
    }
}

fn export(
    data: &Data,
    id: &str,
    format: ExportFormat,
    output: Option<&Path>,
    force: bool,
) -> ExitCode {
    let (f, iv) = match finished(data, id) {
        Ok(found) => found,
        Err(code) => return code,
    };
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

/// Indented JSON with a final newline.
fn pretty(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes to a new file (atomically, private; `--force` replaces one) or to standard output,
/// made safe for a terminal or a text report either way.
fn write_out(output: Option<&Path>, force: bool, text: &str, json: bool) -> ExitCode {
    let text = if json {
        output::json_safe(text.to_string())
    } else {
        output::clean(text).into_owned()
    };
    match output {
        None => finish_write(output::to_stdout(&text)),
        Some(path) => match output::to_file(path, &text, force) {
            Ok(()) => {
                if path != Path::new("-") {
                    warn(&format!("Written to {}", path.display()));
                }
                ExitCode::SUCCESS
            }
            Err(e) => finish_write(Err(e)),
        },
    }
}

/// Checks questionnaire files, and practice cases (against the built-in questionnaire or the
/// one given with `--questionnaire`).
fn validate(files: &[PathBuf], strict: bool, questionnaire_path: Option<&Path>) -> ExitCode {
    let styled = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut failed = false;
    for path in files {
        let name = path.display().to_string();
        let src = match output::read_input(path) {
            Ok(s) => s,
            Err(e) => {
                warn(&format!("error: {e}"));
                failed = true;
                continue;
            }
        };
        // One parse tells a questionnaire from a practice case or a marking scheme, and checks
        // the questionnaire.
        let marking = std::cell::Cell::new(false);
        let checked = questionnaire::check_unless(&src, &name, Checks::Full, |keys| {
            marking.set(practice::marking::is_marking(keys));
            marking.get() || kinscreen::case::is_case(keys)
        });
        let (ok, problems) = match checked {
            Some((q, problems)) => (q.is_some(), problems),
            None if marking.get() => match practice::marking::load(&src, &name) {
                Ok(_) => (true, Vec::new()),
                Err(problems) => (false, problems),
            },
            None => {
                let q = match load(questionnaire_path) {
                    Ok(q) => Arc::new(q),
                    Err(code) => return code,
                };
                let (case, problems) = kinscreen::case::check(&q, &src, &name);
                (case.is_some(), problems)
            }
        };
        if !problems.is_empty() {
            warn_excerpts(&problems, &src, styled);
            warn("");
        }
        let errors = problems.iter().filter(|p| p.is_error()).count();
        let warnings = problems.len() - errors;
        let line = if ok && !(strict && warnings > 0) {
            format!("{name}: ok ({warnings} warning(s))\n")
        } else {
            failed = true;
            format!("{name}: {errors} error(s), {warnings} warning(s)\n")
        };
        if emit(&line) != ExitCode::SUCCESS {
            return ExitCode::from(BAD_INPUT);
        }
    }
    if failed {
        ExitCode::from(BAD_INPUT)
    } else {
        ExitCode::SUCCESS
    }
}
