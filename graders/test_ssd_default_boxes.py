"""Grader for ssd_default_boxes: SSD's default boxes (anchors), ``(cx, cy, w, h)`` normalised.

Expected values come from torchvision's ``DefaultBoxGenerator`` answers stored in
``fixtures/ssd_default_boxes/ssd_default_boxes.pt`` (its ``generate.py`` regenerates them and the file
records the versions), from a naive reference written here (loops over maps, locations and shapes, the
way the SSD paper describes them), and from hand-worked single-location maps.

Promises and the tests that hold them:
- torchvision's DefaultBoxGenerator (steps=None) -> test_matches_torchvision_default_box_generator
- evenly spaced scales, s_m = 1.0 after the last map; one map uses min_ratio and max_ratio ->
  test_extra_box_of_the_last_map_uses_scale_one, test_one_location_with_one_ratio,
  test_matches_loop_reference_in_float64
- per location (s_k, s_k), (s'_k, s'_k), then r and 1/r per ratio in order -> test_one_location_with_one_ratio,
  test_each_ratio_gives_r_then_its_inverse
- centres ((j + 0.5) / W, (i + 0.5) / H), rows then columns -> test_centres_are_cell_middles_row_by_row
- (h, w) pairs are height then width -> test_feature_map_pairs_are_height_then_width
- location-major order -> test_order_is_location_major, test_ssd300_layout_has_8732_boxes
- D = sum H W (2 + 2 len(ratios)) -> test_count_is_locations_times_two_plus_two_per_ratio
- clip clamps widths and heights only -> test_clip_clamps_only_widths_and_heights
- min_ratio == max_ratio allowed -> test_each_ratio_gives_r_then_its_inverse (0.5, 0.5)
- dtype keyword, float32 by default -> test_returns_the_requested_dtype
- inputs not modified -> test_leaves_inputs_unchanged
- ValueError naming the argument: no maps, sizes not positive, one list per map, ratios not positive (0 too),
  0 < min_ratio <= max_ratio -> test_rejects_bad_arguments
- TypeError naming feature_map_sizes: a float, a bool, a pair that is not two ints ->
  test_rejects_a_size_that_is_not_an_int, test_rejects_bool_sizes, test_rejects_pairs_that_are_not_two_ints
- TypeError naming dtype unless floating point -> test_rejects_a_dtype_that_is_not_floating_point
"""

from __future__ import annotations

import copy
import math
from pathlib import Path

import pytest
import torch

from graders.helpers import assert_close, assert_equal, assert_raises, assert_unchanged

FIXTURE = torch.load(
    Path(__file__).parent / "fixtures" / "ssd_default_boxes" / "ssd_default_boxes.pt", weights_only=True
)
CASES = FIXTURE["cases"]
TV = f"torchvision {FIXTURE['versions']['torchvision']}"
SSD300_SIZES = [38, 19, 10, 5, 3, 1]
SSD300_RATIOS = [[2], [2, 3], [2, 3], [2, 3], [2], [2]]


def sizes_of(case) -> list:
    """Fixture sizes as the learner gets them: ints, or (h, w) tuples."""
    return [s if isinstance(s, int) else tuple(s) for s in case["feature_map_sizes"]]


def call_of(sizes, ratios, min_ratio=0.15, max_ratio=0.9, clip=True, **extra) -> str:
    args = ", ".join([repr(sizes), repr(ratios), repr(min_ratio), repr(max_ratio), f"clip={clip}"])
    more = "".join(f", {k}={v}" for k, v in extra.items())
    return f"ssd_default_boxes({args}{more})"


