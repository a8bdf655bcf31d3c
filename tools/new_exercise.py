"""Start a new exercise: its catalogue entry and the skeletons of solution, stub, grader and wrong answers.

    python tools/new_exercise.py SLUG --title "Intersection over union" --topic detection --difficulty 2

Writes (and refuses to overwrite any of them):

* a ``[[exercise]]`` entry at the end of catalogue.toml with ``status = "planned"``;
* ``solutions/SLUG/SLUG.py``: the module docstring to fill in (the question quoted from the notes, its
  English rendering, the source, the task) and one function to write;
* ``exercises/SLUG/SLUG.py``: the stub, made from that solution by tools/stubgen.py;
* ``graders/test_SLUG.py``: a grader with one test, to replace;
* ``tests/wrong_answers/SLUG/``: three wrong answers to write, each with its ``CAUGHT_BY``.

Then follow "Adding an exercise" in the README; set the status to "ready" when everything passes.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from grading import catalogue as cat  # noqa: E402
from grading.layout import LAYOUT, Layout  # noqa: E402
from tools.stubgen import stub_source  # noqa: E402

SOLUTION = '''"""<the question, quoted verbatim from the notes>

In English: <a faithful English rendering of the question>.

Source: <note file> · <section>.

<The task in plain English: what to write, the rules, what is refused.>
"""

from __future__ import annotations


def {slug}(x):
    """<One line: what it returns.>

    Args:
        x (<type, shape, dtype>): <what it is>.

    Returns:
        <type>: <what, in which order, which dtype>.

    Raises:
        ValueError: <when>; the message names ``x`` and what came.

    Example:
        >>> {slug}(1)
        1
    """
    # <why, not what>
    return x
'''

GRADER = '''"""Grader for {slug}: <what is checked, and where the expected values come from>.

Promises and the tests that hold them:
- <returns ...> -> test_{slug}_matches_a_hand_worked_case
"""

from __future__ import annotations

from graders.helpers import assert_equal


def test_{slug}_matches_a_hand_worked_case(learner):
    assert_equal(learner.{slug}(1), 1, call="{slug}(1)")
'''

WRONG = '''"""<The mistake, in plain words a learner would recognise (shown to learners as a hint).>"""

from solutions.{slug}.{slug} import *

CAUGHT_BY = ["test_{slug}_matches_a_hand_worked_case"]


def {slug}(x):
    return x + 1
'''

CATALOGUE_ENTRY = """
[[exercise]]
slug = "{slug}"
title = "{title}"
topic = "{topic}"
difficulty = {difficulty}
source = "<note file> · <section> · <the question>"
status = "planned"
hints = [
    "<a hint that nudges without giving the answer>",
]
"""


def create(slug: str, title: str, topic: str, difficulty: int, layout: Layout = LAYOUT) -> list[Path]:
    """Write the skeletons for ``slug``; return the files written.

    Raises:
        ValueError: ``slug`` is not a lower-case identifier, or the catalogue has it already.
        FileExistsError: one of the files exists (nothing is written then).
    """
    if not re.fullmatch(r"[a-z][a-z0-9_]*", slug):
        raise ValueError(f"slug: expected a lower-case identifier such as box_iou, got {slug!r}")
    if slug in cat.load(layout.catalogue).slugs:
        raise ValueError(f"slug: {slug!r} is already in {layout.catalogue.name}")
    if not 1 <= difficulty <= 4:
        raise ValueError(f"difficulty: expected 1 to 4, got {difficulty}")
    wrong_dir = layout.wrong_answers_root / slug
    files = {
        layout.solution(slug): SOLUTION.format(slug=slug),
        layout.grader(slug): GRADER.format(slug=slug),
        **{wrong_dir / f"mistake_{i}.py": WRONG.format(slug=slug) for i in (1, 2, 3)},
    }
    existing = [p for p in [*files, layout.stub(slug)] if p.exists()]
    if existing:
        raise FileExistsError(f"new_exercise: these exist already, nothing written: {[str(p) for p in existing]}")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    stub = layout.stub(slug)
    stub.parent.mkdir(parents=True, exist_ok=True)
    stub.write_text(stub_source(layout.solution(slug)), encoding="utf-8")
    with open(layout.catalogue, "a", encoding="utf-8") as fh:
        fh.write(CATALOGUE_ENTRY.format(slug=slug, title=title, topic=topic, difficulty=difficulty))
    return [*files, stub, layout.catalogue]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Start a new exercise from skeletons.")
    p.add_argument("slug")
    p.add_argument("--title", required=True)
    p.add_argument("--topic", required=True)
    p.add_argument("--difficulty", type=int, default=2)
    args = p.parse_args(argv)
    try:
        written = create(args.slug, args.title, args.topic, args.difficulty)
    except (ValueError, FileExistsError) as exc:
        print(f"new_exercise: error: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")
    print("next: fill them in, then follow 'Adding an exercise' in the README")
    return 0


if __name__ == "__main__":
    sys.exit(main())
