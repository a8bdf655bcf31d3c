"""Grade the shipped wrong answers and check that each is caught by the tests it names.

A wrong answer is ``tests/wrong_answers/<slug>/<name>.py``: a plausible mistake (the docstring says which),
usually ``from solutions.<slug>.<slug> import *`` for the parts it gets right, the faulty function(s), and

    CAUGHT_BY = ["test_name", ...]

the grader tests that must fail on it. A name with parameters (``test_x[float64]``) must fail exactly; a
bare name must fail for at least one of its parameter sets.

    python tools/wrong_answers.py [SLUG ...]     grade them and print what each one loses
"""

from __future__ import annotations

import argparse
import ast
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from grading.cli import default_jobs  # noqa: E402
from grading.collection import known_tests  # noqa: E402
from grading.layout import LAYOUT  # noqa: E402
from grading.mistakes import MISTAKES, Mistake, base, failed, render  # noqa: E402
from grading.runner import GradingSession, Limits  # noqa: E402
from grading.schema import ExerciseResult, Outcome  # noqa: E402


@dataclass(frozen=True)
class WrongAnswer:
    slug: str
    name: str
    path: Path
    caught_by: tuple[str, ...]
    summary: str

    @property
    def id(self) -> str:
        return f"{self.slug}/{self.name}"


def _caught_by(path: Path) -> tuple[tuple[str, ...], str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: tuple[str, ...] = ()
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "CAUGHT_BY" for t in node.targets):
            names = tuple(ast.literal_eval(node.value))
    doc = (ast.get_docstring(tree) or "").strip().splitlines()
    return names, (doc[0] if doc else "")


def discover(slugs: list[str] | None = None) -> list[WrongAnswer]:
    found = []
    root = LAYOUT.wrong_answers_root
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))):
        if slugs and folder.name not in slugs:
            continue
        for path in LAYOUT.wrong_answers(folder.name):
            caught_by, summary = _caught_by(path)
            found.append(WrongAnswer(folder.name, path.stem, path, caught_by, summary))
    return found


def failed_tests(result: ExerciseResult) -> set[str]:
    return {t.name for t in result.tests if t.outcome != Outcome.PASSED and t.max_points > 0}


def uncaught(wrong: WrongAnswer, result: ExerciseResult) -> list[str]:
    """Names in CAUGHT_BY that did not fail (an empty list means the wrong answer is caught as promised)."""
    failed = failed_tests(result)
    missing = []
    for name in wrong.caught_by:
        if "[" in name:
            ok = name in failed
        else:
            ok = any(f == name or f.startswith(name + "[") for f in failed)
        if not ok:
            missing.append(name)
    return missing


def grade_wrong_answers(
    wrongs: list[WrongAnswer], jobs: int | None = None, *, every_test: bool = False
) -> dict[str, ExerciseResult]:
    """Grade every wrong answer (each in a target folder of its own) and return results by id.

    By default only the tests each one's CAUGHT_BY names are run (what the check needs); ``every_test``
    runs the whole grader (what graders/mistakes.toml records).
    """
    with tempfile.TemporaryDirectory(prefix="kata-wrong-") as tmp:
        # As in a learner's own run, a function that hung fails its later tests at once: the tests a wrong
        # answer must fail still fail, without waiting out every timeout.
        with GradingSession(jobs or default_jobs(), limits=Limits(fast_hangs=True)) as session:
            known = {} if every_test else known_tests(sorted({w.slug for w in wrongs}), session.launcher)
            work = []
            for w in wrongs:
                target = Path(tmp) / w.slug / w.name
                (target / w.slug).mkdir(parents=True)
                shutil.copy(w.path, target / w.slug / f"{w.slug}.py")
                if every_test or w.slug not in known:
                    work.append((w.slug, target))
                else:
                    names = {base(n) for n in w.caught_by}
                    work.append((w.slug, target, [t.nodeid for t in known[w.slug] if base(t.name) in names]))
            results = session.grade(work)
    return {w.id: r for w, r in zip(wrongs, results, strict=True)}


def mistakes_of(wrongs: list[WrongAnswer], results: dict[str, ExerciseResult]) -> list[Mistake]:
    """The known mistakes that graders/mistakes.toml lists: each wrong answer's summary and what it fails."""
    return [
        Mistake(w.slug, w.name, w.summary, frozenset(base(t) for t in w.caught_by), failed(results[w.id]))
        for w in wrongs
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Grade the shipped wrong answers and check what catches them.")
    parser.add_argument("slugs", nargs="*", metavar="SLUG", help="only these exercises (default: all)")
    parser.add_argument("-j", "--jobs", type=int, default=None, help="wrong answers graded at once")
    parser.add_argument(
        "--write-mistakes",
        action="store_true",
        help="also (re)write graders/mistakes.toml, the known mistakes shown to learners (needs every exercise)",
    )
    args = parser.parse_args(argv)
    if args.write_mistakes and args.slugs:
        parser.error("--write-mistakes grades every wrong answer: give no SLUG")
    wrongs = discover(args.slugs or None)
    if not wrongs:
        print("no wrong answers found", file=sys.stderr)
        return 2
    results = grade_wrong_answers(wrongs, jobs=args.jobs, every_test=args.write_mistakes)
    bad = 0
    for w in wrongs:
        r = results[w.id]
        lost = uncaught(w, r)
        failed_names = sorted(failed_tests(r))
        mark = "caught" if (not lost and w.caught_by) else "NOT CAUGHT"
        bad += mark != "caught"
        print(f"{mark:<10} {w.id:<40} {r.points:g}/{r.max_points:g}  {w.summary}")
        print(f"           fails: {', '.join(failed_names) or 'nothing'}")
        if lost:
            print(f"           CAUGHT_BY names tests that passed: {', '.join(lost)}")
        if not w.caught_by:
            print("           CAUGHT_BY is empty")
    if args.write_mistakes:
        MISTAKES.write_text(render(mistakes_of(wrongs, results)), encoding="utf-8")
        print(f"wrote {MISTAKES.relative_to(ROOT)}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
