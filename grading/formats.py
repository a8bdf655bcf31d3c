"""The formats other systems read, made from the engine's results: Gradescope, JUnit XML, GitHub Classroom.

* :func:`gradescope_document`: Gradescope's autograder ``results.json``, field by field as its specification
  has them (https://gradescope-autograders.readthedocs.io/en/latest/specs/, "Output format");
* :func:`write_junit`: JUnit XML for any CI: a ``<testsuite>`` per exercise, a ``<testcase>`` per test;
* :func:`classroom_commands`: the two annotations GitHub Classroom reads points from, exactly as its
  reporter action (classroom-resources/autograding-grading-reporter) writes them;
* :func:`results_from_document`: a ``results.json`` read back into the engine's result objects, so that any
  of the above can be made after the fact: ``python -m grading.formats gradescope|junit|classroom RESULTS``.

Everything here takes the engine's :class:`~grading.schema.ExerciseResult` list (what the grading session
returns) and writes nothing it does not own.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from grading.schema import (
    ExerciseResult,
    ExerciseStatus,
    Kind,
    Outcome,
    TestResult,
    number,
    validate,
    write_atomically,
    write_json,
)

GRADESCOPE_SPEC = "https://gradescope-autograders.readthedocs.io/en/latest/specs/"
# The specification's values for "visibility" and "stdout_visibility" ("Controlling Test Case Visibility").
VISIBILITIES = ("hidden", "after_due_date", "after_published", "visible")
QUIZ_TAG = "quiz"
_NOT_COUNTED = (Outcome.PASSED, Outcome.SKIPPED)


def readable_name(slug: str, test_name: str) -> str:
    """How a test is named for people: ``box_iou``, ``test_keeps_box[float64]`` -> ``box_iou: keeps box [float64]``."""
    base, _, params = test_name.partition("[")
    words = base.removeprefix("test_").replace("_", " ")
    return f"{slug}: {words} [{params}" if params else f"{slug}: {words}"


def catalogue_topics() -> dict[str, str]:
    """Each exercise's topic (``catalogue.toml``), the tag Gradescope shows beside its tests."""
    from grading import catalogue

    return {ex.slug: ex.topic for ex in catalogue.load().exercises}


def _tags(result: ExerciseResult, topics: Mapping[str, str]) -> list[str]:
    if result.kind == Kind.QUIZ:
        return [QUIZ_TAG]
    topic = topics.get(result.slug)
    return [topic] if topic else []


def _share(points: float, max_points: float) -> str:
    return f" ({100 * points / max_points:.0f} %)" if max_points else ""


def summary_lines(results: Sequence[ExerciseResult]) -> list[str]:
    """The whole run in a few lines: the total, then what scored nothing for a reason other than failing tests."""
    points = sum(r.points for r in results)
    max_points = sum(r.max_points for r in results)
    passed = sum(r.status == ExerciseStatus.PASSED for r in results)
    lines = [
        f"Points {number(points)}/{number(max_points)}{_share(points, max_points)}: "
        f"{passed} of {len(results)} exercises and quizzes pass."
    ]
    for r in results:
        if r.status == ExerciseStatus.ERROR:
            lines.append(f"{r.slug}: could not be graded: {r.note or 'the module could not be imported'}")
        elif r.status == ExerciseStatus.TAMPERED:
            lines.append(f"{r.slug}: 0 points, tampering found: {r.note}")
    missing = [r.slug for r in results if r.status == ExerciseStatus.MISSING]
    if missing:
        lines.append(f"Not in the submission ({len(missing)}, each scores 0): {', '.join(missing)}.")
    skipped = [t for r in results for t in r.tests if t.outcome == Outcome.SKIPPED]
    if skipped:
        lines.append(f"{len(skipped)} check(s) cannot run on this machine and count for nothing (skipped).")
    return lines


# ------------------------------------------------------------------------------------------------ Gradescope


