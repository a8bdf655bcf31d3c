"""Tamper detection: what the verdict depends on is the same after the learner's code ran as before.

The learner's code runs in the test process, beside the grader that judges it, so it could patch what
judges it: torch's and NumPy's comparisons, the graders' assertions, pytest's report machinery and hooks,
the engine's plugin; or call the grader's own reference implementation; or rewrite a grader on disk.
Three checks, all taken before the learner's module is imported:

* :class:`Snapshot` records the identity of every attribute of the modules and classes the verdict
  depends on (for Python functions also their code, defaults and closure cells), and pytest's registered
  plugins and hook implementations. After every test, and at the start of every assertion of
  graders.helpers for the comparison functions, anything changed or removed is tampering.
* :func:`guard_grader_functions` makes the grader's own functions (its references) note any call that
  comes straight from the learner's files.
* :class:`FileGuard` (in the engine, outside the test process) hashes the graders, the engine, the quizzes
  and the project's configuration before grading and checks them after every exercise; a changed file is
  put back as it was and the exercise that was being graded scores as tampered.

A test found tampering scores ``tampered``, and so does its whole exercise: 0 points, with the message
saying what changed. What this cannot catch is said in the README ("What the engine cannot stop").
"""

from __future__ import annotations

import hashlib
import itertools
import operator
import sys
import types
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

# Checked after every test: the modules (with the classes defined in them, for those marked +) that the
# verdict runs through. Checked at the end of the session as well: every WATCHED_MODULES namespace, every
# class defined in them, and the loaded modules under WATCHED_PREFIXES.
CORE_MODULES = (
    "builtins",
    "math",
    "operator",
    "torch",
    "torch.nn.functional",
    "numpy",
    "+torch.testing",
    "+torch.testing._comparison",
    "+numpy.testing",
    "+numpy.testing._private.utils",
    "pytest",
    "+pytest_timeout",
    "+_pytest.runner",
    "+_pytest.reports",
    "+_pytest.python",
    "+_pytest.main",
    "+_pytest.outcomes",
    "+_pytest.skipping",
    "+_pytest.raises",
    "+_pytest.python_api",
    "+pluggy._hooks",
    "+pluggy._callers",
    "+pluggy._manager",
    "+graders.helpers",
    "+grading.pytest_plugin",
    "+grading.records",
    "+grading.integrity",
)
WATCHED_MODULES = (
    "builtins",
    "math",
    "operator",
    "functools",
    "torch",
    "torch.testing",
    "torch.testing._comparison",
    "torch.nn.functional",
    "numpy",
    "numpy.testing",
    "pytest",
    "pluggy",
    "pytest_timeout",
    "graders.helpers",
    "grading.pytest_plugin",
    "grading.records",
    "grading.integrity",
    "grading.child",
)
WATCHED_PREFIXES = ("_pytest.", "pluggy.", "numpy.testing.")
# Names that libraries replace themselves, lazily (importing torch._dynamo wraps torch.manual_seed).
LAZILY_REPLACED = {("torch", "manual_seed")}
# Classes outside those modules whose attributes the verdict depends on.
WATCHED_CLASSES = ("torch.Tensor", "torch._C.TensorBase", "torch.nn.Module")
# The comparison machinery, checked at the start of every assertion of graders.helpers (cheap).
COMPARISONS = {
    "builtins": (
        "abs all any bool float int isinstance len max min repr round sorted str sum type zip range "
        "enumerate list tuple dict set getattr hasattr iter next"
    ),
    "math": "isclose isfinite isnan isinf fabs",
    "torch": "allclose isclose equal eq ne abs isfinite isnan as_tensor tensor",
    "torch.testing": "assert_close",
    "numpy": "allclose isclose array_equal asarray array abs isfinite isnan",
    "numpy.testing": "assert_allclose assert_array_equal assert_equal assert_array_almost_equal",
}
TENSOR_COMPARISONS = (
    "__eq__ __ne__ __lt__ __le__ __gt__ __ge__ __bool__ __float__ __int__ __abs__ __sub__ __len__ __iter__ "
    "__getitem__ allclose isclose equal eq ne tolist item abs max min sum all any float double numel "
    "dtype shape size to clone detach"
).split()


class _Gone:
    """Stands for an attribute that is no longer there (never stored in any namespace)."""


_GONE = _Gone()
_EMPTY_CELL = _Gone()  # the contents of a closure cell that holds nothing


class Tampered(AssertionError):
    """The learner's code changed what the verdict depends on."""


ACTIVE: ComparisonGuard | None = None  # set by the engine's plugin in a graded process


