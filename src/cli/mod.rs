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
#[command(name = "kinscreen", version, about, after_help = AFTER_HELP)]
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
    /// The language of the texts: en or es (default: from LC_ALL, LC_MESSAGES or LANG;
    /// English when none of them names a language kinscreen has).
    #[arg(long, value_name = "CODE", global = true)]
    lang: Option<String>,
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
        /// How to print the result.
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
        /// The graph language.
        #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
    },
    /// List the finished interviews kept on this computer (or delete one).
    History {
        /// How to print the list.
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
        /// The format of the report.
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
        /// The format to write.
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
        /// Questionnaires, practice cases, marking schemes or phrase files (recognised by
        /// their content).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Treat warnings as errors (exit 2 if there is any).
        #[arg(long)]
        strict: bool,
    },
    /// Print a shell completion script (for example: kinscreen completions bash >
    /// ~/.local/share/bash-completion/completions/kinscreen).
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff; for example: kinscreen man > kinscreen.1; man ./kinscreen.1).
    Man,
}

/// Exit codes and environment, at the end of `kinscreen --help` and in the manual page.
const AFTER_HELP: &str = "\
Exit codes:
  0    done: the result was shown, or the command did what it was asked
  1    stopped before the result (quit, or the input ended in line mode)
  2    bad input, no input at all, or a failed write
  3    the interview could not be saved
  130  interrupted (Ctrl-C, SIGTERM, SIGHUP)

Environment:
  NO_COLOR       turn colour off
  ACCESSIBLE     plain line mode, as --plain (also TERM=dumb)
  TERM           dumb: plain line mode
  LC_ALL, LC_MESSAGES, LANG
                 the language of the texts when --lang is not given (en, es)
  TZ             the time zone of the times shown (files keep UTC)
  XDG_DATA_HOME  where the data folder is, on Linux";

/// Where each global option means something: elsewhere it is still accepted (before or after
/// the command) but left out of that command's help.
const GLOBAL_USE: &[(&str, &[&str])] = &[
    (
        "questionnaire",
        &[
            "run",
            "score",
            "graph",
            "export-questionnaire",
            "practice",
            "validate",
        ],
    ),
    (
        "data_dir",
        &[
            "run", "score", "history", "forget", "show", "export", "practice",
        ],
    ),
    ("no_save", &["run", "practice"]),
    ("plain", &["run", "practice"]),
    (
        "lang",
        &["run", "score", "show", "export", "export-questionnaire"],
    ),
];

