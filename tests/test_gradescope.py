"""The Gradescope autograder zip (tools/gradescope.py): what it holds, and its scripts run for real.

``run_autograder`` is run against a fake ``/autograder`` tree in a temporary folder (AUTOGRADER_ROOT), laid
out as Gradescope's specification describes it (https://gradescope-autograders.readthedocs.io/en/latest/specs/):
the zip extracted in ``source/``, the script copied to ``run_autograder``, the upload in ``submission/``;
the ``results/results.json`` it writes is checked against the specification and the submission.
``setup.sh`` installs system packages and is only checked for syntax here.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.test_formats import spec_problems
from tools.gradescope import build

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = tomllib.loads((ROOT / "catalogue.toml").read_text())
TOPICS = {e["slug"]: e["topic"] for e in CATALOGUE["exercise"]}
READY = [e["slug"] for e in CATALOGUE["exercise"] if e["status"] == "ready"]
QUIZZES = [f"quiz_{p.stem}" for p in sorted((ROOT / "quizzes").glob("*.toml"))]


@pytest.fixture(scope="module")
def autograder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("zip") / "autograder.zip"
    build(out)
    return out


@pytest.fixture(scope="module")
def source(autograder, tmp_path_factory) -> Path:
    """The zip extracted once, as /autograder/source (shared: the engine's cache of collected tests warms up)."""
    path = tmp_path_factory.mktemp("source") / "source"
    with zipfile.ZipFile(autograder) as zf:
        for info in zf.infolist():
            zf.extract(info, path)
            (path / info.filename).chmod((info.external_attr >> 16) & 0o777)
    return path


def fake_autograder(tmp_path: Path, source: Path) -> Path:
    """A fake /autograder: source/ (the extracted zip), run_autograder copied beside it, an empty submission/."""
    root = tmp_path / "autograder"
    root.mkdir()
    (root / "source").symlink_to(source)
    shutil.copy2(source / "run_autograder", root / "run_autograder")
    (root / "submission").mkdir()
    return root


def run_autograder(root: Path, **env: str) -> dict:
    proc = subprocess.run(
        ["bash", str(root / "run_autograder")],
        cwd=root,
        env={**os.environ, "AUTOGRADER_ROOT": str(root), "KATA_PYTHON": sys.executable, **env},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return json.loads((root / "results" / "results.json").read_text())


def by_exercise(doc: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for test in doc["tests"]:
        out.setdefault(test["name"].split(":")[0], []).append(test)
    return out


# ------------------------------------------------------------------------------------------------ the zip


def test_zip_has_setup_and_run_autograder_at_its_root_executable(autograder):
    with zipfile.ZipFile(autograder) as zf:
        modes = {i.filename: (i.external_attr >> 16) & 0o777 for i in zf.infolist()}
    assert modes["setup.sh"] == 0o755 and modes["run_autograder"] == 0o755
    assert {"autograde.py", "requirements.txt", "assignment.json", "catalogue.toml", "pyproject.toml"} <= set(modes)
    assert all(not name.startswith("/") and ".." not in name.split("/") for name in modes)


def test_zip_holds_the_engine_and_graders_and_never_answers(autograder):
    with zipfile.ZipFile(autograder) as zf:
        names = zf.namelist()
        contents = {zf.read(n) for n in names}
    tops = {n.split("/")[0] for n in names}
    assert tops == {
        "setup.sh",
        "run_autograder",
        "autograde.py",
        "requirements.txt",
        "assignment.json",
        "grading",
        "graders",
        "quizzes",
        "catalogue.toml",
        "pyproject.toml",
    }
    for slug in READY:
        assert f"graders/test_{slug}.py" in names
    answers = [p for p in (ROOT / "solutions").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    answers += [p for p in (ROOT / "tests/wrong_answers").rglob("*.py")]
    leaked = [str(p.relative_to(ROOT)) for p in answers if p.read_bytes() in contents]
    assert not leaked, f"the zip holds these files' contents: {leaked}"
    assert not [n for n in names if n.endswith("generate.py")]


def test_zip_requirements_are_the_runtime_and_grade_dependencies(autograder):
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    expected = pyproject["project"]["dependencies"] + [
        d for d in pyproject["dependency-groups"]["grade"] if isinstance(d, str)
    ]
    with zipfile.ZipFile(autograder) as zf:
        listed = zf.read("requirements.txt").decode().split()
        config = json.loads(zf.read("assignment.json"))
    assert listed == expected
    assert any(r.startswith("torch==") for r in listed) and any(r.startswith("pytest") for r in listed)
    assert config["slugs"] == READY + QUIZZES


def test_zip_can_grade_only_some_exercises(tmp_path):
    out = tmp_path / "some.zip"
    build(out, slugs=["box_iou", "quiz_cnn", "max_subarray"], time_limit=600, jobs=3)
    with zipfile.ZipFile(out) as zf:
        config = json.loads(zf.read("assignment.json"))
    assert config["slugs"] == ["max_subarray", "box_iou", "quiz_cnn"], "in catalogue order"
    assert (config["time_limit"], config["jobs"]) == (600, 3)
    with pytest.raises(ValueError, match="not a ready exercise or a quiz: boxiou"):
        build(tmp_path / "bad.zip", slugs=["boxiou"])


def test_zip_scripts_are_valid_shell(source):
    for name in ("setup.sh", "run_autograder"):
        proc = subprocess.run(["bash", "-n", str(source / name)], capture_output=True, text=True)
        assert proc.returncode == 0, f"{name}: {proc.stderr}"


def test_gradescope_command_writes_the_zip(tmp_path):
    out = tmp_path / "ag.zip"
    proc = subprocess.run(
        [sys.executable, "tools/gradescope.py", str(out), "--exercises", "max_subarray"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"wrote {out} (")
    with zipfile.ZipFile(out) as zf:
        assert json.loads(zf.read("assignment.json"))["slugs"] == ["max_subarray"]


# ------------------------------------------------------------------------------------------------ run_autograder


@pytest.mark.timeout(900)
def test_run_autograder_grades_a_real_submission(source, tmp_path):
    root = fake_autograder(tmp_path, source)
    sub = root / "submission"
    # a zipped exercises/ folder with one exercise solved, one solved file uploaded on its own, and clutter
    (sub / "exercises/box_iou").mkdir(parents=True)
    shutil.copy(ROOT / "solutions/box_iou/box_iou.py", sub / "exercises/box_iou/box_iou.py")
    shutil.copy(ROOT / "solutions/max_subarray/max_subarray.py", sub / "max_subarray.py")
    (sub / "notes.txt").write_text("my notes")
    (sub / "__MACOSX").mkdir()
    (sub / "__MACOSX/._box_iou.py").write_text("resource fork")
    doc = run_autograder(root)

    assert spec_problems(doc) == []
    assert {"score", "execution_time", "output", "visibility", "tests"} <= set(doc)
    groups = by_exercise(doc)
    assert list(groups) == READY + QUIZZES
    for slug in ("box_iou", "max_subarray"):
        assert all(t["status"] == "passed" and t["score"] == t["max_score"] for t in groups[slug]), slug
        assert {t["tags"][0] for t in groups[slug]} == {TOPICS[slug]}
    for slug in (s for s in READY + QUIZZES if s not in ("box_iou", "max_subarray")):
        assert all(t["status"] == "failed" and t["score"] == 0 for t in groups[slug]), slug
    assert {t["tags"][0] for t in groups["quiz_cnn"]} == {"quiz"}
    solved = sum(t["score"] for slug in ("box_iou", "max_subarray") for t in groups[slug])
    assert doc["score"] == solved == sum(t["score"] for t in doc["tests"]) > 0
    assert doc["output"].startswith(
        "Graded from your upload (2): max_subarray.py (as max_subarray/max_subarray.py), exercises/box_iou/box_iou.py."
    )
    assert "Not used: notes.txt." in doc["output"]
    assert "__MACOSX" not in doc["output"]
    assert f"Not in the submission ({len(READY) + len(QUIZZES) - 2}, each scores 0)" in doc["output"]
    assert isinstance(doc["execution_time"], int) and doc["execution_time"] >= 1


@pytest.mark.timeout(900)
def test_run_autograder_explains_an_upload_it_cannot_use(source, tmp_path):
    root = fake_autograder(tmp_path, source)
    (root / "submission/hw1").mkdir()
    (root / "submission/hw1/answers.txt").write_text("42")
    doc = run_autograder(root)
    assert spec_problems(doc) == []
    assert doc["score"] == 0
    first = doc["output"].split("\n\n")[0]
    assert first.startswith("Nothing in your upload could be graded. Expected: files laid out like exercises/, ")
    assert "&lt;slug&gt;/&lt;slug&gt;.py (for example box_iou/box_iou.py)" in first
    assert first.endswith("Found: hw1/answers.txt.")


def test_run_autograder_writes_results_even_when_python_cannot_start(source, tmp_path):
    root = fake_autograder(tmp_path, source)
    doc = run_autograder(root, KATA_PYTHON=str(tmp_path / "no-python"))
    assert spec_problems(doc) == []
    assert doc["score"] == 0 and doc["tests"] == []
    assert doc["output"].startswith("The autograder could not run (no-python exited with status 127)")


def broken_copy(source: Path, tmp_path: Path) -> Path:
    broken = tmp_path / "broken-source"
    shutil.copytree(source, broken, ignore=shutil.ignore_patterns(".kata", "__pycache__"))
    return broken


def test_run_autograder_reports_an_engine_failure_instead_of_a_silent_zero(source, tmp_path):
    broken = broken_copy(source, tmp_path)
    (broken / "grading/runner.py").unlink()
    root = fake_autograder(tmp_path, broken)
    shutil.copy(ROOT / "solutions/max_subarray/max_subarray.py", root / "submission/max_subarray.py")
    doc = run_autograder(root)
    assert spec_problems(doc) == []
    assert doc["score"] == 0 and doc["tests"] == []
    assert doc["output"].startswith(
        "The autograder could not grade this submission: the grading engine failed: ModuleNotFoundError: "
    )
    assert "ask your instructor" in doc["output"]


def test_run_autograder_refuses_an_assignment_it_has_no_grader_for(source, tmp_path):
    broken = broken_copy(source, tmp_path)
    config = json.loads((broken / "assignment.json").read_text())
    (broken / "assignment.json").write_text(json.dumps({**config, "slugs": ["max_subarray", "no_such_exercise"]}))
    root = fake_autograder(tmp_path, broken)
    doc = run_autograder(root)
    assert spec_problems(doc) == []
    assert doc["score"] == 0 and doc["tests"] == []
    assert doc["output"].startswith(
        "The autograder could not grade this submission: assignment.json names what this autograder has no "
        "grader for: no_such_exercise"
    )


@pytest.mark.full_check_only
@pytest.mark.timeout(300)
def test_run_autograder_stops_at_its_time_limit_and_keeps_what_it_graded(tmp_path):
    out = tmp_path / "limited.zip"
    build(out, slugs=["max_subarray", "box_iou"], time_limit=25, jobs=2)
    limited = tmp_path / "limited"
    with zipfile.ZipFile(out) as zf:
        zf.extractall(limited)
    (limited / "run_autograder").chmod(0o755)
    root = fake_autograder(tmp_path, limited)
    (root / "submission/box_iou").mkdir()
    shutil.copy(ROOT / "solutions/box_iou/box_iou.py", root / "submission/box_iou/box_iou.py")
    # every call hangs: each test waits out its timeout, far longer than the limit
    hang = "def max_subarray(nums):\n    while True:\n        pass\n\n\nmax_subarray_span = max_subarray\n"
    (root / "submission/max_subarray.py").write_text(hang)
    doc = run_autograder(root)
    assert spec_problems(doc) == []
    groups = by_exercise(doc)
    assert list(groups) == ["box_iou"], "what finished in time is kept"
    assert all(t["status"] == "passed" for t in groups["box_iou"])
    assert doc["score"] == sum(t["max_score"] for t in groups["box_iou"]) > 0
    assert (
        "Grading was stopped after 25 s, the time limit: these were not graded and are not in the results: "
        "max_subarray." in doc["output"]
    )
    assert 25 <= doc["execution_time"] < 120


# ------------------------------------------------------------------------------------------------ the upload


@pytest.fixture(scope="module")
def autograde(source):
    spec = importlib.util.spec_from_file_location("kata_autograde", source / "autograde.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_upload_with_duplicates_takes_the_one_in_its_own_folder(autograde, tmp_path):
    sub, target = tmp_path / "sub", tmp_path / "target"
    (sub / "old").mkdir(parents=True)
    (sub / "old/nms.py").write_text("old = 1\n")
    (sub / "work/nms").mkdir(parents=True)
    (sub / "work/nms/nms.py").write_text("from .helpers import x\n")
    (sub / "work/nms/helpers.py").write_text("x = 1\n")
    (sub / "quizzes_done").mkdir()
    (sub / "quizzes_done/cnn.toml").write_text('backbone_ideas = ["A"]\n')
    used, notes = autograde.lay_out(sub, target, ["nms", "box_iou", "quiz_cnn"])
    assert used == {"nms": "work/nms/nms.py", "quiz_cnn": "quizzes_done/cnn.toml"}
    assert (target / "nms/nms.py").read_text() == "from .helpers import x\n"
    assert (target / "nms/helpers.py").is_file(), "a module of its own beside it comes along"
    assert (target / "_quizzes/cnn.toml").read_text() == 'backbone_ideas = ["A"]\n'
    assert notes[0] == "Graded from your upload (2): work/nms/nms.py, quizzes_done/cnn.toml."
    assert "Several files named nms.py: graded work/nms/nms.py, not old/nms.py." in notes
    assert notes[-1] == "Not used: old/nms.py."