def check_comparisons() -> None:
    """Raise :class:`Tampered` if a comparison function changed (graders.helpers calls this first)."""
    if ACTIVE is not None:
        ACTIVE.check()


def _fingerprint(value: Any) -> tuple | None:
    """For a Python function (or a method wrapping one), what makes it behave beyond its identity: its
    code, defaults and closure cells' contents (the objects themselves: ``id()`` is an audited call). None
    for anything else (identity says it all)."""
    fn = value.__func__ if isinstance(value, (classmethod, staticmethod)) else value
    if isinstance(fn, types.FunctionType):
        cells = tuple(_cell(c) for c in (fn.__closure__ or ()))
        return (fn.__code__, fn.__defaults__, fn.__kwdefaults__, cells)
    if isinstance(value, property):
        return (value.fget, value.fset)
    return None


def _same(a: tuple | None, b: tuple | None) -> bool:
    """Whether two fingerprints hold the same objects (identity, never ``==``: a learner's object could
    claim to equal anything)."""
    if a is None or b is None:
        return a is b
    return len(a) == len(b) and all(
        _same(x, y) if type(x) is tuple and type(y) is tuple and x is not y else x is y
        for x, y in zip(a, b, strict=True)
    )


def _cell(cell: Any) -> Any:
    try:
        return cell.cell_contents
    except ValueError:  # an empty cell
        return _EMPTY_CELL


def _resolve(dotted: str) -> Any:
    module, _, attr = dotted.rpartition(".")
    obj = sys.modules.get(module)
    for part in attr.split("."):
        obj = getattr(obj, part, None) if obj is not None else None
    return obj


class Snapshot:
    """Identities of what the verdict depends on, taken now; :meth:`changes` says what differs later.

    Args:
        modules (iterable of module): namespaces to record.
        classes_of (iterable of module): modules whose classes (defined there) are recorded too.
        classes (iterable of str): more classes to record, dotted.
        pluginmanager: pytest's plugin manager, whose plugins and hook implementations are recorded.
        hook_names (iterable of str): only these hooks (default: all).
    """

    def __init__(
        self,
        modules: Iterable[types.ModuleType],
        classes_of: Iterable[types.ModuleType] = (),
        classes: Iterable[str] = (),
        pluginmanager: Any = None,
        hook_names: Iterable[str] | None = None,
    ) -> None:
        self._holders: dict[str, Any] = {}
        # Per holder: its attributes' names, values and fingerprints, as they were.
        self._by_holder: dict[str, tuple[list[str], list[Any], list[tuple | None]]] = {}
        # Every recorded Python function, with its code, defaults and closure cells' contents, as they were.
        self._functions: list[types.FunctionType] = []
        self._function_parts: tuple[list, list, list] = ([], [], [])
        self._cells: list[Any] = []
        self._cell_contents: list[Any] = []
        for module in modules:
            self._take(module.__name__, module)
        for module in classes_of:
            for value in list(vars(module).values()):
                if isinstance(value, type) and getattr(value, "__module__", None) == module.__name__:
                    self._take(f"{module.__name__}.{value.__qualname__}", value)
        for dotted in classes:
            cls = _resolve(dotted)
            if isinstance(cls, type):
                self._take(dotted, cls)
        self._pluginmanager = pluginmanager
        self._hook_names = hook_names
        self._hooks = _hook_state(pluginmanager, hook_names) if pluginmanager is not None else None

    def take_some(self, name: str, holder: Any, attrs: Iterable[str]) -> None:
        """Record only ``attrs`` of ``holder``."""
        namespace = vars(holder)
        self._record(name, holder, [(attr, namespace[attr]) for attr in attrs if attr in namespace])

    def _take(self, name: str, holder: Any) -> None:
        if name in self._holders:
            return
        try:
            items = list(vars(holder).items())
        except TypeError:
            return
        self._record(name, holder, [(attr, value) for attr, value in items if (name, attr) not in LAZILY_REPLACED])

    def _record(self, name: str, holder: Any, items: list[tuple[str, Any]]) -> None:
        self._holders[name] = holder
        attrs, values, fingerprints = self._by_holder.setdefault(name, ([], [], []))
        seen = set(attrs)
        for attr, value in items:
            if attr in seen:
                continue
            fingerprint = _fingerprint(value)
            attrs.append(attr)
            values.append(value)
            fingerprints.append(fingerprint)
            if fingerprint is not None and len(fingerprint) == 4:  # a function (see _fingerprint)
                fn = value.__func__ if isinstance(value, (classmethod, staticmethod)) else value
                self._functions.append(fn)
                for parts, part in zip(self._function_parts, fingerprint[:3], strict=True):
                    parts.append(part)
                self._cells += fn.__closure__ or ()
                self._cell_contents += fingerprint[3]

    def changes(self, *, deep: bool = True) -> list[str]:
        """What was replaced or removed since the snapshot (new attributes are not counted).

        Args:
            deep (bool): also compare the code and defaults of functions. Reading them is an audited event,
                and a hook's call per read is what made a check after every test cost milliseconds; setting
                them is an audited event too, which :class:`AuditPolicy` notes as it happens. Identities and
                closure cells are always compared.
        """
        if self._unchanged() and (not deep or self._functions_unchanged()):
            return self._hook_changes()
        out = []
        for name, (attrs, values, fingerprints) in self._by_holder.items():
            try:
                get = vars(self._holders[name]).get
            except TypeError:
                continue
            for attr, value, fingerprint in zip(attrs, values, fingerprints, strict=True):
                now = get(attr, _GONE)
                if now is value:
                    if fingerprint is not None and not _same(_fingerprint(now), fingerprint):
                        out.append(f"{name}.{attr} was changed (its code, defaults or closure)")
                elif now is _GONE:
                    out.append(f"{name}.{attr} was removed")
                else:
                    out.append(f"{name}.{attr} was replaced")
        return out + self._hook_changes()

    def _unchanged(self) -> bool:
        """Every attribute is the same object and every closure cell holds the same object (C-speed maps,
        no audited reads)."""
        for name, (attrs, values, _) in self._by_holder.items():
            try:
                get = vars(self._holders[name]).get
            except TypeError:
                continue
            if not all(map(operator.is_, map(get, attrs, itertools.repeat(_GONE)), values)):
                return False
        return all(map(operator.is_, map(_cell, self._cells), self._cell_contents))

    def _functions_unchanged(self) -> bool:
        """Every function's code and defaults are the objects they were (C-speed maps)."""
        return all(
            all(map(operator.is_, map(operator.attrgetter(attr), self._functions), was))
            for attr, was in zip(("__code__", "__defaults__", "__kwdefaults__"), self._function_parts, strict=True)
        )

    def _hook_changes(self) -> list[str]:
        if self._hooks is not None and _hook_state(self._pluginmanager, self._hook_names) != self._hooks:
            return ["pytest's registered plugins or hook implementations were changed"]
        return []


