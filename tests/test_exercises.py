"""Every ready exercise, graded for real through the engine's command line.

* the reference solutions score 100 %;
* the untouched stubs score 0, and the results file still lists every test;
* every shipped wrong answer loses the tests its CAUGHT_BY names (only those are run for it);
* a target with four broken exercises (a hang, a C loop, a crash, ``os._exit(0)``) and four correct ones
  leaves the correct ones at full points and the run finishes.

These take minutes: each exercise is a test process of its own, forked from the warm worker. ``--exercises
a,b`` (tests/conftest.py) limits them to a sample: ``nox -s check-fast`` passes one.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from grading import catalogue as cat
from grading.layout import LAYOUT
from tools.wrong_answers import discover, failed_tests, grade_wrong_answers, uncaught

ROOT = Path(__file__).resolve().parent.parent
READY = [ex.slug for ex in cat.load().ready]

pytestmark = [pytest.mark.slow, pytest.mark.timeout(3600)]


def selected_exercises(config: pytest.Config) -> list[str]:
    """The ready exercises to grade for real, in catalogue order."""
    value = config.getoption("exercises")
    if not value:
        return READY
    wanted = [s.strip() for s in value.split(",") if s.strip()]
    unknown = sorted(set(wanted) - set(READY))
    if unknown:
        raise pytest.UsageError(f"--exercises: expected ready exercises, got unknown {unknown}")
    return [s for s in READY if s in wanted]


def grade(tmp_path: Path, target: Path, *slugs: str, name: str = "results.json") -> tuple[int, dict, str]:
    results = tmp_path / name
    proc = subprocess.run(
        [sys.executable, "-m", "grading", *slugs, "--target", str(target), "--results", str(results), "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=3000,
    )
    return proc.returncode, json.loads(results.read_text()), proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def exercises(request) -> list[str]:
    return selected_exercises(request.config)


@pytest.fixture(scope="module")
def solutions_run(tmp_path_factory, exercises):
    return grade(tmp_path_factory.mktemp("solutions"), LAYOUT.solutions, *exercises)


@pytest.fixture(scope="module")
def stubs_run(tmp_path_factory, exercises):
    return grade(tmp_path_factory.mktemp("stubs"), LAYOUT.exercises, *exercises)


def test_solutions_score_every_point(solutions_run, exercises):
    code, doc, output = solutions_run
    assert [e["slug"] for e in doc["exercises"]] == exercises
    short = {
        e["slug"]: [
            f"{t['name']}: {t['outcome']}: {t['message'][:300]}" for t in e["tests"] if t["outcome"] != "passed"
        ]
        for e in doc["exercises"]
        if e["points"] != e["max_points"] or e["status"] != "passed"
    }
    assert not short, f"reference solutions lose points:\n{json.dumps(short, indent=1, ensure_ascii=False)}"
    assert doc["total"]["points"] == doc["total"]["max_points"] > 0
    assert code == 0, output


def test_stubs_score_zero_and_every_test_is_listed(stubs_run, solutions_run):
    code, doc, output = stubs_run
    assert code == 1, output
    assert doc["total"]["points"] == 0, [
        (e["slug"], t["name"]) for e in doc["exercises"] for t in e["tests"] if t["points"]
    ]
    # the same tests as the solutions' run, one record each, with a message
    solved = {e["slug"]: sorted(t["name"] for t in e["tests"]) for e in solutions_run[1]["exercises"]}
    listed = {e["slug"]: sorted(t["name"] for t in e["tests"]) for e in doc["exercises"]}
    assert listed == solved
    assert doc["total"]["max_points"] == solutions_run[1]["total"]["max_points"]
    for e in doc["exercises"]:
        assert e["status"] == "failed", (e["slug"], e["status"], e["note"])
        assert all(t["message"] for t in e["tests"] if t["max_points"]), e["slug"]


WRONG = discover()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "wrong" in metafunc.fixturenames:
        slugs = set(selected_exercises(metafunc.config))
        wrongs = [w for w in WRONG if w.slug in slugs]
        metafunc.parametrize("wrong", wrongs, ids=[w.id for w in wrongs])


@pytest.fixture(scope="module")
def wrong_results(exercises):
    return grade_wrong_answers([w for w in WRONG if w.slug in exercises])


def test_wrong_answer_is_caught_by_the_tests_it_names(wrong, wrong_results):
    result = wrong_results[wrong.id]
    assert result.points < result.max_points, f"{wrong.id} ({wrong.summary}) scores full points"
    lost = uncaught(wrong, result)
    assert not lost, (
        f"{wrong.id} ({wrong.summary}) passes {lost}, which CAUGHT_BY says catch it; "
        f"it fails {sorted(failed_tests(result))}"
    )


BROKEN = {
    "hang": "while True:\n    pass\n",
    "c_loop": "total = sum(range(10**15))\n",
    "crash": "import ctypes\nctypes.string_at(0)\n",
    "exit0": "import os\nos._exit(0)\n",
}


def test_broken_exercises_cost_only_themselves(tmp_path):
    if len(READY) < 8:
        pytest.skip(f"needs eight ready exercises, the catalogue has {len(READY)}")
    broken_slugs, good_slugs = READY[:4], READY[4:8]
    target = tmp_path / "student"
    for slug, source in zip(broken_slugs, BROKEN.values(), strict=True):
        (target / slug).mkdir(parents=True)
        (target / slug / f"{slug}.py").write_text(source)
    for slug in good_slugs:
        shutil.copytree(LAYOUT.solution(slug).parent, target / slug, ignore=shutil.ignore_patterns("__pycache__"))
    code, doc, output = grade(tmp_path, target, *broken_slugs, *good_slugs)
    by_slug = {e["slug"]: e for e in doc["exercises"]}
    assert code == 1
    for slug in good_slugs:
        assert by_slug[slug]["status"] == "passed", (slug, output)
        assert by_slug[slug]["points"] == by_slug[slug]["max_points"] > 0
    for slug in broken_slugs:
        assert by_slug[slug]["status"] == "error" and by_slug[slug]["points"] == 0, by_slug[slug]
        assert all(t["message"] for t in by_slug[slug]["tests"])
