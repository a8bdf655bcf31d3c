"""The pytest side of the engine: the target, the learner's module, points, and the per-test records.

Loaded into every pytest run of the project (``-p grading.pytest_plugin`` in pyproject.toml), so the
graders run the same way under plain pytest (``pytest graders/test_nms.py --target solutions``) and under
the engine. It provides:

* ``--target DIR``: the folder whose ``<slug>/<slug>.py`` files are graded (grading.layout resolves it);
* the ``learner`` fixture: imports ``<target>/<slug>/<slug>.py`` for the grader ``test_<slug>.py`` that
  asks for it, inside the fixture, never when the grader is collected, so a syntax error, an exception or
  an exit at import costs that exercise only;
* the markers ``points(n)`` (what a test is worth, default 1) and ``by_hand`` (the test fails when the
  built-in being re-implemented is called);
* under the engine only, the records of grading.records, written through the channel that the engine hands
  to ``pytest.main`` (grading.child); under plain pytest there is no channel and nothing is written.

Timeouts belong to pytest-timeout (``timeout`` in pyproject.toml, ``@pytest.mark.timeout(s)``): its
``pytest_timeout_set_timer`` hook tells this plugin the settings in force for each test, which the records
pass on to the engine's watchdog.

Two rules keep a learner's code from turning a failure into something else: ``KeyboardInterrupt`` and
``pytest.exit`` inside a test are plain failures, and only a skip that the grader declares with a marker
(evaluated before any of the learner's code runs) is a skip; ``pytest.skip()`` or ``pytest.xfail()``
raised while a test runs is a failure.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from _pytest.skipping import evaluate_skip_marks

from grading import integrity
from grading.layout import TargetError, module_in, resolve_target, slug_of_grader
from grading.records import RecordWriter, emit_record
from grading.schema import Outcome, RecordEvent

# Set on the learner's module object; graders.helpers finds the learner's modules by it.
LEARNER_MARK = "__kata_learner__"
TIMEOUT_MARK = "from pytest-timeout"
MAX_MESSAGE = 600


@dataclass(eq=False)  # a plugin object: pluggy keeps plugins in sets
class EngineChannel:
    """What the engine hands to ``pytest.main(plugins=[...])``: where records go, and which tests to run.

    It is a pytest plugin object of its own, so that nothing about the records travels through the
    environment or the command line.
    """

    writer: RecordWriter
    only: frozenset[str] | None = None  # after a crash: the node ids that still need a result
    fast_hangs: bool = False  # a learner's own run: after a function hangs, its other tests fail at once

    @pytest.hookimpl(tryfirst=True)
    def pytest_configure(self, config: pytest.Config) -> None:
        config.stash[CHANNEL] = self


@dataclass
class _Phases:
    """(outcome, message) for each phase of the test that is running."""

    items: list[tuple[Outcome, str]] = field(default_factory=list)
    teardown_reported: bool = False


@dataclass
class _Integrity:
    """What the graded process checks after every test, and at its end (grading.integrity)."""

    core: integrity.Snapshot
    full: integrity.Snapshot
    violations: list[str] = field(default_factory=list)


CHANNEL = pytest.StashKey[EngineChannel]()
INTEGRITY = pytest.StashKey[_Integrity]()
DECLARED_SKIP = pytest.StashKey[str]()  # the reason, for a test the grader's markers skip
TARGET = pytest.StashKey[Path]()
PHASES = pytest.StashKey[_Phases]()


def record(config: pytest.Config, event: RecordEvent, **fields) -> None:
    """Write one record when running under the engine; nothing under plain pytest."""
    channel = config.stash.get(CHANNEL, None)
    if channel is not None:
        channel.writer.write(event, **fields)


def _verdict(config: pytest.Config, event: RecordEvent, _emit=emit_record, _get=pytest.Stash.get, **fields) -> None:
    """:func:`record` for the records that carry a verdict, through functions taken when this module was
    imported: a learner who replaces ``record``, ``RecordWriter.write`` or ``os.write`` changes nothing
    these say (and is seen doing it)."""
    channel = _get(config.stash, CHANNEL, None)
    if channel is not None:
        _emit(channel.writer, event, fields)


# ------------------------------------------------------------------------------------------ configuration


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--target",
        default="exercises",
        help="folder holding <slug>/<slug>.py to grade: exercises (default), solutions, or a student's folder",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(_DeclaredSkips(), "kata-declared-skips")
    config.addinivalue_line("markers", "points(n): how many points the test is worth (default 1)")
    config.addinivalue_line("markers", "by_hand: the test fails when the built-in the exercise re-implements is called")
    try:
        config.stash[TARGET] = resolve_target(config.getoption("target"), config.invocation_params.dir)
    except TargetError as exc:
        raise pytest.UsageError(str(exc)) from None


def target_of(config: pytest.Config) -> Path:
    return config.stash[TARGET]


# ------------------------------------------------------------------------------------------ the learner


def import_learner_module(config: pytest.Config, slug: str):
    """Import ``<target>/slug/slug.py`` as module ``slug``; fail the asking test in plain words if it can't."""
    target = target_of(config)
    path = module_in(target, slug)
    if not path.is_file():
        pytest.fail(f"missing: {path} does not exist", pytrace=False)
    record(config, RecordEvent.IMPORT_START)
    folder = str(path.parent)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    sys.modules.pop(slug, None)
    spec = importlib.util.spec_from_file_location(slug, path)
    module = importlib.util.module_from_spec(spec)
    setattr(module, LEARNER_MARK, True)
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
        elif isinstance(exc, pytest.skip.Exception):
            message = "the module called pytest.skip() while being imported"
        what = "importing it timed out" if timed_out else message
        record(config, RecordEvent.IMPORT_ERROR, message=what)
        pytest.fail(f"could not import {slug}/{slug}.py: {what}", pytrace=False)
    record(config, RecordEvent.IMPORT_DONE)
    return module