# The hooks a verdict passes through, checked after every test (all hooks are checked at the session's end).
VERDICT_HOOKS = (
    "pytest_runtest_protocol pytest_runtest_setup pytest_runtest_call pytest_runtest_teardown "
    "pytest_runtest_makereport pytest_runtest_logreport pytest_pyfunc_call pytest_report_teststatus "
    "pytest_collection_modifyitems pytest_collection_finish pytest_sessionfinish pytest_exception_interact "
    "pytest_timeout_set_timer pytest_timeout_cancel_timer"
).split()


def _hook_state(pluginmanager: Any, names: Iterable[str] | None = None) -> tuple:
    plugins = tuple(sorted(map(id, pluginmanager.get_plugins())))
    hooks = []
    for name in names if names is not None else sorted(vars(pluginmanager.hook)):
        get = getattr(getattr(pluginmanager.hook, name, None), "get_hookimpls", None)
        if get is not None:
            hooks.append((name, tuple(id(impl.function) for impl in get())))
    return plugins, tuple(hooks)


def _loaded(names: Iterable[str]) -> list[types.ModuleType]:
    return [sys.modules[n] for n in names if isinstance(sys.modules.get(n), types.ModuleType)]


def core_snapshot(graders: list[types.ModuleType], pluginmanager: Any) -> Snapshot:
    """What every test is checked against: CORE_MODULES, the graders, the tensor's comparisons, the hooks."""
    names = [n.lstrip("+") for n in CORE_MODULES]
    with_classes = [n.lstrip("+") for n in CORE_MODULES if n.startswith("+")]
    snap = Snapshot(_loaded(names) + graders, _loaded(with_classes) + graders, (), pluginmanager, VERDICT_HOOKS)
    tensor = _resolve("torch.Tensor")
    if isinstance(tensor, type):
        for cls in tensor.__mro__[:2]:
            snap.take_some(f"{cls.__module__}.{cls.__qualname__}", cls, TENSOR_COMPARISONS)
    return snap


def full_snapshot(graders: list[types.ModuleType], pluginmanager: Any) -> Snapshot:
    """What the end of the session is checked against: every watched namespace and its classes, all hooks."""
    names = sorted(set(WATCHED_MODULES) | {n for n in list(sys.modules) if n.startswith(WATCHED_PREFIXES)})
    modules = _loaded(names) + graders
    return Snapshot(modules, modules, WATCHED_CLASSES, pluginmanager)