def gradescope_document(
    results: Sequence[ExerciseResult],
    *,
    output: str = "",
    execution_time: float | None = None,
    topics: Mapping[str, str] | None = None,
    visibility: str = "visible",
    stdout_visibility: str | None = None,
) -> dict[str, Any]:
    """Gradescope's ``results.json`` for ``results``, as its specification defines it (GRADESCOPE_SPEC).

    Top level: ``score`` (the points; the specification lets it override the tests' total, and it equals
    it), ``execution_time`` (whole seconds), ``output`` (``output`` given here, then a summary of the run)
    with ``output_format`` ``"simple_format"`` (the specification's default for it: newlines become line
    breaks; the text is HTML-escaped, so ``<slug>/<slug>.py`` shows as written), ``visibility``,
    ``stdout_visibility`` only when given (the specification's default shows run_autograder's output to
    instructors only), and ``tests``. There is no top-level ``max_score``: the specification has none.

    One test per graded test, in the engine's order: ``name`` (``"box_iou: iou of disjoint boxes"``),
    ``score``, ``max_score``, ``status`` (``"passed"`` only for a test that passed: a timeout, a crash or
    tampering is ``"failed"``), ``output`` (the engine's message; empty when it passed), ``tags`` (the
    exercise's topic from the catalogue; ``"quiz"`` for a quiz item) and ``visibility``. A test skipped
    because it cannot run on this machine is worth 0 of 0 and left out (the summary counts it). An exercise
    that could not be graded at all (no test was collected) is one failed entry of 0 points saying why.

    Args:
        results: the engine's results, in the order to show them.
        output: text about the whole submission, shown first (what was found in the upload, ...).
        execution_time: the run's wall-clock seconds (default: the sum of the exercises' seconds).
        topics: slug -> topic (default: read from catalogue.toml).
        visibility: one of VISIBILITIES, for the whole submission and each test.
        stdout_visibility: one of VISIBILITIES, or None to leave Gradescope's default (hidden).

    Raises:
        ValueError: a visibility that the specification does not define.
    """
    for name, value in (("visibility", visibility), ("stdout_visibility", stdout_visibility)):
        if value is not None and value not in VISIBILITIES:
            raise ValueError(f"{name}: expected one of {', '.join(VISIBILITIES)}, got {value!r}")
    topics = catalogue_topics() if topics is None else topics
    tests: list[dict[str, Any]] = []
    for r in results:
        tags = _tags(r, topics)
        if not r.tests:
            tests.append(
                {
                    "name": f"{r.slug}: could not be graded",
                    "score": 0,
                    "max_score": 0,
                    "status": "failed",
                    "output": r.note or f"{r.slug}: no test could be collected",
                    "tags": tags,
                    "visibility": visibility,
                }
            )
        for t in r.tests:
            if t.outcome == Outcome.SKIPPED:
                continue
            tests.append(
                {
                    "name": readable_name(r.slug, t.name),
                    "score": number(t.points),
                    "max_score": number(t.max_points),
                    "status": "passed" if t.outcome == Outcome.PASSED else "failed",
                    "output": t.message,
                    "tags": tags,
                    "visibility": visibility,
                }
            )
    seconds = sum(r.seconds for r in results) if execution_time is None else execution_time
    text = "\n\n".join(part for part in (output.strip(), "\n".join(summary_lines(results))) if part)
    document: dict[str, Any] = {
        "score": number(sum(r.points for r in results)),
        "execution_time": max(0, round(seconds)),
        "output": html.escape(text, quote=False),
        "output_format": "simple_format",
        "visibility": visibility,
    }
    if stdout_visibility is not None:
        document["stdout_visibility"] = stdout_visibility
    document["tests"] = tests
    return document


def write_gradescope(path: str | Path, results: Sequence[ExerciseResult], **options: Any) -> None:
    """Write :func:`gradescope_document` to ``path`` (atomically; ``options`` as for the document)."""
    write_json(Path(path), gradescope_document(results, **options))


# ------------------------------------------------------------------------------------------------ JUnit XML

# XML 1.0 allows tab, newline, carriage return and these ranges; anything else (NUL, escape codes, a lone
# surrogate) would make the file unreadable, so it is written as an escape (\xNN, \uNNNN).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub(lambda m: repr(m.group())[1:-1], text)


def _first_line(text: str, width: int = 300) -> str:
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line if len(line) <= width else line[: width - 1] + "…"


def _seconds(x: float) -> str:
    return f"{max(0.0, x):.3f}"


def _testcase(suite: ET.Element, slug: str, t: TestResult) -> str | None:
    """Add ``t`` to ``suite``; return what it counts as: "failure", "skipped" or None (passed)."""
    case = ET.SubElement(suite, "testcase", {"classname": slug, "name": _xml_text(t.name)})
    if t.outcome == Outcome.PASSED:
        return None
    message = _xml_text(t.message)
    if t.outcome == Outcome.SKIPPED:
        ET.SubElement(case, "skipped", {"message": _first_line(message)}).text = message or None
        return "skipped"
    # Every other outcome is the learner's test not passing (failed, timeout, crashed, tampered, error: the
    # module missing or not importable): a failure, whose type says which, with the engine's message.
    body = message or f"{t.outcome} (no message)"
    ET.SubElement(case, "failure", {"type": str(t.outcome), "message": _first_line(body)}).text = body
    return "failure"


