"""Per-test records: the only thing the engine believes.

A grading run (one pytest process, or several after a crash) appends JSON lines to one file; the events
are :class:`grading.schema.RecordEvent`::

    {"event": "collected", "tests": [{"nodeid", "name", "points", "by_hand"}, ...]}
    {"event": "start", "nodeid"}                           before a test's set-up
    {"event": "timer", "nodeid", "timeout", "func_only"}   pytest-timeout armed the test's timer
    {"event": "called", "nodeid"}                          the test function returned (func_only timers end)
    {"event": "import_start"} / {"event": "import_done"}   around the import of the learner's module
    {"event": "import_error", "message"}                   the module could not be imported
    {"event": "result", "nodeid", "outcome", "message"}    after a test's teardown
    {"event": "finished"}                                  the session ended normally

Each line is written as it happens, so a process that dies mid-test leaves a "start" with no "result": the
engine scores that test as crashed. Every line carries the run's nonce, which the engine hands to the test
process outside its environment (see grading.child); lines without it are ignored.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from grading.schema import Outcome, RecordEvent


class RecordWriter:
    """Appends records to the records file through a descriptor opened for it (each record is one ``write``).

    A writer belongs to the process that made it: a process forked from that one (the learner's workers)
    writes nothing through it.
    """

    def __init__(self, nonce: str, *, fd: int) -> None:
        self._nonce = nonce
        self._fd = fd
        self._pid = os.getpid()

    @classmethod
    def open(cls, path: str | Path, nonce: str) -> RecordWriter:
        return cls(nonce, fd=os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600))

    def write(self, event: RecordEvent, **fields) -> None:
        emit_record(self, event, fields)


def emit_record(
    writer: RecordWriter, event: RecordEvent, fields: dict, _getpid=os.getpid, _write=os.write, _dumps=json.dumps
):
    # os.write and json.dumps as they were at import: replacing them later does not reach the records.
    if _getpid() != writer._pid:
        return
    fields["event"] = str(event)
    fields["nonce"] = writer._nonce
    _write(writer._fd, (_dumps(fields, ensure_ascii=False) + "\n").encode("utf-8"))


@dataclass
class TestInfo:
    """A collected test: what it is worth."""

    __test__ = False  # not a pytest test class

    nodeid: str
    name: str
    points: float = 1.0
    by_hand: bool = False

    def as_record(self) -> dict:
        return {"nodeid": self.nodeid, "name": self.name, "points": self.points, "by_hand": self.by_hand}

    @classmethod
    def from_record(cls, raw: dict) -> TestInfo:
        return cls(
            nodeid=str(raw["nodeid"]),
            name=str(raw["name"]),
            points=float(raw.get("points", 1.0)),
            by_hand=bool(raw.get("by_hand", False)),
        )


@dataclass
class Result:
    outcome: Outcome
    message: str = ""


@dataclass
class RunRecords:
    """What one or more processes recorded for one exercise."""

    collected: dict[str, TestInfo] = field(default_factory=dict)
    results: dict[str, Result] = field(default_factory=dict)
    started: list[str] = field(default_factory=list)
    import_started: int = 0
    import_done: int = 0
    import_error: str | None = None
    finished: int = 0
    tampered: list[str] = field(default_factory=list)  # found at a session's end (grading.integrity)
    memory: tuple[int, int] | None = None  # (used, limit) when the keeper stopped the tree for its memory

    def in_flight(self, since: int = 0) -> str | None:
        """The test that started last (at or after start number ``since``) and has no result."""
        for nodeid in reversed(self.started[since:]):
            if nodeid not in self.results:
                return nodeid
        return None

    @property
    def import_crashed(self) -> bool:
        """The process died while importing the learner's module (no error was recorded)."""
        return self.import_started > self.import_done and self.import_error is None


def _outcome(value: object) -> Outcome:
    try:
        return Outcome(value)
    except ValueError:
        return Outcome.FAILED


class RecordReader:
    """Reads a records file incrementally (the engine polls it while the test process runs)."""

    def __init__(self, path: Path, nonce: str) -> None:
        self.path = path
        self.nonce = nonce
        self.records = RunRecords()
        self._offset = 0
        self._partial = b""

    def poll(self) -> list[dict]:
        """Read what was appended since the last call; apply it and return the new records."""
        try:
            with open(self.path, "rb") as fh:
                fh.seek(self._offset)
                chunk = fh.read()
        except FileNotFoundError:
            return []
        self._offset += len(chunk)
        lines = (self._partial + chunk).split(b"\n")
        self._partial = lines.pop()
        new = []
        for raw in lines:
            try:
                rec = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                continue
            if not isinstance(rec, dict) or rec.get("nonce") != self.nonce:
                continue
            try:
                self._apply(rec)
            except (KeyError, TypeError, ValueError):
                continue  # a malformed record carrying the nonce: ignore it, as if never written
            new.append(rec)
        return new

    def _apply(self, rec: dict) -> None:
        r = self.records
        event = rec.get("event")
        if event == RecordEvent.COLLECTED:
            for raw in rec.get("tests", []):
                info = TestInfo.from_record(raw)
                r.collected.setdefault(info.nodeid, info)
        elif event == RecordEvent.START:
            r.started.append(str(rec["nodeid"]))
        elif event == RecordEvent.RESULT:
            nodeid = str(rec["nodeid"])
            if nodeid in r.results:
                # The plugin never writes two results for one test: someone forged one.
                r.results[nodeid] = Result(Outcome.FAILED, "two results were recorded for this test (forged record)")
            else:
                r.results[nodeid] = Result(_outcome(rec.get("outcome")), str(rec.get("message", "")))
        elif event == RecordEvent.IMPORT_START:
            r.import_started += 1
        elif event == RecordEvent.IMPORT_DONE:
            r.import_done += 1
        elif event == RecordEvent.IMPORT_ERROR:
            r.import_error = str(rec.get("message", ""))
        elif event == RecordEvent.FINISHED:
            r.finished += 1
        elif event == RecordEvent.TAMPERED:
            r.tampered.append(str(rec.get("message", "tampered")))
        elif event == RecordEvent.MEMORY:
            r.memory = (int(rec["used"]), int(rec["limit"]))
