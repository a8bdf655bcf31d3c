"""Grader for bce_with_logits: binary cross-entropy on logits, stable, by hand.

Expected values and gradients: ``F.binary_cross_entropy_with_logits`` (with ``pos_weight`` and every
reduction), computed before the learner's function runs.

Promises and the tests that hold them:
- the built-in's values for every reduction and dtype -> test_matches_binary_cross_entropy_with_logits
- soft targets -> test_soft_targets
- pos_weight on the positive term only, per class on the last axis, or one for all
  -> test_pos_weight_scales_the_positive_term_per_class, test_pos_weight_of_one_entry_applies_to_every_class
- the built-in's gradients -> test_gradients_match
- finite, exact values and gradients at ±1e4 (no log of σ) -> test_huge_logits_give_finite_exact_loss_and_gradients
- gradient σ(x) - y at the kink x = 0 -> test_gradient_at_a_zero_logit_is_sigmoid_minus_target
- "none" keeps logits' shape, 0-d logits too -> the value tests (assert_close checks shapes),
  test_accepts_a_scalar_logit
- logits' dtype whatever the dtype of targets and pos_weight -> test_returns_the_logits_dtype_whatever_the_others
- float16/bfloat16 logits give float16/bfloat16 -> test_keeps_half_precision_dtype
- strided inputs -> test_keeps_dtype_and_accepts_non_contiguous_inputs
- inputs not modified -> test_leaves_inputs_unchanged
- ValueError naming targets, reduction, pos_weight -> test_rejects_targets_of_another_shape,
  test_rejects_an_unknown_reduction, test_rejects_pos_weight_that_does_not_fit_the_class_axis
- TypeError naming logits (integer tensor, list) -> test_rejects_logits_that_are_not_a_floating_point_tensor
- by hand: no binary_cross_entropy(_with_logits), soft_margin_loss, by any route
  -> test_computes_the_loss_without_calling_the_built_in
Not tested: the device (no second device on the grading machines).
"""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F

from graders.helpers import assert_close, assert_raises, assert_unchanged, by_hand_entries, call_repr, forbidden

FLOATS = [torch.float32, torch.float64]
FLOAT_IDS = ["float32", "float64"]
REDUCTIONS = ["none", "mean", "sum"]


def make_case(seed: int, shape, dtype=torch.float32, scale: float = 4.0, soft: bool = False):
    g = torch.Generator().manual_seed(seed)
    logits = (torch.randn(*shape, generator=g, dtype=torch.float64) * scale).to(dtype)
    if soft:
        targets = torch.rand(*shape, generator=g, dtype=torch.float64).to(dtype)
    else:
        targets = (torch.rand(*shape, generator=g) < 0.4).to(dtype)
    return logits, targets


def reference(logits, targets, pos_weight=None, reduction="mean"):
    return F.binary_cross_entropy_with_logits(logits, targets, pos_weight=pos_weight, reduction=reduction)


@pytest.mark.points(2)
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("dtype", FLOATS, ids=FLOAT_IDS)
def test_matches_binary_cross_entropy_with_logits(learner, reduction, dtype):
    seed = 5
    logits, targets = make_case(seed, (7, 3), dtype)
    expected = reference(logits, targets, reduction=reduction)
    got = learner.bce_with_logits(logits, targets, reduction=reduction)
    assert_close(got, expected, call=call_repr("bce_with_logits", logits, targets, reduction=reduction), seed=seed)


def test_soft_targets(learner):
    seed = 7
    logits, targets = make_case(seed, (5, 6), torch.float64, soft=True)
    expected = reference(logits, targets, reduction="none")
    got = learner.bce_with_logits(logits, targets, reduction="none")
    assert_close(
        got, expected, call=call_repr("bce_with_logits", logits, targets, reduction="none") + " soft targets", seed=seed
    )


@pytest.mark.points(2)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_pos_weight_scales_the_positive_term_per_class(learner, reduction):
    # [N, H, W, C]-shaped: pos_weight has one entry per class on the last axis (6 classes, not 4 or 5)
    seed = 11
    logits, targets = make_case(seed, (4, 5, 3, 6), torch.float64, soft=True)
    pos_weight = torch.tensor([0.5, 1.0, 2.0, 3.5, 0.1, 7.0], dtype=torch.float64)
    expected = reference(logits, targets, pos_weight, reduction)
    got = learner.bce_with_logits(logits, targets, pos_weight, reduction)
    assert_close(got, expected, call=call_repr("bce_with_logits", logits, targets, pos_weight, reduction), seed=seed)


