"""Grader for upsampling: bilinear interpolation by hand, and FCN's bilinear kernel for a transposed conv.

Expected values come from PyTorch's own ``F.interpolate(mode="bilinear")`` (values and gradients, both
``align_corners`` settings), from hand-worked rows, and, for the kernel, from hand-worked triangles and
from ``F.conv_transpose2d`` with the learner's kernel against ``F.interpolate`` in the interior (on the
image in float64, rounded to float32 once).

Tolerances: float64 uses the house defaults (rtol 1e-7, atol 1e-9). For float32 the absolute tolerance is
1e-5 instead of 1e-6, because PyTorch's float32 kernel computes the source coordinates themselves in
float32: on sides of 13 to 41 pixels its results differ from the exact (float64-coordinate) interpolation
of the same float32 images by up to 4.8e-6 for values around 1 (measured with torch 2.13 CPU), so an
answer more exact than PyTorch would fail 1e-6. The error grows with the side (1.2e-4 at 300 -> 600 with
align_corners=True), so the float32 cases stay at sides of 16 or less, and the large timing cases use exact
factors of 2. Every wrong formula shipped with this exercise is off by more than 0.05.

Promises and the tests that hold them:
bilinear_interpolate
- F.interpolate's values, both align_corners, up, down, mixed, to one pixel -> test_matches_f_interpolate
- source coordinate (i + 0.5) * in / out - 0.5 clamped at 0; the last pixel past the end
  -> test_align_corners_false_samples_at_pixel_centres_and_clamps_at_the_edges
- align_corners=True maps corners onto corners -> test_align_corners_true_maps_corner_pixels_onto_each_other
- two neighbours only, also downsampling -> test_downsampling_blends_two_pixels_without_averaging_the_rest
- an int size is a square -> test_int_size_gives_a_square
- F.interpolate's gradients -> test_gradients_match_f_interpolate
- any strides; x not modified; x's dtype
  -> test_accepts_non_contiguous_inputs, test_keeps_dtype_and_leaves_input_unchanged
- float16 and bfloat16 kept -> test_keeps_half_precision_dtype
- ValueError/TypeError naming x, size, align_corners (float and bool sizes, align_corners=1, an empty side)
  -> test_rejects_bad_arguments, test_rejects_integer_images
- no loop over pixels
  -> test_resizes_a_batch_of_feature_maps_quickly, test_resizes_a_large_image_without_a_loop_over_pixels
- by hand: no built-in resampling, by any route -> test_by_hand
bilinear_kernel
- the outer product of FCN's triangles, k = 2 * factor - factor % 2
  -> test_bilinear_kernel_is_the_outer_product_of_fcn_triangles
- [channels, 1, k, k], one shared kernel -> test_bilinear_kernel_has_one_kernel_per_channel
- torch's default dtype
  -> test_bilinear_kernel_has_one_kernel_per_channel, test_bilinear_kernel_follows_the_default_dtype
- the transposed conv reproduces bilinear upsampling inside
  -> test_transposed_conv_with_bilinear_kernel_reproduces_bilinear_upsampling_inside
- ValueError/TypeError naming channels or factor (floats and bools refused)
  -> test_bilinear_kernel_rejects_bad_arguments
Not tested: the device (no second device on the grading machines).
"""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from graders.helpers import (
    assert_close,
    assert_equal,
    assert_raises,
    assert_unchanged,
    by_hand_entries,
    call_repr,
    forbidden,
)

F32_TOL = {"rtol": 1e-5, "atol": 1e-5}

# (input H, W) -> (output H, W), what the case shows
RESIZE_CASES = [
    ((4, 6), (8, 12), "up x2"),
    ((5, 7), (11, 16), "up by non-integer factors"),
    ((13, 10), (5, 4), "down by non-integer factors"),
    ((16, 12), (8, 3), "down x2 and x4"),
    ((6, 9), (13, 4), "up in height, down in width"),
    ((1, 5), (3, 8), "from a single row"),
    ((7, 5), (1, 1), "to a single pixel"),
    ((5, 8), (5, 8), "same size"),
]
RESIZE_IDS = [c[2] for c in RESIZE_CASES]


