"""The grading engine against answers that hang, crash, exit or cheat.

A toy exercise ("toy": three functions, one test each) is graded with a toy grader written to a temporary
folder; the grader asks for the real ``learner`` fixture of the engine's plugin, so the real target switch,
import fixture, records plugin and runner are exercised, without torch in the grader (each run takes a
fraction of a second) and with a 1 s timeout per test. The attacks run twice: in test processes forked from
the warm worker, and in fresh interpreters (the fallback where fork does not exist).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest

from grading.runner import Limits, grade_exercise
from grading.schema import SCHEMA_VERSION, ExerciseStatus, Outcome, validate
from grading.worker import FreshLauncher, WarmWorker

PASSED, FAILED, TIMEOUT, CRASHED, ERROR = (
    Outcome.PASSED,
    Outcome.FAILED,
    Outcome.TIMEOUT,
    Outcome.CRASHED,
    Outcome.ERROR,
)
EX_PASSED, EX_FAILED, EX_MISSING, EX_ERROR = (
    ExerciseStatus.PASSED,
    ExerciseStatus.FAILED,
    ExerciseStatus.MISSING,
    ExerciseStatus.ERROR,
)

ROOT = Path(__file__).resolve().parent.parent

TOY_GRADER = """
import pytest

pytestmark = pytest.mark.timeout(1)


def test_one(learner):
    assert learner.one() == 1


@pytest.mark.points(3)
def test_two(learner):
    assert learner.two() == 2


def test_three(learner):
    assert learner.three() == 3
"""

CORRECT = """
def one():
    return 1


def two():
    return 2


def three():
    return 3
"""


@pytest.fixture(scope="module")
def warm():
    worker = WarmWorker()
    yield worker
    worker.close()


@pytest.fixture(params=["warm", "fresh"])
def launcher(request):
    """Each attack runs in a test process forked from the warm worker, and in a fresh interpreter."""
    if request.param == "warm":
        return request.getfixturevalue("warm")
    return FreshLauncher()


def toy_graders(tmp_path: Path) -> Path:
    graders = tmp_path / "graders"
    graders.mkdir(parents=True, exist_ok=True)
    (graders / "test_toy.py").write_text(TOY_GRADER)
    return graders


def grade_toy(tmp_path: Path, source: str | None, limits: Limits | None = None, launcher=None, slug: str = "toy"):
    target = tmp_path / "target"
    (target / "toy").mkdir(parents=True, exist_ok=True)
    if source is not None:
        (target / "toy" / "toy.py").write_text(textwrap.dedent(source))
    limits = limits or Limits(grace=1.0, grace_fraction=0.0, min_budget=30.0, exit_timeout=2.0)
    return grade_exercise("toy", target, limits=limits, graders=toy_graders(tmp_path), launcher=launcher)


def outcomes(result) -> dict[str, str]:
    return {t.name: t.outcome for t in result.tests}


def with_two(body: str) -> str:
    """The correct module with ``two()`` replaced by ``body`` (indented as a function body)."""
    bad = "def two():\n" + textwrap.indent(textwrap.dedent(body).strip(), "    ") + "\n"
    return CORRECT.replace("def two():\n    return 2\n", bad)


def test_correct_answer_scores_every_point(tmp_path):
    result = grade_toy(tmp_path, CORRECT)
    assert result.status == EX_PASSED
    assert outcomes(result) == {"test_one": PASSED, "test_two": PASSED, "test_three": PASSED}
    assert (result.points, result.max_points) == (5, 5)


@pytest.mark.parametrize(
    "body, outcome, words",
    [
        ("while True:\n    pass", TIMEOUT, "timed out after 1"),
        ("import time\ntime.sleep(60)", TIMEOUT, "timed out after 1"),
        ("import threading\nlock = threading.Lock()\nlock.acquire()\nlock.acquire()", TIMEOUT, "timed out"),
        ("return sum(range(10**15))", TIMEOUT, "stopped from outside"),
        (
            "import ctypes\nm = ctypes.create_string_buffer(64)\nlib = ctypes.CDLL(None)\n"
            "lib.pthread_mutex_lock(m)\nlib.pthread_mutex_lock(m)",
            TIMEOUT,
            "stopped from outside",
        ),
        ("import ctypes\nctypes.string_at(0)", CRASHED, "SIGSEGV"),
        ("import os\nos._exit(0)", CRASHED, "exited with status 0"),
        ("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)", CRASHED, "SIGKILL"),
        ("import sys\nsys.exit(0)", FAILED, "SystemExit"),
        ("raise KeyboardInterrupt", FAILED, "KeyboardInterrupt"),
        ("import pytest\npytest.exit('bye')", FAILED, "pytest.exit"),
        ("raise NotImplementedError", FAILED, "not implemented yet"),
        ("return 3", FAILED, "assert 3 == 2"),
        ("raise ValueError('boom')", FAILED, "ValueError: boom (in your toy.py, line"),
    ],
    ids=[
        "python loop",
        "sleep",
        "lock deadlock",
        "C loop holding the GIL",
        "deadlock inside C",
        "segfault",
        "os._exit(0)",
        "SIGKILL",
        "sys.exit(0)",
        "KeyboardInterrupt",
        "pytest.exit",
        "stub",
        "wrong value",
        "exception",
    ],
)
def test_a_broken_test_costs_only_that_test(tmp_path, body, outcome, words, launcher):
    result = grade_toy(tmp_path, with_two(body), launcher=launcher)
    got = outcomes(result)
    assert got == {"test_one": PASSED, "test_two": outcome, "test_three": PASSED}, result
    two = next(t for t in result.tests if t.name == "test_two")
    assert words in two.message, two.message
    assert (result.points, result.max_points) == (2, 5)
    assert result.status == EX_FAILED


@pytest.mark.parametrize(
    "source, words",
    [
        ("def one(:\n    pass\n", "SyntaxError"),
        ("raise RuntimeError('at import')\n", "RuntimeError: at import"),
        ("import sys\nsys.exit(2)\n", "sys.exit(2)"),
        ("import os\nos._exit(0)\n", "exited with status 0"),
        ("import ctypes\nctypes.string_at(0)\n", "SIGSEGV"),
        ("while True:\n    pass\n", "timed out"),
        ("x = sum(range(10**15))\n", "timed out"),
        ("raise KeyboardInterrupt\n", "KeyboardInterrupt"),
    ],
    ids=["syntax error", "exception", "sys.exit", "os._exit(0)", "segfault", "python hang", "C loop", "Ctrl-C"],
)
def test_a_module_that_fails_at_import_scores_zero_with_the_reason(tmp_path, source, words, launcher):
    result = grade_toy(tmp_path, source, launcher=launcher)
    assert result.status == EX_ERROR
    assert result.points == 0 and result.max_points == 5
    assert len(result.tests) == 3
    assert all(t.outcome in (ERROR, CRASHED, TIMEOUT) for t in result.tests), outcomes(result)
    assert words in result.note, result.note


FUNC_ONLY_GRADER = """
import time

