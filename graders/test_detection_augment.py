"""Grader for detection_augment: ``hflip``, ``crop`` and ``letterbox``, with boxes that follow the pixels.

Expected values come from hand-worked boxes and windows, from torch built-ins with the same meaning
(``torch.flip``, slicing, ``F.interpolate(mode="bilinear", align_corners=False)`` for the letterbox's
resize, which the exercise allows), from a per-box reference written here for ``crop``, and from
invariants: flipping twice gives the input back; ``(box - pad) / scale`` undoes the letterbox; and boxes
follow the pixels - paint each box's region with its own value, transform, and check that the value
lands exactly (flip, crop) or within a pixel (letterbox) where the returned box says.

Promises and the tests that hold them:
- hflip: x1' = W - x2, x2' = W - x1 -> test_hflip_boxes_hand_worked, test_hflip_boxes_follow_the_pixels
- hflip: the image mirrored, twice is the identity -> test_hflip_mirrors_the_image_columns,
  test_hflip_twice_gives_the_input_back
- hflip: dtypes kept (uint8 image), inputs unchanged -> test_hflip_keeps_dtypes_and_leaves_inputs_unchanged
- hflip: no boxes -> test_hflip_handles_an_image_without_boxes
- crop: shift, clip, keep visible boxes in order; keep mask -> test_crop_shifts_clips_and_keeps_the_visible_boxes,
  test_crop_matches_reference_on_random_boxes, test_crop_boxes_follow_the_pixels
- crop: touching, outside and empty boxes dropped -> test_crop_drops_boxes_that_only_touch_or_miss_the_window,
  test_crop_drops_boxes_without_area
- crop: min_visible is a fraction of each box, inclusive -> test_crop_min_visible_is_a_fraction_of_each_boxs_area,
  test_crop_keeps_a_box_whose_visible_fraction_equals_min_visible
- crop: dtypes kept, bool keep, inputs unchanged -> test_crop_keeps_dtypes_and_leaves_inputs_unchanged
- crop: window inside the image, message names top/left/height/width -> test_crop_rejects_windows_outside_the_image
- crop: window arguments are ints (bools refused) -> test_crop_rejects_window_arguments_that_are_not_ints
- crop: min_visible in [0, 1] -> test_crop_rejects_min_visible_outside_zero_to_one
- letterbox: scale, centred padding (odd pixel right/bottom), Python float and ints, round() of the sides
  (23.68 -> 24, 2.5 -> 2, 60.99999999999999 -> 61) and at least 1 -> test_letterbox_scale_and_centred_padding
- letterbox: bilinear, align_corners=False, no antialias, on a filled canvas
  -> test_letterbox_image_is_a_bilinear_resize_on_a_filled_canvas, test_letterbox_pads_both_sides_of_the_short_side
- letterbox: boxes * scale + pad, mapped back by the inverse, following the pixels
  -> test_letterbox_moves_boxes_by_scale_then_padding, test_letterbox_boxes_map_back_with_the_inverse,
  test_letterbox_boxes_follow_the_pixels
- letterbox: dtypes kept (float64, float16, bfloat16), inputs unchanged
  -> test_letterbox_keeps_dtypes_and_leaves_inputs_unchanged, test_letterbox_keeps_half_precision_images
- letterbox: size an int >= 1 (bools refused), floating image -> test_letterbox_rejects_bad_arguments
- all three: strided images -> test_all_three_accept_non_contiguous_images
- all three: boxes must be a floating tensor, images tensors
  -> test_every_function_refuses_non_float_boxes_and_non_tensor_images
- all three: the checks come first, also with no box -> test_checks_arguments_even_without_boxes
- hflip: bad shapes named -> test_hflip_rejects_bad_arguments
"""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from graders.helpers import assert_close, assert_equal, assert_raises, assert_unchanged, call_repr


def random_image(seed: int, shape=(3, 11, 14), dtype=torch.float32) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return torch.rand(shape, generator=g, dtype=torch.float64).to(dtype)


