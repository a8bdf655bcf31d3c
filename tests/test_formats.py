"""The formats other systems read (grading.formats): Gradescope's results.json, JUnit XML, GitHub Classroom.

Gradescope's fields are checked against its published specification, written out below; the JUnit file is
read back with junitparser (a JUnit parser, not string matching); GitHub Classroom's annotations against
what its reporter action writes. Most cases use hand-made results that hold every outcome; one real
grading run (a solved exercise, a wrong answer, an unanswered quiz) goes through every format end to end.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from grading.formats import (
    classroom_commands,
    gradescope_document,
    junit_element,
    read_results,
    results_from_document,
    write_gradescope,
    write_junit,
)
from grading.schema import ExerciseResult, ExerciseStatus, Kind, Outcome, TestResult, results_document

ROOT = Path(__file__).resolve().parent.parent
TOPICS = {e["slug"]: e["topic"] for e in tomllib.loads((ROOT / "catalogue.toml").read_text())["exercise"]}

# Gradescope's autograder specification, "Output format":
# https://gradescope-autograders.readthedocs.io/en/latest/specs/ (the same format gradescope-utils' JSON test
# runner writes). Every key it defines, with the values it allows; nothing else may appear.
VISIBILITY = {"hidden", "after_due_date", "after_published", "visible"}
FORMATS = {"text", "simple_format", "html", "md", "ansi"}
SPEC_TOP = {
    "score": (int, float),
    "execution_time": (int, float),
    "output": str,
    "output_format": str,
    "test_output_format": str,
    "test_name_format": str,
    "visibility": str,
    "stdout_visibility": str,
    "extra_data": dict,
    "tests": list,
    "leaderboard": list,
}
SPEC_TEST = {
    "score": (int, float),
    "max_score": (int, float),
    "status": str,
    "name": str,
    "name_format": str,
    "number": str,
    "output": str,
    "output_format": str,
    "tags": list,
    "visibility": str,
    "extra_data": dict,
}
# What this kata promises to write of them (issue 14).
OURS_TOP = {"score", "execution_time", "output", "visibility", "tests"}
OURS_TEST = {"name", "score", "max_score", "status", "output", "tags", "visibility"}


def spec_problems(doc: dict) -> list[str]:
    """Where ``doc`` departs from Gradescope's specification (empty when it conforms)."""
    problems = []
    for key, value in doc.items():
        if key not in SPEC_TOP:
            problems.append(f"top level: {key!r} is not a field of the specification")
        elif not isinstance(value, SPEC_TOP[key]) or isinstance(value, bool):
            problems.append(f"top level: {key} = {value!r:.60} has the wrong type")
    for key in ("visibility", "stdout_visibility"):
        if key in doc and doc[key] not in VISIBILITY:
            problems.append(f"top level: {key} = {doc[key]!r} is not one of {sorted(VISIBILITY)}")
    for key in ("output_format", "test_output_format", "test_name_format"):
        if key in doc and doc[key] not in FORMATS:
            problems.append(f"top level: {key} = {doc[key]!r} is not one of {sorted(FORMATS)}")
    if "score" not in doc and any("score" not in t for t in doc.get("tests", [])):
        problems.append("a score is required at the top level or on every test")
    for i, test in enumerate(doc.get("tests", [])):
        for key, value in test.items():
            if key not in SPEC_TEST:
                problems.append(f"tests[{i}]: {key!r} is not a field of the specification")
            elif not isinstance(value, SPEC_TEST[key]) or isinstance(value, bool):
                problems.append(f"tests[{i}]: {key} = {value!r:.60} has the wrong type")
        if "status" in test and test["status"] not in ("passed", "failed"):
            problems.append(f"tests[{i}]: status {test['status']!r} is neither 'passed' nor 'failed'")
        if "visibility" in test and test["visibility"] not in VISIBILITY:
            problems.append(f"tests[{i}]: visibility {test['visibility']!r}")
        if "tags" in test and not all(isinstance(t, str) for t in test["tags"]):
            problems.append(f"tests[{i}]: tags must be strings, got {test['tags']!r}")
    return problems


