"""Grade one Gradescope submission with the kata's engine; ``run_autograder`` runs this for every submission.

Gradescope's autograder specification (https://gradescope-autograders.readthedocs.io/en/latest/specs/)::

    /autograder/source                  this zip, extracted: the engine, the graders, the quizzes, this file
    /autograder/submission              the student's upload
    /autograder/results/results.json    what Gradescope reads (written here, whatever happens)

``AUTOGRADER_ROOT`` replaces ``/autograder`` (the project's tests run this against a fake tree).

The upload may be laid out like ``exercises/`` (``box_iou/box_iou.py``, at any depth: a zipped ``exercises``
folder works) or be the ``<slug>.py`` files on their own; quiz answers are ``<topic>.toml`` files (in a
``_quizzes`` folder or not). What was used, and what was not, is said at the top of the results. Every
exercise of the assignment (``assignment.json``) is graded: one not uploaded scores 0 as "not in the
submission", so that every student has the same maximum.

    python autograde.py              grade the submission
    python autograde.py --warm-up    (setup.sh) learn every grader's tests once, so submissions start warm

It uses the engine's API (grading.runner.GradingSession) rather than its command line, so that a time limit
(assignment.json, under Gradescope's own timeout) keeps the exercises graded before it.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

SOURCE = Path(__file__).resolve().parent
ROOT = Path(os.environ.get("AUTOGRADER_ROOT", "/autograder"))
SUBMISSION = ROOT / "submission"
RESULTS = ROOT / "results" / "results.json"
TARGET = ROOT / "target"  # the submission, laid out like exercises/
SKIP_PARTS = {"__pycache__", "__MACOSX", ".git", ".ipynb_checkpoints"}
LAYOUT_HELP = (
    "Expected: files laid out like exercises/, <slug>/<slug>.py (for example box_iou/box_iou.py), or the "
    "<slug>.py files on their own; quiz answers as _quizzes/<topic>.toml."
)


def assignment() -> dict:
    """What this autograder grades (written by tools/gradescope.py): slugs, time limit, release."""
    return json.loads((SOURCE / "assignment.json").read_text(encoding="utf-8"))


def uploaded(submission: Path) -> list[Path]:
    """The files of the upload, less hidden files, caches and archive clutter."""
    if not submission.is_dir():
        return []

    def kept(p: Path) -> bool:
        return p.is_file() and not any(s in SKIP_PARTS or s.startswith(".") for s in p.relative_to(submission).parts)

    return sorted(p for p in submission.rglob("*") if kept(p))


def _readable(path: Path) -> None:
    """Let the unprivileged user that runs the learner's code read what was copied."""
    for p in [path, *path.rglob("*")] if path.is_dir() else [path]:
        p.chmod(0o755 if p.is_dir() else 0o644)


def lay_out(submission: Path, target: Path, slugs: list[str]) -> tuple[dict[str, str], list[str]]:
    """Copy what the upload holds for ``slugs`` into ``target``, laid out like exercises/.

    Returns:
        (used, notes): slug -> the uploaded path graded for it; lines for the student about the upload.
    """
    files = uploaded(submission)
    by_name: dict[str, list[Path]] = {}
    for f in files:
        by_name.setdefault(f.name, []).append(f)
    target.mkdir(parents=True, exist_ok=True)
    used: dict[str, str] = {}
    taken: set[Path] = set()
    notes: list[str] = []
    for slug in slugs:
        topic = slug.removeprefix("quiz_") if slug.startswith("quiz_") else None
        name, home = (f"{topic}.toml", "_quizzes") if topic else (f"{slug}.py", slug)
        found = by_name.get(name, [])
        if not found:
            continue
        # the one in a folder named as it should be, then the shallowest
        chosen = sorted(found, key=lambda p: (p.parent.name != home, len(p.parts), str(p)))[0]
        rel = chosen.relative_to(submission).as_posix()
        if len(found) > 1:
            others = ", ".join(p.relative_to(submission).as_posix() for p in found if p != chosen)
            notes.append(f"Several files named {name}: graded {rel}, not {others}.")
        if topic:
            dest = target / "_quizzes" / name
            dest.parent.mkdir(exist_ok=True)
            shutil.copyfile(chosen, dest)
            taken.add(chosen)
        elif chosen.parent.name == slug and chosen.parent != submission:
            # its folder, with any module of its own beside it
            shutil.copytree(chosen.parent, target / slug, ignore=shutil.ignore_patterns("__pycache__", ".*"))
            taken.update(p for p in files if chosen.parent in p.parents)
        else:
            (target / slug).mkdir()
            shutil.copyfile(chosen, target / slug / f"{slug}.py")
            taken.add(chosen)
        used[slug] = rel
    _readable(target)
    if used:
        shown = [
            rel if slug.startswith("quiz_") or rel.endswith(f"{slug}/{slug}.py") else f"{rel} (as {slug}/{slug}.py)"
            for slug, rel in used.items()
        ]
        notes.insert(0, f"Graded from your upload ({len(used)}): {', '.join(shown)}.")
    else:
        found_names = ", ".join(f.relative_to(submission).as_posix() for f in files[:10]) or "nothing"
        notes.insert(0, f"Nothing in your upload could be graded. {LAYOUT_HELP} Found: {found_names}.")
    unused = [f.relative_to(submission).as_posix() for f in files if f not in taken]
    if unused and used:
        more = f" and {len(unused) - 10} more" if len(unused) > 10 else ""
        notes.append(f"Not used: {', '.join(unused[:10])}{more}.")
    return used, notes


