"""A class graded in one command (grading.classroom), end to end on real folders.

The class: alice (the reference solutions of two exercises and the CNN quiz's key: full marks), bob (a shipped
wrong answer for box_iou: partial), carol (a flat upload of ``<slug>.py`` files), dave (a folder in no known
layout: refused), and erin, in the roster with no folder (absent). It is graded once for real through the
command line (``python -m grading.classroom``, the function that ``python -m grading class`` calls), limited
to max_subarray, box_iou and quiz_cnn so that it takes seconds. Resumption and a changed file are graded for
real too; engine faults are made with a stand-in session that fails on demand.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from grading import classroom
from grading.classroom import Status, grade_class, read_roster
from grading.layout import Layout
from grading.runner import GradingSession, grade_exercise
from grading.schema import SCHEMA_VERSION, ExerciseResult, ExerciseStatus, Outcome, TestResult, validate

ROOT = Path(__file__).resolve().parent.parent
SLUGS = ["max_subarray", "box_iou", "quiz_cnn"]
WRONG = ROOT / "tests/wrong_answers/box_iou/plus_one_widths.py"
REFUSED_NOTE = "expected <slug>/<slug>.py (or <slug>.py) files; found hw1/, notes.txt"

pytestmark = pytest.mark.timeout(60)


def copy(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)


def make_class(root: Path) -> tuple[Path, Path]:
    """The five students' submissions and a roster; returns (submissions, roster)."""
    subs = root / "submissions"
    for slug in ("max_subarray", "box_iou"):
        copy(ROOT / f"solutions/{slug}/{slug}.py", subs / "alice" / slug / f"{slug}.py")
        copy(ROOT / f"solutions/{slug}/{slug}.py", subs / "carol" / f"{slug}.py")  # flat
    copy(ROOT / "solutions/_quizzes/cnn.toml", subs / "alice/_quizzes/cnn.toml")
    copy(ROOT / "solutions/_quizzes/cnn.toml", subs / "carol/cnn.toml")  # flat quiz answers
    copy(ROOT / "solutions/max_subarray/max_subarray.py", subs / "bob/max_subarray/max_subarray.py")
    copy(WRONG, subs / "bob/box_iou/box_iou.py")
    (subs / "dave/hw1").mkdir(parents=True)
    (subs / "dave/hw1/main.py").write_text("print('hello')\n")
    (subs / "dave/notes.txt").write_text("my notes\n")
    roster = root / "roster.csv"
    roster.write_text("name,student\nErin E,erin\nBob B,bob\nAlice A,alice\n", encoding="utf-8")
    return subs, roster


def run_class(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "grading.classroom", *args], cwd=cwd, capture_output=True, text=True, timeout=280
    )


def read_gradebook(path: Path) -> tuple[list[str], dict[str, dict[str, str]]]:
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    return list(reader.fieldnames or []), {r["student"]: r for r in rows}


def student_order(path: Path) -> list[str]:
    with open(path, newline="", encoding="utf-8") as fh:
        return [r["student"] for r in csv.DictReader(fh)]


def results_of(out: Path, student: str) -> dict:
    return json.loads((out / student / "results.json").read_text(encoding="utf-8"))


def by_slug(doc: dict) -> dict[str, dict]:
    return {e["slug"]: e for e in doc["exercises"]}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """The class graded once, for real, through the command line."""
    root = tmp_path_factory.mktemp("class")
    subs, roster = make_class(root)
    out = root / "grades"
    proc = run_class(str(subs), "--out", str(out), "--roster", str(roster), "--exercises", ",".join(SLUGS), "-j", "2")
    return root, subs, out, proc


# ------------------------------------------------------------------------------------------ one run, end to end


@pytest.mark.timeout(300)
def test_the_class_is_graded_and_the_exit_status_is_0(graded):
    _, _, out, proc = graded
    assert proc.returncode == 0, f"exit status {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    assert (out / "gradebook.csv").is_file()


