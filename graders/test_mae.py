"""Grader for mae: mean absolute error, exact shapes, an optional boolean mask.

Expected values come from ``torch.nn.functional.l1_loss`` (the same mean of ``|pred - target|``) applied to
the selected elements, from hand-worked cases, and from autograd on ``l1_loss`` for the gradients.

Promises and the tests that hold them:
- mean of |pred - target| over all elements -> test_hand_worked_value, test_matches_l1_loss_on_random_inputs
- any shape, 0-d included; strided inputs -> test_scalar_inputs, test_accepts_non_contiguous_inputs
- a 0-d tensor -> test_returns_a_zero_dimensional_tensor
- the inputs' dtype when they agree -> test_matches_l1_loss_on_random_inputs[float32|float64], test_scalar_inputs,
  test_half_precision_inputs_keep_their_dtype
- torch's promotion when they differ -> test_mixed_dtypes_give_the_dtype_of_pred_minus_target
- on the inputs' device -> not tested (the graders run on CPU only)
- differentiable for pred and target -> test_gradients_match_l1_loss
- no broadcasting: ValueError naming target -> test_rejects_shapes_that_differ_even_if_they_broadcast
- mask: mean over the selected elements only -> test_mask_hand_worked_value,
  test_mask_averages_over_selected_elements_only, test_mask_on_three_dimensional_inputs,
  test_gradients_match_l1_loss[mask]
- unselected NaN or inf change neither value nor gradient ->
  test_unselected_nan_and_inf_do_not_leak_into_value_or_gradient
- ValueError naming mask: nothing selected, another shape -> test_empty_selection_raises,
  test_rejects_mask_of_another_shape
- ValueError naming pred (or saying empty) for an empty pred -> test_empty_input_raises
- TypeError naming mask unless bool -> test_rejects_non_bool_mask
- TypeError naming pred or target unless floating-point tensors -> test_rejects_non_float_inputs
- inputs not modified -> test_leaves_inputs_unchanged
"""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from graders.helpers import assert_close, assert_equal, assert_raises, assert_unchanged, call_repr

DTYPES = pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])


def random_pair(shape, seed, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    pred = torch.randn(shape, generator=g, dtype=torch.float64) * 3
    target = torch.randn(shape, generator=g, dtype=torch.float64) * 3
    return pred.to(dtype), target.to(dtype)


def uneven_mask(shape, seed):
    """A mask whose rows select very different numbers of elements (one row nothing, one row everything)."""
    g = torch.Generator().manual_seed(seed)
    rows = shape[0]
    keep = torch.linspace(0.05, 0.95, rows, dtype=torch.float64).reshape(rows, *([1] * (len(shape) - 1)))
    mask = torch.rand(shape, generator=g, dtype=torch.float64) < keep
    mask[0] = False
    mask[-1] = True
    return mask


# ------------------------------------------------------------------------------------------- values


def test_hand_worked_value(learner):
    pred = torch.tensor([1.0, 2.0, 4.0])
    target = torch.tensor([1.5, 2.0, 1.0])
    got = learner.mae(pred, target)
    # (0.5 + 0 + 3) / 3
    assert_close(got, torch.tensor(3.5 / 3), call=call_repr("mae", pred, target))


@pytest.mark.points(2)
@DTYPES
def test_matches_l1_loss_on_random_inputs(learner, dtype):
    seed = 101
    pred, target = random_pair((3, 5, 7), seed, dtype)
    got = learner.mae(pred, target)
    assert_close(got, F.l1_loss(pred, target), call=call_repr("mae", pred, target), seed=seed)


def test_returns_a_zero_dimensional_tensor(learner):
    seed = 102
    pred, target = random_pair((4, 6), seed)
    got = learner.mae(pred, target)
    call = call_repr("mae", pred, target)
    assert isinstance(got, torch.Tensor), f"{call} returned {type(got).__name__}, expected a 0-d tensor"
    assert_equal(tuple(got.shape), (), call=call, what="shape")


def test_scalar_inputs(learner):
    pred, target = torch.tensor(2.5, dtype=torch.float64), torch.tensor(-1.0, dtype=torch.float64)
    got = learner.mae(pred, target)
    assert_close(got, torch.tensor(3.5, dtype=torch.float64), call=call_repr("mae", pred, target))


def test_accepts_non_contiguous_inputs(learner):
    seed = 103
    pred, target = random_pair((7, 5), seed, torch.float64)
    pred_t, target_t = pred.T, target.T[:, :]
    assert not pred_t.is_contiguous()
    got = learner.mae(pred_t, target_t)
    assert_close(got, F.l1_loss(pred_t, target_t), call=call_repr("mae", pred_t, target_t) + " (transposed)", seed=seed)


def test_leaves_inputs_unchanged(learner):
    seed = 104
    pred, target = random_pair((5, 3), seed)
    mask = uneven_mask((5, 3), seed)
    before = pred.clone(), target.clone(), mask.clone()
    call = call_repr("mae", pred, target, mask=mask)
    learner.mae(pred, target, mask=mask)
    for old, new, name in zip(before, (pred, target, mask), ("pred", "target", "mask"), strict=True):
        assert_unchanged(old, new, name=name, call=call)


# ------------------------------------------------------------------------------------------- shapes


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "pred_shape, target_shape",
    [((6, 1), (6,)), ((6,), (6, 1)), ((3, 4), (4,)), ((1,), (5,)), ((2, 3), (3, 2))],
    ids=["column vs vector", "vector vs column", "row broadcast", "one vs many", "transposed"],
)
def test_rejects_shapes_that_differ_even_if_they_broadcast(learner, pred_shape, target_shape):
    g = torch.Generator().manual_seed(105)
    pred, target = torch.randn(pred_shape, generator=g), torch.randn(target_shape, generator=g)
    assert_raises(ValueError, learner.mae, pred, target, match=r"\btarget\b")


