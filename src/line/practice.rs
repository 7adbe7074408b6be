//! Practice mode in line mode (`kinscreen practice --plain`): choose a patient by number, type
//! questions one per line (typed questions are natural here), `/commit` gives the working
//! hypothesis by numbers, and the debrief is printed as plain text. Marked with exactly the
//! rules of the screen ([`crate::practice::grade`]).

use std::io::{self, Write};

use super::{Io, blank, numbers, say};
use crate::practice::ask::{self, Matcher, Target, Understood};
use crate::practice::debrief::Mark;
use crate::practice::{Attempt, Grade, Hypothesis, LogEntry, Marking, Reply, Station, grade};
use crate::questionnaire::{CIdx, TIdx};

/// What the help (`/help`) says.
const HELP: &str = "Type a question for the patient in your own words and press Enter, for example: Where does it hurt? Type /commit when you are ready to give your working hypothesis, /quit to stop without marking, /help for this help.";

/// How a practice session in line mode ended.
#[derive(Debug)]
pub enum Ended {
    /// An attempt was committed and marked: the entry for the practice log (time unset).
    Marked(Box<LogEntry>),
    /// Stopped before committing (`/quit`, or `q` on the list).
    Quit,
    /// The input ended first.
    EndOfInput,
}

/// Runs one station: the list first unless there is only one case.
pub fn run(
    stations: &[Station],
    marking: &Marking,
    matcher: &Matcher,
    io: &mut Io,
) -> io::Result<Ended> {
    let Some(first) = stations.first() else {
        say(io.out, "No practice case could be loaded.")?;
        return Ok(Ended::Quit);
    };
    let station = if stations.len() == 1 {
        first
    } else {
        say(io.out, "Practice: choose a patient.")?;
        for (n, s) in stations.iter().enumerate() {
            let level = match s.case.case.difficulty {
                1 => "easy",
                2 => "medium",
                _ => "hard",
            };
            say(
                io.out,
                &format!("{}. {} ({level})", n + 1, s.case.case.title),
            )?;
        }
        loop {
            let Some(line) = io.ask("Patient number: ")? else {
                return Ok(Ended::EndOfInput);
            };
            match line.trim() {
                "q" | "/quit" => return Ok(Ended::Quit),
                text => match text.parse::<usize>() {
                    Ok(n) if (1..=stations.len()).contains(&n) => break &stations[n - 1],
                    _ => say(
                        io.out,
                        &format!("Type a number from 1 to {}.", stations.len()),
                    )?,
                },
            }
        }
    };
    take_history(station, marking, matcher, io)
}

/// The history, the hypothesis and the debrief of one station.
fn take_history(
    s: &Station,
    marking: &Marking,
    matcher: &Matcher,
    io: &mut Io,
) -> io::Result<Ended> {
    blank(io.out)?;
    say(io.out, &s.case.case.title)?;
    say(io.out, &format!("Patient: {}.", s.patient_line()))?;
    say(
        io.out,
        &format!("The patient says: “{}”", s.case.case.complaint.trim()),
    )?;
    say(io.out, HELP)?;
    let mut attempt = Attempt::default();
    // A question that could mean several items: the choices offered, and the words asked.
    let mut offered: Option<(String, Vec<Target>)> = None;
    loop {
        let Some(line) = io.ask("You: ")? else {
            return Ok(Ended::EndOfInput);
        };
        let text = line.trim();
        match text {
            "" => continue,
            "/quit" => return Ok(Ended::Quit),
            "/help" => say(io.out, HELP)?,
            "/commit" => break,
            _ => {
                if let Some((asked, targets)) = offered.take()
                    && let Ok(n) = text.parse::<usize>()
                    && let Some(t) = n.checked_sub(1).and_then(|i| targets.get(i))
                {
                    put(s, matcher, &mut attempt, &asked, &[*t], io.out)?;
                    continue;
                }
                let heard = ask::hear(s, matcher, text);
                match heard.reading.understood {
                    Understood::Asked(targets) => {
                        put(s, matcher, &mut attempt, text, &targets, io.out)?
                    }
                    Understood::Unclear => put(s, matcher, &mut attempt, text, &[], io.out)?,
                    Understood::Choice(targets) => {
                        say(io.out, &format!("Patient: {}", heard.said))?;
                        let q = s.questionnaire();
                        for (n, t) in targets.iter().enumerate() {
                            say(io.out, &format!("{}. {}", n + 1, ask::target_name(q, *t)))?;
                        }
                        say(io.out, "Type the number of what you meant, or ask again.")?;
                        offered = Some((text.to_string(), targets));
                    }
                }
            }
        }
    }
    let Some(h) = hypothesis(s, &attempt, io)? else {
        return Ok(Ended::EndOfInput);
    };
    attempt.commit(h.clone());
    let g = grade(marking, s, &attempt, &h);
    blank(io.out)?;
    debrief(s, marking, &attempt, &g, io.out)?;
    Ok(Ended::Marked(Box::new(LogEntry::of(
        marking, s, &attempt, &h, &g, "",
    ))))
}

