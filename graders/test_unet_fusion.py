"""Grader for unet_fusion: centre crop with offset ``(H - h) // 2`` and U-Net's concatenation, skip first.

Expected values come from hand-worked windows of ``arange`` images (so every value says where it came
from), from a reference written here (explicit slicing with floor-divided offsets, then ``torch.cat``), and
from the gradient of the fusion, which must put the upstream gradient back exactly inside the crop window.

Promises and the tests that hold them:
center_crop
- offset (H - h) // 2, (W - w) // 2 -> test_center_crop_offset_is_floor_of_half_the_difference
- odd leftover row/column stays at the bottom/right -> test_center_crop_leaves_the_odd_pixel_at_the_bottom_right
- U-Net's own sizes (568 -> 392) -> test_center_crop_with_unet_sizes
- an int size gives a square -> test_center_crop_int_size_gives_a_square
- the last two axes of any leading shape, 2-D included -> test_center_crop_crops_the_last_two_axes_of_any_leading_shape
- a crop to the full size keeps everything -> test_center_crop_to_the_full_size_keeps_everything
- keeps dtype, input not modified -> test_center_crop_keeps_dtype_and_leaves_input_unchanged
- a view of x (no copy) -> test_center_crop_returns_a_view_of_x
- window larger than x -> ValueError naming size -> test_center_crop_rejects_a_crop_larger_than_the_input
- size not positive / not an int or pair -> ValueError / TypeError naming size -> test_center_crop_rejects_bad_sizes
- a bool is not taken as an int size -> test_center_crop_rejects_a_bool_size
- x not a tensor -> TypeError naming x -> test_center_crop_rejects_x_that_is_not_a_tensor
- x with fewer than 2 dimensions -> ValueError naming x -> test_center_crop_rejects_x_with_fewer_than_two_dimensions
unet_fuse
- cropped skip first, then up, on channels -> test_unet_fuse_puts_the_cropped_skip_first_then_up,
  test_unet_fuse_crops_skip_to_the_size_of_up_and_concatenates, test_unet_fuse_of_equal_sizes_is_a_plain_concatenation
- result shape [N, C_skip + C_up, h, w], computed in torch (gradients reach the crop window)
  -> test_unet_fuse_sends_gradients_back_into_the_crop_window
- a new tensor, inputs not modified -> test_unet_fuse_leaves_inputs_unchanged
- not 4-D / batch sizes differ / up larger than skip -> ValueError naming the argument (or "batch")
  -> test_unet_fuse_rejects_inputs_that_do_not_fit
- an argument that is not a tensor -> TypeError naming it -> test_unet_fuse_rejects_arguments_that_are_not_tensors
- different dtypes -> TypeError naming up (no silent promotion) -> test_unet_fuse_rejects_different_dtypes
"""

from __future__ import annotations

import pytest
import torch

from graders.helpers import assert_close, assert_equal, assert_raises, assert_unchanged, call_repr


def randn(seed: int, *shape, dtype=torch.float64) -> torch.Tensor:
    return torch.randn(shape, generator=torch.Generator().manual_seed(seed), dtype=dtype)


def grid(*shape, dtype=torch.float64) -> torch.Tensor:
    """Values 0, 1, 2, … in row-major order: a value's position says which pixel it is."""
    n = 1
    for s in shape:
        n *= s
    return torch.arange(n, dtype=dtype).view(shape)


def reference_crop(x: torch.Tensor, h: int, w: int) -> torch.Tensor:
    top, left = (x.shape[-2] - h) // 2, (x.shape[-1] - w) // 2
    return x[..., top : top + h, left : left + w]


def crop_repr(x, size) -> str:
    return call_repr("center_crop", x, size)


def fuse_repr(skip, up) -> str:
    return call_repr("unet_fuse", skip, up)


# ------------------------------------------------------------------------------------ center_crop


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "hw, size, top, left",
    [
        ((7, 9), (4, 5), 1, 2),
        ((8, 6), (3, 3), 2, 1),
        ((5, 5), (2, 4), 1, 0),
        ((6, 10), (6, 1), 0, 4),
    ],
    ids=["odd differences 3 and 4", "odd 5 and 3", "odd 3, one column left", "full height"],
)
def test_center_crop_offset_is_floor_of_half_the_difference(learner, hw, size, top, left):
    x = grid(2, 3, *hw)
    expected = x[..., top : top + size[0], left : left + size[1]]
    got = learner.center_crop(x, size)
    call = crop_repr(x, size) + f" on arange values (expected the window at row {top}, column {left})"
    assert_close(got, expected, call=call)


@pytest.mark.points(2)
def test_center_crop_leaves_the_odd_pixel_at_the_bottom_right(learner):
    # 5 -> 2 leaves 3 rows: 1 above, 2 below. Rounding the offset up would start at row 2.
    x = grid(1, 1, 5, 5)
    got = learner.center_crop(x, 2)
    expected = torch.tensor([[[[6.0, 7.0], [11.0, 12.0]]]], dtype=torch.float64)
    assert_close(got, expected, call=crop_repr(x, 2) + " on arange(25)")


