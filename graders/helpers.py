"""Assertions and tools shared by every grader.

Failure messages speak to a learner: what was called, what came back, what was expected and where the
two differ (shape, dtype, first bad index, largest error), never a wall of tensor repr, and the seed of
any random input so that the case can be replayed.

    assert_close(actual, expected, call=..., seed=...)   numbers, tensors, arrays, nested tuples/lists
    assert_equal(actual, expected, call=...)             exact: indices, ints, strings, sets
    assert_raises(ValueError, fn, *args, match=..., call=...)
    assert_unchanged(before, after, name=..., call=...)  inputs must not be modified
    forbidden(*by_hand_entries("activations"))           context manager for the "by hand" tests: fails if
                                                         the block reaches a forbidden operation, any route
    python_line_budget(learner, 50_000, what=...)        context manager: "no Python loop over the pairs"
    one_thread()                                         context manager for tests with a timed loop
    call_repr("nms", boxes, scores, 0.5)                 "nms(Tensor[7, 4] float32, Tensor[7] float32, 0.5)"
"""

from __future__ import annotations

import contextlib
import fnmatch
import importlib
import math
import re
import sys
import threading
import types
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np
import torch
from torch.overrides import TorchFunctionMode
from torch.utils._python_dispatch import TorchDispatchMode

from grading.integrity import check_comparisons
from grading.pytest_plugin import LEARNER_MARK

# Default tolerances by dtype: the catalogue's rtol=1e-5, atol=1e-6 for float32, tighter for float64.
TOLERANCES = {
    torch.float64: (1e-7, 1e-9),
    torch.float32: (1e-5, 1e-6),
    torch.bfloat16: (1.6e-2, 1e-5),
    torch.float16: (1e-3, 1e-5),
}
_NUMPY_TOL = {np.dtype("float64"): (1e-7, 1e-9), np.dtype("float32"): (1e-5, 1e-6)}

__all__ = [
    "ForbiddenCall",
    "by_hand_entries",
    "assert_close",
    "assert_equal",
    "assert_raises",
    "assert_unchanged",
    "call_repr",
    "describe",
    "forbidden",
    "load_conv_bn_layers",
    "one_thread",
    "python_line_budget",
    "short",
    "TooMuchPython",
]


# --------------------------------------------------------------------------------------- describing


def describe(value: Any) -> str:
    """A short type-and-shape description: ``Tensor[7, 4] float32``, ``ndarray[5] int64``, ``list of 3``."""
    if isinstance(value, torch.Tensor):
        shape = ", ".join(str(s) for s in value.shape)
        dtype = str(value.dtype).removeprefix("torch.")
        grad = " requires_grad" if value.requires_grad else ""
        return f"Tensor[{shape}] {dtype}{grad}"
    if isinstance(value, np.ndarray):
        return f"ndarray[{', '.join(str(s) for s in value.shape)}] {value.dtype}"
    if isinstance(value, (list, tuple)) and len(value) > 6:
        return f"{type(value).__name__} of {len(value)}"
    if isinstance(value, (list, tuple)):
        inner = ", ".join(describe(v) for v in value)
        return f"({inner}{',' if len(value) == 1 else ''})" if isinstance(value, tuple) else f"[{inner}]"
    if isinstance(value, (set, frozenset, dict)):
        return f"{type(value).__name__} of {len(value)}"
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else repr(value[:37] + "...")
    if callable(value) and hasattr(value, "__name__"):
        return value.__name__
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def call_repr(name: str, *args: Any, **kwargs: Any) -> str:
    """``name(arg, ..., key=value)`` with every argument described briefly."""
    parts = [describe(a) for a in args] + [f"{k}={describe(v)}" for k, v in kwargs.items()]
    return f"{name}({', '.join(parts)})"


