"""Grader for label_smoothing: the smoothed target and the smoothed cross-entropy, by hand.

Expected values: ``F.cross_entropy(..., label_smoothing=ε, ignore_index=...)`` (values and autograd
gradients), ``F.one_hot`` and hand-worked targets.

Promises and the tests that hold them:
smooth_one_hot
- 1 - ε + ε/C at the target, ε/C elsewhere (ε over all C classes)
  -> test_smooth_one_hot_spreads_epsilon_over_all_classes
- ε = 0 is one-hot, ε = 1 is uniform (both bounds accepted) -> test_smooth_one_hot_without_smoothing_is_one_hot,
  test_smooth_one_hot_with_full_smoothing_is_uniform
- any target shape, rows sum to 1 -> test_smooth_one_hot_rows_sum_to_one_for_any_shape
- the default float dtype, not always float32 -> test_smooth_one_hot_uses_the_default_float_dtype
- TypeError/ValueError naming target, num_classes, smoothing (negative indices and ε < 0 included)
  -> test_smooth_one_hot_rejects_bad_arguments
label_smoothing_cross_entropy
- F.cross_entropy's values for every reduction and dtype -> test_loss_matches_cross_entropy_with_label_smoothing
- any ε in [0, 1], 0 being plain cross-entropy -> test_loss_matches_for_every_amount_of_smoothing
- [N, C, d1, ...] logits, class axis 1 -> test_loss_handles_spatial_logits
- ignored targets: nothing to the loss ("none" gives 0), the mean over the others, no gradient
  -> test_ignored_targets_count_for_nothing, test_gradients_match_cross_entropy
- ignore_index may be a real class -> test_ignore_index_can_be_a_class_index
- "mean" of only ignored targets is NaN -> test_mean_over_only_ignored_targets_is_nan_as_in_pytorch
- gradients as F.cross_entropy's -> test_gradients_match_cross_entropy
- log space: finite values and gradients at ±1e4 -> test_huge_logits_give_finite_loss_and_gradients
- 0-d for mean/sum, target's shape for none; logits' dtype -> the value tests (assert_close checks shape and dtype)
- float16/bfloat16 logits give float16/bfloat16 -> test_keeps_half_precision_dtype
- strided logits -> test_keeps_dtype_and_accepts_non_contiguous_logits
- inputs not modified -> test_leaves_inputs_unchanged
- ValueError naming reduction, smoothing, target (shapes, out of range, negative)
  -> test_loss_rejects_bad_options, test_loss_rejects_targets_that_do_not_fit
- TypeError naming logits (integer logits refused, not converted) or target (float indices)
  -> test_loss_rejects_logits_and_targets_of_the_wrong_kind
- by hand: no cross_entropy or nll_loss, by any route -> test_computes_the_loss_without_calling_cross_entropy
Not tested: the device (no second device on the grading machines).
"""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from graders.helpers import assert_close, assert_raises, assert_unchanged, by_hand_entries, call_repr, forbidden

FLOATS = [torch.float32, torch.float64]
FLOAT_IDS = ["float32", "float64"]


def make_case(seed: int, shape=(6, 5), dtype=torch.float32, ignore_index: int | None = None):
    """Logits [N, C, ...] and targets [N, ...]; some targets set to ignore_index when it is given."""
    g = torch.Generator().manual_seed(seed)
    logits = (torch.randn(*shape, generator=g, dtype=torch.float64) * 3).to(dtype)
    target_shape = (shape[0], *shape[2:])
    target = torch.randint(0, shape[1], target_shape, generator=g)
    if ignore_index is not None:
        drop = torch.rand(target_shape, generator=g) < 0.3
        drop.view(-1)[0] = True
        target[drop] = ignore_index
    return logits, target


# ------------------------------------------------------------------------------------------- smooth_one_hot


def test_smooth_one_hot_spreads_epsilon_over_all_classes(learner):
    got = learner.smooth_one_hot(torch.tensor([1, 3]), 4, 0.2)
    # true class: 1 - 0.2 + 0.2/4 = 0.85; the others: 0.2/4 = 0.05 (not 0.2/3)
    expected = torch.tensor([[0.05, 0.85, 0.05, 0.05], [0.05, 0.05, 0.05, 0.85]])
    assert_close(got, expected, call="smooth_one_hot(tensor([1, 3]), num_classes=4, smoothing=0.2)")


