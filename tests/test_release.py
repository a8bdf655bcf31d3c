"""The student release (tools/release.py): made from the commit, never from the working tree; refused when it
would give answers away; and a kata that works on its own, whose README, noxfile and workflow describe only
what works there.

The proof on a tree where stubs have been filled in uses a temporary clone of this repository: answers
written in its working tree must not reach the copy, and answers committed must stop the release.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tools.release import RELEASE_TOKEN, ReleaseError, release

ROOT = Path(__file__).resolve().parent.parent
SESSIONS = {"grade", "status", "hint", "watch", "quiz"}  # what the copy's noxfile offers, and nothing else
SUBCOMMANDS = {"status", "hint", "watch", "quiz"}  # python -m grading SUBCOMMAND
SAMPLE = ["max_subarray", "box_iou"]


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t"}
    env["GIT_COMMITTER_EMAIL"] = "t@t"
    proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 0, f"git {' '.join(args)}: {proc.stderr}"
    return proc.stdout


def committed(root: Path, path: str) -> str:
    return git(root, "show", f"HEAD:{path}")


def shipped_exercises(root: Path) -> list[str]:
    return git(root, "ls-files", "exercises").split()


@pytest.fixture(scope="module")
def student(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("release") / "student"
    release(dest)
    return dest


@pytest.fixture
def clone(tmp_path) -> Path:
    """A clone of this repository's HEAD, to fill in and commit to."""
    path = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", "--no-hardlinks", str(ROOT), str(path))
    return path


def test_release_leaves_out_solutions_wrong_answers_and_tools(student):
    names = {p.relative_to(student).parts[0] for p in student.rglob("*")}
    assert names == {
        "exercises",
        "graders",
        "grading",
        "quizzes",
        "catalogue.toml",
        "noxfile.py",
        "pyproject.toml",
        "README.md",
        ".gitignore",
        ".github",
    }
    assert not list(student.rglob("generate.py")), "fixture generators are maintainer tools"
    assert not list(student.rglob("__pycache__"))
    assert (student / ".github/workflows/classroom.yml").is_file()
    assert (student / "noxfile.py").read_text() == committed(ROOT, "templates/student/noxfile.py")


def test_release_ships_the_committed_stubs_and_blank_answers_files(student):
    files = shipped_exercises(ROOT)
    assert any(f.startswith("exercises/_quizzes/") for f in files)
    for rel in files:
        assert (student / rel).read_text() == committed(ROOT, rel), rel
    shipped = sorted(p.relative_to(student).as_posix() for p in (student / "exercises").rglob("*") if p.is_file())
    assert shipped == sorted(files), "the copy's exercises/ is exactly what is committed"


def test_release_takes_nothing_from_the_working_tree(clone, tmp_path):
    # answers tried in the maintainer's clone: two stubs filled in, a quiz answered, a file never committed
    for slug in SAMPLE:
        shutil.copy(ROOT / f"solutions/{slug}/{slug}.py", clone / f"exercises/{slug}/{slug}.py")
    quiz = clone / "exercises/_quizzes/cnn.toml"
    quiz.write_text(quiz.read_text().replace("backbone_ideas = []", 'backbone_ideas = ["A", "C", "E"]'))
    (clone / "exercises/scratch.py").write_text("def answer():\n    return 42\n")
    dest = tmp_path / "student"
    release(dest, root=clone)
    for slug in SAMPLE:
        rel = f"exercises/{slug}/{slug}.py"
        text = (dest / rel).read_text()
        assert text == committed(clone, rel) and "raise NotImplementedError" in text
        assert text != (clone / rel).read_text()
    assert (dest / "exercises/_quizzes/cnn.toml").read_text() == committed(clone, "exercises/_quizzes/cnn.toml")
    assert not (dest / "exercises/scratch.py").exists()