def short(value: Any, limit: int = 8) -> str:
    """The first few values of a tensor, array or sequence: ``[0, 4, 2, … 9 more]``."""
    if isinstance(value, torch.Tensor):
        value = value.detach().cpu()
        if value.dtype == torch.bool:
            value = value.to(torch.int64)
        flat = value.reshape(-1).tolist()
    elif isinstance(value, np.ndarray):
        flat = value.reshape(-1).tolist()
    elif isinstance(value, (list, tuple)):
        flat = list(value)
    elif isinstance(value, (set, frozenset)):
        flat = sorted(value, key=repr)
    else:
        return _num(value)
    shown = ", ".join(_num(v) for v in flat[:limit])
    more = f", … {len(flat) - limit} more" if len(flat) > limit else ""
    return f"[{shown}{more}]"


def _num(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.6g}"
    return repr(v)


def _header(call: str | None, seed: int | None) -> str:
    head = call or "the call"
    if seed is not None:
        head += f"  (random input, seed {seed})"
    return head


def _fail(call: str | None, seed: int | None, *lines: str) -> None:
    raise AssertionError("\n".join([_header(call, seed)] + ["  " + line for line in lines]))


# --------------------------------------------------------------------------------------- comparing


def assert_close(
    actual: Any,
    expected: Any,
    *,
    call: str | None = None,
    seed: int | None = None,
    rtol: float | None = None,
    atol: float | None = None,
    check_dtype: bool = True,
    what: str = "result",
) -> None:
    """Fail in plain words unless ``actual`` matches ``expected`` within tolerance.

    Tensors must be tensors of the same shape (and dtype, unless ``check_dtype=False``); arrays likewise;
    tuples and lists are compared item by item; numbers with ``math.isclose``. NaN equals NaN.
    """
    check_comparisons()  # the comparison machinery is what it was (grading.integrity)
    if isinstance(expected, torch.Tensor):
        _close_tensor(actual, expected, call, seed, rtol, atol, check_dtype, what)
    elif isinstance(expected, np.ndarray):
        if not isinstance(actual, np.ndarray):
            _fail(call, seed, f"returned {describe(actual)} as the {what}, expected a NumPy array")
        _close_tensor(
            torch.from_numpy(np.array(actual)),
            torch.from_numpy(np.array(expected)),
            call,
            seed,
            rtol,
            atol,
            check_dtype,
            what,
            kind="ndarray",
        )
    elif isinstance(expected, (tuple, list)):
        if not isinstance(actual, (tuple, list)) or len(actual) != len(expected):
            _fail(call, seed, f"returned {describe(actual)} as the {what}, expected {describe(expected)}")
        for i, (a, e) in enumerate(zip(actual, expected, strict=True)):
            assert_close(a, e, call=call, seed=seed, rtol=rtol, atol=atol, check_dtype=check_dtype, what=f"{what}[{i}]")
    elif isinstance(expected, (int, float)) and not isinstance(expected, bool):
        if isinstance(actual, torch.Tensor) and actual.numel() == 1:
            actual = actual.item()
        if isinstance(actual, np.generic):
            actual = actual.item()
        if not isinstance(actual, (int, float)) or isinstance(actual, bool):
            _fail(call, seed, f"returned {describe(actual)} as the {what}, expected a number ({_num(expected)})")
        r = 1e-7 if rtol is None else rtol
        a = 1e-9 if atol is None else atol
        if math.isnan(expected) and math.isnan(actual):
            return
        if not math.isclose(actual, expected, rel_tol=r, abs_tol=a):
            _fail(
                call,
                seed,
                f"{what}: got {_num(actual)}, expected {_num(expected)} "
                f"(difference {abs(actual - expected):.3g}; tolerance rtol={r:g}, atol={a:g})",
            )
    else:
        assert_equal(actual, expected, call=call, seed=seed, what=what)


