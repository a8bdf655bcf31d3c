"""Grade one exercise in a test process of its own, watched from outside.

Why a process per exercise, watched from here:

* pytest-timeout's ``signal`` method fails a hung test and lets the run go on, but it cannot interrupt C
  code that holds the GIL or a deadlock inside C. The watchdog below kills the process group when a test
  outlives its timeout (plus a grace period) and scores that test "timeout".
* A test that crashes the process (segfault, ``os._exit``, a killed hang) leaves a "start" record with no
  "result": that test is scored "crashed" and a new process runs the tests not yet run.
* If the learner's module dies while being imported, every test of the exercise is lost (status "error").
* The exit status of pytest is never trusted: ``os._exit(0)`` exits 0 with nothing run. Only records
  count, compared with the collected tests; a collected test with no result did not pass.

Test processes come from a :class:`grading.worker.Launcher`: forked from the warm worker, or fresh.
"""

from __future__ import annotations

import secrets
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from grading.child import Request
from grading.integrity import FileGuard
from grading.layout import LAYOUT, Layout, module_in
from grading.records import RecordReader, RunRecords, TestInfo
from grading.schema import ExerciseResult, ExerciseStatus, Kind, Outcome, RecordEvent, TestResult
from grading.worker import FreshLauncher, Launcher, TestProcess


@dataclass
class Limits:
    """How long and how much a test process may take. Tests' own timeouts come from pytest-timeout."""

    grace: float = 3.0  # added to a test's timeout before the watchdog steps in
    grace_fraction: float = 0.25  # ... plus this fraction of the timeout
    collect_timeout: float = 120.0  # importing the grader and collecting its tests
    exit_timeout: float = 5.0  # after the last result, before a process that won't exit is killed
    max_restarts: int = 20  # new processes after crashes, per exercise
    # Wall-clock budget for one exercise: max(min_budget, budget_factor * the largest timeout seen so far),
    # plus fixture_timeout once a func_only test has run. A correct answer never comes near it; an answer
    # that hangs in every test stops here, and the tests it had no time for are scored "not run".
    min_budget: float = 120.0
    budget_factor: float = 3.0
    # A test whose timeout is func_only (pytest-timeout) is timed from the moment its timer is armed; its
    # set-up and teardown (building a 200,000-file tree on a slow disk) may take up to this long each.
    fixture_timeout: float = 300.0
    memory_bytes: int | None = 6 * 1024**3  # RLIMIT_DATA: an oversized allocation becomes MemoryError
    threads: int | None = None  # torch/OpenMP threads per test process; None leaves the default
    # A learner's own run: once a function of theirs has hung, its later tests fail at once ("hung in ...")
    # instead of each waiting out its timeout. Instructors' runs wait out every test.
    fast_hangs: bool = False


def describe_exit(returncode: int | None) -> str:
    if returncode is None:
        return "was still running"
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        meaning = {
            "SIGSEGV": " (segmentation fault)",
            "SIGABRT": " (aborted)",
            "SIGKILL": " (killed)",
            "SIGBUS": " (bus error)",
            "SIGFPE": " (arithmetic error)",
            "SIGXCPU": " (CPU time limit)",
        }.get(name, "")
        return f"was killed by {name}{meaning}"
    return f"exited with status {returncode}"


@dataclass
class _Stop:
    """Why the watchdog ended a test process (None fields: it ended by itself)."""

    reason: str | None = None  # "timeout" (a test), "fixture" (a func_only test's set-up or teardown),
    # "budget", "collect", "exit" (would not exit after its last result)
    nodeid: str | None = None
    after: float | None = None  # the limit that was passed, in seconds


@dataclass
class _Attempt:
    returncode: int | None
    stop: _Stop
    log_tail: str


@dataclass
class _Clock:
    """The watchdog's view of the test running now."""

    nodeid: str | None = None
    since: float = 0.0
    timeout: float | None = None  # set while pytest-timeout's timer runs for it
    func_only: bool = False
    largest_timeout: float = 0.0
    any_func_only: bool = False


