"""Grader for roi_align: ``roi_pool`` (Fast R-CNN) and ``roi_align`` (Mask R-CNN), by hand and vectorised.

Expected values come from torchvision's answers stored in ``fixtures/roi_align/roi_pool.pt`` and
``roi_align.pt`` (outputs and input gradients; ``generate.py`` beside them regenerates them and the files
record the versions), from naive references written here (nested loops over RoIs, bins and sample points,
following torchvision's CPU kernels step by step, the coordinates computed in the input's dtype as the
kernels do), from hand-worked cases on linear ramps (where bilinear interpolation is exact), and from
invariants. When a value is wrong, the message names the first wrong bin and shows how the reference got
its value: the RoI on the feature map, the bin's pixels or sample points, and what was read there.

Promises and the tests that hold them:
- torchvision's values and input gradients -> test_roi_pool_matches_torchvision, test_roi_align_matches_torchvision,
  test_roi_pool_gradient_goes_to_each_bins_maximum, test_roi_align_gradient_matches_torchvision
- RoI Pool: corners rounded half away from zero -> test_roi_pool_rounds_corners_half_away_from_zero
- RoI Pool: pixels x1..x2 inclusive, floor/ceil bins -> test_roi_pool_includes_the_pixels_at_x2_and_y2,
  test_roi_pool_matches_naive_reference_on_random_rois
- RoI Pool: an empty bin gives 0 -> test_roi_pool_gives_zero_for_bins_off_the_map
- RoI Align: bins, sample grid, bilinear at (x, y) = (c, r) -> test_roi_align_matches_naive_reference_on_random_rois,
  test_roi_align_matches_naive_reference_in_float32, test_roi_align_samples_at_pixel_coordinates_without_aligned
- RoI Align: aligned shifts by -0.5; widening below 1 only without aligned
  -> test_roi_align_aligned_shifts_the_box_by_half_a_pixel,
  test_roi_align_widens_boxes_below_one_pixel_only_without_aligned
- RoI Align: edge pixel between -1 and 0, zero beyond -> test_roi_align_reads_edge_pixels_just_outside_and_zero_beyond
- RoI Align: adaptive grid ceil(size / bins) for sampling_ratio <= 0 -> test_roi_align_adaptive_grid_is_ceil_of_bin_size
- coordinates in the input's dtype, boxes converted to it (scales 1/7, 0.3)
  -> test_roi_pool_scales_corners_in_the_input_dtype, test_roi_align_counts_adaptive_samples_in_the_input_dtype
- batch index picks the image -> test_each_roi_reads_the_image_named_by_its_batch_index
- spatial_scale multiplies the box -> test_spatial_scale_multiplies_the_box
- an int output_size is a square grid -> test_int_output_size_means_a_square_grid
- strided input; inputs not modified -> test_accepts_non_contiguous_input, test_leaves_inputs_unchanged
- K may be 0 -> test_no_rois_give_an_empty_output; the checks all the same
  -> test_checks_arguments_even_without_rois
- ValueError/TypeError naming the argument (boxes, input, output_size, spatial_scale, sampling_ratio; floats and
  bools refused as sizes) -> test_rejects_bad_boxes, test_rejects_bad_input_and_output_size,
  test_rejects_bad_spatial_scale, test_rejects_output_size_and_sampling_ratio_that_are_not_ints
- input's dtype; differentiable -> the fixture tests (float32 and float64), the gradient tests
- vectorised -> test_roi_align_of_400_rois_with_256_channels_is_vectorised,
  test_roi_pool_of_400_rois_with_256_channels_is_fast
- by hand: no sampling or pooling built-in, no torchvision, by any route
  -> test_roi_pool_is_written_by_hand, test_roi_align_is_written_by_hand
Not tested: the device (no second device on the grading machines).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import torch

from graders.helpers import (
    assert_close,
    assert_equal,
    assert_raises,
    assert_unchanged,
    by_hand_entries,
    call_repr,
    forbidden,
    one_thread,
    python_line_budget,
)

HERE = Path(__file__).parent / "fixtures" / "roi_align"
POOL_FIXTURE = torch.load(HERE / "roi_pool.pt", weights_only=True)
ALIGN_FIXTURE = torch.load(HERE / "roi_align.pt", weights_only=True)
TV = f"torchvision {ALIGN_FIXTURE['versions']['torchvision']}"
POOL_CASES = POOL_FIXTURE["cases"]
ALIGN_CASES = ALIGN_FIXTURE["cases"]


def _size_id(c: dict) -> str:
    return f"{c['output_size'][0]}x{c['output_size'][1]}-scale={c['spatial_scale']:g}"


POOL_IDS = [f"{_size_id(c)}-{c['dtype']}" for c in POOL_CASES]
ALIGN_IDS = [f"{_size_id(c)}-ratio={c['sampling_ratio']}-aligned={c['aligned']}-{c['dtype']}" for c in ALIGN_CASES]
POOL_GRAD = [c for c in POOL_CASES if "grad_input" in c]
ALIGN_GRAD = [c for c in ALIGN_CASES if "grad_input" in c]

# ------------------------------------------------------------------------------ naive references
#
# Both follow torchvision's CPU kernels line by line. Coordinates are computed in the input's dtype
# (numpy scalars: float32 arithmetic for float32 maps), the pooled values in float64.


def _scalar(dtype: torch.dtype):
    return np.float32 if dtype == torch.float32 else np.float64


def _c_round(v: float) -> int:
    """C's round(): halves away from zero."""
    return int(math.floor(abs(v) + 0.5)) * (1 if v >= 0 else -1)


def pool_bins(box, output_size, spatial_scale, shape, dtype):
    """RoI Pool's bins for one RoI: the rounded box and, per bin, its clipped pixel ranges."""
    T = _scalar(dtype)
    oh, ow = output_size
    _, _, H, W = shape
    x1, y1, x2, y2 = (_c_round(float(T(v) * T(spatial_scale))) for v in box[1:])
    roi_w, roi_h = max(x2 - x1 + 1, 1), max(y2 - y1 + 1, 1)
    bin_w, bin_h = T(roi_w) / T(ow), T(roi_h) / T(oh)
    rows = [
        (min(max(math.floor(T(i) * bin_h) + y1, 0), H), min(max(math.ceil(T(i + 1) * bin_h) + y1, 0), H))
        for i in range(oh)
    ]
    cols = [
        (min(max(math.floor(T(j) * bin_w) + x1, 0), W), min(max(math.ceil(T(j + 1) * bin_w) + x1, 0), W))
        for j in range(ow)
    ]
    return (x1, y1, x2, y2), rows, cols