@pytest.fixture(scope="module")
def learner(request: pytest.FixtureRequest):
    """The module under test: ``<target>/<slug>/<slug>.py`` for this grader's slug."""
    return import_learner_module(request.config, slug_of_grader(request.module.__file__))


# ------------------------------------------------------------------------------------------ collection


def _points_of(item: pytest.Item) -> float:
    marker = item.get_closest_marker("points")
    return float(marker.args[0]) if marker is not None and marker.args else 1.0


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """After a crash the engine reruns only the tests that have no result yet."""
    channel = config.stash.get(CHANNEL, None)
    if channel is None or channel.only is None:
        return
    keep = [item for item in items if item.nodeid in channel.only]
    dropped = [item for item in items if item.nodeid not in channel.only]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


def pytest_collection_finish(session: pytest.Session) -> None:
    # Skip markers are evaluated now, before any of the learner's code has run: only these skips count.
    for item in session.items:
        skip = evaluate_skip_marks(item)
        if skip is not None:
            item.stash[DECLARED_SKIP] = skip.reason
    tests = [
        {
            "nodeid": item.nodeid,
            "name": item.name,
            "points": _points_of(item),
            "by_hand": item.get_closest_marker("by_hand") is not None,
        }
        for item in session.items
    ]
    record(session.config, RecordEvent.COLLECTED, tests=tests)
    if session.config.stash.get(CHANNEL, None) is not None and os.environ.get("KATA_INTEGRITY", "1") != "0":
        _watch_for_tampering(session)  # KATA_INTEGRITY=0 only to measure what the checks cost (nox -s bench)


def _watch_for_tampering(session: pytest.Session) -> None:
    """Under the engine, before any of the learner's code runs: guard the graders' own functions, start the
    audit policy, and take the identities of everything the verdict depends on (grading.integrity)."""
    config = session.config
    prefix = str(target_of(config).resolve()) + os.sep
    violations: list[str] = []

    def is_learner_file(filename: str) -> bool:
        return filename.startswith(prefix)

    graders = list({id(m): m for m in (getattr(item, "module", None) for item in session.items) if m}.values())
    for module in graders:
        integrity.guard_grader_functions(module, is_learner_file, violations.append)
    integrity.AuditPolicy(is_learner_file, violations.append, WATCHED_OWNERS).install()
    integrity.ACTIVE = integrity.ComparisonGuard(sys.modules.get("graders.helpers"))
    core = integrity.core_snapshot(graders, config.pluginmanager)
    config.stash[INTEGRITY] = _Integrity(core, integrity.full_snapshot(graders, config.pluginmanager), violations)


# Classes and functions whose attributes the learner's code may not set (the audit policy's view).
WATCHED_OWNERS = ("torch", "numpy", "_pytest", "pytest", "pluggy", "graders", "grading", "builtins", "test_")


