"""Per-test records: the only thing the engine believes.

A grading run (one pytest process, or several after a crash) appends JSON lines to one file:

    {"event": "collected", "tests": [{"nodeid", "name", "points", "by_hand", "timeout", "func_only"}, ...]}
    {"event": "start", "nodeid", "timeout", "func_only"}     before a test's setup
    {"event": "call", "nodeid"} / {"event": "called", ...}   around the test function itself
    {"event": "import_start"} / {"event": "import_done"}     around the import of the learner's module
    {"event": "import_error", "message"}                     the module could not be imported
    {"event": "result", "nodeid", "outcome", "message"}      after a test's teardown
    {"event": "finished"}                                    the session ended normally

Each line is written and flushed (and fsync'ed) as it happens, so a process that dies mid-test leaves a
"start" with no "result": the engine scores that test as crashed. Every line carries the run's nonce,
handed to the child in the environment and removed from it before any learner code runs; lines
without it are ignored.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

NONCE_ENV = "KATA_RECORD_NONCE"
PATH_ENV = "KATA_RECORD_PATH"
ONLY_ENV = "KATA_RUN_ONLY"  # a file listing the node ids to run (one per line), after a crash

# Test outcomes, as they appear in results.json.
PASSED, FAILED, TIMEOUT, CRASHED, ERROR = "passed", "failed", "timeout", "crashed", "error"


class RecordWriter:
    """Appends records to the file named in the environment (opened once, flushed per line)."""

    def __init__(self, path: str, nonce: str) -> None:
        self._nonce = nonce
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def write(self, event: str, **fields) -> None:
        fields["event"] = event
        fields["nonce"] = self._nonce
        line = (json.dumps(fields, ensure_ascii=False) + "\n").encode("utf-8")
        os.write(self._fd, line)
        try:
            os.fsync(self._fd)
        except OSError:  # pragma: no cover - some filesystems refuse fsync; the write already happened
            pass


@dataclass
class TestInfo:
    nodeid: str
    name: str
    points: float = 1.0
    by_hand: bool = False
    timeout: float | None = None
    func_only: bool = False  # the timeout covers the test function only, not its fixtures


@dataclass
class Result:
    outcome: str
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
    tampered: list[str] = field(default_factory=list)

    def in_flight(self, since: int = 0) -> str | None:
        """The test that started last (at or after start number ``since``) and has no result."""
        for nodeid in reversed(self.started[since:]):
            if nodeid not in self.results:
                return nodeid
        return None


class RecordReader:
    """Reads a records file incrementally (the engine polls it while the child runs)."""

    def __init__(self, path: Path, nonce: str) -> None:
        self.path = path
        self.nonce = nonce
        self.records = RunRecords()
        self._offset = 0
        self._partial = b""
        self.last_start: tuple[str, float | None] | None = None

    def poll(self) -> list[dict]:
        """Read what was appended since the last call; return the new records."""
        try:
            with open(self.path, "rb") as fh:
                fh.seek(self._offset)
                chunk = fh.read()
        except FileNotFoundError:
            return []
        self._offset += len(chunk)
        data = self._partial + chunk
        lines = data.split(b"\n")
        self._partial = lines.pop()
        new = []
        for raw in lines:
            try:
                rec = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                continue
            if not isinstance(rec, dict) or rec.get("nonce") != self.nonce:
                continue
            self._apply(rec)
            new.append(rec)
        return new

    def _apply(self, rec: dict) -> None:
        r = self.records
        event = rec.get("event")
        if event == "collected":
            for t in rec.get("tests", []):
                info = TestInfo(
                    nodeid=t["nodeid"],
                    name=t["name"],
                    points=float(t.get("points", 1.0)),
                    by_hand=bool(t.get("by_hand", False)),
                    timeout=t.get("timeout"),
                    func_only=bool(t.get("func_only", False)),
                )
                r.collected.setdefault(info.nodeid, info)
        elif event == "start":
            r.started.append(rec["nodeid"])
            self.last_start = (rec["nodeid"], rec.get("timeout"))
        elif event == "result":
            nodeid = rec["nodeid"]
            if nodeid in r.results:
                # A second result for the same test is never written by the plugin: someone forged one.
                r.tampered.append(nodeid)
                r.results[nodeid] = Result(FAILED, "two results were recorded for this test (forged record)")
            else:
                r.results[nodeid] = Result(rec.get("outcome", FAILED), rec.get("message", ""))
        elif event == "import_start":
            r.import_started += 1
        elif event == "import_done":
            r.import_done += 1
        elif event == "import_error":
            r.import_error = rec.get("message", "")
        elif event == "finished":
            r.finished += 1
