"""Checks a JSON document against a JSON Schema (draft 2020-12) with the `jsonschema` package.

Usage: python schema.py SCHEMA.json DOCUMENT.json   (exit 0 when valid, 1 with the errors)
"""
import json
import sys

from jsonschema import Draft202012Validator

schema = json.load(open(sys.argv[1]))
document = json.load(open(sys.argv[2]))
Draft202012Validator.check_schema(schema)
errors = sorted(Draft202012Validator(schema).iter_errors(document), key=lambda e: list(e.path))
for e in errors:
    print(f"{'/'.join(map(str, e.path)) or '(root)'}: {e.message}")
sys.exit(1 if errors else 0)
