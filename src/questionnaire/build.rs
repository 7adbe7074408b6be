//! From the file as written ([`RawDoc`]) to a validated [`Questionnaire`], collecting every
//! problem on the way rather than stopping at the first.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use toml::Spanned;

use super::Checks;
use super::analysis::{Spans, analyse};
use super::model::*;
use super::problem::{Problem, Severity};
use super::raw::*;

/// Ids to class indices, and to triage levels.
type ClassIds = HashMap<String, CIdx>;
type TriageIds = HashMap<String, TIdx>;

struct Builder<'a> {
    file: &'a str,
    src: &'a str,
    problems: Vec<Problem>,
}

impl Builder<'_> {
    fn error(&mut self, span: Option<Range<usize>>, message: impl Into<String>) {
        self.problems.push(Problem::at(
            Severity::Error,
            self.file,
            self.src,
            span,
            message,
        ));
    }

    fn warning(&mut self, span: Option<Range<usize>>, message: impl Into<String>) {
        self.problems.push(Problem::at(
            Severity::Warning,
            self.file,
            self.src,
            span,
            message,
        ));
    }

    /// Records duplicate ids; returns id -> index for the first of each.
    fn index_ids<'s>(
        &mut self,
        what: &str,
        within: &str,
        ids: impl Iterator<Item = &'s Spanned<String>>,
    ) -> HashMap<String, usize> {
        let mut map = HashMap::new();
        for (i, id) in ids.enumerate() {
            if id.get_ref().trim().is_empty() {
                self.error(Some(id.span()), format!("{what} id is empty{within}"));
            } else if map.contains_key(id.get_ref()) {
                self.error(
                    Some(id.span()),
                    format!("duplicate {what} id `{}`{within}", id.get_ref()),
                );
            } else {
                map.insert(id.get_ref().clone(), i);
            }
        }
        map
    }
}

/// Builds and validates. Returns the questionnaire (when there is no error) and all problems
/// found, warnings included. The passes run in the order their references need: declarations
/// (sections, headings, classes, the decision, triage), questions without their conditions
/// (so a condition can name any option), the questions' conditions, rules, texts, evidence,
/// option conditions (which may read any question), then the whole-interview analysis.
pub fn build(
    raw: RawDoc,
    file: &str,
    src: &str,
    checks: Checks,
) -> (Option<Questionnaire>, Vec<Problem>) {
    let mut b = Builder {
        file,
        src,
        problems: Vec::new(),
    };
    let d = declarations(&mut b, &raw);
    let undecided = d.decision.as_ref().map(|d| d.undecided);
    let question_ids = b.index_ids("question", "", raw.questions.iter().map(|q| &q.id));
    if raw.questions.is_empty() {
        b.error(None, "the questionnaire has no questions");
    }
    let mut questions: Vec<Question> = raw
        .questions
        .iter()
        .map(|q| {
            build_question(
                &mut b,
                q,
                &raw.text,
                &d.section_ids,
                &d.heading_ids,
                &d.class_ids,
                undecided,
            )
        })
        .collect();
    guards(&mut b, &raw.questions, &question_ids, &mut questions);
    let known = Known {
        question_ids: &question_ids,
        questions: &questions,
    };
    let rules = build_rules(&mut b, &known, &raw.rules, &d.triage, &d.triage_ids);
    let texts = |b: &mut Builder, what: &str, raw: &[RawNote]| {
        build_texts(b, &known, what, raw, &d.triage_ids, &d.class_ids)
    };
    let notes = texts(&mut b, "note", &raw.notes);
    let next_steps = texts(&mut b, "next step", &raw.next_steps);
    let safety_net = texts(&mut b, "safety-net sign", &raw.safety_net);
    let evidence = build_evidence(&mut b, &known, &raw.evidence, &d.class_ids, undecided);
    let counts_when = option_conditions(&mut b, &known, &raw.questions);
    for (qi, oid, cond) in counts_when {
        if let Some(option) = questions[qi]
            .kind
            .options_mut()
            .iter_mut()
            .find(|o| o.id == oid)
        {
            option.counts_when = Some(cond);
        }
    }
    let spans = spans(&raw, &questions);

    let has_error = b.problems.iter().any(Problem::is_error);
    let questionnaire = match (d.decision, has_error) {
        (Some(decision), false) => Some(Questionnaire {
            index: Index::new(&questions, &rules),
            source: file.to_string(),
            document: src.to_string(),
            fingerprint: fingerprint(src),
            meta: Meta {
                id: raw.meta.id,
                title: raw.meta.title,
                version: raw.meta.version,
                language: raw.meta.language,
            },
            text: Text {
                welcome: raw.text.welcome,
                disclaimer: raw.text.disclaimer,
            },
            sections: d.sections,
            questions,
            classes: d.classes,
            decision,
            triage: d.triage,
            rules,
            evidence,
            notes,
            next_steps,
            safety_net,
            headings: d.headings,
        }),
        _ => None,
    };
    // The whole-interview checks need every id resolved.
    let questionnaire = questionnaire.and_then(|q| {
        if checks == Checks::Structure {
            return Some(q);
        }
        let found = analyse(&q, &spans, file, src);
        let fatal = found.iter().any(Problem::is_error);
        b.problems.extend(found);
        (!fatal).then_some(q)
    });
    (questionnaire, b.problems)
}