def test_center_crop_with_unet_sizes(learner):
    # The paper's top level: a 568 x 568 encoder map cropped to the 392 x 392 decoder map (offset 88).
    x = grid(1, 2, 568, 568, dtype=torch.float32)
    got = learner.center_crop(x, (392, 392))
    assert_close(got, x[..., 88:480, 88:480], call=crop_repr(x, (392, 392)))


def test_center_crop_int_size_gives_a_square(learner):
    x = randn(3, 2, 3, 9, 12)
    got = learner.center_crop(x, 5)
    assert_close(got, reference_crop(x, 5, 5), call=crop_repr(x, 5), seed=3)


@pytest.mark.parametrize(
    "shape, size",
    [((4, 7, 8), (3, 5)), ((3, 2, 11, 6), (4, 6)), ((6, 5), (1, 2))],
    ids=["C,H,W", "N,C,H,W", "H,W"],
)
def test_center_crop_crops_the_last_two_axes_of_any_leading_shape(learner, shape, size):
    seed = 10 + len(shape)
    x = randn(seed, *shape)
    got = learner.center_crop(x, size)
    assert_close(got, reference_crop(x, *size), call=crop_repr(x, size), seed=seed)


def test_center_crop_to_the_full_size_keeps_everything(learner):
    x = randn(5, 2, 3, 7, 4, dtype=torch.float32)
    got = learner.center_crop(x, (7, 4))
    assert_close(got, x, call=crop_repr(x, (7, 4)), seed=5)


def test_center_crop_keeps_dtype_and_leaves_input_unchanged(learner):
    x = randn(6, 2, 3, 9, 8, dtype=torch.float32)
    before = x.clone()
    got = learner.center_crop(x, (4, 3))
    assert_equal(getattr(got, "dtype", None), torch.float32, call=crop_repr(x, (4, 3)), what="dtype")
    assert_unchanged(before, x, name="x", call=crop_repr(x, (4, 3)))


@pytest.mark.points(2)
@pytest.mark.parametrize("size", [(8, 3), (3, 9), (9, 9)], ids=["taller", "wider", "both"])
def test_center_crop_rejects_a_crop_larger_than_the_input(learner, size):
    x = torch.zeros(1, 2, 7, 8)
    assert_raises(ValueError, learner.center_crop, x, size, match=r"\bsize\b", call=crop_repr(x, size))


@pytest.mark.parametrize(
    "size, exc",
    [((0, 3), ValueError), (-1, ValueError), ((2.5, 3), TypeError), ((2, 3, 4), TypeError)],
    ids=["zero", "negative", "float", "three sizes"],
)
def test_center_crop_rejects_bad_sizes(learner, size, exc):
    x = torch.zeros(1, 2, 7, 8)
    assert_raises(exc, learner.center_crop, x, size, match=r"\bsize\b", call=crop_repr(x, size))


@pytest.mark.parametrize("size", [True, (True, 3)], ids=["True", "True in a pair"])
def test_center_crop_rejects_a_bool_size(learner, size):
    # True == 1 in Python, but a bool is not a size: the docstring refuses it.
    x = torch.zeros(1, 2, 7, 8)
    assert_raises(TypeError, learner.center_crop, x, size, match=r"\bsize\b", call=crop_repr(x, size))


def test_center_crop_returns_a_view_of_x(learner):
    x = randn(7, 2, 3, 9, 8, dtype=torch.float32)
    got = learner.center_crop(x, (4, 3))
    call = crop_repr(x, (4, 3))
    if not isinstance(got, torch.Tensor):
        raise AssertionError(f"{call}\n  returned {type(got).__name__}, expected a tensor")
    storage = x.untyped_storage()
    start, stop = storage.data_ptr(), storage.data_ptr() + storage.nbytes()
    if got.untyped_storage().data_ptr() != storage.data_ptr() or not start <= got.data_ptr() < stop:
        raise AssertionError(
            f"{call}\n  returned a copy; the docstring promises a view of x (no copy), as slicing gives"
        )


@pytest.mark.parametrize("x", [[[1.0, 2.0], [3.0, 4.0]], None], ids=["nested list", "None"])
def test_center_crop_rejects_x_that_is_not_a_tensor(learner, x):
    assert_raises(TypeError, learner.center_crop, x, 1, match=r"\bx\b", call=crop_repr(x, 1))


@pytest.mark.parametrize("shape", [(5,), ()], ids=["1-D", "0-D"])
def test_center_crop_rejects_x_with_fewer_than_two_dimensions(learner, shape):
    x = torch.zeros(shape)
    assert_raises(ValueError, learner.center_crop, x, 1, match=r"\bx\b", call=crop_repr(x, 1))


# ------------------------------------------------------------------------------------ unet_fuse


