"""Grader for box_iou: ``iou`` on one pair and ``box_iou`` on all pairs, vectorised.

Expected values come from hand-worked pairs, from a naive reference written here (a double loop over
Python floats, with no ``+ 1`` and a zero-union guard), and from invariants (symmetry, translation and
scale invariance).

Promises and the tests that hold them:
- iou of one pair of plain sequences -> test_iou_of_hand_worked_pairs, test_iou_is_symmetric_on_random_pairs
- width is x2 - x1 (no + 1) -> test_iou_measures_width_as_x2_minus_x1
- no overlap on an axis gives 0 (sides clamped one by one) -> test_iou_is_zero_when_boxes_are_apart_on_both_axes
- union 0 gives 0.0, never NaN -> test_iou_of_two_empty_boxes_is_zero_not_nan,
  test_box_iou_gives_zero_for_empty_boxes_not_nan
- iou returns a Python float, also for ints and a zero union -> test_iou_returns_a_python_float,
  test_iou_returns_a_float_even_when_the_union_is_zero
- iou: ValueError for not 4 numbers or an inverted box, naming the box -> test_iou_rejects_invalid_boxes
- iou: TypeError for a box that is not a sequence, naming it -> test_iou_rejects_a_box_that_is_not_a_sequence
- box_iou: every pair, same as torchvision except union 0 -> test_box_iou_matches_pairwise_reference,
  test_box_iou_transposes_when_arguments_swap, test_box_iou_is_unchanged_by_shifting_and_scaling_both_sets
- keeps the input dtype (float32, float64) -> test_box_iou_matches_pairwise_reference
- keeps float16 and bfloat16 -> test_box_iou_keeps_half_precision_dtypes
- mixed dtypes give the promoted dtype -> test_box_iou_of_mixed_dtypes_has_the_promoted_dtype
- device kept: CPU only here (assert_close compares devices)
- N or M may be 0 -> test_box_iou_handles_empty_sets
- inputs not modified -> test_box_iou_leaves_inputs_unchanged
- TypeError for a non-floating or non-tensor argument, naming it -> test_box_iou_rejects_integer_boxes,
  test_box_iou_rejects_arguments_that_are_not_float_tensors
- ValueError for a shape other than [K, 4] or an inverted box, naming it -> test_box_iou_rejects_wrong_shapes,
  test_box_iou_rejects_inverted_boxes
- the checks apply to empty inputs too -> test_box_iou_checks_its_arguments_even_when_a_set_is_empty
- no Python loop over boxes (4,000 x 4,000) -> test_box_iou_handles_4000_by_4000_pairs_without_a_python_loop,
  test_box_iou_does_not_loop_over_rows_or_columns
"""

from __future__ import annotations

import pytest
import torch

from graders.helpers import (
    assert_close,
    assert_equal,
    assert_raises,
    assert_unchanged,
    call_repr,
    python_line_budget,
)

# (box_a, box_b, expected IoU, what the case shows)
HAND_WORKED = [
    ((0, 0, 2, 2), (1, 1, 3, 3), 1 / 7, "overlap of one unit square"),
    ((0, 0, 2, 2), (0, 0, 2, 2), 1.0, "identical boxes"),
    ((0, 0, 4, 4), (1, 1, 2, 2), 1 / 16, "one box inside the other"),
    ((0, 0, 1, 1), (2, 2, 3, 3), 0.0, "apart on both axes"),
    ((0, 0, 1, 1), (1, 0, 2, 1), 0.0, "touching along an edge"),
    ((0, 0, 2, 1), (1, -5, 3, 5), 1 / 21, "crossing"),
    ((0.5, 0.25, 1.5, 0.75), (1.0, 0.0, 2.0, 1.0), 0.25 / 1.25, "fractional coordinates"),
]