/// What the questions, rules and texts refer to by id, with the id of each.
struct Declared {
    sections: Vec<Section>,
    section_ids: HashMap<String, usize>,
    headings: Vec<Heading>,
    heading_ids: HashMap<String, usize>,
    classes: Vec<Class>,
    class_ids: ClassIds,
    decision: Option<Decision>,
    triage: Vec<TriageLevel>,
    triage_ids: TriageIds,
}

/// Pass 1: sections, headings, classes, the decision and the triage levels.
fn declarations(b: &mut Builder, raw: &RawDoc) -> Declared {
    let section_ids = b.index_ids("section", "", raw.sections.iter().map(|s| &s.id));
    let sections = raw
        .sections
        .iter()
        .map(|s| Section {
            id: s.id.get_ref().clone(),
            title: s.title.clone(),
            intro: s.intro.clone(),
        })
        .collect();

    let heading_ids = b.index_ids("heading", "", raw.headings.iter().map(|h| &h.id));
    let headings = raw
        .headings
        .iter()
        .map(|h| Heading {
            id: h.id.get_ref().clone(),
            label: h.label.clone(),
            scheme: h.scheme.clone(),
            about: h.about.clone(),
        })
        .collect();

    let class_ids: ClassIds = b
        .index_ids("class", "", raw.classes.iter().map(|c| &c.id))
        .into_iter()
        .map(|(id, i)| (id, CIdx(i)))
        .collect();
    let classes = raw
        .classes
        .iter()
        .map(|c| Class {
            id: c.id.get_ref().clone(),
            label: c.label.clone(),
            term: c.term.clone(),
            summary: c.summary.clone(),
            next_steps: c.next_steps.clone(),
        })
        .collect();
    let decision = build_decision(b, &raw.decision, &class_ids);
    if class_ids.len() < 2 {
        b.error(
            None,
            "at least two classes are needed: one to decide for and the undecided one",
        );
    }

    let triage = build_triage(b, &raw.triage);
    let triage_ids = triage
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.clone(), TIdx(i)))
        .collect();
    Declared {
        sections,
        section_ids,
        headings,
        heading_ids,
        classes,
        class_ids,
        decision,
        triage,
        triage_ids,
    }
}

/// Pass 3: the questions' own conditions (`ask_when`), which may read only earlier questions;
/// a condition reading a later one (or a cycle of them) is an error and is dropped.
fn guards(
    b: &mut Builder,
    raw: &[RawQuestion],
    question_ids: &HashMap<String, usize>,
    questions: &mut [Question],
) {
    let known = Known {
        question_ids,
        questions,
    };
    let compiled: Vec<Option<Condition>> = raw
        .iter()
        .map(|q| q.ask_when.as_ref().and_then(|c| compile(b, &known, c)))
        .collect();
    let reads: Vec<Vec<QIdx>> = compiled
        .iter()
        .map(|c| {
            let mut read = Vec::new();
            if let Some(c) = c {
                c.questions(&mut read);
            }
            read
        })
        .collect();
    let mut guards = Vec::new();
    for (i, (q, guard)) in raw.iter().zip(compiled).enumerate() {
        let Some(later) = reads[i].iter().copied().find(|r| *r >= i) else {
            guards.push(guard);
            continue;
        };
        let span = q.ask_when.as_ref().map(|c| c.span());
        let message = match cycle(&reads, later, i) {
            Some(path) => {
                let mut names: Vec<&str> = vec![q.id.get_ref().as_str()];
                names.extend(path.iter().map(|p| questions[*p].id.as_str()));
                format!(
                    "the conditions of these questions depend on each other in a cycle: `{}`; a condition may only read earlier questions",
                    names.join("` → `")
                )
            }
            None => format!(
                "the condition of question `{}` reads `{}`, which is asked {}; a condition may only read earlier questions",
                q.id.get_ref(),
                questions[later].id,
                if later == i {
                    "by this same question"
                } else {
                    "later"
                }
            ),
        };
        b.error(span, message);
        guards.push(None);
    }
    for (q, g) in questions.iter_mut().zip(guards) {
        q.ask_when = g;
    }
}