def _close_tensor(actual, expected, call, seed, rtol, atol, check_dtype, what, kind="Tensor") -> None:
    if not isinstance(actual, torch.Tensor):
        _fail(call, seed, f"returned {describe(actual)} as the {what}, expected a {kind} like {describe(expected)}")
    if tuple(actual.shape) != tuple(expected.shape):
        _fail(call, seed, f"{what} has shape {tuple(actual.shape)}, expected {tuple(expected.shape)}")
    if check_dtype and actual.dtype != expected.dtype:
        _fail(call, seed, f"{what} has dtype {actual.dtype}, expected {expected.dtype} (keep the input's dtype)")
    if actual.device != expected.device:
        _fail(call, seed, f"{what} is on {actual.device}, expected {expected.device} (keep the input's device)")
    a = actual.detach()
    e = expected.detach()
    if e.is_floating_point() or e.is_complex():
        r0, a0 = TOLERANCES.get(e.dtype, (1e-5, 1e-6))
        r = r0 if rtol is None else rtol
        t = a0 if atol is None else atol
        a64, e64 = a.to(torch.float64), e.to(torch.float64)
        ok = torch.isclose(a64, e64, rtol=r, atol=t, equal_nan=True)
        tol = f"rtol={r:g}, atol={t:g}"
    else:
        a64, e64 = a.to(torch.float64), e.to(torch.float64)
        ok = a64 == e64
        tol = "exact"
    if bool(ok.all()):
        return
    bad = (~ok).nonzero()
    err = (a64 - e64).abs()
    err = torch.where(ok, torch.zeros_like(err), torch.nan_to_num(err, nan=math.inf, posinf=math.inf))
    worst_flat = int(err.reshape(-1).argmax()) if err.numel() else 0
    worst = tuple(int(i) for i in np.unravel_index(worst_flat, tuple(e.shape))) if e.dim() else ()
    first = tuple(int(i) for i in bad[0].tolist()) if e.dim() else ()
    lines = [f"{what}: {len(bad)} of {e.numel()} values differ ({tol})"]
    lines.append(f"first at index {_idx(first)}: got {_num(a64[first].item())}, expected {_num(e64[first].item())}")
    if worst != first:
        lines.append(
            f"largest error at index {_idx(worst)}: got {_num(a64[worst].item())}, expected {_num(e64[worst].item())}"
        )
    if e.numel() <= 12:
        lines.append(f"got      {short(a, 12)}")
        lines.append(f"expected {short(e, 12)}")
    _fail(call, seed, *lines)


def _idx(index: tuple[int, ...]) -> str:
    return "(" + ", ".join(str(i) for i in index) + ")" if len(index) != 1 else f"{index[0]}"


def assert_equal(
    actual: Any, expected: Any, *, call: str | None = None, seed: int | None = None, what: str = "result"
) -> None:
    """Exact equality, explained: index tensors (values and int64 dtype), ints, strings, lists, sets."""
    check_comparisons()  # the comparison machinery is what it was (grading.integrity)
    if isinstance(expected, torch.Tensor):
        _close_tensor(actual, expected, call, seed, 0.0, 0.0, True, what)
        return
    if isinstance(expected, (set, frozenset)) and isinstance(actual, (set, frozenset)):
        if set(actual) != set(expected):
            extra, lacking = set(actual) - set(expected), set(expected) - set(actual)
            lines = [f"{what}: {len(actual)} items, expected {len(expected)}"]
            if lacking:
                lines.append(f"missing {len(lacking)}: {short(lacking, 5)}")
            if extra:
                lines.append(f"unexpected {len(extra)}: {short(extra, 5)}")
            _fail(call, seed, *lines)
        return
    if isinstance(expected, (list, tuple)) and isinstance(actual, (list, tuple)):
        if type(actual) is not type(expected):
            _fail(call, seed, f"returned a {type(actual).__name__} as the {what}, expected a {type(expected).__name__}")
        if len(actual) != len(expected) or any(_neq(a, e) for a, e in zip(actual, expected, strict=False)):
            first = next(
                (i for i, (a, e) in enumerate(zip(actual, expected, strict=False)) if _neq(a, e)),
                min(len(actual), len(expected)),
            )
            lines = [
                f"{what}: got {short(actual)} ({len(actual)} items)",
                f"expected {short(expected)} ({len(expected)} items)",
            ]
            if first < min(len(actual), len(expected)):
                lines.append(
                    f"first difference at position {first}: got {_num(actual[first])}, expected {_num(expected[first])}"
                )
            else:
                lines.append(f"the first {first} items agree; the lengths differ")
            _fail(call, seed, *lines)
        return
    if _neq(actual, expected) or type(actual) is not type(expected) and not _same_kind(actual, expected):
        _fail(
            call,
            seed,
            f"{what}: got {_num(actual)} ({type(actual).__name__}), "
            f"expected {_num(expected)} ({type(expected).__name__})",
        )