def random_boxes(seed: int, n: int, h: int, w: int, dtype=torch.float32, spill: float = 0.3) -> torch.Tensor:
    """Boxes of varied sizes over an h x w image, some hanging over its borders, a few degenerate."""
    g = torch.Generator().manual_seed(seed)
    size = torch.tensor([w, h], dtype=torch.float64)
    xy = torch.rand(n, 2, generator=g, dtype=torch.float64) * size * (1 + 2 * spill) - size * spill
    wh = torch.rand(n, 2, generator=g, dtype=torch.float64) * size * 0.6
    wh[::7, 0] = 0.0
    return torch.cat([xy, xy + wh], dim=1).to(dtype)


def boxes_of(*rows, dtype=torch.float32) -> torch.Tensor:
    return torch.tensor(rows, dtype=dtype).reshape(-1, 4)


def paint(boxes: torch.Tensor, h: int, w: int) -> torch.Tensor:
    """A one-channel image, 0 everywhere except box k's pixels, which hold k + 1 (whole-pixel boxes)."""
    image = torch.zeros(1, h, w)
    for k, (x1, y1, x2, y2) in enumerate(boxes.round().long().tolist()):
        image[0, max(y1, 0) : max(y2, 0), max(x1, 0) : max(x2, 0)] = k + 1
    return image


def check_paint_follows(image: torch.Tensor, boxes: torch.Tensor, values: list[int], call: str) -> None:
    """Pixels holding values[k] must be exactly the whole pixels of boxes[k]."""
    _, h, w = image.shape
    for box, value in zip(boxes.tolist(), values, strict=True):
        x1, y1, x2, y2 = (round(v) for v in box)
        want = torch.zeros(h, w, dtype=torch.bool)
        want[y1:y2, x1:x2] = True
        have = image[0] == value
        if not torch.equal(have, want):
            rows, cols = have.nonzero()[:, 0], have.nonzero()[:, 1]
            where = (
                f"columns {int(cols.min())}..{int(cols.max())}, rows {int(rows.min())}..{int(rows.max())}"
                if len(rows)
                else "nowhere"
            )
            raise AssertionError(
                f"{call}\n  the pixels painted {value} landed at {where} of the new image,\n  but the returned "
                f"box {tuple(round(v, 4) for v in box)} says columns {x1}..{x2 - 1}, rows {y1}..{y2 - 1}"
            )


# ------------------------------------------------------------------------------------- hflip


@pytest.mark.points(2)
def test_hflip_boxes_hand_worked(learner):
    image = torch.zeros(2, 4, 10)
    boxes = boxes_of((1, 2, 4, 3), (0, 0, 10, 4), (3.5, 1, 3.5, 2), (7.25, 0.5, 9.75, 3.5))
    _, got = learner.hflip(image, boxes)
    expected = boxes_of((6, 2, 9, 3), (0, 0, 10, 4), (6.5, 1, 6.5, 2), (0.25, 0.5, 2.75, 3.5))
    assert_close(got, expected, call=call_repr("hflip", image, boxes) + "  [W = 10: x1' = W - x2, x2' = W - x1]")


def test_hflip_mirrors_the_image_columns(learner):
    image = random_image(3, (3, 7, 9))
    got, _ = learner.hflip(image, boxes_of((1, 1, 2, 2)))
    assert_close(got, torch.flip(image, dims=[-1]), call=call_repr("hflip", image, "boxes") + "  [image]", seed=3)


@pytest.mark.points(2)
def test_hflip_boxes_follow_the_pixels(learner):
    boxes = boxes_of((0, 1, 3, 4), (5, 0, 6, 7), (8, 2, 13, 5), (6, 7, 12, 9))
    image = paint(boxes, 9, 13)
    got_image, got_boxes = learner.hflip(image, boxes)
    call = call_repr("hflip", image, boxes) + "  [box k's pixels painted k + 1]"
    assert_close(got_image, torch.flip(image, dims=[-1]), call=call, what="image")
    check_paint_follows(got_image, got_boxes, [1, 2, 3, 4], call)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])