def naive_roi_pool(input, boxes, output_size, spatial_scale=1.0) -> torch.Tensor:
    oh, ow = output_size
    out = torch.zeros(len(boxes), input.shape[1], oh, ow, dtype=torch.float64)
    for k, box in enumerate(boxes.tolist()):
        fmap = input[int(box[0])].detach().double()
        _, rows, cols = pool_bins(box, output_size, spatial_scale, input.shape, input.dtype)
        for i, (r0, r1) in enumerate(rows):
            for j, (c0, c1) in enumerate(cols):
                if r1 > r0 and c1 > c0:  # an empty bin stays 0
                    out[k, :, i, j] = fmap[:, r0:r1, c0:c1].amax(dim=(1, 2))
    return out.to(input.dtype)


def align_geometry(box, output_size, spatial_scale, sampling_ratio, aligned, dtype) -> dict:
    """RoI Align's view of one RoI: its corners on the feature map, bin size and sample grid."""
    T = _scalar(dtype)
    oh, ow = output_size
    offset = T(0.5) if aligned else T(0.0)
    x1, y1, x2, y2 = (T(v) * T(spatial_scale) - offset for v in box[1:])
    roi_w, roi_h = x2 - x1, y2 - y1
    if not aligned:
        roi_w, roi_h = max(roi_w, T(1.0)), max(roi_h, T(1.0))
    bin_w, bin_h = roi_w / T(ow), roi_h / T(oh)
    grid_h = sampling_ratio if sampling_ratio > 0 else math.ceil(roi_h / T(oh))
    grid_w = sampling_ratio if sampling_ratio > 0 else math.ceil(roi_w / T(ow))
    return {"T": T, "x1": x1, "y1": y1, "roi_w": roi_w, "roi_h": roi_h, "bin_w": bin_w, "bin_h": bin_h,
            "grid_h": grid_h, "grid_w": grid_w}  # fmt: skip


def sample_points(geo: dict, i: int, j: int) -> list[tuple[float, float]]:
    """The (y, x) sample points of bin (i, j), row by row."""
    T = geo["T"]
    gh, gw = geo["grid_h"], geo["grid_w"]
    ys = [geo["y1"] + T(i) * geo["bin_h"] + T(iy + 0.5) * geo["bin_h"] / T(gh) for iy in range(gh)]
    xs = [geo["x1"] + T(j) * geo["bin_w"] + T(ix + 0.5) * geo["bin_w"] / T(gw) for ix in range(gw)]
    return [(float(y), float(x)) for y in ys for x in xs]


def bilinear(fmap: torch.Tensor, y: float, x: float) -> torch.Tensor | None:
    """torchvision's bilinear_interpolate: None (counts as 0) beyond one pixel outside the map."""
    _, H, W = fmap.shape
    if y < -1.0 or y > H or x < -1.0 or x > W:
        return None
    y, x = max(y, 0.0), max(x, 0.0)
    y_lo, x_lo = int(y), int(x)
    if y_lo >= H - 1:
        y_lo = y_hi = H - 1
        y = float(y_lo)
    else:
        y_hi = y_lo + 1
    if x_lo >= W - 1:
        x_lo = x_hi = W - 1
        x = float(x_lo)
    else:
        x_hi = x_lo + 1
    ly, lx = y - y_lo, x - x_lo
    return (
        (1 - ly) * (1 - lx) * fmap[:, y_lo, x_lo]
        + (1 - ly) * lx * fmap[:, y_lo, x_hi]
        + ly * (1 - lx) * fmap[:, y_hi, x_lo]
        + ly * lx * fmap[:, y_hi, x_hi]
    )


def naive_roi_align(input, boxes, output_size, spatial_scale=1.0, sampling_ratio=-1, aligned=False):
    oh, ow = output_size
    out = torch.zeros(len(boxes), input.shape[1], oh, ow, dtype=torch.float64)
    for k, box in enumerate(boxes.tolist()):
        fmap = input[int(box[0])].detach().double()
        geo = align_geometry(box, output_size, spatial_scale, sampling_ratio, aligned, input.dtype)
        count = max(geo["grid_h"] * geo["grid_w"], 1)
        for i in range(oh):
            for j in range(ow):
                for y, x in sample_points(geo, i, j):
                    value = bilinear(fmap, y, x)
                    if value is not None:
                        out[k, :, i, j] += value
                out[k, :, i, j] /= count
    return out.to(input.dtype)


# ------------------------------------------------------------------------------ explanations


def explain_pool(input, boxes, output_size, spatial_scale):
    def explain(k: int, c: int, i: int, j: int) -> str:
        box = boxes[k].tolist()
        (x1, y1, x2, y2), rows, cols = pool_bins(box, output_size, spatial_scale, input.shape, input.dtype)
        (r0, r1), (c0, c1) = rows[i], cols[j]
        lines = [
            f"RoI {k} = {_fmt_box(box)}; times spatial_scale={spatial_scale:g} and rounded (halves away from "
            f"zero): x {x1}..{x2}, y {y1}..{y2} inclusive, {x2 - x1 + 1} x {y2 - y1 + 1} pixels",
            f"bin ({i}, {j}) covers rows {r0}:{r1}, columns {c0}:{c1} (floor/ceil edges, clipped to the "
            f"{input.shape[2]} x {input.shape[3]} map)",
        ]
        if r1 <= r0 or c1 <= c0:
            lines.append("that bin holds no pixel of the map, so its value is 0")
        else:
            region = input[int(box[0]), c, r0:r1, c0:c1].detach().double()
            lines.append(
                f"expected the max of input[{int(box[0])}, {c}, {r0}:{r1}, {c0}:{c1}] = {region.max().item():.6g}"
            )
        return "\n  ".join(lines)

    return explain