@pytest.mark.timeout(300)
def test_gradebook_rows_follow_the_roster_then_the_others_by_name(graded):
    _, _, out, _ = graded
    assert student_order(out / "gradebook.csv") == ["erin", "bob", "alice", "carol", "dave"]


@pytest.mark.timeout(300)
def test_gradebook_columns_are_totals_then_exercises_in_catalogue_order_then_quizzes(graded):
    _, _, out, _ = graded
    header, _ = read_gradebook(out / "gradebook.csv")
    assert header == ["student", "status", "total", "max", "percent", *SLUGS, "note"]


@pytest.mark.timeout(300)
def test_a_student_with_the_reference_answers_gets_full_marks(graded):
    _, _, out, _ = graded
    _, rows = read_gradebook(out / "gradebook.csv")
    alice, doc = rows["alice"], results_of(out, "alice")
    assert alice["status"] == "graded"
    assert all(e["status"] == "passed" and e["points"] == e["max_points"] > 0 for e in doc["exercises"]), doc
    assert float(alice["total"]) == float(alice["max"]) == doc["total"]["max_points"]
    assert alice["percent"] == "100.0"
    for slug, entry in by_slug(doc).items():
        assert float(alice[slug]) == entry["points"]


@pytest.mark.timeout(300)
def test_a_wrong_answer_loses_the_points_of_the_tests_that_catch_it(graded):
    _, _, out, _ = graded
    _, rows = read_gradebook(out / "gradebook.csv")
    bob, doc = rows["bob"], by_slug(results_of(out, "bob"))
    tree = ast.parse(WRONG.read_text(encoding="utf-8"))
    caught_by = next(
        ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "CAUGHT_BY"
    )
    box = doc["box_iou"]
    failed = {t["name"].split("[")[0] for t in box["tests"] if t["outcome"] != "passed"}
    assert set(caught_by) <= failed, f"{caught_by} should fail; failed: {sorted(failed)}"
    assert 0 < box["points"] < box["max_points"]
    assert float(bob["box_iou"]) == box["points"]
    assert doc["max_subarray"]["points"] == doc["max_subarray"]["max_points"] == float(bob["max_subarray"])
    assert doc["quiz_cnn"]["status"] == "missing" and bob["quiz_cnn"] == "0"
    assert float(bob["total"]) == sum(e["points"] for e in doc.values())
    assert float(bob["max"]) == sum(e["max_points"] for e in doc.values())
    assert bob["percent"] == f"{100 * float(bob['total']) / float(bob['max']):.1f}"


@pytest.mark.timeout(300)
def test_a_flat_upload_is_graded_like_the_same_files_laid_out(graded):
    _, _, out, _ = graded
    _, rows = read_gradebook(out / "gradebook.csv")
    assert rows["carol"]["status"] == "graded"
    # carol uploaded the same files as alice, flat: the same points, exercise by exercise.
    for column in ("total", "max", "percent", *SLUGS):
        assert rows["carol"][column] == rows["alice"][column], column
    assert "flat upload" in rows["carol"]["note"] and "box_iou.py" in rows["carol"]["note"]
    doc = results_of(out, "carol")
    assert Path(doc["target"]) == out / "carol" / "target"
    assert (out / "carol/target/box_iou/box_iou.py").is_file()
    assert (out / "carol/target/_quizzes/cnn.toml").is_file()


@pytest.mark.timeout(300)
def test_a_folder_in_no_known_layout_is_refused_with_the_expected_layout(graded):
    _, _, out, proc = graded
    _, rows = read_gradebook(out / "gradebook.csv")
    dave = rows["dave"]
    assert dave["status"] == "refused"
    assert dave["note"] == REFUSED_NOTE
    assert all(dave[c] == "" for c in ("total", "max", "percent", *SLUGS)), dave
    assert f"dave: {REFUSED_NOTE}" in proc.stderr
    assert not (out / "dave" / "results.json").exists()


