//! The `kinscreen` command line: the commands (clap), one module per command, each returning
//! `Result<Outcome, CliError>`, and the one place ([`exit`]) that prints an error and maps the
//! result to the exit code: 0 done, 1 cancelled, 2 bad input or a failed write, 3 the interview
//! could not be saved, 130 interrupted. Everything printed passes [`output::clean`] (or
//! [`output::json_safe`]); a closed pipe ends quietly.

mod data;
mod interview;
mod out;
mod practice;
mod questionnaire;
mod records;
mod score;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use kinscreen::output;
use kinscreen::questionnaire::Questionnaire;

use data::Data;
pub use out::warn;

/// A screening interview for hip, knee, ankle and foot pain: overload from the way you move, or
/// pain sent from somewhere else? Red flags first.
#[derive(Debug, Parser)]
#[command(name = "kinscreen", version, about)]
pub(crate) struct Cli {
    /// A questionnaire file to use instead of the built-in one (for any command).
    #[arg(long, value_name = "FILE", global = true)]
    pub questionnaire: Option<PathBuf>,
    /// Where interviews are kept (default: the platform's data folder for kinscreen).
    #[arg(long, value_name = "DIR", global = true)]
    data_dir: Option<PathBuf>,
    /// Keep nothing on disk: no autosave, no history (for shared computers).
    #[arg(long, global = true)]
    no_save: bool,
    /// Plain numbered prompts, one line at a time, with no colour or cursor movement (for
    /// screen readers, braille displays and pipes); also when TERM=dumb, when ACCESSIBLE is set,
    /// and when standard input is not a terminal.
    #[arg(long, global = true)]
    plain: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Run the interview in the terminal (the default).
    Run,
    /// Score an answers file without the terminal interface.
    Score {
        /// Answers by question id: TOML (flat, or under [answers]) or JSON.
        #[arg(long, value_name = "FILE")]
        answers: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Also keep the scored interview as a finished one in the history (for a paper form
        /// entered afterwards); every run keeps a new interview.
        #[arg(long)]
        save: bool,
    },
    /// Print the interview as a graph: questions, conditions, red-flag exits, the result.
    Graph {
        /// The questionnaire, as with --questionnaire (the built-in one when neither is given).
        #[arg(value_name = "FILE", conflicts_with = "questionnaire")]
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
        /// Read typed questions with this phrase file instead of the one for the questionnaire
        /// (questionnaires/lower-limb.phrases.toml shows the format).
        #[arg(long, value_name = "FILE")]
        phrases: Option<PathBuf>,
        /// Ask from the board of every item (for beginners) instead of typing questions.
        #[arg(long, conflicts_with = "long_menu")]
        guided: bool,
        /// Type a few letters and pick from the items that match, instead of whole questions.
        #[arg(long)]
        long_menu: bool,
        /// Without the screen: ask the patient of --case this question, and print what it was
        /// read as (best first) and the reply.
        #[arg(long, value_name = "TEXT", requires = "case", conflicts_with = "grade")]
        ask: Option<String>,
        /// Without the screen: mark the written attempt in FILE (asked, mode, [hypothesis]) at
        /// --case with exactly the rules of the screen.
        #[arg(long, value_name = "FILE", requires = "case")]
        grade: Option<PathBuf>,
        /// Output of --ask, --grade and --history (csv for --history only).
        #[arg(long, value_enum, default_value_t = PracticeFormat::Text)]
        format: PracticeFormat,
        /// Show earlier attempts and their scores, by case, instead of practising.
        #[arg(long, conflicts_with_all = ["case", "cases", "marking", "ask", "grade"])]
        history: bool,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum PracticeFormat {
    Text,
    Json,
    /// Comma-separated values, one attempt per row (--history only).
    Csv,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum GraphFormat {
    /// Graphviz (`| dot -Tsvg > interview.svg`).
    Dot,
    /// Mermaid flowchart.
    Mermaid,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    Text,
    Json,
    Markdown,
    /// An HL7 FHIR R4 QuestionnaireResponse.
    Fhir,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ExportFormat {
    Markdown,
    Json,
    /// An HL7 FHIR R4 QuestionnaireResponse.
    Fhir,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ListFormat {
    Text,
    /// An array of {id, finished_at, questionnaire, classification, triage}.
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum QuestionnaireFormat {
    /// An HL7 FHIR R4 Questionnaire.
    Fhir,
}

/// How a command ended, when it did what it was asked or was stopped by the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done (exit 0).
    Done,
    /// The person cancelled (exit 1).
    Cancelled,
    /// A signal or a closed terminal ended it (exit 130).
    Interrupted,
}

impl From<kinscreen::tui::Outcome> for Outcome {
    fn from(o: kinscreen::tui::Outcome) -> Self {
        match o {
            kinscreen::tui::Outcome::Done => Outcome::Done,
            kinscreen::tui::Outcome::Cancelled => Outcome::Cancelled,
            kinscreen::tui::Outcome::Interrupted => Outcome::Interrupted,
        }
    }
}

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad input, a refused file, a failed write (exit 2).
    #[error("{0}")]
    Input(String),
    /// Already told on standard error, with excerpts of the file (exit 2).
    #[error("")]
    Told,
    /// The interview could not be stored (exit 3).
    #[error("{0}")]
    NotSaved(String),
    /// The terminal failed (exit 2).
    #[error("terminal error: {0:#}")]
    Terminal(anyhow::Error),
    /// Ended before it was done, with why (exit 1).
    #[error("{0}")]
    Cancelled(String),
}

impl From<output::OutputError> for CliError {
    fn from(e: output::OutputError) -> Self {
        CliError::Input(e.to_string())
    }
}

/// Prints what went wrong (prefixed `kinscreen:`) and gives the exit code.
pub fn exit(result: Result<Outcome, CliError>) -> ExitCode {
    match result {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Cancelled) => ExitCode::from(1),
        Ok(Outcome::Interrupted) => ExitCode::from(130),
        Err(CliError::Told) => ExitCode::from(2),
        Err(e) => {
            warn(&format!("kinscreen: {e}"));
            ExitCode::from(match e {
                CliError::NotSaved(_) => 3,
                CliError::Cancelled(_) => 1,
                _ => 2,
            })
        }
    }
}

/// Runs the command the command line names.
pub fn run(cli: Cli) -> Result<Outcome, CliError> {
    let data = Data {
        dir: cli.data_dir.clone(),
        no_save: cli.no_save,
    };
    let q = cli.questionnaire.as_deref();
    match cli.command {
        None | Some(Command::Run) => interview::run(q, &data, cli.plain),
        Some(Command::History {
            delete: Some(id), ..
        }) => records::delete(&data, &id),
        Some(Command::History { format, .. }) => records::history(&data, format),
        Some(Command::Forget { yes, .. }) => records::forget(&data, yes),
        Some(Command::Show { id }) => records::show(&data, &id),
        Some(Command::Export {
            id,
            format,
            output,
            force,
        }) => records::export(&data, &id, format, output.as_deref(), force),
        Some(Command::ExportQuestionnaire {
            format: QuestionnaireFormat::Fhir,
            output,
            force,
        }) => questionnaire::export(q, output.as_deref(), force),
        Some(Command::Score {
            answers,
            format,
            save,
        }) => score::score(&answers, q, format, save.then_some(&data)),
        Some(Command::Practice {
            history: true,
            format,
            ..
        }) => practice::history(&data, q, format),
        Some(Command::Practice {
            case,
            cases,
            marking,
            phrases,
            guided,
            long_menu,
            ask,
            grade,
            format,
            ..
        }) => {
            let files = practice::Files {
                questionnaire: q,
                case: case.as_deref(),
                cases: cases.as_deref(),
                marking: marking.as_deref(),
                phrases: phrases.as_deref(),
            };
            match (ask, grade) {
                (Some(text), _) => practice::ask(&files, &text, format),
                (None, Some(attempt)) => practice::grade(&files, &attempt, format),
                (None, None) => {
                    let mode = if guided {
                        kinscreen::practice::AskMode::Guided
                    } else if long_menu {
                        kinscreen::practice::AskMode::LongMenu
                    } else {
                        kinscreen::practice::AskMode::Typed
                    };
                    practice::practice(&files, mode, &data)
                }
            }
        }
        Some(Command::Validate { files, strict }) => questionnaire::validate(&files, strict, q),
        Some(Command::Graph { file, format }) => {
            questionnaire::graph(file.as_deref().or(q), format)
        }
    }
}

/// The questionnaire: a file's, or the built-in one.
fn load(path: Option<&Path>) -> Result<Questionnaire, CliError> {
    match path {
        Some(p) => kinscreen::questionnaire::load_path(p),
        None => kinscreen::questionnaire::builtin(),
    }
    .map_err(|e| CliError::Input(format!("the questionnaire cannot be used:\n{e}")))
}