def explain_align(input, boxes, output_size, spatial_scale, sampling_ratio, aligned):
    def explain(k: int, c: int, i: int, j: int) -> str:
        box = boxes[k].tolist()
        geo = align_geometry(box, output_size, spatial_scale, sampling_ratio, aligned, input.dtype)
        fmap = input[int(box[0])].detach().double()
        shift = " - 0.5 (aligned)" if aligned else ""
        widened = "" if aligned else " (each side at least 1: aligned=False)"
        adaptive = ", adaptive: ceil(size / bins)" if sampling_ratio <= 0 else ""
        lines = [
            f"RoI {k} = {_fmt_box(box)}; on the feature map (x spatial_scale={spatial_scale:g}{shift}) it starts "
            f"at x={float(geo['x1']):.6g}, y={float(geo['y1']):.6g}, size {float(geo['roi_w']):.6g} x "
            f"{float(geo['roi_h']):.6g}{widened}",
            f"bins of {float(geo['bin_w']):.6g} x {float(geo['bin_h']):.6g}, {geo['grid_h']} x {geo['grid_w']} sample "
            f"points each (sampling_ratio={sampling_ratio}{adaptive})",
        ]
        samples = []
        for y, x in sample_points(geo, i, j):
            value = bilinear(fmap, y, x)
            samples.append(
                f"(x={x:.4g}, y={y:.4g}) -> " + ("outside, 0" if value is None else f"{value[c].item():.5g}")
            )
        shown = samples[:6] + ([f"... {len(samples) - 6} more"] if len(samples) > 6 else [])
        lines.append(f"bin ({i}, {j}) samples at " + "; ".join(shown) if samples else f"bin ({i}, {j}) has no sample")
        lines.append(f"their mean (divided by {max(geo['grid_h'] * geo['grid_w'], 1)}) is the expected value")
        return "\n  ".join(lines)

    return explain


def _fmt_box(box) -> str:
    return f"(batch {int(box[0])}, x1={box[1]:.6g}, y1={box[2]:.6g}, x2={box[3]:.6g}, y2={box[4]:.6g})"


def align_atol(dtype: torch.dtype) -> float | None:
    """RoI Align in float32: atol 1e-5 instead of 1e-6.

    A float32 sample coordinate carries a rounding error of up to half an ulp (4.8e-7 near 8), and
    bilinear interpolation multiplies it by the map's slope (a few units per pixel on these random
    maps): computing the same coordinates in another order, or in float64, moves a value by up to about
    2e-6 (measured: 1.7e-6 between exact arithmetic and torchvision's float32 kernel). A real mistake moves
    it by 1e-2 or more. float64 keeps the default tolerance.
    """
    return 1e-5 if dtype == torch.float32 else None


def assert_bins_close(got, expected, *, call: str, seed: int | None = None, explain=None, atol=None) -> None:
    """assert_close, and when a value differs: which bin of which RoI, and how the reference got it."""
    try:
        assert_close(got, expected, call=call, seed=seed, what="output", atol=atol)
    except AssertionError as exc:
        if explain is None or not isinstance(got, torch.Tensor) or got.shape != expected.shape:
            raise
        if got.dtype != expected.dtype or got.device != expected.device:
            raise
        r, a = (1e-5, 1e-6) if expected.dtype == torch.float32 else (1e-7, 1e-9)
        a = a if atol is None else atol
        ok = torch.isclose(got.detach().double(), expected.double(), rtol=r, atol=a, equal_nan=True)
        k, c, i, j = (int(v) for v in (~ok).nonzero()[0])
        detail = (
            f"bin ({i}, {j}) of RoI {k}, channel {c}: expected {expected[k, c, i, j].item():.6g}, "
            f"got {got[k, c, i, j].item():.6g}\n  {explain(k, c, i, j)}"
        )
        raise AssertionError(f"{exc}\n  {detail}") from None


# ------------------------------------------------------------------------------ inputs


def upstream_for(shape, dtype) -> torch.Tensor:
    """The upstream gradient the fixtures used: sin(0.37 * arange(numel) + 0.1) in the output's shape."""
    numel = math.prod(shape)
    return torch.sin(0.37 * torch.arange(numel, dtype=torch.float64) + 0.1).reshape(tuple(shape)).to(dtype)


def random_maps(seed: int, shape=(3, 4, 9, 13), dtype=torch.float64) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return torch.randn(shape, generator=g, dtype=torch.float64).to(dtype)