@pytest.mark.timeout(300)
def test_a_roster_student_without_a_folder_is_listed_as_absent(graded):
    _, subs, out, proc = graded
    _, rows = read_gradebook(out / "gradebook.csv")
    erin = rows["erin"]
    assert erin["status"] == "absent"
    assert all(erin[c] == "" for c in ("total", "max", "percent", *SLUGS)), erin
    assert "erin" in proc.stdout and "absent" in proc.stdout


@pytest.mark.timeout(300)
def test_each_graded_student_has_a_results_file_in_the_engine_format(graded):
    _, subs, out, _ = graded
    for student in ("alice", "bob", "carol"):
        doc = results_of(out, student)
        assert validate(doc) == [], (student, validate(doc))
        assert doc["version"] == SCHEMA_VERSION
        assert [e["slug"] for e in doc["exercises"]] == SLUGS
    assert Path(results_of(out, "alice")["target"]) == subs / "alice"


@pytest.mark.timeout(300)
def test_without_a_terminal_progress_is_one_line_per_student(graded):
    _, _, _, proc = graded
    assert "\r" not in proc.stdout
    lines = proc.stdout.splitlines()
    for student, word in (("alice", "graded"), ("bob", "graded"), ("carol", "graded"), ("dave", "refused")):
        mine = [line for line in lines if line.split()[:1] == [student]]
        assert len(mine) == 1 and word in mine[0], (student, lines)
    assert any(line.startswith("Gradebook: ") for line in lines), lines


# ------------------------------------------------------------------------------------------ resuming


class Spy:
    """Sessions that record what they were asked to grade, then grade it for real."""

    def __init__(self):
        self.work: list[tuple[str, Path]] = []
        self.sessions = 0

    def __call__(self, jobs: int):
        self.sessions += 1
        spy = self

        class Session(GradingSession):
            def grade(self, work, on_result=None):
                spy.work += list(work)
                return super().grade(work, on_result=on_result)

        return Session(jobs, worker="run")


@pytest.mark.timeout(300)
def test_a_second_run_grades_nothing_and_a_changed_file_regrades_only_its_student(graded, tmp_path):
    root, _, _, _ = graded
    shutil.copytree(root, tmp_path / "class")
    subs, out, roster = tmp_path / "class/submissions", tmp_path / "class/grades", tmp_path / "class/roster.csv"
    before = (out / "gradebook.csv").read_text(encoding="utf-8")

    spy = Spy()
    again = grade_class(subs, out, roster=read_roster(roster), slugs=SLUGS, jobs=2, stream=io.StringIO(),
                        err=io.StringIO(), session_factory=spy)  # fmt: skip
    assert spy.sessions == 0 and spy.work == [], f"nothing changed, yet it graded {spy.work}"
    assert again.graded == [] and again.exit_status == 0
    assert all(r.reused for r in again.rows if r.status == Status.GRADED)
    assert (out / "gradebook.csv").read_text(encoding="utf-8") == before

    module = subs / "bob/max_subarray/max_subarray.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# one more comment\n", encoding="utf-8")
    spy = Spy()
    changed = grade_class(subs, out, roster=read_roster(roster), slugs=SLUGS, jobs=2, stream=io.StringIO(),
                          err=io.StringIO(), session_factory=spy)  # fmt: skip
    assert changed.graded == ["bob"]
    assert sorted(slug for slug, _ in spy.work) == sorted(SLUGS)
    assert {target for _, target in spy.work} == {subs / "bob"}
    assert (out / "gradebook.csv").read_text(encoding="utf-8") == before  # same file content, same grade


# ------------------------------------------------------------------------------------------ stand-in sessions


def result(slug: str, passed: int = 2, of: int = 2) -> ExerciseResult:
    tests = [
        TestResult(f"graders/test_{slug}.py::test_{i}", f"test_{i}", Outcome.PASSED if i < passed else Outcome.FAILED,
                   1.0 if i < passed else 0.0, 1.0, "" if i < passed else "wrong")
        for i in range(of)
    ]  # fmt: skip
    return ExerciseResult(slug, ExerciseStatus.PASSED if passed == of else ExerciseStatus.FAILED, tests, 0.1)


