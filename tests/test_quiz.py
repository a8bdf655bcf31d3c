"""The concept quizzes: their content, their keys, the answers file, the grader, the interactive mode and the
command line (grading/quiz.py, quizzes/*.toml, tools/quiz_keys.py).

Fast: everything reads TOML and writes small files, except the check of the numeric keys, which imports
torch to derive them.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import textwrap
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from grading import quiz

ROOT = Path(__file__).resolve().parent.parent
QUIZZES = quiz.load_all()
TOPICS = [q.topic for q in QUIZZES]
ITEMS = [(q, it) for q in QUIZZES for it in q.items]
ITEM_IDS = [f"{q.topic}.{it.id}" for q, it in ITEMS]
CATALOGUE = tomllib.loads((ROOT / "catalogue.toml").read_text(encoding="utf-8"))
SEED_FILES = ("000_1a4e42d0338c0b07.txt", "004_4864363d713f5d38.txt")
SEEDS = ROOT.parent / "shared" / "seeds"  # the notes; outside the repository, so the check skips without them
CJK = re.compile(r"[\u4e00-\u9fff]")


# ------------------------------------------------------------------------------------------------ helpers


def right_value(item: quiz.Item):
    """The key in the form a learner writes it in the answers file."""
    return list(item.answer) if isinstance(item.answer, tuple) else item.answer


def wrong_value(item: quiz.Item):
    """A well-formed answer that differs from the key."""
    letters = quiz.LETTERS[: len(item.options)]
    if item.kind == quiz.SINGLE:
        return next(c for c in letters if c != item.answer)
    if item.kind == quiz.MULTIPLE:
        return [c for c in letters if c not in item.answer]  # the complement: never the key, never empty
    if item.kind == quiz.ORDERING:
        return list(reversed(item.answer))
    return item.answer + 10 * item.tolerance + 1


def typed(value) -> str:
    """What a learner types in the interactive mode for a value."""
    return " ".join(value) if isinstance(value, list) else str(value)


def write_answers(path: Path, q: quiz.Quiz, answers: dict, extra: dict | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(quiz.render_answers(q, answers, extra), encoding="utf-8")
    return path


def by_id(result: quiz.QuizResult) -> dict[str, quiz.ItemResult]:
    return {r.item_id: r for r in result.items}


TOY = """
title = "Toy quiz"
description = "One item of each kind."

[[item]]
id = "pick_one"
name = "Pick one"
kind = "single"
source = "000_1a4e42d0338c0b07.txt · 一面"
quote = "ROC 和 AUC"
quote_en = "ROC and AUC"
question = "Which one?"
options = ["first", "second", "third"]
answer = "B"
explanation = "Because the second."
on_the_notes = "The notes are silent."

[[item]]
id = "pick_some"
name = "Pick some"
kind = "multiple"
points = 2
source = "000_1a4e42d0338c0b07.txt · 一面"
quote = "ROC 和 AUC"
quote_en = "ROC and AUC"
question = "Which ones?"
options = ["alpha", "beta", "gamma", "delta"]
answer = ["A", "C"]
explanation = "Alpha and gamma."
on_the_notes = "The notes are silent."

[[item]]
id = "a_number"
name = "A number"
kind = "numeric"
source = "000_1a4e42d0338c0b07.txt · 一面"
quote = "ROC 和 AUC"
quote_en = "ROC and AUC"
question = "How many?"
answer = 576
tolerance = 0
derivation = "dwconv_params"
explanation = "Nine times sixty-four."
on_the_notes = "The notes are silent."

[[item]]
id = "in_order"
name = "In order"
kind = "ordering"
source = "000_1a4e42d0338c0b07.txt · 一面"
quote = "ROC 和 AUC"
quote_en = "ROC and AUC"
question = "First to last?"
options = ["two", "three", "one"]
answer = ["C", "A", "B"]
explanation = "One, two, three."
on_the_notes = "The notes are silent."