def test_smooth_one_hot_without_smoothing_is_one_hot(learner):
    target = torch.tensor([[0, 2, 1], [2, 2, 0]])
    got = learner.smooth_one_hot(target, 3, 0.0)
    assert_close(got, F.one_hot(target, 3).float(), call=call_repr("smooth_one_hot", target, 3, 0.0))


def test_smooth_one_hot_rows_sum_to_one_for_any_shape(learner):
    g = torch.Generator().manual_seed(9)
    target = torch.randint(0, 7, (2, 3, 5), generator=g)
    got = learner.smooth_one_hot(target, 7, 0.3)
    call = call_repr("smooth_one_hot", target, 7, 0.3)
    expected = F.one_hot(target, 7).float() * 0.7 + 0.3 / 7
    assert_close(got, expected, call=call, seed=9)
    assert_close(got.sum(-1), torch.ones(2, 3, 5), call=call, what="sum over classes")


def test_smooth_one_hot_with_full_smoothing_is_uniform(learner):
    # ε = 1 is allowed ("in [0, 1]"): every class gets 1/C, the true one too (1 - 1 + 1/4)
    target = torch.tensor([0, 3])
    got = learner.smooth_one_hot(target, 4, 1.0)
    assert_close(got, torch.full((2, 4), 0.25), call=call_repr("smooth_one_hot", target, 4, 1.0))


def test_smooth_one_hot_uses_the_default_float_dtype(learner):
    target = torch.tensor([2, 0])
    call = call_repr("smooth_one_hot", target, 3, 0.3) + " with torch.set_default_dtype(torch.float64)"
    before = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    try:
        got = learner.smooth_one_hot(target, 3, 0.3)
    finally:
        torch.set_default_dtype(before)
    expected = torch.tensor([[0.1, 0.1, 0.8], [0.8, 0.1, 0.1]], dtype=torch.float64)
    assert_close(got, expected, call=call)


@pytest.mark.parametrize(
    "target, num_classes, smoothing, error, match",
    [
        (torch.tensor([0, 4]), 4, 0.1, ValueError, r"\btarget\b"),
        (torch.tensor([0, -1]), 4, 0.1, ValueError, r"\btarget\b"),
        (torch.tensor([0, 1]), 4, 1.5, ValueError, r"\bsmoothing\b"),
        (torch.tensor([0, 1]), 4, -0.1, ValueError, r"\bsmoothing\b"),
        (torch.tensor([0, 1]), 0, 0.1, ValueError, r"\bnum_classes\b"),
        (torch.tensor([0.0, 1.0]), 4, 0.1, TypeError, r"\btarget\b"),
    ],
    ids=["index too large", "negative index", "smoothing above 1", "smoothing below 0", "no classes", "float target"],
)
def test_smooth_one_hot_rejects_bad_arguments(learner, target, num_classes, smoothing, error, match):
    assert_raises(error, learner.smooth_one_hot, target, num_classes, smoothing, match=match)


# ------------------------------------------------------------------------------------------- the loss


@pytest.mark.points(2)
@pytest.mark.parametrize("reduction", ["none", "mean", "sum"])
@pytest.mark.parametrize("dtype", FLOATS, ids=FLOAT_IDS)
def test_loss_matches_cross_entropy_with_label_smoothing(learner, reduction, dtype):
    seed = 17
    logits, target = make_case(seed, (8, 5), dtype)
    expected = F.cross_entropy(logits, target, label_smoothing=0.1, reduction=reduction)
    got = learner.label_smoothing_cross_entropy(logits, target, 0.1, reduction)
    assert_close(
        got, expected, call=call_repr("label_smoothing_cross_entropy", logits, target, 0.1, reduction), seed=seed
    )


@pytest.mark.points(2)
@pytest.mark.parametrize("smoothing", [0.0, 0.25, 1.0])
def test_loss_matches_for_every_amount_of_smoothing(learner, smoothing):
    seed = 23
    logits, target = make_case(seed, (7, 11), torch.float64)
    expected = F.cross_entropy(logits, target, label_smoothing=smoothing)
    got = learner.label_smoothing_cross_entropy(logits, target, smoothing)
    assert_close(got, expected, call=call_repr("label_smoothing_cross_entropy", logits, target, smoothing), seed=seed)