def test_pos_weight_of_one_entry_applies_to_every_class(learner):
    seed = 13
    logits, targets = make_case(seed, (6, 4), torch.float32)
    pos_weight = torch.tensor([3.0])
    expected = reference(logits, targets, pos_weight, "none")
    got = learner.bce_with_logits(logits, targets, pos_weight, "none")
    assert_close(got, expected, call=call_repr("bce_with_logits", logits, targets, pos_weight, "none"), seed=seed)


@pytest.mark.points(2)
@pytest.mark.parametrize("with_pos_weight", [False, True], ids=["plain", "pos_weight"])
def test_gradients_match(learner, with_pos_weight):
    seed = 17
    logits, targets = make_case(seed, (5, 3), torch.float64, soft=True)
    pos_weight = torch.tensor([0.3, 2.0, 5.0], dtype=torch.float64) if with_pos_weight else None
    ref = logits.clone().requires_grad_(True)
    reference(ref, targets, pos_weight, "sum").backward()
    mine = logits.clone().requires_grad_(True)
    out = learner.bce_with_logits(mine, targets, pos_weight, "sum")
    out.backward()
    assert_close(
        mine.grad,
        ref.grad,
        call=call_repr("bce_with_logits", mine, targets, pos_weight, "sum"),
        seed=seed,
        what="logits.grad",
    )


@pytest.mark.points(2)
@pytest.mark.parametrize("dtype", FLOATS, ids=FLOAT_IDS)
def test_huge_logits_give_finite_exact_loss_and_gradients(learner, dtype):
    logits = torch.tensor([1e4, -1e4, 1e4, -1e4, 40.0, -40.0], dtype=dtype)
    targets = torch.tensor([1.0, 1.0, 0.0, 0.0, 0.0, 1.0], dtype=dtype)
    pos_weight = torch.tensor([2.0], dtype=dtype)
    ref = logits.clone().requires_grad_(True)
    expected = reference(ref, targets, pos_weight, "none")
    expected.sum().backward()
    mine = logits.clone().requires_grad_(True)
    got = learner.bce_with_logits(mine, targets, pos_weight, "none")
    call = call_repr("bce_with_logits", mine, targets, pos_weight, "none") + " with logits of ±1e4 and ±40"
    assert_close(got, expected.detach(), call=call)
    got.sum().backward()
    assert bool(torch.isfinite(mine.grad).all()), f"{call}\n  the gradient holds NaN or inf: {mine.grad.tolist()}"
    assert_close(mine.grad, ref.grad, call=call + ", gradient", what="logits.grad")


def test_gradient_at_a_zero_logit_is_sigmoid_minus_target(learner):
    # Zero-initialised heads start with logits of exactly 0, where max(-x, 0) and |x| have kinks.
    logits = torch.zeros(4, dtype=torch.float64, requires_grad=True)
    targets = torch.tensor([1.0, 0.0, 0.25, 1.0], dtype=torch.float64)
    pos_weight = torch.tensor([3.0], dtype=torch.float64)
    learner.bce_with_logits(logits, targets, pos_weight, "sum").backward()
    # d/dx = (1 + (w - 1) y) σ(x) - w y at σ(0) = 1/2
    expected = (1 + 2 * targets) * 0.5 - 3 * targets
    assert_close(
        logits.grad,
        expected,
        call=call_repr("bce_with_logits", logits, targets, pos_weight, "sum"),
        what="logits.grad at x = 0",
    )


def test_keeps_dtype_and_accepts_non_contiguous_inputs(learner):
    seed = 19
    base, targets = make_case(seed, (6, 4), torch.float64)
    logits = base.T.contiguous().T
    targets = targets.T.contiguous().T
    assert not logits.is_contiguous()
    expected = reference(base, targets.contiguous(), reduction="none")
    got = learner.bce_with_logits(logits, targets, reduction="none")
    assert_close(got, expected, call=call_repr("bce_with_logits", logits, targets, reduction="none"), seed=seed)