class Stand:
    """A session that scores every pair without grading it, and fails as told.

    ``raise_for``: students whose pairs make ``grade()`` raise; ``uncollected``: (student, slug) pairs whose
    grader "could not be collected"; ``scores``: student -> tests passed of 2.
    """

    def __init__(self, raise_for=(), uncollected=(), scores=None):
        self.raise_for, self.uncollected, self.scores = set(raise_for), set(uncollected), scores or {}
        self.work: list[tuple[str, Path]] = []

    def __call__(self, jobs: int):
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def grade(self, work, on_result=None):
        self.work += list(work)
        out = []
        for slug, target in work:
            student = target.name if target.name != "target" else target.parent.name
            if student in self.raise_for:
                raise RuntimeError(f"the warm worker died while grading {slug}")
            if (student, slug) in self.uncollected:
                why = "the grader could not be collected: the test process exited with status 4"
                res = ExerciseResult(slug, ExerciseStatus.ERROR, [], 0.1, why)
            else:
                res = result(slug, passed=self.scores.get(student, 2))
            if on_result is not None:
                on_result(slug, target, res)
            out.append(res)
        return out


def small_class(root: Path, students=("ann", "ben", "cid")) -> Path:
    subs = root / "subs"
    for s in students:
        for slug in ("max_subarray", "box_iou"):
            (subs / s / slug).mkdir(parents=True, exist_ok=True)
            (subs / s / slug / f"{slug}.py").write_text(f"# {s}'s {slug}\n")
    return subs


def quiet(**kwargs):
    return {"stream": io.StringIO(), "err": io.StringIO(), "slugs": ["max_subarray", "box_iou"], **kwargs}


def test_an_exception_from_the_engine_is_an_engine_error_for_that_student_only(tmp_path):
    subs, out = small_class(tmp_path), tmp_path / "out"
    err = io.StringIO()
    res = grade_class(subs, out, session_factory=Stand(raise_for={"ben"}), **{**quiet(), "err": err})
    assert res.exit_status == classroom.EXIT_ENGINE
    _, rows = read_gradebook(out / "gradebook.csv")
    assert rows["ben"]["status"] == "engine error"
    assert "RuntimeError: the warm worker died" in rows["ben"]["note"]
    assert rows["ben"]["total"] == rows["ben"]["max"] == rows["ben"]["box_iou"] == "", rows["ben"]
    assert rows["ann"]["status"] == rows["cid"]["status"] == "graded"
    assert rows["ann"]["total"] == rows["cid"]["total"] == "4"
    assert "engine error: ben" in err.getvalue()
    # Not stored as done: the next run grades ben again, and only ben.
    healthy = Stand()
    again = grade_class(subs, out, session_factory=healthy, **quiet())
    assert again.graded == ["ben"] and {t.name for _, t in healthy.work} == {"ben"}
    assert again.exit_status == 0
    assert read_gradebook(out / "gradebook.csv")[1]["ben"]["status"] == "graded"


def test_an_interrupted_run_keeps_the_students_finished_and_the_next_run_resumes_with_the_others(tmp_path):
    class Interrupted(Stand):
        def grade(self, work, on_result=None):
            if any(t.name == "ben" for _, t in work):
                work = [w for w in work if w[1].name == "ann"]
                super().grade(work, on_result)
                raise KeyboardInterrupt
            return super().grade(work, on_result)

    subs, out = small_class(tmp_path), tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        grade_class(subs, out, session_factory=Interrupted(), **quiet())
    assert (out / "ann" / "results.json").is_file() and not (out / "ben").exists()
    resumed = Stand()
    res = grade_class(subs, out, session_factory=resumed, **quiet())
    assert res.graded == ["ben", "cid"] and {t.name for _, t in resumed.work} == {"ben", "cid"}


