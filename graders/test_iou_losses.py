"""Grader for iou_losses: IoU, GIoU, DIoU and CIoU losses on matched pairs of boxes.

Expected values: torchvision's ``generalized_box_iou_loss``, ``distance_box_iou_loss`` and
``complete_box_iou_loss``, stored in ``fixtures/iou_losses/iou_losses.pt`` by ``generate.py`` beside it
(values for every reduction and the gradients of the sum); a naive IoU written here; hand-worked pairs.
Gradients are compared away from kinks (boxes that touch, tie on a coordinate or have no width), where
any subgradient is as good as torchvision's.

Promises and the tests that hold them:
- iou_loss is 1 - I / (U + eps) -> test_iou_loss_of_hand_worked_pairs,
  test_iou_loss_is_one_minus_iou_with_eps_in_the_union
- no gradient for pairs apart (iou), a pull towards the target (giou) ->
  test_iou_loss_gives_no_gradient_to_boxes_apart_but_giou_pulls_them_together
- giou, diou, ciou equal torchvision's, eps where torchvision puts it, every reduction ->
  test_loss_matches_torchvision
- gradients equal torchvision's, alpha of CIoU without gradient -> test_gradients_match_torchvision_away_from_kinks
- widths x2 - x1; touching boxes do not overlap -> test_iou_loss_of_hand_worked_pairs
- finite loss and gradients for identical boxes -> test_identical_boxes_give_finite_loss_and_gradients
- "mean" of no pairs is 0, "none" is empty -> test_no_pairs_give_an_empty_loss_and_a_zero_mean
- in pred's dtype, a target of another dtype converted -> test_loss_matches_torchvision (float32 and float64),
  test_loss_comes_back_in_the_dtype_of_pred
- inputs not modified -> test_leaves_inputs_unchanged
- TypeError naming the argument unless a float tensor -> test_rejects_arguments_that_are_not_float_tensors
- ValueError naming the argument: shapes not [N, 4] alike, unknown reduction ->
  test_rejects_mismatched_boxes_and_unknown_reductions, test_rejects_boxes_that_are_not_n_by_4
- checked even when N is 0 -> test_checks_arguments_even_with_no_pairs
"""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from graders.helpers import assert_close, assert_raises, assert_unchanged, call_repr

FIXTURE = torch.load(Path(__file__).parent / "fixtures" / "iou_losses" / "iou_losses.pt", weights_only=True)
CASES = {k: c for k, c in FIXTURE["cases"].items() if not k.endswith("empty")}
SOURCE = f"torchvision {FIXTURE['versions']['torchvision']}"
NAMES = ["iou", "giou", "diou", "ciou"]


def loss_fn(learner, name: str):
    return getattr(learner, f"{name}_loss")


def naive_iou(pred: torch.Tensor, target: torch.Tensor, eps: float) -> torch.Tensor:
    out = []
    for a, b in zip(pred.tolist(), target.tolist(), strict=True):
        iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
        ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
        inter = iw * ih
        union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
        out.append(inter / (union + eps))
    return torch.tensor(out, dtype=torch.float64)