/// Pass 4: the rules (red flags and other triage rules).
fn build_rules(
    b: &mut Builder,
    known: &Known,
    raw: &[RawRule],
    triage: &[TriageLevel],
    triage_ids: &TriageIds,
) -> Vec<Rule> {
    b.index_ids("rule", "", raw.iter().map(|r| &r.id));
    let mut rules = Vec::new();
    for r in raw {
        let when = compile(b, known, &r.when);
        let level = triage_ids.get(r.triage.get_ref()).copied();
        if level.is_none() {
            b.error(
                Some(r.triage.span()),
                format!(
                    "rule `{}` names triage level `{}`, which is not declared (declared: {})",
                    r.id.get_ref(),
                    r.triage.get_ref(),
                    list(triage.iter().map(|t| t.id.as_str()))
                ),
            );
        }
        if r.interrupt && r.advice.is_none() {
            b.error(
                Some(r.id.span()),
                format!(
                    "rule `{}` interrupts the interview, so it needs `advice` to show",
                    r.id.get_ref()
                ),
            );
        }
        if let (Some(when), Some(level)) = (when, level) {
            rules.push(Rule {
                id: r.id.get_ref().clone(),
                label: r.label.clone(),
                when,
                triage: level,
                red_flag: r.red_flag,
                interrupt: r.interrupt,
                set_aside: r.set_aside,
                advice: r.advice.clone(),
            });
        }
    }
    rules
}

/// Pass 6: the evidence rules (points toward classes from combinations of answers).
fn build_evidence(
    b: &mut Builder,
    known: &Known,
    raw: &[RawEvidence],
    class_ids: &ClassIds,
    undecided: Option<CIdx>,
) -> Vec<EvidenceRule> {
    b.index_ids("evidence rule", "", raw.iter().map(|e| &e.id));
    let mut evidence = Vec::new();
    for e in raw {
        let id = e.id.get_ref();
        let what = format!("evidence rule `{id}`");
        let weights = class_weights(b, &what, &e.weights, class_ids, undecided);
        if weights.is_empty() && e.weights.get_ref().is_empty() {
            b.error(
                Some(e.weights.span()),
                format!("{what} gives no points to any class"),
            );
        }
        if e.rationale.trim().is_empty() {
            b.error(
                Some(e.id.span()),
                format!("{what} has an empty `rationale`"),
            );
        }
        let when = compile(b, known, &e.when);
        let rationale_when: Vec<Option<(Condition, String)>> = e
            .rationale_when
            .iter()
            .map(|r| compile(b, known, &r.when).map(|c| (c, r.rationale.clone())))
            .collect();
        if let (Some(when), Some(rationale_when)) =
            (when, rationale_when.into_iter().collect::<Option<Vec<_>>>())
        {
            evidence.push(EvidenceRule {
                id: id.clone(),
                label: e.label.clone(),
                when,
                weights,
                rationale: e.rationale.clone(),
                rationale_when,
            });
        }
    }
    evidence
}

/// Pass 7: conditions on option weights (`counts_when`), which may read any question, so they
/// come last: (question, option id, condition) for each.
fn option_conditions(
    b: &mut Builder,
    known: &Known,
    raw: &[RawQuestion],
) -> Vec<(QIdx, String, Condition)> {
    let mut counts_when = Vec::new();
    for (qi, rq) in raw.iter().enumerate() {
        for ro in &rq.options {
            if let Some(c) = &ro.counts_when
                && let Some(cond) = compile(b, known, c)
            {
                counts_when.push((qi, ro.id.get_ref().clone(), cond));
            }
        }
    }
    counts_when
}

