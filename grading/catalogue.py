"""The project's catalogue (``catalogue.toml``): the one ordered list of exercises.

The engine, the scoreboard's "next exercise" and the project's own checks all read it; nothing else keeps
a list of slugs.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from grading.layout import LAYOUT


class Readiness(StrEnum):
    """An exercise's ``status`` in the catalogue."""

    READY = "ready"  # stub, solution and grader exist
    PLANNED = "planned"  # in the contract, not written yet


READY, PLANNED = Readiness.READY, Readiness.PLANNED


@dataclass(frozen=True)
class Exercise:
    slug: str
    title: str
    topic: str
    difficulty: int
    source: str
    hints: tuple[str, ...]
    status: Readiness
    by_hand: tuple[str, ...] = ()  # built-ins the learner must not call

    @property
    def ready(self) -> bool:
        return self.status == READY


@dataclass(frozen=True)
class NoCode:
    question: str
    source: str
    why: str


@dataclass(frozen=True)
class Catalogue:
    exercises: tuple[Exercise, ...]
    no_code: tuple[NoCode, ...]

    def get(self, slug: str) -> Exercise:
        for ex in self.exercises:
            if ex.slug == slug:
                return ex
        raise KeyError(slug)

    @property
    def titles(self) -> dict[str, str]:
        return {ex.slug: ex.title for ex in self.exercises}

    @property
    def slugs(self) -> list[str]:
        return [ex.slug for ex in self.exercises]

    @property
    def ready(self) -> list[Exercise]:
        return [ex for ex in self.exercises if ex.ready]


def load(path: Path = LAYOUT.catalogue) -> Catalogue:
    """Read and validate the catalogue; raise ValueError naming the entry that is wrong."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    exercises = []
    seen: set[str] = set()
    for i, raw in enumerate(data.get("exercise", [])):
        where = f"{path.name}: exercise #{i + 1} ({raw.get('slug', '?')})"
        missing = {"slug", "title", "topic", "difficulty", "source", "hints", "status"} - set(raw)
        if missing:
            raise ValueError(f"{where}: missing {sorted(missing)}")
        if raw["slug"] in seen:
            raise ValueError(f"{where}: slug listed twice")
        if raw["status"] not in tuple(Readiness):
            raise ValueError(f"{where}: status must be 'ready' or 'planned', got {raw['status']!r}")
        if not raw["hints"] or not all(isinstance(h, str) and h.strip() for h in raw["hints"]):
            raise ValueError(f"{where}: hints must be a non-empty list of non-empty strings")
        seen.add(raw["slug"])
        exercises.append(
            Exercise(
                slug=raw["slug"],
                title=raw["title"],
                topic=raw["topic"],
                difficulty=int(raw["difficulty"]),
                source=raw["source"],
                hints=tuple(raw["hints"]),
                status=Readiness(raw["status"]),
                by_hand=tuple(raw.get("by_hand", ())),
            )
        )
    no_code = tuple(NoCode(q["question"], q["source"], q["why"]) for q in data.get("no_code", []))
    return Catalogue(tuple(exercises), no_code)