def test_hflip_twice_gives_the_input_back(learner, dtype):
    seed = 5
    image = random_image(seed, (3, 8, 11), dtype=dtype)
    boxes = random_boxes(seed + 1, 9, 8, 11, dtype=dtype)
    once_image, once_boxes = learner.hflip(image, boxes)
    twice_image, twice_boxes = learner.hflip(once_image, once_boxes)
    call = "hflip(*hflip(image, boxes))"
    assert_close(twice_image, image, call=call, seed=seed, what="image")
    assert_close(twice_boxes, boxes, call=call, seed=seed, what="boxes")


def test_hflip_keeps_dtypes_and_leaves_inputs_unchanged(learner):
    image = (random_image(7, (3, 5, 6)) * 255).to(torch.uint8)
    boxes = random_boxes(8, 5, 5, 6, dtype=torch.float64)
    before_image, before_boxes = image.clone(), boxes.clone()
    call = call_repr("hflip", image, boxes)
    got_image, got_boxes = learner.hflip(image, boxes)
    assert_equal(got_image, torch.flip(before_image, dims=[-1]), call=call, what="image")
    assert_equal(got_boxes.dtype, torch.float64, call=call, what="dtype of the boxes")
    assert_unchanged(before_image, image, name="image", call=call)
    assert_unchanged(before_boxes, boxes, name="boxes", call=call)


def test_hflip_handles_an_image_without_boxes(learner):
    image = random_image(9)
    boxes = torch.zeros(0, 4)
    got_image, got_boxes = learner.hflip(image, boxes)
    assert_close(got_boxes, torch.zeros(0, 4), call=call_repr("hflip", image, boxes), what="boxes")
    assert_close(got_image, torch.flip(image, dims=[-1]), call=call_repr("hflip", image, boxes), what="image")


def test_hflip_rejects_bad_arguments(learner):
    good = boxes_of((1, 1, 2, 2))
    assert_raises(ValueError, learner.hflip, torch.zeros(5, 6), good, match=r"\bimage\b")
    assert_raises(ValueError, learner.hflip, torch.zeros(1, 5, 6), torch.zeros(3, 5), match=r"\bboxes\b")
    assert_raises(ValueError, learner.hflip, torch.zeros(1, 5, 6), boxes_of((3, 1, 2, 2)), match=r"\bboxes\b")


# ------------------------------------------------------------------------------------- crop

# Image 10 x 12, window top=2, left=3, height=5, width=6: x in [3, 9], y in [2, 7].
CROP_BOXES = boxes_of(
    (4, 3, 7, 6),  # inside
    (1, 1, 6, 4),  # over the window's top-left corner: 6 of its 15 square pixels visible (0.4)
    (8, 5, 11, 9),  # over the bottom-right corner: 2 of 12 visible (1/6)
    (0, 0, 3, 10),  # touches the window's left edge: nothing visible
    (10, 8, 12, 10),  # below and right of the window
    (5, 4, 5, 6),  # no area, inside the window
)
CROP_MOVED = boxes_of((1, 1, 4, 4), (0, 0, 3, 2), (5, 3, 6, 5), (0, 0, 0, 5), (6, 5, 6, 5), (2, 2, 2, 4))


def naive_crop_boxes(boxes, top, left, height, width, min_visible):
    """One box at a time: shift, clip, keep if the visible area is positive and >= min_visible of the box."""
    kept, keep = [], []
    for x1, y1, x2, y2 in boxes.tolist():
        cx1, cx2 = min(max(x1 - left, 0.0), width), min(max(x2 - left, 0.0), width)
        cy1, cy2 = min(max(y1 - top, 0.0), height), min(max(y2 - top, 0.0), height)
        visible = (cx2 - cx1) * (cy2 - cy1)
        ok = visible > 0 and visible >= min_visible * (x2 - x1) * (y2 - y1)
        keep.append(ok)
        if ok:
            kept.append([cx1, cy1, cx2, cy2])
    return torch.tensor(kept, dtype=boxes.dtype).reshape(-1, 4), torch.tensor(keep, dtype=torch.bool)


