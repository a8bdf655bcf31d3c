"""Assertions and tools shared by every grader.

Failure messages speak to a learner: what was called, what came back, what was expected and where the
two differ (shape, dtype, first bad index, largest error), never a wall of tensor repr, and the seed of
any random input so that the case can be replayed.

    assert_close(actual, expected, call=..., seed=...)   numbers, tensors, arrays, nested tuples/lists
    assert_equal(actual, expected, call=...)             exact: indices, ints, strings, sets
    assert_raises(ValueError, fn, *args, match=..., call=...)
    assert_unchanged(before, after, name=..., call=...)  inputs must not be modified
    forbidden("torch.nn.functional.cross_entropy", ...)  context manager for the "by hand" tests
    python_line_budget(learner, 50_000, what=...)        context manager: "no Python loop over the pairs"
    one_thread()                                         context manager for tests with a timed loop
    call_repr("nms", boxes, scores, 0.5)                 "nms(Tensor[7, 4] float32, Tensor[7] float32, 0.5)"
"""

from __future__ import annotations

import contextlib
import importlib
import math
import re
import sys
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import torch

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
    if isinstance(before, torch.Tensor):
        same = before.shape == after.shape and torch.equal(before.detach(), after.detach())
    elif isinstance(before, np.ndarray):
        same = before.shape == after.shape and np.array_equal(before, after, equal_nan=True)
    else:
        same = before == after
    if not same:
        _fail(call, None, f"modified its input {name!r} (inputs must be left as they were; work on a copy)")


# --------------------------------------------------------------------------------------- by hand


class ForbiddenCall(AssertionError):
    """Raised when a learner calls the built-in that the exercise asks them to write by hand."""


@contextlib.contextmanager
def forbidden(*dotted_names: str) -> Iterator[list[str]]:
    """Replace built-ins (``"torch.nn.functional.cross_entropy"``) by tripwires for the block's duration.

    A call raises :class:`ForbiddenCall`; calls are also counted, so that catching the error does not
    hide it: the block fails on exit if any tripwire fired. Names in the learner's module bound to one of
    the built-ins (``from torch import logsumexp``) are replaced too.
    """
    fired: list[str] = []
    saved: list[tuple[Any, str, Any, bool]] = []  # owner, name, original, whether owner held it itself
    originals: dict[int, Callable[..., Any]] = {}  # id of a built-in -> its tripwire

    def replace(owner: Any, attr: str, wire: Callable[..., Any]) -> None:
        own = attr in vars(owner)  # torch.optim.AdamW.step is Adam's: put back by deleting, not by setting
        saved.append((owner, attr, getattr(owner, attr), own))
        setattr(owner, attr, wire)

    try:
        for dotted in dotted_names:
            owner, attr = _resolve_owner(dotted)
            wire = _tripwire(dotted, fired)
            originals.setdefault(id(getattr(owner, attr)), wire)
            replace(owner, attr, wire)
        # `from torch import logsumexp` at the top of the learner's file keeps its own reference to the
        # built-in: replace those names too.
        for module in learner_modules():
            for name, value in list(vars(module).items()):
                if id(value) in originals:
                    replace(module, name, originals[id(value)])
        yield fired
    finally:
        for owner, attr, original, own in reversed(saved):
            if own:
                setattr(owner, attr, original)
            else:
                delattr(owner, attr)
    if fired:
        raise ForbiddenCall(
            f"called {fired[0]}, which this exercise asks you to write by hand "
            f"(the answer may be right, but these points are for not calling the built-in)"
        )


LEARNER_MARK = "__kata_learner__"


def learner_modules() -> list[Any]:
    """The learner's modules imported in this process (graders/conftest.py marks them)."""
    return [m for m in list(sys.modules.values()) if getattr(m, LEARNER_MARK, False) is True]


def _tripwire(dotted: str, fired: list[str]) -> Callable[..., Any]:
    def tripwire(*args: Any, **kwargs: Any) -> Any:
        fired.append(dotted)
        raise ForbiddenCall(f"called {dotted}, which this exercise asks you to write by hand")

    tripwire.__name__ = dotted.rsplit(".", 1)[-1]
    return tripwire


def _resolve_owner(dotted: str) -> tuple[Any, str]:
    parts = dotted.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:-1]:
            obj = getattr(obj, attr)
        return obj, parts[-1]
    raise ValueError(f"forbidden: cannot resolve {dotted!r}")


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


# --------------------------------------------------------------------------------------- odds and ends


def as_list(values: Sequence[Any] | torch.Tensor) -> list[Any]:
    """Plain Python list of a tensor or sequence (for messages and exact comparisons)."""
    if isinstance(values, torch.Tensor):
        return values.tolist()
    return list(values)


def mapping_diff(actual: Mapping[str, Any], expected: Mapping[str, Any]) -> list[str]:
    """Keys whose values differ, for messages about dictionaries of counts."""
    keys = sorted(set(actual) | set(expected))
    return [
        f"{k}: got {actual.get(k)!r}, expected {expected.get(k)!r}" for k in keys if actual.get(k) != expected.get(k)
    ]