def _same_kind(a: Any, b: Any) -> bool:
    numbers = (int, float)
    return isinstance(a, numbers) and isinstance(b, numbers) and not isinstance(a, bool) and not isinstance(b, bool)


def _neq(a: Any, b: Any) -> bool:
    try:
        return bool(a != b)
    except Exception:  # noqa: BLE001 - tensors and the like that cannot be compared are unequal
        return True


def assert_raises(
    exc_type: type[BaseException] | tuple[type[BaseException], ...],
    fn: Callable[..., Any],
    *args: Any,
    match: str | None = None,
    call: str | None = None,
    **kwargs: Any,
) -> BaseException:
    """Call ``fn(*args, **kwargs)``; fail unless it raises ``exc_type`` whose message matches ``match``."""
    check_comparisons()  # the comparison machinery is what it was (grading.integrity)
    call = call or call_repr(getattr(fn, "__name__", "fn"), *args, **kwargs)
    names = exc_type.__name__ if isinstance(exc_type, type) else " or ".join(e.__name__ for e in exc_type)
    try:
        result = fn(*args, **kwargs)
    except exc_type as exc:
        if match is not None and not re.search(match, str(exc), flags=re.IGNORECASE):
            _fail(
                call,
                None,
                f"raised {type(exc).__name__}({str(exc)!r}), as it should, but the message "
                f"should mention {match!r}: name the argument, what was expected and what came",
            )
        return exc
    except NotImplementedError:
        raise
    except Exception as exc:  # noqa: BLE001 - reported to the learner
        _fail(call, None, f"raised {type(exc).__name__}: {exc}", f"expected {names}")
    _fail(call, None, f"returned {describe(result)} instead of raising {names}")
    raise AssertionError("unreachable")


def assert_unchanged(before: Any, after: Any, *, name: str, call: str | None = None) -> None:
    """``before`` is a copy taken before the call; ``after`` the same input afterwards."""
    check_comparisons()  # the comparison machinery is what it was (grading.integrity)
    if isinstance(before, torch.Tensor):
        same = before.shape == after.shape and torch.equal(before.detach(), after.detach())
    elif isinstance(before, np.ndarray):
        same = before.shape == after.shape and np.array_equal(before, after, equal_nan=True)
    else:
        same = before == after
    if not same:
        _fail(call, None, f"modified its input {name!r} (inputs must be left as they were; work on a copy)")