def test_a_grader_that_could_not_be_collected_is_an_engine_error_not_a_zero(tmp_path):
    subs, out = small_class(tmp_path), tmp_path / "out"
    res = grade_class(subs, out, session_factory=Stand(uncollected={("cid", "box_iou")}), **quiet())
    assert res.exit_status == classroom.EXIT_ENGINE
    _, rows = read_gradebook(out / "gradebook.csv")
    cid = rows["cid"]
    assert cid["status"] == "engine error" and "box_iou: the grader could not be collected" in cid["note"]
    assert cid["box_iou"] == "" and cid["total"] == "", cid
    assert cid["max_subarray"] == "2"  # what was graded is still shown
    assert results_of(out, "cid")["exercises"][1]["status"] == "error"


def test_engine_fault_tells_a_grader_that_cannot_be_collected_from_a_module_that_cannot_be_imported(tmp_path):
    graders = tmp_path / "graders"
    graders.mkdir()
    (graders / "test_toy.py").write_text("def test_one(learner):\n    assert learner.one() == 1\n")
    (graders / "test_broken.py").write_text("def test_one(learner)\n    pass\n")  # a syntax error in the grader
    target = tmp_path / "target"
    for slug, source in (("toy", "raise ValueError('at import')\n"), ("broken", "def one():\n    return 1\n")):
        (target / slug).mkdir(parents=True)
        (target / slug / f"{slug}.py").write_text(source)
    student_fault = grade_exercise("toy", target, graders=graders)
    engine = grade_exercise("broken", target, graders=graders)
    assert student_fault.status == engine.status == ExerciseStatus.ERROR, (student_fault, engine)
    assert classroom.engine_fault(student_fault) is None, student_fault.note
    assert classroom.engine_fault(engine) is not None, engine


def test_min_score_adds_a_pass_column_per_student(tmp_path):
    subs, out = small_class(tmp_path), tmp_path / "out"
    res = grade_class(subs, out, roster=["cid", "zoe", "ann", "ben"], min_score=50,
                      session_factory=Stand(scores={"ann": 1, "ben": 0}), **quiet())  # fmt: skip
    assert res.exit_status == 0  # the exit status does not depend on it
    header, rows = read_gradebook(out / "gradebook.csv")
    assert header[:6] == ["student", "status", "total", "max", "percent", "pass"]
    assert (rows["cid"]["percent"], rows["cid"]["pass"]) == ("100.0", "yes")
    assert (rows["ann"]["percent"], rows["ann"]["pass"]) == ("50.0", "yes")  # reaches it exactly
    assert (rows["ben"]["percent"], rows["ben"]["pass"]) == ("0.0", "no")
    assert (rows["zoe"]["status"], rows["zoe"]["pass"]) == ("absent", "")


def test_pass_compares_the_unrounded_percent(tmp_path):
    doc = {"total": {"points": 2, "max_points": 3}, "exercises": [{"slug": "box_iou", "points": 2}]}
    row = classroom.StudentRow("ann", Status.GRADED, doc)
    for min_score, expected in ((66.6, "yes"), (66.7, "no")):  # 2/3 is 66.67 %, shown as 66.7
        classroom.write_gradebook(tmp_path / "g.csv", [row], ["box_iou"], min_score)
        _, rows = read_gradebook(tmp_path / "g.csv")
        assert (rows["ann"]["percent"], rows["ann"]["pass"]) == ("66.7", expected), (min_score, rows["ann"])


def test_on_a_terminal_the_progress_line_is_rewritten_in_place(tmp_path):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    subs, out, stream = small_class(tmp_path), tmp_path / "out", Terminal()
    grade_class(subs, out, session_factory=Stand(), **{**quiet(), "stream": stream})
    text = stream.getvalue()
    assert "\r\033[K  graded 6/6 exercises" in text, text
    for student in ("ann", "ben", "cid"):
        assert f"\r\033[K  {student} " in text


