"""Grader for activations: relu, leaky_relu, swish, hard_sigmoid, hard_swish, written by hand.

Expected values come from the PyTorch built-ins with the same semantics (``F.relu``, ``F.leaky_relu``,
``F.silu``, ``F.hardsigmoid``, ``F.hardswish``), from ``x * torch.sigmoid(beta * x)`` for swish with other
betas, and from hand-worked points. Gradients are compared with the built-ins' away from the kinks.

Promises and the tests that hold them:
- the built-ins' values (default arguments, float32 and float64) -> test_matches_builtin_with_default_arguments
- leaky_relu for any slope (above 1, negative), -10 -> -5 at slope 0.5
  -> test_leaky_relu_matches_builtin_for_any_slope, test_leaky_relu_with_slope_half_turns_minus_ten_into_minus_five
- swish is x * sigmoid(beta x), beta 0 included -> test_swish_with_beta_is_x_times_sigmoid_of_beta_x
- hard_sigmoid relu6(x + 3) / 6 (not Keras's), hard_swish x * that -> test_hard_sigmoid_at_hand_worked_points,
  test_hard_swish_at_hand_worked_points
- the built-ins' gradients away from the kinks (either one-sided gradient at a kink)
  -> test_gradient_matches_builtin_away_from_kinks, test_leaky_relu_gradient_uses_the_slope,
  test_swish_gradient_with_beta
- NaN in, NaN out (relu too) -> test_nan_stays_nan
- same shape and dtype (float16, bfloat16, 0-d, empty)
  -> test_keeps_shape_and_dtype_including_half_precision_and_scalars
- a new tensor, never x or a view of it -> test_returns_a_new_tensor
- input not modified -> test_leaves_input_unchanged; strided input -> test_accepts_non_contiguous_input
- TypeError naming x for lists and integer tensors -> test_rejects_lists_and_integer_tensors
- slope and beta: ints accepted, bools, strings and None refused naming the argument
  -> test_accepts_int_slope_and_beta, test_rejects_slope_and_beta_that_are_not_numbers
- by hand: no torch activation that computes one of the five, by any route -> test_is_written_by_hand
Not tested: the device (no second device on the grading machines).
"""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from graders.helpers import (
    assert_close,
    assert_equal,
    assert_raises,
    assert_unchanged,
    by_hand_entries,
    call_repr,
    forbidden,
)

DTYPES = [torch.float32, torch.float64]
DTYPE_IDS = ["float32", "float64"]
NAMES = ["relu", "leaky_relu", "swish", "hard_sigmoid", "hard_swish"]

# The built-in each function must agree with (default arguments).
BUILTIN = {
    "relu": F.relu,
    "leaky_relu": F.leaky_relu,
    "swish": F.silu,
    "hard_sigmoid": F.hardsigmoid,
    "hard_swish": F.hardswish,
}

# What each function may not call: the built-in it re-implements, under each of its names (F.silu is a
# thin wrapper around torch._C._nn.silu, which a learner could call directly).

KINKS = {"relu": [0.0], "leaky_relu": [0.0], "swish": [], "hard_sigmoid": [-3.0, 3.0], "hard_swish": [-3.0, 3.0]}


def random_input(seed: int, shape=(3, 5, 7), dtype=torch.float64, kinks: bool = True) -> torch.Tensor:
    """Values over [-6, 6] (every piece of every function), with the kink points themselves included."""
    g = torch.Generator().manual_seed(seed)
    x = torch.rand(shape, generator=g, dtype=torch.float64) * 12 - 6
    if kinks:
        flat = x.view(-1)
        flat[:7] = torch.tensor([-3.0, 0.0, 3.0, -6.0, 6.0, -0.5, 0.5], dtype=torch.float64)
    return x.to(dtype)


def away_from_kinks(x: torch.Tensor, name: str, margin: float = 0.05) -> torch.Tensor:
    """``x`` with every value within ``margin`` of a kink pushed out to ``kink + 2 * margin``."""
    for k in KINKS[name]:
        x = torch.where((x - k).abs() < margin, torch.full_like(x, k + 2 * margin), x)
    return x


