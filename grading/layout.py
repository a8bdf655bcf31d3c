"""Where everything lives. The one owner of the kata's folder layout and of resolving ``--target``.

::

    catalogue.toml                     the ordered list of exercises
    exercises/<slug>/<slug>.py         the learner's stubs (the default target)
    solutions/<slug>/<slug>.py         reference solutions
    graders/test_<slug>.py             one pytest grader per exercise
    graders/fixtures/<slug>/           expected values made with torchvision / scikit-learn
    tests/wrong_answers/<slug>/*.py    shipped wrong answers (maintainers' copy only)
    quizzes/<topic>.toml               concept quizzes: questions, keys, explanations
    .kata/                             what the engine writes: results.json, caches

A *target* is any folder laid out like ``exercises/``: ``<target>/<slug>/<slug>.py``, and the answers to the
quizzes in ``<target>/_quizzes/<topic>.toml``. It may hold only some of them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TARGET_LAYOUT = "<slug>/<slug>.py"
STATE_ENV = "KATA_STATE"  # another folder for .kata/ (the project's own checks use a temporary one)
QUIZ_ANSWERS_FOLDER = "_quizzes"  # in a target; the "_" keeps it apart from the exercise folders


class TargetError(ValueError):
    """``--target`` does not name a folder laid out like ``exercises/``."""


@dataclass(frozen=True)
class Layout:
    """Paths of one copy of the kata (the project itself, or a student copy made by the release)."""

    root: Path = PROJECT_ROOT

    @property
    def catalogue(self) -> Path:
        return self.root / "catalogue.toml"

    @property
    def exercises(self) -> Path:
        return self.root / "exercises"

    @property
    def solutions(self) -> Path:
        return self.root / "solutions"

    @property
    def graders(self) -> Path:
        return self.root / "graders"

    @property
    def helpers(self) -> Path:
        return self.graders / "helpers.py"

    @property
    def wrong_answers_root(self) -> Path:
        return self.root / "tests" / "wrong_answers"

    @property
    def quizzes(self) -> Path:
        return self.root / "quizzes"

    @property
    def state(self) -> Path:
        """The engine's own folder: results, caches, progress (``.kata/``, or ``$KATA_STATE`` when set)."""
        override = os.environ.get(STATE_ENV)
        return Path(override) if override and self.root == PROJECT_ROOT else self.root / ".kata"

    @property
    def default_results(self) -> Path:
        return self.state / "results.json"

    @property
    def pyproject(self) -> Path:
        return self.root / "pyproject.toml"

    def stub(self, slug: str) -> Path:
        return module_in(self.exercises, slug)

    def solution(self, slug: str) -> Path:
        return module_in(self.solutions, slug)

    def grader(self, slug: str) -> Path:
        return self.graders / f"test_{slug}.py"

    def fixtures(self, slug: str) -> Path:
        return self.graders / "fixtures" / slug

    def wrong_answers(self, slug: str) -> list[Path]:
        """The wrong answers shipped for ``slug`` (files starting with ``_`` are shared helpers, not answers)."""
        folder = self.wrong_answers_root / slug
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.glob("*.py") if not p.name.startswith("_"))


LAYOUT = Layout()


def module_in(target: Path, slug: str) -> Path:
    """The file a target holds for ``slug``: ``target/slug/slug.py``."""
    return target / slug / f"{slug}.py"


def quiz_answers(target: Path, topic: str) -> Path:
    """The file a target holds for the quiz ``topic``: ``target/_quizzes/topic.toml``."""
    return target / QUIZ_ANSWERS_FOLDER / f"{topic}.toml"


def slug_of_grader(path: str | Path) -> str:
    """``graders/test_box_iou.py`` -> ``box_iou``."""
    name = Path(path).stem
    if not name.startswith("test_"):
        raise ValueError(f"grader file: expected a name test_<slug>.py, got {Path(path).name!r}")
    return name.removeprefix("test_")


def resolve_target(value: str | Path, invoked_from: Path, root: Path = PROJECT_ROOT) -> Path:
    """The absolute folder that ``--target value`` names.

    A relative path is looked up from where the command was started, then from the project root (so that
    ``--target solutions`` works from anywhere inside the project).

    Raises:
        TargetError: no such folder; the message names ``--target``, the expected layout and what came.
    """
    path = Path(value).expanduser()
    bases = [Path()] if path.is_absolute() else [invoked_from, root]
    for base in bases:
        candidate = (base / path).resolve()
        if candidate.is_dir():
            return candidate
    looked = str(path) if path.is_absolute() else f"{invoked_from} and {root}"
    what = "a file, not a folder" if any((b / path).is_file() for b in bases) else "not a folder"
    raise TargetError(
        f"--target: expected a folder laid out like exercises/ ({TARGET_LAYOUT}), got {str(value)!r}, "
        f"which is {what} (looked in {looked})"
    )
