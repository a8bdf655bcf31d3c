"""The student release: no solutions, no wrong answers, and the graders still work without them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tools.release import release

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def student(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("release") / "student"
    release(dest)
    return dest


def test_release_leaves_out_solutions_wrong_answers_and_tools(student):
    names = {p.relative_to(student).parts[0] for p in student.rglob("*")}
    assert {"exercises", "graders", "grading", "catalogue.toml", "noxfile.py", "pyproject.toml", "README.md"} <= names
    assert not names & {"solutions", "tests", "tools", ".ci"}, names
    assert not list(student.rglob("generate.py")), "fixture generators are maintainer tools"


def test_release_stubs_are_the_stubs(student):
    for stub in (ROOT / "exercises").glob("*/*.py"):
        assert (student / stub.relative_to(ROOT)).read_text() == stub.read_text()


@pytest.mark.timeout(300)
def test_release_grades_its_stubs_without_the_solutions(student, tmp_path):
    results = tmp_path / "results.json"
    proc = subprocess.run(
        [sys.executable, "-m", "grading", "box_iou", "--results", str(results), "-q"],
        cwd=student,
        capture_output=True,
        text=True,
        timeout=280,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    doc = json.loads(results.read_text())
    (ex,) = doc["exercises"]
    assert ex["status"] == "failed" and ex["points"] == 0 and ex["max_points"] > 0


def test_release_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(FileExistsError):
        release(tmp_path)
    assert (tmp_path / "keep.txt").read_text() == "mine"