def random_rois(seed: int, k: int, shape, spatial_scale=1.0, dtype=torch.float64) -> torch.Tensor:
    """RoIs in image coordinates over a feature map of ``shape``: some inside, some over the borders, some tiny."""
    g = torch.Generator().manual_seed(seed)
    n, _, h, w = shape
    size = torch.tensor([w, h], dtype=torch.float64)
    xy = torch.rand(k, 2, generator=g, dtype=torch.float64) * size * 1.3 - size * 0.2
    wh = torch.rand(k, 2, generator=g, dtype=torch.float64) * size * 0.7
    wh[: k // 5] *= 0.1  # smaller than a bin
    index = torch.randint(0, n, (k, 1), generator=g).to(torch.float64)
    boxes = torch.cat([index, xy, xy + wh], dim=1)
    boxes[:, 1:] /= spatial_scale
    return boxes.to(dtype)


def ramp(h: int = 5, w: int = 6, dtype=torch.float64) -> torch.Tensor:
    """One map, one channel, value 10 * row + column: bilinear interpolation of it is exact."""
    r = torch.arange(h, dtype=dtype)[:, None]
    c = torch.arange(w, dtype=dtype)[None, :]
    return (10 * r + c)[None, None]


def rois(*rows) -> torch.Tensor:
    return torch.tensor(rows, dtype=torch.float64)


def fixture_input(case: dict, fixture: dict, requires_grad: bool = False) -> torch.Tensor:
    return fixture["inputs"][case["dtype"]].clone().requires_grad_(requires_grad)


# ------------------------------------------------------------------------------ roi_pool: torchvision


@pytest.mark.points(2)
@pytest.mark.parametrize("case", POOL_CASES, ids=POOL_IDS)
def test_roi_pool_matches_torchvision(learner, case):
    x, boxes, size, scale = (
        fixture_input(case, POOL_FIXTURE),
        case["boxes"],
        tuple(case["output_size"]),
        case["spatial_scale"],
    )
    got = learner.roi_pool(x, boxes, size, scale)
    call = call_repr("roi_pool", x, boxes, size, scale) + f"  [against {TV}]"
    assert_bins_close(got, case["output"], call=call, explain=explain_pool(x, boxes, size, scale))


@pytest.mark.parametrize("case", POOL_GRAD, ids=[f"{_size_id(c)}-{c['dtype']}" for c in POOL_GRAD])
def test_roi_pool_gradient_goes_to_each_bins_maximum(learner, case):
    x, boxes, size, scale = (
        fixture_input(case, POOL_FIXTURE, True),
        case["boxes"],
        tuple(case["output_size"]),
        case["spatial_scale"],
    )
    out = learner.roi_pool(x, boxes, size, scale)
    call = call_repr("roi_pool", x, boxes, size, scale) + ", then backward"
    assert isinstance(out, torch.Tensor) and out.requires_grad, f"{call}: the output does not depend on input (no grad)"
    (grad,) = torch.autograd.grad(out, x, upstream_for(out.shape, out.dtype))
    assert_close(grad, case["grad_input"], call=call + f"  [against {TV}]", what="input gradient")


# ------------------------------------------------------------------------------ roi_align: torchvision


@pytest.mark.points(2)
@pytest.mark.parametrize("case", ALIGN_CASES, ids=ALIGN_IDS)
def test_roi_align_matches_torchvision(learner, case):
    x, boxes = fixture_input(case, ALIGN_FIXTURE), case["boxes"]
    args = (tuple(case["output_size"]), case["spatial_scale"], case["sampling_ratio"], case["aligned"])
    got = learner.roi_align(x, boxes, *args)
    call = call_repr("roi_align", x, boxes, *args) + f"  [against {TV}]"
    atol = align_atol(x.dtype)
    assert_bins_close(got, case["output"], call=call, explain=explain_align(x, boxes, *args), atol=atol)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "case",
    ALIGN_GRAD,
    ids=[f"{_size_id(c)}-ratio={c['sampling_ratio']}-aligned={c['aligned']}-{c['dtype']}" for c in ALIGN_GRAD],
)
def test_roi_align_gradient_matches_torchvision(learner, case):
    x, boxes = fixture_input(case, ALIGN_FIXTURE, True), case["boxes"]
    args = (tuple(case["output_size"]), case["spatial_scale"], case["sampling_ratio"], case["aligned"])
    out = learner.roi_align(x, boxes, *args)
    call = call_repr("roi_align", x, boxes, *args) + ", then backward"
    assert isinstance(out, torch.Tensor) and out.requires_grad, f"{call}: the output does not depend on input (no grad)"
    (grad,) = torch.autograd.grad(out, x, upstream_for(out.shape, out.dtype))
    call += f"  [against {TV}]"
    assert_close(grad, case["grad_input"], call=call, what="input gradient", atol=align_atol(x.dtype))


# ------------------------------------------------------------------------------ roi_pool: by hand


@pytest.mark.points(2)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])
def test_roi_pool_matches_naive_reference_on_random_rois(learner, dtype):
    seed = 31
    x = random_maps(seed, dtype=dtype)
    boxes = random_rois(seed + 1, 12, x.shape, spatial_scale=0.5, dtype=dtype)
    got = learner.roi_pool(x, boxes, (3, 4), 0.5)
    expected = naive_roi_pool(x, boxes, (3, 4), 0.5)
    call = call_repr("roi_pool", x, boxes, (3, 4), 0.5)
    assert_bins_close(got, expected, call=call, seed=seed, explain=explain_pool(x, boxes, (3, 4), 0.5))


def test_roi_pool_rounds_corners_half_away_from_zero(learner):
    # 0.5 -> 1 and 2.5 -> 3 (C's round); torch.round gives 0 and 2 (half to even), int() 0 and 2.
    x = torch.arange(36, dtype=torch.float64).reshape(1, 1, 6, 6)
    boxes = rois((0, 0.5, 0.5, 2.5, 2.5))
    got = learner.roi_pool(x, boxes, 1)
    expected = torch.tensor([[[[21.0]]]], dtype=torch.float64)  # pixels 1..3: the max is x[3, 3]
    call = call_repr("roi_pool", x, boxes, 1) + "  [x = arange(36) as 6 x 6, box (0.5, 0.5, 2.5, 2.5)]"
    assert_bins_close(got, expected, call=call, explain=explain_pool(x, boxes, (1, 1), 1.0))


def test_roi_pool_includes_the_pixels_at_x2_and_y2(learner):
    # Box (1, 1, 3, 3) covers pixels 1, 2 and 3 on each axis: 3 pixels in 2 bins, edges floor/ceil of 1.5.
    x = torch.arange(36, dtype=torch.float64).reshape(1, 1, 6, 6)
    boxes = rois((0, 1.0, 1.0, 3.0, 3.0))
    got = learner.roi_pool(x, boxes, 2)
    expected = torch.tensor([[[[14.0, 15.0], [20.0, 21.0]]]], dtype=torch.float64)
    call = call_repr("roi_pool", x, boxes, 2) + "  [x = arange(36) as 6 x 6]"
    assert_bins_close(got, expected, call=call, explain=explain_pool(x, boxes, (2, 2), 1.0))


def test_roi_pool_gives_zero_for_bins_off_the_map(learner):
    # All values negative: a bin with no pixel must give 0, not -inf, NaN or a neighbour's maximum.
    x = -1.0 - torch.arange(2 * 5 * 6, dtype=torch.float64).reshape(1, 2, 5, 6)
    boxes = rois((0, 7.0, 1.0, 12.0, 3.0), (0, -6.0, -6.0, -2.0, -3.0), (0, 4.0, 1.0, 9.0, 2.0))
    got = learner.roi_pool(x, boxes, (2, 3))
    expected = naive_roi_pool(x, boxes, (2, 3))
    assert bool((expected[:2] == 0).all()) and bool((expected[2, :, :, 2] == 0).all())
    call = (
        call_repr("roi_pool", x, boxes, (2, 3))
        + "  [negative map; RoIs 0 and 1 off the map, RoI 2 over its right edge]"
    )
    assert_bins_close(got, expected, call=call, explain=explain_pool(x, boxes, (2, 3), 1.0))


