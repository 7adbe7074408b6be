"""Validates kinscreen's FHIR output with the fhir.resources R4B models, plus the checks those
models leave out (code sets, linkIds, answer types and codes against the Questionnaire).

Usage: python validate.py QUESTIONNAIRE.json RESPONSE.json...   (exit 0 when all are valid)
"""
import json
import sys

from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

Q_STATUS = {"draft", "active", "retired", "unknown"}
R_STATUS = {"in-progress", "completed", "amended", "entered-in-error", "stopped"}
ITEM_TYPES = {"group", "display", "boolean", "decimal", "integer", "date", "dateTime", "time",
              "string", "text", "url", "choice", "open-choice", "attachment", "reference", "quantity"}
OPERATORS = {"exists", "=", "!=", ">", "<", ">=", "<="}
VALUE_KEY = {"choice": "valueCoding", "integer": "valueInteger", "boolean": "valueBoolean"}

errors = []


def items(tree, parent=None):
    for item in tree.get("item", []):
        yield item, parent
        yield from items(item, item)


def check_questionnaire(path):
    text = open(path).read()
    Questionnaire.model_validate_json(text)
    q = json.loads(text)
    if q.get("status") not in Q_STATUS:
        errors.append(f"{path}: status {q.get('status')!r}")
    by_id = {}
    for item, parent in items(q):
        link = item["linkId"]
        if link in by_id:
            errors.append(f"{path}: duplicate linkId {link}")
        by_id[link] = (item, parent)
        if item["type"] not in ITEM_TYPES:
            errors.append(f"{path}: {link}: type {item['type']!r}")
        codes = [o["valueCoding"]["code"] for o in item.get("answerOption", [])]
        if len(codes) != len(set(codes)):
            errors.append(f"{path}: {link}: repeated answer codes")
    for item, _ in by_id.values():
        for cond in item.get("enableWhen", []):
            if cond["question"] not in by_id:
                errors.append(f"{path}: {item['linkId']}: enableWhen names {cond['question']}")
            if cond["operator"] not in OPERATORS:
                errors.append(f"{path}: {item['linkId']}: operator {cond['operator']!r}")
    return q, by_id


def check_response(path, q, by_id):
    text = open(path).read()
    QuestionnaireResponse.model_validate_json(text)
    r = json.loads(text)
    if r.get("status") not in R_STATUS:
        errors.append(f"{path}: status {r.get('status')!r}")
    if r.get("questionnaire") != f"{q['url']}|{q['version']}":
        errors.append(f"{path}: questionnaire {r.get('questionnaire')!r}")
    for item, parent in items(r):
        link = item["linkId"]
        if link not in by_id:
            errors.append(f"{path}: unknown linkId {link}")
            continue
        q_item, q_parent = by_id[link]
        if (parent or {}).get("linkId") != (q_parent or {}).get("linkId"):
            errors.append(f"{path}: {link} is not in its group")
        answers = item.get("answer", [])
        if q_item["type"] == "group":
            if answers:
                errors.append(f"{path}: group {link} has answers")
            continue
        if not answers:
            errors.append(f"{path}: {link} has no answer")
        if len(answers) > 1 and not q_item.get("repeats"):
            errors.append(f"{path}: {link} has {len(answers)} answers but does not repeat")
        key = VALUE_KEY.get(q_item["type"])
        allowed = {o["valueCoding"]["code"] for o in q_item.get("answerOption", [])}
        bounds = {e["url"].rsplit("/", 1)[-1]: e["valueInteger"] for e in q_item.get("extension", [])
                  if "valueInteger" in e}
        for a in answers:
            if list(a) != [key]:
                errors.append(f"{path}: {link}: answer {a} is not a {key}")
            elif key == "valueCoding" and a[key]["code"] not in allowed:
                errors.append(f"{path}: {link}: code {a[key]['code']!r} is not an answerOption")
            elif key == "valueInteger" and not bounds.get("minValue", a[key]) <= a[key] <= bounds.get("maxValue", a[key]):
                errors.append(f"{path}: {link}: {a[key]} out of range")


def main():
    q_path, *responses = sys.argv[1:]
    try:
        q, by_id = check_questionnaire(q_path)
        for path in responses:
            check_response(path, q, by_id)
    except Exception as e:  # the models' own validation errors
        errors.append(str(e))
    for e in errors:
        print(e)
    print(f"checked 1 questionnaire and {len(responses)} responses: {'invalid' if errors else 'valid'}")
    sys.exit(1 if errors else 0)


main()