# --------------------------------------------------------------------------------------- values


@pytest.mark.points(2)
@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
def test_matches_builtin_with_default_arguments(learner, name, dtype):
    seed = 10 + NAMES.index(name)
    x = random_input(seed, dtype=dtype)
    expected = BUILTIN[name](x)
    got = getattr(learner, name)(x)
    assert_close(got, expected, call=call_repr(name, x), seed=seed)


@pytest.mark.parametrize(
    "slope, dtype",
    [(0.01, torch.float32), (0.2, torch.float64), (0.5, torch.float32), (2.0, torch.float64), (-0.3, torch.float32)],
    ids=["0.01", "0.2", "0.5", "2 (above 1)", "-0.3"],
)
def test_leaky_relu_matches_builtin_for_any_slope(learner, slope, dtype):
    seed = 21
    x = random_input(seed, (4, 9), dtype=dtype)
    expected = F.leaky_relu(x, negative_slope=slope)
    got = learner.leaky_relu(x, negative_slope=slope)
    assert_close(got, expected, call=call_repr("leaky_relu", x, negative_slope=slope), seed=seed)


def test_leaky_relu_with_slope_half_turns_minus_ten_into_minus_five(learner):
    x = torch.tensor([-10.0, -1.0, 0.0, 4.0])
    got = learner.leaky_relu(x, 0.5)
    assert_close(got, torch.tensor([-5.0, -0.5, 0.0, 4.0]), call=call_repr("leaky_relu", x, 0.5))


@pytest.mark.parametrize(
    "beta, dtype",
    [(0.0, torch.float64), (0.5, torch.float32), (1.7, torch.float64), (10.0, torch.float32)],
    ids=["0", "0.5", "1.7", "10"],
)
def test_swish_with_beta_is_x_times_sigmoid_of_beta_x(learner, beta, dtype):
    seed = 31
    x = random_input(seed, (2, 3, 11), dtype=dtype)
    expected = x * torch.sigmoid(beta * x)
    got = learner.swish(x, beta=beta)
    assert_close(got, expected, call=call_repr("swish", x, beta=beta), seed=seed)


def test_hard_sigmoid_at_hand_worked_points(learner):
    # relu6(x + 3) / 6; the old Keras 0.2 x + 0.5 would give 0.8 at 1.5 and reach 1 only at 2.5.
    x = torch.tensor([-7.0, -3.0, -1.5, 0.0, 1.5, 2.5, 3.0, 8.0], dtype=torch.float64)
    expected = torch.tensor([0.0, 0.0, 0.25, 0.5, 0.75, 11 / 12, 1.0, 1.0], dtype=torch.float64)
    assert_close(learner.hard_sigmoid(x), expected, call=call_repr("hard_sigmoid", x))


def test_hard_swish_at_hand_worked_points(learner):
    # x * relu6(x + 3) / 6: 0 up to -3, x from 3 on, negative dip in between.
    x = torch.tensor([-7.0, -3.0, -1.5, -1.0, 0.0, 1.5, 3.0, 8.0], dtype=torch.float64)
    expected = torch.tensor([0.0, 0.0, -0.375, -1 / 3, 0.0, 1.125, 3.0, 8.0], dtype=torch.float64)
    assert_close(learner.hard_swish(x), expected, call=call_repr("hard_swish", x))


# --------------------------------------------------------------------------------------- gradients


