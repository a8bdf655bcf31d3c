"""Grader for fcos_targets: FCOS's anchor-free target assignment (labels, ltrb distances, centerness).

Expected values come from hand-worked points and boxes and from a reference written here with plain
loops over points and boxes (strictly inside, size range inclusive, smallest area wins, lowest index
among equal areas).

Promises and the tests that hold them:
- labels, ltrb and centerness as the loop reference, float32 and float64 -> test_matches_loop_reference_on_random_scenes
- size range applied, as the reference -> test_matches_loop_reference_with_a_size_range
- strided inputs -> test_odd_sized_non_contiguous_inputs
- smallest area wins -> test_point_inside_two_boxes_takes_the_smaller_area
- lowest index among equal areas, by hand and with 40 tied boxes (an unstable sort loses the order)
  -> test_equal_areas_go_to_the_lower_index, test_ties_between_many_equal_area_boxes_go_to_the_lowest_index
- strictly inside (the border is outside) -> test_point_on_the_border_is_not_inside
- size range bounds inclusive -> test_size_range_bounds_are_inclusive
- size range before the choice of box -> test_size_range_is_checked_before_choosing_the_smallest_box
- ltrb = (x - x1, y - y1, x2 - x, y2 - y) -> test_ltrb_is_point_minus_top_left_then_bottom_right_minus_point
- centerness formula -> test_centerness_of_hand_worked_points
- background label, zero ltrb and centerness -> test_background_gets_its_label_and_zeros
- a box without area contains no point -> test_a_box_without_area_contains_no_point
- no boxes: all background; no points: empty results
  -> test_no_boxes_gives_all_background, test_no_points_gives_empty_results
- labels in gt_labels' dtype, the rest in points' dtype -> test_keeps_dtypes
- gt_boxes of another floating dtype converted to points' dtype -> test_boxes_are_converted_to_the_points_dtype
- inputs not modified -> test_leaves_inputs_unchanged
- TypeError/ValueError naming the argument (bools refused) -> test_rejects_bad_arguments
- the checks come first, also without points or boxes -> test_checks_arguments_even_without_boxes_or_points
Not tested: the device (no second device on the grading machines).
"""

from __future__ import annotations

import math

import pytest
import torch

from graders.helpers import assert_close, assert_equal, assert_raises, assert_unchanged, call_repr

INF = math.inf


# ------------------------------------------------------------------------------------- reference


def naive_targets(points, boxes, labels, size_range=(0.0, INF), background=-1):
    """One point at a time, one box at a time, Python floats."""
    lo, hi = size_range
    out_labels, out_ltrb, out_c = [], [], []
    box_list, label_list = boxes.tolist(), labels.tolist()
    for x, y in points.tolist():
        best = None  # (area, index, ltrb)
        for g, (x1, y1, x2, y2) in enumerate(box_list):
            ltrb = (x - x1, y - y1, x2 - x, y2 - y)
            if min(ltrb) <= 0 or not lo <= max(ltrb) <= hi:
                continue
            area = (x2 - x1) * (y2 - y1)
            if best is None or area < best[0]:
                best = (area, g, ltrb)
        if best is None:
            out_labels.append(background)
            out_ltrb.append((0.0, 0.0, 0.0, 0.0))
            out_c.append(0.0)
        else:
            l, t, r, b = best[2]
            out_labels.append(label_list[best[1]])
            out_ltrb.append(best[2])
            out_c.append(math.sqrt(min(l, r) / max(l, r) * min(t, b) / max(t, b)))
    return (
        torch.tensor(out_labels, dtype=labels.dtype),
        torch.tensor(out_ltrb, dtype=torch.float64).reshape(-1, 4),
        torch.tensor(out_c, dtype=torch.float64),
    )