def test_release_refuses_a_committed_stub_that_is_filled_in(clone, tmp_path):
    shutil.copy(ROOT / "solutions/max_subarray/max_subarray.py", clone / "exercises/max_subarray/max_subarray.py")
    git(clone, "commit", "--quiet", "-am", "oops: a solved stub")
    dest = tmp_path / "student"
    with pytest.raises(ReleaseError) as info:
        release(dest, root=clone)
    message = str(info.value)
    (line,) = [ln for ln in message.splitlines() if "max_subarray.py" in ln]
    assert line.strip().startswith("exercises/max_subarray/max_subarray.py: filled in? these do not raise Not")
    assert set(line.rpartition(": ")[2].split(", ")) == {"max_subarray", "max_subarray_span"}
    assert "box_iou" not in message, "only the files at fault are named"
    assert not dest.exists(), "nothing is written"


def test_release_refuses_a_committed_quiz_answers_file_that_is_answered(clone, tmp_path):
    quiz = clone / "exercises/_quizzes/cnn.toml"
    quiz.write_text(quiz.read_text().replace("backbone_ideas = []", 'backbone_ideas = ["A", "C", "E"]'))
    git(clone, "commit", "--quiet", "-am", "oops: answers")
    with pytest.raises(ReleaseError, match=r"exercises/_quizzes/cnn.toml: answered, not blank: backbone_ideas"):
        release(tmp_path / "student", root=clone)


def test_release_refuses_a_ready_exercise_without_its_stub(clone, tmp_path):
    git(clone, "rm", "--quiet", "exercises/box_iou/box_iou.py")
    git(clone, "commit", "--quiet", "-m", "oops: a stub removed")
    with pytest.raises(ReleaseError, match=r"exercises/box_iou/box_iou.py: missing, though catalogue.toml marks"):
        release(tmp_path / "student", root=clone)


def test_release_refuses_a_folder_that_is_not_a_git_repository(tmp_path):
    plain = tmp_path / "plain"
    shutil.copytree(ROOT / "exercises", plain / "exercises")
    with pytest.raises(ReleaseError, match="is not a git repository; the release ships committed files only"):
        release(tmp_path / "student", root=plain)


def test_release_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(FileExistsError):
        release(tmp_path)
    assert (tmp_path / "keep.txt").read_text() == "mine"