def naive_iou(a, b) -> float:
    """Reference: one pair, Python floats, widths x2 - x1, union 0 -> 0."""
    iw = min(a[2], b[2]) - max(a[0], b[0])
    ih = min(a[3], b[3]) - max(a[1], b[1])
    inter = max(iw, 0.0) * max(ih, 0.0)
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def naive_box_iou(boxes1: torch.Tensor, boxes2: torch.Tensor) -> torch.Tensor:
    rows = [[naive_iou(a, b) for b in boxes2.tolist()] for a in boxes1.tolist()]
    return torch.tensor(rows, dtype=torch.float64).reshape(len(boxes1), len(boxes2))


def random_boxes(n: int, seed: int, dtype=torch.float32, scale: float = 20.0) -> torch.Tensor:
    """Boxes of varied sizes scattered so that some pairs overlap and some do not; a few are degenerate."""
    g = torch.Generator().manual_seed(seed)
    xy = torch.rand(n, 2, generator=g, dtype=torch.float64) * scale
    wh = torch.rand(n, 2, generator=g, dtype=torch.float64) * scale / 2
    wh[torch.rand(n, generator=g) < 0.1, 0] = 0.0  # some zero-width boxes
    return torch.cat([xy, xy + wh], dim=1).to(dtype)


# ------------------------------------------------------------------------------------------- iou


@pytest.mark.parametrize("box_a, box_b, expected, case", HAND_WORKED, ids=[c[3] for c in HAND_WORKED])
def test_iou_of_hand_worked_pairs(learner, box_a, box_b, expected, case):
    got = learner.iou(box_a, box_b)
    assert_close(got, expected, call=f"iou({box_a}, {box_b})  [{case}]")


def test_iou_measures_width_as_x2_minus_x1(learner):
    # With "+ 1" widths (pixel-index convention) this would be 4/9 instead of 1/4.
    got = learner.iou((0, 0, 1, 1), (0, 0, 2, 2))
    assert_close(got, 0.25, call="iou((0, 0, 1, 1), (0, 0, 2, 2))")


def test_iou_is_zero_when_boxes_are_apart_on_both_axes(learner):
    # Unclamped sides (-1) * (-1) would give a positive "intersection".
    got = learner.iou((0, 0, 1, 1), (2, 2, 4, 4))
    assert_close(got, 0.0, call="iou((0, 0, 1, 1), (2, 2, 4, 4))")


def test_iou_of_two_empty_boxes_is_zero_not_nan(learner):
    got = learner.iou((1, 1, 1, 1), (1, 1, 1, 1))
    assert_close(got, 0.0, call="iou((1, 1, 1, 1), (1, 1, 1, 1))")


def test_iou_is_symmetric_on_random_pairs(learner):
    boxes = random_boxes(30, seed=11, dtype=torch.float64).tolist()
    for a, b in zip(boxes[:15], boxes[15:], strict=True):
        ab, ba = learner.iou(a, b), learner.iou(b, a)
        assert_close(ab, naive_iou(a, b), call=f"iou({a}, {b})", seed=11)
        assert_close(ba, ab, call=f"iou({b}, {a}) against iou({a}, {b})", seed=11)


def test_iou_returns_a_python_float(learner):
    got = learner.iou((0, 0, 2, 2), (1, 1, 3, 3))
    assert isinstance(got, float), f"iou((0, 0, 2, 2), (1, 1, 3, 3)) returned {type(got).__name__}, expected float"


@pytest.mark.parametrize(
    "box_a, box_b, match",
    [
        ((2, 0, 1, 1), (0, 0, 1, 1), r"\bbox_a\b"),
        ((0, 0, 1, 1), (0, 3, 1, 1), r"\bbox_b\b"),
        ((0, 0, 1), (0, 0, 1, 1), r"\bbox_a\b"),
    ],
    ids=["x2 below x1", "y2 below y1", "three numbers"],
)
def test_iou_rejects_invalid_boxes(learner, box_a, box_b, match):
    assert_raises(ValueError, learner.iou, box_a, box_b, match=match, call=f"iou({box_a}, {box_b})")