/// The command line as clap builds it, with each global option hidden from the help of the
/// commands where it means nothing. Parsing, the completions and the manual page all use it.
pub(crate) fn command() -> clap::Command {
    use clap::CommandFactory;
    let cmd = Cli::command();
    let globals: Vec<clap::Arg> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .cloned()
        .collect();
    // A command where an option means nothing gets its own hidden copy, so clap does not
    // propagate the visible one there; the value still reaches the top level by its id.
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    names.iter().fold(cmd, |cmd, name| {
        cmd.mut_subcommand(name, |mut sub| {
            for arg in &globals {
                let id = arg.get_id().as_str();
                let used = GLOBAL_USE
                    .iter()
                    .find(|(a, _)| *a == id)
                    .is_none_or(|(_, used)| used.contains(&name.as_str()));
                if !used {
                    sub = sub.arg(arg.clone().global(false).hide(true));
                }
            }
            sub
        })
    })
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
    let lang = Language::choose(cli.lang.as_deref());
    if matches!(cli.command, Some(Command::Practice { .. })) {
        // The practice cases, their replies and the typed-question matcher are English.
        if lang.explicit && lang.code != kinscreen::i18n::ENGLISH {
            warn("kinscreen: practice mode is in English only; --lang is ignored there");
        }
        kinscreen::i18n::set_default(kinscreen::i18n::ENGLISH);
    } else {
        kinscreen::i18n::set_default(&lang.code);
    }
    match cli.command {
        None | Some(Command::Run) => interview::run(q, &lang, &data, cli.plain),
        Some(Command::History {
            delete: Some(id), ..
        }) => records::delete(&data, &id),
        Some(Command::History { format, .. }) => records::history(&data, format),
        Some(Command::Forget { yes, .. }) => records::forget(&data, yes),
        Some(Command::Show { id }) => records::show(&data, &id, &lang),
        Some(Command::Export {
            id,
            format,
            output,
            force,
        }) => records::export(&data, &id, &lang, format, output.as_deref(), force),
        Some(Command::ExportQuestionnaire {
            format: QuestionnaireFormat::Fhir,
            output,
            force,
        }) => questionnaire::export(q, &lang, output.as_deref(), force),
        Some(Command::Score {
            answers,
            format,
            save,
        }) => score::score(&answers, q, &lang, format, save.then_some(&data)),
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
                    practice::practice(&files, mode, &data, cli.plain)
                }
            }
        }
        Some(Command::Validate { files, strict }) => questionnaire::validate(&files, strict, q),
        Some(Command::Graph { file, format }) => {
            questionnaire::graph(file.as_deref().or(q), format)
        }
        Some(Command::Completions { shell }) => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command(), "kinscreen", &mut script);
            out::emit(&String::from_utf8_lossy(&script))
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            clap_mangen::Man::new(command())
                .render(&mut page)
                .map_err(|e| CliError::Input(format!("cannot write the manual page: {e}")))?;
            out::emit(&String::from_utf8_lossy(&page))
        }
    }
}

/// The questionnaire: a file's, or the built-in one (in its own language).
fn load(path: Option<&Path>) -> Result<Questionnaire, CliError> {
    match path {
        Some(p) => kinscreen::questionnaire::load_path(p),
        None => kinscreen::questionnaire::builtin(),
    }
    .map_err(|e| CliError::Input(format!("the questionnaire cannot be used:\n{e}")))
}

/// The language chosen for the texts, and whether the command line asked for it.
#[derive(Debug, Clone)]
pub(crate) struct Language {
    pub code: String,
    pub explicit: bool,
}

impl Language {
    /// `--lang`, else the environment's language, else English. A language kinscreen has no
    /// texts for falls back to English, with a warning when `--lang` named it.
    fn choose(flag: Option<&str>) -> Language {
        use kinscreen::i18n;
        let (asked, explicit) = match flag {
            Some(code) => (i18n::code_of(code), true),
            None => (i18n::from_env(|k| std::env::var(k).ok()), false),
        };
        let code = match asked {
            Some(code) if i18n::has(&code) => code,
            Some(code) => {
                if explicit {
                    let known: Vec<&str> = i18n::CATALOGUES.iter().map(|(l, _, _)| *l).collect();
                    warn(&format!(
                        "kinscreen: there are no texts in `{}`; using English (languages: {})",
                        output::clean_short(&code, 20),
                        known.join(", ")
                    ));
                }
                i18n::ENGLISH.to_string()
            }
            None => i18n::ENGLISH.to_string(),
        };
        Language { code, explicit }
    }
}