def check_crop(learner, image, boxes, top, left, height, width, min_visible, expected_boxes, expected_keep, seed=None):
    call = call_repr("crop", image, boxes, top, left, height, width, min_visible)
    result = learner.crop(image, boxes, top, left, height, width, min_visible)
    assert isinstance(result, tuple) and len(result) == 3, (
        f"{call}: returned {type(result).__name__}, expected (image, boxes, keep)"
    )
    got_image, got_boxes, keep = result
    assert_equal(keep, expected_keep, call=call, seed=seed, what="keep (bool mask over the input boxes)")
    assert_close(got_boxes, expected_boxes, call=call, seed=seed, what="boxes")
    assert_close(got_image, image[:, top : top + height, left : left + width], call=call, seed=seed, what="image")


@pytest.mark.points(2)
def test_crop_shifts_clips_and_keeps_the_visible_boxes(learner):
    image = random_image(11, (3, 10, 12))
    keep = torch.tensor([True, True, True, False, False, False])
    check_crop(learner, image, CROP_BOXES, 2, 3, 5, 6, 0.0, CROP_MOVED[keep], keep)


def test_crop_drops_boxes_that_only_touch_or_miss_the_window(learner):
    image = random_image(12, (1, 10, 12))
    boxes = CROP_BOXES[3:5]
    check_crop(learner, image, boxes, 2, 3, 5, 6, 0.0, torch.zeros(0, 4), torch.tensor([False, False]))


def test_crop_drops_boxes_without_area(learner):
    image = random_image(13, (1, 10, 12))
    boxes = boxes_of((5, 4, 5, 6), (4, 5, 8, 5), (6, 6, 6, 6))
    check_crop(learner, image, boxes, 2, 3, 5, 6, 0.0, torch.zeros(0, 4), torch.tensor([False, False, False]))


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "min_visible, keep",
    [(0.1, [True, True, True]), (0.35, [True, True, False]), (0.45, [True, False, False]), (1.0, [True, False, False])],
    ids=["0.1", "0.35", "0.45", "1.0"],
)
def test_crop_min_visible_is_a_fraction_of_each_boxs_area(learner, min_visible, keep):
    image = random_image(14, (1, 10, 12))
    keep = torch.tensor(keep)
    check_crop(learner, image, CROP_BOXES[:3], 2, 3, 5, 6, min_visible, CROP_MOVED[:3][keep], keep)


def test_crop_keeps_a_box_whose_visible_fraction_equals_min_visible(learner):
    # Box (1, 2, 5, 4), area 8; the window starts at x = 3, so 2 x 2 = 4 of it is visible: exactly 0.5.
    image = random_image(15, (1, 10, 12))
    boxes = boxes_of((1, 2, 5, 4))
    check_crop(learner, image, boxes, 0, 3, 6, 6, 0.5, boxes_of((0, 2, 2, 4)), torch.tensor([True]))


@pytest.mark.points(2)
def test_crop_boxes_follow_the_pixels(learner):
    boxes = boxes_of((6, 5, 10, 9), (1, 10, 8, 13), (14, 10, 20, 18), (0, 0, 4, 3), (18, 1, 23, 4), (11, 2, 15, 4))
    image = paint(boxes, 20, 24)
    call = call_repr("crop", image, boxes, 4, 5, 10, 12) + "  [box k's pixels painted k + 1]"
    got_image, got_boxes, keep = learner.crop(image, boxes, 4, 5, 10, 12)
    assert_equal(keep, torch.tensor([True, True, True, False, False, False]), call=call, what="keep")
    check_paint_follows(got_image, got_boxes, [1, 2, 3], call)
    for value in (4, 5, 6):
        assert not bool((got_image == value).any()), (
            f"{call}: box {value - 1} was dropped but its pixels are in the crop"
        )


@pytest.mark.points(2)
@pytest.mark.parametrize("min_visible", [0.0, 0.5])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])
def test_crop_matches_reference_on_random_boxes(learner, dtype, min_visible):
    seed = 17
    image = random_image(seed, (3, 13, 17), dtype=dtype)
    boxes = random_boxes(seed + 1, 25, 13, 17, dtype=dtype)
    expected_boxes, expected_keep = naive_crop_boxes(boxes, 3, 4, 7, 9, min_visible)
    check_crop(learner, image, boxes, 3, 4, 7, 9, min_visible, expected_boxes, expected_keep, seed=seed)