/// Where each part the analysis reports on was written.
fn spans(raw: &RawDoc, questions: &[Question]) -> Spans {
    Spans {
        question: raw.questions.iter().map(|q| q.id.span()).collect(),
        guard: raw
            .questions
            .iter()
            .map(|q| q.ask_when.as_ref().map(|c| c.span()))
            .collect(),
        option: raw
            .questions
            .iter()
            .zip(questions)
            .map(|(rq, q)| {
                q.kind
                    .options()
                    .iter()
                    .map(|o| {
                        rq.options
                            .iter()
                            .find(|ro| *ro.id.get_ref() == o.id)
                            .map(|ro| ro.id.span())
                    })
                    .collect()
            })
            .collect(),
        rule: raw.rules.iter().map(|r| r.when.span()).collect(),
        note: texts_spans(&raw.notes),
        next_step: texts_spans(&raw.next_steps),
        safety_net: texts_spans(&raw.safety_net),
        evidence: raw.evidence.iter().map(|e| e.when.span()).collect(),
        counts_when: raw
            .questions
            .iter()
            .map(|rq| {
                rq.options
                    .iter()
                    .filter_map(|o| {
                        o.counts_when
                            .as_ref()
                            .map(|c| (o.id.get_ref().clone(), c.span()))
                    })
                    .collect()
            })
            .collect(),
        class: raw.classes.iter().map(|c| c.id.span()).collect(),
    }
}

fn texts_spans(raw: &[RawNote]) -> Vec<Range<usize>> {
    raw.iter()
        .map(|n| n.when.as_ref().map_or_else(|| n.id.span(), |c| c.span()))
        .collect()
}

