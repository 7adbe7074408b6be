//! The `kinscreen` command: parses the command line and hands over to the library's front ends.
//! Exit codes: 0 done, 1 cancelled, 2 bad input, 130 interrupted.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};
use kinscreen::practice::{self, Station};
use kinscreen::questionnaire::{self, Questionnaire, render_excerpts};
use kinscreen::store::{self, Store};
use kinscreen::tui::Outcome;
use kinscreen::tui::practice::PracticeApp;
use kinscreen::{answers, fhir, graph, report, tui};

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
    },
    /// Print the interview as a graph: questions, conditions, red-flag exits, the result.
    Graph {
        /// The questionnaire (the built-in one when omitted).
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
    },
    /// List the finished interviews kept on this computer.
    History,
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
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write the questionnaire itself in another format (FHIR R4 Questionnaire).
    ExportQuestionnaire {
        /// A questionnaire file to use instead of the built-in one.
        #[arg(long, value_name = "FILE")]
        questionnaire: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = QuestionnaireFormat::Fhir)]
        format: QuestionnaireFormat,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
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
        /// Show earlier attempts and their scores, by case, instead of practising.
        #[arg(long, conflicts_with_all = ["case", "cases"])]
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
enum QuestionnaireFormat {
    /// An HL7 FHIR R4 Questionnaire.
    Fhir,
}

const BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
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
        Some(Command::History) => history(&data),
        Some(Command::Show { id }) => show(&data, &id),
        Some(Command::Export { id, format, output }) => {
            export(&data, &id, format, output.as_deref())
        }
        Some(Command::ExportQuestionnaire {
            questionnaire,
            format: QuestionnaireFormat::Fhir,
            output,
        }) => match load(questionnaire.as_deref().or(cli.questionnaire.as_deref())) {
            Ok(q) => write_out(output.as_deref(), &pretty(&fhir::questionnaire(&q))),
            Err(code) => code,
        },
        Some(Command::Score {
            answers,
            questionnaire,
            format,
        }) => score(
            &answers,
            questionnaire.as_deref().or(cli.questionnaire.as_deref()),
            format,
        ),
        Some(Command::Practice { history: true, .. }) => practice_history(&data),
        Some(Command::Practice {
            case,
            cases,
            questionnaire,
            ..
        }) => practice(
            questionnaire.as_deref().or(cli.questionnaire.as_deref()),
            case.as_deref(),
            cases.as_deref(),
            &data,
        ),
        Some(Command::Validate { files, strict }) => {
            validate(&files, strict, cli.questionnaire.as_deref())
        }
        Some(Command::Graph { file, format }) => match load(file.as_deref()) {
            Ok(q) => {
                match format {
                    GraphFormat::Dot => print!("{}", graph::dot(&q)),
                    GraphFormat::Mermaid => print!("{}", graph::mermaid(&q)),
                }
                ExitCode::SUCCESS
            }
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
        eprintln!("kinscreen: the questionnaire cannot be used:\n{e}");
        ExitCode::from(BAD_INPUT)
    })
}

/// Where interviews are kept, from the command line.
struct Data {
    dir: Option<PathBuf>,
    no_save: bool,
}

impl Data {
    /// For a terminal session: refuses without a terminal (saying what to use instead), then
    /// opens the store unless `--no-save`.
    fn interactive(&self, what: &str, instead: &str) -> Result<Option<Store>, ExitCode> {
        if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
            eprintln!(
                "kinscreen: {what} needs a terminal (standard input and output are not one).\n{instead}"
            );
            return Err(ExitCode::from(BAD_INPUT));
        }
        if self.no_save {
            return Ok(None);
        }
        self.store().map(Some)
    }

    fn store(&self) -> Result<Store, ExitCode> {
        Store::open(self.dir.as_deref()).map_err(|e| {
            eprintln!("kinscreen: cannot use the data folder: {e}\n(--data-dir DIR chooses another; --no-save keeps nothing)");
            ExitCode::from(BAD_INPUT)
        })
    }
}