def test_iou_returns_a_float_even_when_the_union_is_zero(learner):
    for a, b in [((1, 1, 1, 1), (1, 1, 1, 1)), ((0, 0, 0, 3), (5, 5, 5, 5)), ((0, 0, 1, 1), (2, 2, 3, 3))]:
        got = learner.iou(a, b)
        if type(got) is not float:
            raise AssertionError(
                f"iou({a}, {b})\n  returned {got!r} ({type(got).__name__}), expected the Python float 0.0 "
                "(the docstring promises a float, also for int coordinates and a zero union)"
            )


@pytest.mark.parametrize(
    "box_a, box_b, match",
    [(None, (0, 0, 1, 1), r"\bbox_a\b"), ((0, 0, 1, 1), 3.5, r"\bbox_b\b")],
    ids=["None", "a number"],
)
def test_iou_rejects_a_box_that_is_not_a_sequence(learner, box_a, box_b, match):
    assert_raises(TypeError, learner.iou, box_a, box_b, match=match, call=f"iou({box_a!r}, {box_b!r})")


# ------------------------------------------------------------------------------------------- box_iou


@pytest.mark.points(2)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])
def test_box_iou_matches_pairwise_reference(learner, dtype):
    seed = 3
    boxes1, boxes2 = random_boxes(7, seed, dtype), random_boxes(5, seed + 1, dtype)
    got = learner.box_iou(boxes1, boxes2)
    expected = naive_box_iou(boxes1, boxes2).to(dtype)
    assert_close(got, expected, call=call_repr("box_iou", boxes1, boxes2), seed=seed)


def test_box_iou_transposes_when_arguments_swap(learner):
    seed = 5
    boxes1, boxes2 = random_boxes(6, seed), random_boxes(9, seed + 1)
    ab = learner.box_iou(boxes1, boxes2)
    ba = learner.box_iou(boxes2, boxes1)
    assert_close(ba, ab.T.contiguous(), call="box_iou(b, a) against box_iou(a, b).T", seed=seed)


def test_box_iou_is_unchanged_by_shifting_and_scaling_both_sets(learner):
    seed = 8
    boxes1, boxes2 = random_boxes(5, seed, torch.float64), random_boxes(4, seed + 1, torch.float64)
    base = learner.box_iou(boxes1, boxes2)
    shift = torch.tensor([3.5, -2.0, 3.5, -2.0], dtype=torch.float64)
    moved = learner.box_iou(boxes1 * 4 + shift, boxes2 * 4 + shift)
    assert_close(moved, base, call="box_iou(4 a + shift, 4 b + shift) against box_iou(a, b)", seed=seed)


def test_box_iou_gives_zero_for_empty_boxes_not_nan(learner):
    points = torch.tensor([[1.0, 1.0, 1.0, 1.0], [2.0, 2.0, 2.0, 5.0]])
    box = torch.tensor([[0.0, 0.0, 3.0, 3.0]])
    got = learner.box_iou(points, points)
    assert_close(got, torch.zeros(2, 2), call=call_repr("box_iou", points, points) + " (zero-area boxes)")
    got = learner.box_iou(points, box)
    assert_close(got, torch.zeros(2, 1), call=call_repr("box_iou", points, box) + " (zero-area against a box)")


def test_box_iou_accepts_non_contiguous_inputs(learner):
    seed = 13
    boxes1 = random_boxes(6, seed, torch.float64).T.contiguous().T  # column-major: same values, other strides
    boxes2 = random_boxes(8, seed + 1, torch.float64)[::2]
    assert not boxes1.is_contiguous() and not boxes2.is_contiguous()
    got = learner.box_iou(boxes1, boxes2)
    assert_close(got, naive_box_iou(boxes1, boxes2), call=call_repr("box_iou", boxes1, boxes2) + " (strided)")


