"""The keeper: one process that holds a test process's whole tree, its limits and its end.

The engine starts a keeper for each test process (forked from the warm worker, or a fresh interpreter);
the keeper starts the test process and stays outside it::

    keeper (setsid, child subreaper, not dumpable)
      └─ reaper: PID 1 of a new PID namespace, where the kernel allows one (root, or a user namespace)
           └─ test process: pytest, the grader and the learner's code; as root, the unprivileged user
              ``nobody`` (KATA_SANDBOX_USER), with RLIMIT_DATA and no core files

What each part buys, chosen at run time (``Containment`` says what this machine gave):

* **The tree ends with the exercise.** In a PID namespace, the kernel kills every process in it when its
  PID 1 (the reaper) exits, ``setsid`` daemons included, and nothing inside can name a process outside, so
  the engine cannot be signalled. Without one, the keeper is a child subreaper: orphans of the tree are
  re-parented to it, and it kills them all when the test process has ended. The reaper and test process die
  with the keeper (``PR_SET_PDEATHSIG``), so killing the keeper's process group (what the engine does on a
  timeout) takes the tree with it.
* **The learner's code cannot reach the engine.** As root, the test process drops to an unprivileged user
  that keeps one capability, reading any file (``CAP_DAC_READ_SEARCH``: the interpreter may live in
  ``/root``): it cannot write the graders or the engine, open the engine's ``/proc/<pid>/fd``, signal it, or
  gain privileges through a set-user-ID program. Not as
  root, the engine, the worker and the keeper are made non-dumpable, which closes their ``/proc/<pid>``
  files (fds, memory, environment) and ptrace to processes of the same user; signals remain possible.
* **Memory.** The keeper sums the proportional set size (PSS, shared pages counted once) of the whole tree
  every quarter of a second and kills it past the cap, so ``MAP_SHARED`` mappings and forked children
  count; RLIMIT_DATA in the test process still turns one oversized private allocation into a MemoryError at
  once. It records what happened (a "memory" record) for the engine to report.
* **Output.** The log is cut to its last ``LOG_KEEP`` bytes whenever it passes ``LOG_CAP``.

Everything here is POSIX; Linux gives all of it. Elsewhere the keeper degrades to a process group.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import time
from dataclasses import dataclass

PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_CHILD_SUBREAPER = 36
CLONE_NEWPID = 0x20000000
SANDBOX_USER_ENV = "KATA_SANDBOX_USER"
LOG_CAP = 32 * 1024 * 1024  # a log past this size is cut
LOG_KEEP = 256 * 1024  # ... to its last this many bytes
WATCH_INTERVAL = 0.25  # seconds between the keeper's looks at memory and the log


@dataclass
class Containment:
    """What this machine allowed for one test process."""

    pid_namespace: bool = False
    subreaper: bool = False
    user: str | None = None  # the unprivileged user the test process runs as, if any

    def describe(self) -> str:
        parts = [
            "a PID namespace" if self.pid_namespace else ("a child subreaper" if self.subreaper else "a process group")
        ]
        parts.append(f"runs as {self.user}" if self.user else "runs as the engine's user")
        return ", ".join(parts)


_libc = None


def _c():
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    return _libc


def prctl(option: int, value: int) -> bool:
    """Linux prctl(2); False where it is missing or refused."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        return _c().prctl(option, value, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def not_dumpable() -> bool:
    """Close this process's /proc files and ptrace to other processes of the same user."""
    return prctl(PR_SET_DUMPABLE, 0)


def new_pid_namespace() -> bool:
    """unshare(CLONE_NEWPID): this process's next child becomes PID 1 of a new namespace."""
    if not sys.platform.startswith("linux") or os.environ.get("KATA_PID_NAMESPACE", "1") == "0":
        return False
    try:
        return _c().unshare(CLONE_NEWPID) == 0
    except (OSError, AttributeError):
        return False


def isolation_available() -> bool:
    """Whether a test process can be kept from signalling the engine here: it runs as another user, or in
    a PID namespace of its own (probed in a throw-away child)."""
    if sandbox_user() is not None:
        return True
    if not hasattr(os, "fork") or not sys.platform.startswith("linux"):
        return False
    pid = os.fork()
    if pid == 0:
        os._exit(0 if new_pid_namespace() else 1)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0


