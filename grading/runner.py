"""Grade one exercise in a separate pytest process, watched from outside.

Why a process per exercise, watched from here:

* pytest-timeout's ``signal`` method fails a hung test and lets the run go on, but it cannot interrupt C
  code that holds the GIL or a deadlock inside C. The watchdog below kills the process group when a test
  outlives its timeout (plus a grace period) and scores that test "timeout".
* A test that crashes the process (segfault, ``os._exit``, a killed hang) leaves a "start" record with no
  "result": that test is scored "crashed" and a new process runs the tests not yet run.
* If the learner's module dies while being imported, every test of the exercise is lost (status "error").
* The exit status of pytest is never trusted: ``os._exit(0)`` exits 0 with nothing run. Only records
  count, compared with the collected tests; a collected test with no result did not pass.
"""

from __future__ import annotations

import os
import resource
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from grading.records import (
    CRASHED,
    ERROR,
    FAILED,
    NONCE_ENV,
    ONLY_ENV,
    PASSED,
    PATH_ENV,
    TIMEOUT,
    RecordReader,
    RunRecords,
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
GRADERS = PROJECT_ROOT / "graders"
SKIPPED = "skipped"

# Exercise statuses
EX_PASSED, EX_FAILED, EX_MISSING, EX_ERROR = "passed", "failed", "missing", "error"


@dataclass
class Limits:
    """How long and how much the child may take."""

    default_timeout: float = 10.0  # when a test has none (pytest-timeout's ini value is used normally)
    grace: float = 3.0  # added to a test's timeout before the watchdog steps in
    grace_fraction: float = 0.25  # ... plus this fraction of the timeout
    collect_timeout: float = 120.0  # importing the grader and collecting its tests
    exit_timeout: float = 5.0  # after the last result, before a process that won't exit is killed
    max_restarts: int = 20  # new processes after crashes, per exercise
    # Wall-clock budget for one exercise: max(min_budget, budget_factor * its largest test timeout).
    # A correct answer never comes near it; an answer that hangs in every test stops here, and the
    # tests it had no time for are scored "not run".
    min_budget: float = 120.0
    budget_factor: float = 3.0
    # A test whose timeout is func_only (pytest-timeout) is timed from its "call" record; its set-up and
    # teardown (building a 200,000-file tree on a slow disk) may take up to this long each.
    fixture_timeout: float = 300.0
    memory_bytes: int | None = 6 * 1024**3  # RLIMIT_DATA: an oversized allocation becomes MemoryError
    threads: int | None = None  # OMP/MKL threads per child; None leaves the environment alone


@dataclass
class TestResult:
    nodeid: str
    name: str
    outcome: str
    points: float
    max_points: float
    message: str
    by_hand: bool = False


@dataclass
class ExerciseResult:
    slug: str
    status: str
    tests: list[TestResult] = field(default_factory=list)
    seconds: float = 0.0
    note: str = ""  # engine-level explanation (collection failed, crashed at import, ...)

    @property
    def points(self) -> float:
        return sum(t.points for t in self.tests)

    @property
    def max_points(self) -> float:
        return sum(t.max_points for t in self.tests)


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


def _set_limits(memory_bytes: int | None):
    def preexec() -> None:  # runs in the child between fork and exec
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if memory_bytes:
            soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
            cap = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
            resource.setrlimit(resource.RLIMIT_DATA, (cap, hard))

    return preexec


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:  # pragma: no cover - a zombie we cannot reap
        pass


@dataclass
class _Attempt:
    returncode: int | None
    killed_for: str | None  # "timeout" (a test), "fixture" (a func_only test's set-up or teardown), "budget",
    # "collect", "exit" (would not exit), or None
    killed_test: str | None
    killed_after: float | None
    log_tail: str


def grade_exercise(
    slug: str,
    target: Path,
    *,
    limits: Limits | None = None,
    python: str = sys.executable,
    graders: Path = GRADERS,
    extra_args: tuple[str, ...] = (),
) -> ExerciseResult:
    """Run ``graders/test_<slug>.py`` against ``target/<slug>/<slug>.py`` and score it from the records."""
    limits = limits or Limits()
    started = time.monotonic()
    grader = graders / f"test_{slug}.py"
    module_file = target / slug / f"{slug}.py"
    nonce = secrets.token_hex(16)
    with tempfile.TemporaryDirectory(prefix=f"kata-{slug}-") as tmp:
        reader = RecordReader(Path(tmp) / "records.jsonl", nonce)
        log = Path(tmp) / "output.log"
        stopped: dict[str, tuple[str, str]] = {}  # nodeid -> (outcome, message) decided here, not by pytest
        remaining: list[str] | None = None  # None: the whole grader file
        note = ""
        for attempt in range(limits.max_restarts + 1):
            starts_before = len(reader.records.started)
            run = _run_once(grader, remaining, target, reader, log, nonce, limits, python, extra_args, started)
            rec = reader.records
            if not rec.collected:
                note = f"the grader could not be collected: the pytest process {describe_exit(run.returncode)}"
                note += f"\n{run.log_tail}" if run.log_tail else ""
                break
            in_flight = rec.in_flight(since=starts_before)
            import_crashed = rec.import_started > rec.import_done and rec.import_error is None
            if import_crashed:
                stuck = run.killed_for in ("timeout", "fixture")
                what = "timed out and was stopped" if stuck else describe_exit(run.returncode)
                rec.import_error = f"the test process {what} during the import"
            if in_flight is not None and run.killed_for == "budget":
                stopped[in_flight] = (FAILED, "stopped: grading this exercise ran out of time (see the timeouts)")
            elif in_flight is not None and import_crashed:
                stopped[in_flight] = (TIMEOUT if stuck else CRASHED, rec.import_error)
            elif in_flight is not None:
                if run.killed_for == "timeout" and run.killed_test == in_flight:
                    stopped[in_flight] = (
                        TIMEOUT,
                        f"timed out after {run.killed_after:g} s and was stopped from outside "
                        "(stuck where Python cannot interrupt it: a loop inside C code, or a deadlock)",
                    )
                elif run.killed_for == "fixture" and run.killed_test == in_flight:
                    stopped[in_flight] = (
                        TIMEOUT,
                        f"its set-up or teardown took more than {run.killed_after:g} s and was stopped from outside",
                    )
                else:
                    stopped[in_flight] = (CRASHED, f"the test process {describe_exit(run.returncode)} during this test")
            if rec.import_error is not None:
                break
            remaining = [n for n in rec.collected if n not in rec.results and n not in stopped]
            if run.killed_for == "budget":
                why = f"grading this exercise ran out of time ({_budget(rec, limits):.0f} s; see the timeouts)"
                stopped.update({n: (FAILED, f"not run: {why}") for n in remaining})
                note = why
                break
            if not remaining:
                break
            if attempt == limits.max_restarts:
                why = f"not run: the test process ended early {attempt + 1} times"
                stopped.update({n: (FAILED, why) for n in remaining})
                note = why.removeprefix("not run: ")
    elapsed = time.monotonic() - started
    return _score(slug, module_file, reader.records, stopped, note, elapsed)


def _run_once(grader, remaining, target, reader, log, nonce, limits, python, extra_args, started) -> _Attempt:
    cmd = [
        python, "-m", "pytest", str(grader),
        "-p", "grading.pytest_plugin",
        "--target", str(target),
        "-q", "--no-header", "--color=no", "-p", "no:cacheprovider",
        "--rootdir", str(PROJECT_ROOT), "-c", str(PROJECT_ROOT / "pyproject.toml"),
        *extra_args,
    ]  # fmt: skip
    env = dict(os.environ)
    env[PATH_ENV] = str(reader.path)
    env[NONCE_ENV] = nonce
    if remaining is not None:
        only = reader.path.with_name("only.txt")
        only.write_text("\n".join(remaining) + "\n", encoding="utf-8")
        env[ONLY_ENV] = str(only)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    if limits.threads:
        for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            env.setdefault(var, str(limits.threads))
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            cmd,
            cwd=PROJECT_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_set_limits(limits.memory_bytes),
        )
        try:
            killed_for, killed_test, killed_after = _watch(proc, reader, limits, started)
        except BaseException:
            _kill_group(proc)
            raise
    # whatever is left of the process group (the learner's workers, deadlocked threads) goes too
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    reader.poll()
    tail = log.read_text(errors="replace")[-2000:].strip() if log.exists() else ""
    return _Attempt(proc.returncode, killed_for, killed_test, killed_after, tail)


