#!/usr/bin/env python3
# check-pack-schema.py
#
# Copyright 2026 The Framewise authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks data/framewise-pack.schema.json with a JSON Schema draft 2020-12
# validator (python3-jsonschema): the schema itself is valid, the bundled
# pack, the example pack and the test packs conform, and the broken packs
# whose defect a schema can express are rejected. Prints TAP. Without
# python3-jsonschema it reports SKIP and exits 77 on a developer's machine,
# but fails under CI (CI set in the environment), where build-aux/setup.sh
# test has installed it: a missing validator must not pass unnoticed.

import json
import os
import sys

try:
    from jsonschema import Draft202012Validator
except ImportError:
    # Debian's python3-jsonschema belongs to the system Python, which may not
    # be the first python3 on PATH.
    system_python = "/usr/bin/python3"
    if (os.path.exists(system_python)
            and os.path.realpath(sys.executable) != os.path.realpath(system_python)):
        os.execv(system_python, [system_python] + sys.argv)
    if os.environ.get("CI"):
        print("Bail out! python3-jsonschema is not installed; build-aux/setup.sh test installs it")
        sys.exit(1)
    print("1..0 # SKIP python3-jsonschema is not installed")
    sys.exit(77)

root = os.environ.get("FW_SOURCE_ROOT") or os.path.join(os.path.dirname(__file__), "..")
schema_path = os.path.join(root, "data", "framewise-pack.schema.json")

VALID = [
    "data/packs/karabakh-poland.fwpack",
    "data/packs/example.fwpack",
    "tests/packs/valid-base.fwpack",
    "tests/packs/valid-full.fwpack",
    "tests/packs/valid-minimal.fwpack",
    "tests/packs/hostile-text.fwpack",
    "tests/packs/broken/warning-suggested.fwpack",
]

# Broken packs that parse as JSON and break a rule the schema states.
INVALID = [
    "wrong-format", "newer-version", "missing-title", "wrong-type-title", "bad-language",
    "bad-pack-id", "no-pieces", "empty-paragraphs", "paragraph-not-string",
    "bad-annotation-kind", "contributor-not-stated-with-name", "contributor-missing-name",
    "outlet-not-stated-with-name", "bad-date", "file-url", "script-url", "prefix-without-exact",
    "step-bad-kind", "pass-f1-out-of-range", "frame-without-cues", "warning-unknown-field",
]
INVALID = [f"tests/packs/broken/{name}.fwpack" for name in INVALID] + [
    f"tests/packs/{name}.fwpack" for name in (
        "bad-confidence", "missing-pieces", "missing-title", "named-not-stated",
        "newer-version", "not-object", "piece-without-paragraphs", "unknown-field",
        "wrong-format",
    )
]

with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)

results = []

try:
    Draft202012Validator.check_schema(schema)
    results.append((True, "schema is a valid draft 2020-12 schema", ""))
except Exception as e:  # noqa: BLE001 - report any failure as a test failure
    results.append((False, "schema is a valid draft 2020-12 schema", str(e)))

validator = Draft202012Validator(schema)

for rel in VALID:
    with open(os.path.join(root, rel), encoding="utf-8") as f:
        doc = json.load(f)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    detail = "; ".join(f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5])
    results.append((not errors, f"{rel} conforms", detail))

for rel in INVALID:
    with open(os.path.join(root, rel), encoding="utf-8") as f:
        doc = json.load(f)
    results.append((not validator.is_valid(doc), f"{rel} is rejected", ""))

print(f"1..{len(results)}")
failed = 0
for i, (ok, name, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok:
        failed += 1
        if detail:
            print(f"# {detail}")

sys.exit(1 if failed else 0)