def _tampering(item: pytest.Item) -> str | None:
    """What the learner's code changed or reached during this test, if anything."""
    state = item.config.stash.get(INTEGRITY, None)
    if state is None:
        return None
    found = state.violations + state.core.changes(deep=False)
    state.violations.clear()
    if not found:
        return None
    more = f" (and {len(found) - 3} more)" if len(found) > 3 else ""
    return (
        "tampered: " + "; ".join(dict.fromkeys(found[:3])) + more + ". Changing or reaching into what grades "
        "the exercise scores 0 for the whole exercise"
    )


# ------------------------------------------------------------------------------------------ running


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem):  # noqa: ARG001 - hook signature
    """ "start" before the test, "result" after its teardown has been reported.

    tryfirst makes this the outermost wrapper, so "start" comes before pytest-timeout arms the timer.
    """
    record(item.config, RecordEvent.START, nodeid=item.nodeid)
    phases = item.stash[PHASES] = _Phases()
    try:
        result = yield
    except BaseException:
        phases.items.append((Outcome.FAILED, "the test did not finish normally"))
        _record_result(item, phases)
        raise
    tampered = _tampering(item)
    if tampered is not None:
        phases.items.insert(0, (Outcome.TAMPERED, tampered))
    _record_result(item, phases)
    return result


def _record_result(item: pytest.Item, phases: _Phases) -> None:
    """The test's outcome: the first phase that failed, else a declared skip, else passed."""
    if not phases.teardown_reported:
        phases.items.append((Outcome.FAILED, "the test did not finish normally (no teardown was reported)"))
    outcome, message = Outcome.PASSED, ""
    for phase_outcome, phase_message in phases.items:
        if phase_outcome == Outcome.SKIPPED:
            if outcome == Outcome.PASSED:
                outcome, message = Outcome.SKIPPED, phase_message
            continue
        outcome, message = phase_outcome, phase_message
        break
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 1] + "…"
    _verdict(item.config, RecordEvent.RESULT, nodeid=item.nodeid, outcome=str(outcome), message=message)


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_timeout_set_timer(item: pytest.Item, settings) -> None:
    """pytest-timeout's settings for this test, as it applies them (marker, ini, --timeout, PYTEST_TIMEOUT)."""
    record(
        item.config,
        RecordEvent.TIMER,
        nodeid=item.nodeid,
        timeout=float(settings.timeout),
        func_only=bool(settings.func_only),
    )
    # None: pytest-timeout's own implementation arms the timer


def _abort_as_failure(when: str):
    """A test (or the learner's code) raising KeyboardInterrupt or pytest.exit must not end the run."""

    def wrapper(item):  # noqa: ARG001 - hook signature
        try:
            return (yield)
        except KeyboardInterrupt as exc:
            raise pytest.fail.Exception(f"raised KeyboardInterrupt during {when}") from exc
        except pytest.exit.Exception as exc:
            raise pytest.fail.Exception(f"called pytest.exit() during {when}: {exc}") from exc

    return pytest.hookimpl(wrapper=True)(wrapper)


pytest_runtest_setup = _abort_as_failure("setup")


class _DeclaredSkips:
    """Skips a test that the grader's markers skip, as decided at collection (a plugin object of its own:
    this module's ``pytest_runtest_setup`` is the wrapper above)."""

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        reason = item.stash.get(DECLARED_SKIP, None)
        if reason is not None:
            raise pytest.skip.Exception(reason, _use_item_location=True)


pytest_runtest_teardown = _abort_as_failure("teardown")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    try:
        return (yield)
    except KeyboardInterrupt as exc:
        raise pytest.fail.Exception("raised KeyboardInterrupt during the test") from exc
    except pytest.exit.Exception as exc:
        raise pytest.fail.Exception(f"called pytest.exit() during the test: {exc}") from exc
    finally:
        record(item.config, RecordEvent.CALLED, nodeid=item.nodeid)


