"""What a grading run shows and writes besides results.json: the scoreboard, and Gradescope's format.

results.json itself is the contract of grading.schema.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from grading.catalogue import Catalogue
from grading.schema import ExerciseResult, ExerciseStatus, Kind, Outcome, TestResult, number


def gradescope_document(results: Sequence[ExerciseResult]) -> dict:
    """Gradescope's autograder format: https://gradescope-autograders.readthedocs.io/ (results.json)."""
    tests = []
    for r in results:
        for t in r.tests:
            if t.outcome == Outcome.SKIPPED:
                continue
            tests.append(
                {
                    "name": f"{r.slug}: {readable(t.name)}",
                    "score": number(t.points),
                    "max_score": number(t.max_points),
                    "status": "passed" if t.points == t.max_points else "failed",
                    "output": t.message,
                    "visibility": "visible",
                }
            )
    return {
        "score": number(sum(r.points for r in results)),
        "max_score": number(sum(r.max_points for r in results)),
        "tests": tests,
    }


def readable(test_name: str) -> str:
    """``test_keeps_box_at_threshold[float64]`` -> ``keeps box at threshold [float64]``."""
    base, _, params = test_name.partition("[")
    words = base.removeprefix("test_").replace("_", " ")
    return f"{words} [{params}" if params else words


def first_failure(result: ExerciseResult) -> TestResult | None:
    failures = result.failures()
    return failures[0] if failures else None


def _one_line(text: str, width: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def _details(result: ExerciseResult, out: TextIO) -> None:
    """Every failing test; tests that failed with the same message are listed together."""
    groups: dict[str, list[TestResult]] = {}
    for t in result.failures():
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
    results_label: str | None,
    detail: bool,
    out: TextIO,
    details_command: str = "nox -s grade --",
) -> None:
    """One line per exercise (catalogue order), the total, and what to do next."""
    width = 110
    print(f"\nScoreboard for {target_label}", file=out)
    slug_w = max([len(r.slug) for r in results] + [8])
    for r in results:
        pts = f"{number(r.points)}/{number(r.max_points)}"
        line = f"  {r.slug:<{slug_w}}  {pts:>7}  {r.status:<7}"
        if r.status == ExerciseStatus.MISSING and r.kind == Kind.QUIZ:
            why = f"not answered yet: python -m grading quiz {r.slug.removeprefix('quiz_')}"
        elif r.status == ExerciseStatus.MISSING:
            why = "not in the target folder"
        elif r.status == ExerciseStatus.ERROR:
            why = r.note or "could not be graded"
        elif r.status == ExerciseStatus.PASSED:
            why = ""
        else:
            t = first_failure(r)
            why = f"{readable(t.name)}: {t.message}" if t else r.note
        if why:
            line += "  " + _one_line(why, max(30, width - len(line)))
        print(line.rstrip(), file=out)
        if detail and r.status not in (ExerciseStatus.PASSED, ExerciseStatus.MISSING):
            _details(r, out)
    points = sum(r.points for r in results)
    max_points = sum(r.max_points for r in results)
    share = f" ({100 * points / max_points:.0f} %)" if max_points else ""
    passed = sum(r.status == ExerciseStatus.PASSED for r in results)
    kinds = {r.kind for r in results}
    what = "quizzes" if kinds == {Kind.QUIZ} else "exercises" if kinds == {Kind.EXERCISE} else "exercises and quizzes"
    print(f"\nPoints {number(points)}/{number(max_points)}{share}; {passed} of {len(results)} {what} pass", file=out)
    todo = [r for r in results if r.status != ExerciseStatus.PASSED]
    if todo:
        nxt = todo[0]
        ex = catalogue.get(nxt.slug) if nxt.slug in catalogue.slugs else None
        title = f" ({ex.title})" if ex else ""
        print(f"Next: {nxt.slug}{title}", file=out)
        if ex and ex.hints:
            print(f"  hint: {ex.hints[0]}", file=out)
        if nxt.kind == Kind.QUIZ:
            print(f"  answer it: python -m grading quiz {nxt.slug.removeprefix('quiz_')}", file=out)
        elif not detail:
            print(f"  details: {details_command} {nxt.slug}", file=out)
    else:
        print("Everything selected passes.", file=out)
    if results_label is not None:
        print(f"Results: {results_label}", file=out)