# ------------------------------------------------------------------------------ roi_align: by hand


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "sampling_ratio, aligned", [(-1, False), (-1, True), (2, False), (3, True)], ids=lambda v: str(v)
)
def test_roi_align_matches_naive_reference_on_random_rois(learner, sampling_ratio, aligned):
    seed = 47 + sampling_ratio + 10 * aligned
    x = random_maps(seed)
    boxes = random_rois(seed + 1, 12, x.shape, spatial_scale=0.25)
    args = ((3, 2), 0.25, sampling_ratio, aligned)
    got = learner.roi_align(x, boxes, *args)
    call = call_repr("roi_align", x, boxes, *args)
    assert_bins_close(
        got, naive_roi_align(x, boxes, *args), call=call, seed=seed, explain=explain_align(x, boxes, *args)
    )


def test_roi_align_matches_naive_reference_in_float32(learner):
    seed = 53
    x = random_maps(seed, shape=(2, 5, 12, 7), dtype=torch.float32)
    boxes = random_rois(seed + 1, 10, x.shape, spatial_scale=0.5, dtype=torch.float32)
    args = ((4, 3), 0.5, -1, True)
    got = learner.roi_align(x, boxes, *args)
    call = call_repr("roi_align", x, boxes, *args)
    expected = naive_roi_align(x, boxes, *args)
    explain = explain_align(x, boxes, *args)
    assert_bins_close(got, expected, call=call, seed=seed, explain=explain, atol=align_atol(torch.float32))


@pytest.mark.points(2)
def test_roi_align_samples_at_pixel_coordinates_without_aligned(learner):
    # On the ramp 10 * row + column, bilinear sampling is exact and a bin's mean is its centre's value.
    # aligned=False reads pixel (r, c) at the point (x, y) = (c, r): bins [1, 2] and [2, 3] of the box
    # (1, 1, 3, 2) have centres x = 1.5 and 2.5 at y = 1.5.
    x = ramp()
    boxes = rois((0, 1.0, 1.0, 3.0, 2.0))
    got = learner.roi_align(x, boxes, (1, 2), 1.0, 2, False)
    expected = torch.tensor([[[[16.5, 17.5]]]], dtype=torch.float64)
    call = call_repr("roi_align", x, boxes, (1, 2), 1.0, 2, False) + "  [x = 10 * row + column]"
    assert_bins_close(got, expected, call=call, explain=explain_align(x, boxes, (1, 2), 1.0, 2, False))


@pytest.mark.points(2)
def test_roi_align_aligned_shifts_the_box_by_half_a_pixel(learner):
    # aligned=True: pixel centres sit at integer + 0.5, so the same box samples half a pixel up and left:
    # centres (1.0, 1.0) and (2.0, 1.0).
    x = ramp()
    boxes = rois((0, 1.0, 1.0, 3.0, 2.0))
    got = learner.roi_align(x, boxes, (1, 2), 1.0, 2, True)
    expected = torch.tensor([[[[11.0, 12.0]]]], dtype=torch.float64)
    call = call_repr("roi_align", x, boxes, (1, 2), 1.0, 2, True) + "  [x = 10 * row + column]"
    assert_bins_close(got, expected, call=call, explain=explain_align(x, boxes, (1, 2), 1.0, 2, True))


@pytest.mark.parametrize("aligned, expected", [(False, 27.5), (True, 17.7)], ids=["aligned=False", "aligned=True"])
def test_roi_align_widens_boxes_below_one_pixel_only_without_aligned(learner, aligned, expected):
    # Box (2, 2, 2.4, 2.2): aligned=False makes it 1 x 1 (centre (2.5, 2.5) -> 27.5); aligned=True keeps
    # it 0.4 x 0.2 and shifts it by -0.5 (centre (1.7, 1.6) -> 17.7).
    x = ramp()
    boxes = rois((0, 2.0, 2.0, 2.4, 2.2))
    got = learner.roi_align(x, boxes, 1, 1.0, 2, aligned)
    want = torch.tensor([[[[expected]]]], dtype=torch.float64)
    call = call_repr("roi_align", x, boxes, 1, 1.0, 2, aligned) + "  [x = 10 * row + column]"
    assert_bins_close(got, want, call=call, explain=explain_align(x, boxes, (1, 1), 1.0, 2, aligned))


def test_roi_align_reads_edge_pixels_just_outside_and_zero_beyond(learner):
    # One sample per bin, at its centre, y = 1, on a map 4 wide. Box A spans x -1.8..0.2 in two bins:
    # centres -1.3 (beyond -1: 0) and -0.3 (clamped to column 0: 10). Box B spans x 3..5.5: centres 3.625
    # (between W - 1 and W: the last column, 13) and 4.875 (beyond W: 0).
    x = ramp(h=3, w=4)
    boxes = rois((0, -1.8, 0.5, 0.2, 1.5), (0, 3.0, 0.5, 5.5, 1.5))
    got = learner.roi_align(x, boxes, (1, 2), 1.0, 1, False)
    expected = torch.tensor([[[[0.0, 10.0]]], [[[13.0, 0.0]]]], dtype=torch.float64)
    call = call_repr("roi_align", x, boxes, (1, 2), 1.0, 1, False) + "  [x = 10 * row + column, 3 x 4]"
    assert_bins_close(got, expected, call=call, explain=explain_align(x, boxes, (1, 2), 1.0, 1, False))


@pytest.mark.parametrize("ratio", [-1, 0])
def test_roi_align_adaptive_grid_is_ceil_of_bin_size(learner, ratio):
    # Bins 2.5 pixels wide and 1.5 high want ceil(2.5) = 3 by ceil(1.5) = 2 sample points; on a curved map
    # (squares of the column) the mean depends on how many points there are.
    x = (torch.arange(9, dtype=torch.float64) ** 2).expand(1, 1, 5, 9).clone()
    boxes = rois((0, 0.3, 0.2, 5.3, 3.2))
    got = learner.roi_align(x, boxes, 2, 1.0, ratio, False)
    grid = 3  # along x; along y the map is constant, so 2 rows of points give the same mean as 3
    expected = naive_roi_align(x, boxes, (2, 2), 1.0, grid, False)
    call = call_repr("roi_align", x, boxes, 2, 1.0, ratio, False) + "  [x[r, c] = c ** 2]"
    assert_bins_close(got, expected, call=call, explain=explain_align(x, boxes, (2, 2), 1.0, ratio, False))