def naive_default_boxes(sizes, ratios, min_ratio=0.15, max_ratio=0.9, clip=True) -> torch.Tensor:
    """Loops over maps, rows, columns and shapes; float64."""
    m = len(sizes)
    if m == 1:
        scales = [min_ratio, max_ratio]
    else:
        scales = [min_ratio + (max_ratio - min_ratio) * k / (m - 1) for k in range(m)] + [1.0]
    rows = []
    for k, size in enumerate(sizes):
        h, w = (size, size) if isinstance(size, int) else size
        s = scales[k]
        shapes = [(s, s), (math.sqrt(s * scales[k + 1]),) * 2]
        for r in ratios[k]:
            shapes += [(s * math.sqrt(r), s / math.sqrt(r)), (s / math.sqrt(r), s * math.sqrt(r))]
        if clip:
            shapes = [(min(max(a, 0.0), 1.0), min(max(b, 0.0), 1.0)) for a, b in shapes]
        for i in range(h):
            for j in range(w):
                for bw, bh in shapes:
                    rows.append([(j + 0.5) / w, (i + 0.5) / h, bw, bh])
    return torch.tensor(rows, dtype=torch.float64).reshape(-1, 4)


def count(sizes, ratios) -> int:
    total = 0
    for size, rs in zip(sizes, ratios, strict=True):
        h, w = (size, size) if isinstance(size, int) else size
        total += h * w * (2 + 2 * len(rs))
    return total


# ------------------------------------------------------------------------------------- torchvision


@pytest.mark.points(2)
@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_matches_torchvision_default_box_generator(learner, case):
    sizes, ratios = sizes_of(case), case["aspect_ratios"]
    args = (sizes, ratios, case["min_ratio"], case["max_ratio"], case["clip"])
    got = learner.ssd_default_boxes(*args)
    assert_close(got, case["boxes"], call=call_of(*args) + f"  [against {TV}]")


# ------------------------------------------------------------------------------------- hand-worked


def test_one_location_with_one_ratio(learner):
    # One map: scales (0.2, 0.8); extra box sqrt(0.2 * 0.8) = 0.4; ratio 4 gives (0.4, 0.1) then (0.1, 0.4).
    got = learner.ssd_default_boxes([1], [[4]], 0.2, 0.8)
    expected = torch.tensor([[0.5, 0.5, 0.2, 0.2], [0.5, 0.5, 0.4, 0.4], [0.5, 0.5, 0.4, 0.1], [0.5, 0.5, 0.1, 0.4]])
    assert_close(got, expected, call=call_of([1], [[4]], 0.2, 0.8))


def test_extra_box_of_the_last_map_uses_scale_one(learner):
    # Two maps: scales 0.2, 0.8 and then 1.0, so the last map's extra box is sqrt(0.8 * 1.0), not 0.8 or more.
    got = learner.ssd_default_boxes([1, 1], [[], []], 0.2, 0.8, False)
    r = math.sqrt(0.8)
    expected = torch.tensor(
        [[0.5, 0.5, 0.2, 0.2], [0.5, 0.5, 0.4, 0.4], [0.5, 0.5, 0.8, 0.8], [0.5, 0.5, r, r]], dtype=torch.float32
    )
    assert_close(got, expected, call=call_of([1, 1], [[], []], 0.2, 0.8, False))


def test_each_ratio_gives_r_then_its_inverse(learner):
    got = learner.ssd_default_boxes([1], [[2, 3]], 0.5, 0.5, False, dtype=torch.float64)
    s2, s3 = math.sqrt(2), math.sqrt(3)
    expected = torch.tensor(
        [
            [0.5, 0.5, 0.5, 0.5],
            [0.5, 0.5, 0.5, 0.5],
            [0.5, 0.5, 0.5 * s2, 0.5 / s2],
            [0.5, 0.5, 0.5 / s2, 0.5 * s2],
            [0.5, 0.5, 0.5 * s3, 0.5 / s3],
            [0.5, 0.5, 0.5 / s3, 0.5 * s3],
        ],
        dtype=torch.float64,
    )
    assert_close(got, expected, call=call_of([1], [[2, 3]], 0.5, 0.5, False, dtype="torch.float64"))


def test_centres_are_cell_middles_row_by_row(learner):
    # A 2 x 3 map, no ratios: two boxes per location; rows (cy) change slowest, then columns (cx).
    got = learner.ssd_default_boxes([(2, 3)], [[]], 0.3, 0.6, dtype=torch.float64)
    call = call_of([(2, 3)], [[]], 0.3, 0.6, dtype="torch.float64")
    assert_equal(tuple(got.shape), (12, 4), call=call, what="shape")
    centres = [(1 / 6, 0.25), (0.5, 0.25), (5 / 6, 0.25), (1 / 6, 0.75), (0.5, 0.75), (5 / 6, 0.75)]
    expected = torch.tensor([c for c in centres for _ in range(2)], dtype=torch.float64)
    assert_close(got[:, :2], expected, call=call, what="centres (cx, cy)")