# --------------------------------------------------------------------------------------- by hand
#
# "By hand" means the OPERATION, whatever the route that reaches it. The catalogue keeps, per exercise, one
# list of forbidden operations (`by_hand = [...]` in catalogue.toml; `by_hand_entries(slug)` reads it), and
# `forbidden(*entries)` watches a block of learner code for any of them. An entry is one of:
#
#   "aten::convolution"   an operator (namespace::name). The name also covers its in-place form
#                         ("aten::relu" covers relu_) and every overload; `*` and `?` are wildcards
#                         ("aten::_foreach_*"). Two hooks see it:
#                         - a TorchDispatchMode sees every operator that RUNS below autograd, whatever
#                           Python name reached it: F.conv2d, F.conv3d with depth 1, nn.Conv2d,
#                           torch.ops.aten.convolution, torch._C._nn.*, a reference bound as a default
#                           argument or at import all end in aten::convolution;
#                         - a TorchFunctionMode sees every CALL into torch's API, so it also catches
#                           composite operators that decompose into ordinary ops before they run
#                           (aten::cross_entropy_loss, aten::scaled_dot_product_attention), called
#                           through any binding of that name (torch.X, Tensor.X, torch._C._nn.X,
#                           torch.ops.aten.X, torch.ops.aten.X.default).
#   "torch.optim.adam"    Python code: the module, class or function of that dotted name where it is
#                         DEFINED (torch.optim.Adam lives in torch.optim.adam), and everything inside it.
#                         A profile hook sees that code run however it was reached (an instance made or
#                         stepped, a helper function, a subclass calling super()), and a class of the
#                         learner's module that subclasses a forbidden class is forbidden as a whole.
#
# What is allowed is what is not listed: a correct by-hand answer uses log/exp/sum/amax/matmul/unfold/
# gather/where/clamp..., none of which is an entry. A forbidden call raises ForbiddenCall at once, and is
# remembered, so the block fails on exit even if the learner's code caught the error.


class ForbiddenCall(AssertionError):
    """Raised when a learner calls the built-in that the exercise asks them to write by hand."""


def learner_modules() -> list[Any]:
    """The learner's modules imported in this process (the engine's plugin marks them with LEARNER_MARK)."""
    return [m for m in list(sys.modules.values()) if getattr(m, LEARNER_MARK, False) is True]


def by_hand_entries(slug: str) -> tuple[str, ...]:
    """The catalogue's ``by_hand`` list for ``slug``: the operations its by-hand tests forbid."""
    from grading.catalogue import load  # the one catalogue reader; imported late, graders run without it

    entries = load().get(slug).by_hand
    if not entries:
        raise ValueError(f"catalogue.toml: {slug} has no by_hand list")
    return entries


@contextlib.contextmanager
def forbidden(*entries: str) -> Iterator[list[str]]:
    """Fail the block if the code inside it reaches one of the forbidden operations, by any route.

    ``entries`` are operators (``"aten::convolution"``, wildcards allowed) and dotted names of Python
    code (``"torch.optim.adam"``); see the comment above. The first forbidden call raises
    :class:`ForbiddenCall`; every one is recorded in the yielded list, and the block fails on exit if the
    list is not empty. Use ``forbidden(*by_hand_entries(slug))`` so that the catalogue stays the one list.
    """
    watch = _Watch(entries)
    hooks: list[Any] = [_OperatorHook(watch), _CallHook(watch)]
    profiled = bool(watch.python)
    previous = sys.getprofile()
    try:
        for hook in hooks:
            hook.__enter__()
        if profiled:
            watch.forbid_learner_subclasses()
            threading.setprofile(watch.profile)
            sys.setprofile(watch.profile)
        yield watch.fired
    finally:
        if profiled:
            restore = previous if previous is None or callable(previous) else None  # cProfile's is not
            sys.setprofile(restore)
            threading.setprofile(restore)  # type: ignore[arg-type]
        for hook in reversed(hooks):
            hook.__exit__(None, None, None)
    if watch.fired:
        raise ForbiddenCall(_verdict(watch.fired[0]))


def _verdict(message: str) -> str:
    return (
        f"{message}, which this exercise asks you to write by hand "
        f"(the answer may be right, but these points are for not calling the built-in)"
    )