def smooth_rows(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Rows away from kinks: no tie between corresponding coordinates, no zero side, no zero width."""
    iw = torch.minimum(pred[:, 2], target[:, 2]) - torch.maximum(pred[:, 0], target[:, 0])
    ih = torch.minimum(pred[:, 3], target[:, 3]) - torch.maximum(pred[:, 1], target[:, 1])
    ties = (pred[:, :, None] == target[:, None, :]).any(-1).any(-1)
    flat = ((pred[:, 2:] - pred[:, :2]) == 0).any(-1) | ((target[:, 2:] - target[:, :2]) == 0).any(-1)
    return ~ties & ~flat & (iw != 0) & (ih != 0)


# ------------------------------------------------------------------------------------------- plain IoU loss


@pytest.mark.parametrize(
    "pred, target, expected",
    [
        ([0, 0, 2, 2], [1, 1, 3, 3], 6 / 7),
        ([0, 0, 1, 1], [2, 2, 3, 3], 1.0),
        ([0, 0, 4, 4], [1, 1, 3, 3], 0.75),
        ([0, 0, 1, 1], [1, 0, 2, 1], 1.0),
    ],
    ids=["overlap", "apart", "inside", "touching"],
)
def test_iou_loss_of_hand_worked_pairs(learner, pred, target, expected):
    p = torch.tensor([pred], dtype=torch.float64)
    t = torch.tensor([target], dtype=torch.float64)
    got = learner.iou_loss(p, t)
    # The default eps = 1e-7 in the union moves these losses by at most 1e-7 / 7**2 = 2e-9 (overlap), inside
    # the float64 default tolerance (rtol=1e-7).
    assert_close(got, torch.tensor([expected], dtype=torch.float64), call=f"iou_loss([{pred}], [{target}])")


@pytest.mark.points(2)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])
def test_iou_loss_is_one_minus_iou_with_eps_in_the_union(learner, dtype):
    case = CASES[f"giou-{str(dtype).removeprefix('torch.')}-eps0.001"]
    pred, target = case["pred"], case["target"]
    expected = (1 - naive_iou(pred, target, 1e-3)).to(dtype)
    got = learner.iou_loss(pred, target, "none", 1e-3)
    assert_close(got, expected, call=call_repr("iou_loss", pred, target, "none", 1e-3))


# ------------------------------------------------------------------------------------------- against torchvision


@pytest.mark.points(2)
@pytest.mark.parametrize("key", sorted(CASES))
def test_loss_matches_torchvision(learner, key):
    case = CASES[key]
    fn = loss_fn(learner, case["loss"])
    for reduction in ("none", "mean", "sum"):
        got = fn(case["pred"], case["target"], reduction, case["eps"])
        call = call_repr(f"{case['loss']}_loss", case["pred"], case["target"], reduction, case["eps"])
        assert_close(got, case[reduction], call=f"{call}  [{key}, against {SOURCE}]")


@pytest.mark.points(2)
@pytest.mark.parametrize("key", sorted(k for k in CASES if "float64" in k))
def test_gradients_match_torchvision_away_from_kinks(learner, key):
    case = CASES[key]
    fn = loss_fn(learner, case["loss"])
    pred = case["pred"].clone().requires_grad_(True)
    target = case["target"].clone().requires_grad_(True)
    fn(pred, target, "sum", case["eps"]).backward()
    rows = smooth_rows(case["pred"], case["target"])
    call = call_repr(f"{case['loss']}_loss", pred, target, "sum", case["eps"]) + f", gradient [{key}, {SOURCE}]"
    assert_close(pred.grad[rows], case["grad_pred"][rows], call=call, what="pred.grad (rows away from kinks)")
    assert_close(target.grad[rows], case["grad_target"][rows], call=call, what="target.grad (rows away from kinks)")


def test_iou_loss_gives_no_gradient_to_boxes_apart_but_giou_pulls_them_together(learner):
    pred = torch.tensor([[0.0, 0.0, 1.0, 1.0]], dtype=torch.float64, requires_grad=True)
    target = torch.tensor([[3.0, 0.0, 4.0, 1.0]], dtype=torch.float64)
    learner.iou_loss(pred, target, "sum").backward()
    assert_close(
        pred.grad, torch.zeros(1, 4, dtype=torch.float64), call="iou_loss of boxes apart, gradient", what="pred.grad"
    )
    pred.grad = None
    learner.giou_loss(pred, target, "sum").backward()
    # moving the predicted box right (towards the target) must lower the GIoU loss
    push_right = float(pred.grad[0, 0] + pred.grad[0, 2])
    assert push_right < 0, (
        f"giou_loss(boxes apart).backward() gave pred.grad {pred.grad.tolist()}: moving the box towards the "
        f"target should lower the loss (d loss / d x1 + d loss / d x2 < 0), got {push_right:.4g}"
    )


@pytest.mark.parametrize("name", NAMES)
def test_identical_boxes_give_finite_loss_and_gradients(learner, name):
    boxes = torch.tensor([[2.0, 3.0, 5.0, 4.5], [0.0, 0.0, 1.0, 7.0]], dtype=torch.float64)
    pred = boxes.clone().requires_grad_(True)
    target = boxes.clone().requires_grad_(True)
    loss = loss_fn(learner, name)(pred, target, "sum")
    call = call_repr(f"{name}_loss", pred, target, "sum") + " on identical boxes"
    # Every penalty term is 0 for identical boxes; what is left is 1 - area / (area + eps) per pair (the
    # default eps = 1e-7 in the union), 3.7e-8 in all: not 0 within float64's default tolerance.
    expected = (1 - naive_iou(boxes, boxes, 1e-7)).sum()
    assert_close(loss.detach(), expected, call=call)
    loss.backward()
    for what, grad in (("pred.grad", pred.grad), ("target.grad", target.grad)):
        assert grad is not None and bool(torch.isfinite(grad).all()), f"{call}\n  {what} is not finite: {grad}"


@pytest.mark.parametrize("name", NAMES)
def test_no_pairs_give_an_empty_loss_and_a_zero_mean(learner, name):
    empty = torch.zeros(0, 4)
    fn = loss_fn(learner, name)
    assert_close(fn(empty, empty, "none"), torch.zeros(0), call=f"{name}_loss(empty, empty, 'none')")
    assert_close(fn(empty, empty, "mean"), torch.tensor(0.0), call=f"{name}_loss(empty, empty, 'mean')")
    assert_close(fn(empty, empty, "sum"), torch.tensor(0.0), call=f"{name}_loss(empty, empty, 'sum')")


@pytest.mark.parametrize("name", NAMES)
def test_leaves_inputs_unchanged(learner, name):
    case = CASES["diou-float32-eps1e-07"]
    pred, target = case["pred"].clone(), case["target"].clone()
    call = call_repr(f"{name}_loss", pred, target)
    loss_fn(learner, name)(pred, target, "mean")
    assert_unchanged(case["pred"], pred, name="pred", call=call)
    assert_unchanged(case["target"], target, name="target", call=call)


@pytest.mark.parametrize("name", NAMES)
def test_rejects_mismatched_boxes_and_unknown_reductions(learner, name):
    fn = loss_fn(learner, name)
    a = torch.tensor([[0.0, 0.0, 1.0, 1.0], [0.0, 0.0, 2.0, 2.0]])
    assert_raises(ValueError, fn, a, a[:1], match=r"\btarget\b", call=f"{name}_loss(Tensor[2, 4], Tensor[1, 4])")
    assert_raises(
        ValueError,
        fn,
        torch.zeros(2, 5),
        torch.zeros(2, 5),
        match=r"\bpred\b",
        call=f"{name}_loss(Tensor[2, 5], Tensor[2, 5])",
    )
    assert_raises(ValueError, fn, a, a, "avg", match=r"\breduction\b", call=f"{name}_loss(a, a, 'avg')")


# ------------------------------------------------------------------------------------------- more promises


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(
    "pred_dtype, target_dtype",
    [(torch.float32, torch.float64), (torch.float64, torch.float32)],
    ids=["float32 pred, float64 target", "float64 pred, float32 target"],
)
def test_loss_comes_back_in_the_dtype_of_pred(learner, name, pred_dtype, target_dtype):
    # "a target of another floating dtype is converted to pred's": pred's dtype, not torch's promotion.
    # The boxes are the float32 fixture's, exact in both dtypes; expected values are torchvision's float32
    # results (a naive float64 IoU for iou_loss), so they are compared at float32 precision.
    case = CASES[("giou" if name == "iou" else name) + "-float32-eps1e-07"]
    pred, target = case["pred"].to(pred_dtype), case["target"].to(target_dtype)
    fn = loss_fn(learner, name)
    for reduction in ("none", "sum"):
        if name == "iou":
            loss = 1 - naive_iou(case["pred"], case["target"], 1e-7)
            expected = loss if reduction == "none" else loss.sum()
        else:
            expected = case[reduction].double()
        got = fn(pred, target, reduction)
        call = call_repr(f"{name}_loss", pred, target, reduction) + f"  [against {SOURCE}, float32 precision]"
        assert_close(got, expected.to(pred_dtype), call=call, rtol=1e-5, atol=1e-6)


BAD_TYPES = {
    "integer pred": (torch.tensor([[0, 0, 2, 2]]), torch.tensor([[1.0, 1.0, 3.0, 3.0]]), "pred"),
    "integer target": (torch.tensor([[0.0, 0.0, 2.0, 2.0]]), torch.tensor([[1, 1, 3, 3]]), "target"),
    "pred as a list": ([[0.0, 0.0, 2.0, 2.0]], torch.tensor([[1.0, 1.0, 3.0, 3.0]]), "pred"),
}


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("case", list(BAD_TYPES))
def test_rejects_arguments_that_are_not_float_tensors(learner, name, case):
    pred, target, which = BAD_TYPES[case]
    call = call_repr(f"{name}_loss", pred, target) + f"  ({case})"
    assert_raises(TypeError, loss_fn(learner, name), pred, target, match=rf"\b{which}\b", call=call)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("shape", [(4,), (2, 3, 4)], ids=["one box [4]", "batched [2, 3, 4]"])
def test_rejects_boxes_that_are_not_n_by_4(learner, name, shape):
    # [N, 4] exactly: torchvision takes [..., 4], the exercise does not.
    boxes = torch.ones(shape)
    boxes[..., :2] = 0.0
    call = call_repr(f"{name}_loss", boxes, boxes)
    assert_raises(ValueError, loss_fn(learner, name), boxes, boxes, match=r"\bpred\b", call=call)


@pytest.mark.parametrize("name", NAMES)
def test_checks_arguments_even_with_no_pairs(learner, name):
    fn = loss_fn(learner, name)
    empty = torch.zeros(0, 4)
    assert_raises(ValueError, fn, empty, empty, "avg", match=r"\breduction\b", call=f"{name}_loss(empty, empty, 'avg')")
    assert_raises(
        ValueError, fn, empty, torch.zeros(0, 5), match=r"\btarget\b", call=f"{name}_loss(Tensor[0, 4], Tensor[0, 5])"
    )
