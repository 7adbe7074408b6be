//! The `kinscreen` command: parses the command line and hands over to the library's front ends.
//! Exit codes: 0 done, 1 cancelled, 2 bad input, 130 interrupted.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};
use kinscreen::questionnaire::{self, Questionnaire, render_excerpts};
use kinscreen::tui::Outcome;
use kinscreen::{answers, graph, report, tui};

/// A screening interview for hip, knee, ankle and foot pain: overload from the way you move, or
/// pain sent from somewhere else? Red flags first.
#[derive(Debug, Parser)]
#[command(name = "kinscreen", version, about)]
struct Cli {
    /// A questionnaire file to use instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    questionnaire: Option<PathBuf>,
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
}

const BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => run(cli.questionnaire.as_deref()),
        Some(Command::Run { questionnaire }) => {
            run(questionnaire.as_deref().or(cli.questionnaire.as_deref()))
        }
        Some(Command::Score {
            answers,
            questionnaire,
            format,
        }) => score(
            &answers,
            questionnaire.as_deref().or(cli.questionnaire.as_deref()),
            format,
        ),
        Some(Command::Validate { files, strict }) => validate(&files, strict),
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

fn run(path: Option<&Path>) -> ExitCode {
    let q = match load(path) {
        Ok(q) => q,
        Err(code) => return code,
    };
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        eprintln!(
            "kinscreen: the interview needs a terminal (standard input and output are not one).\n\
             To score answers from a file without a terminal, use: kinscreen score --answers FILE"
        );
        return ExitCode::from(BAD_INPUT);
    }
    match tui::run(Arc::new(q)) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Cancelled) => ExitCode::from(1),
        Ok(Outcome::Interrupted) => ExitCode::from(130),
        Err(e) => {
            eprintln!("kinscreen: terminal error: {e:#}");
            ExitCode::from(BAD_INPUT)
        }
    }
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

fn validate(files: &[PathBuf], strict: bool) -> ExitCode {
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
        let (q, problems) = questionnaire::check(&src, &name);
        if !problems.is_empty() {
            eprintln!("{}\n", render_excerpts(&problems, &src, styled));
        }
        let errors = problems.iter().filter(|p| p.is_error()).count();
        let warnings = problems.len() - errors;
        if q.is_some() && !(strict && warnings > 0) {
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