def describe_exception(exc: BaseException, target: Path | None) -> tuple[str, bool]:
    """One or two plain sentences for a learner, and whether it was a timeout."""
    text = str(exc).strip()
    where = _where(exc, target)
    if isinstance(exc, pytest.fail.Exception) and TIMEOUT_MARK in text:
        seconds = text.split(">", 1)[-1].split("s)", 1)[0]
        return f"timed out after {seconds} s" + (f"; your code was running{where}" if where else ""), True
    if isinstance(exc, NotImplementedError):
        return "not implemented yet (the stub still raises NotImplementedError)", False
    if isinstance(exc, (AssertionError, pytest.fail.Exception)):
        # Our helpers write the whole explanation; pytest's rewritten "assert ..." line adds nothing.
        head = text.split("\nassert ", 1)[0].strip()
        return (head or "assertion failed"), False
    name = type(exc).__name__
    return (f"{name}: {text}" if text else name) + where, False


def _where(exc: BaseException, target: Path | None) -> str:
    """`` (in your nms.py, line 12, in nms)``: the deepest frame of the traceback in the target's files."""
    if target is None:
        return ""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if _is_under(Path(f.filename), target)]
    if not frames:
        return ""
    f = frames[-1]
    return f" (in your {Path(f.filename).name}, line {f.lineno}, in {f.name})"


def _is_under(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return False
    return True


def _stop_hung_function(item: pytest.Item, exc: BaseException) -> None:
    """In a learner's own run, a function that hung fails its later tests at once instead of waiting out
    each timeout: the learner module's attribute is replaced by one that says where it hung."""
    channel = item.config.stash.get(CHANNEL, None)
    target = item.config.stash.get(TARGET, None)
    if channel is None or not channel.fast_hangs or target is None:
        return
    frames = [f for f, _ in traceback.walk_tb(exc.__traceback__) if _is_under(Path(f.f_code.co_filename), target)]
    if not frames:
        return
    frame = frames[-1]
    module = sys.modules.get(frame.f_globals.get("__name__", ""))
    qualname = frame.f_code.co_qualname
    if module is None or getattr(module, LEARNER_MARK, False) is not True or "<" in qualname:
        return
    *owners, name = qualname.split(".")
    owner = module
    for part in owners:
        owner = getattr(owner, part, None)
    if owner is None or not hasattr(owner, name):
        return
    where = f"line {frame.f_lineno} of {Path(frame.f_code.co_filename).name}"

    def hung(*args, **kwargs):
        __tracebackhide__ = True
        pytest.fail(
            f"not run: {qualname}() hung in {item.name} ({where}) and is not called again in this run; "
            "fix that first (the full run of an instructor waits out every test)",
            pytrace=False,
        )

    setattr(owner, name, hung)


def _skip_reason(report: pytest.TestReport) -> str:
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    return reason.removeprefix("Skipped: ")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    phases = item.stash.get(PHASES, None)
    if phases is None:
        return report
    if call.when == "teardown":
        phases.teardown_reported = True
    declared_skip = call.when == "setup" and DECLARED_SKIP in item.stash
    if report.skipped and declared_skip:
        phases.items.append((Outcome.SKIPPED, _skip_reason(report)))
    elif report.skipped:
        # pytest.skip()/xfail() raised while the test ran: only the grader's markers may skip a test
        what = "pytest.xfail()" if hasattr(report, "wasxfail") else "pytest.skip()"
        phases.items.append(
            (
                Outcome.FAILED if call.when == "call" else Outcome.ERROR,
                f"called {what} during the {call.when} ({_skip_reason(report) or 'no reason'}); only the grader "
                "may skip a test, so this counts as a failure",
            )
        )
    elif report.failed and call.excinfo is not None and isinstance(call.excinfo.value, integrity.Tampered):
        phases.items.insert(0, (Outcome.TAMPERED, f"tampered: {call.excinfo.value}"))
    elif report.failed:
        if call.excinfo is not None:
            message, timed_out = describe_exception(call.excinfo.value, item.config.stash.get(TARGET, None))
        else:
            message, timed_out = str(report.longrepr).strip().splitlines()[-1], False
        if timed_out:
            outcome = Outcome.TIMEOUT
            _stop_hung_function(item, call.excinfo.value)
        elif call.when == "call":
            outcome = Outcome.FAILED
        else:
            outcome = Outcome.ERROR
        phases.items.append((outcome, message))
    return report


def pytest_sessionfinish(session: pytest.Session) -> None:
    state = session.config.stash.get(INTEGRITY, None)
    if state is not None:
        found = state.violations + state.full.changes()
        if found:
            _verdict(session.config, RecordEvent.TAMPERED, message="tampered: " + "; ".join(found[:3]))
    record(session.config, RecordEvent.FINISHED)