def randn(seed: int, *shape, dtype=torch.float64) -> torch.Tensor:
    return torch.randn(shape, generator=torch.Generator().manual_seed(seed), dtype=dtype)


def interp_repr(x, size, align_corners) -> str:
    return call_repr("bilinear_interpolate", x, size, align_corners=align_corners)


def assert_close_fast(got, expected, *, call: str, seed: int) -> None:
    """``assert_close`` at the float32 tolerance, with a cheap check first (it is 0.5 s on 8 million values)."""
    if (
        isinstance(got, torch.Tensor)
        and got.shape == expected.shape
        and got.dtype == expected.dtype
        and torch.allclose(got, expected, **F32_TOL)
    ):
        return
    assert_close(got, expected, call=call, seed=seed, **F32_TOL)


def tolerance(dtype: torch.dtype) -> dict:
    return F32_TOL if dtype == torch.float32 else {}


# ------------------------------------------------------------------------------ bilinear_interpolate


@pytest.mark.parametrize("align_corners", [False, True], ids=["align_corners=False", "align_corners=True"])
@pytest.mark.parametrize("in_hw, out_hw, case", RESIZE_CASES, ids=RESIZE_IDS)
def test_matches_f_interpolate(learner, in_hw, out_hw, case, align_corners):
    seed = 100 + RESIZE_IDS.index(case)
    for dtype in (torch.float64, torch.float32):
        x = randn(seed, 2, 3, *in_hw, dtype=dtype)
        expected = F.interpolate(x, size=out_hw, mode="bilinear", align_corners=align_corners)
        got = learner.bilinear_interpolate(x, out_hw, align_corners=align_corners)
        call = interp_repr(x, out_hw, align_corners) + f"  [{case}]"
        assert_close(got, expected, call=call, seed=seed, **tolerance(dtype))


@pytest.mark.points(2)
def test_align_corners_false_samples_at_pixel_centres_and_clamps_at_the_edges(learner):
    # Source coordinates (i + 0.5) * 4/8 - 0.5 = -0.25, 0.25, 0.75, …, 3.25; the ends clamp to pixels 0 and 3.
    x = torch.tensor([[[[0.0, 1.0, 2.0, 3.0]], [[0.0, 10.0, 0.0, 10.0]]]], dtype=torch.float64)
    expected = torch.tensor(
        [[[[0.0, 0.25, 0.75, 1.25, 1.75, 2.25, 2.75, 3.0]], [[0.0, 2.5, 7.5, 7.5, 2.5, 2.5, 7.5, 10.0]]]],
        dtype=torch.float64,
    )
    got = learner.bilinear_interpolate(x, (1, 8))
    assert_close(got, expected, call="bilinear_interpolate([[0, 1, 2, 3]; [0, 10, 0, 10]], (1, 8))")


@pytest.mark.points(2)
def test_align_corners_true_maps_corner_pixels_onto_each_other(learner):
    # Source coordinates i * 3/6 = 0, 0.5, 1, …, 3.
    x = torch.tensor([[[[0.0, 1.0, 2.0, 3.0]], [[0.0, 10.0, 0.0, 10.0]]]], dtype=torch.float64)
    expected = torch.tensor(
        [[[[0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0]], [[0.0, 5.0, 10.0, 5.0, 0.0, 5.0, 10.0]]]], dtype=torch.float64
    )
    got = learner.bilinear_interpolate(x, (1, 7), align_corners=True)
    assert_close(got, expected, call="bilinear_interpolate([[0, 1, 2, 3]; [0, 10, 0, 10]], (1, 7), align_corners=True)")


def test_downsampling_blends_two_pixels_without_averaging_the_rest(learner):
    # 8 -> 3 columns: source (i + 0.5) * 8/3 - 0.5 = 5/6, 7/2, 37/6. Bilinear reads two neighbours only.
    x = torch.arange(8, dtype=torch.float64).square().view(1, 1, 1, 8)
    src = torch.tensor([5 / 6, 3.5, 37 / 6], dtype=torch.float64)
    left = src.floor()
    expected = (left.square() * (1 - (src - left)) + (left + 1).square() * (src - left)).view(1, 1, 1, 3)
    got = learner.bilinear_interpolate(x, (1, 3))
    assert_close(got, expected, call="bilinear_interpolate([[0, 1, 4, 9, …, 49]], (1, 3))")