def test_another_selection_of_exercises_regrades_everyone(tmp_path):
    subs, out = small_class(tmp_path), tmp_path / "out"
    grade_class(subs, out, session_factory=Stand(), **quiet(slugs=["max_subarray"]))
    second = Stand()
    res = grade_class(subs, out, session_factory=second, **quiet())
    assert res.graded == ["ann", "ben", "cid"] and len(second.work) == 6


def test_a_stored_result_that_cannot_be_read_is_graded_again(tmp_path):
    subs, out = small_class(tmp_path), tmp_path / "out"
    grade_class(subs, out, session_factory=Stand(), **quiet())
    (out / "ann" / "results.json").write_text("{ not json", encoding="utf-8")
    res = grade_class(subs, out, session_factory=Stand(), **quiet())
    assert res.graded == ["ann"]


# ------------------------------------------------------------------------------------------ finding the students


def known():
    from grading import catalogue

    return classroom.known_names(catalogue.load())


def test_a_clone_of_the_student_copy_is_graded_from_its_exercises_folder(tmp_path):
    copy(ROOT / "solutions/box_iou/box_iou.py", tmp_path / "subs/ann/exercises/box_iou/box_iou.py")
    (tmp_path / "subs/ann/README.md").write_text("kata\n")
    copy(ROOT / "solutions/box_iou/box_iou.py", tmp_path / "subs/ben/ben-hw/box_iou/box_iou.py")  # one wrapping folder
    subs, ignored = classroom.discover(tmp_path / "subs", tmp_path / "out", *known())
    assert [(s.student, s.target) for s in subs] == [
        ("ann", tmp_path / "subs/ann/exercises"),
        ("ben", tmp_path / "subs/ben/ben-hw"),
    ]
    assert ignored == []


def test_hidden_folders_archive_debris_the_output_folder_and_plain_files_are_not_students(tmp_path):
    subs = tmp_path / "subs"
    copy(ROOT / "solutions/box_iou/box_iou.py", subs / "ann/box_iou/box_iou.py")
    for name in (".git", "__MACOSX", "grades"):
        (subs / name / "box_iou").mkdir(parents=True)
    (subs / "roster.csv").write_text("student\nann\n")
    found, ignored = classroom.discover(subs, subs / "grades", *known())
    assert [s.student for s in found] == ["ann"] and ignored == ["roster.csv"]


def test_an_empty_folder_is_refused_saying_so(tmp_path):
    (tmp_path / "subs/ann").mkdir(parents=True)
    (sub,) = classroom.discover(tmp_path / "subs", tmp_path / "out", *known())[0]
    assert sub.target is None
    assert sub.problem == "ann: expected <slug>/<slug>.py (or <slug>.py) files; found nothing (an empty folder)"


def test_files_named_after_no_exercise_are_refused(tmp_path):
    (tmp_path / "subs/ann/box_iou").mkdir(parents=True)
    (tmp_path / "subs/ann/box_iou/iou.py").write_text("x = 1\n")  # not box_iou/box_iou.py
    (tmp_path / "subs/ann/solution.py").write_text("x = 1\n")
    (sub,) = classroom.discover(tmp_path / "subs", tmp_path / "out", *known())[0]
    assert sub.problem == "ann: expected <slug>/<slug>.py (or <slug>.py) files; found box_iou/, solution.py"


# ------------------------------------------------------------------------------------------ the roster


def test_the_roster_column_is_the_one_named_student_or_else_the_first(tmp_path):
    named = tmp_path / "a.csv"
    named.write_text(
        "\ufeffEmail,Student,Name\nb@x,bob,Bob\na@x,alice,Alice\n,,\nc@x,bob,Bob again\n", encoding="utf-8"
    )
    assert read_roster(named) == ["bob", "alice"]
    first = tmp_path / "b.csv"
    first.write_text("login,name\ncarol,Carol\ndave,Dave\n", encoding="utf-8")
    assert read_roster(first) == ["carol", "dave"]