def grade_exercise(
    slug: str,
    target: Path,
    *,
    limits: Limits | None = None,
    launcher: Launcher | None = None,
    layout: Layout = LAYOUT,
    graders: Path | None = None,
    known_tests: Sequence[TestInfo] | None = None,
    extra_args: Sequence[str] = (),
    files: FileGuard | None = None,
    only: Sequence[str] | None = None,
) -> ExerciseResult:
    """Run the grader of ``slug`` against ``target/slug/slug.py`` and score it from the records.

    Args:
        slug (str): the exercise.
        target (Path): the folder graded (laid out like ``exercises/``).
        limits (Limits): timeouts and resources; the defaults suit the kata.
        launcher (Launcher): where test processes come from (default: a fresh interpreter each).
        layout (Layout): the copy of the kata whose grader runs.
        graders (Path): another graders folder (the engine's own tests use toy graders).
        known_tests (sequence of TestInfo): the grader's tests, when known without running it
            (grading.collection); a missing exercise is then scored without starting a process.
        extra_args (sequence of str): more pytest arguments.
        files (FileGuard): the grading files to check after every test process (default: this exercise's
            grader and fixtures, the helpers, the engine and pyproject.toml, as they are now).
        only (sequence of str): run only these node ids of the grader (the others are not scored).

    Returns:
        ExerciseResult: every collected test with its outcome and points.
    """
    started = time.monotonic()
    module_file = module_in(target, slug)
    if known_tests is not None and not module_file.is_file():
        records = RunRecords(collected={t.nodeid: t for t in known_tests})
        return _score(slug, module_file, records, {}, "", time.monotonic() - started)
    own_launcher = launcher is None
    launcher = launcher or FreshLauncher()
    grader = (graders or layout.graders) / f"test_{slug}.py"
    files = files or FileGuard(grading_files(layout, [grader, layout.fixtures(slug)]), layout.root)
    try:
        with tempfile.TemporaryDirectory(prefix=f"kata-{slug}-") as tmp:
            run = _ExerciseRun(
                slug=slug,
                target=target,
                grader=grader,
                layout=layout,
                limits=limits or Limits(),
                launcher=launcher,
                tmp=Path(tmp),
                started=started,
                extra_args=tuple(extra_args),
                files=files,
            )
            run.grade(list(only) if only is not None else None)
            return _score(slug, module_file, run.reader.records, run.stopped, run.note, time.monotonic() - started)
    finally:
        if own_launcher:
            launcher.close()


