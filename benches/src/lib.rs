//! Generated questionnaires of any size, for measuring how the engine, `score`, `validate` and
//! `graph` grow with the number of questions (see the `walk` benchmark and
//! `scripts/measure-scaling`).
//!
//! The shape repeats every five questions and has what makes the engine work: branching
//! (a yes/no question asked only after one answer of the question before it), a multi choice
//! with an exclusive "none" and an interrupting red flag, a scale, weights toward two classes,
//! a rule every block that reads its block, and rules that combine a block with the first one.

use std::fmt::Write;

/// Questions in one repeated block.
pub const BLOCK: usize = 5;

/// A valid questionnaire of `n` questions (rounded up to a whole block).
pub fn questionnaire(n: usize) -> String {
    let blocks = n.div_ceil(BLOCK);
    let mut s = String::from(
        r#"[meta]
id = "generated"
title = "Generated questionnaire"
version = "1"
language = "en"

[text]
welcome = "A generated questionnaire for measuring speed."
disclaimer = "Not a diagnosis."

[[sections]]
id = "s"
title = "Questions"
"#,
    );
    for b in 0..blocks {
        write!(
            s,
            r#"
[[questions]]
id = "flags_{b}"
section = "s"
type = "multi"
prompt = "Any of these warning signs ({b})?"
why = "Warning signs come first."

[[questions.options]]
id = "danger"
label = "Danger"

[[questions.options]]
id = "other"
label = "Something else"
weights = {{ b = 1 }}
rationale = "Leans to b."

[[questions.options]]
id = "none"
label = "None of these"
exclusive = true

[[questions]]
id = "site_{b}"
section = "s"
type = "single"
prompt = "Which one ({b})?"
why = "Decides what follows."

[[questions.options]]
id = "a"
label = "A"
weights = {{ a = 2 }}
rationale = "Leans to a."

[[questions.options]]
id = "b"
label = "B"
weights = {{ b = 2 }}
rationale = "Leans to b."

[[questions]]
id = "detail_{b}"
section = "s"
type = "yes_no"
prompt = "Does it click ({b})?"
why = "Only asked after A."
ask_when = {{ question = "site_{b}", equals = "a" }}
[[questions.options]]
id = "yes"
weights = {{ a = 1 }}
rationale = "Clicking leans to a."

[[questions.options]]
id = "no"
weights = {{ b = 1 }}
rationale = "No click leans to b."

[[questions.options]]
id = "unsure"
neutral = true

[[questions]]
id = "severity_{b}"
section = "s"
type = "scale"
prompt = "How bad ({b})?"
why = "Severe pain needs a look."
min = 0
max = 10

[[questions]]
id = "better_{b}"
section = "s"
type = "yes_no"
prompt = "Is it getting better ({b})?"
why = "The course matters."
required = false

[[questions.options]]
id = "yes"
weights = {{ a = 1 }}
rationale = "Getting better leans to a."

[[questions.options]]
id = "no"
weights = {{ b = 1 }}
rationale = "Not getting better leans to b."

[[questions.options]]
id = "unsure"
neutral = true
"#
        )
        .unwrap();
    }
    s.push_str(
        r#"
[[classes]]
id = "a"
label = "A"
summary = "Looks like A."

[[classes]]
id = "b"
label = "B"
summary = "Looks like B."

[[classes]]
id = "u"
label = "Unclear"
summary = "Not clear."

[decision]
undecided = "u"
min_score = 2
min_share = 0.6
weak_text = "Too little."
split_text = "Both ways."

[[triage]]
id = "low"
rank = 0
label = "Self-care"
time_frame = "Later."
advice = "Rest."

[[triage]]
id = "soon"
rank = 1
label = "Soon"
time_frame = "This week."
advice = "See someone this week."

[[triage]]
id = "now"
rank = 2
label = "Now"
time_frame = "Now."
advice = "Go now."
"#,
    );
    for b in 0..blocks {
        write!(
            s,
            r#"
[[rules]]
id = "danger_{b}"
label = "Danger {b}"
when = {{ question = "flags_{b}", equals = "danger" }}
triage = "now"
red_flag = true
interrupt = true
advice = "Go to an emergency department now."

[[rules]]
id = "severe_{b}"
label = "Severe {b}"
when = {{ all = [{{ question = "severity_{b}", at_least = 9 }}, {{ question = "site_0", equals = "b" }}] }}
triage = "soon"
"#
        )
        .unwrap();
    }
    s
}

/// Answers to every question of [`questionnaire`]`(n)` that the path asks: no warning sign,
/// A and B in turn (so half the yes/no questions are asked), a middling scale.
pub fn answers(n: usize) -> String {
    let mut s = String::from("[answers]\n");
    for b in 0..n.div_ceil(BLOCK) {
        let site = if b % 2 == 0 { "a" } else { "b" };
        writeln!(s, "flags_{b} = [\"none\"]\nsite_{b} = \"{site}\"").unwrap();
        if site == "a" {
            writeln!(s, "detail_{b} = \"yes\"").unwrap();
        }
        writeln!(s, "severity_{b} = {}\nbetter_{b} = \"no\"", b % 9).unwrap();
    }
    s
}
