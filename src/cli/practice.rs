//! `kinscreen practice`: virtual patients in the terminal; `--ask` and `--grade` without it
//! (for tests and for teachers checking their cases); `practice --history`.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::Arc;

use kinscreen::practice::ask::{self, Matcher, Understood};
use kinscreen::practice::phrases;
use kinscreen::practice::{self, AskMode, Broken, Grade, Marking, Station, written};
use kinscreen::questionnaire::Questionnaire;
use kinscreen::tui;
use kinscreen::tui::practice::PracticeApp;
use serde_json::json;

use super::data::{Data, failed};
use super::out::{emit, emit_json, pretty, warn, warn_excerpts};
use super::{CliError, Outcome, PracticeFormat, load};

/// The files practice reads, as given on the command line.
pub struct Files<'a> {
    pub questionnaire: Option<&'a Path>,
    pub case: Option<&'a Path>,
    pub cases: Option<&'a Path>,
    pub marking: Option<&'a Path>,
    pub phrases: Option<&'a Path>,
}

pub fn practice(
    files: &Files,
    mode: AskMode,
    data: &Data,
    plain: bool,
) -> Result<Outcome, CliError> {
    if super::interview::line_mode(plain) {
        return plain_practice(files, data);
    }
    let ((marking, matcher, (stations, broken)), store) = data.session(
        "practice mode",
        "`kinscreen validate CASE` checks a case and `kinscreen score --answers CASE` scores its answers without one.",
        || {
            let q = Arc::new(load(files.questionnaire)?);
            // The phrases are read (and a file of them checked) now; the reader itself is
            // built on another thread while the list is drawn.
            let phrases = phrases_for(&q, files)?;
            let for_matcher = Arc::clone(&q);
            let matcher =
                ask::Shared::building(move || reader(&for_matcher, phrases.as_ref()));
            Ok((load_marking(files.marking)?, matcher, stations(&q, files)?))
        },
    )?;
    let app = PracticeApp::new(
        stations,
        marking,
        matcher,
        mode,
        broken,
        files.case.is_some(),
        tui::theme::Theme::from_env(),
    );
    tui::practice::session::run(app, store)
        .map(Outcome::from)
        .map_err(CliError::Terminal)
}