def t(name: str, outcome: Outcome, points: float, max_points: float, message: str = "") -> TestResult:
    return TestResult(f"graders/test_x.py::{name}", name, outcome, points, max_points, message)


@pytest.fixture
def results() -> list[ExerciseResult]:
    """Every outcome and status the engine has, in three exercises and a quiz."""
    return [
        ExerciseResult(
            "box_iou",
            ExerciseStatus.FAILED,
            [
                t("test_iou_of_disjoint_boxes", Outcome.PASSED, 2, 2),
                t("test_iou_width[float64]", Outcome.FAILED, 0, 1, "iou((0, 0, 1, 1), (0, 0, 2, 2))\n  got 0.44"),
                t("test_box_iou_is_vectorised", Outcome.TIMEOUT, 0, 3, "timed out after 10 s and was stopped"),
                t("test_box_iou_keeps_dtype", Outcome.CRASHED, 0, 1, "the test process crashed (SIGSEGV)"),
                t("test_box_iou_on_cuda", Outcome.SKIPPED, 0, 0, "no GPU on this machine"),
            ],
            seconds=2.6,
        ),
        ExerciseResult(
            "nms",
            ExerciseStatus.MISSING,
            [t("test_nms_keeps_the_best", Outcome.ERROR, 0, 2, "missing: nms/nms.py does not exist")],
            seconds=0.0,
        ),
        ExerciseResult(
            "focal_loss",
            ExerciseStatus.TAMPERED,
            [t("test_focal_loss_matches", Outcome.TAMPERED, 0, 4, "tampered: torch.allclose was replaced")],
            seconds=1.2,
            note="tampered: torch.allclose was replaced",
        ),
        ExerciseResult("mae", ExerciseStatus.ERROR, [], seconds=0.4, note="the grader could not be collected"),
        ExerciseResult(
            "quiz_cnn",
            ExerciseStatus.FAILED,
            [
                t("backbone_ideas", Outcome.PASSED, 1, 1),
                t("mobilenet_expansion", Outcome.ERROR, 0, 2, "not one of the letters A to D: 'Z'"),
            ],
            seconds=0.01,
            kind=Kind.QUIZ,
        ),
    ]


# ------------------------------------------------------------------------------------------------ Gradescope


def test_gradescope_document_holds_only_fields_the_specification_defines(results):
    doc = gradescope_document(results, output="Graded from your upload.", execution_time=12.4)
    assert spec_problems(doc) == []
    assert set(doc) >= OURS_TOP, f"missing top-level fields: {sorted(OURS_TOP - set(doc))}"
    assert "max_score" not in doc, "the specification has no top-level max_score"
    for test in doc["tests"]:
        assert set(test) >= OURS_TEST, f"{test['name']}: missing {sorted(OURS_TEST - set(test))}"


def test_gradescope_scores_every_test_and_the_total_is_their_sum(results):
    doc = gradescope_document(results, execution_time=1)
    by_name = {test["name"]: test for test in doc["tests"]}
    assert by_name["box_iou: iou of disjoint boxes"]["score"] == 2
    assert by_name["box_iou: iou of disjoint boxes"]["max_score"] == 2
    assert by_name["box_iou: iou width [float64]"] | {"output": ""} == {
        "name": "box_iou: iou width [float64]",
        "score": 0,
        "max_score": 1,
        "status": "failed",
        "output": "",
        "tags": ["detection"],
        "visibility": "visible",
    }
    assert by_name["box_iou: iou width [float64]"]["output"].startswith("iou((0, 0, 1, 1), (0, 0, 2, 2))")
    assert doc["score"] == sum(test["score"] for test in doc["tests"]) == 3
    assert sum(test["max_score"] for test in doc["tests"]) == 2 + 1 + 3 + 1 + 2 + 4 + 1 + 2


