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
* A fork copies page tables, not memory: about 10 ms for the worker's ~400 MB; pages are shared
  copy-on-write, so N children do not cost N copies of torch, as long as nothing writes to them. Python's
  cyclic garbage collector does: it touches every object it tracks, and pytest runs ``gc.collect()`` at
  exit, which cost 0.6 s per test process (every page of the inherited heap copied). The worker therefore
  calls ``gc.freeze()`` after its imports: inherited objects are left out of every later collection.
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

import gc
import hashlib
import json
import os
import selectors
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from grading import sandbox
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


class _Connection:
    """JSON lines to and from a warm worker, over a pipe pair or a socket; a reader thread files replies."""

    def __init__(self, incoming, send, describe_end) -> None:
        self._send = send
        self._describe_end = describe_end
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._next = 0
        self._pids: dict[int, int] = {}
        self._exits: dict[int, int] = {}
        self._errors: dict[int, str] = {}
        self.dead: str | None = None
        threading.Thread(target=self._read, args=(incoming,), name="warm-worker-reader", daemon=True).start()

    def _read(self, incoming) -> None:
        try:
            for line in incoming:
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
        except OSError:
            pass
        why = self._describe_end()
        with self._changed:
            self.dead = why
            self._changed.notify_all()

    def start(self, request: Request) -> TestProcess:
        with self._changed:
            if self.dead:
                raise WorkerDied(self.dead)
            key = self._next
            self._next += 1
            try:
                self._send((json.dumps({"id": key, "request": request.to_json()}) + "\n").encode())
            except OSError as exc:
                raise WorkerDied(f"the warm worker does not take requests: {exc}") from exc
            self._changed.wait_for(lambda: key in self._pids or key in self._errors or self.dead is not None)
            if key in self._errors:
                raise WorkerDied(f"the warm worker could not fork: {self._errors.pop(key)}")
            if key not in self._pids:
                raise WorkerDied(self.dead or "the warm worker ended")
            return _Forked(self._pids.pop(key), self, key)

    def exit_status(self, key: int) -> int | None:
        with self._lock:
            status = self._exits.get(key)
            if status is None and self.dead:
                return -signal.SIGKILL  # the worker is gone and cannot tell: it killed its children
            return status

    def wait_exit(self, key: int, timeout: float) -> int | None:
        with self._changed:
            self._changed.wait_for(lambda: key in self._exits or self.dead is not None, timeout)
        return self.exit_status(key)


def _worker_env(threads: int | None) -> dict[str, str]:
    env = dict(os.environ)
    env["OPENBLAS_NUM_THREADS"] = "1"  # or numpy starts a thread pool at import, which fork would break
    if threads:
        env["OMP_NUM_THREADS"] = env["MKL_NUM_THREADS"] = str(threads)
    env["PYTHONPATH"] = os.pathsep.join([str(PROJECT_ROOT), *filter(None, [env.get("PYTHONPATH")])])
    return env