@dataclass
class _ExerciseRun:
    slug: str
    target: Path
    grader: Path
    layout: Layout
    limits: Limits
    launcher: Launcher
    tmp: Path
    started: float
    extra_args: tuple[str, ...]
    files: FileGuard
    nonce: str = field(default_factory=lambda: secrets.token_hex(16))
    stopped: dict[str, tuple[Outcome, str]] = field(default_factory=dict)  # decided here, not by pytest
    note: str = ""
    clock: _Clock = field(default_factory=_Clock)

    def __post_init__(self) -> None:
        self.reader = RecordReader(self.tmp / "records.jsonl", self.nonce)
        self.log = self.tmp / "output.log"

    def grade(self, remaining: list[str] | None = None) -> None:
        """Run test processes until every collected test has a result or the limits say stop.

        ``remaining``: the node ids to run (None: the whole grader file)."""
        for attempt in range(self.limits.max_restarts + 1):
            starts_before = len(self.reader.records.started)
            run = self._attempt(remaining)
            rec = self.reader.records
            self._check_files()
            if not rec.collected:
                self.note = f"the grader could not be collected: the test process {describe_exit(run.returncode)}"
                self.note += f"\n{run.log_tail}" if run.log_tail else ""
                return
            self._settle_in_flight(rec.in_flight(since=starts_before), run)
            if rec.import_error is not None:
                return
            remaining = [n for n in rec.collected if n not in rec.results and n not in self.stopped]
            if run.stop.reason == "budget":
                why = f"grading this exercise ran out of time ({self._budget():.0f} s; see the timeouts)"
                self.stopped.update({n: (Outcome.FAILED, f"not run: {why}") for n in remaining})
                self.note = why
                return
            if not remaining:
                return
            if attempt == self.limits.max_restarts:
                why = f"not run: the test process ended early {attempt + 1} times"
                self.stopped.update({n: (Outcome.FAILED, why) for n in remaining})
                self.note = why.removeprefix("not run: ")

    def _check_files(self) -> None:
        """Grading files changed on disk while the learner's code ran: put them back, and say so."""
        changed = self.files.changed()
        if changed:
            self.files.restore(changed)
            self.reader.records.tampered.append(
                f"tampered: grading files changed on disk while this exercise was graded "
                f"({self.files.describe(changed)}); they were put back"
            )

    def _settle_in_flight(self, in_flight: str | None, run: _Attempt) -> None:
        """Score the test that was running when the process ended, if it left no result."""
        rec = self.reader.records
        if rec.import_crashed:
            stuck = run.stop.reason in ("timeout", "fixture")
            what = "timed out and was stopped" if stuck else describe_exit(run.returncode)
            rec.import_error = f"the test process {what} during the import"
            if in_flight is not None and run.stop.reason != "budget":
                self.stopped[in_flight] = (Outcome.TIMEOUT if stuck else Outcome.CRASHED, rec.import_error)
        if in_flight is None or in_flight in self.stopped:
            return
        if rec.memory is not None:
            used, limit = rec.memory
            rec.memory = None
            self.stopped[in_flight] = (
                Outcome.CRASHED,
                f"stopped: its processes used {used / 2**30:.1f} GiB of memory, more than the {limit / 2**30:g} GiB "
                "allowed (all processes of the test counted together)",
            )
        elif run.stop.reason == "budget":
            self.stopped[in_flight] = (
                Outcome.FAILED,
                "stopped: grading this exercise ran out of time (see the timeouts)",
            )
        elif run.stop.reason == "timeout" and run.stop.nodeid == in_flight:
            self.stopped[in_flight] = (
                Outcome.TIMEOUT,
                f"timed out after {run.stop.after:g} s and was stopped from outside "
                "(stuck where Python cannot interrupt it: a loop inside C code, or a deadlock)",
            )
        elif run.stop.reason == "fixture" and run.stop.nodeid == in_flight:
            self.stopped[in_flight] = (
                Outcome.TIMEOUT,
                f"its set-up or teardown took more than {run.stop.after:g} s and was stopped from outside",
            )
        else:
            self.stopped[in_flight] = (
                Outcome.CRASHED,
                f"the test process {describe_exit(run.returncode)} during this test",
            )

    def _request(self, remaining: list[str] | None) -> Request:
        args = [
            str(self.grader),
            "-p", "pytest_timeout",
            "-p", "grading.pytest_plugin",
            "--target", str(self.target),
            "-q", "--no-header", "--color=no", "-p", "no:cacheprovider",
            "--rootdir", str(self.layout.root), "-c", str(self.layout.pyproject),
            *self.extra_args,
        ]  # fmt: skip
        return Request(
            args=args,
            cwd=str(self.layout.root),
            log=str(self.log),
            records=str(self.reader.path),
            nonce=self.nonce,
            only=remaining,
            threads=self.limits.threads,
            memory_bytes=self.limits.memory_bytes,
            fast_hangs=self.limits.fast_hangs,
        )

    def _attempt(self, remaining: list[str] | None) -> _Attempt:
        proc = self.launcher.start(self._request(remaining))
        try:
            stop = self._watch(proc)
        except BaseException:
            proc.kill()
            raise
        # whatever is left of the process group (the learner's workers, deadlocked threads) goes too
        proc.kill()
        self.reader.poll()
        return _Attempt(proc.poll(), stop, _tail(self.log, 2000))

    def _budget(self) -> float:
        c = self.clock
        fixtures = self.limits.fixture_timeout if c.any_func_only else 0.0
        return max(self.limits.min_budget, self.limits.budget_factor * c.largest_timeout) + fixtures

    def _follow(self, rec: dict, now: float) -> None:
        """Move the watchdog's clock along with one record."""
        c, event, nodeid = self.clock, rec.get("event"), rec.get("nodeid")
        if event == RecordEvent.START:
            c.nodeid, c.since, c.timeout, c.func_only = nodeid, now, None, False
        elif event == RecordEvent.TIMER and nodeid == c.nodeid:
            timeout = float(rec.get("timeout") or 0) or None
            c.since, c.timeout, c.func_only = now, timeout, bool(rec.get("func_only"))
            c.largest_timeout = max(c.largest_timeout, timeout or 0.0)
            c.any_func_only = c.any_func_only or c.func_only
        elif event == RecordEvent.CALLED and nodeid == c.nodeid and c.func_only:
            c.since, c.timeout = now, None  # teardown: back to the fixture limit
        elif event == RecordEvent.RESULT and nodeid == c.nodeid:
            c.nodeid = None

    def _watch(self, proc: TestProcess) -> _Stop:
        """Poll the records until the process exits; kill it when a test outlives its timeout."""
        t0 = time.monotonic()
        self.clock = _Clock(largest_timeout=self.clock.largest_timeout, any_func_only=self.clock.any_func_only)
        done_since: float | None = None
        sleep = 0.005
        while True:
            returncode = proc.poll()
            now = time.monotonic()
            for rec in self.reader.poll():
                self._follow(rec, now)
                sleep = 0.005
            if returncode is not None:
                return _Stop()
            rec, c = self.reader.records, self.clock
            if rec.collected and now > self.started + self._budget():
                stop = _Stop("budget", c.nodeid)
            elif rec.finished or (rec.collected and all(n in rec.results for n in rec.collected)):
                done_since = done_since or now
                stop = _Stop("exit") if now - done_since > self.limits.exit_timeout else None
            elif not rec.collected and now - t0 > self.limits.collect_timeout:
                stop = _Stop("collect")
            elif c.nodeid is not None and c.timeout is not None:
                allowed = c.timeout * (1 + self.limits.grace_fraction) + self.limits.grace
                stop = _Stop("timeout", c.nodeid, c.timeout) if now - c.since > allowed else None
            elif c.nodeid is not None and now - c.since > self.limits.fixture_timeout:
                stop = _Stop("fixture", c.nodeid, self.limits.fixture_timeout)
            else:
                stop = None
            if stop is not None:
                proc.kill()
                return stop
            proc.wait(sleep)
            sleep = min(sleep * 1.5, 0.1)