class _Watch:
    """What is forbidden, what fired, and the verdicts already reached (by operator name, callable, code)."""

    def __init__(self, entries: Sequence[str]) -> None:
        self.operators: list[str] = []  # "aten::relu", "aten::_foreach_*"
        self.python: list[str] = []  # "torch.optim.adam", "torch.nn.functional.cross_entropy"
        for entry in entries:
            if not isinstance(entry, str) or not entry.strip():
                raise ValueError(f"forbidden: expected operator or dotted names, got {entry!r}")
            entry = entry.strip()
            if "::" in entry:
                self.operators.append(entry)
            elif re.fullmatch(r"[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)+", entry):
                _check_python_entry(entry)
                self.python.append(entry)
            else:
                raise ValueError(f"forbidden: {entry!r} is neither an operator (aten::name) nor a dotted name")
        self.fired: list[str] = []
        self._ops: dict[str, str | None] = {}  # operator name -> the entry it matches (None: allowed)
        self._calls: dict[int, tuple[Any, str | None]] = {}  # id(callable) -> (callable, message or None)
        self._codes: dict[Any, str | None] = {}  # code object -> message or None

    # ------------------------------------------------------------------ matching
    def operator(self, qualified: str) -> str | None:
        """The entry that forbids operator ``qualified`` ("aten::relu_"), or None."""
        if qualified not in self._ops:
            self._ops[qualified] = next((e for e in self.operators if _op_matches(e, qualified)), None)
        return self._ops[qualified]

    def python_name(self, name: str) -> str | None:
        """The entry that forbids Python code named ``name`` ("torch.optim.adam.Adam.step"), or None."""
        return next((e for e in self.python if name == e or name.startswith(e + ".")), None)

    def call(self, func: Any) -> str | None:
        """A message if calling ``func`` (as a TorchFunctionMode sees it) reaches a forbidden operation."""
        known = self._calls.get(id(func))
        if known is not None and known[0] is func:
            return known[1]
        message = None
        if isinstance(func, torch._ops.OpOverload):
            name = func._schema.name
            if self.operator(name):
                message = f"called torch.ops.{name.replace('::', '.')}.{func._overloadname}, the operator {name}"
        elif isinstance(func, torch._ops.OpOverloadPacket):
            name = func._qualified_op_name
            if self.operator(name):
                message = f"called torch.ops.{name.replace('::', '.')}, the operator {name}"
        elif isinstance(func, types.FunctionType):
            name = f"{func.__module__}.{func.__qualname__}"
            if self.python_name(name):
                message = f"called {name}"
        else:
            # A binding of an operator: torch.relu, Tensor.relu_, torch._C._nn.silu, the function behind
            # torch.ops.aten.cross_entropy_loss(...). Its __name__ is the operator's name.
            base = getattr(func, "__name__", None)
            if isinstance(base, str):
                entry = next((e for e in self.operators if _op_matches(e, base, any_namespace=True)), None)
                if entry:
                    owner = getattr(func, "__objclass__", None)
                    if owner is not None:  # a method: Tensor.relu
                        where = "torch.Tensor" if issubclass(owner, torch._C.TensorBase) else owner.__name__
                    else:
                        where = getattr(func, "__module__", None) or "torch"
                    message = f"called {where}.{base}, a binding of the operator {entry}"
        self._calls[id(func)] = (func, message)
        return message

    def code(self, frame: Any) -> str | None:
        """A message if the Python code running in ``frame`` is forbidden."""
        code = frame.f_code
        if code in self._codes:
            return self._codes[code]
        name = f"{frame.f_globals.get('__name__', '?')}.{code.co_qualname}"
        message = f"ran {name}" if self.python_name(name) else None
        self._codes[code] = message
        return message

    def forbid_learner_subclasses(self) -> None:
        """Every method of a learner's class that subclasses forbidden code counts as that code."""
        for module in learner_modules():
            for value in list(vars(module).values()):
                if not isinstance(value, type) or value.__module__ != module.__name__:
                    continue
                base = next(
                    (b for b in value.__mro__[1:] if self.python_name(f"{b.__module__}.{b.__qualname__}")), None
                )
                if base is None:
                    continue
                message = f"used your class {value.__name__}, which subclasses {base.__module__}.{base.__qualname__}"
                here = getattr(module, "__file__", None)
                for member in vars(value).values():
                    for fn in (member, getattr(member, "__func__", None), getattr(member, "fget", None)):
                        # decorators (@torch.no_grad()) wrap the method in shared code of their own: follow
                        # __wrapped__ down to the code written in the learner's file, and flag only that
                        while fn is not None and getattr(fn, "__wrapped__", None) is not None:
                            if isinstance(fn, types.FunctionType) and fn.__code__.co_filename == here:
                                self._codes[fn.__code__] = message
                            fn = fn.__wrapped__
                        if isinstance(fn, types.FunctionType) and fn.__code__.co_filename == here:
                            self._codes[fn.__code__] = message

    # ------------------------------------------------------------------ firing
    def fire(self, message: str) -> None:
        self.fired.append(message)
        raise ForbiddenCall(_verdict(message))

    def profile(self, frame: Any, event: str, arg: Any) -> None:
        if event == "call":
            message = self.code(frame)
            if message:
                self.fire(message)