def test_loss_handles_spatial_logits(learner):
    # segmentation-style [N, C, H, W] logits with [N, H, W] targets, class axis 1
    seed = 31
    logits, target = make_case(seed, (2, 4, 3, 5), torch.float64)
    for reduction in ("none", "mean"):
        expected = F.cross_entropy(logits, target, label_smoothing=0.2, reduction=reduction)
        got = learner.label_smoothing_cross_entropy(logits, target, 0.2, reduction)
        assert_close(
            got, expected, call=call_repr("label_smoothing_cross_entropy", logits, target, 0.2, reduction), seed=seed
        )


@pytest.mark.points(2)
@pytest.mark.parametrize("reduction", ["none", "mean", "sum"])
def test_ignored_targets_count_for_nothing(learner, reduction):
    seed = 41
    logits, target = make_case(seed, (10, 6), torch.float64, ignore_index=-100)
    expected = F.cross_entropy(logits, target, label_smoothing=0.1, reduction=reduction)
    got = learner.label_smoothing_cross_entropy(logits, target, 0.1, reduction)
    call = call_repr("label_smoothing_cross_entropy", logits, target, 0.1, reduction) + " with targets of -100"
    assert_close(got, expected, call=call, seed=seed)


def test_ignore_index_can_be_a_class_index(learner):
    seed = 43
    logits, target = make_case(seed, (12, 4), torch.float64)
    target[:3] = 2
    expected = F.cross_entropy(logits, target, label_smoothing=0.3, ignore_index=2)
    got = learner.label_smoothing_cross_entropy(logits, target, 0.3, "mean", ignore_index=2)
    assert_close(
        got,
        expected,
        call=call_repr("label_smoothing_cross_entropy", logits, target, 0.3, "mean", ignore_index=2),
        seed=seed,
    )


def test_mean_over_only_ignored_targets_is_nan_as_in_pytorch(learner):
    logits = torch.randn(3, 4, generator=torch.Generator().manual_seed(1))
    target = torch.full((3,), -100)
    got = learner.label_smoothing_cross_entropy(logits, target, 0.1, "mean")
    assert_close(
        got,
        torch.tensor(float("nan")),
        call=call_repr("label_smoothing_cross_entropy", logits, target) + " (every target ignored: 0 / 0)",
    )


@pytest.mark.points(2)
@pytest.mark.parametrize("reduction", ["none", "mean", "sum"])
def test_gradients_match_cross_entropy(learner, reduction):
    seed = 53
    logits, target = make_case(seed, (9, 7), torch.float64, ignore_index=-100)
    ref = logits.clone().requires_grad_(True)
    out = F.cross_entropy(ref, target, label_smoothing=0.15, reduction=reduction)
    upstream = torch.randn(out.shape, generator=torch.Generator().manual_seed(seed), dtype=torch.float64)
    out.backward(upstream)
    mine = logits.clone().requires_grad_(True)
    got = learner.label_smoothing_cross_entropy(mine, target, 0.15, reduction)
    got.backward(upstream)
    call = call_repr("label_smoothing_cross_entropy", mine, target, 0.15, reduction) + ", gradient"
    assert_close(mine.grad, ref.grad, call=call, seed=seed, what="logits.grad")
    ignored = target == -100
    assert_close(
        mine.grad[ignored], torch.zeros_like(mine.grad[ignored]), call=call, what="logits.grad of ignored rows"
    )


@pytest.mark.points(2)
def test_huge_logits_give_finite_loss_and_gradients(learner):
    logits = torch.tensor([[1e4, -1e4, 0.0], [-1e4, 1e4, 5.0], [0.0, 0.0, -1e4]], requires_grad=True)
    target = torch.tensor([1, 1, 2])
    ref = logits.detach().clone().requires_grad_(True)
    expected = F.cross_entropy(ref, target, label_smoothing=0.1, reduction="sum")
    expected.backward()
    got = learner.label_smoothing_cross_entropy(logits, target, 0.1, "sum")
    call = call_repr("label_smoothing_cross_entropy", logits, target, 0.1, "sum") + " with logits of ±1e4"
    assert_close(got, expected.detach(), call=call)
    got.backward()
    assert bool(torch.isfinite(logits.grad).all()), f"{call}\n  the gradient holds NaN or inf: {logits.grad.tolist()}"
    assert_close(logits.grad, ref.grad, call=call + ", gradient", what="logits.grad")