import pytest


@pytest.fixture
def slow_setup(request):
    time.sleep(request.param)
    yield
    time.sleep(request.param)


@pytest.mark.timeout(1, func_only=True)
@pytest.mark.parametrize("slow_setup", [2.5], indirect=True)
def test_one(slow_setup, learner):
    assert learner.one() == 1


def test_two(learner):
    assert learner.two() == 2
"""


def grade_func_only(tmp_path: Path, source: str, fixture_timeout: float):
    graders = toy_graders(tmp_path)
    (graders / "test_toy.py").write_text(FUNC_ONLY_GRADER)
    target = tmp_path / "target"
    (target / "toy").mkdir(parents=True)
    (target / "toy" / "toy.py").write_text(textwrap.dedent(source))
    limits = Limits(grace=1.0, grace_fraction=0.0, min_budget=30.0, exit_timeout=2.0, fixture_timeout=fixture_timeout)
    return grade_exercise("toy", target, limits=limits, graders=graders)


def test_a_func_only_timeout_leaves_slow_fixtures_alone(tmp_path):
    # Set-up and teardown take 2.5 s each, more than the 1 s timeout plus the 1 s grace: the engine
    # times the test function alone, as pytest-timeout does with func_only.
    result = grade_func_only(tmp_path, CORRECT, fixture_timeout=10.0)
    assert set(outcomes(result).values()) == {PASSED}, result


def test_a_func_only_test_stuck_in_c_is_stopped_after_its_own_timeout(tmp_path):
    result = grade_func_only(tmp_path, CORRECT.replace("return 1", "return sum(range(10**15))"), fixture_timeout=10.0)
    assert outcomes(result) == {"test_one[2.5]": TIMEOUT, "test_two": PASSED}, result
    assert "stopped from outside" in result.tests[0].message


def test_fixtures_of_a_func_only_test_are_stopped_after_the_fixture_timeout(tmp_path):
    result = grade_func_only(tmp_path, CORRECT, fixture_timeout=1.5)
    assert outcomes(result) == {"test_one[2.5]": TIMEOUT, "test_two": PASSED}, result
    assert "set-up or teardown took more than 1.5 s" in result.tests[0].message


def test_a_missing_module_is_reported_missing(tmp_path):
    result = grade_toy(tmp_path, None)
    assert result.status == EX_MISSING
    assert (result.points, result.max_points) == (0, 5)
    assert all("missing" in t.message for t in result.tests)


def test_reaching_for_the_records_channel_is_tampering(tmp_path):
    # The module lists its open descriptors to find the records file and appends "passed" for test_three,
    # without the run's nonce; then test_three really fails. Listing /proc/self/fd is tampering.
    forger = CORRECT.replace(
        "def three():\n    return 3\n",
        textwrap.dedent("""
        def three():
            import json, os
            for fd in os.listdir("/proc/self/fd"):
                try:
                    path = os.readlink(f"/proc/self/fd/{fd}")
                except OSError:
                    continue
                if path.endswith("records.jsonl"):
                    line = {"event": "result", "nodeid": "x::test_three", "outcome": "passed", "message": ""}
                    os.write(int(fd), (json.dumps(line) + "\\n").encode())
            return 4
        """),
    )
    result = grade_toy(tmp_path, forger)
    assert outcomes(result)["test_three"] == Outcome.TAMPERED
    assert result.status == ExerciseStatus.TAMPERED and result.points == 0, outcomes(result)
    assert "/proc/self/fd" in result.note


def test_exit_status_zero_with_nothing_run_is_not_a_pass(tmp_path, launcher):
    # os._exit(0) in the first test: pytest exits 0 with no summary; the engine reruns the rest.
    source = CORRECT.replace("def one():\n    return 1\n", "def one():\n    import os\n    os._exit(0)\n")
    result = grade_toy(tmp_path, source, launcher=launcher)
    assert outcomes(result) == {"test_one": CRASHED, "test_two": PASSED, "test_three": PASSED}


def test_threads_left_deadlocked_do_not_hang_the_run(tmp_path, launcher):
    # A non-daemon thread blocked forever keeps the interpreter from exiting after the last test.
    source = CORRECT.replace(
        "def three():\n    return 3\n",
        textwrap.dedent("""
        def three():
            import threading
            lock = threading.Lock()
            lock.acquire()
            threading.Thread(target=lock.acquire).start()
            return 3
        """),
    )
    result = grade_toy(tmp_path, source, launcher=launcher)
    assert result.status == EX_PASSED, outcomes(result)
    assert result.seconds < 20


def test_an_answer_that_hangs_everywhere_stops_at_the_time_budget(tmp_path):
    source = "def one():\n    return sum(range(10**15))\n\ntwo = three = one\n"
    limits = Limits(grace=0.5, grace_fraction=0.0, min_budget=4.0, exit_timeout=1.0)
    result = grade_toy(tmp_path, source, limits)
    got = outcomes(result)
    assert got["test_one"] == TIMEOUT
    assert all(o != PASSED for o in got.values())
    assert "ran out of time" in result.note
    assert result.seconds < 15


# ------------------------------------------------------------------------------------------ the CLI


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "grading", *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )


def test_cli_rejects_an_unknown_exercise_with_a_suggestion():
    proc = run_cli("box_iuo")
    assert proc.returncode == 2
    assert "no exercise named 'box_iuo'" in proc.stderr and "box_iou" in proc.stderr


def test_cli_rejects_a_target_that_is_not_a_folder(tmp_path):
    proc = run_cli("box_iou", "--target", str(tmp_path / "nowhere"))
    assert proc.returncode == 2
    assert "--target" in proc.stderr and "not a folder" in proc.stderr


@pytest.mark.timeout(300)
def test_cli_writes_results_and_scoreboard_for_a_partial_target(tmp_path):
    # A student folder holding only box_iou (correct) while nms is asked for too: nms is "missing".
    target = tmp_path / "alice"
    (target / "box_iou").mkdir(parents=True)
    (target / "box_iou" / "box_iou.py").write_text((ROOT / "solutions/box_iou/box_iou.py").read_text())
    results = tmp_path / "out" / "results.json"
    gradescope = tmp_path / "gs.json"
    slugs = ["box_iou"] + (["nms"] if (ROOT / "graders/test_nms.py").exists() else [])
    proc = run_cli(*slugs, "--target", str(target), "--results", str(results), "--gradescope", str(gradescope))
    doc = json.loads(results.read_text())
    by_slug = {e["slug"]: e for e in doc["exercises"]}
    assert by_slug["box_iou"]["status"] == "passed"
    assert by_slug["box_iou"]["points"] == by_slug["box_iou"]["max_points"] > 0
    assert set(doc) == {"version", "target", "total", "exercises"}
    assert doc["version"] == SCHEMA_VERSION and validate(doc) == []
    assert set(doc["total"]) == {"points", "max_points"}
    for ex in doc["exercises"]:
        assert {"slug", "status", "points", "max_points", "tests"} <= set(ex)
        for t in ex["tests"]:
            assert {"name", "outcome", "points", "max_points", "message"} <= set(t)
            assert t["outcome"] in {"passed", "failed", "timeout", "crashed", "error", "skipped"}
    if "nms" in by_slug:
        assert by_slug["nms"]["status"] == "missing" and by_slug["nms"]["points"] == 0
        assert by_slug["nms"]["max_points"] > 0
        assert proc.returncode == 1
        assert "missing" in proc.stdout
    else:
        assert proc.returncode == 0
    assert "Points" in proc.stdout and "box_iou" in proc.stdout
    gs = json.loads(gradescope.read_text())
    assert gs["score"] == doc["total"]["points"]
    assert sum(t["max_score"] for t in gs["tests"]) == doc["total"]["max_points"]
    assert all({"name", "score", "max_score", "status", "output", "visibility"} <= set(t) for t in gs["tests"])


# ------------------------------------------------------------------------------------------ skips


@pytest.mark.parametrize(
    "body, words",
    [
        ("import pytest\npytest.skip('not today')", "pytest.skip()"),
        ("import pytest\npytest.xfail('known')", "pytest.xfail()"),
        ("import _pytest.outcomes\nraise _pytest.outcomes.Skipped('sneaky')", "pytest.skip()"),
    ],
    ids=["skip", "xfail", "Skipped raised by hand"],
)
def test_a_skip_raised_by_the_learner_is_a_failure(tmp_path, body, words, launcher):
    result = grade_toy(tmp_path, with_two(body), launcher=launcher)
    two = next(t for t in result.tests if t.name == "test_two")
    assert two.outcome == FAILED and two.points == 0 and two.max_points == 3, two
    assert words in two.message, two.message
    assert result.status == EX_FAILED


def test_only_a_skip_the_grader_declares_is_worth_zero_of_zero(tmp_path, launcher):
    graders = toy_graders(tmp_path)
    declared = "@pytest.mark.skipif(True, reason='not on this machine')\ndef test_three("
    (graders / "test_toy.py").write_text(TOY_GRADER.replace("def test_three(", declared))
    target = tmp_path / "target"
    (target / "toy").mkdir(parents=True)
    (target / "toy" / "toy.py").write_text(CORRECT)
    result = grade_exercise("toy", target, graders=graders, launcher=launcher)
    assert outcomes(result) == {"test_one": PASSED, "test_two": PASSED, "test_three": Outcome.SKIPPED}
    assert (result.points, result.max_points) == (4, 4)
    assert result.status == EX_PASSED


# ------------------------------------------------------------------------------------------ the warm worker


def test_a_test_process_forked_after_another_crashed_starts_clean(tmp_path, warm):
    # The first exercise poisons modules the worker preloaded, then dies; the next one must not see it.
    poison = CORRECT.replace(
        "def one():\n    return 1\n",
        "def one():\n    import os, torch, graders.helpers\n    torch.POISON = graders.helpers.POISON = 1\n"
        "    os._exit(0)\n",
    )
    first = grade_toy(tmp_path / "first", poison, launcher=warm)
    assert outcomes(first)["test_one"] == CRASHED
    check = CORRECT.replace(
        "def one():\n    return 1\n",
        "def one():\n    import torch, graders.helpers\n"
        "    return 1 if not hasattr(torch, 'POISON') and not hasattr(graders.helpers, 'POISON') else 0\n",
    )
    second = grade_toy(tmp_path / "second", check, launcher=warm)
    assert second.status == EX_PASSED, outcomes(second)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads through /proc")
def test_the_warm_worker_holds_a_single_thread_so_that_fork_is_safe(tmp_path, warm):
    grade_toy(tmp_path, CORRECT, launcher=warm)  # the worker has imported torch and numpy by now
    assert len(list(Path(f"/proc/{warm.pid}/task").iterdir())) == 1


def test_grading_goes_on_in_fresh_processes_when_the_warm_worker_dies(tmp_path):
    import os
    import signal

    from grading.worker import WarmOrFresh

    launcher = WarmOrFresh()
    try:
        os.kill(launcher._warm.pid, signal.SIGKILL)
        result = grade_toy(tmp_path, CORRECT, launcher=launcher)
    finally:
        launcher.close()
    assert result.status == EX_PASSED, outcomes(result)
    assert "warm worker" in launcher.fallback_reason


class CountingLauncher:
    def __init__(self, inner):
        self.inner, self.starts = inner, 0

    def start(self, request):
        self.starts += 1
        return self.inner.start(request)

    def close(self):
        pass


def toy_layout(tmp_path: Path):
    from grading.layout import Layout

    root = tmp_path / "kata"
    toy_graders(root)
    (root / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text())
    return Layout(root)


def test_a_missing_exercise_costs_no_test_process_once_its_grader_is_known(tmp_path):
    from grading.collection import known_tests

    layout = toy_layout(tmp_path)
    counting = CountingLauncher(FreshLauncher())
    first = known_tests(["toy"], counting, layout)
    assert [t.name for t in first["toy"]] == ["test_one", "test_two", "test_three"]
    assert [t.points for t in first["toy"]] == [1, 3, 1]
    assert counting.starts == 1
    again = known_tests(["toy"], counting, layout)
    assert again == first and counting.starts == 1, "the second call should come from the cache"
    empty = tmp_path / "empty"
    empty.mkdir()
    result = grade_exercise("toy", empty, layout=layout, launcher=counting, known_tests=again["toy"])
    assert counting.starts == 1
    assert result.status == EX_MISSING and (result.points, result.max_points) == (0, 5)
    # a changed grader is collected again
    layout.grader("toy").write_text(TOY_GRADER + "\n\ndef test_four(learner):\n    pass\n")
    changed = known_tests(["toy"], counting, layout)
    assert counting.starts == 2 and len(changed["toy"]) == 4


# ------------------------------------------------------------------------------------------ the persistent worker


def _alive(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _wait_until(predicate, seconds: float) -> bool:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


@pytest.mark.timeout(120)
def test_the_persistent_worker_serves_the_next_run_and_ends_when_idle(tmp_path):
    from grading.worker import PersistentWorker

    socket_path = tmp_path / "w.sock"
    first = PersistentWorker(path=socket_path, idle=2.0)
    worker_pid = first.pid
    assert grade_toy(tmp_path / "a", CORRECT, launcher=first).status == EX_PASSED
    first.close()
    second = PersistentWorker(path=socket_path, idle=2.0)
    assert second.pid == worker_pid, "the second run should reuse the running worker"
    assert grade_toy(tmp_path / "b", with_two("return 3"), launcher=second).status == EX_FAILED
    second.close()
    assert _wait_until(lambda: not _alive(worker_pid) or _zombie(worker_pid), 30), "an idle worker should end"
    assert _wait_until(lambda: not socket_path.exists(), 5)


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
    except OSError:
        return False


@pytest.mark.timeout(120)
def test_a_run_that_disconnects_leaves_no_test_process_behind(tmp_path):
    import secrets

    from grading.child import Request
    from grading.worker import PersistentWorker

    worker = PersistentWorker(path=tmp_path / "w.sock", idle=2.0)
    target = tmp_path / "target"
    (target / "toy").mkdir(parents=True)
    (target / "toy" / "toy.py").write_text(with_two("import time\ntime.sleep(600)"))
    graders = toy_graders(tmp_path)
    request = Request(
        args=[str(graders / "test_toy.py"), "-p", "pytest_timeout", "-p", "grading.pytest_plugin", "--target",
              str(target), "--timeout", "0", "-c", str(ROOT / "pyproject.toml"), "--rootdir", str(ROOT)],
        cwd=str(ROOT), log=str(tmp_path / "log"), records=str(tmp_path / "records"), nonce=secrets.token_hex(8),
    )  # fmt: skip
    proc = worker.start(request)
    records = tmp_path / "records"
    assert _wait_until(lambda: records.exists() and "test_two" in records.read_text(), 60)
    worker.close()
    assert _wait_until(lambda: not _alive(proc.pid) or _zombie(proc.pid), 10), "the test process outlived its run"


# ------------------------------------------------------------------------------------------ attacks
#
# Each is what a student who wants the points without solving would try (issue "Containment"). The answers
# are all wrong (two() returns 0), so every point they get is a point the attack won: each must end with 0
# points and a status that says why.

WRONG = (
    CORRECT.replace("def two():\n    return 2\n", "def two():\n    return 0\n")
    .replace("def one():\n    return 1\n", "def one():\n    return 0\n")
    .replace("def three():\n    return 3\n", "def three():\n    return 0\n")
)

ATTACKS = {
    "wraps the plugin's record function": """
        import grading.pytest_plugin as plugin
        _original = plugin.record
        def _forged(config, event, **fields):
            if "outcome" in fields:
                fields["outcome"], fields["message"] = "passed", ""
            return _original(config, event, **fields)
        plugin.record = _forged
    """,
    "patches TestReport.from_item_and_call": """
        from _pytest.reports import TestReport
        _original = TestReport.from_item_and_call.__func__
        def _forged(cls, item, call):
            report = _original(cls, item, call)
            report.outcome = "passed"
            report.longrepr = None
            return report
        TestReport.from_item_and_call = classmethod(_forged)
    """,
    "registers a makereport hook on the Config found through gc": """
        import gc, pytest
        class _Forger:
            @pytest.hookimpl(wrapper=True)
            def pytest_runtest_makereport(self, item, call):
                report = yield
                report.outcome, report.longrepr = "passed", None
                return report
        for obj in gc.get_objects():
            if type(obj).__name__ == "Config" and hasattr(obj, "pluginmanager"):
                obj.pluginmanager.register(_Forger(), "forger")
    """,
    "replaces a builtin the grader computes with": """
        import builtins
        builtins.sum = lambda *args, **kwargs: 0
    """,
    "reads the records channel from /proc/self/environ": """
        secret = open("/proc/self/environ", "rb").read()
    """,
    "walks to the grader's frame to call its reference": """
        import sys
        def two():
            frame = sys._getframe(1)
            return frame.f_locals.get("expected", 0)
    """,
    "writes to the engine's stdout through /proc": """
        import os
        try:
            with open(f"/proc/{os.getppid()}/fd/1", "w") as out:
                out.write("Points 5/5 (100 %)\\n")
        except OSError:
            pass
    """,
}


@pytest.mark.parametrize("attack", list(ATTACKS), ids=list(ATTACKS))
def test_an_attack_on_the_verdict_scores_zero_as_tampered(tmp_path, attack, launcher):
    source = WRONG + "\n" + textwrap.dedent(ATTACKS[attack])
    result = grade_toy(tmp_path, source, launcher=launcher)
    assert result.points == 0, outcomes(result)
    assert result.status == ExerciseStatus.TAMPERED, (result.status, result.note, outcomes(result))
    assert result.note.startswith("tampered:"), result.note


TORCH_GRADER = """
import pytest
import torch

