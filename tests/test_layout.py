"""The catalogue, the folders, the stubs, the solutions and the graders agree.

Everything here reads files (the stubs and graders are parsed, not imported), except the doctests, which
import each solution and run the examples in its docstrings.
"""

from __future__ import annotations

import ast
import doctest
import importlib.util
import re
import sys
from pathlib import Path

import pytest

from grading import catalogue as cat
from grading.layout import LAYOUT
from tools.wrong_answers import discover

ROOT = LAYOUT.root
CATALOGUE = cat.load()
READY = [ex.slug for ex in CATALOGUE.ready]
SEED_FILES = ("000_1a4e42d0338c0b07.txt", "004_4864363d713f5d38.txt")
CJK = re.compile(r"[\u4e00-\u9fff]")


stub_path, solution_path, grader_path = LAYOUT.stub, LAYOUT.solution, LAYOUT.grader


def parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def public_defs(tree: ast.Module) -> dict[str, ast.AST]:
    return {
        n.name: n
        for n in tree.body
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and not n.name.startswith("_")
    }


def signature(fn: ast.FunctionDef) -> str:
    returns = f" -> {ast.unparse(fn.returns)}" if fn.returns else ""
    return f"({ast.unparse(fn.args)}){returns}"


def is_given(path: Path, node: ast.AST) -> bool:
    lines = path.read_text(encoding="utf-8").splitlines()
    first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
    return first >= 2 and lines[first - 2].strip().lower().startswith("# given")


def raises_not_implemented(node: ast.AST) -> bool:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Raise) and sub.exc is not None:
            exc = sub.exc.func if isinstance(sub.exc, ast.Call) else sub.exc
            if isinstance(exc, ast.Name) and exc.id == "NotImplementedError":
                return True
    return False


# ------------------------------------------------------------------------------------- catalogue


def test_catalogue_slugs_are_unique_identifiers():
    slugs = CATALOGUE.slugs
    assert len(slugs) == len(set(slugs))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", s) for s in slugs), slugs
    assert CATALOGUE.no_code, "the catalogue keeps the list of questions without code"


@pytest.mark.parametrize("slug", CATALOGUE.slugs)
def test_catalogue_status_matches_the_files(slug):
    ex = CATALOGUE.get(slug)
    files = {"stub": stub_path(slug), "solution": solution_path(slug), "grader": grader_path(slug)}
    present = {k for k, p in files.items() if p.is_file()}
    if ex.ready:
        assert present == set(files), f"{slug} is ready but lacks {sorted(set(files) - present)}"
    else:
        assert not present, f"{slug} is marked planned but has {sorted(present)}: mark it ready in catalogue.toml"


def test_every_folder_and_grader_belongs_to_a_catalogue_exercise():
    slugs = set(CATALOGUE.slugs)
    stray = []
    for base in (LAYOUT.exercises, LAYOUT.solutions, LAYOUT.wrong_answers_root):
        for p in base.iterdir():
            if p.is_dir() and not p.name.startswith(("_", ".")) and p.name not in slugs:
                stray.append(str(p.relative_to(ROOT)))
    for p in LAYOUT.graders.glob("test_*.py"):
        if p.stem.removeprefix("test_") not in slugs:
            stray.append(f"graders/{p.name}")
    assert not stray, f"not in catalogue.toml: {stray}"


# ------------------------------------------------------------------------------------- stubs and solutions


@pytest.mark.parametrize("slug", READY)
def test_stub_and_solution_define_the_same_names_signatures_and_docstrings(slug):
    stub, sol = parse(stub_path(slug)), parse(solution_path(slug))
    assert ast.get_docstring(stub) == ast.get_docstring(sol), "module docstrings differ"
    a, b = public_defs(stub), public_defs(sol)
    assert set(a) == set(b), f"public names differ: {sorted(set(a) ^ set(b))}"
    for name, node in a.items():
        other = b[name]
        assert type(node) is type(other), name
        assert ast.get_docstring(node) == ast.get_docstring(other), f"docstring of {name} differs"
        if isinstance(node, ast.ClassDef):
            assert [ast.unparse(x) for x in node.bases] == [ast.unparse(x) for x in other.bases], name
            ma = {m.name: m for m in node.body if isinstance(m, ast.FunctionDef) and not _private(m.name)}
            mb = {m.name: m for m in other.body if isinstance(m, ast.FunctionDef) and not _private(m.name)}
            assert set(ma) == set(mb), f"methods of {name} differ: {sorted(set(ma) ^ set(mb))}"
            for m in ma:
                assert signature(ma[m]) == signature(mb[m]), f"signature of {name}.{m} differs"
                assert ast.get_docstring(ma[m]) == ast.get_docstring(mb[m]), f"docstring of {name}.{m} differs"
        else:
            assert signature(node) == signature(other), f"signature of {name} differs"


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


@pytest.mark.parametrize("slug", READY)
def test_stub_bodies_raise_not_implemented(slug):
    path = stub_path(slug)
    tree = parse(path)
    lazy = []
    for name, node in public_defs(tree).items():
        if is_given(path, node):
            continue
        if isinstance(node, ast.ClassDef):
            methods = [m for m in node.body if isinstance(m, ast.FunctionDef)]
            if not any(raises_not_implemented(m) for m in methods):
                lazy.append(name)
        elif not raises_not_implemented(node):
            lazy.append(name)
    assert not lazy, f"these public names of the stub do not raise NotImplementedError: {lazy}"


