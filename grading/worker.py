"""Starting test processes: forked from a warm worker, or as fresh interpreters where fork is unavailable.

Starting Python and importing torch costs about a second and a half; grading one exercise's tests often
costs less. The warm worker (``python -m grading.worker``) imports torch, NumPy, pytest, pytest-timeout,
the engine's plugin and the graders' helpers once, then forks one test process per request. Each test
process is a process group of its own (``setsid``), with the engine's resource limits, writing its records
as before; the engine watches and kills it exactly as it would a fresh one.

What fork after ``import torch`` costs and risks, and how the worker stays clear of it (measured on the
2-core development machine, CPU torch 2.13.0; ``nox -s bench`` prints the figures):

* Threads do not survive fork: a pool that exists in the parent is missing, with its locks possibly held,
  in the child. ``import numpy`` starts OpenBLAS's thread pool at once (one thread per extra core), so the
  worker starts with ``OPENBLAS_NUM_THREADS=1`` and holds no thread but its own. torch's OpenMP/intra-op pool
  is created at the first parallel operation, so the worker never runs a torch operation; each child
  creates its own pool (``torch.set_num_threads`` there). :func:`serve` checks before every fork that the
  worker still has exactly one thread.
* CUDA cannot be re-initialised in a forked child. ``import torch`` does not initialise it (on CUDA builds
  either), and the worker never touches ``torch.cuda``; it checks ``torch.cuda.is_initialized()`` is false
  before forking. The kata pins the CPU build anyway.
* A fork copies page tables, not memory: about 5 ms for the worker's ~400 MB; pages are shared copy-on-write,
  so N children do not cost N copies of torch.
* Every child starts from the same state, including torch's and Python's random generators: graders seed
  what they use, so this changes nothing they check.
* What a child could reach of the worker: it inherits no descriptor of the worker's (they are closed or
  replaced right after the fork), and a fresh worker is started for each grading run, so a child cannot
  leave anything behind in it for the next run.

Where ``os.fork`` does not exist (Windows), or ``KATA_WARM_WORKER=0``, each test process is a fresh
``python -m grading.child`` instead, as before the warm worker: the same results, a second or two slower
per exercise.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from typing import Protocol

from grading.child import Request
from grading.layout import PROJECT_ROOT

# Imported once by the warm worker, before any fork.
PRELOAD = ("numpy", "torch", "pytest", "pytest_timeout", "grading.pytest_plugin", "grading.child", "graders.helpers")
WARM_ENV = "KATA_WARM_WORKER"


def kill_group(pid: int) -> None:
    """SIGKILL the process group led by ``pid`` (the test process and whatever it started)."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


class TestProcess(Protocol):
    """A started test process, whoever its parent is."""

    pid: int

    def poll(self) -> int | None:
        """Its exit status once it has ended (negative: killed by that signal), else None."""

    def wait(self, timeout: float) -> int | None:
        """Wait up to ``timeout`` seconds for it to end; its exit status, or None."""

    def kill(self) -> None:
        """Kill its whole process group."""


class Launcher(Protocol):
    def start(self, request: Request) -> TestProcess: ...

    def close(self) -> None: ...


# ------------------------------------------------------------------------------------------ fresh processes


class _Popen:
    def __init__(self, proc: subprocess.Popen) -> None:
        self._proc = proc
        self.pid = proc.pid

    def poll(self) -> int | None:
        return self._proc.poll()

    def wait(self, timeout: float) -> int | None:
        try:
            return self._proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def kill(self) -> None:
        kill_group(self.pid)
        self.wait(10)


class FreshLauncher:
    """Each test process is a new interpreter: ``python -m grading.child``, the request on its stdin."""

    def __init__(self, python: str = sys.executable) -> None:
        self.python = python

    def start(self, request: Request) -> TestProcess:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([str(PROJECT_ROOT), *filter(None, [env.get("PYTHONPATH")])])
        proc = subprocess.Popen(
            [self.python, "-m", "grading.child"],
            cwd=request.cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=os.name == "posix",
        )
        try:
            proc.stdin.write(request.to_json().encode("utf-8"))
            proc.stdin.close()
        except OSError:
            pass  # it died at once; poll() will say how
        return _Popen(proc)

    def close(self) -> None:
        pass


# ------------------------------------------------------------------------------------------ the warm worker


class WorkerDied(RuntimeError):
    """The warm worker ended (or never started); the message carries what it printed."""