def test_int_size_gives_a_square(learner):
    x = randn(7, 2, 2, 5, 9)
    for align_corners in (False, True):
        got = learner.bilinear_interpolate(x, 6, align_corners=align_corners)
        expected = F.interpolate(x, size=6, mode="bilinear", align_corners=align_corners)
        assert_close(got, expected, call=interp_repr(x, 6, align_corners), seed=7)


@pytest.mark.parametrize("align_corners", [False, True], ids=["align_corners=False", "align_corners=True"])
def test_gradients_match_f_interpolate(learner, align_corners):
    seed = 21
    for in_hw, out_hw in (((5, 7), (11, 4)), ((9, 6), (4, 13))):
        x = randn(seed, 2, 3, *in_hw).requires_grad_(True)
        weight = randn(seed + 1, 2, 3, *out_hw)
        (F.interpolate(x, size=out_hw, mode="bilinear", align_corners=align_corners) * weight).sum().backward()
        expected = x.grad.clone()
        x.grad = None
        got = learner.bilinear_interpolate(x, out_hw, align_corners=align_corners)
        call = interp_repr(x, out_hw, align_corners)
        if not isinstance(got, torch.Tensor) or got.grad_fn is None:
            raise AssertionError(f"{call}\n  the result carries no gradient (keep the computation in torch)")
        (got * weight).sum().backward()
        assert_close(x.grad, expected, call=call + ", gradient with respect to x", seed=seed, what="x.grad")


def test_accepts_non_contiguous_inputs(learner):
    seed = 31
    base = randn(seed, 2, 3, 9, 7)
    for x, how in (
        (base.transpose(2, 3), "transposed"),
        (base.contiguous(memory_format=torch.channels_last), "channels-last"),
        (base[:, :, ::2, 1:], "strided"),
    ):
        expected = F.interpolate(x.contiguous(), size=(10, 6), mode="bilinear", align_corners=False)
        got = learner.bilinear_interpolate(x, (10, 6))
        assert_close(got, expected, call=interp_repr(x, (10, 6), False) + f" ({how} input)", seed=seed)


def test_keeps_dtype_and_leaves_input_unchanged(learner):
    for dtype in (torch.float32, torch.float64):
        x = randn(41, 2, 2, 5, 4, dtype=dtype)
        before = x.clone()
        got = learner.bilinear_interpolate(x, (7, 9), align_corners=True)
        call = interp_repr(x, (7, 9), True)
        assert_equal(getattr(got, "dtype", None), dtype, call=call, what="dtype")
        assert_unchanged(before, x, name="x", call=call)


@pytest.mark.parametrize(
    "shape, size, kwargs, exc, match",
    [
        ((3, 4, 5), (6, 6), {}, ValueError, r"\bx\b"),
        ((1, 1, 0, 5), (6, 6), {}, ValueError, r"\bx\b"),
        ((1, 1, 4, 5), (0, 3), {}, ValueError, r"\bsize\b"),
        ((1, 1, 4, 5), -2, {}, ValueError, r"\bsize\b"),
        ((1, 1, 4, 5), (2, 3, 4), {}, TypeError, r"\bsize\b"),
        ((1, 1, 4, 5), 6.0, {}, TypeError, r"\bsize\b"),
        ((1, 1, 4, 5), (6, True), {}, TypeError, r"\bsize\b"),
        ((1, 1, 4, 5), (6, 6), {"align_corners": 1}, TypeError, r"\balign_corners\b"),
    ],
    ids=[
        "three-dimensional x",
        "empty height",
        "zero height",
        "negative int",
        "three sizes",
        "float size",
        "bool in size",
        "align_corners=1",
    ],
)
def test_rejects_bad_arguments(learner, shape, size, kwargs, exc, match):
    x = torch.zeros(shape)
    call = interp_repr(x, size, kwargs.get("align_corners", False))
    assert_raises(exc, learner.bilinear_interpolate, x, size, match=match, call=call, **kwargs)