def _budget(rec: RunRecords, limits: Limits) -> float:
    timeouts = [t.timeout or limits.default_timeout for t in rec.collected.values()] or [limits.default_timeout]
    fixtures = limits.fixture_timeout if any(t.func_only for t in rec.collected.values()) else 0.0
    return max(limits.min_budget, limits.budget_factor * max(timeouts)) + fixtures


def _watch(proc: subprocess.Popen, reader: RecordReader, limits: Limits, started: float):
    """Poll the records until the child exits; kill it when a test outlives its timeout."""
    t0 = time.monotonic()
    current: str | None = None
    current_since = t0
    current_timeout = limits.default_timeout
    func_only = False
    in_call = True  # whether the current test's own timeout applies now (else fixture_timeout)
    done_since: float | None = None
    sleep = 0.01
    while True:
        returncode = proc.poll()
        new = reader.poll()
        now = time.monotonic()
        for rec in new:
            if rec["event"] == "start":
                current, current_since = rec["nodeid"], now
                current_timeout = rec.get("timeout") or limits.default_timeout
                func_only = bool(rec.get("func_only", False))
                in_call = not func_only
                sleep = 0.01
            elif rec["event"] in ("call", "called") and rec["nodeid"] == current and func_only:
                current_since, in_call = now, rec["event"] == "call"
            elif rec["event"] == "result" and rec["nodeid"] == current:
                current = None
        if returncode is not None:
            return None, None, None
        rec = reader.records
        if rec.collected and now > started + _budget(rec, limits):
            _kill_group(proc)
            return "budget", current, None
        all_done = rec.collected and all(n in rec.results for n in rec.collected)
        if rec.finished or all_done:
            done_since = done_since or now
            if now - done_since > limits.exit_timeout:
                _kill_group(proc)
                return "exit", None, None
        elif not rec.collected and now - t0 > limits.collect_timeout:
            _kill_group(proc)
            return "collect", None, None
        elif current is not None and in_call:
            allowed = current_timeout * (1 + limits.grace_fraction) + limits.grace
            if now - current_since > allowed:
                _kill_group(proc)
                return "timeout", current, current_timeout
        elif current is not None and now - current_since > limits.fixture_timeout:
            _kill_group(proc)
            return "fixture", current, limits.fixture_timeout
        time.sleep(sleep)
        sleep = min(sleep * 1.5, 0.1)


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
            outcome, message = ERROR, f"missing: {module_file} does not exist"
        elif import_failed:
            outcome, message = ERROR, f"not run: {rec.import_error}"
        else:
            outcome, message = FAILED, "no result was recorded for this test (the process ended before it ran)"
        if outcome not in (PASSED, FAILED, TIMEOUT, CRASHED, ERROR, SKIPPED):
            outcome = FAILED
        max_points = 0.0 if outcome == SKIPPED else info.points
        points = max_points if outcome == PASSED else 0.0
        tests.append(TestResult(nodeid, info.name, outcome, points, max_points, message, info.by_hand))
    if missing:
        status = EX_MISSING
    elif import_failed or not rec.collected:
        status = EX_ERROR
        if import_failed:
            note = f"could not import {slug}/{slug}.py: {rec.import_error}"
    elif tests and all(t.outcome in (PASSED, SKIPPED) for t in tests):
        status = EX_PASSED
    else:
        status = EX_FAILED
    return ExerciseResult(slug, status, tests, elapsed, note)
