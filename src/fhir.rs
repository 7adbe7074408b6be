//! HL7 FHIR R4 resources: the questionnaire as a `Questionnaire` (so FHIR form tools and servers
//! can use the instrument) and an interview as a `QuestionnaireResponse`. Item linkIds are our
//! question ids; questions sit in one group per section, as in the interview.

use serde_json::{Value, json};

use crate::engine::Interview;
use crate::questionnaire::{Choice, Condition, Kind, QIdx, Question, Questionnaire};

/// The extension FHIR defines for a numeric weight on an answer option.
pub const ITEM_WEIGHT: &str = "http://hl7.org/fhir/StructureDefinition/itemWeight";
/// Our extension for a weight toward a named class (an option may weigh toward several).
pub const CLASS_WEIGHT: &str = "urn:kinscreen:fhir:StructureDefinition:class-weight";
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
                    for (c, w) in &o.weights {
                        ext.push(json!({
                            "url": CLASS_WEIGHT,
                            "extension": [
                                { "url": "class", "valueCode": q.classes[*c].id },
                                { "url": "weight", "valueDecimal": w },
                            ]
                        }));
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
    if let Some((entries, behaviour)) = question.ask_when.as_ref().and_then(|c| enable_when(q, c)) {
        if entries.len() > 1 {
            item["enableBehavior"] = json!(behaviour);
        }
        item["enableWhen"] = Value::Array(entries);
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
                "item": questions.iter().map(|i| question_item(q, &q.questions[*i])).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
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
    })
}

/// An interview as an R4 `QuestionnaireResponse`, `completed` when every question on the path
/// was answered (else `in-progress`). `id` names the resource; `authored` is an RFC 3339 time.
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
                .filter_map(|i| {
                    let question = &q.questions[*i];
                    let answer = answers.get(i)?;
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
        "authored": authored,
        "item": items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