def test_crop_keeps_dtypes_and_leaves_inputs_unchanged(learner):
    image = (random_image(19, (3, 9, 9)) * 255).to(torch.uint8)
    boxes = random_boxes(20, 7, 9, 9, dtype=torch.float64)
    before_image, before_boxes = image.clone(), boxes.clone()
    call = call_repr("crop", image, boxes, 1, 2, 5, 6)
    got_image, got_boxes, keep = learner.crop(image, boxes, 1, 2, 5, 6)
    assert_equal(got_image, before_image[:, 1:6, 2:8], call=call, what="image")
    assert_equal(got_boxes.dtype, torch.float64, call=call, what="dtype of the boxes")
    assert_equal(keep.dtype, torch.bool, call=call, what="dtype of keep")
    assert_unchanged(before_image, image, name="image", call=call)
    assert_unchanged(before_boxes, boxes, name="boxes", call=call)


@pytest.mark.parametrize(
    "window, match",
    [
        ((-1, 0, 5, 5), "top"),
        ((0, -2, 5, 5), "left"),
        ((6, 0, 5, 5), "height"),
        ((0, 8, 5, 5), "width"),
        ((0, 0, 0, 5), "height"),
        ((0, 0, 5, 0), "width"),
        ((10, 12, 3, 3), r"height|width"),
    ],
    ids=["above", "left of", "past the bottom", "past the right", "no rows", "no columns", "entirely outside"],
)
def test_crop_rejects_windows_outside_the_image(learner, window, match):
    image, boxes = torch.zeros(1, 10, 12), boxes_of((1, 1, 2, 2))
    top, left, height, width = window
    call = f"crop(Tensor[1, 10, 12], boxes, top={top}, left={left}, height={height}, width={width})"
    assert_raises(ValueError, learner.crop, image, boxes, top, left, height, width, match=rf"\b({match})\b", call=call)


@pytest.mark.parametrize(
    "window, name",
    [((1.0, 0, 5, 5), "top"), ((0, True, 5, 5), "left"), ((0, 0, 5.0, 5), "height"), ((0, 0, 5, True), "width")],
    ids=["float top", "bool left", "float height", "bool width"],
)
def test_crop_rejects_window_arguments_that_are_not_ints(learner, window, name):
    image, boxes = torch.zeros(1, 10, 12), boxes_of((1, 1, 2, 2))
    top, left, height, width = window
    call = f"crop(Tensor[1, 10, 12], boxes, top={top!r}, left={left!r}, height={height!r}, width={width!r})"
    assert_raises(TypeError, learner.crop, image, boxes, top, left, height, width, match=rf"\b{name}\b", call=call)


def test_crop_rejects_min_visible_outside_zero_to_one(learner):
    image, boxes = torch.zeros(1, 10, 12), boxes_of((1, 1, 2, 2))
    assert_raises(ValueError, learner.crop, image, boxes, 0, 0, 5, 5, 1.5, match=r"\bmin_visible\b")
    assert_raises(ValueError, learner.crop, image, boxes, 0, 0, 5, 5, -0.1, match=r"\bmin_visible\b")


# ------------------------------------------------------------------------------------- letterbox

# (H, W, size) -> (scale, (pad_left, pad_top), (new_h, new_w))
LETTERBOX = {
    "wide": ((30, 60, 64), (64 / 60, (0, 16), (32, 64))),
    "tall": ((50, 20, 40), (0.8, (12, 0), (40, 16))),
    "square": ((25, 25, 50), (2.0, (0, 0), (50, 50))),
    "odd padding": ((9, 20, 20), (1.0, (0, 5), (9, 20))),
    "wide, shrunk": ((37, 101, 64), (64 / 101, (0, 20), (23, 64))),
    # round(), not int(): 37 * 0.64 = 23.68 -> 24 rows
    "rounds up": ((37, 100, 64), (0.64, (0, 20), (24, 64))),
    # Python's round: 5 * 0.5 = 2.5 -> 2 (to even), not 3
    "half to even": ((5, 8, 4), (0.5, (0, 1), (2, 4))),
    # 1 * 0.05 rounds to 0: at least one row
    "at least one row": ((1, 200, 10), (0.05, (0, 4), (1, 10))),
    # 7 * (61 / 7) = 60.99999999999999: round() gives the long side its 61 pixels, int() would give 60
    "long side float error": ((3, 7, 61), (61 / 7, (0, 17), (26, 61))),
}


