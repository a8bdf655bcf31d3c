"""The learner's progress, remembered across runs: ``.kata/progress.json``.

Every grading run merges its results into it, per target folder and exercise: the best and the last score,
when, how many attempts, and when it first passed. ``python -m grading status`` prints the whole catalogue
with it without grading anything; ``python -m grading hint SLUG`` shows the exercise's hints one more at a
time, remembering how many were seen. The file is the learner's own: deleting it forgets everything and
changes no score.

Format (``"version": 1``)::

    {"version": 1,
     "targets": {"/abs/path/exercises": {"box_iou": {"best": 30, "last": 28, "max": 36, "status": "failed",
                                                    "attempts": 3, "last_at": "2026-12-03T10:00:00+00:00",
                                                    "passed_at": null}}},
     "hints": {"box_iou": 2}}
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from grading.layout import LAYOUT, Layout
from grading.schema import ExerciseResult, ExerciseStatus, number, write_json

PROGRESS_VERSION = 1


@dataclass
class Entry:
    """What the learner did on one exercise of one target."""

    best: float = 0.0
    last: float = 0.0
    max: float = 0.0
    status: str = ""
    attempts: int = 0
    last_at: str = ""
    passed_at: str | None = None

    @property
    def done(self) -> bool:
        return self.passed_at is not None

    @property
    def started(self) -> bool:
        return self.attempts > 0 and self.status != ExerciseStatus.MISSING


@dataclass
class Progress:
    targets: dict[str, dict[str, Entry]]
    hints: dict[str, int]
    path: Path

    def of(self, target: Path) -> dict[str, Entry]:
        return self.targets.setdefault(str(target), {})

    def save(self) -> None:
        doc = {
            "version": PROGRESS_VERSION,
            "targets": {t: {s: vars(e) for s, e in entries.items()} for t, entries in self.targets.items()},
            "hints": self.hints,
        }
        try:
            write_json(self.path, doc)
        except OSError:
            pass  # a read-only copy: progress is a convenience, never a reason to fail


def load(layout: Layout = LAYOUT) -> Progress:
    """The progress file, or an empty one when it is missing or unreadable (never an error)."""
    path = layout.state / "progress.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raw = {}
    if not isinstance(raw, dict) or raw.get("version") != PROGRESS_VERSION:
        raw = {}
    targets: dict[str, dict[str, Entry]] = {}
    for target, entries in (raw.get("targets") or {}).items():
        if not isinstance(entries, dict):
            continue
        targets[target] = {}
        for slug, fields in entries.items():
            try:
                targets[target][slug] = Entry(**fields)
            except TypeError:
                continue
    hints = {k: int(v) for k, v in (raw.get("hints") or {}).items() if isinstance(v, int)}
    return Progress(targets, hints, path)


def record_run(target: Path, results: Sequence[ExerciseResult], layout: Layout = LAYOUT) -> Progress:
    """Merge one run's results into the progress file; return the progress after it."""
    progress = load(layout)
    entries = progress.of(target)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for r in results:
        e = entries.setdefault(r.slug, Entry())
        e.last, e.max, e.status, e.last_at = number(r.points), number(r.max_points), str(r.status), now
        e.best = max(e.best, e.last)
        if r.status != ExerciseStatus.MISSING:
            e.attempts += 1
        if r.status == ExerciseStatus.PASSED and e.passed_at is None:
            e.passed_at = now
    progress.save()
    return progress


def next_hint(slug: str, hints: Sequence[str], layout: Layout = LAYOUT) -> tuple[int, str]:
    """The next hint of ``slug`` (1-based number and text), remembered: asked again, the one after it.

    Once every hint has been seen, the last one is shown again.
    """
    progress = load(layout)
    seen = min(progress.hints.get(slug, 0) + 1, len(hints))
    progress.hints[slug] = seen
    progress.save()
    return seen, hints[seen - 1]