@pytest.mark.parametrize("outcome", [Outcome.FAILED, Outcome.TIMEOUT, Outcome.CRASHED, Outcome.TAMPERED, Outcome.ERROR])
def test_gradescope_status_is_failed_for_every_outcome_but_passed(outcome):
    res = [ExerciseResult("box_iou", ExerciseStatus.FAILED, [t("test_a", outcome, 0, 1, f"{outcome} here")])]
    (test,) = gradescope_document(res, execution_time=0)["tests"]
    assert (test["status"], test["score"], test["output"]) == ("failed", 0, f"{outcome} here")


def test_gradescope_tags_are_the_catalogue_topic_and_quiz_for_quizzes(results):
    doc = gradescope_document(results, execution_time=0)
    tags = {test["name"].split(":")[0]: test["tags"] for test in doc["tests"]}
    assert tags == {
        "box_iou": [TOPICS["box_iou"]],
        "nms": [TOPICS["nms"]],
        "focal_loss": [TOPICS["focal_loss"]],
        "mae": [TOPICS["mae"]],
        "quiz_cnn": ["quiz"],
    }


def test_gradescope_leaves_out_skipped_tests_and_says_so(results):
    doc = gradescope_document(results, execution_time=0)
    assert not [test for test in doc["tests"] if "cuda" in test["name"]]
    assert "1 check(s) cannot run on this machine" in doc["output"]


def test_gradescope_reports_an_exercise_that_could_not_be_graded(results):
    doc = gradescope_document(results, execution_time=0)
    (entry,) = [test for test in doc["tests"] if test["name"].startswith("mae")]
    assert entry["status"] == "failed" and entry["score"] == 0
    assert entry["output"] == "the grader could not be collected"
    assert "mae: could not be graded: the grader could not be collected" in doc["output"]


def test_gradescope_output_opens_with_the_callers_text_and_is_html_escaped(results):
    doc = gradescope_document(results, output="Expected <slug>/<slug>.py files & folders.", execution_time=0)
    assert doc["output_format"] == "simple_format"
    assert doc["output"].startswith("Expected &lt;slug&gt;/&lt;slug&gt;.py files &amp; folders.\n\n")
    assert "Points 3/16 (19 %): 0 of 5 exercises and quizzes pass." in doc["output"]
    assert "Not in the submission (1, each scores 0): nms." in doc["output"]
    assert "focal_loss: 0 points, tampering found: tampered: torch.allclose was replaced" in doc["output"]


def test_gradescope_execution_time_is_whole_seconds_of_the_run(results):
    assert gradescope_document(results, execution_time=136.4)["execution_time"] == 136
    # without it: the exercises' own seconds added up (2.6 + 1.2 + 0.4 + 0.01)
    assert gradescope_document(results)["execution_time"] == 4


def test_gradescope_visibility_is_the_specifications(results):
    doc = gradescope_document(results, execution_time=0, visibility="after_due_date", stdout_visibility="visible")
    assert doc["visibility"] == "after_due_date" and doc["stdout_visibility"] == "visible"
    assert {test["visibility"] for test in doc["tests"]} == {"after_due_date"}
    assert "stdout_visibility" not in gradescope_document(results, execution_time=0)
    with pytest.raises(ValueError, match="visibility: expected one of hidden, after_due_date"):
        gradescope_document(results, visibility="students")


# ------------------------------------------------------------------------------------------------ JUnit XML


@pytest.fixture
def junitparser():
    """A JUnit parser (PyPI junitparser, in the dev dependency group) to read the files back with."""
    return pytest.importorskip("junitparser", reason="the dev dependency group lists junitparser; install it")


def read_junit(junitparser, path: Path) -> dict:
    xml = junitparser.JUnitXml.fromfile(str(path))
    return {suite.name: {case.name: case for case in suite} for suite in xml}