def expected_letterbox(image, size, fill, new_hw, pad):
    """The resize the exercise names, F.interpolate(bilinear, align_corners=False), on a filled canvas."""
    new_h, new_w = new_hw
    pad_left, pad_top = pad
    resized = F.interpolate(image[None], size=(new_h, new_w), mode="bilinear", align_corners=False)[0]
    canvas = torch.full((image.shape[0], size, size), fill, dtype=image.dtype)
    canvas[:, pad_top : pad_top + new_h, pad_left : pad_left + new_w] = resized
    return canvas


@pytest.mark.points(2)
@pytest.mark.parametrize("case", list(LETTERBOX), ids=list(LETTERBOX))
def test_letterbox_scale_and_centred_padding(learner, case):
    (h, w, size), (scale, pad, _) = LETTERBOX[case]
    image = random_image(23, (3, h, w))
    call = call_repr("letterbox", image, "boxes", size)
    got_image, _, got_scale, got_pad = learner.letterbox(image, boxes_of((1, 1, 2, 2)), size)
    assert_equal(tuple(got_image.shape), (3, size, size), call=call, what="image shape")
    assert_close(got_scale, scale, call=call, what="scale = min(size / H, size / W)")
    assert_equal(tuple(got_pad), pad, call=call, what="(pad_left, pad_top)")
    assert isinstance(got_scale, float), f"{call}: scale is {type(got_scale).__name__}, expected a Python float"
    assert all(type(p) is int for p in got_pad), f"{call}: the padding is {got_pad!r}, expected two Python ints"


@pytest.mark.points(2)
@pytest.mark.parametrize("case", list(LETTERBOX), ids=list(LETTERBOX))
def test_letterbox_image_is_a_bilinear_resize_on_a_filled_canvas(learner, case):
    (h, w, size), (_, pad, new_hw) = LETTERBOX[case]
    seed = 29
    image = random_image(seed, (3, h, w))
    got, _, _, _ = learner.letterbox(image, boxes_of((1, 1, 2, 2)), size, fill=0.25)
    expected = expected_letterbox(image, size, 0.25, new_hw, pad)
    assert_close(got, expected, call=call_repr("letterbox", image, "boxes", size, fill=0.25), seed=seed)


def test_letterbox_pads_both_sides_of_the_short_side(learner):
    # 9 x 20 into 20 x 20: scale 1, 11 rows of padding, 5 above and 6 below.
    image = torch.ones(1, 9, 20)
    got, _, _, _ = learner.letterbox(image, boxes_of((1, 1, 2, 2)), 20, fill=0.5)
    call = call_repr("letterbox", image, "boxes", 20) + "  [an image of ones]"
    rows = got[0, :, 0]
    expected = torch.tensor([0.5] * 5 + [1.0] * 9 + [0.5] * 6)
    assert_close(rows, expected, call=call, what="first column of the output (padding, image, padding)")


def test_letterbox_moves_boxes_by_scale_then_padding(learner):
    # tall: 50 x 20 into 40: scale 0.8, pad_left 12. (5, 10, 15, 30) -> (4, 8, 12, 24) + (12, 0, 12, 0).
    image = random_image(31, (3, 50, 20))
    boxes = boxes_of((5, 10, 15, 30), (0, 0, 20, 50))
    _, got, _, _ = learner.letterbox(image, boxes, 40)
    assert_close(got, boxes_of((16, 8, 24, 24), (12, 0, 28, 40)), call=call_repr("letterbox", image, boxes, 40))