@pytest.mark.points(2)
def test_unet_fuse_puts_the_cropped_skip_first_then_up(learner):
    skip = grid(1, 2, 4, 4)
    up = -grid(1, 1, 2, 2) - 1
    got = learner.unet_fuse(skip, up)
    expected = torch.tensor(
        [[[[5.0, 6.0], [9.0, 10.0]], [[21.0, 22.0], [25.0, 26.0]], [[-1.0, -2.0], [-3.0, -4.0]]]],
        dtype=torch.float64,
    )
    assert_close(got, expected, call=fuse_repr(skip, up) + " (skip = arange, up = -1, -2, …)")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "skip_shape, up_shape",
    [((3, 4, 17, 13), (3, 6, 12, 10)), ((2, 8, 64, 64), (2, 4, 56, 56)), ((2, 3, 9, 11), (2, 3, 4, 4))],
    ids=["odd differences", "unet sizes", "odd 5 and 7"],
)
def test_unet_fuse_crops_skip_to_the_size_of_up_and_concatenates(learner, skip_shape, up_shape):
    seed = 20 + skip_shape[2]
    skip, up = randn(seed, *skip_shape), randn(seed + 1, *up_shape)
    expected = torch.cat([reference_crop(skip, *up_shape[-2:]), up], dim=1)
    got = learner.unet_fuse(skip, up)
    assert_close(got, expected, call=fuse_repr(skip, up), seed=seed)


def test_unet_fuse_of_equal_sizes_is_a_plain_concatenation(learner):
    skip, up = randn(30, 2, 3, 5, 6, dtype=torch.float32), randn(31, 2, 4, 5, 6, dtype=torch.float32)
    got = learner.unet_fuse(skip, up)
    assert_close(got, torch.cat([skip, up], dim=1), call=fuse_repr(skip, up), seed=30)


def test_unet_fuse_sends_gradients_back_into_the_crop_window(learner):
    seed = 40
    skip = randn(seed, 2, 3, 9, 8).requires_grad_(True)
    up = randn(seed + 1, 2, 2, 4, 5).requires_grad_(True)
    weight = randn(seed + 2, 2, 5, 4, 5)
    got = learner.unet_fuse(skip, up)
    call = fuse_repr(skip, up)
    if not isinstance(got, torch.Tensor) or got.grad_fn is None:
        raise AssertionError(f"{call}\n  the result carries no gradient (keep the computation in torch)")
    (got * weight).sum().backward()
    expected_skip = torch.zeros_like(skip)
    expected_skip[:, :, 2:6, 1:6] = weight[:, :3]
    assert_close(skip.grad, expected_skip, call=call + ", gradient with respect to skip", what="skip.grad")
    assert_close(up.grad, weight[:, 3:], call=call + ", gradient with respect to up", what="up.grad")


def test_unet_fuse_leaves_inputs_unchanged(learner):
    skip, up = randn(50, 2, 3, 7, 7, dtype=torch.float32), randn(51, 2, 3, 4, 4, dtype=torch.float32)
    before_skip, before_up = skip.clone(), up.clone()
    got = learner.unet_fuse(skip, up)
    with torch.no_grad():
        got.add_(1.0)  # the result must be a new tensor, not a view into skip
    assert_unchanged(before_skip, skip, name="skip", call=fuse_repr(skip, up) + " (then adding 1 to the result)")
    assert_unchanged(before_up, up, name="up", call=fuse_repr(skip, up))


@pytest.mark.parametrize(
    "skip_shape, up_shape, match",
    [
        ((2, 3, 8, 8), (2, 3, 9, 8), r"\bup\b"),
        ((2, 3, 8, 8), (2, 3, 8, 10), r"\bup\b"),
        ((2, 3, 8, 8), (3, 3, 4, 4), r"\bbatch\b"),
        ((3, 8, 8), (2, 3, 4, 4), r"\bskip\b"),
        ((2, 3, 8, 8), (2, 4, 4), r"\bup\b"),
    ],
    ids=["up taller", "up wider", "batch sizes differ", "skip three-dimensional", "up three-dimensional"],
)
def test_unet_fuse_rejects_inputs_that_do_not_fit(learner, skip_shape, up_shape, match):
    skip, up = torch.zeros(skip_shape), torch.zeros(up_shape)
    assert_raises(ValueError, learner.unet_fuse, skip, up, match=match, call=fuse_repr(skip, up))


@pytest.mark.parametrize("which", ["skip", "up"])
def test_unet_fuse_rejects_arguments_that_are_not_tensors(learner, which):
    skip, up = torch.zeros(1, 2, 6, 6), torch.zeros(1, 2, 4, 4)
    if which == "skip":
        skip = skip.tolist()
    else:
        up = up.tolist()
    assert_raises(TypeError, learner.unet_fuse, skip, up, match=rf"\b{which}\b", call=fuse_repr(skip, up))


def test_unet_fuse_rejects_different_dtypes(learner):
    # torch.cat would promote float32 and float64 to float64 without a word; the docstring refuses the mix.
    skip, up = torch.zeros(1, 2, 6, 6, dtype=torch.float32), torch.zeros(1, 2, 4, 4, dtype=torch.float64)
    assert_raises(TypeError, learner.unet_fuse, skip, up, match=r"\bup\b", call=fuse_repr(skip, up))