def test_rejects_integer_images(learner):
    x = torch.zeros(1, 1, 4, 5, dtype=torch.int64)
    call = interp_repr(x, (8, 10), False)
    assert_raises(TypeError, learner.bilinear_interpolate, x, (8, 10), match=r"\bx\b", call=call)


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16], ids=["float16", "bfloat16"])
def test_keeps_half_precision_dtype(learner, dtype):
    seed = 45
    x = randn(seed, 2, 3, 5, 7).to(dtype)
    for ac in (False, True):
        # the exact interpolation of the half-precision values, rounded to the dtype; 4 ulps of the largest value
        exact = F.interpolate(x.double(), size=(9, 4), mode="bilinear", align_corners=ac)
        atol = 4 * torch.finfo(dtype).eps * float(exact.abs().max())
        got = learner.bilinear_interpolate(x, (9, 4), align_corners=ac)
        assert_close(got, exact.to(dtype), call=interp_repr(x, (9, 4), ac), seed=seed, rtol=0.0, atol=atol)


@pytest.mark.by_hand
@pytest.mark.points(2)
def test_by_hand(learner):
    seed = 51
    x = randn(seed, 2, 3, 6, 5)
    expected = [F.interpolate(x, size=(9, 4), mode="bilinear", align_corners=ac) for ac in (False, True)]
    with forbidden(*by_hand_entries("upsampling")):
        got = [learner.bilinear_interpolate(x, (9, 4), align_corners=ac) for ac in (False, True)]
    for ac, g, e in zip((False, True), got, expected, strict=True):
        assert_close(g, e, call=interp_repr(x, (9, 4), ac), seed=seed)


@pytest.mark.points(2)
@pytest.mark.timeout(4)
def test_resizes_a_batch_of_feature_maps_quickly(learner):
    # 8x16x128x128 -> 256x256 float32: the call 0.1-0.6 s here with indexing and lerp, depending on the
    # load (F.interpolate: 0.05-0.1 s); the whole test 0.17-0.8 s. A loop over the 8.4 million output
    # values takes minutes. A loop over the 65,536 output pixels, blending [8, 16] slices, takes 4-13 s
    # (65-200 us a pixel), too close to call here: the large-image test below is the one that catches it.
    seed = 61
    x = randn(seed, 8, 16, 128, 128, dtype=torch.float32)
    got = learner.bilinear_interpolate(x, (256, 256))
    expected = F.interpolate(x, size=(256, 256), mode="bilinear", align_corners=False)
    assert_close_fast(got, expected, call=interp_repr(x, (256, 256), False), seed=seed)


@pytest.mark.timeout(3)
def test_resizes_a_large_image_without_a_loop_over_pixels(learner):
    # 1x3x300x400 -> 600x800 float32: the call 0.1-0.23 s here, depending on the load. A Python loop over
    # the 480,000 output pixels takes 30 s or more (65 us a pixel at best).
    # (align_corners=False with an exact factor of 2: float32 coordinates are exact, so the float32
    # tolerance holds at this size; with align_corners=True, 299/599 is not, and PyTorch's float32 kernel
    # itself is 1.2e-4 away from the exact interpolation here.)
    seed = 62
    x = randn(seed, 1, 3, 300, 400, dtype=torch.float32)
    got = learner.bilinear_interpolate(x, (600, 800))
    expected = F.interpolate(x, size=(600, 800), mode="bilinear", align_corners=False)
    assert_close_fast(got, expected, call=interp_repr(x, (600, 800), False), seed=seed)


# ------------------------------------------------------------------------------ bilinear_kernel


def triangle(values: list[float]) -> torch.Tensor:
    t = torch.tensor(values, dtype=torch.float64)
    return (t[:, None] * t[None, :]).float()


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "factor, tri",
    [
        (1, [1.0]),
        (2, [0.25, 0.75, 0.75, 0.25]),
        (3, [1 / 3, 2 / 3, 1.0, 2 / 3, 1 / 3]),
        (4, [0.125, 0.375, 0.625, 0.875, 0.875, 0.625, 0.375, 0.125]),
    ],
    ids=["factor 1", "factor 2", "factor 3", "factor 4"],
)
def test_bilinear_kernel_is_the_outer_product_of_fcn_triangles(learner, factor, tri):
    got = learner.bilinear_kernel(2, factor)
    k = len(tri)
    expected = triangle(tri).view(1, 1, k, k).expand(2, 1, k, k).contiguous()
    assert_close(got, expected, call=f"bilinear_kernel(2, {factor})", what=f"kernel (k = 2*{factor} - {factor} % 2)")