/// Practice in line mode: typed questions one per line, the hypothesis by numbers, the debrief
/// as text; the attempt is logged as on the screen (unless `--no-save`).
fn plain_practice(files: &Files, data: &Data) -> Result<Outcome, CliError> {
    let q = Arc::new(load(files.questionnaire)?);
    let matcher = matcher(&q, files)?;
    let marking = load_marking(files.marking)?;
    let (stations, _) = stations(&q, files)?;
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    super::interview::some_input(
        &mut input,
        "practice mode",
        "To practise in plain lines, run kinscreen practice --plain in a terminal or pipe questions to it;\n\
`kinscreen validate CASE` checks a case and `kinscreen score --answers CASE` scores its answers without one.",
    )?;
    let store = if data.no_save {
        None
    } else {
        Some(data.store()?)
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut io = kinscreen::line::Io {
        input: &mut input,
        out: &mut out,
        // Input from a pipe is not shown by a terminal: the transcript shows each line.
        echo: !std::io::stdin().is_terminal(),
    };
    let ended = kinscreen::line::practice::run(&stations, &marking, &matcher, &mut io)
        .map_err(|e| CliError::Input(format!("cannot read or write: {e}")))?;
    match ended {
        kinscreen::line::practice::Ended::Marked(mut entry) => {
            if let Some(store) = store {
                entry.at = kinscreen::store::now();
                store.append_practice(&entry).map_err(|e| {
                    CliError::NotSaved(format!("The attempt could not be logged ({e})."))
                })?;
            }
            Ok(Outcome::Done)
        }
        kinscreen::line::practice::Ended::Quit => Ok(Outcome::Cancelled),
        kinscreen::line::practice::Ended::EndOfInput => Err(CliError::Cancelled(
            "the input ended before the attempt was committed; nothing was marked.".into(),
        )),
    }
}

/// `--ask TEXT`: what a typed question is read as, and the patient's reply.
pub fn ask(files: &Files, text: &str, format: PracticeFormat) -> Result<Outcome, CliError> {
    let (q, matcher, station) = one_case(files)?;
    let heard = ask::hear(&station, &matcher, text);
    let understood = match &heard.reading.understood {
        Understood::Asked(_) => "asked",
        Understood::Choice(_) => "choice",
        Understood::Unclear => "unclear",
    };
    let matches: Vec<serde_json::Value> = heard
        .reading
        .matches
        .iter()
        .map(|m| {
            let item = &q.questions[m.target.item];
            let mut v = json!({ "item": item.id, "score": m.score });
            if let Some(o) = m.target.option.and_then(|o| item.kind.options().get(o)) {
                v["option"] = json!(o.id);
            }
            v
        })
        .collect();
    match format {
        PracticeFormat::Json => emit_json(pretty(&json!({
            "question": text,
            "understood": understood,
            "matches": matches,
            "reply": heard.said,
        }))),
        PracticeFormat::Text => {
            let mut out = String::new();
            for m in &heard.reading.matches {
                out.push_str(&format!(
                    "{:.2}  {}  ({})\n",
                    m.score,
                    ask::target_id(&q, m.target),
                    ask::target_name(&q, m.target)
                ));
            }
            if heard.reading.matches.is_empty() {
                out.push_str("(no item matches)\n");
            }
            out.push_str(&format!("\nPatient: {}\n", heard.said));
            emit(&out)
        }
        PracticeFormat::Csv => Err(csv_only()),
    }
}

/// `--grade FILE`: a written attempt marked with the rules of the screen.
pub fn grade(files: &Files, path: &Path, format: PracticeFormat) -> Result<Outcome, CliError> {
    let (q, matcher, station) = one_case(files)?;
    let marking = load_marking(files.marking)?;
    let name = path.display().to_string();
    let src = read(path)?;
    let (attempt, h) = written::read(&station, &matcher, &src, &name).map_err(|problems| {
        warn_excerpts(&problems, &src);
        CliError::Input(format!("{name} cannot be marked (see above)"))
    })?;
    let g = practice::grade(&marking, &station, &attempt, &h);
    let topic = |i: &usize| q.questions[*i].id.clone();
    let errors: Vec<String> = g
        .critical_errors
        .iter()
        .map(|e| e.describe(&marking, &q))
        .collect();
    match format {
        PracticeFormat::Json => emit_json(pretty(&json!({
            "case": station.case.case.id,
            "mode": attempt.mode.id(),
            "total": g.total,
            "max": marking.scheme.max(),
            "passed": g.passed,
            "band": g.band,
            "critical_errors": errors,
            "parts": g.parts.iter().map(|p| json!({"name": p.name, "points": p.points, "max": p.max})).collect::<Vec<_>>(),
            "global_rating": g.global,
            "asked": attempt.asked().iter().map(topic).collect::<Vec<_>>(),
            "unclear": attempt.questions().iter().filter(|p| p.unclear()).filter_map(|p| p.text.clone()).collect::<Vec<_>>(),
            "essential_missed": g.essential_missed.iter().map(topic).collect::<Vec<_>>(),
            "added_nothing": g.added_nothing.iter().map(topic).collect::<Vec<_>>(),
            "class_correct": g.class_correct,
        }))),
        PracticeFormat::Text => emit(&grade_text(&marking, &q, &g, &errors)),
        PracticeFormat::Csv => Err(csv_only()),
    }
}

fn grade_text(marking: &Marking, q: &Questionnaire, g: &Grade, errors: &[String]) -> String {
    let mut out = format!(
        "{}  {} / {}  ({})\n",
        if g.passed { "PASS" } else { "FAIL" },
        g.total,
        marking.scheme.max(),
        g.band
    );
    for p in &g.parts {
        out.push_str(&format!("  {:<16}{:>3}/{}\n", p.name, p.points, p.max));
    }
    for e in errors {
        out.push_str(&format!("critical error: {e}\n"));
    }
    for r in &g.global {
        out.push_str(&format!("global rating: {r}\n"));
    }
    let topics = |list: &[usize]| {
        list.iter()
            .map(|i| q.questions[*i].topic())
            .collect::<Vec<_>>()
            .join("; ")
    };
    if !g.essential_missed.is_empty() {
        out.push_str(&format!(
            "essential, not asked: {}\n",
            topics(&g.essential_missed)
        ));
    }
    if !g.added_nothing.is_empty() {
        out.push_str(&format!("added nothing: {}\n", topics(&g.added_nothing)));
    }
    out
}

fn csv_only() -> CliError {
    CliError::Input("--format csv is for --history; use text or json".into())
}

/// The questionnaire, the typed-question reader and the one case of `--case`.
fn one_case(files: &Files) -> Result<(Arc<Questionnaire>, Matcher, Station), CliError> {
    let q = Arc::new(load(files.questionnaire)?);
    let matcher = matcher(&q, files)?;
    let (mut stations, _) = stations(&q, files)?;
    let station = stations
        .pop()
        .ok_or_else(|| CliError::Input("no practice case could be loaded".into()))?;
    Ok((q, matcher, station))
}

/// The typed-question reader: `--phrases`, else the questionnaire's sibling
/// `NAME.phrases.toml`, else the built-in phrases when they are for this questionnaire, else
/// the items' topics alone.
fn matcher(q: &Questionnaire, files: &Files) -> Result<Matcher, CliError> {
    Ok(reader(q, phrases_for(q, files)?.as_ref()))
}

/// The reader of typed questions with these phrases, or the built-in ones.
fn reader(q: &Questionnaire, phrases: Option<&phrases::Phrases>) -> Matcher {
    match phrases {
        Some(p) => Matcher::new(q, p),
        None => Matcher::builtin(q),
    }
}

/// The phrase file to read typed questions with (`--phrases`, else the questionnaire's sibling
/// `NAME.phrases.toml`), checked; `None` for the built-in phrases.
fn phrases_for(q: &Questionnaire, files: &Files) -> Result<Option<phrases::Phrases>, CliError> {
    let sibling = files
        .questionnaire
        .map(|p| p.with_extension("phrases.toml"))
        .filter(|p| p.is_file());
    let given = files.phrases.map(Path::to_path_buf).or(sibling);
    let phrases = match given {
        Some(path) => {
            let name = path.display().to_string();
            let src = read(&path)?;
            phrases::load(q, &src, &name).map_err(|problems| {
                warn_excerpts(&problems, &src);
                CliError::Input(format!(
                    "{name} cannot be used to read questions (see above)"
                ))
            })?
        }
        None => return Ok(None),
    };
    Ok(Some(phrases))
}

/// A file's text, or why it cannot be read.
fn read(path: &Path) -> Result<String, CliError> {
    kinscreen::output::read_input(path).map_err(|e| CliError::Input(e.to_string()))
}

/// The marking scheme: the built-in one, or a file's; a broken one is shown with excerpts.
fn load_marking(path: Option<&Path>) -> Result<Marking, CliError> {
    let (src, name) = match path {
        None => (
            practice::marking::BUILTIN_SOURCE.to_string(),
            practice::marking::BUILTIN_NAME.to_string(),
        ),
        Some(p) => (read(p)?, p.display().to_string()),
    };
    practice::marking::load(&src, &name).map_err(|problems| {
        warn_excerpts(&problems, &src);
        CliError::Input(format!(
            "{name} cannot be used to mark practice (see above)"
        ))
    })
}

/// The cases to practise: one case file, every case in a folder, or the built-in cases. Cases
/// that could not be loaded are told on standard error (and listed).
fn stations(
    q: &Arc<Questionnaire>,
    files: &Files,
) -> Result<(Vec<Station>, Vec<Broken>), CliError> {
    let (stations, broken) = match (files.case, files.cases) {
        (Some(file), _) => {
            let name = file.display().to_string();
            let src = read(file)?;
            let station = Station::load(q, &src, &name).map_err(|problems| {
                warn_excerpts(&problems, &src);
                CliError::Input(format!("{name} cannot be practised (see above)"))
            })?;
            (vec![station], Vec::new())
        }
        (None, Some(dir)) => practice::from_dir(q, dir).map_err(|e| {
            CliError::Input(format!("cannot read the folder {}: {e}", dir.display()))
        })?,
        (None, None) => practice::built_in(q),
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
        return Err(CliError::Input("no practice case could be loaded".into()));
    }
    Ok((stations, broken))
}

/// `practice --history`: earlier attempts and their scores, by case, with the questionnaire's
/// labels (`--format json|csv`: one record per attempt, for a teacher collecting a class's).
pub fn history(
    data: &Data,
    questionnaire: Option<&Path>,
    format: PracticeFormat,
) -> Result<Outcome, CliError> {
    let store = data.read_only()?;
    let (entries, bad) = store.practice_log().map_err(failed)?;
    for (row, problem) in &bad {
        warn(&format!(
            "kinscreen: skipped practice attempt {row}: {problem}"
        ));
    }
    // Labels from the questionnaire in use; the ids alone when it cannot be read.
    let q = load(questionnaire).ok();
    let labels = practice::Labels::of(q.as_ref());
    match format {
        PracticeFormat::Json => emit_json(pretty(&practice::history_json(&entries, &labels))),
        PracticeFormat::Csv => emit(&practice::history_csv(&entries, &labels)),
        PracticeFormat::Text if entries.is_empty() => emit(&format!(
            "No practice attempts yet in {} (start one with `kinscreen practice`).\n",
            store.dir().display()
        )),
        PracticeFormat::Text => emit(&practice::history_text(&entries, &labels)),
    }
}