@pytest.mark.parametrize("n, m", [(0, 3), (3, 0), (0, 0)])
def test_box_iou_handles_empty_sets(learner, n, m):
    boxes1, boxes2 = random_boxes(n, 1), random_boxes(m, 2)
    got = learner.box_iou(boxes1, boxes2)
    assert_close(got, torch.zeros(n, m), call=call_repr("box_iou", boxes1, boxes2))


def test_box_iou_leaves_inputs_unchanged(learner):
    boxes1, boxes2 = random_boxes(5, 21), random_boxes(6, 22)
    before1, before2 = boxes1.clone(), boxes2.clone()
    call = call_repr("box_iou", boxes1, boxes2)
    learner.box_iou(boxes1, boxes2)
    assert_unchanged(before1, boxes1, name="boxes1", call=call)
    assert_unchanged(before2, boxes2, name="boxes2", call=call)


@pytest.mark.parametrize(
    "shape1, shape2, match",
    [((3, 5), (2, 4), r"\bboxes1\b"), ((3, 4), (4,), r"\bboxes2\b"), ((2, 3, 4), (2, 4), r"\bboxes1\b")],
    ids=["five columns", "one-dimensional", "three-dimensional"],
)
def test_box_iou_rejects_wrong_shapes(learner, shape1, shape2, match):
    boxes1, boxes2 = torch.zeros(shape1), torch.zeros(shape2)
    assert_raises(ValueError, learner.box_iou, boxes1, boxes2, match=match)


def test_box_iou_rejects_inverted_boxes(learner):
    good = torch.tensor([[0.0, 0.0, 1.0, 1.0]])
    bad = torch.tensor([[0.0, 0.0, 1.0, 1.0], [3.0, 0.0, 1.0, 1.0]])
    assert_raises(ValueError, learner.box_iou, good, bad, match=r"\bboxes2\b")


def test_box_iou_rejects_integer_boxes(learner):
    ints = torch.tensor([[0, 0, 1, 1]])
    assert_raises(TypeError, learner.box_iou, ints, ints.float(), match=r"\bboxes1\b")


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16], ids=["float16", "bfloat16"])
def test_box_iou_keeps_half_precision_dtypes(learner, dtype):
    # Integer corners in 0..8: every corner, side, area and union is exact in float16 and bfloat16, so
    # the only rounding is the final division (2 units in the last place allowed: 2**-10, 2**-7).
    seed = 16
    g = torch.Generator().manual_seed(seed)
    xy = torch.randint(0, 5, (9, 2), generator=g)
    wh = torch.randint(0, 5, (9, 2), generator=g)
    boxes = torch.cat([xy, xy + wh], dim=1).to(torch.float64)
    boxes1, boxes2 = boxes[:4].to(dtype), boxes[4:].to(dtype)
    got = learner.box_iou(boxes1, boxes2)
    expected = naive_box_iou(boxes[:4], boxes[4:]).to(dtype)
    rtol = 2**-10 if dtype == torch.float16 else 2**-7
    assert_close(got, expected, call=call_repr("box_iou", boxes1, boxes2), seed=seed, rtol=rtol, atol=1e-3)