def sandbox_user() -> tuple[str, int, int] | None:
    """The unprivileged user to run learners' code as: only when the engine runs as root."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    name = os.environ.get(SANDBOX_USER_ENV, "nobody")
    if name in ("", "root", "0"):
        return None
    import pwd

    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        return None
    return name, entry.pw_uid, entry.pw_gid


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


PR_SET_KEEPCAPS = 8
PR_SET_NO_NEW_PRIVS = 38
PR_CAP_AMBIENT = 47
PR_CAP_AMBIENT_RAISE = 2
CAP_DAC_READ_SEARCH = 2
_LINUX_CAPABILITY_VERSION_3 = 0x20080522


def drop_privileges(user: tuple[str, int, int], home: str) -> bool:
    """Become ``user``, keeping only CAP_DAC_READ_SEARCH: read any file (the interpreter may live in
    /root), write only what that user may, signal or trace no process of root's, gain nothing by exec.

    Returns:
        bool: whether the read capability was kept (without it, only world-readable files can be read).
    """
    name, uid, gid = user
    prctl(PR_SET_KEEPCAPS, 1)
    os.setgroups([])
    os.setgid(gid)
    os.setuid(uid)
    kept = False
    try:
        data = (_CapData * 2)()
        data[0].effective = data[0].permitted = data[0].inheritable = 1 << CAP_DAC_READ_SEARCH
        kept = _c().capset(ctypes.byref(_CapHeader(_LINUX_CAPABILITY_VERSION_3, 0)), data) == 0
        # ambient: programs the learner's code starts (python linux_cat.py) keep it across exec
        _c().prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_DAC_READ_SEARCH, 0, 0)
    except (OSError, AttributeError):
        pass
    prctl(PR_SET_NO_NEW_PRIVS, 1)
    os.environ.update({"HOME": home, "USER": name, "LOGNAME": name})
    return kept


# ------------------------------------------------------------------------------------------ the tree


def children(pid: int) -> list[int]:
    """The live children of ``pid``, from /proc/<pid>/task/*/children where the kernel has it."""
    out: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", "rb") as fh:
                out += [int(x) for x in fh.read().split()]
        except (OSError, ValueError):
            return _children_by_scan(pid)
    return out


def _children_by_scan(pid: int) -> list[int]:
    return [c for c, parent in _parents().items() if parent == pid]


def _parents() -> dict[int, int]:
    parents: dict[int, int] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return parents
    for name in entries:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        parents[int(name)] = int(stat[stat.rfind(b")") + 2 :].split()[1])
    return parents


def descendants(root: int) -> list[int]:
    """Every live descendant of ``root`` (Linux /proc; empty elsewhere)."""
    out, todo = [], [root]
    while todo:
        for child in children(todo.pop()):
            out.append(child)
            todo.append(child)
    return out


def pss_bytes(pids: list[int]) -> int:
    """The proportional set size of ``pids`` together (shared pages split between their users)."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
                for line in fh:
                    if line.startswith(b"Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
        except (OSError, ValueError):
            continue
    return total


def kill_all(pids: list[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def cut_log(path: str) -> None:
    """Keep the last LOG_KEEP bytes of a log that grew past LOG_CAP."""
    try:
        if os.stat(path).st_size <= LOG_CAP:
            return
        with open(path, "rb") as fh:
            fh.seek(-LOG_KEEP, 2)
            tail = fh.read()
        with open(path, "r+b") as fh:
            fh.truncate(0)
            fh.write(b"[... output cut: more than %d MB ...]\n" % (LOG_CAP // 2**20) + tail)
    except OSError:
        pass


def reraise_status(status: int) -> None:
    """Leave this process with the same wait status as a child that ended with ``status``."""
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            signal.signal(sig, signal.SIG_DFL)
        except (OSError, ValueError):
            pass  # SIGKILL and SIGSTOP have no handler to reset
        import resource  # POSIX, as is this path

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        os.kill(os.getpid(), sig)
        time.sleep(1)
    os._exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 1)


def _reaper(test_pid_w: int, run_test) -> None:
    """PID 1 of the namespace: start the test process, reap every orphan, report its status, leave."""
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    test = os.fork()
    if test == 0:
        os.close(test_pid_w)
        run_test()  # never returns
    while True:
        try:
            pid, status = os.waitpid(-1, 0)
        except ChildProcessError:
            os._exit(0)
        except InterruptedError:
            continue
        if pid == test:
            os.write(test_pid_w, status.to_bytes(4, "little", signed=True))
            os._exit(0)  # the kernel now kills whatever is left in the namespace


def _exit_notice(pid: int):
    """A function that waits up to its argument in seconds, or less if process ``pid`` ends first.

    With a pidfd (Linux 5.3+) the keeper learns of the end at once, not at its next look: a test process
    that ends no longer waits out the rest of WATCH_INTERVAL. Elsewhere it sleeps.
    """
    import select

    try:
        fd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        return time.sleep

    def wait(seconds: float) -> None:
        try:
            select.select([fd], [], [], seconds)
        except (OSError, ValueError):
            time.sleep(seconds)

    return wait


def keep(run_test, *, memory_bytes: int | None, log: str, on_memory, cleanup) -> None:
    """Start ``run_test()`` in a contained tree, watch it, and leave with its exit status. Never returns.

    Args:
        run_test: runs the test process (in the child; must not return).
        memory_bytes (int): the cap on the tree's PSS (None: no cap).
        log (str): the log file to keep under LOG_CAP.
        on_memory: called with the bytes used when the cap is passed, before the tree is killed.
        cleanup: called once the tree is gone, before leaving.
    """
    me = os.getpid()
    prctl(PR_SET_CHILD_SUBREAPER, 1)
    not_dumpable()
    isolated = new_pid_namespace()
    status_r, status_w = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(status_r)
        if isolated:
            _reaper(status_w, run_test)
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != me:
            os._exit(1)
        os.close(status_w)
        run_test()
    os.close(status_w)
    exited = _exit_notice(child)
    status = None
    while status is None:
        try:
            pid, raw = os.waitpid(child, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == child:
            status = raw
            break
        tree = [child, *descendants(child)]
        if memory_bytes:
            used = pss_bytes(tree)
            if used > memory_bytes:
                on_memory(used)
                kill_all(tree)
        cut_log(log)
        exited(WATCH_INTERVAL)
    if isolated:
        data = os.read(status_r, 4)
        status = int.from_bytes(data, "little", signed=True) if len(data) == 4 else status
    # Whatever the test process left behind: its process group, and orphans re-parented to this subreaper.
    for _ in range(10):
        leftovers = descendants(me)
        if not leftovers:
            break
        kill_all(leftovers)
        while True:
            try:
                if os.waitpid(-1, os.WNOHANG)[0] == 0:
                    break
            except ChildProcessError:
                break
        time.sleep(0.01)
    cleanup()
    reraise_status(status if status is not None else 1 << 8)
