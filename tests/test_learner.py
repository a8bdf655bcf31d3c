"""The learner's loop: progress that persists, hints on demand, fast answers to hangs, output that reads
everywhere, watch mode. Runs go through the real command line (``python -m grading``) where it matters; the
checks keep their progress in a temporary folder (KATA_STATE, set in tests/conftest.py)."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from grading import catalogue as cat
from grading import progress as prog
from grading.layout import LAYOUT, Layout
from grading.learner import next_up, status_board
from grading.report import Style, _details
from grading.runner import GradingSession, Limits
from grading.schema import ExerciseResult, ExerciseStatus, Outcome, TestResult

ROOT = LAYOUT.root

# These start the real command line (a warm worker and torch each): seconds, not the 10 s default.
pytestmark = pytest.mark.timeout(300)


def run_cli(*args: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "grading", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def result(slug: str, status: ExerciseStatus, points: float, max_points: float = 10) -> ExerciseResult:
    outcome = Outcome.PASSED if status == ExerciseStatus.PASSED else Outcome.FAILED
    return ExerciseResult(
        slug, status, [TestResult(f"x::test_{slug}", f"test_{slug}", outcome, points, max_points, "")]
    )


# ------------------------------------------------------------------------------------------ progress


def test_progress_keeps_the_best_and_the_last_score_across_runs(tmp_path):
    layout, target = Layout(tmp_path), tmp_path / "exercises"
    prog.record_run(target, [result("box_iou", ExerciseStatus.FAILED, 6)], layout)
    prog.record_run(
        target, [result("box_iou", ExerciseStatus.FAILED, 3), result("nms", ExerciseStatus.PASSED, 10)], layout
    )
    entries = prog.load(layout).of(target)
    assert (entries["box_iou"].best, entries["box_iou"].last, entries["box_iou"].attempts) == (6, 3, 2)
    assert entries["nms"].done and not entries["box_iou"].done


def test_a_broken_progress_file_is_an_empty_progress_not_an_error(tmp_path):
    layout = Layout(tmp_path)
    layout.state.mkdir()
    (layout.state / "progress.json").write_text("{ not json")
    assert prog.load(layout).targets == {}


def test_status_shows_the_catalogue_with_progress_and_the_next_exercise():
    catalogue = cat.load()
    first, second = catalogue.ready[0].slug, catalogue.ready[1].slug
    entries = {first: prog.Entry(best=5, last=5, max=5, status="passed", attempts=1, last_at="x", passed_at="x")}
    out = io.StringIO()
    status_board(catalogue, entries, "exercises", out)
    text = out.getvalue()
    assert f"done         {first}" in text and f"not started  {second}" in text
    assert f"Next: {second}" in text
    assert next_up(catalogue, entries).slug == second


def test_status_answers_at_once_from_the_runs_before_it():
    # A graded stub is "in progress"; status then prints it without starting any test process.
    slug = cat.load().ready[0].slug
    graded = run_cli(slug, "-q")
    assert graded.returncode == 1, graded.stderr
    t0 = time.monotonic()
    status = run_cli("status")
    assert status.returncode == 0, status.stderr
    assert time.monotonic() - t0 < 10
    assert f"in progress  {slug}" in status.stdout and "Next:" in status.stdout


def test_a_passing_run_names_the_next_exercise():
    from grading.report import scoreboard

    catalogue = cat.load()
    first, second = catalogue.ready[0].slug, catalogue.ready[1].slug
    entries = {first: prog.Entry(passed_at="now", attempts=1)}
    nxt = next_up(catalogue, entries, after=first)
    assert nxt.slug == second
    out = io.StringIO()
    scoreboard(
        [result(first, ExerciseStatus.PASSED, 10)],
        catalogue,
        target_label="exercises",
        results_label=None,
        detail=True,
        out=out,
        details_command="nox -s grade --",
        next_up=nxt,
    )
    assert f"Everything selected passes.\nNext: {second}" in out.getvalue()


# ------------------------------------------------------------------------------------------ hints


def test_hints_come_one_more_each_time_they_are_asked():
    slug = next(ex.slug for ex in cat.load().ready if len(ex.hints) >= 2)
    hints = cat.load().get(slug).hints
    first, second, third = (run_cli("hint", slug) for _ in range(3))
    assert f"Hint 1 of {len(hints)}" in first.stdout and hints[0] in first.stdout
    assert f"Hint 2 of {len(hints)}" in second.stdout and hints[1] in second.stdout
    assert f"Hint {len(hints)} of {len(hints)}" in third.stdout


def test_a_hint_for_an_unknown_exercise_is_a_usage_error_with_a_suggestion():
    proc = run_cli("hint", "box_iuo")
    assert proc.returncode == 2 and "box_iou" in proc.stderr


# ------------------------------------------------------------------------------------------ hangs


REVERSE_LIST_HANGS = """
    prev, cur = None, head
    while cur is not None:
        nxt = cur.next
        cur.next = prev
        prev = cur
    return prev