@pytest.mark.parametrize("case", list(LETTERBOX), ids=list(LETTERBOX))
def test_letterbox_boxes_map_back_with_the_inverse(learner, case):
    (h, w, size), _ = LETTERBOX[case]
    seed = 37
    image = random_image(seed, (1, h, w), dtype=torch.float64)
    boxes = random_boxes(seed + 1, 8, h, w, dtype=torch.float64)
    _, moved, scale, (pad_left, pad_top) = learner.letterbox(image, boxes, size)
    pad = torch.tensor([pad_left, pad_top, pad_left, pad_top], dtype=torch.float64)
    call = call_repr("letterbox", image, boxes, size) + ", then (box - pad) / scale"
    assert_close((moved - pad) / scale, boxes, call=call, seed=seed, what="boxes mapped back")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "h, w, size, boxes",
    [
        (30, 50, 64, ((3, 4, 17, 12), (25, 14, 47, 27))),
        (60, 24, 40, ((2, 5, 20, 23), (6, 36, 21, 57))),
    ],
    ids=["wide, enlarged", "tall, shrunk"],
)
def test_letterbox_boxes_follow_the_pixels(learner, h, w, size, boxes):
    # Paint each box with 1 on a black image; after the letterbox (fill 0), the pixels above 0.5 must lie
    # within one pixel of a returned box, and every pixel more than one pixel inside a box must be above 0.5.
    boxes = boxes_of(*boxes)
    image = (paint(boxes, h, w) > 0).float()
    call = call_repr("letterbox", image, boxes, size, fill=0.0) + "  [box regions painted 1 on 0]"
    out, moved, _, _ = learner.letterbox(image, boxes, size, fill=0.0)
    centres = torch.arange(size, dtype=torch.float32) + 0.5
    loose = torch.zeros(size, size, dtype=torch.bool)
    tight = torch.zeros(size, size, dtype=torch.bool)
    for x1, y1, x2, y2 in moved.tolist():
        xs, ys = centres[None, :], centres[:, None]
        loose |= (xs > x1 - 1) & (xs < x2 + 1) & (ys > y1 - 1) & (ys < y2 + 1)
        tight |= (xs > x1 + 1) & (xs < x2 - 1) & (ys > y1 + 1) & (ys < y2 - 1)
    hot = out[0] > 0.5
    stray = (hot & ~loose).nonzero()
    cold = (tight & ~hot).nonzero()
    boxes_text = [tuple(round(v, 2) for v in b) for b in moved.tolist()]
    assert not len(stray), (
        f"{call}\n  pixel (row, col) {tuple(stray[0].tolist())} is painted but lies outside every returned box "
        f"{boxes_text}"
    )
    assert not len(cold), (
        f"{call}\n  pixel (row, col) {tuple(cold[0].tolist())} lies inside a returned box {boxes_text} but is "
        "not painted"
    )


def test_letterbox_keeps_dtypes_and_leaves_inputs_unchanged(learner):
    image = random_image(41, (3, 12, 20), dtype=torch.float64)
    boxes = random_boxes(42, 5, 12, 20, dtype=torch.float32)
    before_image, before_boxes = image.clone(), boxes.clone()
    call = call_repr("letterbox", image, boxes, 32)
    got_image, got_boxes, _, _ = learner.letterbox(image, boxes, 32)
    assert_equal(got_image.dtype, torch.float64, call=call, what="dtype of the image")
    assert_equal(got_boxes.dtype, torch.float32, call=call, what="dtype of the boxes")
    assert_unchanged(before_image, image, name="image", call=call)
    assert_unchanged(before_boxes, boxes, name="boxes", call=call)


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16], ids=["float16", "bfloat16"])
def test_letterbox_keeps_half_precision_images(learner, dtype):
    seed = 45
    image = random_image(seed, (3, 12, 20), dtype=dtype)
    boxes = random_boxes(seed + 1, 4, 12, 20, dtype=torch.float32)
    call = call_repr("letterbox", image, boxes, 32)
    got_image, got_boxes, _, _ = learner.letterbox(image, boxes, 32)
    assert_equal(got_image.dtype, dtype, call=call, what="dtype of the image")
    assert_equal(got_boxes.dtype, torch.float32, call=call, what="dtype of the boxes")
    assert_close(got_image, expected_letterbox(image, 32, 0.5, (19, 32), (0, 6)), call=call, seed=seed, what="image")