def test_release_command_says_what_it_wrote(tmp_path):
    proc = subprocess.run(
        [sys.executable, "tools/release.py", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True
    )
    head = git(ROOT, "rev-parse", "HEAD").strip()
    assert proc.returncode == 0, proc.stderr
    assert re.match(rf"wrote \d+ files to .*out from commit {head[:12]} \(no solutions/, tests/, tools/\)", proc.stdout)
    again = subprocess.run(
        [sys.executable, "tools/release.py", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True
    )
    assert again.returncode == 1 and "exists and is not empty" in again.stderr


# ------------------------------------------------------------------------------------------------ the copy's text


def test_release_readme_describes_only_what_works_in_the_copy(student):
    text = (student / "README.md").read_text()
    head = git(ROOT, "rev-parse", "HEAD").strip()
    assert RELEASE_TOKEN not in text and f"commit {head[:12]}" in text
    sessions = set(re.findall(r"nox (?:--no-venv )?-s ([\w-]+)", text))
    assert sessions and sessions <= SESSIONS, f"sessions the copy does not have: {sorted(sessions - SESSIONS)}"
    assert SESSIONS <= sessions, f"sessions the README does not mention: {sorted(SESSIONS - sessions)}"
    ready = {e["slug"] for e in tomllib.loads((student / "catalogue.toml").read_text())["exercise"]}
    for word in re.findall(r"python3? -m grading ([\w-]+)", text):
        assert word in SUBCOMMANDS | ready or word.startswith("-"), f"python -m grading {word}: not in the copy"
    # sessions are covered above (check, release, bench, fixtures are not among them); folders the copy lacks:
    for absent in ("solutions", "tests/", "tools/", "templates/", "wrong_answers"):
        assert not re.search(rf"(?<![\w-]){re.escape(absent)}", text), f"the README mentions {absent!r}"
    assert "classroom.yml" in text and "Gradescope" in text


def test_release_noxfile_offers_only_what_works_in_the_copy(student, tmp_path):
    pytest.importorskip("nox", reason="the dev dependency group lists nox; install it")
    listed = subprocess.run(
        [sys.executable, "-m", "nox", "--list"], cwd=student, capture_output=True, text=True, timeout=60
    )
    assert listed.returncode == 0, listed.stderr
    marked = {name: mark for mark, name in re.findall(r"^([*-]) ([\w-]+) ->", listed.stdout, re.MULTILINE)}
    assert set(marked) == SESSIONS, listed.stdout
    assert [name for name, mark in marked.items() if mark == "*"] == ["grade"], "grade is the default session"
    # its grade session, in this environment: the stub scores 0 and the exit status says "failed"
    results = tmp_path / "results.json"
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    proc = subprocess.run(
        [sys.executable, "-m", "nox", "--no-venv", "-s", "grade", "--"]
        + ["max_subarray", "--results", str(results), "-q", "--worker", "run"],
        cwd=student,
        capture_output=True,
        text=True,
        timeout=280,
        env=env,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    (ex,) = json.loads(results.read_text())["exercises"]
    assert (ex["slug"], ex["status"], ex["points"]) == ("max_subarray", "failed", 0) and ex["max_points"] > 0
    assert Path(json.loads(results.read_text())["target"]) == (student / "exercises").resolve()


# ------------------------------------------------------------------------------------------------ the copy grades


def collected_tests(copy: Path) -> dict[str, list[str]]:
    """Each grader's tests, as pytest itself collects them in the copy (not as the engine reports them)."""
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "graders"],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=280,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    tests: dict[str, list[str]] = {}
    for line in proc.stdout.splitlines():
        path, sep, name = line.partition("::")
        if sep and path.startswith("graders/test_"):
            tests.setdefault(Path(path).stem.removeprefix("test_"), []).append(name)
    return tests


@pytest.fixture(scope="module")
def stubs_graded(student, tmp_path_factory, request) -> tuple[int, dict, str]:
    """The copy's own check: every stub (or the --exercises sample) and every quiz, graded in the copy."""
    wanted = request.config.getoption("exercises")
    slugs = [s.strip() for s in wanted.split(",") if s.strip()] if wanted else []
    if slugs:
        slugs += [f"quiz_{p.stem}" for p in sorted((student / "quizzes").glob("*.toml"))]
    results = tmp_path_factory.mktemp("stubs") / "results.json"
    proc = subprocess.run(
        [sys.executable, "-m", "grading", *slugs, "--results", str(results), "-q", "-j", "2", "--worker", "run"],
        cwd=student,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    return proc.returncode, json.loads(results.read_text()), proc.stdout + proc.stderr


@pytest.mark.slow
@pytest.mark.timeout(1500)
def test_release_grades_every_stub_to_zero_with_every_test_listed(student, stubs_graded):
    code, doc, output = stubs_graded
    assert code == 1, output[-3000:]
    scored = [(e["slug"], t["name"]) for e in doc["exercises"] for t in e["tests"] if t["points"]]
    assert doc["total"]["points"] == 0, scored
    assert doc["total"]["max_points"] > 0
    not_failed = [(e["slug"], e["status"], e["note"]) for e in doc["exercises"] if e["status"] != "failed"]
    assert not not_failed, f"every stub should be present, importable and failing: {not_failed}"
    pytest_tests = collected_tests(student)
    for e in doc["exercises"]:
        listed = [t["name"] for t in e["tests"]]
        if e["kind"] == "quiz":
            quiz = tomllib.loads((student / f"quizzes/{e['slug'].removeprefix('quiz_')}.toml").read_text())
            assert listed == [item["id"] for item in quiz["item"]], e["slug"]
        else:
            assert listed == pytest_tests[e["slug"]], f"{e['slug']}: the results do not list every collected test"
        assert all(t["message"] for t in e["tests"] if t["max_points"]), e["slug"]
    graded = {e["slug"] for e in doc["exercises"] if e["kind"] == "exercise"}
    assert graded <= set(pytest_tests)
    assert {f"quiz_{p.stem}" for p in (student / "quizzes").glob("*.toml")} <= {e["slug"] for e in doc["exercises"]}


# ------------------------------------------------------------------------------------------------ the workflow

EXPRESSION = re.compile(r"\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}")


def outputs(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)


@pytest.mark.timeout(600)
def test_release_workflow_grades_a_push_and_reports_points_as_github_classroom_reads_them(
    student, stubs_graded, tmp_path
):
    yaml = pytest.importorskip("yaml", reason="the dev dependency group lists pyyaml; install it")
    flow = yaml.safe_load((student / ".github/workflows/classroom.yml").read_text())
    # what GitHub Classroom's reporter requires: this workflow name, one job of this name
    assert flow["name"] == "Autograding Tests"
    assert list(flow["jobs"]) == ["run-autograding-tests"]
    assert "push" in flow[True], "YAML reads the key `on` as True"
    job = flow["jobs"]["run-autograding-tests"]
    steps = job["steps"]
    uses = [s["uses"].split("@")[0] for s in steps if "uses" in s]
    assert uses == ["actions/checkout", "actions/setup-python", "actions/upload-artifact"]
    setup = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["python-version"] == "3.11"
    assert "download.pytorch.org/whl/cpu" in job["env"]["PIP_EXTRA_INDEX_URL"]

    # Run the grading and reporting steps as the runner would, in a pushed repository: the student has
    # solved max_subarray, box_iou is still the stub, the rest is not there. The install step is replaced by
    # this environment ($PYTHON); the cache of collected tests comes from the copy's own run above.
    repo = tmp_path / "repo"
    shutil.copytree(student, repo)
    for folder in (repo / "exercises").iterdir():
        if folder.is_dir() and folder.name not in (*SAMPLE, "_quizzes"):
            shutil.rmtree(folder)
    shutil.copy(ROOT / "solutions/max_subarray/max_subarray.py", repo / "exercises/max_subarray/max_subarray.py")
    github = {name: tmp_path / name.lower() for name in ("GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_STEP_SUMMARY")}
    for path in github.values():
        path.write_text("")
    step_outputs: dict[str, dict[str, str]] = {}
    logs: dict[str, subprocess.CompletedProcess] = {}
    for step in steps:
        if "run" not in step or step.get("id") == "install":
            continue
        env = {**os.environ, **job["env"], "PYTHON": sys.executable, **{k: str(v) for k, v in github.items()}}
        for key, value in step.get("env", {}).items():
            env[key] = EXPRESSION.sub(lambda m: step_outputs[m.group(1)][m.group(2)], str(value))
        assert "${{" not in step["run"], f"step {step['name']}: an expression this test does not evaluate"
        github["GITHUB_OUTPUT"].write_text("")
        logs[step["id"]] = subprocess.run(
            ["bash", "-eo", "pipefail", "-c", step["run"]],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=500,
        )
        step_outputs[step["id"]] = outputs(github["GITHUB_OUTPUT"])
    assert logs["grade"].returncode == 0, logs["grade"].stdout + logs["grade"].stderr
    assert step_outputs["grade"] == {"status": "1"}, "graded, with failures"
    doc = json.loads((repo / ".kata/results.json").read_text())
    by_slug = {e["slug"]: e for e in doc["exercises"]}
    assert by_slug["max_subarray"]["points"] == by_slug["max_subarray"]["max_points"] > 0
    assert by_slug["box_iou"]["status"] == "failed" and by_slug["nms"]["status"] == "missing"
    total, most = doc["total"]["points"], doc["total"]["max_points"]
    assert total == by_slug["max_subarray"]["points"]
    report = logs["report"]
    assert report.returncode == 1, "the job fails while tests fail, as with GitHub's reporter"
    lines = report.stdout.splitlines()
    assert f"::notice title=Autograding complete::Points {total}/{most}" in lines
    assert f'::notice title=Autograding report::{{"totalPoints":{total},"maxPoints":{most}}}' in lines
    assert github["GITHUB_STEP_SUMMARY"].read_text().startswith(f"### Points {total}/{most}")
    junit = pytest.importorskip("junitparser", reason="the dev dependency group lists junitparser; install it")
    suites = {s.name: s for s in junit.JUnitXml.fromfile(str(repo / ".kata/junit.xml"))}
    assert list(suites) == [e["slug"] for e in doc["exercises"]]