def _tail(path: Path, limit: int) -> str:
    """The last ``limit`` characters of a log, read from its end (a log may be huge)."""
    try:
        with open(path, "rb") as fh:
            fh.seek(0, 2)
            size = fh.tell()
            fh.seek(max(0, size - 4 * limit))
            return fh.read().decode("utf-8", "replace")[-limit:].strip()
    except OSError:
        return ""


def _score(slug, module_file: Path, rec: RunRecords, stopped, note, elapsed) -> ExerciseResult:
    missing = not module_file.is_file()
    import_failed = rec.import_error is not None
    tests: list[TestResult] = []
    for nodeid, info in rec.collected.items():
        result = rec.results.get(nodeid)
        if nodeid in stopped:
            outcome, message = stopped[nodeid]
        elif result is not None:
            outcome, message = result.outcome, result.message
        elif missing:
            outcome, message = Outcome.ERROR, f"missing: {module_file} does not exist"
        elif import_failed:
            outcome, message = Outcome.ERROR, f"not run: {rec.import_error}"
        else:
            outcome, message = Outcome.FAILED, "no result was recorded for this test (the process ended before it ran)"
        max_points = 0.0 if outcome == Outcome.SKIPPED else info.points
        points = max_points if outcome == Outcome.PASSED else 0.0
        tests.append(TestResult(nodeid, info.name, outcome, points, max_points, message, info.by_hand))
    tampered = [t.message for t in tests if t.outcome == Outcome.TAMPERED] + rec.tampered
    if tampered:
        # Tampering anywhere costs the whole exercise: no test's verdict can be trusted after it.
        for t in tests:
            t.points = 0.0
        return ExerciseResult(slug, ExerciseStatus.TAMPERED, tests, elapsed, tampered[0])
    if missing:
        status = ExerciseStatus.MISSING
    elif import_failed or not rec.collected:
        status = ExerciseStatus.ERROR
        if import_failed:
            note = f"could not import {slug}/{slug}.py: {rec.import_error}"
    elif tests and all(t.outcome in (Outcome.PASSED, Outcome.SKIPPED) for t in tests):
        status = ExerciseStatus.PASSED
    else:
        status = ExerciseStatus.FAILED
    return ExerciseResult(slug, status, tests, elapsed, note)


def grading_files(layout: Layout, extra: Sequence[Path] = ()) -> list[Path]:
    """What grades: the graders' helpers, the engine, pyproject.toml, the catalogue, the quizzes, and ``extra``."""
    return [layout.helpers, PROJECT_ENGINE, layout.pyproject, layout.catalogue, layout.quizzes, *extra]