/// SHA-256 of a questionnaire's text, in hex.
pub fn fingerprint(src: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(src.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A path of reads from `from` back to `to`, if the conditions form a cycle through them.
fn cycle(reads: &[Vec<QIdx>], from: QIdx, to: QIdx) -> Option<Vec<QIdx>> {
    let mut stack = vec![(from, vec![from])];
    let mut seen = vec![false; reads.len()];
    while let Some((at, path)) = stack.pop() {
        if at == to {
            return Some(path);
        }
        if std::mem::replace(&mut seen[at], true) {
            continue;
        }
        for next in &reads[at] {
            let mut p = path.clone();
            p.push(*next);
            stack.push((*next, p));
        }
    }
    None
}

fn list<'s>(items: impl Iterator<Item = &'s str>) -> String {
    let v: Vec<String> = items.map(|s| format!("`{s}`")).collect();
    if v.is_empty() {
        "none".into()
    } else {
        v.join(", ")
    }
}

fn build_decision(b: &mut Builder, d: &RawDecision, class_ids: &ClassIds) -> Option<Decision> {
    let undecided = class_ids.get(d.undecided.get_ref()).copied();
    if undecided.is_none() {
        b.error(
            Some(d.undecided.span()),
            format!(
                "`decision.undecided` names class `{}`, which is not declared",
                d.undecided.get_ref()
            ),
        );
    }
    let share = *d.min_share.get_ref();
    if !(0.5..=1.0).contains(&share) {
        b.error(
            Some(d.min_share.span()),
            format!("`min_share` must be between 0.5 and 1.0, found {share}"),
        );
    }
    if *d.min_score.get_ref() < 0 {
        b.error(Some(d.min_score.span()), "`min_score` must not be negative");
    }
    let mut strength: Vec<(i32, String)> = d
        .strength
        .iter()
        .map(|s| (s.at_least, s.label.clone()))
        .collect();
    strength.sort_by_key(|s| std::cmp::Reverse(s.0));
    Some(Decision {
        undecided: undecided?,
        min_score: *d.min_score.get_ref(),
        min_share: share,
        weak_text: d.weak_text.clone(),
        split_text: d.split_text.clone(),
        set_aside_text: d.set_aside_text.clone(),
        strength,
    })
}

fn build_triage(b: &mut Builder, raw: &[RawTriage]) -> Vec<TriageLevel> {
    b.index_ids("triage level", "", raw.iter().map(|t| &t.id));
    if raw.is_empty() {
        b.error(None, "at least one triage level is needed");
    }
    let mut ranks: BTreeMap<i32, &str> = BTreeMap::new();
    for t in raw {
        if let Some(other) = ranks.insert(*t.rank.get_ref(), t.id.get_ref()) {
            b.error(
                Some(t.rank.span()),
                format!(
                    "triage levels `{other}` and `{}` have the same rank {}; ranks order them by urgency",
                    t.id.get_ref(),
                    t.rank.get_ref()
                ),
            );
        }
    }
    let mut levels: Vec<TriageLevel> = raw
        .iter()
        .map(|t| TriageLevel {
            id: t.id.get_ref().clone(),
            rank: *t.rank.get_ref(),
            label: t.label.clone(),
            time_frame: t.time_frame.clone(),
            advice: t.advice.clone(),
        })
        .collect();
    levels.sort_by_key(|t| t.rank);
    levels
}

fn build_question(
    b: &mut Builder,
    q: &RawQuestion,
    text: &RawText,
    section_ids: &HashMap<String, usize>,
    heading_ids: &HashMap<String, usize>,
    class_ids: &ClassIds,
    undecided: Option<CIdx>,
) -> Question {
    let id = q.id.get_ref();
    let mut headings = Vec::new();
    for h in &q.headings {
        match heading_ids.get(h.get_ref()) {
            Some(i) if headings.contains(i) => b.error(
                Some(h.span()),
                format!("question `{id}` names heading `{}` twice", h.get_ref()),
            ),
            Some(i) => headings.push(*i),
            None => b.error(
                Some(h.span()),
                format!(
                    "question `{id}` names heading `{}`, which is not declared in [[headings]]",
                    h.get_ref()
                ),
            ),
        }
    }
    if q.headings.is_empty() && !heading_ids.is_empty() {
        b.warning(
            Some(q.id.span()),
            format!("question `{id}` has no `headings`: practice mode shows it without a tag"),
        );
    }
    let section = match section_ids.get(q.section.get_ref()) {
        Some(s) => *s,
        None => {
            b.error(
                Some(q.section.span()),
                format!(
                    "question `{id}` is in section `{}`, which is not declared",
                    q.section.get_ref()
                ),
            );
            0
        }
    };
    if q.why.as_deref().is_none_or(|w| w.trim().is_empty()) {
        b.warning(
            Some(q.id.span()),
            format!("question `{id}` has no `why` (the \"why we ask\" line)"),
        );
    }
    if let Some(cap) = &q.cap
        && *cap.get_ref() <= 0
    {
        b.error(
            Some(cap.span()),
            format!("question `{id}`: `cap` must be positive"),
        );
    }

    let scale_fields =
        q.min.is_some() || q.max.is_some() || q.min_label.is_some() || q.max_label.is_some();
    if q.kind != RawKind::Scale && scale_fields {
        b.error(
            Some(q.id.span()),
            format!("question `{id}`: `min`, `max`, `min_label` and `max_label` are for scale questions only"),
        );
    }
    if q.kind != RawKind::YesNo && q.unsure.is_some() {
        b.error(
            Some(q.id.span()),
            format!("question `{id}`: `unsure` is for yes_no questions only"),
        );
    }

    let kind = match q.kind {
        RawKind::Single | RawKind::Multi => {
            let options = build_options(b, q, class_ids, undecided, None);
            if options.is_empty() {
                b.error(
                    Some(q.id.span()),
                    format!("question `{id}` has no options: no answer is possible, so no interview could get past it to the result"),
                );
            } else if options.len() < 2 {
                b.error(
                    Some(q.id.span()),
                    format!("question `{id}` needs at least two options"),
                );
            }
            if q.kind == RawKind::Single {
                if let Some(o) = q.options.iter().find(|o| o.exclusive) {
                    b.error(
                        Some(o.id.span()),
                        format!(
                            "option `{}` of single-choice question `{id}` is marked exclusive; only multi-choice options can be",
                            o.id.get_ref()
                        ),
                    );
                }
                Kind::Single {
                    options,
                    yes_no: false,
                }
            } else {
                if options.iter().all(|o| o.exclusive) && !options.is_empty() {
                    b.error(
                        Some(q.id.span()),
                        format!("question `{id}`: every option is exclusive"),
                    );
                } else if !options.is_empty() && !options.iter().any(|o| o.exclusive) {
                    b.error(
                        Some(q.id.span()),
                        format!("multi-choice question `{id}` has no exclusive option (such as \"none of these\"), so a person to whom no option applies cannot answer it"),
                    );
                }
                Kind::Multi { options }
            }
        }
        RawKind::YesNo => {
            let with_unsure = q.unsure.unwrap_or(true);
            let fixed: Vec<(&str, &str)> = [
                ("yes", text.yes.as_str()),
                ("no", text.no.as_str()),
                ("unsure", text.unsure.as_str()),
            ]
            .into_iter()
            .take(if with_unsure { 3 } else { 2 })
            .collect();
            let options = build_options(b, q, class_ids, undecided, Some(&fixed));
            Kind::Single {
                options,
                yes_no: true,
            }
        }
        RawKind::Scale => {
            if !q.options.is_empty() {
                b.error(
                    Some(q.id.span()),
                    format!("scale question `{id}` takes `min` and `max`, not options"),
                );
            }
            match (&q.min, &q.max) {
                (Some(min), Some(max)) => {
                    if min.get_ref() >= max.get_ref() {
                        b.error(
                            Some(min.span()),
                            format!(
                                "scale question `{id}`: `min` ({}) must be below `max` ({})",
                                min.get_ref(),
                                max.get_ref()
                            ),
                        );
                    } else if max.get_ref() - min.get_ref() > 1000 {
                        b.error(
                            Some(max.span()),
                            format!("scale question `{id}`: a scale may span at most 1000 steps"),
                        );
                    }
                    Kind::Scale {
                        min: *min.get_ref(),
                        max: *max.get_ref(),
                        min_label: q.min_label.clone(),
                        max_label: q.max_label.clone(),
                    }
                }
                _ => {
                    b.error(
                        Some(q.id.span()),
                        format!("scale question `{id}` needs both `min` and `max`"),
                    );
                    Kind::Scale {
                        min: 0,
                        max: 1,
                        min_label: None,
                        max_label: None,
                    }
                }
            }
        }
    };

    Question {
        id: id.clone(),
        section,
        prompt: q.prompt.clone(),
        topic: q.topic.clone(),
        headings,
        why: q.why.clone(),
        help: q.help.clone(),
        required: q.required,
        ask_when: None,
        cap: q.cap.as_ref().map(|c| *c.get_ref()),
        kind,
    }
}

/// Options of a choice question. With `fixed` (yes/no questions) the option ids are given and
/// the file's options may only relabel them or add weights.
fn build_options(
    b: &mut Builder,
    q: &RawQuestion,
    class_ids: &ClassIds,
    undecided: Option<CIdx>,
    fixed: Option<&[(&str, &str)]>,
) -> Vec<Choice> {
    let qid = q.id.get_ref();
    b.index_ids(
        "option",
        &format!(" in question `{qid}`"),
        q.options.iter().map(|o| &o.id),
    );
    let mut built: Vec<Choice> = Vec::new();
    for o in &q.options {
        let oid = o.id.get_ref();
        if let Some(fixed) = fixed
            && !fixed.iter().any(|(f, _)| f == oid)
        {
            b.error(
                Some(o.id.span()),
                format!(
                    "yes/no question `{qid}` has the options {}; `{oid}` is not one of them",
                    list(fixed.iter().map(|(f, _)| *f))
                ),
            );
            continue;
        }
        if fixed.is_none() && o.label.as_deref().is_none_or(|l| l.trim().is_empty()) {
            b.error(
                Some(o.id.span()),
                format!("option `{oid}` of question `{qid}` has no `label`"),
            );
        }
        let mut weights = Vec::new();
        if let Some(w) = &o.weights {
            let what = format!("option `{oid}` of question `{qid}`");
            weights = class_weights(b, &what, w, class_ids, undecided);
            if !weights.is_empty() && o.rationale.as_deref().is_none_or(|r| r.trim().is_empty()) {
                b.error(
                    Some(o.id.span()),
                    format!("{what} has weights but no `rationale` to explain them"),
                );
            }
        }
        if o.counts_when.is_some() && o.weights.is_none() {
            b.error(
                o.counts_when.as_ref().map(|c| c.span()),
                format!("option `{oid}` of question `{qid}` has `counts_when` but no `weights` for it to govern"),
            );
        }
        weights.sort();
        built.push(Choice {
            id: oid.clone(),
            label: o.label.clone().unwrap_or_default(),
            exclusive: o.exclusive,
            neutral: o.neutral,
            weights,
            counts_when: None,
            rationale: o.rationale.clone(),
        });
    }
    match fixed {
        None => built,
        Some(fixed) => fixed
            .iter()
            .map(|(id, label)| {
                let given = built.iter().find(|c| c.id == *id);
                Choice {
                    id: id.to_string(),
                    label: given
                        .map(|c| c.label.clone())
                        .filter(|l| !l.is_empty())
                        .unwrap_or_else(|| label.to_string()),
                    exclusive: false,
                    neutral: given.is_some_and(|c| c.neutral),
                    weights: given.map(|c| c.weights.clone()).unwrap_or_default(),
                    counts_when: None,
                    rationale: given.and_then(|c| c.rationale.clone()),
                }
            })
            .collect(),
    }
}

/// Points toward classes as written (`{ class = points }`), checked: the class must be declared
/// and must not be the undecided one. `what` names the owner in messages.
fn class_weights(
    b: &mut Builder,
    what: &str,
    w: &Spanned<BTreeMap<String, i32>>,
    class_ids: &ClassIds,
    undecided: Option<CIdx>,
) -> Vec<(CIdx, i32)> {
    let mut weights = Vec::new();
    for (class, points) in w.get_ref() {
        match class_ids.get(class) {
            Some(c) if Some(*c) == undecided => b.error(
                Some(w.span()),
                format!(
                    "{what} gives weight to `{class}`, the undecided class, which takes no evidence"
                ),
            ),
            Some(c) => {
                if *points == 0 {
                    b.warning(
                        Some(w.span()),
                        format!("{what}: a weight of 0 toward `{class}` has no effect"),
                    );
                }
                weights.push((*c, *points));
            }
            None => b.error(
                Some(w.span()),
                format!(
                    "{what} gives weight to class `{class}`, which is not declared (declared: {})",
                    list(class_ids.keys().map(String::as_str))
                ),
            ),
        }
    }
    weights.sort();
    weights
}

/// The indices `names` stand for in `ids`; an unknown name is an error at its place, said by
/// `unknown` (the list of declared ids is added).
fn resolve_ids<I: Copy>(
    b: &mut Builder,
    names: &[Spanned<String>],
    ids: &HashMap<String, I>,
    unknown: impl Fn(&str) -> String,
) -> Vec<I> {
    let mut found = Vec::new();
    for name in names {
        match ids.get(name.get_ref()) {
            Some(i) => found.push(*i),
            None => b.error(
                Some(name.span()),
                format!(
                    "{} (declared: {})",
                    unknown(name.get_ref()),
                    list(ids.keys().map(String::as_str))
                ),
            ),
        }
    }
    found
}

/// Compiles `[[notes]]`, `[[next_steps]]` or `[[safety_net]]` entries.
fn build_texts(
    b: &mut Builder,
    k: &Known,
    what: &str,
    raw: &[RawNote],
    triage_ids: &TriageIds,
    class_ids: &ClassIds,
) -> Vec<Note> {
    b.index_ids(what, "", raw.iter().map(|n| &n.id));
    let mut out = Vec::new();
    for n in raw {
        let id = n.id.get_ref();
        let when = n.when.as_ref().map(|c| compile(b, k, c));
        let levels = resolve_ids(b, &n.levels, triage_ids, |name| {
            format!("{what} `{id}` names triage level `{name}`, which is not declared")
        });
        let classes = resolve_ids(b, &n.classes, class_ids, |name| {
            format!("{what} `{id}` names class `{name}`, which is not declared")
        });
        if n.text.trim().is_empty() {
            b.error(
                Some(n.id.span()),
                format!("{what} `{id}` has an empty `text`"),
            );
        }
        match when {
            Some(None) => {}
            when => out.push(Note {
                id: id.clone(),
                when: when.flatten(),
                levels,
                classes,
                text: n.text.clone(),
            }),
        }
    }
    out
}

struct Known<'a> {
    question_ids: &'a HashMap<String, usize>,
    questions: &'a [Question],
}

