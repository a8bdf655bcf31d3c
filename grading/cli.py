"""Command line: ``python -m grading [SLUG ...] [--target DIR] [--results PATH] [-j N] [-v]``.

Grades the selected exercises (all ready ones by default) of a target folder, prints a scoreboard and
writes ``.kata/results.json``. Exit status: 0 when every selected test passed, 1 otherwise, 2 for a usage
error (unknown exercise, no such folder). ``python -m grading --list`` prints the catalogue.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from grading import catalogue as cat
from grading.report import gradescope_document, results_document, scoreboard, write_json
from grading.runner import GRADERS, PROJECT_ROOT, ExerciseResult, Limits, grade_exercise


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m grading",
        description="Grade kata exercises and print a scoreboard.",
    )
    p.add_argument("slugs", nargs="*", metavar="SLUG", help="exercises to grade (default: all that are ready)")
    p.add_argument(
        "--target",
        default="exercises",
        help="folder holding <slug>/<slug>.py: exercises (default), solutions, or a student's folder",
    )
    p.add_argument("--results", default=None, help="where to write results.json (default: .kata/results.json)")
    p.add_argument(
        "--gradescope", default=None, metavar="PATH", help="also write Gradescope's results.json format to PATH"
    )
    p.add_argument(
        "-j", "--jobs", type=int, default=None, help="exercises graded at once (default: the number of CPUs, at most 4)"
    )
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="show every failing test's message (the default when grading one or two exercises)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="print only the scoreboard")
    p.add_argument("--list", action="store_true", help="list the catalogue and exit")
    p.add_argument("--invoked-from", default=None, help=argparse.SUPPRESS)
    return p


def _resolve(path: str, base: Path) -> Path:
    p = Path(path).expanduser()
    return p if p.is_absolute() else (base / p)


def _target(value: str, base: Path) -> Path:
    for root in (base, PROJECT_ROOT):
        candidate = _resolve(value, root).resolve()
        if candidate.is_dir():
            return candidate
    raise SystemExit(
        _usage(
            f"--target: expected a folder laid out like exercises/ (<slug>/<slug>.py), "
            f"got {value!r}, which is not a folder"
        )
    )


def _usage(message: str) -> int:
    print(f"python -m grading: error: {message}", file=sys.stderr)
    return 2


def _select(catalogue: cat.Catalogue, slugs: list[str]) -> list[str]:
    written = [ex.slug for ex in catalogue.exercises if (GRADERS / f"test_{ex.slug}.py").is_file()]
    if not slugs:
        return [ex.slug for ex in catalogue.ready if ex.slug in written]
    chosen = []
    for slug in slugs:
        if slug in written:
            if slug not in chosen:
                chosen.append(slug)
            continue
        if slug in catalogue.slugs:
            raise SystemExit(_usage(f"exercise {slug!r} is in the catalogue but not written yet"))
        close = difflib.get_close_matches(slug, catalogue.slugs, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see python -m grading --list"
        raise SystemExit(_usage(f"no exercise named {slug!r}{hint}"))
    order = {s: i for i, s in enumerate(catalogue.slugs)}
    return sorted(chosen, key=order.__getitem__)


def print_list(catalogue: cat.Catalogue) -> None:
    for ex in catalogue.exercises:
        mark = "ready  " if ex.ready else "planned"
        print(f"{mark}  {ex.slug:<22} {ex.topic:<12} {'*' * ex.difficulty:<3}  {ex.title}")
    print(
        f"\n{len(catalogue.ready)} of {len(catalogue.exercises)} exercises ready; "
        f"{len(catalogue.no_code)} questions from the notes have no code (see catalogue.toml)"
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    base = Path(args.invoked_from) if args.invoked_from else Path.cwd()
    catalogue = cat.load()
    if args.list:
        print_list(catalogue)
        return 0
    try:
        target = _target(args.target, base)
        slugs = _select(catalogue, args.slugs)
    except SystemExit as exc:
        return int(exc.code)
    if not slugs:
        return _usage("no exercise is ready to grade")
    results_path = _resolve(args.results, base) if args.results else PROJECT_ROOT / ".kata" / "results.json"
    jobs = args.jobs or min(4, os.cpu_count() or 1)
    jobs = max(1, min(jobs, len(slugs)))
    limits = Limits(threads=1 if jobs > 1 else None)
    label = _label(target)
    if not args.quiet:
        print(
            f"Grading {len(slugs)} exercise{'s' if len(slugs) != 1 else ''} from {label} ({jobs} at a time)", flush=True
        )

    results: dict[str, ExerciseResult] = {}
    t0 = time.monotonic()

    def run(slug: str) -> ExerciseResult:
        res = grade_exercise(slug, target, limits=limits)
        results[slug] = res
        if not args.quiet:
            print(
                f"  [{len(results)}/{len(slugs)}] {slug} {res.points:g}/{res.max_points:g} "
                f"{res.status} ({res.seconds:.1f} s)",
                flush=True,
            )
        return res

    try:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(run, slugs))
    except KeyboardInterrupt:
        print("\ninterrupted; results so far are written", file=sys.stderr)
        ordered = [results[s] for s in slugs if s in results]
        write_json(results_path, results_document(target, ordered, catalogue))
        return 130
    ordered = [results[s] for s in slugs]
    write_json(results_path, results_document(target, ordered, catalogue))
    if args.gradescope:
        write_json(_resolve(args.gradescope, base), gradescope_document(ordered))
    scoreboard(
        ordered,
        catalogue,
        target_label=label,
        results_path=_label(results_path),
        detail=args.verbose or len(slugs) <= 2,
        out=sys.stdout,
    )
    if not args.quiet:
        print(f"({time.monotonic() - t0:.1f} s)")
    everything_passed = all(t.outcome in ("passed", "skipped") for r in ordered for t in r.tests) and all(
        r.tests for r in ordered
    )
    return 0 if everything_passed else 1


def _label(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