class _Forked:
    """A test process forked by the warm worker. Its exit status comes from the worker, which reaps it."""

    def __init__(self, pid: int, worker: WarmWorker, key: int) -> None:
        self.pid = pid
        self._worker = worker
        self._key = key

    def poll(self) -> int | None:
        return self._worker.exit_status(self._key)

    def wait(self, timeout: float) -> int | None:
        return self._worker.wait_exit(self._key, timeout)

    def kill(self) -> None:
        kill_group(self.pid)
        self.wait(10)


class WarmWorker:
    """The engine's side of the warm worker: start it, ask it for test processes, hear how they ended.

    Thread-safe: the engine grades several exercises at once, each from a thread of its own.
    """

    def __init__(self, python: str = sys.executable, threads: int | None = None) -> None:
        env = dict(os.environ)
        env["OPENBLAS_NUM_THREADS"] = "1"  # or numpy starts a thread pool at import, which fork would break
        if threads:
            env["OMP_NUM_THREADS"] = env["MKL_NUM_THREADS"] = str(threads)
        env["PYTHONPATH"] = os.pathsep.join([str(PROJECT_ROOT), *filter(None, [env.get("PYTHONPATH")])])
        self._proc = subprocess.Popen(
            [python, "-m", "grading.worker"],
            cwd=PROJECT_ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._next = 0
        self._pids: dict[int, int] = {}
        self._exits: dict[int, int] = {}
        self._errors: dict[int, str] = {}
        self._dead: str | None = None
        self._stderr: list[bytes] = []
        threading.Thread(target=self._read, name="warm-worker-reader", daemon=True).start()
        threading.Thread(target=self._drain_stderr, name="warm-worker-stderr", daemon=True).start()

    @property
    def pid(self) -> int:
        return self._proc.pid

    def _drain_stderr(self) -> None:
        for line in self._proc.stderr:
            self._stderr.append(line)
            del self._stderr[:-20]

    def _read(self) -> None:
        for line in self._proc.stdout:
            try:
                msg = json.loads(line)
            except json.JSONDecodeError:
                continue
            with self._changed:
                key = msg.get("id")
                if "pid" in msg:
                    self._pids[key] = msg["pid"]
                elif "exit" in msg:
                    self._exits[key] = msg["exit"]
                elif "error" in msg:
                    self._errors[key] = msg["error"]
                self._changed.notify_all()
        self._proc.wait()
        with self._changed:
            self._dead = (
                f"the warm worker {_describe(self._proc.returncode)}: "
                + b"".join(self._stderr).decode("utf-8", "replace").strip()[-1500:]
            )
            self._changed.notify_all()

    def start(self, request: Request) -> TestProcess:
        with self._changed:
            if self._dead:
                raise WorkerDied(self._dead)
            key = self._next
            self._next += 1
            try:
                self._proc.stdin.write((json.dumps({"id": key, "request": request.to_json()}) + "\n").encode())
                self._proc.stdin.flush()
            except OSError as exc:
                raise WorkerDied(f"the warm worker does not take requests: {exc}") from exc
            while key not in self._pids and key not in self._errors and not self._dead:
                self._changed.wait()
            if key in self._errors:
                raise WorkerDied(f"the warm worker could not fork: {self._errors.pop(key)}")
            if self._dead:
                raise WorkerDied(self._dead)
            return _Forked(self._pids.pop(key), self, key)

    def exit_status(self, key: int) -> int | None:
        with self._lock:
            status = self._exits.get(key)
            if status is None and self._dead:
                return -signal.SIGKILL  # the worker is gone and cannot tell: it killed its children on exit
            return status

    def wait_exit(self, key: int, timeout: float) -> int | None:
        with self._changed:
            self._changed.wait_for(lambda: key in self._exits or self._dead is not None, timeout)
        return self.exit_status(key)

    def close(self) -> None:
        """Stop the worker; it kills any test process still running."""
        try:
            self._proc.stdin.close()
        except OSError:
            pass
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()


def _describe(returncode: int | None) -> str:
    if returncode is None:
        return "is still running"
    if returncode < 0:
        return f"was killed by signal {-returncode}"
    return f"exited with status {returncode}"


def warm_worker_available() -> bool:
    return hasattr(os, "fork") and os.environ.get(WARM_ENV, "1") != "0"


class WarmOrFresh:
    """The warm worker while it works; fresh interpreters from the moment it cannot fork (it died, or a
    thread appeared in it). Grading goes on either way; ``fallback_reason`` says what happened."""

    def __init__(self, threads: int | None = None) -> None:
        self._lock = threading.Lock()
        self._fresh = FreshLauncher()
        self.fallback_reason: str | None = None
        try:
            self._warm: WarmWorker | None = WarmWorker(threads=threads)
        except OSError as exc:
            self._warm, self.fallback_reason = None, f"the warm worker could not start: {exc}"

    def start(self, request: Request) -> TestProcess:
        with self._lock:
            warm = self._warm
        if warm is not None:
            try:
                return warm.start(request)
            except WorkerDied as exc:
                with self._lock:
                    if self._warm is warm:
                        self._warm, self.fallback_reason = None, str(exc)
                        warm.close()
        return self._fresh.start(request)

    def close(self) -> None:
        with self._lock:
            warm, self._warm = self._warm, None
        if warm is not None:
            warm.close()


def make_launcher(threads: int | None = None) -> Launcher:
    """The warm worker where fork exists (and KATA_WARM_WORKER is not 0), else fresh interpreters."""
    if warm_worker_available():
        return WarmOrFresh(threads=threads)
    return FreshLauncher()


# ------------------------------------------------------------------------------------------ the server side


@dataclass
class _Child:
    key: int
    pid: int


def _thread_count() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def _fork_child(request: Request, keep_closed: list[int]) -> int:
    """Fork a test process; in the child, never return."""
    from grading import child

    pid = os.fork()
    if pid:
        return pid
    try:
        os.setsid()
        signal.set_wakeup_fd(-1)
        for sig in (signal.SIGCHLD, signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, signal.SIG_DFL)
        for fd in keep_closed:
            try:
                os.close(fd)
            except OSError:
                pass
        child.set_limits(request.memory_bytes)
        child.redirect_output(request.log)
        # Python's own streams wrap fds 0-2, which now point at the log; start them empty.
        sys.stdin = open(0, closefd=False)  # noqa: SIM115
        sys.stdout = open(1, "w", buffering=1, closefd=False, errors="backslashreplace")  # noqa: SIM115
        sys.stderr = open(2, "w", buffering=1, closefd=False, errors="backslashreplace")  # noqa: SIM115
    except BaseException:  # noqa: BLE001
        os._exit(child.CHILD_FAILED)
    child.exit_after(request)  # never returns
    os._exit(child.CHILD_FAILED)  # pragma: no cover


def serve() -> None:
    """``python -m grading.worker``: preload, then fork a test process for each request on stdin.

    Protocol (JSON lines): in ``{"id": n, "request": "<Request as JSON>"}``; out ``{"id": n, "pid": p}``
    when forked, ``{"id": n, "exit": status}`` when reaped (negative: killed by that signal), or
    ``{"id": n, "error": "..."}``. End of input stops the worker, which kills whatever it still runs.
    """
    import importlib

    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:
            pass  # the test process imports what it needs itself
    torch = sys.modules.get("torch")
    requests_in, replies_out = 0, 1
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    children: dict[int, _Child] = {}  # pid -> child
    pending = b""

    def reply(**msg) -> None:
        os.write(replies_out, (json.dumps(msg) + "\n").encode())

    def reap() -> None:
        while children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            c = children.pop(pid, None)
            if c is not None:
                reply(id=c.key, exit=os.waitstatus_to_exitcode(status))

    sel = selectors.DefaultSelector()
    sel.register(requests_in, selectors.EVENT_READ)
    sel.register(wake_r, selectors.EVENT_READ)
    try:
        while True:
            for key, _ in sel.select():
                if key.fd == wake_r:
                    try:
                        os.read(wake_r, 4096)
                    except BlockingIOError:
                        pass
                    reap()
                    continue
                chunk = os.read(requests_in, 65536)
                if not chunk:
                    return
                pending += chunk
                *lines, pending = pending.split(b"\n")
                for line in lines:
                    msg = json.loads(line)
                    problem = None
                    if _thread_count() != 1:
                        problem = f"the warm worker holds {_thread_count()} threads; it must hold one to fork"
                    elif torch is not None and torch.cuda.is_initialized():
                        problem = "CUDA was initialised in the warm worker; a forked child could not use it"
                    if problem:
                        reply(id=msg["id"], error=problem)
                        continue
                    request = Request.from_json(msg["request"])
                    pid = _fork_child(request, [wake_r, wake_w])  # fds 0-2 are replaced in the child
                    children[pid] = _Child(msg["id"], pid)
                    reply(id=msg["id"], pid=pid)
            reap()
    finally:
        for pid in list(children):
            kill_group(pid)
        for pid in list(children):
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass


if __name__ == "__main__":
    serve()