# Float32 corners whose scaled value is a half in float32 but just below it in float64 (and the reverse
# for 0.3): C's round sends them one way in float32, the input's dtype as torchvision's kernel computes,
# and the other way in float64.
NEAR_HALVES = {
    "1/7": (1 / 7, (24.499998092651367, 3.499999761581421, 52.499996185302734, 31.499998092651367)),
    "0.3": (0.3, (8.333333015441895, 1.6666666269302368, 28.333332061767578, 18.333332061767578)),
}


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "scale_name, box_dtype",
    [("1/7", torch.float32), ("1/7", torch.float64), ("0.3", torch.float32)],
    ids=["1/7", "1/7 float64 boxes", "0.3"],
)
def test_roi_pool_scales_corners_in_the_input_dtype(learner, scale_name, box_dtype):
    # 1/7: the corners scale to 3.5, 0.5, 7.5, 4.5 in float32 -> pixels 4..8 by 1..5; in float64 to just
    # below, -> 3..7 by 0..4. 0.3: 2.5, 0.5, 8.5, 5.5 in float32; just below in float64.
    scale, corners = NEAR_HALVES[scale_name]
    x = random_maps(107, shape=(1, 3, 10, 12), dtype=torch.float32)
    boxes = torch.tensor([[0.0, *corners]], dtype=box_dtype)
    got = learner.roi_pool(x, boxes, (2, 2), scale)
    expected = naive_roi_pool(x, boxes.to(torch.float32), (2, 2), scale)
    call = call_repr("roi_pool", x, boxes, (2, 2), scale) + f"  [spatial_scale {scale_name}, corners near halves]"
    explain = explain_pool(x, boxes.to(torch.float32), (2, 2), scale)
    assert_bins_close(got, expected, call=call, seed=107, explain=explain)


@pytest.mark.points(2)
@pytest.mark.parametrize("box_dtype", [torch.float32, torch.float64], ids=["float32 boxes", "float64 boxes"])
def test_roi_align_counts_adaptive_samples_in_the_input_dtype(learner, box_dtype):
    # Box 0..50 at spatial_scale 0.3: 50 * 0.3 is 15.000001 in float32 (the input's dtype), 15.0 in float64.
    # Three bins along each axis: ceil(15.000001 / 3) = 6 sample points each way, not 5; on the curved map
    # x[r, c] = c ** 2 + 2 * r ** 2 the mean depends on the count.
    r = torch.arange(16, dtype=torch.float32)
    x = (r[None, :] ** 2 + 2 * r[:, None] ** 2).reshape(1, 1, 16, 16)
    boxes = torch.tensor([[0.0, 0.0, 0.0, 50.0, 50.0]], dtype=box_dtype)
    got = learner.roi_align(x, boxes, 3, 0.3, -1, False)
    expected = naive_roi_align(x, boxes.to(torch.float32), (3, 3), 0.3, -1, False)
    call = call_repr("roi_align", x, boxes, 3, 0.3, -1, False) + "  [x[r, c] = c ** 2 + 2 r ** 2, float32]"
    explain = explain_align(x, boxes.to(torch.float32), (3, 3), 0.3, -1, False)
    assert_bins_close(got, expected, call=call, explain=explain, atol=align_atol(torch.float32))


# ------------------------------------------------------------------------------ both


@pytest.mark.parametrize("fn", ["roi_pool", "roi_align"])
def test_each_roi_reads_the_image_named_by_its_batch_index(learner, fn):
    seed = 61
    first = random_maps(seed, shape=(1, 2, 7, 8))
    x = torch.cat([first, first + 100.0, first - 50.0])
    boxes = rois((0, 1.2, 0.7, 5.6, 5.1), (1, 1.2, 0.7, 5.6, 5.1), (2, 1.2, 0.7, 5.6, 5.1), (1, 1.2, 0.7, 5.6, 5.1))
    got = getattr(learner, fn)(x, boxes, (2, 3))
    call = call_repr(fn, x, boxes, (2, 3)) + "  [images 1 and 2 are image 0 + 100 and - 50; the same box on each]"
    assert isinstance(got, torch.Tensor), f"{call}: returned {type(got).__name__}, expected a Tensor"
    offsets = torch.tensor([0.0, 100.0, -50.0, 100.0], dtype=torch.float64)[:, None, None, None]
    assert_close(
        got - offsets, got[:1].expand(4, -1, -1, -1), call=call, seed=seed, what="output minus the image's offset"
    )
    reference = naive_roi_pool(x, boxes, (2, 3)) if fn == "roi_pool" else naive_roi_align(x, boxes, (2, 3))
    assert_close(got, reference, call=call, seed=seed)


@pytest.mark.parametrize("fn", ["roi_pool", "roi_align"])
def test_spatial_scale_multiplies_the_box(learner, fn):
    seed = 67
    x = random_maps(seed)
    boxes = random_rois(seed + 1, 8, x.shape)
    scaled = boxes.clone()
    scaled[:, 1:] *= 8.0
    direct = getattr(learner, fn)(x, boxes, 3)
    via_scale = getattr(learner, fn)(x, scaled, 3, 0.125)
    call = call_repr(fn, x, scaled, 3, 0.125) + f" against {fn}(x, boxes / 8, 3, 1.0)"
    assert_close(via_scale, direct, call=call, seed=seed)


@pytest.mark.parametrize("fn", ["roi_pool", "roi_align"])
def test_int_output_size_means_a_square_grid(learner, fn):
    seed = 71
    x = random_maps(seed)
    boxes = random_rois(seed + 1, 5, x.shape)
    got = getattr(learner, fn)(x, boxes, 3)
    reference = naive_roi_pool(x, boxes, (3, 3)) if fn == "roi_pool" else naive_roi_align(x, boxes, (3, 3))
    assert_close(got, reference, call=call_repr(fn, x, boxes, 3), seed=seed)