def test_box_iou_of_mixed_dtypes_has_the_promoted_dtype(learner):
    seed = 17
    b32, b64 = random_boxes(4, seed, torch.float32), random_boxes(3, seed + 1, torch.float64)
    for boxes1, boxes2 in ((b32, b64), (b64, b32)):
        got = learner.box_iou(boxes1, boxes2)
        expected = naive_box_iou(boxes1.double(), boxes2.double())
        call = call_repr("box_iou", boxes1, boxes2) + "  (float32 with float64 gives float64, as torch promotes)"
        assert_close(got, expected, call=call, seed=seed, rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize(
    "boxes1, boxes2, match",
    [
        ([[0.0, 0.0, 1.0, 1.0]], torch.ones(2, 4), r"\bboxes1\b"),
        (torch.ones(2, 4), ((0.0, 0.0, 1.0, 1.0),), r"\bboxes2\b"),
        (torch.ones(2, 4), torch.ones(3, 4, dtype=torch.int64), r"\bboxes2\b"),
    ],
    ids=["boxes1 a list", "boxes2 a tuple", "boxes2 int64"],
)
def test_box_iou_rejects_arguments_that_are_not_float_tensors(learner, boxes1, boxes2, match):
    assert_raises(TypeError, learner.box_iou, boxes1, boxes2, match=match)


@pytest.mark.parametrize(
    "boxes1, boxes2, error, match",
    [
        (torch.zeros(0, 3), torch.ones(2, 4), ValueError, r"\bboxes1\b"),
        (torch.ones(2, 4), torch.zeros(0), ValueError, r"\bboxes2\b"),
        (torch.zeros(0, 4, dtype=torch.int64), torch.ones(2, 4), TypeError, r"\bboxes1\b"),
        (torch.ones(2, 4), torch.zeros(0, 4, dtype=torch.int32), TypeError, r"\bboxes2\b"),
    ],
    ids=["boxes1 [0, 3]", "boxes2 [0]", "boxes1 empty int64", "boxes2 empty int32"],
)
def test_box_iou_checks_its_arguments_even_when_a_set_is_empty(learner, boxes1, boxes2, error, match):
    assert_raises(error, learner.box_iou, boxes1, boxes2, match=match)


@pytest.mark.points(2)
@pytest.mark.timeout(10)
def test_box_iou_handles_4000_by_4000_pairs_without_a_python_loop(learner):
    # Vectorised: about 0.3 s here. A loop over pairs (16 million) runs for minutes: the line budget
    # stops it after 1,000 lines of the learner's Python, on any machine; the timeout is the backstop.
    seed = 4000
    boxes1, boxes2 = random_boxes(4000, seed, scale=500.0), random_boxes(4000, seed + 1, scale=500.0)
    with python_line_budget(learner, 1_000, what="box_iou of 4,000 x 4,000 boxes"):
        got = learner.box_iou(boxes1, boxes2)
    assert_equal(tuple(got.shape), (4000, 4000), call=call_repr("box_iou", boxes1, boxes2), what="shape")
    rows = torch.tensor([0, 17, 1999, 3999])
    expected = naive_box_iou(boxes1[rows], boxes2).float()
    assert_close(got[rows], expected, call=call_repr("box_iou", boxes1, boxes2) + " rows 0, 17, 1999, 3999", seed=seed)


@pytest.mark.timeout(5)
@pytest.mark.parametrize("n, m", [(500_000, 2), (2, 500_000)], ids=["many rows", "many columns"])
def test_box_iou_does_not_loop_over_rows_or_columns(learner, n, m):
    # 500,000 iterations of even a vectorised row take seconds; broadcasting takes milliseconds. How many
    # seconds depends on the machine (a fast one ran a loop over 1,000,000 pairs inside 5 s), so the
    # verdict comes from counting the learner's lines, not from the clock.
    boxes1, boxes2 = random_boxes(n, 7, scale=100.0), random_boxes(m, 8, scale=100.0)
    with python_line_budget(learner, 1_000, what=f"box_iou of {n:,} x {m:,} boxes"):
        got = learner.box_iou(boxes1, boxes2)
    idx = torch.tensor([0, 1, 299_999]) if n > m else torch.tensor([0, 1])
    sub1 = boxes1[idx] if n > m else boxes1
    sub2 = boxes2 if n > m else boxes2[torch.tensor([0, 1, 299_999])]
    expected = naive_box_iou(sub1, sub2).float()
    picked = got[idx] if n > m else got[:, torch.tensor([0, 1, 299_999])]
    assert_close(picked, expected, call=call_repr("box_iou", boxes1, boxes2) + " (spot checks)", seed=7)
