"""The learner's loop around grading: ``status``, ``hint`` and ``watch``.

    python -m grading status [--target DIR]        the catalogue with your progress, instantly, no grading
    python -m grading hint SLUG                    the exercise's next hint (remembered: ask again for more)
    python -m grading watch [SLUG ...] [--target DIR]
                                                   regrade whenever a file of the target changes

Progress comes from grading.progress; ``watch`` keeps one grading session (and so one warm worker) for its
whole life, so a regrade after saving costs the tests' own time, not a start of Python and torch.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import time
from pathlib import Path
from typing import TextIO

from grading import catalogue as cat
from grading import progress as prog
from grading import quiz
from grading.layout import LAYOUT, TargetError, resolve_target
from grading.report import NextUp, Style

DONE, STARTED, NOT_STARTED = "done", "in progress", "not started"


def _order(catalogue: cat.Catalogue) -> list[tuple[str, str, str, int]]:
    """(slug, title, topic, difficulty) of everything a learner does, in learning order: exercises, quizzes."""
    rows = [(ex.slug, ex.title, ex.topic, ex.difficulty) for ex in catalogue.ready]
    rows += [(quiz.quiz_slug(q.topic), q.title, "quiz", 0) for q in quiz.load_all(LAYOUT.quizzes)]
    return rows


def next_up(catalogue: cat.Catalogue, entries: dict[str, prog.Entry], after: str | None = None) -> NextUp | None:
    """The first exercise (then quiz) in catalogue order not yet passed, after ``after`` if given."""
    rows = _order(catalogue)
    slugs = [r[0] for r in rows]
    start = slugs.index(after) + 1 if after in slugs else 0
    for slug, title, _topic, _difficulty in rows[start:] + rows[:start]:
        entry = entries.get(slug)
        if entry is None or not entry.done:
            ex = catalogue.get(slug) if slug in catalogue.slugs else None
            return NextUp(slug, title, ex.hints[0] if ex and ex.hints else None)
    return None


def status_board(catalogue: cat.Catalogue, entries: dict[str, prog.Entry], target_label: str, out: TextIO) -> None:
    style = Style.for_stream(out)
    rows = _order(catalogue)
    state = {}
    for slug, *_ in rows:
        e = entries.get(slug)
        state[slug] = DONE if e and e.done else STARTED if e and e.started else NOT_STARTED
    counts = {k: sum(v == k for v in state.values()) for k in (DONE, STARTED, NOT_STARTED)}
    print(
        f"Progress in {target_label}: {counts[DONE]} done, {counts[STARTED]} in progress, "
        f"{counts[NOT_STARTED]} not started (of {len(rows)})",
        file=out,
    )
    colors = {DONE: "32", STARTED: "33", NOT_STARTED: "2"}
    for slug, title, topic, difficulty in rows:
        e = entries.get(slug)
        score = ""
        if e and e.attempts:
            score = f"{e.last:g}/{e.max:g}"
            if e.best != e.last:
                score += f" (best {e.best:g})"
            score += f", {e.attempts} attempt{'s' if e.attempts != 1 else ''}, last {e.last_at[:16].replace('T', ' ')}"
        stars = "*" * difficulty
        line = f"  {state[slug]:<11}  {slug:<22} {topic:<12} {stars:<4} {title}"
        print(style.paint(line, colors[state[slug]]) + (f"  [{score}]" if score else ""), file=out)
    nxt = next_up(catalogue, entries)
    if nxt is None:
        print("Everything is done. Well done.", file=out)
    else:
        print(f"Next: {nxt.slug} ({nxt.title})", file=out)
        if nxt.slug.startswith(quiz.QUIZ_PREFIX):
            print(f"  answer it: python -m grading quiz {nxt.slug.removeprefix(quiz.QUIZ_PREFIX)}", file=out)
        else:
            print(f"  grade it: python -m grading {nxt.slug}   a hint: python -m grading hint {nxt.slug}", file=out)


def _target(value: str | None, invoked_from: str | None) -> Path:
    base = Path(invoked_from) if invoked_from else Path.cwd()
    return resolve_target(value or "exercises", base)


def status_main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m grading status", description="Your progress, without grading.")
    p.add_argument("--target", default=None, help="the folder whose progress to show (default: exercises)")
    p.add_argument("--invoked-from", default=None, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    try:
        target = _target(args.target, args.invoked_from)
    except TargetError as exc:
        print(f"python -m grading status: error: {exc}", file=sys.stderr)
        return 2
    entries = prog.load().of(target)
    status_board(cat.load(), entries, _label(target), sys.stdout)
    return 0


def hint_main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m grading hint", description="The next hint for an exercise.")
    p.add_argument("slug", metavar="SLUG")
    p.add_argument("--invoked-from", default=None, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    catalogue = cat.load()
    if args.slug not in catalogue.slugs:
        close = difflib.get_close_matches(args.slug, catalogue.slugs, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see python -m grading --list"
        print(f"python -m grading hint: error: no exercise named {args.slug!r}{hint}", file=sys.stderr)
        return 2
    hints = catalogue.get(args.slug).hints
    number, text = prog.next_hint(args.slug, hints)
    print(f"Hint {number} of {len(hints)} for {args.slug}: {text}")
    if number < len(hints):
        print(f"(ask again for the next one: python -m grading hint {args.slug})")
    else:
        print("(that was the last hint; the failing tests' messages say what is expected)")
    return 0


def _label(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def watch_main(argv: list[str]) -> int:
    """Grade, then regrade the exercises whose files change, until interrupted (Ctrl-C)."""
    from grading import cli

    p = argparse.ArgumentParser(
        prog="python -m grading watch", description="Regrade whenever a file of the target changes."
    )
    p.add_argument("slugs", nargs="*", metavar="SLUG", help="exercises to watch (default: every ready one)")
    p.add_argument("--target", default=None, help="the folder to watch (default: exercises)")
    p.add_argument("-v", "--verbose", action="store_true", help="every failing test's message")
    p.add_argument("--once", action="store_true", help=argparse.SUPPRESS)  # tests: stop after one regrade
    p.add_argument("--invoked-from", default=None, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    try:
        import watchfiles
    except ImportError:
        print("python -m grading watch: error: needs the watchfiles package (pip install watchfiles)", file=sys.stderr)
        return 2
    catalogue = cat.load()
    try:
        target = _target(args.target, args.invoked_from)
        slugs = cli.select(catalogue, args.slugs)
    except (TargetError, cli.UsageError) as exc:
        print(f"python -m grading watch: error: {exc}", file=sys.stderr)
        return 2
    watched = set(slugs)
    worker = "persistent" if target == LAYOUT.exercises.resolve() else "run"
    from grading.runner import GradingSession, Limits

    limits = Limits(fast_hangs=target == LAYOUT.exercises.resolve())
    with GradingSession(cli.default_jobs(), limits=limits, worker=worker) as session:
        plan = cli.Plan(
            slugs=slugs,
            target=target,
            results=LAYOUT.default_results,
            gradescope=None,
            junit=None,
            jobs=cli.default_jobs(),
            worker=worker,
            quiet=True,
            detail=True,
            again="python -m grading",
            verbose=args.verbose,
        )
        # The watcher starts before the first grading, so a file saved while it runs is not missed: events
        # wait in the watcher until the loop below asks for them.
        events = watchfiles.watch(target, debounce=300, step=50, rust_timeout=200, yield_on_timeout=True)
        next(events)
        print(f"Watching {_label(target)} ({len(watched)} exercises); Ctrl-C to stop.", flush=True)
        if args.slugs:
            cli.grade(plan, catalogue, session=session, slugs=slugs)
        try:
            for changes in events:
                changed = _changed_slugs(changes, target, watched)
                if not changed:
                    continue
                if Style.for_stream(sys.stdout).terminal:
                    print("\033[2J\033[H", end="")
                stamp = time.strftime("%H:%M:%S")
                print(f"[{stamp}] {', '.join(changed)} changed; regrading", flush=True)
                cli.grade(plan, catalogue, session=session, slugs=changed)
                if args.once:
                    return 0
        except KeyboardInterrupt:
            print("\nstopped watching", file=sys.stderr)
            return 0
    return 0


def _changed_slugs(changes, target: Path, watched: set[str]) -> list[str]:
    out = []
    for _change, path in changes:
        try:
            rel = Path(path).resolve().relative_to(target)
        except ValueError:
            continue
        if not rel.parts:
            continue
        top = rel.parts[0]
        slug = quiz.quiz_slug(Path(rel.parts[1]).stem) if top == "_quizzes" and len(rel.parts) > 1 else top
        if slug in watched and slug not in out and not rel.name.endswith((".pyc", "~")):
            out.append(slug)
    return sorted(out)