def failure_document(message: str, started: float) -> dict:
    """A results.json that Gradescope accepts and that says the submission was not graded, and why."""
    return {
        "score": 0,
        "execution_time": round(time.monotonic() - started),
        "output": f"The autograder could not grade this submission: {message}\n\nNothing was graded; "
        "ask your instructor to look at the autograder's output.",
        "visibility": "visible",
        "tests": [],
    }


def write(document: dict) -> None:
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    tmp = RESULTS.with_name(f".{RESULTS.name}.tmp")
    tmp.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, RESULTS)


class Grading(threading.Thread):
    """The engine's grading session over ``slugs`` of ``target``, in a thread the caller can stop waiting for.

    Each exercise's result is kept as soon as it is graded, so that what finished before a time limit counts.
    """

    def __init__(self, slugs: list[str], target: Path, jobs: int) -> None:
        super().__init__(daemon=True)
        self.slugs, self.target, self.jobs = slugs, target, jobs
        self.done: dict[str, object] = {}
        self.error: BaseException | None = None

    def run(self) -> None:
        def keep(slug: str, _target: Path, result) -> None:
            self.done[slug] = result
            print(
                f"  [{len(self.done)}/{len(self.slugs)}] {slug} {result.points:g}/{result.max_points:g} "
                f"{result.status} ({result.seconds:.1f} s)",
                flush=True,
            )

        try:
            from grading.runner import GradingSession

            with GradingSession(self.jobs, worker="run") as session:
                session.grade([(slug, self.target) for slug in self.slugs], on_result=keep)
        except BaseException as exc:  # noqa: BLE001 - reported by the caller
            self.error = exc

    def results(self) -> list:
        return [self.done[s] for s in self.slugs if s in self.done]


def _engine(slugs: list[str]) -> str | None:
    """Import the engine (this folder's grading/); None, or why the assignment cannot be graded by it."""
    sys.path.insert(0, str(SOURCE))
    from grading import sandbox

    sandbox.not_dumpable()  # the learner's processes cannot open this one's /proc files
    unknown = [
        s
        for s in slugs
        if not (SOURCE / "graders" / f"test_{s}.py").is_file()
        and not (s.startswith("quiz_") and (SOURCE / "quizzes" / f"{s.removeprefix('quiz_')}.toml").is_file())
    ]
    return f"assignment.json names what this autograder has no grader for: {', '.join(unknown)}" if unknown else None


def grade() -> tuple[dict, bool]:
    """Grade the submission: Gradescope's results document, and whether grading was stopped by the time limit."""
    started = time.monotonic()
    config = assignment()
    slugs, time_limit = config["slugs"], config.get("time_limit", 540)
    problem = _engine(slugs)
    if problem:
        return failure_document(problem, started), False
    if TARGET.exists():
        shutil.rmtree(TARGET)
    _, notes = lay_out(SUBMISSION, TARGET, slugs)
    print("\n".join(notes), flush=True)
    print(f"Grading {len(slugs)} exercises and quizzes, {config.get('jobs', 2)} at a time", flush=True)
    run = Grading(slugs, TARGET, config.get("jobs", 2))
    run.start()
    run.join(time_limit)
    stopped = run.is_alive()
    if run.error is not None:
        trace = "".join(traceback.format_exception(run.error)).strip()
        print(trace, flush=True)
        return failure_document(f"the grading engine failed: {type(run.error).__name__}: {run.error}", started), False
    if not stopped and len(run.done) < len(slugs):  # never a silent zero for what the engine skipped
        left = ", ".join(s for s in slugs if s not in run.done)
        return failure_document(f"the grading engine ended without grading {left}.", started), False
    from grading.formats import gradescope_document

    graded = run.results()
    if stopped:
        left = [s for s in slugs if s not in run.done]
        notes.append(
            f"Grading was stopped after {time_limit:g} s, the time limit: these were not graded and are not in "
            f"the results: {', '.join(left)}."
        )
    document = gradescope_document(graded, output="\n".join(notes), execution_time=time.monotonic() - started)
    return document, stopped


def warm_up() -> int:
    """Grade an empty target once: the engine learns every grader's tests (.kata/collected.json)."""
    config = assignment()
    problem = _engine(config["slugs"])
    if problem:
        print(problem, file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="kata-") as tmp:
        run = Grading(config["slugs"], Path(tmp), config.get("jobs", 2))
        run.run()
    if run.error is not None:
        traceback.print_exception(run.error)
        return 1
    return 0


def main(argv: list[str]) -> int:
    if argv == ["--warm-up"]:
        return warm_up()
    started = time.monotonic()
    stopped = False
    try:
        document, stopped = grade()
    except Exception as exc:  # noqa: BLE001 - whatever happens, Gradescope gets a results.json that says so
        traceback.print_exc()
        document = failure_document(f"{type(exc).__name__}: {exc}", started)
    write(document)
    if stopped:
        # Exercises still running: leaving now closes the warm worker's input, and the worker kills their
        # test processes (threads cannot be stopped from outside).
        sys.stdout.flush()
        os._exit(0)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