fn run(path: Option<&Path>, data: &Data) -> ExitCode {
    let q = match load(path) {
        Ok(q) => q,
        Err(code) => return code,
    };
    let store = match data.interactive(
        "the interview",
        "To score answers from a file without a terminal, use: kinscreen score --answers FILE",
    ) {
        Ok(store) => store,
        Err(code) => return code,
    };
    exit_code(tui::run(Arc::new(q), store))
}

/// Exit code of an interactive session.
fn exit_code(outcome: anyhow::Result<Outcome>) -> ExitCode {
    match outcome {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Cancelled) => ExitCode::from(1),
        Ok(Outcome::Interrupted) => ExitCode::from(130),
        Err(e) => {
            eprintln!("kinscreen: terminal error: {e:#}");
            ExitCode::from(BAD_INPUT)
        }
    }
}

fn practice(
    q_path: Option<&Path>,
    case: Option<&Path>,
    cases: Option<&Path>,
    data: &Data,
) -> ExitCode {
    let q = match load(q_path) {
        Ok(q) => Arc::new(q),
        Err(code) => return code,
    };
    let (stations, broken) = match (case, cases) {
        (Some(file), _) => {
            let name = file.display().to_string();
            let src = match std::fs::read_to_string(file) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("kinscreen: cannot read {name}: {e}");
                    return ExitCode::from(BAD_INPUT);
                }
            };
            match Station::load(&q, &src, &name) {
                Ok(s) => (vec![s], Vec::new()),
                Err(problems) => {
                    let styled =
                        std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
                    eprintln!("{}", render_excerpts(&problems, &src, styled));
                    eprintln!("kinscreen: {name} cannot be practised (see above)");
                    return ExitCode::from(BAD_INPUT);
                }
            }
        }
        (None, Some(dir)) => match practice::from_dir(&q, dir) {
            Ok(found) => found,
            Err(e) => {
                eprintln!("kinscreen: cannot read the folder {}: {e}", dir.display());
                return ExitCode::from(BAD_INPUT);
            }
        },
        (None, None) => practice::built_in(&q),
    };
    for b in &broken {
        eprintln!(
            "kinscreen: skipped {}: {}",
            b.source,
            b.problems
                .iter()
                .map(|p| p.message.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    if stations.is_empty() {
        eprintln!("kinscreen: no practice case could be loaded");
        return ExitCode::from(BAD_INPUT);
    }
    let store = match data.interactive(
        "practice mode",
        "`kinscreen validate CASE` checks a case and `kinscreen score --answers CASE` scores its answers without one.",
    ) {
        Ok(store) => store,
        Err(code) => return code,
    };
    let app = PracticeApp::new(
        stations,
        broken,
        case.is_some(),
        kinscreen::tui::theme::Theme::from_env(),
    );
    exit_code(tui::practice::run(app, store))
}

fn practice_history(data: &Data) -> ExitCode {
    let store = match data.store() {
        Ok(s) => s,
        Err(code) => return code,
    };
    let (entries, bad) = match store.practice_log() {
        Ok(found) => found,
        Err(e) => {
            eprintln!("kinscreen: {e}");
            return ExitCode::from(BAD_INPUT);
        }
    };
    for (line, problem) in &bad {
        eprintln!("kinscreen: skipped line {line} of the practice log: {problem}");
    }
    if entries.is_empty() {
        println!(
            "No practice attempts yet in {} (start one with `kinscreen practice`).",
            store.dir().display()
        );
        return ExitCode::SUCCESS;
    }
    print!("{}", practice::history_text(&entries));
    ExitCode::SUCCESS
}

fn score(answers_path: &Path, q_path: Option<&Path>, format: Format) -> ExitCode {
    let q = match load(q_path) {
        Ok(q) => Arc::new(q),
        Err(code) => return code,
    };
    let walked = answers::read(answers_path).and_then(|file| answers::run(q, &file));
    match walked {
        Ok(interview) => {
            match format {
                Format::Text => print!("{}", report::text(&interview)),
                Format::Markdown => print!("{}", report::markdown(&interview, None)),
                Format::Fhir => print!(
                    "{}",
                    pretty(&fhir::response(
                        &interview,
                        "kinscreen-score",
                        &store::now()
                    ))
                ),
                Format::Json => match serde_json::to_string_pretty(&report::record(&interview)) {
                    Ok(json) => println!("{json}"),
                    Err(e) => {
                        eprintln!("kinscreen: cannot write JSON: {e}");
                        return ExitCode::from(BAD_INPUT);
                    }
                },
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("kinscreen: {e}");
            ExitCode::from(BAD_INPUT)
        }
    }
}

fn history(data: &Data) -> ExitCode {
    let store = match data.store() {
        Ok(s) => s,
        Err(code) => return code,
    };
    let (list, unreadable) = match store.history() {
        Ok(found) => found,
        Err(e) => {
            eprintln!("kinscreen: {e}");
            return ExitCode::from(BAD_INPUT);
        }
    };
    for e in &unreadable {
        eprintln!("kinscreen: skipped: {e}");
    }
    if list.is_empty() {
        println!("No finished interviews in {}.", store.dir().display());
        return ExitCode::SUCCESS;
    }
    println!("Finished interviews in {}:", store.dir().display());
    println!();
    println!(
        "{:<18}  {:<20}  {:<9}  {:<32}  most like",
        "id", "finished (UTC)", "version", "how soon"
    );
    for f in &list {
        println!(
            "{:<18}  {:<20}  {:<9}  {:<32}  {}",
            f.id,
            f.finished_at.replace('T', " ").trim_end_matches('Z'),
            f.questionnaire.version,
            f.record.triage_label,
            f.record.classification_label
        );
    }
    ExitCode::SUCCESS
}

/// A finished interview, rebuilt on the questionnaire it was taken with.
fn finished(
    data: &Data,
    id: &str,
) -> Result<(store::Finished, kinscreen::engine::Interview), ExitCode> {
    let store = data.store()?;
    let fail = |e: store::StoreError| {
        eprintln!("kinscreen: {e}");
        ExitCode::from(BAD_INPUT)
    };
    let f = store.finished(id).map_err(fail)?;
    let iv = f.interview().map_err(fail)?;
    Ok((f, iv))
}

fn show(data: &Data, id: &str) -> ExitCode {
    match finished(data, id) {
        Ok((f, iv)) => {
            println!("Interview {} finished {}\n", f.id, f.finished_at);
            print!("{}", report::text(&iv));
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

fn export(data: &Data, id: &str, format: ExportFormat, output: Option<&Path>) -> ExitCode {
    let (f, iv) = match finished(data, id) {
        Ok(found) => found,
        Err(code) => return code,
    };
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
    write_out(output, &text)
}

/// Indented JSON with a final newline.
fn pretty(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes to the file (atomically, private) or to standard output.
fn write_out(output: Option<&Path>, text: &str) -> ExitCode {
    match output {
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Some(path) => match store::write_atomic(path, text.as_bytes()) {
            Ok(()) => {
                eprintln!("Written to {}", path.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("kinscreen: cannot write {}: {e}", path.display());
                ExitCode::from(BAD_INPUT)
            }
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
        let src = match std::fs::read_to_string(path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("error: cannot read {name}: {e}");
                failed = true;
                continue;
            }
        };
        let (ok, problems) = if kinscreen::case::looks_like_case(&src) {
            let q = match load(questionnaire_path) {
                Ok(q) => Arc::new(q),
                Err(code) => return code,
            };
            let (case, problems) = kinscreen::case::check(&q, &src, &name);
            (case.is_some(), problems)
        } else {
            let (q, problems) = questionnaire::check(&src, &name);
            (q.is_some(), problems)
        };
        if !problems.is_empty() {
            eprintln!("{}\n", render_excerpts(&problems, &src, styled));
        }
        let errors = problems.iter().filter(|p| p.is_error()).count();
        let warnings = problems.len() - errors;
        if ok && !(strict && warnings > 0) {
            println!("{name}: ok ({warnings} warning(s))");
        } else {
            println!("{name}: {errors} error(s), {warnings} warning(s)");
            failed = true;
        }
    }
    if failed {
        ExitCode::from(BAD_INPUT)
    } else {
        ExitCode::SUCCESS
    }
}