class WarmWorker:
    """A warm worker of this grading run only: started now, stopped by :meth:`close`.

    Thread-safe: the engine grades several exercises at once, each from a thread of its own.
    """

    def __init__(self, python: str = sys.executable, threads: int | None = None) -> None:
        self._proc = subprocess.Popen(
            [python, "-m", "grading.worker"],
            cwd=PROJECT_ROOT,
            env=_worker_env(threads),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self._stderr: list[bytes] = []
        threading.Thread(target=self._drain_stderr, name="warm-worker-stderr", daemon=True).start()

        def send(data: bytes) -> None:
            self._proc.stdin.write(data)
            self._proc.stdin.flush()

        self._conn = _Connection(self._proc.stdout, send, self._describe_end)

    @property
    def pid(self) -> int:
        return self._proc.pid

    def _drain_stderr(self) -> None:
        for line in self._proc.stderr:
            self._stderr.append(line)
            del self._stderr[:-20]

    def _describe_end(self) -> str:
        self._proc.wait()
        printed = b"".join(self._stderr).decode("utf-8", "replace").strip()[-1500:]
        return f"the warm worker {_describe(self._proc.returncode)}" + (f": {printed}" if printed else "")

    def start(self, request: Request) -> TestProcess:
        return self._conn.start(request)

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


class PersistentWorker:
    """A connection to the learner's persistent warm worker, started on first use and kept for the next runs.

    The worker listens on a Unix socket whose name is a hash of everything it preloads (the engine's code,
    the graders' helpers, pyproject.toml, the interpreter, the thread setting): after any change a new one
    starts, and an old one ends by itself once idle for ``idle`` seconds. Closing the connection kills the
    test processes it started.
    """

    def __init__(
        self, python: str = sys.executable, threads: int | None = None, idle: float = 900.0, path: Path | None = None
    ) -> None:
        path = path or daemon_socket(python, threads)
        sock = _connect(path)
        if sock is None:
            sock = _start_daemon(path, python, threads, idle)
        self._sock = sock
        self.path = path
        self._conn = _Connection(sock.makefile("rb"), sock.sendall, lambda: "the persistent warm worker ended")

    @property
    def pid(self) -> int:
        creds = self._sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
        return struct.unpack("3i", creds)[0]

    def start(self, request: Request) -> TestProcess:
        return self._conn.start(request)

    def close(self) -> None:
        """Disconnect; the worker kills the test processes this connection started, and stays for the next."""
        try:
            self._sock.shutdown(socket.SHUT_RDWR)  # the reader thread's file holds the socket open otherwise
        except OSError:
            pass
        self._sock.close()


def daemon_socket(python: str = sys.executable, threads: int | None = None) -> Path:
    """Where the persistent worker for this code, interpreter and thread setting listens."""
    h = hashlib.sha256(f"{python}\0{sys.version}\0{threads}\0{PRELOAD}".encode())
    for f in sorted(Path(__file__).parent.glob("*.py")) + [
        PROJECT_ROOT / "graders" / "helpers.py",
        PROJECT_ROOT / "pyproject.toml",
    ]:
        try:
            h.update(f.read_bytes())
        except OSError:
            pass
    h.update(str(PROJECT_ROOT).encode())
    folder = Path(tempfile.gettempdir()) / f"kata-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    if folder.stat().st_uid != os.getuid() or folder.stat().st_mode & 0o077:
        raise OSError(f"{folder} is not a private folder of this user")
    return folder / f"worker-{h.hexdigest()[:20]}.sock"


def _connect(path: Path):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(str(path))
    except OSError:
        sock.close()
        return None
    return sock


def _start_daemon(path: Path, python: str, threads: int | None, idle: float):
    """Start the persistent worker (one at a time: a lock file), then connect to it."""
    import fcntl  # POSIX only, as is the persistent worker

    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        sock = _connect(path)
        if sock is not None:
            return sock
        path.unlink(missing_ok=True)
        log = open(path.with_suffix(".log"), "ab")  # noqa: SIM115 - handed to the daemon
        proc = subprocess.Popen(
            [python, "-m", "grading.worker", "--listen", str(path), "--idle", str(idle)],
            cwd=PROJECT_ROOT,
            env=_worker_env(threads),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            sock = _connect(path)
            if sock is not None:
                return sock
            if proc.poll() is not None:
                break
            time.sleep(0.01)
        raise OSError(f"the persistent warm worker did not start (see {path.with_suffix('.log')})")


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
    thread appeared in it). Grading goes on either way; ``fallback_reason`` says what happened.

    Args:
        threads (int): torch threads per test process (None: the default).
        persistent (bool): use the learner's persistent worker (kept between runs) rather than one for this
            run only; if it cannot be reached or started, a worker for this run is used.
    """

    def __init__(self, threads: int | None = None, persistent: bool = False) -> None:
        self._lock = threading.Lock()
        self._fresh = FreshLauncher()
        self.fallback_reason: str | None = None
        self._warm: WarmWorker | PersistentWorker | None = None
        if persistent:
            try:
                self._warm = PersistentWorker(threads=threads)
            except OSError as exc:
                self.fallback_reason = f"the persistent warm worker could not be used: {exc}"
        if self._warm is None:
            try:
                self._warm = WarmWorker(threads=threads)
            except OSError as exc:
                self.fallback_reason = f"the warm worker could not start: {exc}"

    @property
    def kind(self) -> str:
        """``persistent``, ``warm`` or ``fresh``: where test processes come from now."""
        warm = self._warm
        return "persistent" if isinstance(warm, PersistentWorker) else "warm" if warm is not None else "fresh"

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


PERSISTENT_ENV = "KATA_PERSISTENT_WORKER"


def persistent_worker_wanted() -> bool:
    """The persistent worker is for a learner's own loop: not on CI, and not when switched off."""
    return os.environ.get(PERSISTENT_ENV, "1") != "0" and not os.environ.get("CI")


def make_launcher(threads: int | None = None, kind: str = "run") -> Launcher:
    """Where test processes come from.

    Args:
        threads (int): torch threads per test process (None: the default).
        kind (str): ``"persistent"`` (the learner's worker kept between runs, unless KATA_PERSISTENT_WORKER=0
            or on CI), ``"run"`` (a warm worker for this run) or ``"fresh"`` (a new interpreter each time).
            Without fork, or with KATA_WARM_WORKER=0, always fresh.
    """
    if kind not in ("persistent", "run", "fresh"):
        raise ValueError(f"kind: expected 'persistent', 'run' or 'fresh', got {kind!r}")
    if kind == "fresh" or not warm_worker_available():
        return FreshLauncher()
    return WarmOrFresh(threads=threads, persistent=kind == "persistent" and persistent_worker_wanted())


# ------------------------------------------------------------------------------------------ the server side


@dataclass
class _Client:
    """One engine connected to the worker: where its requests come from, and its test processes."""

    fd_in: int
    fd_out: int
    pending: bytes = b""
    children: set[int] = field(default_factory=set)


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
        child.redirect_output(request.log)  # fds 0-2 no longer reach the worker's pipes
        # Python's own streams wrap fds 0-2, which now point at the log; start them empty.
        sys.stdin = open(0, closefd=False)  # noqa: SIM115
        sys.stdout = open(1, "w", buffering=1, closefd=False, errors="backslashreplace")  # noqa: SIM115
        sys.stderr = open(2, "w", buffering=1, closefd=False, errors="backslashreplace")  # noqa: SIM115
        child.start(request)  # the keeper of grading.sandbox; never returns
    except BaseException:  # noqa: BLE001
        import traceback

        traceback.print_exc()
    os._exit(child.CHILD_FAILED)


def _preload() -> None:
    import importlib

    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:
            pass  # the test process imports what it needs itself
    # Move everything imported so far out of the collector's sight: a collection in a child would otherwise
    # walk (and so copy, page by page) the whole inherited heap: 0.6 s at every pytest exit, measured.
    gc.collect()
    gc.freeze()


def _fork_problem() -> str | None:
    """Why forking now would be unsafe, or None."""
    if _thread_count() != 1:
        return f"the warm worker holds {_thread_count()} threads; it must hold one to fork"
    torch = sys.modules.get("torch")
    if torch is not None and torch.cuda.is_initialized():
        return "CUDA was initialised in the warm worker; a forked child could not use it"
    return None


def serve(listen: str | None = None, idle: float = 900.0) -> None:
    """``python -m grading.worker [--listen PATH --idle S]``: preload, then fork a test process per request.

    Protocol (JSON lines): in ``{"id": n, "request": "<Request as JSON>"}``; out ``{"id": n, "pid": p}``
    when forked, ``{"id": n, "exit": status}`` when reaped (negative: killed by that signal), or
    ``{"id": n, "error": "..."}``. Without ``--listen`` the one client is standard input and output, and its
    end stops the worker. With it, engines connect to the Unix socket ``PATH``; a client that disconnects
    has its test processes killed, and the worker ends after ``idle`` seconds with no client.
    """
    listener = None
    if listen is not None:
        os.umask(0o077)  # the socket is this user's only
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(listen)
        listener.listen(16)
    _preload()
    sandbox.not_dumpable()  # its /proc files (fds, memory) closed to processes of the same user
    subreaper = sandbox.prctl(sandbox.PR_SET_CHILD_SUBREAPER, 1)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    clients: dict[int, _Client] = {}  # by fd_in
    owners: dict[int, tuple[_Client, int]] = {}  # child pid -> (client, request id)
    sel = selectors.DefaultSelector()
    sel.register(wake_r, selectors.EVENT_READ)
    if listener is None:
        clients[0] = _Client(0, 1)
        sel.register(0, selectors.EVENT_READ)
    else:
        sel.register(listener, selectors.EVENT_READ)
    idle_since = time.monotonic()

    def reply(client: _Client, **msg) -> None:
        try:
            os.write(client.fd_out, (json.dumps(msg) + "\n").encode())
        except OSError:
            pass  # the client is gone; its end is handled when its input closes

    def reap() -> None:
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            owner = owners.pop(pid, None)
            if owner is not None:
                owner[0].children.discard(pid)
                reply(owner[0], id=owner[1], exit=os.waitstatus_to_exitcode(status))
        # Orphans re-parented to this subreaper (a keeper was killed before its tree was gone) end here.
        if subreaper:
            sandbox.kill_all([pid for pid in sandbox.children(os.getpid()) if pid not in owners])

    def drop(client: _Client) -> None:
        sel.unregister(client.fd_in)
        clients.pop(client.fd_in, None)
        for pid in client.children:
            kill_group(pid)
        if listener is not None:
            os.close(client.fd_in)

    def handle(client: _Client, line: bytes) -> None:
        msg = json.loads(line)
        problem = _fork_problem()
        if problem:
            reply(client, id=msg["id"], error=problem)
            return
        request = Request.from_json(msg["request"])
        others = [c.fd_in for c in clients.values()] + [wake_r, wake_w]
        if listener is not None:
            others.append(listener.fileno())
        pid = _fork_child(request, [fd for fd in others if fd > 2])  # fds 0-2 are replaced in the child
        client.children.add(pid)
        owners[pid] = (client, msg["id"])
        reply(client, id=msg["id"], pid=pid)

    try:
        while True:
            timeout = None if listener is None or clients or owners else max(0.0, idle_since + idle - time.monotonic())
            events = sel.select(timeout)
            if not events and listener is not None and not clients and not owners:
                return  # idle for long enough
            for key, _ in events:
                if key.fd == wake_r:
                    try:
                        os.read(wake_r, 4096)
                    except BlockingIOError:
                        pass
                elif listener is not None and key.fd == listener.fileno():
                    conn, _ = listener.accept()
                    fd = conn.detach()
                    clients[fd] = _Client(fd, fd)
                    sel.register(fd, selectors.EVENT_READ)
                else:
                    client = clients[key.fd]
                    chunk = os.read(client.fd_in, 65536)
                    if not chunk:
                        drop(client)
                        if listener is None:
                            return
                        idle_since = time.monotonic()
                        continue
                    client.pending += chunk
                    *lines, client.pending = client.pending.split(b"\n")
                    for line in lines:
                        handle(client, line)
            reap()
    finally:
        for pid in list(owners):
            kill_group(pid)
        for pid in list(owners):
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
        if listen is not None:
            try:
                os.unlink(listen)
            except OSError:
                pass


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m grading.worker", description="The engine's warm worker.")
    parser.add_argument("--listen", default=None, help="serve engines on this Unix socket (a persistent worker)")
    parser.add_argument("--idle", type=float, default=900.0, help="seconds without a client before it ends")
    args = parser.parse_args(argv)
    serve(args.listen, args.idle)


if __name__ == "__main__":
    main()