def junit_element(results: Sequence[ExerciseResult], *, name: str = "kata") -> ET.Element:
    """The JUnit XML tree: ``<testsuites>`` holding a ``<testsuite>`` per exercise (named by its slug, with
    ``kind``, ``status``, ``points`` and ``max_points`` as properties) and a ``<testcase>`` per test
    (``classname`` the slug, ``name`` the test). A test that did not pass is a ``<failure>`` whose ``type``
    is its outcome and whose ``message`` and text are the engine's message; a skipped test is
    ``<skipped>``; a passed one has neither. An exercise with no test (its grader could not be collected)
    has one ``<testcase name="grading">`` with an ``<error>``: that is the engine's failure, not the learner's."""
    root = ET.Element("testsuites", {"name": name})
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for r in results:
        suite = ET.SubElement(root, "testsuite", {"name": r.slug})
        props = ET.SubElement(suite, "properties")
        for key, value in (
            ("kind", str(r.kind)),
            ("status", str(r.status)),
            ("points", str(number(r.points))),
            ("max_points", str(number(r.max_points))),
        ):
            ET.SubElement(props, "property", {"name": key, "value": value})
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for t in r.tests:
            counts["tests"] += 1
            kind = _testcase(suite, r.slug, t)
            if kind == "failure":
                counts["failures"] += 1
            elif kind == "skipped":
                counts["skipped"] += 1
        if not r.tests:
            counts["tests"] += 1
            counts["errors"] += 1
            case = ET.SubElement(suite, "testcase", {"classname": r.slug, "name": "grading"})
            note = _xml_text(r.note or "no test could be collected")
            ET.SubElement(case, "error", {"type": str(r.status), "message": _first_line(note)}).text = note
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("time", _seconds(r.seconds))
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("time", _seconds(sum(r.seconds for r in results)))
    return root


def write_junit(path: str | Path, results: Sequence[ExerciseResult], *, name: str = "kata") -> None:
    """Write the JUnit XML of ``results`` (:func:`junit_element`) to ``path``, atomically.

    Raises:
        IsADirectoryError: ``path`` is a folder.
        OSError: it cannot be written.
    """
    tree = ET.ElementTree(junit_element(results, name=name))
    ET.indent(tree)
    buffer = io.BytesIO()
    tree.write(buffer, encoding="utf-8", xml_declaration=True)
    write_atomically(Path(path), buffer.getvalue() + b"\n")


# ------------------------------------------------------------------------------------------------ GitHub Classroom