@pytest.mark.points(2)
def test_order_is_location_major(learner):
    # All the shapes of one location come before the next location; a shape-major layout (all locations of
    # shape 0, then shape 1, ...) holds the same boxes in another order, which the predictions won't match.
    sizes, ratios = [(2, 3), 2], [[2], [3]]
    got = learner.ssd_default_boxes(sizes, ratios, dtype=torch.float64)
    call = call_of(sizes, ratios, dtype="torch.float64")
    expected = naive_default_boxes(sizes, ratios)
    assert_equal(tuple(got.shape), tuple(expected.shape), call=call, what="shape")
    first = got[:4]
    assert_close(first[:, :2], expected[:4, :2], call=call, what="centres of the first 4 boxes (one location)")
    assert_close(got, expected, call=call)


def test_feature_map_pairs_are_height_then_width(learner):
    # (1, 2): one row, two columns, so cx takes two values and cy one.
    got = learner.ssd_default_boxes([(1, 2)], [[]], 0.3, 0.6, dtype=torch.float64)
    call = call_of([(1, 2)], [[]], 0.3, 0.6, dtype="torch.float64")
    expected = torch.tensor([[0.25, 0.5], [0.25, 0.5], [0.75, 0.5], [0.75, 0.5]], dtype=torch.float64)
    assert_equal(tuple(got.shape), (4, 4), call=call, what="shape")
    assert_close(got[:, :2], expected, call=call, what="centres (cx, cy)")


# ------------------------------------------------------------------------------------- reference and sizes


@pytest.mark.parametrize(
    "sizes, ratios, min_ratio, max_ratio, clip",
    [
        ([(3, 5), 4, (2, 1)], [[2], [1.5, 3], [2]], 0.1, 0.7, True),
        ([7, (5, 2)], [[3], []], 0.25, 0.85, False),
        ([(1, 4)], [[2, 0.25]], 0.4, 0.9, True),
    ],
    ids=["three maps", "two maps, clip off", "one map"],
)
def test_matches_loop_reference_in_float64(learner, sizes, ratios, min_ratio, max_ratio, clip):
    got = learner.ssd_default_boxes(sizes, ratios, min_ratio, max_ratio, clip, dtype=torch.float64)
    expected = naive_default_boxes(sizes, ratios, min_ratio, max_ratio, clip)
    assert_close(got, expected, call=call_of(sizes, ratios, min_ratio, max_ratio, clip, dtype="torch.float64"))


def test_ssd300_layout_has_8732_boxes(learner):
    got = learner.ssd_default_boxes(SSD300_SIZES, SSD300_RATIOS, 0.2, 0.9)
    call = call_of(SSD300_SIZES, SSD300_RATIOS, 0.2, 0.9)
    assert_equal(tuple(got.shape), (8732, 4), call=call, what="shape")
    assert_close(got, naive_default_boxes(SSD300_SIZES, SSD300_RATIOS, 0.2, 0.9).float(), call=call)


@pytest.mark.parametrize(
    "sizes, ratios",
    [([4], [[]]), ([(3, 5), 2], [[2, 3], [2]]), ([1, 1, 1], [[2], [2, 3, 4], []])],
    ids=["no ratios", "two maps", "three single cells"],
)
def test_count_is_locations_times_two_plus_two_per_ratio(learner, sizes, ratios):
    got = learner.ssd_default_boxes(sizes, ratios)
    assert_equal(tuple(got.shape), (count(sizes, ratios), 4), call=call_of(sizes, ratios), what="shape")


# ------------------------------------------------------------------------------------- clip and dtype


