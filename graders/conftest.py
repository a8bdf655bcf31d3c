"""What every grader shares: the target switch, the learner's module, points and timeouts.

* ``--target DIR`` picks the folder whose ``<slug>/<slug>.py`` files are graded: ``exercises`` (the
  default), ``solutions``, or any folder laid out the same way (a student's checkout). A relative path is
  taken from where pytest was started, then from the project root.
* The ``learner`` fixture imports ``<target>/<slug>/<slug>.py`` for the grader ``test_<slug>.py`` that asks
  for it. The import happens inside the fixture, never when the grader is collected, so a syntax error,
  an exception or an exit at import costs that exercise only. A missing file fails every test of the
  exercise with "missing".
* ``@pytest.mark.points(n)`` weighs a test (default 1); ``@pytest.mark.by_hand`` marks the tests that fail
  when the built-in being re-implemented is called. Timeouts come from pytest-timeout (``timeout`` in
  pyproject.toml, ``@pytest.mark.timeout(s)`` per test).

Under the engine (``python -m grading``) the plugin ``grading.pytest_plugin`` also writes per-test records;
under plain pytest the graders run the same way without it.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from graders.helpers import LEARNER_MARK
from grading.pytest_plugin import describe_exception, record

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--target",
        default="exercises",
        help="folder holding <slug>/<slug>.py to grade: exercises (default), solutions, or a student's folder",
    )


def resolve_target(value: str, invoked_from: Path) -> Path:
    """The target folder for ``--target value``: from the invocation directory, else the project root."""
    for base in (invoked_from, PROJECT_ROOT):
        candidate = (base / value).resolve()
        if candidate.is_dir():
            return candidate
    raise pytest.UsageError(
        f"--target: expected a folder laid out like exercises/ (<slug>/<slug>.py), got {value!r}, "
        f"which is not a folder (looked in {invoked_from} and {PROJECT_ROOT})"
    )


def pytest_configure(config: pytest.Config) -> None:
    config.kata_target = str(resolve_target(config.getoption("target"), config.invocation_params.dir))


def slug_of(grader_file: str) -> str:
    name = Path(grader_file).stem
    if not name.startswith("test_"):
        raise ValueError(f"grader file name must be test_<slug>.py, got {name!r}")
    return name[len("test_") :]


def import_learner_module(target: Path, slug: str):
    """Import ``target/slug/slug.py`` as module ``slug``; fail the asking test in plain words if it can't."""
    path = target / slug / f"{slug}.py"
    if not path.is_file():
        pytest.fail(f"missing: {path} does not exist", pytrace=False)
    record("import_start")
    folder = str(path.parent)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    sys.modules.pop(slug, None)
    spec = importlib.util.spec_from_file_location(slug, path)
    module = importlib.util.module_from_spec(spec)
    setattr(module, LEARNER_MARK, True)  # lets helpers.forbidden find names imported from torch
    sys.modules[slug] = module
    try:
        spec.loader.exec_module(module)
    except BaseException as exc:  # noqa: BLE001 - anything at import costs this exercise only
        sys.modules.pop(slug, None)
        message, timed_out = describe_exception(exc, target)
        if isinstance(exc, SyntaxError):
            message = f"SyntaxError: {exc.msg} ({Path(exc.filename or path).name}, line {exc.lineno})"
        elif isinstance(exc, SystemExit):
            message = f"the module called sys.exit({exc.code!r}) while being imported"
        what = "importing it timed out" if timed_out else message
        record("import_error", message=what)
        pytest.fail(f"could not import {slug}/{slug}.py: {what}", pytrace=False)
    record("import_done")
    return module


@pytest.fixture(scope="module")
def learner(request: pytest.FixtureRequest):
    """The module under test: ``<target>/<slug>/<slug>.py`` for this grader's slug."""
    return import_learner_module(Path(request.config.kata_target), slug_of(request.module.__file__))
