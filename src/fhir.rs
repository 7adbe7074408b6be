//! HL7 FHIR R4 resources: the questionnaire as a `Questionnaire` (so FHIR form tools and servers
//! can use the instrument) and an interview as a `QuestionnaireResponse`. Item linkIds are our
//! question ids; questions sit in one group per section, as in the interview.

use serde_json::{Value, json};

use crate::engine::Interview;
use crate::questionnaire::{CIdx, Choice, Condition, Kind, QIdx, Question, Questionnaire, holds};

/// The extension FHIR defines for a numeric weight on an answer option.
pub const ITEM_WEIGHT: &str = "http://hl7.org/fhir/StructureDefinition/itemWeight";
/// Our extension for a weight toward a named class (an option may weigh toward several).
pub const CLASS_WEIGHT: &str = "urn:kinscreen:fhir:StructureDefinition:class-weight";
/// SDC: an item whose value a FHIRPath expression computes.
pub const CALCULATED_EXPRESSION: &str =
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";
/// An item not shown to the person (our helper items).
pub const HIDDEN: &str = "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden";
/// Our extension on the Questionnaire for an evidence rule (points from a combination).
pub const EVIDENCE_RULE: &str = "urn:kinscreen:fhir:StructureDefinition:evidence-rule";
/// Our extension on the Questionnaire for a rule forcing a triage level (and maybe setting the
/// classification aside).
pub const TRIAGE_RULE: &str = "urn:kinscreen:fhir:StructureDefinition:triage-rule";
const MIN_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/minValue";
const MAX_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/maxValue";

/// The questionnaire's canonical URL.
pub fn canonical(q: &Questionnaire) -> String {
    format!("urn:kinscreen:questionnaire:{}", q.meta.id)
}

/// The code system of a question's options.
fn system(q: &Questionnaire, question: &Question) -> String {
    format!("{}:{}", canonical(q), question.id)
}

/// A yes/no question without "unsure" is a FHIR boolean; everything else keeps its codes.
fn is_boolean(question: &Question) -> bool {
    matches!(&question.kind, Kind::Single { yes_no: true, options } if options.len() == 2)
}

fn coding(q: &Questionnaire, question: &Question, option: &Choice) -> Value {
    json!({ "system": system(q, question), "code": option.id, "display": option.label })
}

/// A name FHIR accepts (`[A-Z][A-Za-z0-9_]*`) made from the id.
fn computable_name(id: &str) -> String {
    let mut name: String = id
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect();
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        name.insert(0, 'Q');
    }
    name
}

/// Runs of consecutive questions in one section: (section index, questions).
fn groups(q: &Questionnaire, only: impl Fn(QIdx) -> bool) -> Vec<(usize, Vec<QIdx>)> {
    let mut out: Vec<(usize, Vec<QIdx>)> = Vec::new();
    for (i, question) in q.questions.iter().enumerate() {
        if !only(i) {
            continue;
        }
        match out.last_mut() {
            Some((s, items)) if *s == question.section => items.push(i),
            _ => out.push((question.section, vec![i])),
        }
    }
    out
}

/// The linkId of each group: the section id, numbered when a section comes back later.
fn group_ids(q: &Questionnaire, groups: &[(usize, Vec<QIdx>)]) -> Vec<String> {
    let mut seen = std::collections::HashMap::new();
    groups
        .iter()
        .map(|(s, _)| {
            let n = seen.entry(*s).or_insert(0);
            *n += 1;
            let id = &q.sections[*s].id;
            if *n == 1 {
                id.clone()
            } else {
                format!("{id}-{n}")
            }
        })
        .collect()
}