def _escape_data(text: str) -> str:
    """A workflow command's message, escaped as @actions/core escapes it (``%``, ``\\r``, ``\\n``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def classroom_commands(points: float, max_points: float) -> list[str]:
    """The workflow commands that report ``points`` of ``max_points`` to GitHub Classroom.

    The same two notices as the autograding reporter action (src/notify-classroom.js): ``Points X/Y`` titled
    "Autograding complete", and ``{"totalPoints":X,"maxPoints":Y}`` titled "Autograding report", printed by a
    step of the job ``run-autograding-tests`` of the workflow ``Autograding Tests``. Like the reporter,
    nothing is reported when there are no points to have (``max_points`` 0).
    """
    if not max_points:
        return []
    x, y = number(points), number(max_points)
    summary = json.dumps({"totalPoints": x, "maxPoints": y}, separators=(",", ":"))
    return [
        f"::notice title={_escape_property('Autograding complete')}::{_escape_data(f'Points {x}/{y}')}",
        f"::notice title={_escape_property('Autograding report')}::{_escape_data(summary)}",
    ]


def _cell(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=False).replace("|", "\\|")


def markdown_summary(results: Sequence[ExerciseResult]) -> str:
    """A job summary for GitHub Actions (``$GITHUB_STEP_SUMMARY``): the total, then one row per exercise."""
    points = sum(r.points for r in results)
    max_points = sum(r.max_points for r in results)
    rows = [
        f"### Points {number(points)}/{number(max_points)}{_share(points, max_points)}",
        "",
        "| exercise | status | points | first failure |",
        "|---|---|---|---|",
    ]
    for r in results:
        first = next((t for t in r.tests if t.outcome not in _NOT_COUNTED), None)
        why = r.note if r.status in (ExerciseStatus.ERROR, ExerciseStatus.TAMPERED) else ""
        if not why and first is not None and r.status != ExerciseStatus.MISSING:
            why = f"{readable_name(r.slug, first.name).partition(': ')[2]}: {_first_line(first.message, 160)}"
        rows.append(f"| {r.slug} | {r.status} | {number(r.points)}/{number(r.max_points)} | {_cell(why)} |")
    return "\n".join(rows) + "\n"


# ------------------------------------------------------------------------------------------------ results.json


def results_from_document(document: Mapping[str, Any]) -> list[ExerciseResult]:
    """The engine's result objects from a ``results.json`` document (grading.schema; version 1 or 2).

    Raises:
        ValueError: the document is not a results file; the message lists what is wrong.
    """
    doc = dict(document)
    version = str(doc.get("version", "1"))
    if version.split(".")[0] == "1":  # version 1: the same fields, less "version" and "kind"
        doc = {**doc, "version": "2.0"}
        doc["exercises"] = [{"kind": str(Kind.EXERCISE), **e} for e in doc.get("exercises", [])]
    problems = validate(doc)
    if problems:
        shown = "; ".join(problems[:5]) + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else "")
        raise ValueError(f"not a results.json document: {shown}")
    return [
        ExerciseResult(
            slug=e["slug"],
            status=ExerciseStatus(e["status"]),
            tests=[
                TestResult(
                    nodeid=t["nodeid"],
                    name=t["name"],
                    outcome=Outcome(t["outcome"]),
                    points=t["points"],
                    max_points=t["max_points"],
                    message=t["message"],
                    by_hand=t["by_hand"],
                )
                for t in e["tests"]
            ],
            seconds=e["seconds"],
            note=e["note"],
            kind=Kind(e["kind"]),
        )
        for e in doc["exercises"]
    ]


def read_results(path: str | Path) -> list[ExerciseResult]:
    """:func:`results_from_document` of the file at ``path``.

    Raises:
        OSError: it cannot be read.
        ValueError: it is not JSON, or not a results file.
    """
    text = Path(path).read_text(encoding="utf-8")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not JSON ({exc})") from None
    if not isinstance(document, dict):
        raise ValueError(f"{path}: not a results.json document (a JSON {type(document).__name__})")
    return results_from_document(document)


# ------------------------------------------------------------------------------------------------ command line

# Exit statuses of ``python -m grading`` that mean the results are complete (grading.cli).
_GRADED = (0, 1)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m grading.formats",
        description="Turn a results.json written by the engine into the formats other systems read.",
    )
    sub = p.add_subparsers(dest="format", required=True, metavar="FORMAT")
    gs = sub.add_parser("gradescope", help="Gradescope's results.json")
    gs.add_argument("results", help="the engine's results.json")
    gs.add_argument("out", help="where to write Gradescope's results.json")
    gs.add_argument("--output", default="", help="text about the whole submission, shown first")
    gs.add_argument("--execution-time", type=float, default=None, metavar="SECONDS")
    gs.add_argument("--visibility", choices=VISIBILITIES, default="visible")
    gs.add_argument("--stdout-visibility", choices=VISIBILITIES, default=None)
    ju = sub.add_parser("junit", help="JUnit XML")
    ju.add_argument("results", help="the engine's results.json")
    ju.add_argument("out", help="where to write the XML")
    cl = sub.add_parser(
        "classroom",
        help="print the points for GitHub Classroom (workflow commands) and write the job summary",
    )
    cl.add_argument("results", help="the engine's results.json")
    cl.add_argument(
        "--grade-status",
        type=int,
        default=None,
        metavar="N",
        help="the exit status of the grading run: points are reported only for a complete run (0 or 1); this "
        "command then exits with it, so that the job fails where the grading did",
    )
    cl.add_argument(
        "--summary",
        default=os.environ.get("GITHUB_STEP_SUMMARY"),
        help="where to append the Markdown summary (default: $GITHUB_STEP_SUMMARY, when set)",
    )
    return p


def _classroom(args: argparse.Namespace) -> int:
    status = args.grade_status
    if status is not None and status not in _GRADED:
        what = {2: "a usage error", 3: "an engine error"}.get(status, f"exit status {status}")
        print(
            f"::error title=Grading failed::python -m grading ended with {what}; no points are reported "
            "(see the grading step's output)"
        )
        return status
    try:
        results = read_results(args.results)
    except (OSError, ValueError) as exc:
        print(f"::error title=Grading failed::no results to report: {_escape_data(str(exc))}")
        return 3
    points = sum(r.points for r in results)
    max_points = sum(r.max_points for r in results)
    for line in classroom_commands(points, max_points):
        print(line)
    print(f"Points {number(points)}/{number(max_points)}{_share(points, max_points)}")
    if args.summary:
        with open(args.summary, "a", encoding="utf-8") as fh:
            fh.write(markdown_summary(results))
    if status is not None:
        return status
    return 0 if all(t.outcome in _NOT_COUNTED for r in results for t in r.tests) else 1


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m grading.formats gradescope|junit|classroom RESULTS [OUT]``; the exit status."""
    args = _parser().parse_args(argv)
    if args.format == "classroom":
        return _classroom(args)
    try:
        results = read_results(args.results)
    except (OSError, ValueError) as exc:
        print(f"python -m grading.formats: error: {exc}", file=sys.stderr)
        return 2
    try:
        if args.format == "gradescope":
            write_gradescope(
                args.out,
                results,
                output=args.output,
                execution_time=args.execution_time,
                visibility=args.visibility,
                stdout_visibility=args.stdout_visibility,
            )
        else:
            write_junit(args.out, results)
    except OSError as exc:
        print(f"python -m grading.formats: error: could not write {args.out}: {exc}", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