# ------------------------------------------------------------------------------------------- mask


def test_mask_hand_worked_value(learner):
    pred = torch.tensor([[1.0, 2.0, 4.0], [0.0, 0.0, 10.0]])
    target = torch.tensor([[1.5, 2.0, 1.0], [1.0, 0.0, 0.0]])
    mask = torch.tensor([[True, True, False], [True, False, False]])
    got = learner.mae(pred, target, mask=mask)
    # selected errors 0.5, 0, 1 -> 1.5 / 3 (not / 6, and not the mean of the row means 0.25 and 1)
    assert_close(got, torch.tensor(0.5), call=call_repr("mae", pred, target, mask=mask))


@pytest.mark.points(2)
@DTYPES
def test_mask_averages_over_selected_elements_only(learner, dtype):
    seed = 106
    pred, target = random_pair((9, 11), seed, dtype)
    mask = uneven_mask((9, 11), seed)
    got = learner.mae(pred, target, mask=mask)
    expected = F.l1_loss(pred[mask], target[mask])
    assert_close(got, expected, call=call_repr("mae", pred, target, mask=mask), seed=seed)


def test_mask_on_three_dimensional_inputs(learner):
    seed = 107
    pred, target = random_pair((4, 3, 5), seed, torch.float64)
    mask = uneven_mask((4, 3, 5), seed)
    got = learner.mae(pred, target, mask=mask)
    expected = F.l1_loss(pred[mask], target[mask])
    assert_close(got, expected, call=call_repr("mae", pred, target, mask=mask), seed=seed)


@pytest.mark.points(2)
def test_unselected_nan_and_inf_do_not_leak_into_value_or_gradient(learner):
    seed = 108
    pred, target = random_pair((6, 4), seed, torch.float64)
    mask = uneven_mask((6, 4), seed)
    target = target.clone()
    holes = ~mask
    target[holes] = torch.tensor([float("nan"), float("inf"), -float("inf")], dtype=torch.float64).repeat(
        int(holes.sum()) // 3 + 1
    )[: int(holes.sum())]
    pred = pred.clone().requires_grad_(True)
    call = call_repr("mae", pred, target, mask=mask) + " (NaN/inf targets where mask is False)"
    got = learner.mae(pred, target, mask=mask)
    expected = F.l1_loss(pred.detach()[mask], target[mask])
    assert_close(got.detach(), expected, call=call, seed=seed)
    got.backward()
    assert pred.grad is not None, f"{call}: no gradient reached pred"
    ref = pred.detach().clone().requires_grad_(True)
    F.l1_loss(ref[mask], target[mask]).backward()
    assert_close(pred.grad, ref.grad, call=call, seed=seed, what="gradient with respect to pred")