PROJECT_ENGINE = Path(__file__).resolve().parent


class GradingSession:
    """Grades many exercises, ``jobs`` at a time, with one launcher shared by all of them.

    Use it as a context manager: the warm worker starts on entry (while the caller does other work) and
    stops on exit, killing whatever it still runs.

    Args:
        jobs (int): exercises graded at once; with more than one, each test process gets one torch thread.
        limits (Limits): as for :func:`grade_exercise` (``threads`` is set from ``jobs``).
        layout (Layout): the copy of the kata whose graders run.
        launcher (Launcher): where test processes come from (default: grading.worker.make_launcher()).
        worker (str): with the default launcher: ``"persistent"`` (the learner's warm worker kept between runs),
            ``"run"`` (a warm worker for this session only) or ``"fresh"`` (a new interpreter per exercise).
    """

    def __init__(
        self,
        jobs: int,
        limits: Limits | None = None,
        layout: Layout = LAYOUT,
        launcher: Launcher | None = None,
        worker: str = "run",
    ) -> None:
        from grading.worker import make_launcher

        self.jobs = max(1, jobs)
        self.limits = limits or Limits()
        if self.jobs > 1 and self.limits.threads is None:
            self.limits.threads = 1
        self.layout = layout
        self.launcher = launcher or make_launcher(threads=self.limits.threads, kind=worker)
        # Taken once, before any learner code runs; checked after every test process of every exercise.
        self.files = FileGuard(grading_files(layout, [layout.graders]), layout.root)

    def __enter__(self) -> GradingSession:
        return self

    def __exit__(self, *exc) -> None:
        self.launcher.close()

    def grade(
        self, work: Sequence[tuple[str, Path]], on_result: Callable[[str, Path, ExerciseResult], None] | None = None
    ) -> list[ExerciseResult]:
        """Grade each ``(slug, target)`` pair; results in the order of ``work``.

        A pair may carry a third item, the node ids to run (``(slug, target, node_ids)``): only those tests
        are run and scored. Exercises missing from their target are scored from the graders' known tests
        without a process.
        """
        from grading import quiz
        from grading.collection import known_tests, last_durations, remember_durations

        quizzes = (
            {q.topic: q for q in quiz.load_all(self.layout.quizzes)} if any(quiz.topic_of(w[0]) for w in work) else {}
        )
        missing = sorted({w[0] for w in work if not quiz.topic_of(w[0]) and not module_in(w[1], w[0]).is_file()})
        known = known_tests(missing, self.launcher, self.layout) if missing else {}
        lock = threading.Lock()
        # Longest first (as last measured; unknown ones first of all): the run ends when its slowest
        # exercise does, so that one should not start last.
        durations = last_durations(self.layout)
        order = sorted(range(len(work)), key=lambda i: -durations.get(work[i][0], float("inf")))

        def one(item: tuple) -> ExerciseResult:
            slug, target, *rest = item
            topic = quiz.topic_of(slug)
            if topic is not None:  # a quiz: read its answers file, no test process
                t0 = time.monotonic()
                graded = quiz.grade(quizzes[topic], quiz.answers_path(target, topic))
                result = graded.to_result(time.monotonic() - t0)
                if on_result is not None:
                    with lock:
                        on_result(slug, target, result)
                return result
            result = grade_exercise(
                slug,
                target,
                limits=self.limits,
                launcher=self.launcher,
                layout=self.layout,
                known_tests=known.get(slug),
                files=self.files,
                only=rest[0] if rest else None,
            )
            if on_result is not None:
                with lock:
                    on_result(slug, target, result)
            return result

        pool = ThreadPoolExecutor(max_workers=min(self.jobs, max(1, len(work))))
        try:
            done = dict(zip(order, pool.map(one, [work[i] for i in order]), strict=True))
        except BaseException:
            # Ctrl-C or a fault: do not wait for the exercises still running; closing the launcher (the
            # caller's with-block) kills their test processes, which ends their threads.
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()
        results = [done[i] for i in range(len(work))]
        graded = {
            w[0]: r.seconds
            for w, r in zip(work, results, strict=True)
            if r.status != ExerciseStatus.MISSING and r.kind == Kind.EXERCISE and len(w) == 2
        }
        remember_durations(graded, self.layout)
        return results