@pytest.mark.points(2)
@pytest.mark.parametrize("name", NAMES)
def test_gradient_matches_builtin_away_from_kinks(learner, name):
    seed = 40 + NAMES.index(name)
    x0 = away_from_kinks(random_input(seed, (5, 13), kinks=False), name)
    w = torch.randn(x0.shape, generator=torch.Generator().manual_seed(seed + 100), dtype=torch.float64)
    x_ref = x0.clone().requires_grad_(True)
    (expected,) = torch.autograd.grad((BUILTIN[name](x_ref) * w).sum(), x_ref)
    x = x0.clone().requires_grad_(True)
    out = getattr(learner, name)(x)
    if not isinstance(out, torch.Tensor) or not out.requires_grad:
        raise AssertionError(
            f"{call_repr(name, x)}  (random input, seed {seed})\n"
            f"  returned {'a tensor with no gradient' if isinstance(out, torch.Tensor) else type(out).__name__}: "
            "the result must stay connected to x for autograd (no .detach(), .item() or NumPy)"
        )
    (got,) = torch.autograd.grad((out * w).sum(), x)
    assert_close(got, expected, call=f"gradient of {name} w.r.t. x", seed=seed, what="x.grad")


@pytest.mark.parametrize("slope", [0.1, 2.0])
def test_leaky_relu_gradient_uses_the_slope(learner, slope):
    seed = 51
    x0 = away_from_kinks(random_input(seed, (6, 6), kinks=False), "leaky_relu")
    x_ref = x0.clone().requires_grad_(True)
    (expected,) = torch.autograd.grad(F.leaky_relu(x_ref, slope).sum(), x_ref)
    x = x0.clone().requires_grad_(True)
    (got,) = torch.autograd.grad(learner.leaky_relu(x, slope).sum(), x)
    assert_close(got, expected, call=f"gradient of leaky_relu(x, {slope}) w.r.t. x", seed=seed, what="x.grad")


def test_swish_gradient_with_beta(learner):
    seed = 52
    beta = 2.5
    x0 = random_input(seed, (4, 8), kinks=False)
    x_ref = x0.clone().requires_grad_(True)
    (expected,) = torch.autograd.grad((x_ref * torch.sigmoid(beta * x_ref)).sum(), x_ref)
    x = x0.clone().requires_grad_(True)
    (got,) = torch.autograd.grad(learner.swish(x, beta).sum(), x)
    assert_close(got, expected, call=f"gradient of swish(x, beta={beta}) w.r.t. x", seed=seed, what="x.grad")


# --------------------------------------------------------------------------------------- conventions


@pytest.mark.parametrize("name", NAMES)
def test_keeps_shape_and_dtype_including_half_precision_and_scalars(learner, name):
    fn = getattr(learner, name)
    for dtype in (torch.bfloat16, torch.float16):
        x = random_input(60, (2, 3, 4), dtype=dtype)
        got = fn(x)
        # The expected value is float64 rounded once; a half-precision formula rounds every step, and each
        # rounding errs by up to eps/2 of an intermediate as large as |x|, not of the (possibly small) result:
        # (x / 6 + 0.5).clamp(0, 1) gives 0.0410 for 0.0417 at x = -2.75 in bfloat16. Allowing four such
        # roundings, atol = 2 * eps * max(1, |x|). Measured over seeds 0-1999 and 13 ways of writing
        # hard_sigmoid, hard_swish and swish: worst error 0.67 * eps * max(1, |x|), in both dtypes.
        atol = 2 * torch.finfo(dtype).eps * max(1.0, x.abs().max().item())
        assert_close(got, BUILTIN[name](x.double()).to(dtype), call=call_repr(name, x), seed=60, atol=atol)
    for x in (torch.tensor(-1.25), torch.empty(0, 3)):
        got = fn(x)
        assert_close(got, BUILTIN[name](x), call=call_repr(name, x))


@pytest.mark.parametrize("name", NAMES)
def test_leaves_input_unchanged(learner, name):
    x = random_input(70 + NAMES.index(name), (3, 8))
    before = x.clone()
    call = call_repr(name, x)
    getattr(learner, name)(x)
    assert_unchanged(before, x, name="x", call=call)


@pytest.mark.parametrize("name", NAMES)
def test_accepts_non_contiguous_input(learner, name):
    seed = 80
    x = random_input(seed, (6, 10)).T[::2]
    assert not x.is_contiguous()
    got = getattr(learner, name)(x)
    assert_close(got, BUILTIN[name](x), call=call_repr(name, x) + " (strided)", seed=seed)