def _check_python_entry(entry: str) -> None:
    """Refuse a dotted name that could never fire: a C binding, or code named where it is not defined."""
    if entry.split(".", 1)[0] not in sys.modules:
        return  # not installed or not loaded (torchvision): nothing to check against yet
    try:
        importlib.import_module(entry)
        return  # a module
    except ImportError:
        pass
    owner, _, attr = entry.rpartition(".")
    try:
        obj = getattr(importlib.import_module(owner), attr)
    except (ImportError, AttributeError):
        try:
            module, _, cls = owner.rpartition(".")
            obj = getattr(getattr(importlib.import_module(module), cls), attr)
        except (ImportError, AttributeError, ValueError):
            raise ValueError(f"forbidden: cannot find {entry!r}") from None
    if not isinstance(obj, (type, types.FunctionType)):
        raise ValueError(
            f"forbidden: {entry!r} is not Python code (a C binding?): forbid its operator (aten::name) instead"
        )
    defined = f"{obj.__module__}.{obj.__qualname__}"
    if defined != entry:
        raise ValueError(f"forbidden: name {entry!r} where it is defined, {defined!r}")


def _op_matches(entry: str, name: str, any_namespace: bool = False) -> bool:
    """Does the operator entry ("aten::relu", "aten::_foreach_*") cover ``name`` ("aten::relu_")?"""
    space, _, pattern = entry.partition("::")
    if any_namespace:
        base = name
    else:
        their_space, _, base = name.partition("::")
        if their_space != space:
            return False
    base = base.split(".", 1)[0]
    if any(c in pattern for c in "*?["):
        return fnmatch.fnmatchcase(base, pattern)
    return base in (pattern, pattern + "_")


class _OperatorHook(TorchDispatchMode):
    """Sees every operator that runs (below autograd and composite decompositions)."""

    @classmethod
    def _should_skip_dynamo(cls) -> bool:
        # By default torch wraps __torch_dispatch__ in torch._dynamo.disable, whose first use imports
        # torch._dynamo: 2.5-3.5 s on these machines, once per graded process, for nothing.
        return False

    def __init__(self, watch: _Watch) -> None:
        super().__init__()
        self.watch = watch

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):  # noqa: ANN001 - torch's signature
        schema = getattr(func, "_schema", None)
        name = getattr(schema, "name", None)
        if name and self.watch.operator(name):
            self.watch.fire(f"ran torch's operator {name} (whatever Python name reached it)")
        return func(*args, **(kwargs or {}))


class _CallHook(TorchFunctionMode):
    """Sees every call into torch's Python API, by the callable called."""

    def __init__(self, watch: _Watch) -> None:
        super().__init__()
        self.watch = watch

    def __torch_function__(self, func, types, args=(), kwargs=None):  # noqa: ANN001 - torch's signature
        message = self.watch.call(func)
        if message:
            self.watch.fire(message)
        return func(*args, **(kwargs or {}))


# --------------------------------------------------------------------------------------- loops