/// One enableWhen entry for a simple condition, if FHIR can express it.
fn enable_when(q: &Questionnaire, c: &Condition) -> Option<(Vec<Value>, &'static str)> {
    let answer = |qi: &QIdx, o: usize| -> Option<(String, Value)> {
        let question = q.questions.get(*qi)?;
        let option = question.kind.options().get(o)?;
        Some(if is_boolean(question) {
            ("answerBoolean".into(), Value::Bool(option.id == "yes"))
        } else {
            ("answerCoding".into(), coding(q, question, option))
        })
    };
    let entry = |qi: &QIdx, operator: &str, key: String, value: Value| {
        let mut e = json!({ "question": q.questions[*qi].id, "operator": operator });
        e[key] = value;
        e
    };
    let each = |qi: &QIdx, os: &[usize], operator: &str| -> Option<Vec<Value>> {
        os.iter()
            .map(|o| answer(qi, *o).map(|(k, v)| entry(qi, operator, k, v)))
            .collect()
    };
    match c {
        Condition::AnyOf(qi, os) => Some((each(qi, os, "=")?, "any")),
        Condition::AllOf(qi, os) => Some((each(qi, os, "=")?, "all")),
        Condition::NoneOf(qi, os) => Some((each(qi, os, "!=")?, "all")),
        Condition::Range(qi, lo, hi) => {
            let mut v = Vec::new();
            if let Some(lo) = lo {
                v.push(entry(qi, ">=", "answerInteger".into(), json!(lo)));
            }
            if let Some(hi) = hi {
                v.push(entry(qi, "<=", "answerInteger".into(), json!(hi)));
            }
            Some((v, "all"))
        }
        Condition::Answered(qi, yes) => Some((
            vec![entry(qi, "exists", "answerBoolean".into(), json!(yes))],
            "all",
        )),
        Condition::All(cs) | Condition::Any(cs) => {
            let behaviour = if matches!(c, Condition::All(_)) {
                "all"
            } else {
                "any"
            };
            let mut v = Vec::new();
            for part in cs {
                let (entries, inner) = enable_when(q, part)?;
                if entries.len() > 1 && inner != behaviour {
                    return None;
                }
                v.extend(entries);
            }
            Some((v, behaviour))
        }
        Condition::Not(_) => None,
    }
}

/// The condition as a FHIRPath expression on a QuestionnaireResponse (`%resource`), with our
/// meaning: a question without an answer satisfies no test on its answer. A response holds
/// only the answers to questions on the path, as kinscreen counts them.
pub fn fhirpath(q: &Questionnaire, c: &Condition) -> String {
    let answers = |qi: &QIdx| {
        format!(
            "%resource.repeat(item).where(linkId='{}').answer",
            q.questions[*qi].id
        )
    };
    let is = |qi: &QIdx, o: &usize| -> String {
        let question = &q.questions[*qi];
        let id = question
            .kind
            .options()
            .get(*o)
            .map_or("", |c| c.id.as_str());
        if is_boolean(question) {
            format!("{}.where(value = {}).exists()", answers(qi), id == "yes")
        } else {
            format!("{}.where(value.code = '{id}').exists()", answers(qi))
        }
    };
    let joined = |parts: Vec<String>, op: &str| {
        if parts.len() == 1 {
            parts.into_iter().next().unwrap_or_default()
        } else {
            parts
                .into_iter()
                .map(|p| format!("({p})"))
                .collect::<Vec<_>>()
                .join(op)
        }
    };
    match c {
        Condition::AnyOf(qi, os) => joined(os.iter().map(|o| is(qi, o)).collect(), " or "),
        Condition::AllOf(qi, os) => joined(os.iter().map(|o| is(qi, o)).collect(), " and "),
        Condition::NoneOf(qi, os) => {
            let mut parts = vec![format!("{}.exists()", answers(qi))];
            parts.extend(os.iter().map(|o| format!("{}.not()", is(qi, o))));
            joined(parts, " and ")
        }
        Condition::Range(qi, lo, hi) => {
            let mut tests = Vec::new();
            if let Some(lo) = lo {
                tests.push(format!("value >= {lo}"));
            }
            if let Some(hi) = hi {
                tests.push(format!("value <= {hi}"));
            }
            if tests.is_empty() {
                format!("{}.exists()", answers(qi))
            } else {
                format!("{}.where({}).exists()", answers(qi), tests.join(" and "))
            }
        }
        Condition::Answered(qi, true) => format!("{}.exists()", answers(qi)),
        Condition::Answered(qi, false) => format!("{}.exists().not()", answers(qi)),
        Condition::Not(inner) => format!("({}).not()", fhirpath(q, inner)),
        Condition::All(cs) => joined(cs.iter().map(|c| fhirpath(q, c)).collect(), " and "),
        Condition::Any(cs) => joined(cs.iter().map(|c| fhirpath(q, c)).collect(), " or "),
    }
}