class ComparisonGuard:
    """The comparison machinery's identities, cheap enough to check at every assertion."""

    def __init__(self, helpers: types.ModuleType | None = None) -> None:
        self._entries: list[tuple[str, Any, str, Any]] = []
        for module_name, names in COMPARISONS.items():
            module = sys.modules.get(module_name)
            if module is None:
                continue
            for name in names.split():
                if name in vars(module):
                    self._entries.append((module_name, module, name, vars(module)[name]))
        tensor = _resolve("torch.Tensor")
        if isinstance(tensor, type):
            for cls in tensor.__mro__[:2]:
                for name in TENSOR_COMPARISONS:
                    if name in vars(cls):
                        self._entries.append((cls.__qualname__, cls, name, vars(cls)[name]))
        if helpers is not None:
            for name, value in vars(helpers).items():
                if isinstance(value, types.FunctionType):
                    self._entries.append(("graders.helpers", helpers, name, value))
        self._codes = [(v, v.__code__) for *_, v in self._entries if isinstance(v, types.FunctionType)]

    def check(self) -> None:
        """Raise :class:`Tampered` if a comparison function was replaced."""
        for where, holder, name, value in self._entries:
            if vars(holder).get(name) is not value:
                raise Tampered(f"{where}.{name} was replaced while the test ran")
        for fn, code in self._codes:
            if fn.__code__ is not code:
                raise Tampered(f"the code of {fn.__qualname__} was replaced while the test ran")


def guard_grader_functions(module: types.ModuleType, is_learner_file: Callable[[str], bool], note) -> int:
    """Make each plain function of a grader module note (``note(message)``) a call coming straight from
    the learner's files: a grader's references are there to judge the answer, not to be the answer.

    Returns:
        int: how many functions are guarded.
    """
    count = 0
    for name, fn in list(vars(module).items()):
        if (
            not isinstance(fn, types.FunctionType)
            or fn.__module__ != module.__name__
            or name.startswith(("test_", "pytest_", "_"))
        ):
            continue
        setattr(module, name, _guard(fn, is_learner_file, note))
        count += 1
    return count


def _guard(fn: types.FunctionType, is_learner_file: Callable[[str], bool], note) -> Callable:
    def guarded(*args, **kwargs):
        caller = sys._getframe(1).f_code.co_filename
        if is_learner_file(caller):
            note(f"the learner's code called the grader's own {fn.__name__}() (from {Path(caller).name})")
        return fn(*args, **kwargs)

    # The guard stands in for the function everywhere, pickling by reference included (a process pool);
    # no __wrapped__, which would hand the original to the learner.
    guarded.__name__, guarded.__qualname__, guarded.__doc__ = fn.__name__, fn.__qualname__, fn.__doc__
    guarded.__module__ = fn.__module__
    return guarded


class FileGuard:
    """The bytes of the files that grade (graders, engine, quizzes, configuration), to check and restore."""

    def __init__(self, paths: Iterable[Path], root: Path) -> None:
        self.root = root
        self._files: dict[Path, bytes] = {}
        for path in paths:
            files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
            for f in files:
                if "__pycache__" in f.parts:
                    continue
                try:
                    self._files[f] = f.read_bytes()
                except OSError:
                    continue
        self._digests = {f: hashlib.sha256(b).digest() for f, b in self._files.items()}

    def changed(self) -> list[Path]:
        """Files whose content differs from the snapshot, or that are gone."""
        out = []
        for f, digest in self._digests.items():
            try:
                now = hashlib.sha256(f.read_bytes()).digest()
            except OSError:
                now = None
            if now != digest:
                out.append(f)
        return out

    def restore(self, files: Iterable[Path]) -> None:
        """Put ``files`` back as they were."""
        for f in files:
            try:
                f.parent.mkdir(parents=True, exist_ok=True)
                f.write_bytes(self._files[f])
            except OSError:
                pass

    def describe(self, files: Iterable[Path]) -> str:
        names = []
        for f in files:
            try:
                names.append(str(f.relative_to(self.root)))
            except ValueError:
                names.append(str(f))
        return ", ".join(names)


# ------------------------------------------------------------------------------------------ audit hooks

