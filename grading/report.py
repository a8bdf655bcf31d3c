"""Results files and the scoreboard.

``results.json`` (always written)::

    {"target": "...", "total": {"points", "max_points"},
     "exercises": [{"slug", "title", "status", "points", "max_points", "seconds", "note",
                    "tests": [{"name", "nodeid", "outcome", "points", "max_points", "by_hand", "message"}]}]}

Gradescope's ``results.json`` (``--gradescope PATH``): score, max_score and one entry per test.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from grading.catalogue import Catalogue
from grading.runner import EX_ERROR, EX_MISSING, EX_PASSED, SKIPPED, ExerciseResult, TestResult


def _num(x: float) -> float | int:
    return int(x) if float(x).is_integer() else round(x, 3)


def results_document(target: Path, results: Sequence[ExerciseResult], catalogue: Catalogue) -> dict:
    titles = {ex.slug: ex.title for ex in catalogue.exercises}
    return {
        "target": str(target),
        "total": {
            "points": _num(sum(r.points for r in results)),
            "max_points": _num(sum(r.max_points for r in results)),
        },
        "exercises": [
            {
                "slug": r.slug,
                "title": titles.get(r.slug, r.slug),
                "status": r.status,
                "points": _num(r.points),
                "max_points": _num(r.max_points),
                "seconds": round(r.seconds, 2),
                "note": r.note,
                "tests": [
                    {
                        "name": t.name,
                        "nodeid": t.nodeid,
                        "outcome": t.outcome,
                        "points": _num(t.points),
                        "max_points": _num(t.max_points),
                        "by_hand": t.by_hand,
                        "message": t.message,
                    }
                    for t in r.tests
                ],
            }
            for r in results
        ],
    }


def gradescope_document(results: Sequence[ExerciseResult]) -> dict:
    """Gradescope's autograder format: https://gradescope-autograders.readthedocs.io/ (results.json)."""
    tests = []
    for r in results:
        for t in r.tests:
            if t.outcome == SKIPPED:
                continue
            tests.append(
                {
                    "name": f"{r.slug}: {readable(t.name)}",
                    "score": _num(t.points),
                    "max_score": _num(t.max_points),
                    "status": "passed" if t.points == t.max_points else "failed",
                    "output": t.message,
                    "visibility": "visible",
                }
            )
    return {
        "score": _num(sum(r.points for r in results)),
        "max_score": _num(sum(r.max_points for r in results)),
        "tests": tests,
    }


def write_json(path: Path, document: dict) -> None:
    """Write atomically: a reader never sees half a file, and an old file is replaced only when done."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def readable(test_name: str) -> str:
    """``test_keeps_box_at_threshold[float64]`` -> ``keeps box at threshold [float64]``."""
    base, _, params = test_name.partition("[")
    words = base.removeprefix("test_").replace("_", " ")
    return f"{words} [{params}" if params else words


def first_failure(result: ExerciseResult) -> TestResult | None:
    for t in result.tests:
        if t.outcome not in ("passed", SKIPPED):
            return t
    return None


def _one_line(text: str, width: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def _details(result: ExerciseResult, out: TextIO) -> None:
    """Every failing test; tests that failed with the same message are listed together."""
    groups: dict[str, list[TestResult]] = {}
    for t in result.tests:
        if t.outcome not in ("passed", SKIPPED):
            groups.setdefault(t.message, []).append(t)
    for message, tests in groups.items():
        names = [f"{readable(t.name)} ({t.outcome})" for t in tests[:3]]
        more = f" and {len(tests) - 3} more" if len(tests) > 3 else ""
        print(f"      ✗ {'; '.join(names)}{more}", file=out)
        for line in message.splitlines()[:14]:
            print(f"          {line}", file=out)


def scoreboard(
    results: Sequence[ExerciseResult],
    catalogue: Catalogue,
    *,
    target_label: str,
    results_path: Path | None,
    detail: bool,
    out: TextIO,
) -> None:
    """One line per exercise (catalogue order), the total, and what to do next."""
    width = 110
    print(f"\nScoreboard for {target_label}", file=out)
    slug_w = max([len(r.slug) for r in results] + [8])
    for r in results:
        pts = f"{_num(r.points)}/{_num(r.max_points)}"
        line = f"  {r.slug:<{slug_w}}  {pts:>7}  {r.status:<7}"
        if r.status == EX_MISSING:
            why = "not in the target folder"
        elif r.status == EX_ERROR:
            why = r.note or "could not be graded"
        elif r.status == EX_PASSED:
            why = ""
        else:
            t = first_failure(r)
            why = f"{readable(t.name)}: {t.message}" if t else r.note
        if why:
            line += "  " + _one_line(why, max(30, width - len(line)))
        print(line.rstrip(), file=out)
        if detail and r.status not in (EX_PASSED, EX_MISSING):
            _details(r, out)
    points = sum(r.points for r in results)
    max_points = sum(r.max_points for r in results)
    share = f" ({100 * points / max_points:.0f} %)" if max_points else ""
    passed = sum(r.status == EX_PASSED for r in results)
    print(f"\nPoints {_num(points)}/{_num(max_points)}{share}; {passed} of {len(results)} exercises pass", file=out)
    todo = [r for r in results if r.status != EX_PASSED]
    if todo:
        nxt = todo[0]
        ex = catalogue.get(nxt.slug) if nxt.slug in catalogue.slugs else None
        title = f" ({ex.title})" if ex else ""
        print(f"Next: {nxt.slug}{title}", file=out)
        if ex and ex.hints:
            print(f"  hint: {ex.hints[0]}", file=out)
        if not detail:
            print(f"  details: nox -s grade -- {nxt.slug}", file=out)
    else:
        print("Everything selected passes.", file=out)
    if results_path is not None:
        print(f"Results: {results_path}", file=out)
