"""The results contract: ``results.json``, its version, and every enumerated value the engine uses.

``results.json`` is what classroom CI and instructors' scripts read, so its shape is written down here and
nowhere else; the engine, the report, the pytest plugin and the tools take their outcome, status and event
names from the enums below, never from string literals.

Versioning (``"version": "MAJOR.MINOR"``): a field or enum value *added* bumps MINOR, and readers should
ignore fields they do not know; a field renamed or removed, or a meaning changed, bumps MAJOR. Files written
before the field existed are version 1 (the same fields as 2.0, less ``version`` and ``kind``).

``python -m grading --schema`` prints :data:`RESULTS_SCHEMA` (JSON Schema, draft 2020-12).

The document::

    {"version": "2.0",
     "target": "/abs/path/of/the/graded/folder",
     "total": {"points": 30, "max_points": 60},
     "exercises": [
        {"slug": "box_iou", "kind": "exercise", "title": "Intersection over union",
         "status": "failed",            # ExerciseStatus
         "points": 30, "max_points": 36, "seconds": 2.9,
         "note": "",                    # engine-level explanation (could not import, ran out of time, ...)
         "tests": [{"name": "test_iou_...", "nodeid": "graders/test_box_iou.py::test_iou_...",
                    "outcome": "failed",   # Outcome
                    "points": 0, "max_points": 1, "by_hand": false,
                    "message": "iou((0, 0, 1, 1), ...)\\n  result: got 1, expected 0 ..."}]}]}
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

SCHEMA_VERSION = "2.0"


class Outcome(StrEnum):
    """What happened to one test (``tests[].outcome``)."""

    PASSED = "passed"
    FAILED = "failed"  # an assertion or an exception in the test
    TIMEOUT = "timeout"  # ran past its timeout (stopped by pytest-timeout, or killed from outside)
    CRASHED = "crashed"  # the test process died during the test (segfault, os._exit, killed)
    ERROR = "error"  # its set-up failed: the module is missing or could not be imported
    SKIPPED = "skipped"  # the grader declared it cannot run on this machine: worth 0 of 0
    TAMPERED = "tampered"  # the learner's code changed what judges it (grading.integrity): 0 points


class ExerciseStatus(StrEnum):
    """The verdict on one exercise (``exercises[].status``)."""

    PASSED = "passed"  # every test passed (declared skips aside)
    FAILED = "failed"
    MISSING = "missing"  # the target holds no file for it
    ERROR = "error"  # the module could not be imported, or the grader could not be collected
    TAMPERED = "tampered"  # a test found tampering: the whole exercise scores 0


class Kind(StrEnum):
    """What an entry of ``exercises`` grades (``exercises[].kind``)."""

    EXERCISE = "exercise"  # code, graded by a pytest grader
    QUIZ = "quiz"  # a concept quiz: one test per item, graded from the answers file (grading.quiz)


class RecordEvent(StrEnum):
    """Events of the per-test records file written by the pytest plugin (grading.records)."""

    COLLECTED = "collected"  # the tests of the run, with their points
    START = "start"  # before a test's set-up
    TIMER = "timer"  # pytest-timeout armed the test's timer: its timeout, and whether it covers the function only
    CALLED = "called"  # the test function returned (ends a func_only timer)
    IMPORT_START = "import_start"  # around the import of the learner's module
    IMPORT_DONE = "import_done"
    IMPORT_ERROR = "import_error"  # the module could not be imported; the message says why
    RESULT = "result"  # after a test's teardown: its outcome and message
    FINISHED = "finished"  # the session ended normally
    TAMPERED = "tampered"  # at the end of the session, something the verdict depends on had changed
    MEMORY = "memory"  # the keeper stopped the test process's tree: it used more memory than allowed


@dataclass
class TestResult:
    """One test of one exercise, as scored by the engine."""

    __test__ = False  # not a pytest test class

    nodeid: str
    name: str
    outcome: Outcome
    points: float
    max_points: float
    message: str
    by_hand: bool = False


@dataclass
class ExerciseResult:
    """One exercise: its status and every collected test."""

    slug: str
    status: ExerciseStatus
    tests: list[TestResult] = field(default_factory=list)
    seconds: float = 0.0
    note: str = ""  # engine-level explanation (collection failed, crashed at import, ...)
    kind: Kind = Kind.EXERCISE

    @property
    def points(self) -> float:
        return sum(t.points for t in self.tests)

    @property
    def max_points(self) -> float:
        return sum(t.max_points for t in self.tests)

    def failures(self) -> list[TestResult]:
        """The tests that cost points, in the grader's order."""
        return [t for t in self.tests if t.outcome not in (Outcome.PASSED, Outcome.SKIPPED)]


def number(x: float) -> float | int:
    """Points as JSON: an int when whole (30, not 30.0), else rounded to 3 places."""
    return int(x) if float(x).is_integer() else round(x, 3)