def test_empty_selection_raises(learner):
    pred, target = random_pair((3, 4), 109)
    mask = torch.zeros(3, 4, dtype=torch.bool)
    assert_raises(ValueError, learner.mae, pred, target, mask=mask, match=r"\bmask\b")


def test_empty_input_raises(learner):
    pred, target = torch.zeros(0, 3), torch.zeros(0, 3)
    assert_raises(ValueError, learner.mae, pred, target, match=r"\bpred\b|\bempty\b")


@pytest.mark.parametrize(
    "mask_shape", [(3, 1), (4,), (4, 3)], ids=["column (would broadcast)", "vector (would broadcast)", "transposed"]
)
def test_rejects_mask_of_another_shape(learner, mask_shape):
    pred, target = random_pair((3, 4), 110)
    mask = torch.ones(mask_shape, dtype=torch.bool)
    assert_raises(ValueError, learner.mae, pred, target, mask=mask, match=r"\bmask\b")


def test_rejects_non_bool_mask(learner):
    pred, target = random_pair((3, 4), 111)
    mask = torch.ones(3, 4)
    assert_raises(TypeError, learner.mae, pred, target, mask=mask, match=r"\bmask\b")


@pytest.mark.parametrize("which", ["integer pred", "list target"], ids=["integer pred", "list target"])
def test_rejects_non_float_inputs(learner, which):
    if which == "integer pred":
        pred, target, match = torch.tensor([1, 2, 3]), torch.tensor([1.0, 2.0, 3.0]), "pred"
    else:
        pred, target, match = torch.tensor([1.0, 2.0, 3.0]), [1.0, 2.0, 3.0], "target"
    assert_raises(TypeError, learner.mae, pred, target, match=rf"\b{match}\b")


# ------------------------------------------------------------------------------------------- gradients


@pytest.mark.points(2)
@pytest.mark.parametrize("masked", [False, True], ids=["no mask", "mask"])
def test_gradients_match_l1_loss(learner, masked):
    seed = 112
    pred, target = random_pair((5, 7), seed, torch.float64)
    mask = uneven_mask((5, 7), seed) if masked else None
    p, t = pred.clone().requires_grad_(True), target.clone().requires_grad_(True)
    call = call_repr("mae", p, t, mask=mask) if masked else call_repr("mae", p, t)
    got = learner.mae(p, t, mask=mask) if masked else learner.mae(p, t)
    assert isinstance(got, torch.Tensor) and got.requires_grad, f"{call}: the result is not differentiable"
    got.backward()
    rp, rt = pred.clone().requires_grad_(True), target.clone().requires_grad_(True)
    (F.l1_loss(rp[mask], rt[mask]) if masked else F.l1_loss(rp, rt)).backward()
    assert_close(p.grad, rp.grad, call=call, seed=seed, what="gradient with respect to pred")
    assert_close(t.grad, rt.grad, call=call, seed=seed, what="gradient with respect to target")


# ------------------------------------------------------------------------------------------- dtypes


@pytest.mark.parametrize(
    "pred_dtype, target_dtype",
    [(torch.float32, torch.float64), (torch.float64, torch.float32)],
    ids=["float32 pred, float64 target", "float64 pred, float32 target"],
)
def test_mixed_dtypes_give_the_dtype_of_pred_minus_target(learner, pred_dtype, target_dtype):
    # "the dtype of pred - target": torch promotes float32 against float64 to float64, whichever side.
    seed = 113
    pred, target = random_pair((4, 5), seed, torch.float64)
    pred, target = pred.to(pred_dtype), target.to(target_dtype)
    got = learner.mae(pred, target)
    expected = F.l1_loss(pred.double(), target.double())
    assert_close(got, expected, call=call_repr("mae", pred, target), seed=seed)


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16], ids=["float16", "bfloat16"])
def test_half_precision_inputs_keep_their_dtype(learner, dtype):
    # float16 and bfloat16 in, the same dtype out (computing inside in float32 is fine; returning it is not).
    seed = 114
    pred, target = random_pair((8, 8), seed, dtype)
    got = learner.mae(pred, target)
    expected = F.l1_loss(pred.double(), target.double()).to(dtype)
    assert_close(got, expected, call=call_repr("mae", pred, target), seed=seed)