@pytest.mark.parametrize("fn", ["roi_pool", "roi_align"])
def test_accepts_non_contiguous_input(learner, fn):
    seed = 73
    x = random_maps(seed, shape=(2, 3, 8, 11)).permute(0, 1, 3, 2)  # [2, 3, 11, 8], strided
    assert not x.is_contiguous()
    boxes = random_rois(seed + 1, 7, x.shape)
    got = getattr(learner, fn)(x, boxes, (2, 3))
    reference = naive_roi_pool(x, boxes, (2, 3)) if fn == "roi_pool" else naive_roi_align(x, boxes, (2, 3))
    assert_close(
        got, reference, call=call_repr(fn, x, boxes, (2, 3)) + " (input transposed, not contiguous)", seed=seed
    )


@pytest.mark.parametrize("fn", ["roi_pool", "roi_align"])
def test_no_rois_give_an_empty_output(learner, fn):
    x = random_maps(79)
    boxes = torch.zeros(0, 5, dtype=torch.float64)
    got = getattr(learner, fn)(x, boxes, (2, 3))
    assert_close(got, torch.zeros(0, 4, 2, 3, dtype=torch.float64), call=call_repr(fn, x, boxes, (2, 3)))


@pytest.mark.parametrize("fn", ["roi_pool", "roi_align"])
def test_leaves_inputs_unchanged(learner, fn):
    x = random_maps(83)
    boxes = random_rois(84, 6, x.shape)
    before_x, before_boxes = x.clone(), boxes.clone()
    call = call_repr(fn, x, boxes, 2)
    getattr(learner, fn)(x, boxes, 2)
    assert_unchanged(before_x, x, name="input", call=call)
    assert_unchanged(before_boxes, boxes, name="boxes", call=call)


BAD_BOXES = [
    (torch.tensor([[0.0, 1.0, 1.0, 3.0]]), ValueError, "four columns"),
    (torch.tensor([[2.0, 1.0, 1.0, 3.0, 3.0]]), ValueError, "batch index 2 of 2 images"),
    (torch.tensor([[-1.0, 1.0, 1.0, 3.0, 3.0]]), ValueError, "negative batch index"),
    (torch.tensor([[0.5, 1.0, 1.0, 3.0, 3.0]]), ValueError, "fractional batch index"),
    (torch.tensor([[0.0, 3.0, 1.0, 1.0, 3.0]]), ValueError, "x2 below x1"),
    (torch.tensor([[0.0, 1.0, 3.0, 3.0, 1.0]]), ValueError, "y2 below y1"),
    (torch.tensor([[0, 1, 1, 3, 3]]), TypeError, "integer boxes"),
]


@pytest.mark.parametrize("fn", ["roi_pool", "roi_align"])
def test_rejects_bad_boxes(learner, fn):
    x = torch.zeros(2, 1, 5, 5)
    for boxes, error, case in BAD_BOXES:
        call = f"{fn}(Tensor[2, 1, 5, 5], boxes={boxes.tolist()}, output_size=2)  [{case}]"
        assert_raises(error, getattr(learner, fn), x, boxes, 2, match=r"\bboxes\b", call=call)
    call = f"{fn}(Tensor[2, 1, 5, 5], boxes=[[0, 1, 1, 3, 3]] (a list), output_size=2)"
    assert_raises(TypeError, getattr(learner, fn), x, [[0.0, 1.0, 1.0, 3.0, 3.0]], 2, match=r"\bboxes\b", call=call)


@pytest.mark.parametrize("fn", ["roi_pool", "roi_align"])
def test_rejects_bad_input_and_output_size(learner, fn):
    f = getattr(learner, fn)
    boxes = torch.tensor([[0.0, 1.0, 1.0, 3.0, 3.0]])
    assert_raises(ValueError, f, torch.zeros(1, 5, 5), boxes, 2, match=r"\binput\b")
    assert_raises(TypeError, f, torch.zeros(1, 1, 5, 5, dtype=torch.int64), boxes, 2, match=r"\binput\b")
    assert_raises(ValueError, f, torch.zeros(1, 1, 5, 5), boxes, 0, match=r"\boutput_size\b")
    assert_raises(ValueError, f, torch.zeros(1, 1, 5, 5), boxes, (2, -1), match=r"\boutput_size\b")


@pytest.mark.parametrize("fn", ["roi_pool", "roi_align"])
@pytest.mark.parametrize("scale", [0.0, -0.25], ids=["0", "negative"])
def test_rejects_bad_spatial_scale(learner, fn, scale):
    x, boxes = torch.zeros(1, 1, 5, 5), torch.tensor([[0.0, 1.0, 1.0, 3.0, 3.0]])
    assert_raises(ValueError, getattr(learner, fn), x, boxes, 2, scale, match=r"\bspatial_scale\b")


@pytest.mark.parametrize(
    "fn, kwargs, name",
    [
        pytest.param(fn, kwargs, name, id=f"{fn} {', '.join(f'{k}={v!r}' for k, v in kwargs.items())}")
        for fn, kwargs, name in [
            ("roi_pool", {"output_size": 2.0}, "output_size"),
            ("roi_pool", {"output_size": (2, 1.5)}, "output_size"),
            ("roi_pool", {"output_size": True}, "output_size"),
            ("roi_align", {"output_size": 2.0}, "output_size"),
            ("roi_align", {"output_size": (True, 2)}, "output_size"),
            ("roi_align", {"output_size": 2, "sampling_ratio": 2.5}, "sampling_ratio"),
            ("roi_align", {"output_size": 2, "sampling_ratio": True}, "sampling_ratio"),
        ]
    ],
)
def test_rejects_output_size_and_sampling_ratio_that_are_not_ints(learner, fn, kwargs, name):
    x, boxes = torch.zeros(1, 1, 5, 5), torch.tensor([[0.0, 1.0, 1.0, 3.0, 3.0]])
    call = call_repr(fn, x, boxes, **kwargs)
    assert_raises(TypeError, getattr(learner, fn), x, boxes, match=rf"\b{name}\b", call=call, **kwargs)