/// A FHIRPath `Expression`.
fn expression(q: &Questionnaire, c: &Condition) -> Value {
    json!({ "language": "text/fhirpath", "expression": fhirpath(q, c) })
}

/// Points toward classes as our class-weight extensions.
fn class_weights(q: &Questionnaire, weights: &[(CIdx, i32)]) -> Vec<Value> {
    weights
        .iter()
        .map(|(c, w)| {
            json!({
                "url": CLASS_WEIGHT,
                "extension": [
                    { "url": "class", "valueCode": q.classes[*c].id },
                    { "url": "weight", "valueDecimal": w },
                ]
            })
        })
        .collect()
}

/// Evidence rules and triage rules as extensions of the Questionnaire, each with its condition
/// as FHIRPath: a FHIR tool keeps them, and can evaluate them on a response.
fn rule_extensions(q: &Questionnaire) -> Vec<Value> {
    let mut out: Vec<Value> = q
        .evidence
        .iter()
        .map(|e| {
            let mut parts = vec![
                json!({ "url": "id", "valueString": e.id }),
                json!({ "url": "label", "valueString": e.label }),
                json!({ "url": "condition", "valueExpression": expression(q, &e.when) }),
                json!({ "url": "rationale", "valueString": e.rationale.trim() }),
            ];
            parts.extend(class_weights(q, &e.weights));
            json!({ "url": EVIDENCE_RULE, "extension": parts })
        })
        .collect();
    out.extend(q.rules.iter().map(|r| {
        let mut parts = vec![
            json!({ "url": "id", "valueString": r.id }),
            json!({ "url": "label", "valueString": r.label }),
            json!({ "url": "condition", "valueExpression": expression(q, &r.when) }),
            json!({ "url": "triage", "valueCode": q.triage[r.triage].id }),
            json!({ "url": "redFlag", "valueBoolean": r.red_flag }),
            json!({ "url": "setAside", "valueBoolean": r.set_aside }),
        ];
        if let Some(advice) = &r.advice {
            parts.push(json!({ "url": "advice", "valueString": advice.trim() }));
        }
        json!({ "url": TRIAGE_RULE, "extension": parts })
    }));
    out
}

/// The ending of a helper item's linkId (after the question id).
pub const HELPER_SUFFIX: &str = ".asked";

/// The linkId of a question's helper item.
fn helper_id(question: &Question) -> String {
    format!("{}{HELPER_SUFFIX}", question.id)
}

/// The `ask_when` of a question that plain `enableWhen` cannot say, so that it needs a helper
/// item.
fn helper_condition<'q>(q: &Questionnaire, question: &'q Question) -> Option<&'q Condition> {
    question
        .ask_when
        .as_ref()
        .filter(|c| enable_when(q, c).is_none())
}

/// For a question whose `ask_when` plain `enableWhen` cannot say: a hidden, read-only boolean
/// item just before it whose value is the condition as FHIRPath (SDC calculatedExpression), so a
/// form filler enables the question exactly when kinscreen asks it.
fn helper_item(q: &Questionnaire, question: &Question) -> Option<Value> {
    let c = helper_condition(q, question)?;
    Some(json!({
        "linkId": helper_id(question),
        "text": format!("Is `{}` asked?", question.id),
        "type": "boolean",
        "readOnly": true,
        "extension": [
            { "url": HIDDEN, "valueBoolean": true },
            { "url": CALCULATED_EXPRESSION, "valueExpression": expression(q, c) },
        ],
    }))
}