@pytest.mark.parametrize("name", NAMES)
def test_rejects_lists_and_integer_tensors(learner, name):
    fn = getattr(learner, name)
    assert_raises(TypeError, fn, [1.0, -2.0], match=r"\bx\b", call=f"{name}([1.0, -2.0])")
    ints = torch.tensor([1, -2, 3])
    assert_raises(TypeError, fn, ints, match=r"\bx\b", call=call_repr(name, ints))


def test_rejects_slope_and_beta_that_are_not_numbers(learner):
    x = torch.randn(3)
    assert_raises(TypeError, learner.leaky_relu, x, "0.1", match=r"\bnegative_slope\b")
    assert_raises(TypeError, learner.leaky_relu, x, True, match=r"\bnegative_slope\b")
    assert_raises(TypeError, learner.swish, x, None, match=r"\bbeta\b")
    assert_raises(TypeError, learner.swish, x, False, match=r"\bbeta\b")


def test_accepts_int_slope_and_beta(learner):
    seed = 85
    x = random_input(seed, (4, 5))
    assert_close(learner.leaky_relu(x, 2), F.leaky_relu(x, 2.0), call=call_repr("leaky_relu", x, 2), seed=seed)
    assert_close(learner.swish(x, 2), x * torch.sigmoid(2.0 * x), call=call_repr("swish", x, 2), seed=seed)


@pytest.mark.parametrize("name", NAMES)
def test_nan_stays_nan(learner, name):
    nan = float("nan")
    x = torch.tensor([nan, -2.0, nan, 0.5, 4.0], dtype=torch.float64)
    got = getattr(learner, name)(x)
    # the built-ins give NaN for NaN (assert_close counts NaN == NaN and nothing else equal to it)
    assert_close(got, BUILTIN[name](x), call=f"{name}(tensor([nan, -2.0, nan, 0.5, 4.0]))")


def _shares_memory(a: torch.Tensor, b: torch.Tensor) -> bool:
    if a.numel() == 0 or b.numel() == 0:
        return False
    a0, b0 = a.untyped_storage().data_ptr(), b.untyped_storage().data_ptr()
    return a0 == b0


@pytest.mark.parametrize(
    "name, args, what",
    [
        ("relu", (), "all-positive input"),
        ("leaky_relu", (1.0,), "slope 1"),
        ("swish", (), "random input"),
        ("hard_sigmoid", (), "random input"),
        ("hard_swish", (), "all of it above 3"),
    ],
    ids=NAMES,
)
def test_returns_a_new_tensor(learner, name, args, what):
    g = torch.Generator().manual_seed(95)
    x = torch.rand(4, 6, generator=g, dtype=torch.float64) + 0.5
    if name == "hard_swish":
        x = x + 3.0  # hard_swish is the identity above 3
    elif name in ("swish", "hard_sigmoid"):
        x = x * 8 - 6
    got = getattr(learner, name)(x, *args)
    call = call_repr(name, x, *args) + f" ({what})"
    assert_close(got, F.leaky_relu(x, *args) if args else BUILTIN[name](x), call=call, seed=95)
    if got is x or _shares_memory(got, x):
        raise AssertionError(
            f"{call}\n  returned x itself (or a view of it): the result must be a new tensor, so that changing"
            " it never changes the input"
        )


# --------------------------------------------------------------------------------------- by hand


@pytest.mark.by_hand
@pytest.mark.parametrize("name", NAMES)
def test_is_written_by_hand(learner, name):
    seed = 90
    x = random_input(seed, (4, 6))
    expected = BUILTIN[name](x)
    with forbidden(*by_hand_entries("activations")):
        got = getattr(learner, name)(x)
    assert_close(got, expected, call=call_repr(name, x), seed=seed)
    assert_equal(tuple(got.shape), tuple(x.shape), call=call_repr(name, x), what="shape")