/// Compiles one condition, reporting what is wrong with it; `None` when it cannot be used.
fn compile(b: &mut Builder, k: &Known, c: &Spanned<RawCondition>) -> Option<Condition> {
    let span = c.span();
    let r = c.get_ref();
    let combinators = [r.not.is_some(), r.all.is_some(), r.any.is_some()]
        .iter()
        .filter(|x| **x)
        .count();
    let tests = [
        r.equals.is_some(),
        r.any_of.is_some(),
        r.all_of.is_some(),
        r.none_of.is_some(),
        r.at_least.is_some() || r.at_most.is_some(),
        r.answered.is_some(),
    ]
    .iter()
    .filter(|x| **x)
    .count();

    if combinators > 0 {
        if combinators > 1 || tests > 0 || r.question.is_some() {
            b.error(
                Some(span.clone()),
                "a condition with `all`, `any` or `not` must have only that one key",
            );
            return None;
        }
        if let Some(inner) = &r.not {
            return compile(b, k, inner).map(|c| Condition::Not(Box::new(c)));
        }
        let (parts, all) = match (&r.all, &r.any) {
            (Some(p), _) => (p, true),
            (_, Some(p)) => (p, false),
            _ => return None,
        };
        if parts.is_empty() {
            b.error(
                Some(span.clone()),
                "`all` and `any` need at least one condition",
            );
            return None;
        }
        let compiled: Vec<Option<Condition>> = parts.iter().map(|p| compile(b, k, p)).collect();
        let compiled: Option<Vec<Condition>> = compiled.into_iter().collect();
        return compiled.map(|cs| {
            if all {
                Condition::All(cs)
            } else {
                Condition::Any(cs)
            }
        });
    }

    let Some(qname) = &r.question else {
        b.error(
            Some(span.clone()),
            "a condition needs `question` and one test (`equals`, `any_of`, `all_of`, `none_of`, `at_least`/`at_most`, `answered`), or one of `all`, `any`, `not`",
        );
        return None;
    };
    let Some(&qi) = k.question_ids.get(qname.get_ref()) else {
        b.error(
            Some(qname.span()),
            format!(
                "the condition names question `{}`, which does not exist",
                qname.get_ref()
            ),
        );
        return None;
    };
    if tests != 1 {
        b.error(
            Some(span.clone()),
            format!(
                "a condition on `{}` needs exactly one test (`equals`, `any_of`, `all_of`, `none_of`, `at_least`/`at_most` or `answered`), found {tests}",
                qname.get_ref()
            ),
        );
        return None;
    }
    let q = &k.questions[qi];
    if let Some(answered) = r.answered {
        return Some(Condition::Answered(qi, answered));
    }

    let option_list = |b: &mut Builder, ids: &Spanned<Vec<String>>| -> Option<Vec<OIdx>> {
        if ids.get_ref().is_empty() {
            b.error(Some(ids.span()), "the list of options is empty");
            return None;
        }
        let mut out = Vec::new();
        for id in ids.get_ref() {
            match q.option_index(id) {
                Some(o) => out.push(o),
                None => {
                    b.error(
                        Some(ids.span()),
                        format!(
                            "question `{}` has no option `{id}` (its options: {})",
                            q.id,
                            list(q.option_ids().into_iter())
                        ),
                    );
                    return None;
                }
            }
        }
        Some(out)
    };

    match &q.kind {
        Kind::Scale { min, max, .. } => {
            if let Some(v) = &r.equals {
                return match v.get_ref().as_integer() {
                    Some(n) if (*min..=*max).contains(&n) => {
                        Some(Condition::Range(qi, Some(n), Some(n)))
                    }
                    _ => {
                        b.error(
                            Some(v.span()),
                            format!(
                                "question `{}` is a scale from {min} to {max}; `equals` needs a whole number in that range, found {}",
                                q.id,
                                v.get_ref()
                            ),
                        );
                        None
                    }
                };
            }
            if r.at_least.is_none() && r.at_most.is_none() {
                b.error(
                    Some(span.clone()),
                    format!(
                        "question `{}` is a scale: compare it with `equals`, `at_least` or `at_most`",
                        q.id
                    ),
                );
                return None;
            }
            if let (Some(lo), Some(hi)) = (r.at_least, r.at_most)
                && lo > hi
            {
                b.error(
                    Some(span.clone()),
                    format!(
                        "`at_least` ({lo}) is above `at_most` ({hi}): the condition can never hold"
                    ),
                );
                return None;
            }
            for bound in [r.at_least, r.at_most].into_iter().flatten() {
                if !(*min..=*max).contains(&bound) {
                    b.warning(
                        Some(span.clone()),
                        format!(
                            "the bound {bound} lies outside the scale of `{}` ({min} to {max})",
                            q.id
                        ),
                    );
                }
            }
            Some(Condition::Range(qi, r.at_least, r.at_most))
        }
        Kind::Single { .. } | Kind::Multi { .. } => {
            if r.at_least.is_some() || r.at_most.is_some() {
                b.error(
                    Some(span.clone()),
                    format!(
                        "question `{}` is a {}; `at_least` and `at_most` are for scales",
                        q.id,
                        q.kind.name()
                    ),
                );
                return None;
            }
            if let Some(v) = &r.equals {
                let Some(s) = v.get_ref().as_str() else {
                    b.error(
                        Some(v.span()),
                        format!(
                            "question `{}` is a {}; `equals` needs an option id as a string, found {}",
                            q.id,
                            q.kind.name(),
                            v.get_ref()
                        ),
                    );
                    return None;
                };
                return match q.option_index(s) {
                    Some(o) => Some(Condition::AnyOf(qi, vec![o])),
                    None => {
                        b.error(
                            Some(v.span()),
                            format!(
                                "question `{}` has no option `{s}` (its options: {})",
                                q.id,
                                list(q.option_ids().into_iter())
                            ),
                        );
                        None
                    }
                };
            }
            if let Some(ids) = &r.any_of {
                return option_list(b, ids).map(|o| Condition::AnyOf(qi, o));
            }
            if let Some(ids) = &r.all_of {
                return option_list(b, ids).map(|o| Condition::AllOf(qi, o));
            }
            if let Some(ids) = &r.none_of {
                return option_list(b, ids).map(|o| Condition::NoneOf(qi, o));
            }
            None
        }
    }
}