def test_keeps_dtype_and_accepts_non_contiguous_logits(learner):
    seed = 61
    base, target = make_case(seed, (5, 8), torch.float64)
    logits = base.T.contiguous().T  # same values, column-major strides
    assert not logits.is_contiguous()
    expected = F.cross_entropy(base, target, label_smoothing=0.1, reduction="none")
    got = learner.label_smoothing_cross_entropy(logits, target, 0.1, "none")
    assert_close(got, expected, call=call_repr("label_smoothing_cross_entropy", logits, target, 0.1, "none"), seed=seed)


def test_leaves_inputs_unchanged(learner):
    logits, target = make_case(67, (6, 5), torch.float32, ignore_index=-100)
    before_l, before_t = logits.clone(), target.clone()
    call = call_repr("label_smoothing_cross_entropy", logits, target)
    learner.label_smoothing_cross_entropy(logits, target)
    assert_unchanged(before_l, logits, name="logits", call=call)
    assert_unchanged(before_t, target, name="target", call=call)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"reduction": "average"}, r"\breduction\b"),
        ({"smoothing": -0.1}, r"\bsmoothing\b"),
    ],
    ids=["unknown reduction", "negative smoothing"],
)
def test_loss_rejects_bad_options(learner, kwargs, match):
    logits, target = make_case(3, (4, 3))
    assert_raises(ValueError, learner.label_smoothing_cross_entropy, logits, target, match=match, **kwargs)


@pytest.mark.parametrize(
    "logits_shape, target, match",
    [
        ((4, 3), torch.tensor([0, 1, 2]), r"\btarget\b"),
        ((4, 3), torch.tensor([0, 1, 2, 3]), r"\btarget\b"),
        ((4, 3), torch.tensor([0, 1, -1, 2]), r"\btarget\b"),
        ((4, 3, 2), torch.tensor([0, 1, 2, 0]), r"\btarget\b"),
    ],
    ids=["too few targets", "class index out of range", "negative class index", "targets lack the spatial axes"],
)
def test_loss_rejects_targets_that_do_not_fit(learner, logits_shape, target, match):
    logits = torch.zeros(logits_shape)
    assert_raises(ValueError, learner.label_smoothing_cross_entropy, logits, target, match=match)


@pytest.mark.parametrize(
    "logits, target, error, match",
    [
        (torch.tensor([[2, 0, 1], [0, 1, 0]]), torch.tensor([0, 1]), TypeError, r"\blogits\b"),
        (torch.zeros(2, 3), torch.tensor([0.0, 1.0]), TypeError, r"\btarget\b"),
    ],
    ids=["integer logits", "float targets"],
)
def test_loss_rejects_logits_and_targets_of_the_wrong_kind(learner, logits, target, error, match):
    assert_raises(error, learner.label_smoothing_cross_entropy, logits, target, match=match)


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16], ids=["float16", "bfloat16"])
def test_keeps_half_precision_dtype(learner, dtype):
    seed = 73
    logits64, target = make_case(seed, (8, 5), torch.float64)
    logits = logits64.to(dtype)
    # the exact loss of the half-precision values, rounded to the dtype; 4 ulps of the largest loss
    exact = F.cross_entropy(logits.double(), target, label_smoothing=0.1, reduction="none")
    atol = 4 * torch.finfo(dtype).eps * float(exact.abs().max())
    got = learner.label_smoothing_cross_entropy(logits, target, 0.1, "none")
    call = call_repr("label_smoothing_cross_entropy", logits, target, 0.1, "none")
    assert_close(got, exact.to(dtype), call=call, seed=seed, rtol=0.0, atol=atol)


@pytest.mark.by_hand
@pytest.mark.points(2)
def test_computes_the_loss_without_calling_cross_entropy(learner):
    seed = 71
    logits, target = make_case(seed, (6, 5), torch.float64, ignore_index=-100)
    expected = F.cross_entropy(logits, target, label_smoothing=0.1)
    with forbidden(*by_hand_entries("label_smoothing")):
        got = learner.label_smoothing_cross_entropy(logits, target, 0.1)
    assert_close(got, expected, call=call_repr("label_smoothing_cross_entropy", logits, target, 0.1), seed=seed)