def test_junit_has_a_suite_per_exercise_and_a_case_per_test(junitparser, results, tmp_path):
    path = tmp_path / "junit.xml"
    write_junit(path, results)
    xml = junitparser.JUnitXml.fromfile(str(path))
    suites = list(xml)
    assert [s.name for s in suites] == ["box_iou", "nms", "focal_loss", "mae", "quiz_cnn"]
    for suite, res in zip(suites, results, strict=True):
        cases = list(suite)
        assert {c.classname for c in cases} == {res.slug}
        if res.tests:
            assert [c.name for c in cases] == [test.name for test in res.tests]
        props = {p.name: p.value for p in suite.properties()}
        assert props == {
            "kind": str(res.kind),
            "status": str(res.status),
            "points": f"{res.points:g}",
            "max_points": f"{res.max_points:g}",
        }
    box = suites[0]
    assert (box.tests, box.failures, box.errors, box.skipped) == (5, 3, 0, 1)
    assert box.time == pytest.approx(2.6)


def test_junit_failure_has_outcome_and_message_skipped_is_skipped_passed_has_neither(junitparser, results, tmp_path):
    path = tmp_path / "junit.xml"
    write_junit(path, results)
    cases = read_junit(junitparser, path)
    box = cases["box_iou"]
    assert box["test_iou_of_disjoint_boxes"].is_passed and box["test_iou_of_disjoint_boxes"].result == []
    for name, outcome, message in [
        ("test_iou_width[float64]", "failed", "iou((0, 0, 1, 1), (0, 0, 2, 2))\n  got 0.44"),
        ("test_box_iou_is_vectorised", "timeout", "timed out after 10 s and was stopped"),
        ("test_box_iou_keeps_dtype", "crashed", "the test process crashed (SIGSEGV)"),
    ]:
        (failure,) = box[name].result
        assert isinstance(failure, junitparser.Failure), (name, failure)
        assert (failure.type, failure.text) == (outcome, message)
        assert failure.message == message.splitlines()[0]
    (skipped,) = box["test_box_iou_on_cuda"].result
    assert isinstance(skipped, junitparser.Skipped) and skipped.message == "no GPU on this machine"
    (tampered,) = cases["focal_loss"]["test_focal_loss_matches"].result
    assert isinstance(tampered, junitparser.Failure) and tampered.type == "tampered"
    (missing,) = cases["nms"]["test_nms_keeps_the_best"].result
    assert isinstance(missing, junitparser.Failure) and missing.type == "error"
    assert missing.message == "missing: nms/nms.py does not exist"


def test_junit_exercise_that_could_not_be_graded_is_an_error(junitparser, results, tmp_path):
    path = tmp_path / "junit.xml"
    write_junit(path, results)
    xml = junitparser.JUnitXml.fromfile(str(path))
    (mae,) = [s for s in xml if s.name == "mae"]
    (case,) = list(mae)
    (error,) = case.result
    assert isinstance(error, junitparser.Error) and error.message == "the grader could not be collected"
    assert (mae.tests, mae.errors, mae.failures) == (1, 1, 0)
    assert (xml.tests, xml.failures, xml.errors, xml.skipped) == (10, 6, 1, 1)


def test_junit_survives_characters_xml_cannot_hold(junitparser, tmp_path):
    message = 'got \x00\x1b[31mred\x1b[0m and \udc80 and 中文 and <tags> & "quotes"'
    res = [ExerciseResult("mae", ExerciseStatus.FAILED, [t("test_x[\x07]", Outcome.FAILED, 0, 1, message)])]
    path = tmp_path / "junit.xml"
    write_junit(path, res)
    (case,) = read_junit(junitparser, path)["mae"].values()
    (failure,) = case.result
    assert failure.text == 'got \\x00\\x1b[31mred\\x1b[0m and \\udc80 and 中文 and <tags> & "quotes"'
    assert case.name == "test_x[\\x07]"


def test_junit_replaces_a_file_whole_and_refuses_a_folder(junitparser, results, tmp_path):
    path = tmp_path / "out" / "junit.xml"
    path.parent.mkdir()
    path.write_text("old contents")
    write_junit(path, results)
    assert len(list(junitparser.JUnitXml.fromfile(str(path)))) == 5
    assert sorted(p.name for p in path.parent.iterdir()) == ["junit.xml"], "no temporary file left behind"
    with pytest.raises(IsADirectoryError):
        write_junit(tmp_path, results)