@pytest.mark.parametrize("fn", ["roi_pool", "roi_align"])
def test_checks_arguments_even_without_rois(learner, fn):
    f = getattr(learner, fn)
    x, none = torch.zeros(1, 1, 5, 5), torch.zeros(0, 5)
    assert_raises(ValueError, f, x, none, 0, match=r"\boutput_size\b", call=call_repr(fn, x, none, 0))
    assert_raises(TypeError, f, x, none, 2.0, match=r"\boutput_size\b", call=call_repr(fn, x, none, 2.0))
    assert_raises(ValueError, f, x, none, 2, -1.0, match=r"\bspatial_scale\b", call=call_repr(fn, x, none, 2, -1.0))
    assert_raises(ValueError, f, x[0], none, 2, match=r"\binput\b", call=call_repr(fn, x[0], none, 2))
    ints = torch.zeros(0, 5, dtype=torch.int64)
    assert_raises(TypeError, f, x, ints, 2, match=r"\bboxes\b", call=call_repr(fn, x, ints, 2))


# ------------------------------------------------------------------------------ by hand and size


@pytest.mark.by_hand
def test_roi_pool_is_written_by_hand(learner):
    seed = 89
    x = random_maps(seed)
    boxes = random_rois(seed + 1, 6, x.shape)
    expected = naive_roi_pool(x, boxes, (2, 3))
    with forbidden(*by_hand_entries("roi_align")):
        got = learner.roi_pool(x, boxes, (2, 3))
    assert_close(got, expected, call=call_repr("roi_pool", x, boxes, (2, 3)), seed=seed)


@pytest.mark.by_hand
def test_roi_align_is_written_by_hand(learner):
    seed = 97
    x = random_maps(seed)
    boxes = random_rois(seed + 1, 6, x.shape)
    expected = naive_roi_align(x, boxes, (2, 3), 1.0, 2, True)
    with forbidden(*by_hand_entries("roi_align")):
        got = learner.roi_align(x, boxes, (2, 3), 1.0, 2, True)
    assert_close(got, expected, call=call_repr("roi_align", x, boxes, (2, 3), 1.0, 2, True), seed=seed)


def detector_sized(seed: int, k: int = 400):
    """A stride-16 feature map of an 800 x 1088 image, 256 channels, and k proposals of 16 to 336 pixels."""
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(2, 256, 50, 68, generator=g)
    xy = torch.rand(k, 2, generator=g) * torch.tensor([1088.0, 800.0]) * 0.8
    wh = torch.rand(k, 2, generator=g) * 320 + 16
    index = torch.randint(0, 2, (k, 1), generator=g).float()
    return x, torch.cat([index, xy, xy + wh], dim=1)


# The verdict "vectorised or not" is a count of the learner's own Python lines, which is the same on every
# machine; the timeouts are only backstops. Measured on detector_sized (400 RoIs x 49 bins, 256 channels):
#   roi_align, the reference: 93 lines; a loop over RoIs with bins, samples and channels vectorised
#     (allowed): 18,408 lines (46 per RoI); a loop over RoIs and bins: 382,807 (20 per bin; the exercise
#     allows a loop over bins for roi_pool only, and it took 30-40 s here); a loop over
#     sample points with channels vectorised (tests/wrong_answers/roi_align/loop_over_sample_points.py):
#     6.7 million (21 per sample point). Any loop over the 313,600 sample points, or over 256 channels
#     inside a loop over RoIs, runs at least 2 lines per step: over 200,000.
#   roi_pool, the reference: 50 lines; a loop over RoIs and bins with channels vectorised (allowed):
#     110,893 lines (6 per bin); a loop over channels as well: 10.0 million (2 per channel and bin, and
#     any loop over the 5 million channel-bins runs at least that).
# 250 lines per RoI: 5x the allowed loop over RoIs; a sixth of the least a loop over sample points runs and
# half the least of a loop over channels inside one over RoIs.
ALIGN_LINES = 250 * 400
# 40 lines per bin: 7x the allowed loop over bins; a twelfth of the least a loop over channels runs.
POOL_LINES = 40 * 400 * 49


@pytest.mark.points(2)
@pytest.mark.timeout(60)
def test_roi_align_of_400_rois_with_256_channels_is_vectorised(learner):
    # 400 RoIs x 49 bins x 16 sample points = 313,600 points. Backstop timings, one thread, 2 cores shared
    # at load 5: the reference 0.05-0.2 s; an allowed loop over RoIs 3-8 s. The wrong answer that loops
    # over sample points goes over the line budget after 0.4 s; run to the end it takes 11.5 s idle.
    seed = 101
    x, boxes = detector_sized(seed)
    with one_thread(), python_line_budget(learner, ALIGN_LINES, what="roi_align of 400 RoIs"):
        got = learner.roi_align(x, boxes, 7, 1 / 16, 4, True)
    call = call_repr("roi_align", x, boxes, 7, 1 / 16, 4, True)
    assert_equal(tuple(got.shape), (400, 256, 7, 7), call=call, seed=seed, what="shape")
    spot = torch.tensor([0, 399])
    expected = naive_roi_align(x, boxes[spot], (7, 7), 1 / 16, 4, True)
    assert_close(got[spot], expected, call=call + "  RoIs 0 and 399", seed=seed, atol=align_atol(torch.float32))


@pytest.mark.timeout(30)
def test_roi_pool_of_400_rois_with_256_channels_is_fast(learner):
    # Backstop timings, one thread, 2 cores shared at load 5: the reference 0.3-0.55 s; an allowed loop
    # over RoIs and bins 0.9-1.9 s; a loop over channels as well 120-130 s (stopped by the line budget
    # long before).
    seed = 103
    x, boxes = detector_sized(seed)
    with one_thread(), python_line_budget(learner, POOL_LINES, what="roi_pool of 400 RoIs"):
        got = learner.roi_pool(x, boxes, 7, 1 / 16)
    call = call_repr("roi_pool", x, boxes, 7, 1 / 16)
    assert_equal(tuple(got.shape), (400, 256, 7, 7), call=call, seed=seed, what="shape")
    spot = torch.tensor([0, 399])
    assert_close(got[spot], naive_roi_pool(x, boxes[spot], (7, 7), 1 / 16), call=call + "  RoIs 0 and 399", seed=seed)