fn question_item(q: &Questionnaire, question: &Question) -> Value {
    let mut item = json!({
        "linkId": question.id,
        "text": question.prompt.trim(),
        "required": question.required,
    });
    match &question.kind {
        Kind::Scale { min, max, .. } => {
            item["type"] = json!("integer");
            item["extension"] = json!([
                { "url": MIN_VALUE, "valueInteger": min },
                { "url": MAX_VALUE, "valueInteger": max },
            ]);
        }
        _ if is_boolean(question) => item["type"] = json!("boolean"),
        kind => {
            item["type"] = json!("choice");
            if matches!(kind, Kind::Multi { .. }) {
                item["repeats"] = json!(true);
            }
            let options: Vec<Value> = kind
                .options()
                .iter()
                .map(|o| {
                    let mut option = json!({ "valueCoding": coding(q, question, o) });
                    let mut ext = Vec::new();
                    if let [(_, w)] = o.weights.as_slice() {
                        ext.push(json!({ "url": ITEM_WEIGHT, "valueDecimal": w }));
                    }
                    for mut weight in class_weights(q, &o.weights) {
                        // A weight that counts only in some cases says when.
                        if let (Some(c), Some(parts)) =
                            (&o.counts_when, weight["extension"].as_array_mut())
                        {
                            parts.push(
                                json!({ "url": "countsWhen", "valueExpression": expression(q, c) }),
                            );
                        }
                        ext.push(weight);
                    }
                    if !ext.is_empty() {
                        option["extension"] = Value::Array(ext);
                    }
                    option
                })
                .collect();
            item["answerOption"] = Value::Array(options);
        }
    }
    // enableWhen when it can say the condition exactly; else a hidden helper item computes the
    // condition (see `helper_item`) and plain enableWhen reads the helper.
    if let Some(c) = &question.ask_when {
        match enable_when(q, c) {
            Some((entries, behaviour)) => {
                if entries.len() > 1 {
                    item["enableBehavior"] = json!(behaviour);
                }
                item["enableWhen"] = Value::Array(entries);
            }
            None => {
                item["enableWhen"] = json!([{
                    "question": helper_id(question),
                    "operator": "=",
                    "answerBoolean": true,
                }]);
            }
        }
    }
    let mut children = Vec::new();
    for (suffix, text) in [("why", &question.why), ("help", &question.help)] {
        if let Some(text) = text {
            children.push(json!({
                "linkId": format!("{}.{suffix}", question.id),
                "type": "display",
                "text": text.trim(),
            }));
        }
    }
    if !children.is_empty() {
        item["item"] = Value::Array(children);
    }
    item
}