@pytest.mark.parametrize("channels, factor", [(1, 5), (7, 3), (4, 6)])
def test_bilinear_kernel_has_one_kernel_per_channel(learner, channels, factor):
    call = f"bilinear_kernel({channels}, {factor})"
    got = learner.bilinear_kernel(channels, factor)
    k = 2 * factor - factor % 2
    assert_equal(tuple(getattr(got, "shape", ())), (channels, 1, k, k), call=call, what="shape")
    assert_equal(got.dtype, torch.float32, call=call, what="dtype")
    for c in range(1, channels):
        assert_close(got[c], got[0], call=call, what=f"kernel of channel {c} (all channels share one kernel)")


def test_bilinear_kernel_follows_the_default_dtype(learner):
    before = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    try:
        got = learner.bilinear_kernel(1, 2)
    finally:
        torch.set_default_dtype(before)
    expected = triangle([0.25, 0.75, 0.75, 0.25]).double().view(1, 1, 4, 4)
    assert_close(got, expected, call="bilinear_kernel(1, 2) with torch.set_default_dtype(torch.float64)")


@pytest.mark.points(2)
@pytest.mark.parametrize("factor", [2, 3, 4, 5])
def test_transposed_conv_with_bilinear_kernel_reproduces_bilinear_upsampling_inside(learner, factor):
    # ConvTranspose2d(C, C, k, stride=factor, padding=factor // 2, groups=C): out = factor * in exactly,
    # equal to align_corners=False bilinear upsampling except the outer factor // 2 rows/columns.
    seed = 70 + factor
    channels, h, w = 3, 6, 5
    x = randn(seed, 2, channels, h, w, dtype=torch.float32)
    kernel = learner.bilinear_kernel(channels, factor)
    got = F.conv_transpose2d(x, kernel, stride=factor, padding=factor // 2, groups=channels)
    # Expected: the float64 interpolation of the same float32 image, rounded to float32 once. PyTorch's
    # float32 kernel computes its source coordinates in float32 and was up to 8.4e-7 off here (factors 3
    # and 5, sides 12-30): 0.59 of the default float32 tolerance (rtol 1e-5, atol 1e-6) used up before the
    # learner's kernel adds anything. Against the float64 interpolation the reference kernel is off by at
    # most 2.4e-7, 0.07 of the tolerance (measured with torch 2.13 CPU).
    expected = F.interpolate(x.double(), size=(factor * h, factor * w), mode="bilinear", align_corners=False).float()
    p = factor // 2
    call = (
        f"F.conv_transpose2d(x, bilinear_kernel({channels}, {factor}), stride={factor}, padding={p}, "
        f"groups={channels}) against bilinear upsampling, rows/columns {p} … {factor * h - p - 1}"
    )
    assert_equal(tuple(got.shape), tuple(expected.shape), call=call, what="output shape")
    assert_close(
        got[..., p : factor * h - p, p : factor * w - p],
        expected[..., p : factor * h - p, p : factor * w - p],
        call=call,
        seed=seed,
    )


@pytest.mark.parametrize(
    "args, exc, match",
    [
        ((3, 0), ValueError, r"\bfactor\b"),
        ((0, 2), ValueError, r"\bchannels\b"),
        ((3, 2.0), TypeError, r"\bfactor\b"),
        ((2.0, 3), TypeError, r"\bchannels\b"),
        ((3, True), TypeError, r"\bfactor\b"),
    ],
    ids=["factor 0", "no channels", "float factor", "float channels", "bool factor"],
)
def test_bilinear_kernel_rejects_bad_arguments(learner, args, exc, match):
    assert_raises(exc, learner.bilinear_kernel, *args, match=match, call=f"bilinear_kernel{args}")