@pytest.mark.parametrize("slug", READY)
def test_stub_docstring_opens_with_the_question_and_its_source(slug):
    doc = ast.get_docstring(parse(stub_path(slug))) or ""
    opening = doc.strip().split("\n\n")[0]
    assert CJK.search(opening), f"the module docstring should open with the question quoted from the notes: {opening!r}"
    assert "Source:" in doc and any(f in doc for f in SEED_FILES), "the docstring names the note it quotes"
    for name, node in public_defs(parse(stub_path(slug))).items():
        assert ast.get_docstring(node), f"{name} has no docstring"


@pytest.mark.parametrize("slug", READY)
def test_stub_renders_its_question_in_english_beside_the_chinese(slug):
    paragraphs = (ast.get_docstring(parse(stub_path(slug))) or "").strip().split("\n\n")
    assert len(paragraphs) >= 2 and paragraphs[1].startswith("In English: "), (
        "the module docstring's second paragraph should be a faithful English rendering of the quoted "
        f"question, starting 'In English: '; got {paragraphs[1][:80] if len(paragraphs) > 1 else None!r}"
    )
    assert not CJK.search(paragraphs[1]), "the English rendering should not be in Chinese"


@pytest.mark.parametrize("slug", READY)
def test_grader_never_imports_solutions(slug):
    text = grader_path(slug).read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import)\s+solutions\b", text, re.M)
    assert "solutions/" not in text and "solutions." not in text


@pytest.mark.parametrize("slug", [ex.slug for ex in CATALOGUE.ready if ex.by_hand])
def test_by_hand_exercises_have_a_by_hand_test(slug):
    text = grader_path(slug).read_text(encoding="utf-8")
    assert "pytest.mark.by_hand" in text, f"{slug} is 'by hand' in the catalogue: its grader needs a by_hand test"


@pytest.mark.timeout(60)  # the first torch.optim example imports torch._dynamo: seconds on a busy machine
@pytest.mark.parametrize("slug", READY)
def test_solution_docstring_examples_hold(slug):
    path = solution_path(slug)
    name = f"_kata_doctest_{slug}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
        finder = doctest.DocTestFinder(exclude_empty=True)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        tests = finder.find(module, name)
        for t in tests:
            runner.run(t)
    finally:
        sys.modules.pop(name, None)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0, f"{slug}: no worked example in any docstring"
    assert result.failed == 0, f"{slug}: {result.failed} docstring example(s) fail (see output above)"


# ------------------------------------------------------------------------------------- wrong answers


WRONG = discover()


@pytest.mark.parametrize("slug", READY)
def test_every_ready_exercise_ships_three_wrong_answers(slug):
    mine = [w for w in WRONG if w.slug == slug]
    assert len(mine) >= 3, f"{slug} has {len(mine)} wrong answers in tests/wrong_answers/{slug}/; at least 3 needed"


@pytest.mark.parametrize("wrong", WRONG, ids=[w.id for w in WRONG])
def test_wrong_answer_names_existing_tests(wrong):
    assert wrong.summary, f"{wrong.id}: the docstring's first line says what the mistake is"
    assert wrong.caught_by, f"{wrong.id}: CAUGHT_BY names no test"
    grader = grader_path(wrong.slug)
    assert grader.is_file(), f"{wrong.id}: no grader {grader.name}"
    names = {n.name for n in ast.walk(parse(grader)) if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")}
    unknown = [c for c in wrong.caught_by if c.split("[", 1)[0] not in names]
    assert not unknown, f"{wrong.id}: CAUGHT_BY names tests that {grader.name} does not have: {unknown}"


def test_the_known_mistakes_shown_to_learners_are_the_shipped_wrong_answers():
    from grading.mistakes import base, load

    listed = {(m.slug, m.id): (m.summary, m.caught_by) for ms in load().values() for m in ms}
    shipped = {(w.slug, w.name): (w.summary, frozenset(base(t) for t in w.caught_by)) for w in WRONG}
    assert listed == shipped, (
        "graders/mistakes.toml is out of step with tests/wrong_answers/ "
        "(run python tools/wrong_answers.py --write-mistakes): "
        f"{sorted(set(listed.items()) ^ set(shipped.items()))[:5]}"
    )


@pytest.mark.parametrize("slug", READY)
def test_a_learner_failing_like_a_known_mistake_is_told_which(slug):
    # The scoreboard names a known mistake when a learner's failures look like it: at least one of each
    # exercise's mistakes, failing exactly what it was seen failing, is recognised as itself.
    from grading.mistakes import load, looks_like
    from grading.schema import ExerciseResult, ExerciseStatus, Outcome, TestResult

    known = load().get(slug, [])
    assert known, f"graders/mistakes.toml has no mistake for {slug}"
    recognised = []
    for m in known:
        tests = [TestResult(f"x::{t}", t, Outcome.FAILED, 0, 1, "") for t in sorted(m.fails)]
        seen = looks_like(ExerciseResult(slug, ExerciseStatus.FAILED, tests), known)
        recognised += [m.id] if seen is not None and seen.id == m.id else []
    assert recognised, f"none of {slug}'s known mistakes is recognised from its own failures"