@pytest.mark.parametrize(
    "text, words",
    [("", "is empty"), ("student\n\n", "no student"), ("student\n\xff\n", "cannot read")],
    ids=["empty", "header only", "not UTF-8"],
)
def test_a_roster_that_cannot_be_used_is_a_usage_error(tmp_path, text, words):
    path = tmp_path / "roster.csv"
    path.write_bytes(text.encode("latin-1"))
    with pytest.raises(classroom.UsageError, match=words):
        read_roster(path)


# ------------------------------------------------------------------------------------------ the command line


@pytest.mark.parametrize(
    "args, words",
    [
        (["{tmp}/nowhere"], "SUBMISSIONS_DIR: expected a folder"),
        (["{tmp}/subs", "--roster", "{tmp}/missing.csv"], "--roster: no such file"),
        (["{tmp}/subs", "--exercises", "box_iuo"], "did you mean box_iou"),
        (["{tmp}/subs", "--min-score", "150"], "--min-score: expected a percentage"),
        (["{tmp}/empty"], "found no student folder"),
        (["{tmp}/subs", "-j", "0"], "-j: expected at least 1"),
    ],
    ids=["no such folder", "no roster", "unknown exercise", "min-score", "no student", "jobs"],
)
def test_a_usage_error_exits_2_and_grades_nothing(tmp_path, args, words):
    small_class(tmp_path)
    (tmp_path / "empty").mkdir()
    proc = run_class(*(a.format(tmp=tmp_path) for a in args), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert words in proc.stderr, proc.stderr
    assert not (tmp_path / "out" / "gradebook.csv").exists()


def test_relative_paths_are_read_from_where_the_command_was_started(tmp_path):
    small_class(tmp_path)
    proc = run_class("subs", "--exercises", "quiz_cnn", "--out", "grades", "--invoked-from", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert student_order(tmp_path / "grades" / "gradebook.csv") == ["ann", "ben", "cid"]


def test_the_default_output_folder_is_beside_the_submissions(tmp_path):
    subs = small_class(tmp_path)
    proc = run_class(str(subs), "--exercises", "quiz_cnn")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "subs-grades" / "gradebook.csv").is_file()


# ------------------------------------------------------------------------------------------ what a grade depends on


def toy_layout(root: Path) -> Layout:
    for rel in ("graders/helpers.py", "graders/test_toy.py", "pyproject.toml", "catalogue.toml", "quizzes/q.toml"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(f"# {rel}\n")
    return Layout(root)


def test_the_engine_key_changes_with_a_grader_and_only_then(tmp_path):
    layout = toy_layout(tmp_path)
    first = classroom.engine_key(layout)
    assert classroom.engine_key(layout) == first
    (tmp_path / "graders/__pycache__").mkdir()
    (tmp_path / "graders/__pycache__/helpers.cpython-311.pyc").write_bytes(b"\0")
    assert classroom.engine_key(layout) == first, "compiled files are not what grades"
    (tmp_path / "graders/test_toy.py").write_text("# changed\n")
    assert classroom.engine_key(layout) != first


def test_a_student_key_depends_on_their_files_not_on_where_the_class_lives(tmp_path):
    a = small_class(tmp_path / "a", students=("ann",))
    b = small_class(tmp_path / "b", students=("ann",))
    (sa,), _ = classroom.discover(a, tmp_path / "out", *known())
    (sb,), _ = classroom.discover(b, tmp_path / "out", *known())
    assert classroom.submission_key(sa, "e", SLUGS) == classroom.submission_key(sb, "e", SLUGS)
    assert classroom.submission_key(sa, "e", SLUGS) != classroom.submission_key(sa, "f", SLUGS)
    os.utime(b / "ann/box_iou/box_iou.py", (0, 0))  # a new time alone is not a change
    assert classroom.submission_key(sa, "e", SLUGS) == classroom.submission_key(sb, "e", SLUGS)
    (b / "ann/box_iou/box_iou.py").write_text("# ann's box_iou, changed\n")
    assert classroom.submission_key(sa, "e", SLUGS) != classroom.submission_key(sb, "e", SLUGS)
