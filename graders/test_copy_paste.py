"""Grader for copy_paste: alpha compositing of an object at any offset, and its tight box.

Expected values: a per-pixel reference written here (loops over the object's pixels, skipping those that
fall outside the background) and hand-worked placements.

Promises and the tests that hold them:
- out = alpha * obj + (1 - alpha) * background where they overlap, dtype of background
  -> test_pastes_inside_the_background, test_opaque_object_replaces_the_pixels_and_half_alpha_averages
- obj and alpha of another dtype are converted to background's -> test_obj_of_another_dtype_takes_the_backgrounds_dtype
- hanging over a border: clipped -> test_object_hanging_over_a_border_is_clipped
- entirely outside: image unchanged, box None -> test_object_entirely_outside_leaves_the_image_and_gives_no_box
- the image is a new tensor, also when nothing is pasted -> test_image_is_a_new_tensor_even_when_nothing_is_pasted
- box tight around visible pixels with alpha > 0, in pixel edges -> test_box_is_tight_around_pixels_with_positive_alpha,
  test_box_counts_only_the_visible_part
- box of four Python ints -> test_box_holds_python_ints
- alpha all 0: box None -> test_fully_transparent_object_gives_no_box
- inputs not modified -> test_leaves_its_inputs_unchanged
- strided obj and alpha -> test_accepts_non_contiguous_object_and_alpha
- channels / alpha shape / alpha outside [0, 1] -> ValueError naming obj / alpha
  -> test_rejects_mismatched_shapes_and_alpha_out_of_range
- non-floating tensors, top/left not an int (bool included) -> TypeError naming it
  -> test_rejects_arguments_of_the_wrong_type
"""

from __future__ import annotations

import pytest
import torch

from graders.helpers import assert_close, assert_equal, assert_raises, assert_unchanged, call_repr


def naive_paste(background, obj, alpha, top, left):
    image = background.clone().double()
    C, H, W = background.shape
    h, w = alpha.shape
    xs, ys = [], []
    for i in range(h):
        for j in range(w):
            r, c = top + i, left + j
            if 0 <= r < H and 0 <= c < W:
                a = float(alpha[i, j])
                image[:, r, c] = a * obj[:, i, j].double() + (1 - a) * background[:, r, c].double()
                if a > 0:
                    xs.append(c)
                    ys.append(r)
    box = (min(xs), min(ys), max(xs) + 1, max(ys) + 1) if xs else None
    return image.to(background.dtype), box


def scene(seed: int, C=3, H=9, W=13, h=4, w=6, dtype=torch.float32, soft_edges=True):
    g = torch.Generator().manual_seed(seed)
    background = torch.rand(C, H, W, generator=g, dtype=torch.float64).to(dtype)
    obj = torch.rand(C, h, w, generator=g, dtype=torch.float64).to(dtype)
    alpha = torch.rand(h, w, generator=g, dtype=torch.float64).to(dtype)
    if soft_edges:
        alpha[0, :] = 0.0  # a transparent first row and last column: the box must not include them
        alpha[:, -1] = 0.0
    return background, obj, alpha


def check(learner, background, obj, alpha, top, left, seed=None):
    call = call_repr("paste_object", background, obj, alpha, top, left)
    expected_image, expected_box = naive_paste(background, obj, alpha, top, left)
    image, box = learner.paste_object(background, obj, alpha, top, left)
    assert_close(image, expected_image, call=call, seed=seed, what="image")
    assert_equal(box, expected_box, call=call, seed=seed, what="box (x1, y1, x2, y2)")


@pytest.mark.points(2)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])
def test_pastes_inside_the_background(learner, dtype):
    check(learner, *scene(1, dtype=dtype), top=2, left=3, seed=1)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "top, left",
    [(-2, 4), (3, -3), (7, 5), (4, 10), (-2, -3), (7, 10)],
    ids=[
        "over the top",
        "over the left",
        "over the bottom",
        "over the right",
        "top-left corner",
        "bottom-right corner",
    ],
)
def test_object_hanging_over_a_border_is_clipped(learner, top, left):
    check(learner, *scene(2), top=top, left=left, seed=2)


@pytest.mark.parametrize(
    "top, left",
    [(-4, 2), (9, 2), (2, -6), (2, 13), (-10, -10)],
    ids=["above", "below", "left", "right", "far away"],
)
def test_object_entirely_outside_leaves_the_image_and_gives_no_box(learner, top, left):
    background, obj, alpha = scene(3)
    image, box = learner.paste_object(background, obj, alpha, top, left)
    call = call_repr("paste_object", background, obj, alpha, top, left)
    assert_close(image, background, call=call, what="image (nothing visible)")
    assert box is None, f"{call}\n  returned box {box}, expected None (no pixel of the object is visible)"


def test_box_is_tight_around_pixels_with_positive_alpha(learner):
    background = torch.zeros(1, 8, 8)
    obj = torch.ones(1, 5, 5)
    alpha = torch.zeros(5, 5)
    alpha[1, 2] = 0.3
    alpha[3, 1] = 1.0
    image, box = learner.paste_object(background, obj, alpha, 2, 1)
    assert_equal(
        box,
        (2, 3, 4, 6),
        call="paste_object(zeros, ones, alpha with two opaque-ish pixels, 2, 1)",
        what="box (x1, y1, x2, y2) in pixel edges",
    )


def test_box_counts_only_the_visible_part(learner):
    background = torch.zeros(1, 6, 6)
    obj = torch.ones(1, 4, 4)
    alpha = torch.ones(4, 4)
    image, box = learner.paste_object(background, obj, alpha, 4, -2)
    assert_equal(
        box,
        (0, 4, 2, 6),
        call="paste_object(zeros 6x6, ones 4x4, opaque, top=4, left=-2)",
        what="box of the visible quarter",
    )