# Audit events (PEP 578) that only a learner reaching for the engine, the grader or the interpreter's
# internals would raise from their own code.
# (f_code is audited too, but reaching it needs a frame first, and the graders' own tracers read it at every
# line: watching it would cost more than it tells.)
_FRAME_ATTRS = {"tb_frame", "gi_frame", "cr_frame", "ag_frame"}
_PROC_FILES = ("/fd", "/mem", "/environ", "/maps")
# The events AuditPolicy._what looks at (besides every "ctypes." one).
_AUDITED = frozenset(
    "sys._getframe sys._current_frames object.__getattr__ object.__setattr__ gc.get_objects gc.get_referrers "
    "gc.get_referents sys.settrace sys.setprofile open os.listdir os.scandir".split()
)


class AuditPolicy:
    """An audit hook that notes what the learner's own code does to reach past its exercise.

    Noted, when the first frame outside the standard library that caused the event is one of the
    learner's: walking frames (``sys._getframe``, ``tb_frame``, ``gi_frame``), listing the collector's
    objects (``gc.get_objects``, ``get_referrers``, ``get_referents``), ctypes, tracing or profiling hooks,
    opening another process's or its own ``/proc`` descriptors, memory or environment, and setting
    attributes of classes or the code of functions that belong to the grader, the engine, pytest, torch
    or NumPy. An audit hook cannot be removed from Python once added.
    """

    def __init__(self, is_learner_file: Callable[[str], bool], note, watched_prefixes: tuple[str, ...]) -> None:
        import sysconfig

        self._is_learner = is_learner_file
        self._note = note
        self._watched = watched_prefixes
        paths = sysconfig.get_paths()
        self._stdlib = tuple(str(Path(paths[k]).resolve()) + "/" for k in ("stdlib", "platstdlib"))
        # In a virtual environment platstdlib may be the environment's lib/, which holds site-packages.
        self._site = tuple(str(Path(paths[k]).resolve()) + "/" for k in ("purelib", "platlib"))
        self._busy = False

    def install(self) -> None:
        sys.addaudithook(self)

    def __call__(self, event: str, args: tuple) -> None:
        # Called for every audited event of the process (every id(), every read of a function's code): the
        # first line turns away the events that never mean anything here.
        if self._busy or (event not in _AUDITED and not event.startswith("ctypes.")):
            return
        if event == "object.__getattr__" and (len(args) < 2 or args[1] not in _FRAME_ATTRS):
            return
        found = self._what(event, args)
        if found is None:
            return
        what, immediate = found
        self._busy = True
        try:
            culprit = self._culprit(immediate)
        finally:
            self._busy = False
        if culprit is not None:
            self._note(f"the learner's code {what} ({Path(culprit).name})")

    def _what(self, event: str, args: tuple) -> tuple[str, bool] | None:
        """What the event means, and whether only its immediate caller counts (frames: the standard
        library's traceback, inspect and logging walk frames for everyone, so only direct use is noted)."""
        if event in ("sys._getframe", "sys._current_frames"):
            return "walked the interpreter's frames", True
        if event == "object.__getattr__" and len(args) >= 2 and args[1] in _FRAME_ATTRS:
            return f"reached a frame through {args[1]}", True
        if event in ("gc.get_objects", "gc.get_referrers", "gc.get_referents"):
            return f"called {event}", False
        if event.startswith("ctypes."):
            return "used ctypes", False
        if event in ("sys.settrace", "sys.setprofile"):
            return f"installed a hook with {event}", False
        if event in ("open", "os.listdir", "os.scandir") and args:
            path = str(args[0]) if isinstance(args[0], (str, bytes, Path)) else ""
            if path.startswith("/proc/") and any(part in path for part in _PROC_FILES):
                return f"opened {path}", False
            return None
        if event == "object.__setattr__" and len(args) >= 2:
            obj = args[0]
            owner = obj.__module__ if isinstance(obj, type) else getattr(obj, "__module__", None)
            if (
                isinstance(owner, str)
                and owner.startswith(self._watched)
                and (isinstance(obj, type) or args[1] in ("__code__", "__defaults__", "__kwdefaults__"))
            ):
                return f"changed {getattr(obj, '__qualname__', obj)!s}.{args[1]}", False
        return None

    def _culprit(self, immediate: bool) -> str | None:
        """The learner's file that caused the event: the frame that raised it, or (not ``immediate``) the
        first frame outside the standard library on the way up; None when that is not the learner's."""
        frame = sys._getframe(2)  # 0: here, 1: __call__, 2: what raised the event
        while frame is not None:
            filename = frame.f_code.co_filename
            if self._is_learner(filename):
                return filename
            in_stdlib = filename.startswith(self._stdlib) and not filename.startswith(self._site)
            if immediate or not (in_stdlib or filename.startswith("<")):
                return None
            frame = frame.f_back
        return None