def test_leaves_inputs_unchanged(learner):
    logits, targets = make_case(23, (4, 3), torch.float32, soft=True)
    pos_weight = torch.tensor([1.0, 2.0, 3.0])
    before = [t.clone() for t in (logits, targets, pos_weight)]
    call = call_repr("bce_with_logits", logits, targets, pos_weight)
    learner.bce_with_logits(logits, targets, pos_weight)
    for name, b, a in zip(("logits", "targets", "pos_weight"), before, (logits, targets, pos_weight), strict=True):
        assert_unchanged(b, a, name=name, call=call)


def test_rejects_targets_of_another_shape(learner):
    # [N, 1] against [N] would broadcast to [N, N] if nobody checked
    logits, targets = torch.zeros(5, 1), torch.zeros(5)
    assert_raises(ValueError, learner.bce_with_logits, logits, targets, match=r"\btargets\b")


def test_rejects_an_unknown_reduction(learner):
    logits, targets = make_case(1, (3, 2))
    assert_raises(ValueError, learner.bce_with_logits, logits, targets, reduction="batchmean", match=r"\breduction\b")


def test_rejects_pos_weight_that_does_not_fit_the_class_axis(learner):
    logits, targets = make_case(2, (4, 3))
    assert_raises(ValueError, learner.bce_with_logits, logits, targets, torch.ones(4), match=r"\bpos_weight\b")


@pytest.mark.parametrize("logits", [torch.tensor([1, 2]), [1.0, -2.0]], ids=["integer tensor", "a list"])
def test_rejects_logits_that_are_not_a_floating_point_tensor(learner, logits):
    assert_raises(TypeError, learner.bce_with_logits, logits, torch.tensor([1.0, 0.0]), match=r"\blogits\b")


def test_accepts_a_scalar_logit(learner):
    # 0-d logits: "any shape"; pos_weight of one entry applies; "none" keeps the 0-d shape
    logits, targets, pos_weight = torch.tensor(0.7), torch.tensor(1.0), torch.tensor([2.0])
    got = learner.bce_with_logits(logits, targets, pos_weight, "none")
    expected = torch.tensor(2 * math.log1p(math.exp(-0.7)))  # w * y * softplus(-x)
    assert_close(got, expected, call=call_repr("bce_with_logits", logits, targets, pos_weight, "none"))


@pytest.mark.parametrize(
    "dtype, other", [(torch.float32, torch.float64), (torch.float64, torch.float32)], ids=["float32", "float64"]
)
def test_returns_the_logits_dtype_whatever_the_others(learner, dtype, other):
    seed = 37
    logits64, targets64 = make_case(seed, (5, 3), torch.float64, soft=True)
    pos_weight64 = torch.tensor([0.5, 2.0, 3.0], dtype=torch.float64)
    logits, targets, pos_weight = logits64.to(dtype), targets64.to(other), pos_weight64.to(other)
    expected = reference(logits, targets.to(dtype), pos_weight.to(dtype), "none")
    got = learner.bce_with_logits(logits, targets, pos_weight, "none")
    assert_close(got, expected, call=call_repr("bce_with_logits", logits, targets, pos_weight, "none"), seed=seed)


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16], ids=["float16", "bfloat16"])
def test_keeps_half_precision_dtype(learner, dtype):
    seed = 41
    logits64, targets64 = make_case(seed, (6, 4), torch.float64, soft=True)
    logits, targets = logits64.to(dtype), targets64.to(dtype)
    # the exact loss of the half-precision values, rounded to the dtype; 4 ulps of the largest loss
    exact = reference(logits.double(), targets.double(), reduction="none")
    atol = 4 * torch.finfo(dtype).eps * float(exact.abs().max())
    got = learner.bce_with_logits(logits, targets, reduction="none")
    call = call_repr("bce_with_logits", logits, targets, reduction="none")
    assert_close(got, exact.to(dtype), call=call, seed=seed, rtol=0.0, atol=atol)


@pytest.mark.by_hand
@pytest.mark.points(2)
def test_computes_the_loss_without_calling_the_built_in(learner):
    seed = 29
    logits, targets = make_case(seed, (6, 3), torch.float64, soft=True)
    pos_weight = torch.tensor([1.5, 0.5, 2.0], dtype=torch.float64)
    expected = reference(logits, targets, pos_weight)
    with forbidden(*by_hand_entries("bce_with_logits")):
        got = learner.bce_with_logits(logits, targets, pos_weight)
    assert_close(got, expected, call=call_repr("bce_with_logits", logits, targets, pos_weight), seed=seed)
