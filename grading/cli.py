"""Command line: ``python -m grading [SLUG ...] [--target DIR] [--results PATH] [-j N] [-v]``.

Grades the selected exercises and quizzes (``quiz_<topic>``; by default every ready exercise and every
quiz) of a target folder, prints a scoreboard and writes ``.kata/results.json`` (grading.schema).
``python -m grading quiz ...`` answers the concept quizzes (grading.quiz); ``status``, ``hint`` and
``watch`` are the learner's loop (grading.learner); ``class`` grades a class of students' folders
(grading.classroom). ``--list`` prints the catalogue; ``--schema`` the results file's JSON Schema.

Exit status: 0 when every selected test passed (or the score reached ``--min-score``), 1 otherwise, 2 for
a usage error (unknown exercise, no such folder, a results file that cannot be written: nothing is
graded), 3 when the engine itself failed.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import shlex
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from grading import catalogue as cat
from grading import learner, quiz, sandbox
from grading.formats import gradescope_document, write_junit
from grading.layout import LAYOUT, TargetError, resolve_target
from grading.learner import next_up
from grading.mistakes import load as load_mistakes
from grading.progress import record_run
from grading.report import Style, scoreboard
from grading.runner import GradingSession, Limits
from grading.schema import RESULTS_SCHEMA, ExerciseResult, Outcome, results_document, write_json

# Exit statuses: every selected test passed; graded, with failures; a usage error (nothing graded); the
# engine itself failed (results may be incomplete); interrupted (Ctrl-C, results so far written).
EXIT_PASSED, EXIT_FAILED, EXIT_USAGE, EXIT_ENGINE, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class UsageError(Exception):
    """A command line that cannot be carried out; the message says why."""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m grading", description="Grade kata exercises and print a scoreboard.")
    p.add_argument(
        "slugs",
        nargs="*",
        metavar="SLUG",
        help="exercises (and quizzes, as quiz_<topic>) to grade (default: every ready exercise and every quiz)",
    )
    p.add_argument(
        "--target",
        default=None,
        help="folder holding <slug>/<slug>.py: exercises (default), solutions, or a student's folder",
    )
    p.add_argument("--results", default=None, help="where to write results.json (default: .kata/results.json)")
    p.add_argument(
        "--gradescope", default=None, metavar="PATH", help="also write Gradescope's results.json format to PATH"
    )
    p.add_argument("--junit", default=None, metavar="PATH", help="also write JUnit XML to PATH (any CI shows it)")
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        help="exercises graded at once (default: twice the number of CPUs, at most 8: many tests wait on "
        "threads, sleeps and files rather than compute)",
    )
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="show every failing test's message (the default when grading one or two exercises)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="print only the scoreboard")
    p.add_argument(
        "--min-score",
        type=float,
        default=None,
        metavar="P",
        help="exit 0 when the score reaches P percent of the points (CI); without it, only when every test passes",
    )
    p.add_argument(
        "--worker",
        choices=["auto", "persistent", "run", "fresh"],
        default="auto",
        help="where test processes come from: auto (the persistent warm worker for your own exercises/, a warm "
        "worker for this run otherwise), persistent, run, or fresh (a new interpreter per exercise)",
    )
    p.add_argument("--list", action="store_true", help="list the catalogue and exit")
    p.add_argument("--topic", default=None, help="--list: only this topic (coding, detection, cnn, ...)")
    p.add_argument("--difficulty", type=int, default=None, help="--list: only this difficulty (1 to 4)")
    p.add_argument("--schema", action="store_true", help="print the JSON Schema of results.json and exit")
    # set by the nox sessions: where the user started nox, and how to suggest a command to them
    p.add_argument("--invoked-from", default=None, help=argparse.SUPPRESS)
    p.add_argument("--invoked-as", default="python -m grading", help=argparse.SUPPRESS)
    return p


def default_jobs() -> int:
    """Twice the CPUs, at most 8: most graders' time is spent waiting (threads, sleeps, files), and each test
    process gets one torch thread when several run at once."""
    return min(8, 2 * (os.cpu_count() or 1))


def _resolve(path: str, base: Path) -> Path:
    p = Path(path).expanduser()
    return p if p.is_absolute() else (base / p)


def quiz_slugs() -> list[str]:
    return [quiz.quiz_slug(t) for t in quiz.topics(LAYOUT.quizzes)]


def select(catalogue: cat.Catalogue, slugs: list[str]) -> list[str]:
    """What to grade, exercises in catalogue order then quizzes; UsageError for an unknown or unwritten one."""
    written = [ex.slug for ex in catalogue.ready if LAYOUT.grader(ex.slug).is_file()]
    gradable = written + quiz_slugs()
    if not slugs:
        if not gradable:
            raise UsageError("no exercise is ready to grade")
        return gradable
    for slug in slugs:
        if slug in gradable:
            continue
        if slug in catalogue.slugs:
            raise UsageError(f"exercise {slug!r} is in the catalogue but not written yet")
        close = difflib.get_close_matches(slug, catalogue.slugs + quiz_slugs(), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see python -m grading --list"
        raise UsageError(f"no exercise named {slug!r}{hint}")
    order = {s: i for i, s in enumerate(gradable)}
    return sorted(set(slugs), key=order.__getitem__)


def titles(catalogue: cat.Catalogue) -> dict[str, str]:
    return {**catalogue.titles, **{quiz.quiz_slug(q.topic): q.title for q in quiz.load_all(LAYOUT.quizzes)}}


def print_list(catalogue: cat.Catalogue, topic: str | None = None, difficulty: int | None = None) -> int:
    """The catalogue (exercises, then quizzes), filtered by topic and difficulty; the exit status."""
    topics = sorted({ex.topic for ex in catalogue.exercises} | {"quiz"})
    if topic is not None and topic not in topics:
        print(f"python -m grading: error: --topic: expected one of {', '.join(topics)}, got {topic!r}", file=sys.stderr)
        return EXIT_USAGE
    for ex in catalogue.exercises:
        if (topic and ex.topic != topic) or (difficulty and ex.difficulty != difficulty):
            continue
        mark = "ready  " if ex.ready else "planned"
        print(f"{mark}  {ex.slug:<22} {ex.topic:<12} {'*' * ex.difficulty:<3}  {ex.title}")
    quizzes = quiz.load_all(LAYOUT.quizzes)
    for q in quizzes:
        if (topic and topic not in ("quiz", q.topic)) or difficulty:
            continue
        print(f"quiz     {quiz.quiz_slug(q.topic):<22} {q.topic:<12} {len(q.items):>3} items  {q.title}")
    print(
        f"\n{len(catalogue.ready)} of {len(catalogue.exercises)} exercises ready; {len(quizzes)} concept quizzes "
        f"({sum(len(q.items) for q in quizzes)} items: python -m grading quiz)"
    )
    return EXIT_PASSED


@dataclass
class Plan:
    """A grading run as the command line asked for it."""

    slugs: list[str]
    target: Path
    results: Path
    gradescope: Path | None
    junit: Path | None
    jobs: int
    worker: str  # "persistent", "run" or "fresh"
    quiet: bool
    detail: bool
    again: str  # the command that grades one exercise the same way (for "details:")
    verbose: bool = False
    min_score: float | None = None  # percent


def _cannot_write(path: Path) -> str | None:
    """Why ``path`` cannot take a results file, or None (checked before grading, not after)."""
    if path.is_dir():
        return "it is a folder"
    if path.exists():
        return None if os.access(path, os.W_OK) else "it cannot be written"
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        return f"{parent} is not a folder"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"{parent} cannot be written"
    return None


def plan(args: argparse.Namespace, catalogue: cat.Catalogue) -> Plan:
    base = Path(args.invoked_from) if args.invoked_from else Path.cwd()
    try:
        target = resolve_target(args.target or "exercises", base)
    except TargetError as exc:
        raise UsageError(str(exc)) from None
    slugs = select(catalogue, args.slugs)
    options = []
    if args.target is not None:
        options += ["--target", args.target]
    if args.results is not None:
        options += ["--results", args.results]
    again = args.invoked_as + (" " + shlex.join(options) if options else "")
    jobs = args.jobs or default_jobs()
    worker = args.worker
    if worker == "auto":
        # The learner's own exercises/ may use the persistent warm worker (kept between runs); a student's
        # folder, the solutions and CI get a worker of their own that ends with the run.
        worker = "persistent" if target == LAYOUT.exercises.resolve() else "run"
    if args.min_score is not None and not 0 <= args.min_score <= 100:
        raise UsageError(f"--min-score: expected a percentage from 0 to 100, got {args.min_score:g}")
    results = _resolve(args.results, base) if args.results else LAYOUT.default_results
    gradescope = _resolve(args.gradescope, base) if args.gradescope else None
    junit = _resolve(args.junit, base) if args.junit else None
    for option, path in (("--results", results), ("--gradescope", gradescope), ("--junit", junit)):
        why = _cannot_write(path) if path is not None else None
        if why:
            raise UsageError(f"{option}: expected a file that can be written, got {str(path)!r}: {why}")
    return Plan(
        slugs=slugs,
        target=target,
        results=results,
        gradescope=gradescope,
        junit=junit,
        jobs=max(1, min(jobs, len(slugs))),
        worker=worker,
        quiet=args.quiet,
        detail=args.verbose or len(slugs) <= 2,
        again=again,
        verbose=args.verbose,
        min_score=args.min_score,
    )


def grade(
    p: Plan, catalogue: cat.Catalogue, *, session: GradingSession | None = None, slugs: list[str] | None = None
) -> int:
    """Grade, write the results, print the scoreboard; return the exit status.

    ``session``: an open grading session to use (watch mode keeps one); ``slugs``: grade these, not p.slugs.
    """
    slugs = slugs or p.slugs
    label = _label(p.target)
    style = Style.for_stream(sys.stdout)
    if not p.quiet:
        n = len(slugs)
        print(f"Grading {n} exercise{'s' if n != 1 else ''} from {label} ({p.jobs} at a time)", flush=True)
    done: dict[str, ExerciseResult] = {}
    t0 = time.monotonic()

    def progress(slug: str, _target: Path, res: ExerciseResult) -> None:
        done[slug] = res
        if p.quiet:
            return
        line = (
            f"  [{len(done)}/{len(slugs)}] {slug} {res.points:g}/{res.max_points:g} {res.status} ({res.seconds:.1f} s)"
        )
        if style.terminal:  # one line, rewritten in place
            end = "\n" if len(done) == len(slugs) else ""
            print(f"\r\033[K{line}", end=end, flush=True)
        else:
            print(line, flush=True)

    try:
        if session is not None:
            ordered = session.grade([(slug, p.target) for slug in slugs], on_result=progress)
        else:
            limits = Limits(fast_hangs=p.target == LAYOUT.exercises.resolve())
            with GradingSession(p.jobs, limits=limits, worker=p.worker) as own:
                ordered = own.grade([(slug, p.target) for slug in slugs], on_result=progress)
    except KeyboardInterrupt:
        print("\ninterrupted; results so far are written", file=sys.stderr)
        partial = [done[s] for s in slugs if s in done]
        write_json(p.results, results_document(p.target, partial, titles(catalogue)))
        return EXIT_INTERRUPTED
    failed_writes = []
    writes = [(p.results, lambda path: write_json(path, results_document(p.target, ordered, titles(catalogue))))]
    if p.gradescope:
        seconds = time.monotonic() - t0
        writes.append(
            (p.gradescope, lambda path: write_json(path, gradescope_document(ordered, execution_time=seconds)))
        )
    if p.junit:
        writes.append((p.junit, lambda path: write_junit(path, ordered)))
    for path, write in writes:
        try:
            write(path)
        except OSError as exc:
            failed_writes.append(f"could not write {path}: {exc}")
    nxt = None
    if p.target == LAYOUT.exercises.resolve():  # the learner's own work: remember it
        entries = record_run(p.target, ordered).of(p.target)
        nxt = next_up(catalogue, entries, after=slugs[-1])
    scoreboard(
        ordered,
        catalogue,
        target_label=label,
        results_label=_label(p.results),
        detail=p.detail,
        out=sys.stdout,
        details_command=p.again,
        verbose=p.verbose,
        known_mistakes=load_mistakes(),
        next_up=nxt,
    )
    if not p.quiet:
        print(f"({time.monotonic() - t0:.1f} s)")
    if failed_writes:
        for line in failed_writes:
            print(f"python -m grading: engine error: {line}", file=sys.stderr)
        return EXIT_ENGINE
    if p.min_score is not None:
        points, max_points = sum(r.points for r in ordered), sum(r.max_points for r in ordered)
        share = 100 * points / max_points if max_points else 0.0
        print(f"Score {share:.1f} % against --min-score {p.min_score:g} %", file=sys.stderr)
        return EXIT_PASSED if share >= p.min_score else EXIT_FAILED
    passed = all(r.tests for r in ordered) and all(
        t.outcome in (Outcome.PASSED, Outcome.SKIPPED) for r in ordered for t in r.tests
    )
    return EXIT_PASSED if passed else EXIT_FAILED


SUBCOMMANDS = {
    "quiz": lambda argv: quiz.main(argv),
    "status": lambda argv: learner.status_main(argv),
    "hint": lambda argv: learner.hint_main(argv),
    "watch": lambda argv: learner.watch_main(argv),
    "class": lambda argv: __import__("grading.classroom", fromlist=["main"]).main(argv),
}


def _readable_output() -> None:
    """Never fail on a character the console cannot show (a GBK or ASCII console): replace it."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _readable_output()
    try:
        if argv[:1] and argv[0] in SUBCOMMANDS:
            return SUBCOMMANDS[argv[0]](argv[1:])
        return _main(argv)
    except BrokenPipeError:  # the reader of our output went away (| head): nothing left to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED


def _main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    catalogue = cat.load()
    if args.list:
        return print_list(catalogue, args.topic, args.difficulty)
    if args.schema:
        print(json.dumps(RESULTS_SCHEMA, indent=2))
        return EXIT_PASSED
    try:
        p = plan(args, catalogue)
    except UsageError as exc:
        print(f"python -m grading: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    sandbox.not_dumpable()  # the learner's processes cannot open this one's /proc files (fds, memory)
    try:
        return grade(p, catalogue)
    except BrokenPipeError:
        raise
    except Exception:  # noqa: BLE001 - an engine fault: say so, with its own status
        import traceback

        traceback.print_exc()
        print("python -m grading: engine error (above); the results may be incomplete", file=sys.stderr)
        return EXIT_ENGINE


def _label(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