def fpn_points(stride: int, height: int, width: int) -> torch.Tensor:
    """Centres of the cells of a feature map with this stride, as FCOS places them: (j + 0.5) * stride."""
    ys = (torch.arange(height // stride, dtype=torch.float64) + 0.5) * stride
    xs = (torch.arange(width // stride, dtype=torch.float64) + 0.5) * stride
    gy, gx = torch.meshgrid(ys, xs, indexing="ij")
    return torch.stack([gx.reshape(-1), gy.reshape(-1)], dim=1)


def random_scene(seed: int, num_boxes: int = 9, size: int = 96):
    """Boxes of many sizes, some nested and overlapping, with edges on the point grid now and then."""
    g = torch.Generator().manual_seed(seed)
    xy = torch.rand(num_boxes, 2, generator=g, dtype=torch.float64) * size * 0.8
    wh = torch.rand(num_boxes, 2, generator=g, dtype=torch.float64) * size * 0.6 + 4
    boxes = torch.cat([xy, xy + wh], dim=1)
    boxes[::3] = torch.round(boxes[::3] / 4) * 4  # edges through grid points (x = 4 (mod 8) ...)
    labels = torch.randint(0, 20, (num_boxes,), generator=g)
    return boxes, labels


def check(learner, points, boxes, labels, *args, seed=None, note=""):
    """Call the learner and compare all three outputs with the loop reference."""
    dtype = points.dtype
    got = learner.fcos_targets(points, boxes, labels, *args)
    call = call_repr("fcos_targets", points, boxes, labels, *args) + note
    exp_labels, exp_ltrb, exp_c = naive_targets(points, boxes, labels, *args)
    if not isinstance(got, tuple) or len(got) != 3:
        raise AssertionError(f"{call}\n  returned {type(got).__name__}, expected (labels, ltrb, centerness)")
    assert_equal(got[0], exp_labels, call=call, seed=seed, what="labels")
    assert_close(got[1], exp_ltrb.to(dtype), call=call, seed=seed, what="ltrb")
    assert_close(got[2], exp_c.to(dtype), call=call, seed=seed, what="centerness")
    return got


# ------------------------------------------------------------------------------------- reference checks


@pytest.mark.points(2)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_matches_loop_reference_on_random_scenes(learner, seed, dtype):
    boxes, labels = random_scene(seed)
    points = torch.cat([fpn_points(8, 96, 96), fpn_points(16, 96, 96)]).to(dtype)
    check(learner, points, boxes.to(dtype), labels, seed=seed)


@pytest.mark.points(2)
@pytest.mark.parametrize("size_range", [(0.0, 16.0), (16.0, 32.0), (32.0, INF)], ids=["small", "middle", "large"])
def test_matches_loop_reference_with_a_size_range(learner, size_range):
    seed = 4
    boxes, labels = random_scene(seed, num_boxes=12)
    points = fpn_points(4, 96, 96)
    check(learner, points, boxes, labels, size_range, seed=seed)


def test_odd_sized_non_contiguous_inputs(learner):
    seed = 5
    boxes, labels = random_scene(seed, num_boxes=7)
    points = fpn_points(8, 88, 72).T.contiguous().T  # column-major
    boxes = torch.cat([boxes, boxes]).T.contiguous().T[::2]
    labels = torch.cat([labels, labels])[::2]
    assert not points.is_contiguous() and not boxes.is_contiguous() and not labels.is_contiguous()
    check(learner, points, boxes, labels, seed=seed, note=" (strided)")


# ------------------------------------------------------------------------------------- hand-worked


@pytest.mark.points(2)
def test_point_inside_two_boxes_takes_the_smaller_area(learner):
    # (5, 5) is inside the big box (area 100) and the small one (area 16): the small one is more specific.
    points = torch.tensor([[5.0, 5.0], [9.0, 1.0]])
    boxes = torch.tensor([[0.0, 0.0, 10.0, 10.0], [3.0, 3.0, 7.0, 7.0]])
    labels = torch.tensor([1, 2])
    got_labels, got_ltrb, _ = learner.fcos_targets(points, boxes, labels)
    call = call_repr("fcos_targets", points, boxes, labels)
    assert_equal(got_labels, torch.tensor([2, 1]), call=call, what="labels")
    assert_close(got_ltrb, torch.tensor([[2.0, 2.0, 2.0, 2.0], [9.0, 1.0, 1.0, 9.0]]), call=call, what="ltrb")


def test_equal_areas_go_to_the_lower_index(learner):
    points = torch.tensor([[5.0, 5.0]])
    boxes = torch.tensor([[0.0, 0.0, 10.0, 10.0], [2.0, 2.0, 8.0, 8.0], [4.0, 1.0, 10.0, 7.0], [1.0, 3.0, 7.0, 9.0]])
    labels = torch.tensor([0, 1, 2, 3])
    got_labels, _, _ = learner.fcos_targets(points, boxes, labels)
    call = call_repr("fcos_targets", points, boxes, labels) + " (boxes 1, 2, 3 all of area 36)"
    assert_equal(got_labels, torch.tensor([1]), call=call, what="labels")


@pytest.mark.points(2)
def test_ties_between_many_equal_area_boxes_go_to_the_lowest_index(learner):
    # 40 boxes of area 16 or 36 (20 of each, shuffled) piled on a 14 x 14 patch: most points are inside many
    # boxes of the same smallest area. Past 16 equal keys NumPy's default sort is not stable, so sorting the
    # areas and taking the first candidate does not give the lowest index.
    seed = 8
    g = torch.Generator().manual_seed(seed)
    sides = torch.tensor([4.0] * 20 + [6.0] * 20, dtype=torch.float64)[torch.randperm(40, generator=g)]
    corners = torch.randint(0, 9, (40, 2), generator=g).to(torch.float64)
    boxes = torch.cat([corners, corners + sides[:, None]], dim=1)
    labels = torch.arange(40)
    coords = torch.arange(0.25, 14.0, 0.5, dtype=torch.float64)
    gy, gx = torch.meshgrid(coords, coords, indexing="ij")
    points = torch.stack([gx.reshape(-1), gy.reshape(-1)], dim=1)
    check(learner, points, boxes, labels, seed=seed, note=" (40 boxes of areas 16 and 36, many tied)")


@pytest.mark.points(2)
def test_point_on_the_border_is_not_inside(learner):
    # Box (0, 0, 8, 4): points on each edge and corner have a zero distance and are background.
    points = torch.tensor([[0.0, 2.0], [8.0, 2.0], [4.0, 0.0], [4.0, 4.0], [0.0, 0.0], [8.0, 4.0], [4.0, 2.0]])
    boxes = torch.tensor([[0.0, 0.0, 8.0, 4.0]])
    labels = torch.tensor([5])
    got_labels, got_ltrb, got_c = learner.fcos_targets(points, boxes, labels)
    call = call_repr("fcos_targets", points, boxes, labels) + " (6 points on the border, 1 inside)"
    assert_equal(got_labels, torch.tensor([-1, -1, -1, -1, -1, -1, 5]), call=call, what="labels")
    expected_ltrb = torch.zeros(7, 4)
    expected_ltrb[6] = torch.tensor([4.0, 2.0, 4.0, 2.0])
    assert_close(got_ltrb, expected_ltrb, call=call, what="ltrb")
    assert_close(got_c, torch.tensor([0.0] * 6 + [1.0]), call=call, what="centerness")


@pytest.mark.points(2)
def test_size_range_bounds_are_inclusive(learner):
    # Box (0, 0, 64, 64). max(l, t, r, b) is 32 at the centre, 48 at (16, 32), 33 at (31, 32), 47 at (17, 32).
    points = torch.tensor([[32.0, 32.0], [16.0, 32.0], [31.0, 32.0], [17.0, 32.0]], dtype=torch.float64)
    boxes = torch.tensor([[0.0, 0.0, 64.0, 64.0]], dtype=torch.float64)
    labels = torch.tensor([9])
    call = call_repr("fcos_targets", points, boxes, labels, (32.0, 48.0))
    got_labels, _, _ = learner.fcos_targets(points, boxes, labels, (32.0, 48.0))
    note = " (max(ltrb) = 32, 48, 33, 47: all within [32, 48], bounds included)"
    assert_equal(got_labels, torch.tensor([9, 9, 9, 9]), call=call + note, what="labels")
    call = call_repr("fcos_targets", points, boxes, labels, (33.0, 47.0))
    got_labels, _, _ = learner.fcos_targets(points, boxes, labels, (33.0, 47.0))
    note = " (max(ltrb) = 32, 48, 33, 47 against [33, 47])"
    assert_equal(got_labels, torch.tensor([-1, -1, 9, 9]), call=call + note, what="labels")


@pytest.mark.points(2)
def test_size_range_is_checked_before_choosing_the_smallest_box(learner):
    # (10, 10) is inside a small box (max ltrb 2) and a big one (max ltrb 30). With size_range (8, 64) only
    # the big box is meant for this level, so the point learns the big box, not background.
    points = torch.tensor([[10.0, 10.0]])
    boxes = torch.tensor([[8.0, 8.0, 12.0, 12.0], [0.0, 0.0, 40.0, 40.0]])
    labels = torch.tensor([1, 2])
    got_labels, got_ltrb, _ = learner.fcos_targets(points, boxes, labels, (8.0, 64.0))
    call = call_repr("fcos_targets", points, boxes, labels, (8.0, 64.0))
    assert_equal(got_labels, torch.tensor([2]), call=call, what="labels")
    assert_close(got_ltrb, torch.tensor([[10.0, 10.0, 30.0, 30.0]]), call=call, what="ltrb")


def test_ltrb_is_point_minus_top_left_then_bottom_right_minus_point(learner):
    points = torch.tensor([[3.0, 2.0]], dtype=torch.float64)
    boxes = torch.tensor([[1.0, 1.5, 11.0, 5.5]], dtype=torch.float64)
    labels = torch.tensor([4])
    _, got_ltrb, _ = learner.fcos_targets(points, boxes, labels)
    call = call_repr("fcos_targets", points, boxes, labels)
    assert_close(got_ltrb, torch.tensor([[2.0, 0.5, 8.0, 3.5]], dtype=torch.float64), call=call, what="ltrb")


@pytest.mark.points(2)
def test_centerness_of_hand_worked_points(learner):
    # Box (0, 0, 8, 4).  (2, 1): l=2 t=1 r=6 b=3 -> sqrt(2/6 * 1/3) = 1/3.
    #                    (4, 2): the centre -> 1.   (1, 2): l=1 r=7, t=b=2 -> sqrt(1/7).
    #                    (6, 3.5): l=6 r=2, t=3.5 b=0.5 -> sqrt(2/6 * 0.5/3.5) = sqrt(1/21).
    points = torch.tensor([[2.0, 1.0], [4.0, 2.0], [1.0, 2.0], [6.0, 3.5]], dtype=torch.float64)
    boxes = torch.tensor([[0.0, 0.0, 8.0, 4.0]], dtype=torch.float64)
    labels = torch.tensor([0])
    _, _, got_c = learner.fcos_targets(points, boxes, labels)
    expected = torch.tensor([1 / 3, 1.0, math.sqrt(1 / 7), math.sqrt(1 / 21)], dtype=torch.float64)
    assert_close(got_c, expected, call=call_repr("fcos_targets", points, boxes, labels), what="centerness")


@pytest.mark.parametrize("background", [-1, 80], ids=["default", "80"])
def test_background_gets_its_label_and_zeros(learner, background):
    points = torch.tensor([[50.0, 50.0], [5.0, 5.0], [-3.0, 4.0]])
    boxes = torch.tensor([[0.0, 0.0, 10.0, 10.0]])
    labels = torch.tensor([0])
    args = () if background == -1 else ((0.0, INF), background)
    got_labels, got_ltrb, got_c = learner.fcos_targets(points, boxes, labels, *args)
    call = call_repr("fcos_targets", points, boxes, labels, *args)
    assert_equal(got_labels, torch.tensor([background, 0, background]), call=call, what="labels")
    assert_close(got_ltrb, torch.tensor([[0.0] * 4, [5.0] * 4, [0.0] * 4]), call=call, what="ltrb")
    assert_close(got_c, torch.tensor([0.0, 1.0, 0.0]), call=call, what="centerness")


def test_a_box_without_area_contains_no_point(learner):
    points = torch.tensor([[2.0, 2.0], [2.0, 3.0]])
    boxes = torch.tensor([[2.0, 0.0, 2.0, 5.0], [0.0, 2.5, 6.0, 2.5]])
    labels = torch.tensor([1, 2])
    got_labels, _, got_c = learner.fcos_targets(points, boxes, labels)
    call = call_repr("fcos_targets", points, boxes, labels) + " (two boxes of zero width or height)"
    assert_equal(got_labels, torch.tensor([-1, -1]), call=call, what="labels")
    assert_close(got_c, torch.zeros(2), call=call, what="centerness")


# ------------------------------------------------------------------------------------- shapes and edges


def test_no_boxes_gives_all_background(learner):
    points = fpn_points(16, 48, 32).float()
    boxes, labels = torch.zeros(0, 4), torch.zeros(0, dtype=torch.int64)
    got_labels, got_ltrb, got_c = learner.fcos_targets(points, boxes, labels, (0.0, INF), 7)
    call = call_repr("fcos_targets", points, boxes, labels, (0.0, INF), 7)
    assert_equal(got_labels, torch.full((6,), 7, dtype=torch.int64), call=call, what="labels")
    assert_close(got_ltrb, torch.zeros(6, 4), call=call, what="ltrb")
    assert_close(got_c, torch.zeros(6), call=call, what="centerness")


def test_no_points_gives_empty_results(learner):
    points, boxes, labels = torch.zeros(0, 2), torch.tensor([[0.0, 0.0, 4.0, 4.0]]), torch.tensor([1])
    got_labels, got_ltrb, got_c = learner.fcos_targets(points, boxes, labels)
    call = call_repr("fcos_targets", points, boxes, labels)
    assert_equal(got_labels, torch.zeros(0, dtype=torch.int64), call=call, what="labels")
    assert_close(got_ltrb, torch.zeros(0, 4), call=call, what="ltrb")
    assert_close(got_c, torch.zeros(0), call=call, what="centerness")


@pytest.mark.parametrize("label_dtype", [torch.int64, torch.int32], ids=["int64 labels", "int32 labels"])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])
def test_keeps_dtypes(learner, dtype, label_dtype):
    boxes, labels = random_scene(6, num_boxes=4)
    points = fpn_points(16, 64, 64).to(dtype)
    labels = labels.to(label_dtype)
    got = learner.fcos_targets(points, boxes.to(dtype), labels)
    call = call_repr("fcos_targets", points, boxes.to(dtype), labels)
    assert_equal(got[0].dtype, label_dtype, call=call, what="labels dtype")
    assert_equal(got[1].dtype, dtype, call=call, what="ltrb dtype")
    assert_equal(got[2].dtype, dtype, call=call, what="centerness dtype")


@pytest.mark.parametrize(
    "dtype, box_dtype", [(torch.float32, torch.float64), (torch.float64, torch.float32)], ids=["32-64", "64-32"]
)
def test_boxes_are_converted_to_the_points_dtype(learner, dtype, box_dtype):
    # float32 points with float64 boxes: float32 results, not the float64 that type promotion would give.
    seed = 9
    boxes, labels = random_scene(seed, num_boxes=6)
    points = fpn_points(8, 64, 64).to(dtype)
    boxes = boxes.to(dtype).to(box_dtype)  # values exact in both dtypes
    got = learner.fcos_targets(points, boxes, labels)
    call = call_repr("fcos_targets", points, boxes, labels)
    exp_labels, exp_ltrb, exp_c = naive_targets(points, boxes, labels)
    if not isinstance(got, tuple) or len(got) != 3:
        raise AssertionError(f"{call}\n  returned {type(got).__name__}, expected (labels, ltrb, centerness)")
    assert_equal(got[0], exp_labels, call=call, seed=seed, what="labels")
    assert_close(got[1], exp_ltrb.to(dtype), call=call, seed=seed, what="ltrb (in points' dtype)")
    assert_close(got[2], exp_c.to(dtype), call=call, seed=seed, what="centerness (in points' dtype)")


def test_leaves_inputs_unchanged(learner):
    boxes, labels = random_scene(7, num_boxes=5)
    points = fpn_points(8, 64, 64)
    before = [points.clone(), boxes.clone(), labels.clone()]
    call = call_repr("fcos_targets", points, boxes, labels)
    learner.fcos_targets(points, boxes, labels)
    for b, a, name in zip(before, (points, boxes, labels), ("points", "gt_boxes", "gt_labels"), strict=True):
        assert_unchanged(b, a, name=name, call=call)


@pytest.mark.parametrize(
    "points, boxes, labels, extra, error, match",
    [
        (torch.zeros(3, 3), torch.zeros(1, 4), torch.zeros(1, dtype=torch.int64), (), ValueError, "points"),
        (torch.zeros(3, 2), torch.zeros(4), torch.zeros(1, dtype=torch.int64), (), ValueError, "gt_boxes"),
        (torch.zeros(3, 2), torch.zeros(2, 4), torch.zeros(3, dtype=torch.int64), (), ValueError, "gt_labels"),
        (torch.zeros(3, 2), torch.zeros(1, 4), torch.zeros(1), (), TypeError, "gt_labels"),
        (
            torch.zeros(3, 2, dtype=torch.int64),
            torch.zeros(1, 4),
            torch.zeros(1, dtype=torch.int64),
            (),
            TypeError,
            "points",
        ),
        (
            torch.zeros(3, 2),
            torch.tensor([[4.0, 0.0, 2.0, 2.0]]),
            torch.zeros(1, dtype=torch.int64),
            (),
            ValueError,
            "gt_boxes",
        ),
        (
            torch.zeros(3, 2),
            torch.zeros(1, 4),
            torch.zeros(1, dtype=torch.int64),
            ((64.0, 32.0),),
            ValueError,
            "size_range",
        ),
        (
            torch.zeros(3, 2),
            torch.zeros(1, 4, dtype=torch.int64),
            torch.zeros(1, dtype=torch.int64),
            (),
            TypeError,
            "gt_boxes",
        ),
        ([[1.0, 2.0]], torch.zeros(1, 4), torch.zeros(1, dtype=torch.int64), (), TypeError, "points"),
        (torch.zeros(3, 2), torch.zeros(1, 4), torch.zeros(1, dtype=torch.bool), (), TypeError, "gt_labels"),
        (
            torch.zeros(3, 2),
            torch.tensor([[0.0, 4.0, 2.0, 2.0]]),
            torch.zeros(1, dtype=torch.int64),
            (),
            ValueError,
            "gt_boxes",
        ),
        (torch.zeros(3, 2), torch.zeros(1, 4), torch.zeros(1, dtype=torch.int64), ((0.0,),), ValueError, "size_range"),
        (torch.zeros(3, 2), torch.zeros(1, 4), torch.zeros(1, dtype=torch.int64), (5.0,), ValueError, "size_range"),
        (
            torch.zeros(3, 2),
            torch.zeros(1, 4),
            torch.zeros(1, dtype=torch.int64),
            ((0.0, INF), True),
            TypeError,
            "background",
        ),
        (
            torch.zeros(3, 2),
            torch.zeros(1, 4),
            torch.zeros(1, dtype=torch.int64),
            ((0.0, INF), 1.5),
            TypeError,
            "background",
        ),
    ],
    ids=[
        "points with 3 columns",
        "1-d boxes",
        "labels per box",
        "float labels",
        "integer points",
        "inverted box",
        "range low above high",
        "integer boxes",
        "list points",
        "bool labels",
        "box with y2 below y1",
        "range of one number",
        "range a number",
        "bool background",
        "float background",
    ],
)
def test_rejects_bad_arguments(learner, points, boxes, labels, extra, error, match):
    assert_raises(error, learner.fcos_targets, points, boxes, labels, *extra, match=rf"\b{match}\b")


NO_BOXES = (torch.zeros(0, 4), torch.zeros(0, dtype=torch.int64))


@pytest.mark.parametrize(
    "points, boxes, labels, extra, error, match",
    [
        (torch.zeros(3, 2, dtype=torch.int64), *NO_BOXES, (), TypeError, "points"),
        (torch.zeros(3, 2), torch.zeros(0, 4, dtype=torch.int64), NO_BOXES[1], (), TypeError, "gt_boxes"),
        (torch.zeros(3, 2), *NO_BOXES, ((64.0, 32.0),), ValueError, "size_range"),
        (torch.zeros(3, 2), *NO_BOXES, ((0.0, INF), True), TypeError, "background"),
        (torch.zeros(0, 2), torch.zeros(1, 4), torch.zeros(1), (), TypeError, "gt_labels"),
        (
            torch.zeros(0, 2),
            torch.zeros(1, 4),
            torch.zeros(1, dtype=torch.int64),
            ((64.0, 32.0),),
            ValueError,
            "size_range",
        ),
    ],
    ids=[
        "no boxes, integer points",
        "no boxes, integer boxes",
        "no boxes, range inverted",
        "no boxes, bool background",
        "no points, float labels",
        "no points, range inverted",
    ],
)
def test_checks_arguments_even_without_boxes_or_points(learner, points, boxes, labels, extra, error, match):
    assert_raises(error, learner.fcos_targets, points, boxes, labels, *extra, match=rf"\b{match}\b")
