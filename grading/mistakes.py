"""Known mistakes: when a learner's failures look like one, the scoreboard says which.

Every exercise ships plausible wrong answers (``tests/wrong_answers/<slug>/*.py``, maintainers' copy only),
each with a one-line description of the mistake and the tests that catch it. ``graders/mistakes.toml``
keeps, for each, that description and the tests it was seen failing (without its code, so it ships with the
student copy); ``python tools/wrong_answers.py --write-mistakes`` writes it, and the project's checks keep
it in step with the wrong answers.

A learner's result *looks like* a mistake when every test that catches the mistake failed, and the set of
tests that failed is close to the mistake's (Jaccard similarity at least ``THRESHOLD``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from grading.layout import LAYOUT
from grading.schema import ExerciseResult, Outcome

THRESHOLD = 0.5
MISTAKES = LAYOUT.graders / "mistakes.toml"


@dataclass(frozen=True)
class Mistake:
    slug: str
    id: str
    summary: str
    caught_by: frozenset[str]  # test names without parameters
    fails: frozenset[str]


def base(test_name: str) -> str:
    """``test_x[float64]`` -> ``test_x``."""
    return test_name.split("[", 1)[0]


def load(path: Path = MISTAKES) -> dict[str, list[Mistake]]:
    """The known mistakes by exercise; empty when the file is missing or unreadable."""
    try:
        with open(path, "rb") as fh:
            raw = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    out: dict[str, list[Mistake]] = {}
    for m in raw.get("mistake", []):
        try:
            mistake = Mistake(
                m["slug"],
                m["id"],
                m["summary"],
                frozenset(base(t) for t in m["caught_by"]),
                frozenset(m["fails"]),
            )
        except (KeyError, TypeError):
            continue
        out.setdefault(mistake.slug, []).append(mistake)
    return out


def failed(result: ExerciseResult) -> frozenset[str]:
    return frozenset(base(t.name) for t in result.tests if t.outcome != Outcome.PASSED and t.max_points > 0)


def looks_like(result: ExerciseResult, known: Iterable[Mistake]) -> Mistake | None:
    """The known mistake that ``result`` resembles most, if any resembles it enough."""
    got = failed(result)
    if not got:
        return None
    best, best_score = None, THRESHOLD
    for m in known:
        if not m.caught_by <= got:
            continue
        score = len(got & m.fails) / len(got | m.fails)
        if score > best_score or (score == best_score and best is None):
            best, best_score = m, score
    return best


def render(mistakes: Iterable[Mistake]) -> str:
    """The text of graders/mistakes.toml."""
    lines = [
        "# Known mistakes, written by `python tools/wrong_answers.py --write-mistakes` from tests/wrong_answers/:",
        "# what each mistake is (shown to learners whose failures look like it) and the tests it fails.",
        "",
    ]
    for m in sorted(mistakes, key=lambda m: (m.slug, m.id)):
        lines += [
            "[[mistake]]",
            f"slug = {_s(m.slug)}",
            f"id = {_s(m.id)}",
            f"summary = {_s(m.summary)}",
            f"caught_by = [{', '.join(_s(t) for t in sorted(m.caught_by))}]",
            f"fails = [{', '.join(_s(t) for t in sorted(m.fails))}]",
            "",
        ]
    return "\n".join(lines)


def _s(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
