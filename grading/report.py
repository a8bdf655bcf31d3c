"""What a grading run shows: the scoreboard (and the styles and grouping it reads with).

results.json itself is the contract of grading.schema; other systems' formats are grading.formats'.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from grading.catalogue import Catalogue
from grading.schema import ExerciseResult, ExerciseStatus, Kind, TestResult, number


def readable(test_name: str) -> str:
    """``test_keeps_box_at_threshold[float64]`` -> ``keeps box at threshold [float64]``."""
    base, _, params = test_name.partition("[")
    words = base.removeprefix("test_").replace("_", " ")
    return f"{words} [{params}" if params else words


def first_failure(result: ExerciseResult) -> TestResult | None:
    failures = result.failures()
    return failures[0] if failures else None


@dataclass(frozen=True)
class Style:
    """How to write to one stream: marks its encoding can carry, colours only where they are wanted.

    Colours: only on a terminal, never with ``NO_COLOR`` set (https://no-color.org) or ``TERM=dumb``.
    """

    fail: str = "x"
    ok: str = "+"
    more: str = "..."
    color: bool = False
    terminal: bool = False

    @classmethod
    def for_stream(cls, out: TextIO) -> Style:
        encoding = getattr(out, "encoding", None) or "ascii"
        try:
            "✗✓…".encode(encoding)
            marks = {"fail": "✗", "ok": "✓", "more": "…"}
        except (UnicodeEncodeError, LookupError):
            marks = {}
        terminal = bool(getattr(out, "isatty", lambda: False)())
        color = terminal and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
        return cls(**marks, color=color, terminal=terminal)

    def paint(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.color else text

    def status(self, status: str) -> str:
        code = {"passed": "32", "failed": "31", "tampered": "1;31", "error": "33", "missing": "2"}.get(status, "0")
        return self.paint(f"{status:<7}", code)


PLAIN = Style()


def _one_line(text: str, width: int, style: Style = PLAIN) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - len(style.more)] + style.more


_CALL = re.compile(r"^([A-Za-z_][\w.]*)\(")


def _concerns(test: TestResult) -> str:
    """The function or behaviour a failure is about: the call its message starts with, else its test."""
    match = _CALL.match(test.message.strip())
    return f"{match.group(1)}()" if match else readable(base_name(test.name))


def base_name(test_name: str) -> str:
    return test_name.split("[", 1)[0]


def _hand_worked(test: TestResult) -> bool:
    return "seed" not in test.message.lower()


def _details(result: ExerciseResult, out: TextIO, style: Style, verbose: bool, again: str) -> None:
    """The failures to read. By default one per function or behaviour, a hand-worked case before a random
    one, then how many more; ``verbose``: every failing test, the same messages listed together."""
    failures = result.failures()
    if verbose:
        groups: dict[str, list[TestResult]] = {}
        for t in failures:
            groups.setdefault(t.message, []).append(t)
        for message, tests in groups.items():
            names = [f"{readable(t.name)} ({t.outcome})" for t in tests[:3]]
            more = f" and {len(tests) - 3} more" if len(tests) > 3 else ""
            print(f"      {style.paint(style.fail, '31')} {'; '.join(names)}{more}", file=out)
            for line in message.splitlines()[:14]:
                print(f"          {line}", file=out)
        return
    by_concern: dict[str, list[TestResult]] = {}
    for t in failures:
        by_concern.setdefault(_concerns(t), []).append(t)
    ordered = sorted(by_concern.items(), key=lambda kv: not any(_hand_worked(t) for t in kv[1]))
    said: dict[str, list[str]] = {}  # message -> the concerns that failed with it, after the first
    for concern, tests in ordered:
        shown = sorted(tests, key=lambda t: (not _hand_worked(t), len(t.message)))[0]
        if shown.message in said:
            said[shown.message].append(concern)
            continue
        said[shown.message] = []
        rest = f"  (and {len(tests) - 1} more about {concern})" if len(tests) > 1 else ""
        print(f"      {style.paint(style.fail, '31')} {readable(shown.name)} ({shown.outcome}){rest}", file=out)
        lines = shown.message.splitlines()
        for line in lines[:8]:
            print(f"          {line}", file=out)
        if len(lines) > 8:
            print(f"          {style.more}", file=out)
    for message, concerns in said.items():
        if concerns:
            first = message.splitlines()[0] if message else ""
            names = ", ".join(concerns[:4]) + (f" and {len(concerns) - 4} more" if len(concerns) > 4 else "")
            print(f"      {style.paint(style.fail, '31')} the same ({_one_line(first, 50, style)}): {names}", file=out)
    if len(failures) > len(by_concern):
        print(f"      every failing test: {again} -v {result.slug}", file=out)


@dataclass(frozen=True)
class NextUp:
    """What the learner should do next (from the progress file), when it is known."""

    slug: str
    title: str
    hint: str | None = None


def scoreboard(
    results: Sequence[ExerciseResult],
    catalogue: Catalogue,
    *,
    target_label: str,
    results_label: str | None,
    detail: bool,
    out: TextIO,
    details_command: str = "nox -s grade --",
    verbose: bool = False,
    known_mistakes: dict[str, list] | None = None,
    next_up: NextUp | None = None,
) -> None:
    """One line per exercise (catalogue order), the failures to read, the total, and what to do next."""
    from grading.mistakes import looks_like

    style = Style.for_stream(out)
    width = 110
    print(f"\nScoreboard for {target_label}", file=out)
    slug_w = max([len(r.slug) for r in results] + [8])
    for r in results:
        pts = f"{number(r.points)}/{number(r.max_points)}"
        line = f"  {r.slug:<{slug_w}}  {pts:>7}  "
        if r.status == ExerciseStatus.MISSING and r.kind == Kind.QUIZ:
            why = f"not answered yet: python -m grading quiz {r.slug.removeprefix('quiz_')}"
        elif r.status == ExerciseStatus.MISSING:
            why = "not in the target folder"
        elif r.status in (ExerciseStatus.ERROR, ExerciseStatus.TAMPERED):
            why = r.note or "could not be graded"
        elif r.status == ExerciseStatus.PASSED:
            why = ""
        else:
            t = first_failure(r)
            why = f"{readable(t.name)}: {t.message}" if t else r.note
        text = line + f"{r.status:<7}" + ("  " + _one_line(why, max(30, width - len(line) - 9), style) if why else "")
        print((line + style.status(str(r.status)) + text[len(line) + 7 :]).rstrip(), file=out)
        mistake = looks_like(r, (known_mistakes or {}).get(r.slug, ())) if r.status == ExerciseStatus.FAILED else None
        if mistake is not None:
            print(f"      {style.paint('this looks like a known mistake:', '33')} {mistake.summary}", file=out)
        if detail and r.status not in (ExerciseStatus.PASSED, ExerciseStatus.MISSING):
            _details(r, out, style, verbose, details_command)
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
            print(f"  more hints, one at a time: python -m grading hint {nxt.slug}", file=out)
        if nxt.kind == Kind.QUIZ:
            print(f"  answer it: python -m grading quiz {nxt.slug.removeprefix('quiz_')}", file=out)
        elif not detail:
            print(f"  details: {details_command} {nxt.slug}", file=out)
    else:
        print("Everything selected passes.", file=out)
        if next_up is not None:
            print(f"Next: {next_up.slug} ({next_up.title}): {details_command} {next_up.slug}", file=out)
    if results_label is not None:
        print(f"Results: {results_label}", file=out)
