"""The test process: one pytest run for one exercise, with the engine's limits and records channel.

It starts in one of two ways (grading.worker chooses): forked from the warm worker, which has already
imported torch, NumPy and pytest, or as a fresh interpreter (``python -m grading.child``, reading its
:class:`Request` as JSON on standard input). Either way :func:`start` makes that process the keeper of
grading.sandbox, which starts the test process proper in a contained tree; :func:`run` is what the test
process does: limits, threads, output to the log, then ``pytest.main`` with the engine's channel as a plugin
object, so that the records file and its nonce never appear in the environment or on the command line.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

# The exit status when the child itself failed before or around pytest (not a pytest exit code).
CHILD_FAILED = 70


@dataclass
class Request:
    """One pytest run, as the engine asks for it."""

    args: list[str]  # pytest's command line, without the program name
    cwd: str
    log: str  # standard output and error go here (appended)
    records: str  # the records file
    nonce: str
    only: list[str] | None = None  # run only these node ids (after a crash)
    threads: int | None = None  # torch / OpenMP threads; None leaves the default
    fast_hangs: bool = False  # after a function hangs, its later tests fail at once (a learner's own run)
    memory_bytes: int | None = None  # RLIMIT_DATA

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Request:
        return cls(**json.loads(text))


def set_limits(memory_bytes: int | None) -> None:
    """No core files; a data-size cap so that a runaway allocation becomes a MemoryError."""
    import resource

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if memory_bytes:
        _soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        cap = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
        resource.setrlimit(resource.RLIMIT_DATA, (cap, hard))


def redirect_output(log: str) -> None:
    """Standard input from /dev/null, standard output and error appended to ``log``."""
    null = os.open(os.devnull, os.O_RDONLY)
    out = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    for src, dst in ((null, 0), (out, 1), (out, 2)):
        if src != dst:
            os.dup2(src, dst)
    for fd in {null, out} - {0, 1, 2}:
        os.close(fd)


def set_threads(threads: int | None) -> None:
    if not threads:
        return
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = str(threads)  # for anything this process starts
    torch = sys.modules.get("torch")  # already imported when forked from the warm worker
    if torch is not None:
        torch.set_num_threads(threads)


def run(request: Request, records_fd: int) -> int:
    """Run pytest as ``request`` says, recording through ``records_fd``; return pytest's exit code."""
    import pytest

    from grading.pytest_plugin import EngineChannel
    from grading.records import RecordWriter

    os.chdir(request.cwd)
    os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
    # Only the plugins the engine names (-p pytest_timeout, -p grading.pytest_plugin): whatever else is
    # installed in the environment stays out of grading, and scanning entry points costs time.
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    sys.dont_write_bytecode = True
    set_threads(request.threads)
    channel = EngineChannel(
        RecordWriter(request.nonce, fd=records_fd),
        frozenset(request.only) if request.only is not None else None,
        request.fast_hangs,
    )
    return int(pytest.main(list(request.args), plugins=[channel]))


def start(request: Request) -> None:
    """Become the keeper of one test process (grading.sandbox) and leave with its exit status.

    Called in a process of its own (a process group leader); never returns.
    """
    import shutil
    import tempfile

    from grading import sandbox
    from grading.records import RecordWriter
    from grading.schema import RecordEvent

    records_fd = os.open(request.records, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    user = sandbox.sandbox_user()
    home = Path(tempfile.mkdtemp(prefix="kata-home-")) if user else None
    if user:
        os.chown(home, user[1], user[2])

    def run_test() -> None:
        try:
            set_limits(request.memory_bytes)
            redirect_output(request.log)
            if user:
                sandbox.drop_privileges(user, str(home))
            code = run(request, records_fd)
        except BaseException:  # noqa: BLE001 - the process is ending either way
            import traceback

            traceback.print_exc()
            code = CHILD_FAILED
        _leave(code)

    def on_memory(used: int) -> None:
        RecordWriter(request.nonce, fd=records_fd).write(RecordEvent.MEMORY, used=used, limit=request.memory_bytes or 0)

    def cleanup() -> None:
        if home is not None:
            shutil.rmtree(home, ignore_errors=True)

    if not hasattr(os, "fork"):  # no keeper without fork: run here, in the engine's process group
        run_test()
    sandbox.keep(run_test, memory_bytes=request.memory_bytes, log=request.log, on_memory=on_memory, cleanup=cleanup)


def _leave(code: int) -> None:
    """Leave at once with pytest's exit code, skipping interpreter shutdown.

    Shutdown would run atexit handlers and join threads the learner left behind (a deadlocked non-daemon
    thread would keep the process alive); the engine has its records by then.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001, S110 - a stream the learner closed
            pass
    os._exit(code)


def main() -> None:
    """``python -m grading.child``: the fresh-interpreter path. The request comes on standard input."""
    request = Request.from_json(sys.stdin.read())
    if request.threads:
        for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
            os.environ[var] = str(request.threads)  # before torch is imported: it reads them once
    start(request)


if __name__ == "__main__":
    main()