def results_document(target: Path, results: Sequence[ExerciseResult], titles: dict[str, str]) -> dict:
    """The ``results.json`` document for ``results`` graded from ``target``."""
    return {
        "version": SCHEMA_VERSION,
        "target": str(target),
        "total": {
            "points": number(sum(r.points for r in results)),
            "max_points": number(sum(r.max_points for r in results)),
        },
        "exercises": [
            {
                "slug": r.slug,
                "kind": str(r.kind),
                "title": titles.get(r.slug, r.slug),
                "status": str(r.status),
                "points": number(r.points),
                "max_points": number(r.max_points),
                "seconds": round(r.seconds, 2),
                "note": r.note,
                "tests": [
                    {
                        "name": t.name,
                        "nodeid": t.nodeid,
                        "outcome": str(t.outcome),
                        "points": number(t.points),
                        "max_points": number(t.max_points),
                        "by_hand": t.by_hand,
                        "message": t.message,
                    }
                    for t in r.tests
                ],
            }
            for r in results
        ],
    }


def _enum(values: Iterable[StrEnum]) -> dict:
    return {"enum": [str(v) for v in values]}


_NUMBER = {"type": "number", "minimum": 0}
_TEST = {
    "type": "object",
    "required": ["name", "nodeid", "outcome", "points", "max_points", "by_hand", "message"],
    "properties": {
        "name": {"type": "string"},
        "nodeid": {"type": "string"},
        "outcome": _enum(Outcome),
        "points": _NUMBER,
        "max_points": _NUMBER,
        "by_hand": {"type": "boolean"},
        "message": {"type": "string"},
    },
}
_EXERCISE = {
    "type": "object",
    "required": ["slug", "kind", "title", "status", "points", "max_points", "seconds", "note", "tests"],
    "properties": {
        "slug": {"type": "string"},
        "kind": _enum(Kind),
        "title": {"type": "string"},
        "status": _enum(ExerciseStatus),
        "points": _NUMBER,
        "max_points": _NUMBER,
        "seconds": _NUMBER,
        "note": {"type": "string"},
        "tests": {"type": "array", "items": _TEST},
    },
}
RESULTS_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "CV interview kata results.json",
    "type": "object",
    "required": ["version", "target", "total", "exercises"],
    "properties": {
        "version": {"type": "string", "pattern": r"^2\.\d+$"},
        "target": {"type": "string"},
        "total": {
            "type": "object",
            "required": ["points", "max_points"],
            "properties": {"points": _NUMBER, "max_points": _NUMBER},
        },
        "exercises": {"type": "array", "items": _EXERCISE},
    },
}

_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "number": (int, float),
}


def validate(document: Any, schema: dict[str, Any] = RESULTS_SCHEMA, where: str = "$") -> list[str]:
    """Check ``document`` against the subset of JSON Schema that :data:`RESULTS_SCHEMA` uses.

    Returns:
        list of str: one line per problem (``"$.exercises[0].status: 'done' is not one of [...]"``);
        empty when the document conforms.
    """
    problems: list[str] = []
    kind = schema.get("type")
    if kind is not None:
        expected = _TYPES[kind]
        if isinstance(document, bool) and kind == "number" or not isinstance(document, expected):
            return [f"{where}: expected {kind}, got {type(document).__name__} {document!r:.60}"]
    if "enum" in schema and document not in schema["enum"]:
        problems.append(f"{where}: {document!r} is not one of {schema['enum']}")
    if "minimum" in schema and document < schema["minimum"]:
        problems.append(f"{where}: {document!r} is below {schema['minimum']}")
    if "pattern" in schema and not re.search(schema["pattern"], document):
        problems.append(f"{where}: {document!r} does not match {schema['pattern']}")
    if kind == "object":
        for name in schema.get("required", []):
            if name not in document:
                problems.append(f"{where}: missing {name!r}")
        for name, sub in schema.get("properties", {}).items():
            if name in document:
                problems += validate(document[name], sub, f"{where}.{name}")
    if kind == "array" and "items" in schema:
        for i, item in enumerate(document):
            problems += validate(item, schema["items"], f"{where}[{i}]")
    return problems


def write_json(path: Path, document: dict) -> None:
    """Write ``document`` to ``path`` atomically (:func:`write_atomically`), as indented UTF-8 JSON.

    Raises:
        IsADirectoryError: ``path`` is a folder.
        OSError: it cannot be written.
    """
    write_atomically(Path(path), (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


def write_atomically(path: Path, data: bytes, *, readable_by_others: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file of a unique name beside it, then a rename.

    A reader never sees half a file, an old file is replaced only when the new one is complete, and two
    runs writing the same path do not share a temporary file. A path that exists and is not a regular file
    (``/dev/null``, a pipe) is written in place, never replaced.

    Args:
        path (Path): the file to write.
        data (bytes): its whole content.
        readable_by_others (bool): give the file the permissions the umask allows (a gradebook that TAs
            read) instead of the temporary file's private ones.

    Raises:
        IsADirectoryError: ``path`` is a folder.
        OSError: it cannot be written.
    """
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder, not a file")
    if path.exists() and not path.is_file():
        with open(path, "wb") as fh:
            fh.write(data)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if readable_by_others:
            umask = os.umask(0o022)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