/// The questionnaire as an R4 `Questionnaire`.
pub fn questionnaire(q: &Questionnaire) -> Value {
    let groups = groups(q, |_| true);
    let ids = group_ids(q, &groups);
    let items: Vec<Value> = groups
        .iter()
        .zip(ids)
        .map(|((s, questions), id)| {
            json!({
                "linkId": id,
                "type": "group",
                "text": q.sections[*s].title,
                "item": questions
                    .iter()
                    .flat_map(|i| {
                        let question = &q.questions[*i];
                        helper_item(q, question).into_iter().chain([question_item(q, question)])
                    })
                    .collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut resource = json!({
        "resourceType": "Questionnaire",
        "id": q.meta.id,
        "url": canonical(q),
        "version": q.meta.version,
        "name": computable_name(&q.meta.id),
        "title": q.meta.title,
        "status": "active",
        "language": q.meta.language,
        "description": q.text.welcome.trim(),
        "purpose": q.text.disclaimer.trim(),
        "item": items,
    });
    let rules = rule_extensions(q);
    if !rules.is_empty() {
        resource["extension"] = Value::Array(rules);
    }
    resource
}

/// The questionnaire in `translated`'s language (its `language`), with the FHIR translation
/// extension on every text carrying the text of `original`, the same questionnaire (the same
/// ids) in its own language: so a form filler can show either.
pub fn translated_questionnaire(translated: &Questionnaire, original: &Questionnaire) -> Value {
    let mut out = questionnaire(translated);
    add_translations(&mut out, &questionnaire(original), &original.meta.language);
    out
}

/// The elements of a `Questionnaire` that hold text a person reads. (kinscreen's own rule
/// extensions keep their `valueString` texts in the resource's language only: FHIR validators
/// refuse an extension on an extension's value.)
const TEXT_ELEMENTS: &[&str] = &["title", "description", "purpose", "text", "display"];
const TRANSLATION: &str = "http://hl7.org/fhir/StructureDefinition/translation";

/// Walks two renderings of one resource side by side, and beside each text of `out` puts the
/// text of `other` (in `language`) as the translation extension (`_text`, `_display`, ...).
fn add_translations(out: &mut Value, other: &Value, language: &str) {
    match (out, other) {
        (Value::Object(o), Value::Object(b)) => {
            let keys: Vec<String> = o.keys().cloned().collect();
            for k in keys {
                let Some(theirs) = b.get(&k) else { continue };
                let text = match (o.get(&k), theirs) {
                    (Some(Value::String(_)), Value::String(theirs))
                        if TEXT_ELEMENTS.contains(&k.as_str()) =>
                    {
                        Some(theirs.clone())
                    }
                    _ => None,
                };
                match text {
                    Some(content) => {
                        o.insert(
                            format!("_{k}"),
                            json!({ "extension": [{
                                "url": TRANSLATION,
                                "extension": [
                                    { "url": "lang", "valueCode": language },
                                    { "url": "content", "valueString": content },
                                ],
                            }] }),
                        );
                    }
                    None => {
                        if let Some(mine) = o.get_mut(&k) {
                            add_translations(mine, theirs, language);
                        }
                    }
                }
            }
        }
        (Value::Array(o), Value::Array(b)) => {
            for (mine, theirs) in o.iter_mut().zip(b) {
                add_translations(mine, theirs, language);
            }
        }
        _ => {}
    }
}

/// An interview as an R4 `QuestionnaireResponse`, `completed` when every question on the path
/// was answered (else `in-progress`). `id` names the resource; `authored` is an RFC 3339 time.
/// Hidden helper items carry their computed value, as a form filler would record them.
pub fn response(interview: &Interview, id: &str, authored: &str) -> Value {
    let q = interview.questionnaire();
    let answers = interview.effective_answers();
    let all = groups(q, |_| true);
    let ids = group_ids(q, &all);
    let items: Vec<Value> = all
        .iter()
        .zip(ids)
        .filter_map(|((s, questions), group_id)| {
            let answered: Vec<Value> = questions
                .iter()
                .flat_map(|i| {
                    let question = &q.questions[*i];
                    let helper = helper_condition(q, question).map(|c| {
                        json!({ "linkId": helper_id(question), "answer": [{ "valueBoolean": holds(c, &answers) }] })
                    });
                    helper.into_iter().chain(answer_item(q, &answers, *i))
                })
                .collect();
            (!answered.is_empty()).then(|| {
                json!({ "linkId": group_id, "text": q.sections[*s].title, "item": answered })
            })
        })
        .collect();
    json!({
        "resourceType": "QuestionnaireResponse",
        "id": id,
        "questionnaire": format!("{}|{}", canonical(q), q.meta.version),
        "status": if interview.is_complete() { "completed" } else { "in-progress" },
        "language": q.meta.language,
        "authored": authored,
        "item": items,
    })
}

/// The response item of one answered question.
fn answer_item(
    q: &Questionnaire,
    answers: &crate::questionnaire::Answers,
    i: QIdx,
) -> Option<Value> {
    let question = &q.questions[i];
    let answer = answers.get(&i)?;
    let values: Vec<Value> = match answer {
        crate::engine::Answer::Number(n) => vec![json!({ "valueInteger": n })],
        _ if is_boolean(question) => answer
            .options()
            .iter()
            .map(|o| json!({ "valueBoolean": question.kind.options()[*o].id == "yes" }))
            .collect(),
        _ => answer
            .options()
            .iter()
            .map(|o| json!({ "valueCoding": coding(q, question, &question.kind.options()[*o]) }))
            .collect(),
    };
    Some(json!({ "linkId": question.id, "text": question.prompt.trim(), "answer": values }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_beyond_enable_when_become_fhirpath() {
        let q = crate::questionnaire::builtin().unwrap();
        let r = questionnaire(&q);
        let find = |id: &str| -> Value {
            r["item"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|g| g["item"].as_array().unwrap().iter())
                .find(|i| i["linkId"] == id)
                .cloned()
                .unwrap()
        };
        let injury = find("injury_signs");
        assert_eq!(injury["enableWhen"][0]["question"], "injury_signs.asked");
        assert_eq!(injury["enableWhen"][0]["answerBoolean"], true);
        let helper = find("injury_signs.asked");
        assert_eq!(helper["extension"][0]["url"], HIDDEN);
        let ext = &helper["extension"][1];
        assert_eq!(ext["url"], CALCULATED_EXPRESSION);
        assert_eq!(
            ext["valueExpression"]["expression"],
            "(%resource.repeat(item).where(linkId='red_flags_urgent').answer.where(value.code = 'significant_trauma').exists()) or (((%resource.repeat(item).where(linkId='onset_mode').answer.where(value.code = 'injury').exists()) or (%resource.repeat(item).where(linkId='onset_mode').answer.where(value.code = 'sudden').exists())) and (%resource.repeat(item).where(linkId='duration').answer.where(value.code = 'under_2_weeks').exists()))"
        );
        // Simple conditions keep plain enableWhen.
        assert!(find("weakness_onset").get("enableWhen").is_some());
        // Rules and evidence rules travel as extensions with their condition.
        let rules = r["extension"].as_array().unwrap();
        assert!(rules.iter().any(|e| e["url"] == EVIDENCE_RULE));
        let septic = rules
            .iter()
            .find(|e| e["extension"][0]["valueString"] == "septic_joint")
            .unwrap();
        let parts = septic["extension"].as_array().unwrap();
        assert!(
            parts
                .iter()
                .any(|p| p["url"] == "setAside" && p["valueBoolean"] == true)
        );
        assert!(parts.iter().any(
            |p| p["url"] == "triage" && p["valueCode"] == q.triage.last().unwrap().id.as_str()
        ));
    }

    #[test]
    fn names_and_conditions() {
        assert_eq!(
            computable_name("kinscreen-lower-limb"),
            "KinscreenLowerLimb"
        );
        assert_eq!(computable_name("1st form"), "Q1stForm");
        let q = crate::questionnaire::builtin().unwrap();
        let r = questionnaire(&q);
        let items = r["item"].as_array().unwrap();
        assert_eq!(items[0]["linkId"], "safety");
        let chain = items.iter().find(|g| g["linkId"] == "chain").unwrap();
        let hip = &chain["item"][0];
        assert_eq!(hip["linkId"], "hip_signs");
        assert_eq!(hip["repeats"], true);
        assert_eq!(hip["enableWhen"][0]["operator"], "!=");
        assert_eq!(hip["enableWhen"][0]["answerCoding"]["code"], "hip");
        let swelling = &chain["item"][2];
        assert_eq!(swelling["type"], "boolean");
        let character = items.iter().find(|g| g["linkId"] == "character").unwrap();
        let sharp = &character["item"][0]["answerOption"][0];
        assert_eq!(sharp["extension"][0]["url"], ITEM_WEIGHT);
        assert_eq!(sharp["extension"][0]["valueDecimal"], 2);
        let sharp_class = q.questions[q.question_index("pain_character").unwrap()]
            .kind
            .options()[0]
            .weights[0]
            .0;
        assert_eq!(
            sharp["extension"][1]["extension"][0]["valueCode"],
            q.classes[sharp_class].id.as_str()
        );
    }
}