from graders.helpers import assert_close

pytestmark = pytest.mark.timeout(10)


def reference():
    return torch.tensor([1.0, 2.0, 3.0])


def test_values_match_the_reference(learner):
    assert_close(learner.values(), reference(), call="values()")


def test_values_are_equal(learner):
    assert torch.equal(learner.values(), reference())
"""

TORCH_ATTACKS = {
    "patches torch.allclose, equal and testing.assert_close": """
        import torch, torch.testing
        torch.allclose = torch.equal = lambda *a, **k: True
        torch.testing.assert_close = lambda *a, **k: None
    """,
    "replaces the graders' assertion helpers through sys.modules": """
        import sys, torch
        sys.modules["graders.helpers"].assert_close = lambda *a, **k: None
        for module in list(sys.modules.values()):
            if "assert_close" in getattr(module, "__dict__", {}):
                module.__dict__["assert_close"] = lambda *a, **k: None
        torch.equal = lambda *a, **k: True
    """,
    "calls the grader's reference found through sys.modules": """
        import sys
        def values():
            for module in list(sys.modules.values()):
                if hasattr(module, "reference") and getattr(module, "__name__", "").startswith("test_"):
                    return module.reference()
    """,
    "loosens the helpers' tolerances through their defaults during its call": """
        import sys, torch
        def values():
            helpers = sys.modules["graders.helpers"]
            loose = dict(helpers.assert_close.__kwdefaults__, rtol=1e9, atol=1e9, check_dtype=False)
            helpers.assert_close.__kwdefaults__ = loose
            torch.equal = lambda *a, **k: True
            return torch.zeros(3)
    """,
    "swaps the code of an assertion helper during its call": """
        import sys, torch
        def values():
            helpers = sys.modules["graders.helpers"]
            helpers.assert_close.__code__ = (lambda actual, expected, **kwargs: None).__code__
            return torch.zeros(3)
    """,
    "patches during its own call and puts it back after the assertions": """
        import torch, weakref
        def values():
            original = torch.equal
            torch.equal = lambda *a, **k: True
            result = torch.zeros(3)
            weakref.finalize(result, lambda: setattr(torch, "equal", original))
            return result
    """,
}


@pytest.mark.parametrize("attack", list(TORCH_ATTACKS), ids=list(TORCH_ATTACKS))
def test_an_attack_on_the_comparisons_scores_zero_as_tampered(tmp_path, attack, warm):
    graders = toy_graders(tmp_path)
    (graders / "test_toy.py").write_text(TORCH_GRADER)
    target = tmp_path / "target"
    (target / "toy").mkdir(parents=True)
    source = "import torch\n\ndef values():\n    return torch.zeros(3)\n" + textwrap.dedent(TORCH_ATTACKS[attack])
    (target / "toy" / "toy.py").write_text(source)
    result = grade_exercise("toy", target, graders=graders, launcher=warm)
    assert result.points == 0, outcomes(result)
    assert result.status == ExerciseStatus.TAMPERED, (result.status, result.note, outcomes(result))


def _probe_module():
    """A module with a plain value and a function that keeps its tolerance in a closure cell."""
    module = types.ModuleType("kata_probe")
    source = (
        "limit = [1.0]\n"
        "def make():\n"
        "    tolerance = 1e-6\n"
        "    def close(a, b, *, rtol=1e-5):\n"
        "        return abs(a - b) <= tolerance\n"
        "    return close\n"
        "close = make()\n"
    )
    exec(source, module.__dict__)  # noqa: S102 - a fixed probe
    return module


@pytest.mark.parametrize("deep", [False, True], ids=["after each test", "at the session's end"])
def test_a_snapshot_sees_what_was_replaced_removed_or_reclosed(deep):
    from grading.integrity import Snapshot

    module = _probe_module()
    snapshot = Snapshot([module])
    assert snapshot.changes(deep=deep) == []
    cell = module.close.__closure__[0]
    tolerance, cell.cell_contents = cell.cell_contents, 1e9  # the tolerance, loosened inside the closure
    assert snapshot.changes(deep=deep) == ["kata_probe.close was changed (its code, defaults or closure)"]
    cell.cell_contents = tolerance
    original = module.close
    module.close = lambda a, b, **kwargs: True
    del module.limit
    assert sorted(snapshot.changes(deep=deep)) == ["kata_probe.close was replaced", "kata_probe.limit was removed"]
    module.close = original
    module.limit = [1.0]  # an equal object is not the same object
    assert snapshot.changes(deep=deep) == ["kata_probe.limit was replaced"]


def test_a_deep_snapshot_sees_changed_code_and_defaults():
    # After each test these are left to the audit hook, which sees them being set (reading them is audited
    # too, which makes the check costly); the session's end compares them.
    from grading.integrity import Snapshot

    module = _probe_module()
    snapshot = Snapshot([module])
    module.close.__kwdefaults__ = {"rtol": 1e9}
    assert snapshot.changes(deep=True) == ["kata_probe.close was changed (its code, defaults or closure)"]
    module.close.__kwdefaults__ = {"rtol": 1e-5}  # equal, not the same: still a change
    assert snapshot.changes(deep=True) != []
    module = _probe_module()
    snapshot = Snapshot([module])
    namespace = {}
    another = "def make():\n    t = 0\n    def close(a, b, *, rtol=1e-5):\n        return t == 0\n    return close\n"
    exec(another, namespace)  # noqa: S102 - a fixed probe
    module.close.__code__ = namespace["make"]().__code__  # another body, the same free variables
    assert snapshot.changes(deep=True) == ["kata_probe.close was changed (its code, defaults or closure)"]
    assert snapshot.changes(deep=False) == []


REWRITE_GRADER = """
import os, sys
for module in list(sys.modules.values()):
    path = getattr(module, "__file__", "") or ""
    if path.endswith("test_toy.py"):
        try:
            with open(path, "w") as fh:
                fh.write("def test_one():\\n    pass\\n\\n\\ndef test_two():\\n    pass\\n")
        except PermissionError:
            pass