def test_clip_clamps_only_widths_and_heights(learner):
    # Scale 0.95 with ratio 3 gives widths of 1.65: clipped to 1 with clip=True, kept with clip=False.
    sizes, ratios = [2, (1, 3)], [[3], [2, 4]]
    off = learner.ssd_default_boxes(sizes, ratios, 0.6, 0.95, False, dtype=torch.float64)
    on = learner.ssd_default_boxes(sizes, ratios, 0.6, 0.95, True, dtype=torch.float64)
    assert_close(
        off, naive_default_boxes(sizes, ratios, 0.6, 0.95, False), call=call_of(sizes, ratios, 0.6, 0.95, False)
    )
    call = call_of(sizes, ratios, 0.6, 0.95, True)
    assert_close(on, naive_default_boxes(sizes, ratios, 0.6, 0.95, True), call=call)
    assert bool((off[:, 2:] > 1).any()), "this case should have boxes wider than the image without clipping"


@pytest.mark.parametrize("dtype", [None, torch.float32, torch.float64], ids=["default", "float32", "float64"])
def test_returns_the_requested_dtype(learner, dtype):
    kwargs = {} if dtype is None else {"dtype": dtype}
    got = learner.ssd_default_boxes([3, 2], [[2], [3]], **kwargs)
    call = call_of([3, 2], [[2], [3]], **({} if dtype is None else {"dtype": dtype}))
    assert_equal(got.dtype, dtype or torch.float32, call=call, what="dtype")


def test_leaves_inputs_unchanged(learner):
    sizes, ratios = [(3, 4), 2], [[2, 3], [2]]
    before_sizes, before_ratios = copy.deepcopy(sizes), copy.deepcopy(ratios)
    call = call_of(sizes, ratios)
    learner.ssd_default_boxes(sizes, ratios)
    assert_unchanged(before_sizes, sizes, name="feature_map_sizes", call=call)
    assert_unchanged(before_ratios, ratios, name="aspect_ratios", call=call)


# ------------------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "args, match",
    [
        (([], []), r"\bfeature_map_sizes\b"),
        (([4, 2], [[2]]), r"\baspect_ratios\b"),
        (([0], [[2]]), r"\bfeature_map_sizes\b"),
        (([(3, -1)], [[2]]), r"\bfeature_map_sizes\b"),
        (([3], [[2, -1]]), r"\baspect_ratios\b"),
        (([3], [[2]], 0.9, 0.2), r"\bmin_ratio\b|\bmax_ratio\b"),
        (([3], [[2]], 0.0, 0.9), r"\bmin_ratio\b"),
        (([3], [[2, 0]]), r"\baspect_ratios\b"),
    ],
    ids=[
        "no maps",
        "ratios per map",
        "zero size",
        "negative width",
        "negative ratio",
        "min above max",
        "zero min",
        "zero ratio",
    ],
)
def test_rejects_bad_arguments(learner, args, match):
    assert_raises(ValueError, learner.ssd_default_boxes, *args, match=match, call=call_of(*args))


def test_rejects_a_size_that_is_not_an_int(learner):
    assert_raises(TypeError, learner.ssd_default_boxes, [2.5], [[2]], match=r"\bfeature_map_sizes\b")


@pytest.mark.parametrize("size", [True, (2, True), (True, 3)], ids=["True", "(2, True)", "(True, 3)"])
def test_rejects_bool_sizes(learner, size):
    # bool is an int subclass in Python, but True is no feature-map size: the docstring refuses it.
    call = call_of([size], [[2]])
    assert_raises(TypeError, learner.ssd_default_boxes, [size], [[2]], match=r"\bfeature_map_sizes\b", call=call)


@pytest.mark.parametrize("size", [(3.0, 4.0), (3, 4, 5), (3,)], ids=["two floats", "three ints", "one int"])
def test_rejects_pairs_that_are_not_two_ints(learner, size):
    call = call_of([size], [[2]])
    assert_raises(TypeError, learner.ssd_default_boxes, [size], [[2]], match=r"\bfeature_map_sizes\b", call=call)


@pytest.mark.parametrize("dtype", [torch.int64, torch.bool], ids=["int64", "bool"])
def test_rejects_a_dtype_that_is_not_floating_point(learner, dtype):
    call = call_of([3], [[2]], dtype=dtype)
    assert_raises(TypeError, learner.ssd_default_boxes, [3], [[2]], dtype=dtype, match=r"\bdtype\b", call=call)