def test_fully_transparent_object_gives_no_box(learner):
    background, obj, _ = scene(4)
    alpha = torch.zeros(obj.shape[1:])
    image, box = learner.paste_object(background, obj, alpha, 1, 1)
    assert_close(image, background, call="paste_object(..., alpha all 0, 1, 1)", what="image")
    assert box is None, f"paste_object with alpha all 0 returned box {box}, expected None"


def test_opaque_object_replaces_the_pixels_and_half_alpha_averages(learner):
    background = torch.zeros(2, 3, 3)
    obj = torch.ones(2, 1, 2)
    image, _ = learner.paste_object(background, obj, torch.tensor([[1.0, 0.5]]), 1, 1)
    expected = torch.zeros(2, 3, 3)
    expected[:, 1, 1] = 1.0
    expected[:, 1, 2] = 0.5
    assert_close(image, expected, call="paste_object(zeros [2, 3, 3], ones [2, 1, 2], [[1, 0.5]], 1, 1)")


def test_leaves_its_inputs_unchanged(learner):
    background, obj, alpha = scene(5)
    before = [t.clone() for t in (background, obj, alpha)]
    learner.paste_object(background, obj, alpha, 1, 2)
    for name, b, a in zip(("background", "obj", "alpha"), before, (background, obj, alpha), strict=True):
        assert_unchanged(b, a, name=name, call="paste_object(background, obj, alpha, 1, 2)")


def test_accepts_non_contiguous_object_and_alpha(learner):
    background, obj, alpha = scene(6, h=5, w=5)
    obj_t, alpha_t = obj.transpose(1, 2), alpha.T
    assert not obj_t.is_contiguous()
    check(learner, background, obj_t, alpha_t, 1, 2, seed=6)


def test_rejects_mismatched_shapes_and_alpha_out_of_range(learner):
    background, obj, alpha = scene(7)
    assert_raises(ValueError, learner.paste_object, background, obj[:2], alpha, 0, 0, match=r"\bobj\b")
    assert_raises(ValueError, learner.paste_object, background, obj, alpha[:, :-1], 0, 0, match=r"\balpha\b")
    assert_raises(ValueError, learner.paste_object, background, obj, alpha * 2, 0, 0, match=r"\balpha\b")
    assert_raises(ValueError, learner.paste_object, background, obj, alpha - 0.5, 0, 0, match=r"\balpha\b")


@pytest.mark.parametrize(
    "which, value",
    [
        ("background", "uint8"),
        ("obj", "int64"),
        ("alpha", "bool"),
        ("top", 1.5),
        ("left", "2"),
        ("top", True),
    ],
    ids=["uint8 background", "integer obj", "bool alpha", "float top", "string left", "bool top"],
)
def test_rejects_arguments_of_the_wrong_type(learner, which, value):
    background, obj, alpha = scene(8)
    args = {"background": background, "obj": obj, "alpha": alpha, "top": 1, "left": 2}
    if which in ("background", "obj"):
        args[which] = (args[which] * 255).to(getattr(torch, value))
    elif which == "alpha":
        args[which] = args[which] > 0.5
    else:
        args[which] = value
    call = call_repr("paste_object", *args.values())
    assert_raises(TypeError, learner.paste_object, *args.values(), match=rf"\b{which}\b", call=call)


@pytest.mark.parametrize("top, left", [(20, 20), (1, 1)], ids=["entirely outside", "fully transparent"])
def test_image_is_a_new_tensor_even_when_nothing_is_pasted(learner, top, left):
    background, obj, alpha = scene(9)
    if (top, left) == (1, 1):
        alpha = torch.zeros_like(alpha)
    call = call_repr("paste_object", background, obj, alpha, top, left)
    image, _ = learner.paste_object(background, obj, alpha, top, left)
    if image is background or image.untyped_storage().data_ptr() == background.untyped_storage().data_ptr():
        raise AssertionError(
            f"{call}\n  returned background itself (or a view of it); the docstring promises a new tensor, "
            f"an unchanged copy when nothing is pasted"
        )


@pytest.mark.parametrize("top, left", [(2, 3), (-2, -3)], ids=["inside", "over the corner"])
def test_box_holds_python_ints(learner, top, left):
    background, obj, alpha = scene(10)
    call = call_repr("paste_object", background, obj, alpha, top, left)
    _, box = learner.paste_object(background, obj, alpha, top, left)
    if not isinstance(box, tuple) or len(box) != 4:
        raise AssertionError(f"{call}\n  box is {box!r}, expected a tuple (x1, y1, x2, y2)")
    for name, v in zip(("x1", "y1", "x2", "y2"), box, strict=True):
        if isinstance(v, bool) or not isinstance(v, int):
            raise AssertionError(f"{call}\n  box {name} is {v!r} ({type(v).__name__}), expected a Python int")


def test_obj_of_another_dtype_takes_the_backgrounds_dtype(learner):
    background, _, _ = scene(11, dtype=torch.float32)
    _, obj, alpha = scene(11, dtype=torch.float64)
    call = call_repr("paste_object", background, obj, alpha, 2, 3)
    expected_image, _ = naive_paste(background, obj.float(), alpha.float(), 2, 3)
    image, _ = learner.paste_object(background, obj, alpha, 2, 3)
    assert_close(image, expected_image, call=call + "  (float64 obj and alpha on a float32 background)", what="image")