/// The questionnaire in `lang`: the built-in one with its built-in translation, or a file's
/// with the translation beside it (`NAME.LANG.toml`). Without a translation it stays in its
/// own language (said on standard error when `--lang` asked for another); a translation that
/// does not fit the questionnaire is an error.
fn load_in(path: Option<&Path>, lang: &Language) -> Result<Questionnaire, CliError> {
    use kinscreen::questionnaire::{self as qn, translation};
    if path.is_none()
        && let Some(q) = qn::builtin_in(&lang.code)
    {
        // The built-in questionnaire in that language, read compiled when it can be.
        return q.map_err(|e| CliError::Input(format!("the questionnaire cannot be used:\n{e}")));
    }
    let q = load(path)?;
    if lang.code == q.meta.language {
        return Ok(q);
    }
    let beside = path.map(|p| translation::file_name(&p.display().to_string(), &lang.code));
    let Some(name) = beside.as_deref().filter(|name| Path::new(name).exists()) else {
        if lang.explicit {
            let looked = beside
                .map(|name| format!(" (no {name})"))
                .unwrap_or_default();
            warn(&format!(
                "kinscreen: the questionnaire has no `{}` translation{looked}; its texts are shown in `{}`",
                lang.code, q.meta.language
            ));
        }
        return Ok(q);
    };
    let src = output::read_input(Path::new(name)).map_err(|e| CliError::Input(e.to_string()))?;
    translation::load(&q, &src, name)
        .map(|t| t.questionnaire)
        .map_err(|problems| {
            CliError::Input(format!(
                "the translation cannot be used:\n{}",
                qn::render_problems(&problems)
            ))
        })
}

/// A saved interview's questionnaire in `lang`, when a built-in translation fits it; else as
/// it was saved.
fn saved_in(q: Questionnaire, lang: &Language) -> Questionnaire {
    use kinscreen::questionnaire as qn;
    if lang.code == q.meta.language {
        return q;
    }
    qn::builtin_translation(&lang.code)
        .and_then(|src| {
            qn::translation::load(&q, src, &qn::builtin_translation_name(&lang.code)).ok()
        })
        .map_or(q, |t| t.questionnaire)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::FromArgMatches;

    /// clap's own consistency checks, and a description for every argument a person sees.
    #[test]
    fn every_visible_argument_is_described() {
        let cmd = command();
        cmd.clone().debug_assert();
        fn check(cmd: &clap::Command, path: &str) {
            for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                assert!(arg.get_help().is_some(), "{path} {id} has no description");
            }
            for sub in cmd.get_subcommands() {
                assert!(
                    sub.get_about().is_some(),
                    "{path} {} has no description",
                    sub.get_name()
                );
                check(sub, &format!("{path} {}", sub.get_name()));
            }
        }
        check(&cmd, "kinscreen");
    }

    /// A global option shows in the help of the commands where it means something only, and
    /// is accepted everywhere, before or after the command.
    #[test]
    fn global_options_show_where_they_mean_something() {
        let mut cmd = command();
        cmd.build();
        let shown = |sub: &str, id: &str| {
            cmd.find_subcommand(sub)
                .and_then(|s| s.get_arguments().find(|a| a.get_id() == id))
                .is_some_and(|a| !a.is_hide_set())
        };
        assert!(shown("run", "plain") && shown("run", "no_save") && shown("run", "data_dir"));
        assert!(!shown("validate", "no_save") && !shown("validate", "data_dir"));
        assert!(!shown("validate", "plain") && shown("validate", "questionnaire"));
        assert!(shown("history", "data_dir") && !shown("history", "questionnaire"));
        assert!(shown("run", "lang") && shown("score", "lang") && shown("show", "lang"));
        assert!(!shown("validate", "lang") && !shown("practice", "lang"));
        for args in [
            &["kinscreen", "validate", "f.toml", "--no-save", "--plain"][..],
            &[
                "kinscreen",
                "--no-save",
                "--data-dir",
                "d",
                "validate",
                "f.toml",
            ],
            &["kinscreen", "history", "--questionnaire", "q.toml"],
            &["kinscreen", "validate", "f.toml", "--lang", "es"],
            &["kinscreen", "--lang", "es", "score", "--answers", "a.toml"],
        ] {
            let m = command().try_get_matches_from(args).unwrap();
            Cli::from_arg_matches(&m).unwrap();
        }
        let m = command()
            .try_get_matches_from(["kinscreen", "run", "--no-save", "--plain"])
            .unwrap();
        let cli = Cli::from_arg_matches(&m).unwrap();
        assert!(cli.no_save && cli.plain);
    }
}