def test_letterbox_rejects_bad_arguments(learner):
    image, boxes = torch.zeros(3, 10, 12), boxes_of((1, 1, 2, 2))
    assert_raises(ValueError, learner.letterbox, image, boxes, 0, match=r"\bsize\b")
    assert_raises(TypeError, learner.letterbox, image, boxes, 2.5, match=r"\bsize\b")
    assert_raises(TypeError, learner.letterbox, image, boxes, True, match=r"\bsize\b")
    assert_raises(TypeError, learner.letterbox, image.to(torch.uint8), boxes, 16, match=r"\bimage\b")
    assert_raises(ValueError, learner.letterbox, torch.zeros(10, 12), boxes, 16, match=r"\bimage\b")


# ------------------------------------------------------------------------------------- all three


def test_all_three_accept_non_contiguous_images(learner):
    seed = 43
    image = random_image(seed, (3, 14, 11)).transpose(1, 2)  # [3, 11, 14], strided
    assert not image.is_contiguous()
    boxes = random_boxes(seed + 1, 6, 11, 14)
    flipped, _ = learner.hflip(image, boxes)
    assert_close(flipped, torch.flip(image, dims=[-1]), call=call_repr("hflip", image, boxes) + " (strided)", seed=seed)
    window, _, _ = learner.crop(image, boxes, 2, 3, 6, 7)
    assert_close(
        window, image[:, 2:8, 3:10], call=call_repr("crop", image, boxes, 2, 3, 6, 7) + " (strided)", seed=seed
    )
    boxed, _, _, _ = learner.letterbox(image, boxes, 28)
    expected = expected_letterbox(image, 28, 0.5, (22, 28), (0, 3))
    assert_close(boxed, expected, call=call_repr("letterbox", image, boxes, 28) + " (strided)", seed=seed)


CALLS = {
    "hflip": lambda learner, image, boxes: learner.hflip(image, boxes),
    "crop": lambda learner, image, boxes: learner.crop(image, boxes, 0, 0, 4, 4),
    "letterbox": lambda learner, image, boxes: learner.letterbox(image, boxes, 8),
}


@pytest.mark.parametrize("fn", list(CALLS))
@pytest.mark.parametrize("kind", ["integer boxes", "list of boxes", "list image"])
def test_every_function_refuses_non_float_boxes_and_non_tensor_images(learner, fn, kind):
    image, boxes = torch.zeros(1, 6, 6), boxes_of((1, 1, 2, 2))
    name = "image" if kind == "list image" else "boxes"
    if kind == "integer boxes":
        boxes = boxes.to(torch.int64)
    elif kind == "list of boxes":
        boxes = boxes.tolist()
    else:
        image = image.tolist()
    call = f"{fn}(...) with {kind}"
    assert_raises(TypeError, CALLS[fn], learner, image, boxes, match=rf"\b{name}\b", call=call)


@pytest.mark.parametrize(
    "fn, args, error, name",
    [
        ("hflip", (torch.zeros(6, 6),), ValueError, "image"),
        ("crop", (torch.zeros(1, 6, 6), 0, 0, 8, 4), ValueError, "height"),
        ("crop", (torch.zeros(1, 6, 6), -1, 0, 4, 4), ValueError, "top"),
        ("crop", (torch.zeros(1, 6, 6), 0, 0, 4, 4, 1.5), ValueError, "min_visible"),
        ("letterbox", (torch.zeros(1, 6, 6), 0), ValueError, "size"),
        ("letterbox", (torch.zeros(1, 6, 6, dtype=torch.uint8), 8), TypeError, "image"),
    ],
    ids=[
        "hflip 2-d image",
        "crop past the bottom",
        "crop negative top",
        "crop min_visible",
        "letterbox size 0",
        "letterbox uint8",
    ],
)
def test_checks_arguments_even_without_boxes(learner, fn, args, error, name):
    image, *rest = args
    boxes = torch.zeros(0, 4)
    call = f"{fn}({call_repr('', image)[1:-1]}, Tensor[0, 4], {', '.join(map(repr, rest))})  [no box]"
    assert_raises(error, getattr(learner, fn), image, boxes, *rest, match=rf"\b{name}\b", call=call)