def test_junit_element_counts_match_the_cases():
    res = [ExerciseResult("a", ExerciseStatus.PASSED, [t("test_a", Outcome.PASSED, 1, 1)], seconds=0.5)]
    root = junit_element(res)
    assert (root.get("tests"), root.get("failures"), root.get("errors"), root.get("skipped")) == ("1", "0", "0", "0")


# ------------------------------------------------------------------------------------------------ GitHub Classroom


def test_classroom_commands_are_the_reporters_two_notices():
    # classroom-resources/autograding-grading-reporter, src/notify-classroom.js:
    #   core.notice(`Points ${totalPoints}/${maxPoints}`, {title: "Autograding complete"})
    #   core.notice(JSON.stringify({totalPoints, maxPoints}), {title: "Autograding report"})
    assert classroom_commands(30, 60) == [
        "::notice title=Autograding complete::Points 30/60",
        '::notice title=Autograding report::{"totalPoints":30,"maxPoints":60}',
    ]
    assert classroom_commands(12.5, 40.0)[0] == "::notice title=Autograding complete::Points 12.5/40"
    assert classroom_commands(0, 0) == [], "like the reporter, nothing is reported without points to have"


# ------------------------------------------------------------------------------------------------ results.json


def test_results_document_reads_back_into_the_same_results(results, tmp_path):
    doc = results_document(tmp_path, results, {})
    back = results_from_document(json.loads(json.dumps(doc)))
    assert back == results
    # version 1 files: the same fields, less version and kind
    old = json.loads(json.dumps(doc))
    del old["version"]
    for e in old["exercises"]:
        del e["kind"]
    assert [r.kind for r in results_from_document(old)] == [Kind.EXERCISE] * 5


def test_results_that_are_not_a_results_file_are_refused(tmp_path):
    with pytest.raises(ValueError, match=r"not a results.json document: \$: missing 'total'"):
        results_from_document({"version": "2.0", "target": "x", "exercises": []})
    path = tmp_path / "r.json"
    path.write_text("[1, 2]")
    with pytest.raises(ValueError, match="not a results.json document"):
        read_results(path)
    path.write_text("{")
    with pytest.raises(ValueError, match="not JSON"):
        read_results(path)


# ------------------------------------------------------------------------------------------------ end to end