def one():
    os._exit(0)
"""


def test_a_grader_cannot_be_rewritten_by_the_unprivileged_learner(tmp_path, warm):
    # As root the learner's code runs as an unprivileged user: the write is refused.
    result = grade_toy(tmp_path, WRONG + REWRITE_GRADER, launcher=warm)
    assert result.points == 0, outcomes(result)
    assert (tmp_path / "graders" / "test_toy.py").read_text() == TOY_GRADER


def test_a_grader_rewritten_on_disk_is_put_back_and_scores_tampered(tmp_path, monkeypatch):
    # Where the learner's code can write the graders (the engine not running as root; simulated here by
    # keeping the test process as the engine's user), the file is put back and the exercise is tampered:
    # the module rewrites its grader so that every test passes, then crashes so that a restart collects it.
    monkeypatch.setenv("KATA_SANDBOX_USER", "root")
    result = grade_toy(tmp_path, WRONG + REWRITE_GRADER, launcher=FreshLauncher())
    assert result.points == 0 and result.status == ExerciseStatus.TAMPERED, (result.note, outcomes(result))
    assert "test_toy.py" in result.note and "put back" in result.note
    assert (tmp_path / "graders" / "test_toy.py").read_text() == TOY_GRADER


def test_a_setsid_daemon_does_not_outlive_its_exercise(tmp_path, launcher):
    import time

    marker = tmp_path / "daemon_alive"
    source = with_two(f"""
        import os, time
        for _ in range(3):
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    time.sleep(2)
                    open({str(marker)!r}, "w").write("still here")
                os._exit(0)
        return 2
    """)
    result = grade_toy(tmp_path, source, launcher=launcher)
    assert outcomes(result)["test_two"] == PASSED, result
    time.sleep(4)
    assert not marker.exists(), "a daemon of the learner's outlived the run"


@pytest.mark.skipif(
    not __import__("grading.sandbox", fromlist=["x"]).isolation_available(),
    reason="needs root or a PID namespace: otherwise processes of the same user can signal each other",
)
def test_the_learner_cannot_signal_the_engine(tmp_path, launcher):
    import os

    # two() returns 2 only if signalling the engine (signal 0: a probe, harmless) is refused.
    source = with_two(f"""
        import os
        try:
            os.kill({os.getpid()}, 0)
        except (PermissionError, ProcessLookupError):
            return 2
        return "the engine could be signalled"
    """)
    result = grade_toy(tmp_path, source, launcher=launcher)
    assert outcomes(result)["test_two"] == PASSED, result.tests[1].message


def test_memory_of_the_whole_tree_is_capped_shared_mappings_included(tmp_path, warm):
    # A MAP_SHARED mapping is not counted by RLIMIT_DATA; the keeper counts the tree's PSS.
    source = with_two("""
        import mmap
        m = mmap.mmap(-1, 3 * 2**30, flags=mmap.MAP_SHARED)
        for i in range(0, len(m), 4096):
            m[i] = 1
        return 2
    """)
    limits = Limits(grace=1.0, grace_fraction=0.0, min_budget=60.0, exit_timeout=2.0, memory_bytes=int(1.5 * 2**30))
    graders = toy_graders(tmp_path)
    (graders / "test_toy.py").write_text(TOY_GRADER.replace("pytest.mark.timeout(1)", "pytest.mark.timeout(30)"))
    target = tmp_path / "target"
    (target / "toy").mkdir(parents=True)
    (target / "toy" / "toy.py").write_text(textwrap.dedent(source))
    result = grade_exercise("toy", target, graders=graders, launcher=warm, limits=limits)
    two = next(t for t in result.tests if t.name == "test_two")
    assert two.outcome == CRASHED and "memory" in two.message, two
    assert outcomes(result)["test_one"] == PASSED and outcomes(result)["test_three"] == PASSED


def test_a_flood_of_output_is_cut_and_grading_goes_on(tmp_path, warm):
    source = with_two("""
        import sys
        line = "x" * 1023 + "\\n"
        for _ in range(100 * 1024):
            sys.stdout.write(line)
        return 2
    """)
    result = grade_toy(tmp_path, source, launcher=warm)
    assert result.status == EX_PASSED, outcomes(result)


def test_the_tail_of_a_huge_log_is_read_without_reading_it_all(tmp_path):
    import tracemalloc

    from grading.runner import _tail

    log = tmp_path / "output.log"
    with open(log, "wb") as fh:
        fh.write(b"x" * (200 * 2**20) + b"\nthe end")
    tracemalloc.start()
    tail = _tail(log, 2000)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert tail.endswith("the end") and len(tail) <= 2000
    assert peak < 2**20, f"reading the tail used {peak} bytes"


def test_results_that_cannot_be_written_are_refused_before_grading(tmp_path):
    proc = run_cli("max_subarray", "--results", str(tmp_path))
    assert proc.returncode == 2 and "--results" in proc.stderr and "folder" in proc.stderr
    assert "Grading" not in proc.stdout


def test_results_to_dev_null_leave_dev_null_a_device(tmp_path):
    import stat

    proc = run_cli("max_subarray", "--target", "solutions", "--results", "/dev/null", "-q")
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode), "/dev/null was replaced by a regular file"


def test_two_runs_writing_the_same_results_file_do_not_collide(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    from grading.schema import write_json

    path = tmp_path / "results.json"
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: write_json(path, {"run": i, "pad": "x" * 100_000}), range(40)))
    assert json.loads(path.read_text())["run"] in range(40)
    assert [p.name for p in tmp_path.iterdir()] == ["results.json"], "a temporary file was left behind"


@pytest.mark.timeout(300)
def test_min_score_sets_the_exit_status_for_ci(tmp_path):
    import shutil

    from grading.layout import LAYOUT

    shutil.copytree(LAYOUT.solution("max_subarray").parent, tmp_path / "max_subarray")
    results = tmp_path / "r.json"
    base = ["max_subarray", "box_iou", "--target", str(tmp_path), "--results", str(results), "-q"]
    low = run_cli(*base, "--min-score", "10")
    doc = json.loads(results.read_text())
    share = 100 * doc["total"]["points"] / doc["total"]["max_points"]
    high = run_cli(*base, "--min-score", f"{share + 1:.1f}")
    plain = run_cli(*base)
    assert 10 < share < 99
    assert (low.returncode, high.returncode, plain.returncode) == (0, 1, 1)
    assert run_cli(*base, "--min-score", "120").returncode == 2