/// Puts a question to the patient and prints the reply.
fn put(
    s: &Station,
    matcher: &Matcher,
    attempt: &mut Attempt,
    text: &str,
    targets: &[Target],
    out: &mut dyn Write,
) -> io::Result<()> {
    let (reply, counted) = ask::put(s, &matcher.texts, attempt, Some(text), targets);
    say(out, &format!("Patient: {reply}"))?;
    if !counted {
        say(out, "(Asked before: not counted again.)")?;
    }
    Ok(())
}

/// The working hypothesis, by numbers; `None` when the input ends.
fn hypothesis(s: &Station, attempt: &Attempt, io: &mut Io) -> io::Result<Option<Hypothesis>> {
    let q = s.questionnaire();
    blank(io.out)?;
    say(
        io.out,
        "Your working hypothesis. After this the patient answers nothing more.",
    )?;
    let classes: Vec<String> = (0..q.classes.len())
        .map(|c| crate::summary::class_term(q, CIdx(c)))
        .collect();
    let Some(class) = pick(io, "What does the picture look like?", &classes)? else {
        return Ok(None);
    };
    let levels: Vec<String> = q
        .triage
        .iter()
        .map(|t| format!("{}: {}", t.label, t.time_frame))
        .collect();
    let Some(triage) = pick(io, "How soon should the patient be seen?", &levels)? else {
        return Ok(None);
    };
    let asked = attempt.asked();
    let mut findings = Vec::new();
    if !asked.is_empty() {
        say(
            io.out,
            "Findings that convinced you (optional): type their numbers separated by spaces, or press Enter for none.",
        )?;
        for (n, i) in asked.iter().enumerate() {
            let said = match s.heard(attempt, *i) {
                Reply::Said(text) => format!(": “{text}”"),
                Reply::NotApplicable => String::new(),
            };
            say(
                io.out,
                &format!("{}. {}{said}", n + 1, q.questions[*i].topic()),
            )?;
        }
        loop {
            let Some(line) = io.ask("Findings: ")? else {
                return Ok(None);
            };
            let picked: Option<Vec<usize>> = numbers(&line).and_then(|ns| {
                ns.iter()
                    .map(|n| {
                        usize::try_from(*n)
                            .ok()
                            .and_then(|n| n.checked_sub(1))
                            .and_then(|i| asked.get(i).copied())
                    })
                    .collect()
            });
            match picked {
                Some(list) => {
                    findings = list;
                    break;
                }
                None => say(
                    io.out,
                    &format!("Type numbers from 1 to {}, or nothing.", asked.len()),
                )?,
            }
        }
    }
    findings.dedup();
    Ok(Some(Hypothesis {
        class: CIdx(class),
        triage: TIdx(triage),
        findings,
    }))
}

/// One numbered choice; `None` when the input ends.
fn pick(io: &mut Io, question: &str, options: &[String]) -> io::Result<Option<usize>> {
    say(io.out, question)?;
    for (n, o) in options.iter().enumerate() {
        say(io.out, &format!("{}. {o}", n + 1))?;
    }
    loop {
        let Some(line) = io.ask("Your answer: ")? else {
            return Ok(None);
        };
        match line.trim().parse::<usize>() {
            Ok(n) if (1..=options.len()).contains(&n) => return Ok(Some(n - 1)),
            _ => say(
                io.out,
                &format!("Type one number from 1 to {}.", options.len()),
            )?,
        }
    }
}

/// The debrief ([`crate::practice::debrief`]) as plain sentences: the marks, then each section
/// with its marks in words.
fn debrief(
    s: &Station,
    marking: &Marking,
    attempt: &Attempt,
    g: &Grade,
    out: &mut dyn Write,
) -> io::Result<()> {
    let d = crate::practice::debrief::debrief(marking, s, attempt, g);
    say(out, "Debrief")?;
    say(
        out,
        &format!(
            "{}: {} out of {}. {}. Pass mark {}.{} {} question(s) asked, by {}.",
            if d.passed { "Pass" } else { "Not passed" },
            d.total,
            d.max,
            d.band,
            d.pass_mark,
            if d.critical_error {
                " A critical error."
            } else {
                ""
            },
            d.questions,
            d.mode
        ),
    )?;
    for p in &d.parts {
        say(out, &format!("{}: {} out of {}.", p.name, p.points, p.max))?;
    }
    for section in &d.sections {
        blank(out)?;
        // A title that already says something after a colon needs no other.
        if section.title.contains(':') {
            say(out, &format!("{}.", section.title))?;
        } else {
            say(out, &format!("{}:", section.title))?;
        }
        for item in &section.items {
            let mark = match item.mark {
                Mark::Good => "Right: ",
                Mark::Bad => "Wrong: ",
                Mark::Warn => "Note: ",
                Mark::Bullet | Mark::Aside => "- ",
                Mark::Plain | Mark::Note | Mark::Alert => "",
            };
            say(out, &format!("{mark}{}", item.text))?;
            for detail in &item.details {
                say(out, &format!("  {detail}"))?;
            }
        }
    }
    Ok(())
}