@pytest.fixture(scope="module")
def graded(tmp_path_factory) -> tuple[Path, dict]:
    """A real grading run: max_subarray solved, box_iou with a wrong answer, the cnn quiz not answered."""
    tmp = tmp_path_factory.mktemp("graded")
    target = tmp / "student"
    (target / "max_subarray").mkdir(parents=True)
    shutil.copy(ROOT / "solutions/max_subarray/max_subarray.py", target / "max_subarray/max_subarray.py")
    (target / "box_iou").mkdir()
    shutil.copy(ROOT / "tests/wrong_answers/box_iou/plus_one_widths.py", target / "box_iou/box_iou.py")
    results = tmp / "results.json"
    proc = subprocess.run(
        [sys.executable, "-m", "grading", "max_subarray", "box_iou", "quiz_cnn", "--target", str(target)]
        + ["--results", str(results), "-q", "-j", "2", "--worker", "run"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=280,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    return results, json.loads(results.read_text())


def formats(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "grading.formats", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.timeout(300)
def test_a_real_run_converts_to_gradescope(graded, tmp_path):
    results, doc = graded
    out = tmp_path / "gradescope.json"
    proc = formats("gradescope", str(results), str(out), "--execution-time", "9.6", "--output", "hello")
    assert proc.returncode == 0, proc.stderr
    gs = json.loads(out.read_text())
    assert spec_problems(gs) == []
    assert gs["score"] == doc["total"]["points"]
    assert gs["execution_time"] == 10 and gs["output"].startswith("hello\n\n")
    by_exercise: dict[str, list[dict]] = {}
    for test in gs["tests"]:
        by_exercise.setdefault(test["name"].split(":")[0], []).append(test)
    assert list(by_exercise) == ["max_subarray", "box_iou", "quiz_cnn"]
    for e in doc["exercises"]:
        entries = by_exercise[e["slug"]]
        counted = [x for x in e["tests"] if x["outcome"] != "skipped"]
        assert len(entries) == len(counted)
        assert sum(x["max_score"] for x in entries) == e["max_points"]
    assert all(x["status"] == "passed" for x in by_exercise["max_subarray"])
    assert {x["tags"][0] for x in by_exercise["box_iou"]} == {TOPICS["box_iou"]}
    failing = [x for x in by_exercise["box_iou"] if x["status"] == "failed"]
    assert failing and all(x["score"] == 0 and x["output"] for x in failing)
    assert all(x["status"] == "failed" and x["tags"] == ["quiz"] for x in by_exercise["quiz_cnn"])
    assert "Not in the submission (1, each scores 0): quiz_cnn." in gs["output"]


@pytest.mark.timeout(300)
def test_a_real_run_converts_to_junit(junitparser, graded, tmp_path):
    results, doc = graded
    out = tmp_path / "junit.xml"
    proc = formats("junit", str(results), str(out))
    assert proc.returncode == 0, proc.stderr
    cases = read_junit(junitparser, out)
    assert list(cases) == ["max_subarray", "box_iou", "quiz_cnn"]
    for e in doc["exercises"]:
        assert list(cases[e["slug"]]) == [x["name"] for x in e["tests"]]
        for x in e["tests"]:
            case = cases[e["slug"]][x["name"]]
            if x["outcome"] == "passed":
                assert case.is_passed
            elif x["outcome"] == "skipped":
                assert case.is_skipped
            else:
                (failure,) = case.result
                assert isinstance(failure, junitparser.Failure) and failure.text == x["message"]


@pytest.mark.timeout(300)
def test_a_real_run_reports_points_to_github_classroom(graded, tmp_path):
    results, doc = graded
    summary = tmp_path / "summary.md"
    proc = formats("classroom", str(results), "--grade-status", "1", env={"GITHUB_STEP_SUMMARY": str(summary)})
    points, max_points = doc["total"]["points"], doc["total"]["max_points"]
    assert proc.returncode == 1, "the job fails where the grading run did"
    lines = proc.stdout.splitlines()
    assert f"::notice title=Autograding complete::Points {points}/{max_points}" in lines
    assert f'::notice title=Autograding report::{{"totalPoints":{points},"maxPoints":{max_points}}}' in lines
    text = summary.read_text()
    assert text.startswith(f"### Points {points}/{max_points}")
    assert "| max_subarray | passed |" in text and "| box_iou | failed |" in text


@pytest.mark.parametrize("status", [2, 3])
def test_classroom_reports_no_points_when_grading_did_not_finish(graded, status):
    results, _ = graded
    proc = formats("classroom", str(results), "--grade-status", str(status), env={"GITHUB_STEP_SUMMARY": ""})
    assert proc.returncode == status
    assert "::error title=Grading failed::" in proc.stdout
    assert "Points" not in proc.stdout.replace("no points", "")


def test_classroom_without_results_is_an_error_not_zero_points(tmp_path):
    proc = formats("classroom", str(tmp_path / "absent.json"), "--grade-status", "1", env={"GITHUB_STEP_SUMMARY": ""})
    assert proc.returncode == 3
    assert proc.stdout.startswith("::error title=Grading failed::no results to report")
    assert "::notice" not in proc.stdout


def test_write_gradescope_writes_the_document(results, tmp_path):
    path = tmp_path / "results.json"
    write_gradescope(path, results, execution_time=3)
    assert json.loads(path.read_text()) == gradescope_document(results, execution_time=3)
