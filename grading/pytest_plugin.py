"""The pytest side of the engine: writes per-test records, turns aborts into plain failures.

The engine loads it with ``-p grading.pytest_plugin`` and names the records file in the environment
(``KATA_RECORD_PATH``, ``KATA_RECORD_NONCE``). Both variables are removed from ``os.environ`` as soon as
the plugin is imported, before the graders, and so before any learner code, run. Under plain pytest
(no such variables) it does nothing.
"""

from __future__ import annotations

import os
import traceback
from pathlib import Path

import pytest

from grading.records import ERROR, FAILED, NONCE_ENV, ONLY_ENV, PASSED, PATH_ENV, TIMEOUT, RecordWriter

_PATH = os.environ.pop(PATH_ENV, None)
_NONCE = os.environ.pop(NONCE_ENV, None)
_ONLY = os.environ.pop(ONLY_ENV, None)
_writer: RecordWriter | None = RecordWriter(_PATH, _NONCE) if _PATH and _NONCE else None

TIMEOUT_MARK = "from pytest-timeout"
MAX_MESSAGE = 600

__all__ = ["record", "describe_exception"]


def record(event: str, **fields) -> None:
    """Write one record when running under the engine; a no-op under plain pytest."""
    if _writer is not None:
        _writer.write(event, **fields)


def _timeout_of(item: pytest.Item) -> float | None:
    marker = item.get_closest_marker("timeout")
    if marker is not None and marker.args:
        return float(marker.args[0])
    if marker is not None and "timeout" in marker.kwargs:
        return float(marker.kwargs["timeout"])
    try:
        value = item.config.getini("timeout")
    except ValueError:
        return None
    return float(value) if value not in (None, "") else None


def _func_only_of(item: pytest.Item) -> bool:
    """pytest-timeout's func_only: the timeout covers the test function, not its set-up and teardown."""
    marker = item.get_closest_marker("timeout")
    if marker is not None and "func_only" in marker.kwargs:
        return bool(marker.kwargs["func_only"])
    try:
        return bool(item.config.getini("timeout_func_only"))
    except ValueError:
        return False


def _points_of(item: pytest.Item) -> float:
    marker = item.get_closest_marker("points")
    return float(marker.args[0]) if marker is not None and marker.args else 1.0


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """After a crash the engine reruns only the tests that have no result yet."""
    if not _ONLY:
        return
    with open(_ONLY, encoding="utf-8") as fh:
        wanted = set(fh.read().splitlines())
    keep = [item for item in items if item.nodeid in wanted]
    dropped = [item for item in items if item.nodeid not in wanted]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


def pytest_collection_finish(session: pytest.Session) -> None:
    tests = [
        {
            "nodeid": item.nodeid,
            "name": item.name,
            "points": _points_of(item),
            "by_hand": item.get_closest_marker("by_hand") is not None,
            "timeout": _timeout_of(item),
            "func_only": _func_only_of(item),
        }
        for item in session.items
    ]
    record("collected", tests=tests)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem) -> None:  # noqa: ARG001 - hook signature
    record("start", nodeid=item.nodeid, timeout=_timeout_of(item), func_only=_func_only_of(item))
    _pending[item.nodeid] = []


# (outcome, message) per phase of the test running now, keyed by node id
_pending: dict[str, list[tuple[str, str]]] = {}


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
pytest_runtest_teardown = _abort_as_failure("teardown")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """The test function itself: "call" and "called" records let the engine time it alone (func_only)."""
    record("call", nodeid=item.nodeid)
    try:
        return (yield)
    except KeyboardInterrupt as exc:
        raise pytest.fail.Exception("raised KeyboardInterrupt during the test") from exc
    except pytest.exit.Exception as exc:
        raise pytest.fail.Exception(f"called pytest.exit() during the test: {exc}") from exc
    finally:
        record("called", nodeid=item.nodeid)


def _target_dir(config: pytest.Config) -> Path | None:
    target = getattr(config, "kata_target", None)
    return Path(target) if target else None


def describe_exception(exc: BaseException, target: Path | None) -> tuple[str, bool]:
    """One or two plain sentences for a learner, and whether it was a timeout."""
    text = str(exc).strip()
    if isinstance(exc, pytest.fail.Exception) and TIMEOUT_MARK in text:
        seconds = text.split(">", 1)[-1].split("s)", 1)[0]
        return f"timed out after {seconds} s", True
    if isinstance(exc, NotImplementedError):
        return "not implemented yet (the stub still raises NotImplementedError)", False
    if isinstance(exc, (AssertionError, pytest.fail.Exception)):
        # Our helpers write the whole explanation; pytest's rewritten "assert ..." line adds nothing.
        head = text.split("\nassert ", 1)[0].strip()
        return (head or "assertion failed"), False
    where = ""
    if target is not None:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if _is_under(Path(f.filename), target)]
        if frames:
            f = frames[-1]
            where = f" (in your {Path(f.filename).name}, line {f.lineno}, in {f.name})"
    name = type(exc).__name__
    return (f"{name}: {text}" if text else name) + where, False


def _is_under(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return False
    return True


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    phases = _pending.get(item.nodeid)
    if phases is None:
        return report
    if report.skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        phases.append(("skipped", reason.removeprefix("Skipped: ")))
    elif report.failed:
        if call.excinfo is not None:
            message, timed_out = describe_exception(call.excinfo.value, _target_dir(item.config))
        else:
            message, timed_out = str(report.longrepr).strip().splitlines()[-1], False
        if timed_out:
            outcome = TIMEOUT
        elif call.when == "call":
            outcome = FAILED
        else:
            outcome = ERROR
        phases.append((outcome, message))
    return report


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "teardown":
        return
    phases = _pending.pop(report.nodeid, None)
    if phases is None:
        return
    outcome, message = PASSED, ""
    for phase_outcome, phase_message in phases:
        if phase_outcome == "skipped":
            if outcome == PASSED:
                outcome, message = "skipped", phase_message
            continue
        outcome, message = phase_outcome, phase_message
        break
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 1] + "…"
    record("result", nodeid=report.nodeid, outcome=outcome, message=message)


def pytest_sessionfinish(session: pytest.Session) -> None:  # noqa: ARG001 - hook signature
    record("finished")