[[item]]
id = "a_ratio"
name = "A ratio"
kind = "numeric"
source = "000_1a4e42d0338c0b07.txt · 一面"
quote = "ROC 和 AUC"
quote_en = "ROC and AUC"
question = "Three decimals?"
answer = 0.142857
tolerance = 0.0005
derivation = "iou_of_two_boxes"
explanation = "One seventh."
on_the_notes = "The notes are silent."
"""

TOY_RIGHT = {"pick_one": "B", "pick_some": ["A", "C"], "a_number": 576, "in_order": ["C", "A", "B"], "a_ratio": 0.143}


@pytest.fixture
def toy(tmp_path: Path) -> quiz.Quiz:
    folder = tmp_path / "quizzes"
    folder.mkdir()
    (folder / "toy.toml").write_text(TOY, encoding="utf-8")
    return quiz.load_quiz(folder / "toy.toml")


def toy_file(tmp_path: Path, toy: quiz.Quiz, text: str) -> Path:
    path = quiz.answers_path(tmp_path / "alice", toy.topic)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------------ content


def test_there_are_quizzes_for_the_topics_of_the_notes():
    assert {"detection", "cnn", "transformers", "training", "losses", "metrics", "python", "cpp"} <= set(TOPICS)
    assert len(ITEMS) >= 100, f"only {len(ITEMS)} items"


@pytest.mark.parametrize(("q", "item"), ITEMS, ids=ITEM_IDS)
def test_item_is_well_formed(q, item):
    where = f"{q.path.name}: {item.id}"
    note, _, section = item.source.partition(" · ")
    assert note in SEED_FILES and section.strip(), f"{where}: source must be '<note file> · <section>'"
    assert CJK.search(item.quote), f"{where}: the quote is the notes' Chinese text"
    assert not CJK.search(item.quote_en), f"{where}: quote_en is the English rendering"
    assert item.covers, f"{where}: covers names the question of the notes it belongs to"
    assert len(item.explanation) >= 60, f"{where}: the explanation says why"
    if item.kind in (quiz.SINGLE, quiz.MULTIPLE, quiz.ORDERING):
        assert len(item.options) >= 3, f"{where}: at least three options"
    if item.kind == quiz.MULTIPLE:
        assert "every" in item.question.lower() or "select" in item.question.lower(), (
            f"{where}: a multiple-choice question says that every correct option must be selected"
        )


@pytest.mark.parametrize(("q", "item"), ITEMS, ids=ITEM_IDS)
def test_item_quotes_its_note_verbatim(q, item):
    if not SEEDS.is_dir():
        pytest.skip(f"the notes are not at {SEEDS}")
    note = item.source.split(" · ")[0]
    text = " ".join((SEEDS / note).read_text(encoding="utf-8").split())
    pos = 0
    for piece in item.quote.split("…"):  # "…" joins pieces that are apart in the notes, in their order
        piece = " ".join(piece.split())
        if not piece:
            continue
        found = text.find(piece, pos)
        assert found >= 0, f"{q.path.name}: {item.id}: not in {note} (after the previous piece): {piece!r}"
        pos = found + len(piece)


def test_single_choice_keys_are_spread_over_the_letters():
    keys = Counter(it.answer for _, it in ITEMS if it.kind == quiz.SINGLE)
    total = sum(keys.values())
    assert len(keys) >= 4 and max(keys.values()) <= 0.4 * total, f"the right answer's position gives it away: {keys}"


def test_every_no_code_question_of_the_catalogue_has_several_quiz_items():
    covered = Counter(c for _, it in ITEMS for c in it.covers if c.startswith("no_code:"))
    questions = [f"no_code:{entry['question']}" for entry in CATALOGUE["no_code"]]
    thin = {q: covered[q] for q in questions if covered[q] < 2}
    assert not thin, f"no_code entries with fewer than two items: {thin}"
    stale = set(covered) - set(questions)
    assert not stale, f"covers names no_code questions that catalogue.toml does not have: {sorted(stale)}"


def test_every_exercise_has_its_concept_question_in_a_quiz():
    slugs = [ex["slug"] for ex in CATALOGUE["exercise"]]
    covered = {c.removeprefix("exercise:") for _, it in ITEMS for c in it.covers if c.startswith("exercise:")}
    assert not set(slugs) - covered, f"exercises without a quiz item: {sorted(set(slugs) - covered)}"
    assert not covered - set(slugs), f"covers names exercises not in catalogue.toml: {sorted(covered - set(slugs))}"


@pytest.mark.timeout(120)
def test_numeric_keys_equal_their_derivation():
    sys.path.insert(0, str(ROOT))
    from tools import quiz_keys

    rows = quiz_keys.check(QUIZZES)
    assert len(rows) == sum(it.kind == quiz.NUMERIC for _, it in ITEMS)
    problems = [f"{name}: key {key}: {problem}" for name, key, _, problem in rows if problem]
    assert not problems, "\n".join(problems)
    named = {it.derivation for _, it in ITEMS if it.kind == quiz.NUMERIC}
    assert set(quiz_keys.DERIVATIONS) == named, f"derivations no item uses: {set(quiz_keys.DERIVATIONS) - named}"


# ------------------------------------------------------------------------------------------ keys that cannot be gamed


@pytest.mark.parametrize("q", QUIZZES, ids=TOPICS)
def test_right_answers_score_full_marks(q, tmp_path):
    path = write_answers(tmp_path / "answers.toml", q, {it.id: right_value(it) for it in q.items})
    result = quiz.grade(q, path)
    failed = [f"{r.item_id}: {r.message}" for r in result.items if r.outcome != quiz.PASSED]
    assert not failed and result.status == quiz.PASSED, failed
    assert result.points == result.max_points == q.max_points


@pytest.mark.parametrize("q", QUIZZES, ids=TOPICS)
def test_wrong_answers_score_zero(q, tmp_path):
    path = write_answers(tmp_path / "answers.toml", q, {it.id: wrong_value(it) for it in q.items})
    result = quiz.grade(q, path)
    scored = [r.item_id for r in result.items if r.points]
    assert not scored, f"wrong answers scored: {scored}"
    assert all(r.outcome == quiz.FAILED and "the answer is" in r.message for r in result.items)


@pytest.mark.parametrize("q", QUIZZES, ids=TOPICS)
def test_a_blank_answers_file_scores_zero(q, tmp_path):
    path = quiz.write_blank_answers(q, tmp_path / "answers.toml")
    result = quiz.grade(q, path)
    assert result.points == 0 and result.status == quiz.FAILED
    assert {r.message for r in result.items} == {"not answered"}


@pytest.mark.parametrize("q", QUIZZES, ids=TOPICS)
def test_all_options_or_the_listed_order_never_scores(q, tmp_path):
    """Ticking every box, or copying the options in the order they are listed, is never right."""
    answers = {
        it.id: list(quiz.LETTERS[: len(it.options)]) for it in q.items if it.kind in (quiz.MULTIPLE, quiz.ORDERING)
    }
    answers |= {it.id: "".join(quiz.LETTERS[: len(it.options)]) for it in q.items if it.kind == quiz.SINGLE}
    path = write_answers(tmp_path / "answers.toml", q, answers)
    result = quiz.grade(q, path)
    scored = [r.item_id for r in result.items if r.points]
    assert not scored, f"an all-options answer scored: {scored}"


@pytest.mark.parametrize(("q", "item"), [(q, it) for q, it in ITEMS if it.kind == quiz.SINGLE])
def test_exactly_one_letter_scores_a_single_choice(q, item, tmp_path):
    scoring = []
    for letter in quiz.LETTERS[: len(item.options)]:
        result = quiz.grade(q, write_answers(tmp_path / "answers.toml", q, {item.id: letter}))
        if by_id(result)[item.id].points:
            scoring.append(letter)
    assert scoring == [item.answer]


# ------------------------------------------------------------------------------------------------ validation


def broken(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    assert old in TOY
    path = tmp_path / "broken.toml"
    path.write_text(TOY.replace(old, new, count), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('answer = "B"', 'answer = ["B", "C"]', r"pick_one\).*one letter .*exactly one correct option"),
        ('answer = "B"', 'answer = "D"', r"pick_one\).*one letter from A to C"),
        ('["first", "second", "third"]', '["first", "First ", "third"]', r"options \['A', 'B'\] say the same"),
        ('["first", "second", "third"]', '["first"]', r"pick_one\).*between 2 and 26 options"),
        ('answer = ["A", "C"]', 'answer = ["A", "B", "C", "D"]', r"pick_some\).*at least one correct and one wrong"),
        ('answer = ["A", "C"]', "answer = []", r"pick_some\).*at least one correct and one wrong"),
        ('answer = ["A", "C"]', 'answer = ["A", "A"]', r"pick_some\).*appears twice"),
        ('answer = ["A", "C"]', 'answer = ["A", "E"]', r"pick_some\).*list of letters from A to D"),
        ("tolerance = 0\n", "", r"a_number\).*needs a tolerance"),
        ("tolerance = 0\n", "tolerance = -1\n", r"a_number\).*tolerance must be a number >= 0"),
        ("answer = 576", 'answer = "576"', r"a_number\).*finite number"),
        ('derivation = "dwconv_params"\n', "", r"a_number\).*names its derivation"),
        ('answer = ["C", "A", "B"]', 'answer = ["C", "A"]', r"in_order\).*every letter once"),
        ('answer = ["C", "A", "B"]', 'answer = ["A", "B", "C"]', r"in_order\).*must not be the listed order"),
        ('kind = "single"', 'kind = "essay"', r"pick_one\).*kind must be one of"),
        ('id = "pick_one"', 'id = "Pick One"', r"item #1 \(Pick One\).*id must match"),
        ('id = "pick_some"', 'id = "pick_one"', r"item #2 \(pick_one\): id used twice"),
        ('explanation = "Because the second."\n', "", r"pick_one\).*missing \['explanation'\]"),
        ('name = "Pick one"', 'name = "Pick one"\ntolerence = 1', r"pick_one\).*unknown fields \['tolerence'\]"),
        ("points = 2", "points = 0", r"pick_some\).*points must be a positive integer"),
        ('title = "Toy quiz"', 'title = "Toy quiz', r"broken.toml: not valid TOML"),
    ],
)
def test_a_broken_quiz_file_is_refused_naming_the_file_and_the_item(tmp_path, old, new, message):
    path = broken(tmp_path, old, new)
    with pytest.raises(ValueError, match=message) as info:
        quiz.load_quiz(path)
    assert "broken.toml" in str(info.value)


# ------------------------------------------------------------------------------------------------ grading a file


def test_answers_live_in_the_target_next_to_the_exercises(tmp_path):
    assert quiz.answers_path(tmp_path, "cnn") == tmp_path / "_quizzes" / "cnn.toml"


def test_points_per_item_and_every_kind_of_right_answer(toy, tmp_path):
    path = write_answers(tmp_path / "a.toml", toy, TOY_RIGHT)
    result = quiz.grade(toy, path)
    assert result.status == quiz.PASSED and result.points == result.max_points == 6
    assert by_id(result)["pick_some"].max_points == 2


def test_letters_are_read_whatever_their_case_and_spacing(toy, tmp_path):
    path = toy_file(
        tmp_path,
        toy,
        """
        pick_one = " b "
        pick_some = ["c", "A"]
        a_number = 576.0
        in_order = ["c", "a", "b"]
        a_ratio = "0.1429"
        """,
    )
    assert quiz.grade(toy, path).status == quiz.PASSED


def test_numbers_are_accepted_within_the_tolerance_and_not_beyond(toy, tmp_path):
    for value, ok in [(0.1424, True), (0.1433, True), (0.1420, False), (0.144, False), (1 / 7, True)]:
        result = quiz.grade(toy, write_answers(tmp_path / "a.toml", toy, {"a_ratio": value}))
        assert (by_id(result)["a_ratio"].outcome == quiz.PASSED) is ok, value
    result = quiz.grade(toy, write_answers(tmp_path / "a.toml", toy, {"a_number": 577}))
    assert by_id(result)["a_number"].message == "answered 577; the answer is 576 (± 0)"


def test_a_missing_answers_file_scores_zero_and_says_so(toy, tmp_path):
    result = quiz.grade(toy, tmp_path / "nowhere.toml")
    assert result.status == quiz.MISSING and result.points == 0
    assert "no answers file" in result.note and len(result.items) == len(toy.items)


def test_a_file_that_is_not_toml_costs_the_whole_quiz_with_a_clear_message(toy, tmp_path):
    path = toy_file(tmp_path, toy, 'pick_one = "B"\npick_some = A C\na_number = 576\n')
    result = quiz.grade(toy, path)
    assert result.status == quiz.ERROR and result.points == 0
    assert result.note.startswith("toy.toml is not valid TOML (Invalid value (at line 2, column 13))")
    assert "in the entry `pick_some = A C`; no item could be read" in result.note
    assert all(r.outcome == quiz.ERROR and r.message == result.note for r in result.items)


def test_a_file_that_is_not_utf8_costs_the_whole_quiz(toy, tmp_path):
    path = quiz.answers_path(tmp_path, toy.topic)
    path.parent.mkdir(parents=True)
    path.write_bytes(b'pick_one = "\xff"\n')
    result = quiz.grade(toy, path)
    assert result.status == quiz.ERROR and "not UTF-8" in result.note


def test_an_unknown_entry_is_named_and_costs_nothing(toy, tmp_path):
    path = write_answers(tmp_path / "a.toml", toy, TOY_RIGHT, extra={"pick_onee": "B"})
    result = quiz.grade(toy, path)
    assert result.points == result.max_points
    assert "'pick_onee' (did you mean pick_one?)" in result.note


def test_a_misspelt_item_is_not_answered_and_the_note_says_where_the_answer_went(toy, tmp_path):
    answers = {k: v for k, v in TOY_RIGHT.items() if k != "pick_one"}
    result = quiz.grade(toy, write_answers(tmp_path / "a.toml", toy, answers, extra={"pickone": "B"}))
    assert by_id(result)["pick_one"].message == "not answered"
    assert result.points == result.max_points - 1 and "pickone" in result.note


@pytest.mark.parametrize(
    ("item_id", "value", "message"),
    [
        ("pick_one", '["B"]', 'pick_one: cannot read the answer: expected one letter in quotes such as "B", got the'),
        ("pick_one", '"Z"', "pick_one: cannot read the answer: there is no option Z: the options are A to C"),
        ("pick_one", '"BC"', "expected one letter in quotes such as \"B\", got 'BC'"),
        ("pick_one", "2", 'expected one letter in quotes such as "B", got int 2'),
        ("pick_some", '"A, C"', "pick_some: cannot read the answer: expected a list of letters"),
        ("pick_some", '["A", "A"]', "A is listed twice"),
        ("pick_some", '["A", "E"]', "there is no option E: the options are A to D"),
        ("pick_some", "[1, 2]", "expected a list of letters"),
        ("a_number", '"five hundred"', "a_number: cannot read the answer: expected a number, got the text"),
        ("a_number", "true", "expected a number, got the boolean true"),
        ("a_number", "nan", "expected a finite number"),
        ("a_number", "{ value = 576 }", "expected a number, got a table"),
        ("in_order", '["C", "A"]', "in_order: cannot read the answer: an ordering lists every letter once; B missing"),
        ("in_order", '"CAB"', "expected a list of letters"),
    ],
)
def test_an_entry_of_the_wrong_form_costs_only_its_item(toy, tmp_path, item_id, value, message):
    lines = [f"{k} = {quiz._toml_value(v)}" for k, v in TOY_RIGHT.items() if k != item_id]
    path = toy_file(tmp_path, toy, "\n".join([*lines, f"{item_id} = {value}", ""]))
    result = quiz.grade(toy, path)
    bad = by_id(result)[item_id]
    assert bad.outcome == quiz.ERROR and bad.points == 0
    assert message in bad.message
    assert result.points == result.max_points - bad.max_points, "only the unreadable item may cost points"


def test_result_as_a_results_json_entry(toy, tmp_path):
    from grading.schema import results_document, validate

    result = quiz.grade(toy, write_answers(tmp_path / "a.toml", toy, {"pick_one": "A"})).to_result()
    assert (result.slug, result.kind, result.max_points, result.points) == ("quiz_toy", "quiz", 6, 0)
    doc = results_document(tmp_path, [result], {"quiz_toy": "Toy"})
    assert validate(doc) == []
    (entry,) = doc["exercises"]
    assert entry["kind"] == "quiz" and entry["status"] == "failed"
    assert entry["tests"][0] == {
        "name": "pick_one",
        "nodeid": "quizzes/toy.toml::pick_one",
        "outcome": "failed",
        "points": 0,
        "max_points": 1,
        "by_hand": False,
        "message": "answered A; the answer is B",
    }


def test_the_blank_file_shows_each_question_and_parses_as_toml(tmp_path):
    q = quiz.load_quiz("cnn")
    path = quiz.write_blank_answers(q, tmp_path / "cnn.toml")
    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert list(data) == [it.id for it in q.items]
    item = q.get("depthwise_conv_pytorch")
    assert "#   A. nn.Conv2d(C, C, 3, padding=1, groups=C)" in text
    assert item.quote in text and "Answer: one letter in quotes" in text
    with pytest.raises(FileExistsError):
        quiz.write_blank_answers(q, path)


# ------------------------------------------------------------------------------------------------ interactive


def run(toy: quiz.Quiz, path: Path, lines: list[str], **kw) -> tuple[quiz.QuizResult, str]:
    out = io.StringIO()
    result = quiz.run_interactive(toy, path, io.StringIO("".join(f"{x}\n" for x in lines)), out, **kw)
    return result, out.getvalue()


def test_interactive_right_answers_give_feedback_and_write_the_same_file(toy, tmp_path):
    path = quiz.answers_path(tmp_path, "toy")
    result, out = run(toy, path, ["b", "A, C", "576", "C A B", "0.143"])
    assert result.points == result.max_points == 6
    assert out.count("Correct") == 5
    assert "Why: Because the second." in out and "On the notes: The notes are silent." in out
    assert quiz.grade(toy, path).status == quiz.PASSED  # the file itself, graded afresh


def test_interactive_wrong_answer_shows_the_key_and_the_explanation(toy, tmp_path):
    _, out = run(toy, quiz.answers_path(tmp_path, "toy"), ["A"])
    assert "Not quite: you answered A; the answer is B." in out and "Why: Because the second." in out


def test_interactive_asks_again_after_input_it_cannot_read(toy, tmp_path):
    result, out = run(toy, quiz.answers_path(tmp_path, "toy"), ["Z", "B and C", "B"])
    assert out.count("Cannot read that") == 2 and "there is no option Z" in out
    assert by_id(result)["pick_one"].outcome == quiz.PASSED


def test_interactive_ends_cleanly_at_the_end_of_input_keeping_what_was_answered(toy, tmp_path):
    path = quiz.answers_path(tmp_path, "toy")
    result, out = run(toy, path, ["B", "A C"])
    assert "(end of input)" in out and "2 answered" in out
    assert result.points == 3 and tomllib.loads(path.read_text())["pick_some"] == ["A", "C"]


def test_interactive_with_no_input_writes_nothing(toy, tmp_path):
    path = quiz.answers_path(tmp_path, "toy")
    result, out = run(toy, path, [])
    assert not path.exists() and result.status == quiz.MISSING and "nothing new saved" in out


def test_interactive_skip_and_quit(toy, tmp_path):
    path = quiz.answers_path(tmp_path, "toy")
    result, out = run(toy, path, ["", "A C", "q", "576"])
    assert "(skipped)" in out
    assert by_id(result)["pick_one"].message == "not answered" and by_id(result)["a_number"].message == "not answered"
    assert by_id(result)["pick_some"].outcome == quiz.PASSED


def test_interactive_asks_only_what_is_unanswered_unless_redo(toy, tmp_path):
    path = quiz.answers_path(tmp_path, "toy")
    run(toy, path, ["A", "A C"])  # pick_one wrong, pick_some right, the rest left
    _, out = run(toy, path, ["576", "C A B", "0.143"])
    assert "[1/5]" not in out and "[3/5]" in out
    assert by_id(quiz.grade(toy, path))["pick_one"].message == "answered A; the answer is B"
    result, out = run(toy, path, ["B"], redo=True)
    assert "[1/5]" in out and result.points == result.max_points


def test_interactive_reasks_an_unreadable_entry_and_keeps_unknown_entries(toy, tmp_path):
    path = toy_file(tmp_path, toy, 'pick_one = "Z"\nmy_note = "check this"\n')
    result, _ = run(toy, path, ["B"])
    assert by_id(result)["pick_one"].outcome == quiz.PASSED
    assert tomllib.loads(path.read_text())["my_note"] == "check this"


def test_interactive_leaves_a_file_that_is_not_toml_untouched(toy, tmp_path):
    path = toy_file(tmp_path, toy, "pick_one = [\n")
    result, out = run(toy, path, ["B"])
    assert path.read_text() == "pick_one = [\n" and result.status == quiz.ERROR
    assert "not valid TOML" in out and "the file was not changed" in out


# ------------------------------------------------------------------------------------------------ command line


def cli(*args: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    rc = quiz.main(list(args), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return rc, out.getvalue(), err.getvalue()


def test_no_topic_lists_the_topics(tmp_path):
    rc, out, _ = cli("--target", str(tmp_path))
    assert rc == 0
    for q in QUIZZES:
        assert re.search(rf"^  {q.topic}\s+{len(q.items)} items", out, re.M), q.topic


def test_an_unknown_topic_is_a_usage_error(tmp_path):
    rc, out, err = cli("detectoin", "--target", str(tmp_path))
    assert rc == 2 and not out
    assert "no quiz named 'detectoin'; did you mean detection?" in err


def test_a_target_that_is_not_a_folder_is_a_usage_error(tmp_path):
    rc, _, err = cli("cnn", "--target", str(tmp_path / "nope"))
    assert rc == 2 and "--target" in err


def test_blank_then_grade(tmp_path):
    rc, out, _ = cli("coding", "--blank", "--target", str(tmp_path))
    assert rc == 0 and (tmp_path / "_quizzes" / "coding.toml").is_file()
    rc, _, err = cli("coding", "--blank", "--target", str(tmp_path))
    assert rc == 1 and "left as it is" in err
    rc, out, _ = cli("coding", "--grade", "--target", str(tmp_path))
    assert rc == 1 and "coding: 0/" in out and "not answered" in out


def test_grade_every_topic_exits_zero_only_when_everything_passes(tmp_path):
    for q in QUIZZES:
        write_answers(quiz.answers_path(tmp_path, q.topic), q, {it.id: right_value(it) for it in q.items})
    rc, out, _ = cli("--grade", "--target", str(tmp_path))
    total = sum(q.max_points for q in QUIZZES)
    assert rc == 0 and f"Quiz points {total}/{total}" in out
    quiz.answers_path(tmp_path, "cpp").unlink()
    rc, out, _ = cli("--grade", "--target", str(tmp_path))
    assert rc == 1 and "cpp: 0/" in out and "missing" in out


def test_the_interactive_mode_end_to_end_through_a_pipe(tmp_path):
    """A real process with a real pipe for standard input: the right answers score 100 %."""
    q = quiz.load_quiz("coding")
    answers = "".join(typed(right_value(it)) + "\n" for it in q.items)
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; from grading.quiz import main; sys.exit(main())", "coding"]
        + ["--target", str(tmp_path)],
        input=answers,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert f"Score for coding: {q.max_points}/{q.max_points} (100 %)" in proc.stdout
    assert "Your answer (a number): 6\n" in proc.stdout, "piped answers are echoed after their prompt"
    assert quiz.grade(q, quiz.answers_path(tmp_path, "coding")).status == quiz.PASSED


def test_the_interactive_mode_stops_cleanly_when_the_pipe_closes_early(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; from grading.quiz import main; sys.exit(main())", "cpp"]
        + ["--target", str(tmp_path)],
        input="A B C\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 0 and not proc.stderr
    assert "(end of input)" in proc.stdout and "1 answered" in proc.stdout


def test_interactive_says_which_tables_it_cannot_keep(toy, tmp_path):
    path = toy_file(tmp_path, toy, 'pick_one = "B"\n[scratch]\nidea = "later"\n')
    _, out = run(toy, path, ["A C"])
    assert "the tables ['scratch']" in out and "will not be kept" in out
    assert "scratch" not in tomllib.loads(path.read_text())


def test_ctrl_c_in_the_interactive_mode_keeps_the_answers_and_exits_130(tmp_path):
    class AnswerThenInterrupt(io.StringIO):
        def readline(self, *args):
            line = super().readline(*args)
            if not line:
                raise KeyboardInterrupt
            return line

    out, err = io.StringIO(), io.StringIO()
    q = quiz.load_quiz("coding")
    first = q.items[0]
    rc = quiz.main(
        ["coding", "--target", str(tmp_path)],
        stdin=AnswerThenInterrupt(f"{typed(right_value(first))}\n"),
        stdout=out,
        stderr=err,
    )
    assert rc == 130 and "interrupted" in err.getvalue()
    assert by_id(quiz.grade(q, quiz.answers_path(tmp_path, "coding")))[first.id].outcome == quiz.PASSED


def test_the_answers_files_shipped_in_exercises_and_solutions_are_up_to_date():
    from tools.stubgen import quiz_answer_files

    stale = [str(p) for p, text in quiz_answer_files().items() if not p.is_file() or p.read_text() != text]
    assert not stale, f"out of date (run python tools/stubgen.py --quizzes): {stale}"


def test_the_solutions_answers_score_every_point_and_the_blank_ones_none():
    from grading.layout import LAYOUT

    for q in quiz.load_all():
        right = quiz.grade(q, quiz.answers_path(LAYOUT.solutions, q.topic))
        blank = quiz.grade(q, quiz.answers_path(LAYOUT.exercises, q.topic))
        assert right.status == quiz.PASSED and right.points == right.max_points > 0, q.topic
        assert blank.points == 0 and blank.status == quiz.FAILED, q.topic