@contextlib.contextmanager
def one_thread() -> Iterator[None]:
    """Run the block with one torch thread: time the algorithm, not the scheduler.

    On a loaded machine torch's thread pool turns each small op of a per-box or per-RoI loop into a wait
    for a descheduled thread (measured on 2 shared cores: a torch loop over boxes 40 s instead of 4 s; an
    allowed loop over RoIs 37-57 s with 2 threads, 3-4 s with one).
    """
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)


class TooMuchPython(AssertionError):
    """Raised when the learner's own code runs more Python lines than a vectorised answer needs."""


@contextlib.contextmanager
def python_line_budget(module: Any, limit: int, *, what: str) -> Iterator[list[int]]:
    """Count the lines of ``module``'s own source that run inside the block; fail past ``limit``.

    This is how a grader says "no Python loop over the pairs" without a stopwatch: a vectorised answer
    runs a few lines per box (or none per element), a loop over 5,000 x 5,000 pairs runs tens of
    millions, and the count is the same on a fast machine, a slow one and a busy one. Only lines of the
    learner's file count (torch's own Python wrappers do not). The count stops the learner's code as soon
    as it passes the limit, and the block fails on exit even if the learner's code caught that error.
    ``what`` completes the sentence "ran more than N lines of your Python for ...".
    """
    filename = getattr(module, "__file__", None)
    if not filename:
        raise ValueError("python_line_budget: the module has no __file__ to count lines in")
    counter = [0]
    over = [False]
    message = (
        f"ran more than {limit:,} lines of your Python for {what}: that is a Python loop over the "
        f"elements; let torch do the inner work on whole tensors"
    )

    def local(frame: Any, event: str, arg: Any) -> Any:
        if event == "line":
            counter[0] += 1
            if counter[0] > limit:
                over[0] = True
                raise TooMuchPython(message)
        return local

    def first(frame: Any, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename == filename else None

    previous = sys.gettrace()
    threading.settrace(first)
    sys.settrace(first)
    try:
        yield counter
    finally:
        sys.settrace(previous)
        threading.settrace(previous)  # type: ignore[arg-type]
    if over[0]:
        raise TooMuchPython(message)


# --------------------------------------------------------------------------------------- modules


def conv_bn_layers(block: torch.nn.Module) -> list[torch.nn.Module]:
    """The block's Conv2d and BatchNorm2d layers, in the order ``block.modules()`` lists them."""
    return [m for m in block.modules() if isinstance(m, (torch.nn.Conv2d, torch.nn.BatchNorm2d))]


def load_conv_bn_layers(block: torch.nn.Module, layers: list[dict], *, call: str, order: str) -> None:
    """Copy a fixture's weights into ``block``'s Conv2d/BatchNorm2d layers, layer by layer.

    ``layers`` lists ``{"kind": "conv" | "bn", "weight": ..., ...}`` in the reference module's order;
    ``order`` tells the learner which order that is when theirs differs. Shapes are checked first, so a
    wrong channel count reads as "layer 3 (Conv2d): weight has shape ..., torchvision's has ...".
    """
    mine = conv_bn_layers(block)
    kinds = ["conv" if isinstance(m, torch.nn.Conv2d) else "bn" for m in mine]
    expected = [layer["kind"] for layer in layers]
    if kinds != expected:
        raise AssertionError(
            f"{call}\n  its Conv2d/BatchNorm2d layers, in the order block.modules() lists them, are {kinds};\n"
            f"  expected {expected} ({order})"
        )
    with torch.no_grad():
        for i, (m, layer) in enumerate(zip(mine, layers, strict=True)):
            names = ["weight"] if layer["kind"] == "conv" else ["weight", "bias", "running_mean", "running_var"]
            for name in names:
                target = getattr(m, name)
                if target is None or tuple(target.shape) != tuple(layer[name].shape):
                    got = None if target is None else tuple(target.shape)
                    raise AssertionError(
                        f"{call}\n  layer {i} ({type(m).__name__}): {name} has shape {got}, "
                        f"torchvision's has {tuple(layer[name].shape)}"
                    )
                target.copy_(layer[name])