"""


@pytest.mark.timeout(120)
def test_an_infinite_loop_is_reported_in_seconds_with_its_line(tmp_path):
    # The classic missing `cur = nxt`: nine tests of reverse_list used to wait out 10 s each.
    stub = LAYOUT.stub("reverse_linked_list").read_text()
    head, _, tail = stub.partition("def reverse_list(")
    body_end = tail.index("    raise NotImplementedError\n")
    broken = (
        head
        + "def reverse_list("
        + tail[:body_end]
        + textwrap.dedent(REVERSE_LIST_HANGS).replace("\n", "\n    ").rstrip(" ")
        + tail[body_end + len("    raise NotImplementedError\n") :]
    )
    (tmp_path / "reverse_linked_list").mkdir()
    (tmp_path / "reverse_linked_list" / "reverse_linked_list.py").write_text(broken)
    with GradingSession(1, limits=Limits(fast_hangs=True), worker="run") as session:
        (graded,) = session.grade([("reverse_linked_list", tmp_path)])
    hung = [t for t in graded.tests if t.outcome == Outcome.TIMEOUT]
    assert len(hung) == 1, [(t.name, t.outcome) for t in graded.tests]
    assert "reverse_linked_list.py, line" in hung[0].message and "reverse_list" in hung[0].message
    assert graded.seconds < 20, graded.seconds
    later = [t for t in graded.tests if "hung in" in t.message]
    assert later and all(t.outcome == Outcome.FAILED for t in later)


# ------------------------------------------------------------------------------------------ reading


def _failure(name: str, message: str) -> TestResult:
    return TestResult(f"x::{name}", name, Outcome.FAILED, 0, 1, message)


def test_by_default_one_message_per_function_a_hand_worked_case_first():
    tests = [_failure(f"test_random_{i}", f"softmax(x) (seed {i})\n  result: wrong") for i in range(6)]
    tests.insert(3, _failure("test_hand", "softmax([1, 2])\n  result: got 0.5, expected 0.27"))
    tests += [_failure("test_other", "log_softmax(x)\n  result: wrong")]
    res = ExerciseResult("toy", ExerciseStatus.FAILED, tests)
    short, full = io.StringIO(), io.StringIO()
    _details(res, short, Style(), verbose=False, again="kata")
    _details(res, full, Style(), verbose=True, again="kata")
    lines = short.getvalue().splitlines()
    assert "hand" in lines[0] and "and 6 more about softmax()" in lines[0]
    assert any("log_softmax" in line for line in lines)
    assert len(lines) < len(full.getvalue().splitlines())
    assert "kata -v toy" in short.getvalue()


def test_marks_fall_back_to_ascii_and_colours_only_on_a_terminal(monkeypatch):
    class Console(io.StringIO):
        encoding = "gbk"

        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert Style.for_stream(Console()).color
    monkeypatch.setenv("NO_COLOR", "1")
    assert not Style.for_stream(Console()).color
    ascii_console = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    assert Style.for_stream(ascii_console).fail == "x"
    assert not Style.for_stream(io.StringIO()).color


@pytest.mark.parametrize("encoding", ["ascii", "gbk", "cp1252"])
def test_any_console_encoding_prints_the_scoreboard_without_a_traceback(encoding):
    proc = run_cli("nms", env={"PYTHONIOENCODING": encoding})
    assert proc.returncode == 1, proc.stderr
    assert "Scoreboard for" in proc.stdout and "Traceback" not in proc.stderr


def test_the_list_filters_by_topic_and_difficulty():
    proc = run_cli("--list", "--topic", "cnn", "--difficulty", "1")
    rows = [line for line in proc.stdout.splitlines() if line.startswith("ready")]
    expected = [ex.slug for ex in cat.load().ready if ex.topic == "cnn" and ex.difficulty == 1]
    assert [row.split()[1] for row in rows] == expected and expected


# ------------------------------------------------------------------------------------------ watch


@pytest.mark.timeout(180)
def test_watch_regrades_when_a_file_changes(tmp_path):
    pytest.importorskip("watchfiles")
    shutil.copytree(LAYOUT.stub("max_subarray").parent, tmp_path / "max_subarray")
    proc = subprocess.Popen(
        [sys.executable, "-m", "grading", "watch", "max_subarray", "--target", str(tmp_path), "--once"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        first = ""
        while "Watching" not in first:
            first += proc.stdout.readline()
        shutil.copy(LAYOUT.solution("max_subarray"), tmp_path / "max_subarray" / "max_subarray.py")
        rest, _ = proc.communicate(timeout=150)
    finally:
        proc.kill()
    assert "max_subarray changed; regrading" in rest, first + rest
    after = rest.split("changed; regrading", 1)[1]
    assert "Everything selected passes." in after


def test_results_json_is_still_written_by_each_run():
    proc = run_cli("max_subarray", "-q", "--results", str(Path(os.environ["KATA_STATE"]) / "r.json"))
    doc = json.loads((Path(os.environ["KATA_STATE"]) / "r.json").read_text())
    assert proc.returncode == 1 and doc["exercises"][0]["slug"] == "max_subarray"
