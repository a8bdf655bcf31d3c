"""Grader for ps_roi_pool: R-FCN's position-sensitive RoI pooling.

Expected values come from torchvision's answers stored in ``fixtures/ps_roi_pool/ps_roi_pool.pt``
(``generate.py`` beside it regenerates them and the file records the versions), from a naive reference
written here (loops over RoIs, output channels and bins, following torchvision's CPU kernel, with the bin
edges computed in the input's dtype as the kernel does), from hand-worked maps (channel k holding the
value k everywhere shows which channel each bin reads), and from invariants. When a value is wrong, the
message names the first wrong bin, the input channel it should read and the pixels it should average.

Gradients are checked against the reference's own gradient (each pixel of a bin receives the bin's
upstream gradient divided by the bin's area), not torchvision's: torchvision's backward clips bins to
``[0, H]`` while its forward clips them to ``[0, H - 1]``, so next to the bottom and right borders its
gradient is not that of its own output. Those RoIs are kept away from the borders.

Promises and the tests that hold them:
- the same values as torchvision -> test_matches_torchvision, test_matches_naive_reference_on_random_rois
- bin (i, j) of channel c reads input channel (c * oh + i) * ow + j
  -> test_bin_i_j_of_channel_c_reads_input_channel_c_oh_plus_i_times_ow_plus_j
- average pooling -> test_each_bin_averages_its_pixels
- floor/ceil bin edges, no "+ 1" -> test_bin_edges_are_floor_and_ceil_and_may_overlap
- bin sizes and edges computed in the input's dtype -> test_bin_edges_are_computed_in_the_input_dtype
- corners rounded half away from zero -> test_rounds_corners_half_away_from_zero
- corners scaled in the input's dtype (scales 1/7 and 0.3, float64 boxes on float32 maps)
  -> test_spatial_scale_is_applied_in_the_input_dtype
- edges clipped to H - 1 and W - 1 -> test_bins_stop_before_the_last_row_and_column_as_torchvision_does
- RoIs at least one pixel -> test_boxes_smaller_than_a_pixel_read_one_pixel
- empty bins give 0 -> test_bins_off_the_map_give_zero
- gradients with respect to input -> test_gradient_spreads_each_bins_upstream_evenly_over_its_pixels
- batch index picks the image -> test_each_roi_reads_the_image_named_by_its_batch_index
- spatial_scale multiplies the box -> test_spatial_scale_multiplies_the_box
- an int output_size is a square grid -> test_int_output_size_means_a_square_grid
- strided input -> test_accepts_non_contiguous_input
- no RoIs, an empty [0, C, oh, ow] output -> test_no_rois_give_an_empty_output
- inputs not modified -> test_leaves_inputs_unchanged
- ValueError/TypeError naming the argument -> test_rejects_channels_that_are_not_a_multiple_of_the_grid,
  test_rejects_bad_boxes, test_rejects_bad_input_and_output_size, test_rejects_bad_output_size_and_spatial_scale
- the checks come first, also without RoIs -> test_checks_arguments_even_without_rois
Not tested: the device (no second device on the grading machines).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import torch

from graders.helpers import assert_close, assert_raises, assert_unchanged, call_repr

FIXTURE = torch.load(Path(__file__).parent / "fixtures" / "ps_roi_pool" / "ps_roi_pool.pt", weights_only=True)
TV = f"torchvision {FIXTURE['versions']['torchvision']}"
CASES = FIXTURE["cases"]
CASE_IDS = [
    f"{c['output_size'][0]}x{c['output_size'][1]}-C={c['output'].shape[1]}-scale={c['spatial_scale']:g}-{c['dtype']}"
    for c in CASES
]


# ------------------------------------------------------------------------------ naive reference


def _c_round(v: float) -> int:
    """C's round(): halves away from zero."""
    return int(math.floor(abs(v) + 0.5)) * (1 if v >= 0 else -1)


def bins_of(box, output_size, spatial_scale, shape, dtype):
    """The rounded RoI and, per bin, its row and column ranges, as torchvision's kernel computes them."""
    T = np.float32 if dtype == torch.float32 else np.float64
    oh, ow = output_size
    _, _, H, W = shape
    x1, y1, x2, y2 = (_c_round(float(T(v) * T(spatial_scale))) for v in box[1:])
    bin_w, bin_h = T(max(x2 - x1, 1)) / T(ow), T(max(y2 - y1, 1)) / T(oh)
    # both edges clipped to the last index, H - 1 and W - 1, as torchvision's forward kernel does
    rows = [
        (min(max(math.floor(T(i) * bin_h) + y1, 0), H - 1), min(max(math.ceil(T(i + 1) * bin_h) + y1, 0), H - 1))
        for i in range(oh)
    ]
    cols = [
        (min(max(math.floor(T(j) * bin_w) + x1, 0), W - 1), min(max(math.ceil(T(j + 1) * bin_w) + x1, 0), W - 1))
        for j in range(ow)
    ]
    return (x1, y1, x2, y2), rows, cols


def naive_ps_roi_pool(input, boxes, output_size, spatial_scale=1.0) -> torch.Tensor:
    """Differentiable: built from slices of ``input``, so autograd gives the reference gradient."""
    oh, ow = output_size
    c_out = input.shape[1] // (oh * ow)
    values = []
    for box in boxes.tolist():
        fmap = input[int(box[0])].to(torch.float64)
        _, rows, cols = bins_of(box, output_size, spatial_scale, input.shape, input.dtype)
        for c in range(c_out):
            for i, (r0, r1) in enumerate(rows):
                for j, (c0, c1) in enumerate(cols):
                    if r1 <= r0 or c1 <= c0:
                        values.append(fmap.new_zeros(()))  # an empty bin gives 0
                    else:
                        values.append(fmap[(c * oh + i) * ow + j, r0:r1, c0:c1].mean())
    if not values:
        return torch.zeros(0, c_out, oh, ow, dtype=input.dtype)
    return torch.stack(values).reshape(len(boxes), c_out, oh, ow).to(input.dtype)


def explain(input, boxes, output_size, spatial_scale):
    oh, ow = output_size

    def why(k: int, c: int, i: int, j: int) -> str:
        box = boxes[k].tolist()
        (x1, y1, x2, y2), rows, cols = bins_of(box, output_size, spatial_scale, input.shape, input.dtype)
        (r0, r1), (c0, c1) = rows[i], cols[j]
        channel = (c * oh + i) * ow + j
        lines = [
            f"RoI {k} = (batch {int(box[0])}, x1={box[1]:.6g}, y1={box[2]:.6g}, x2={box[3]:.6g}, y2={box[4]:.6g}); "
            f"times spatial_scale={spatial_scale:g} and rounded (halves away from zero): x {x1}..{x2}, y {y1}..{y2}, "
            f"{max(x2 - x1, 1)} x {max(y2 - y1, 1)} pixels",
            f"bin ({i}, {j}) of output channel {c} reads input channel ({c} * {oh} + {i}) * {ow} + {j} = {channel}, "
            f"rows {r0}:{r1}, columns {c0}:{c1} (floor/ceil edges, clipped to [0, H - 1] = [0, {input.shape[2] - 1}] "
            f"and [0, W - 1] = [0, {input.shape[3] - 1}])",
        ]
        if r1 <= r0 or c1 <= c0:
            lines.append("that bin holds no pixel, so its value is 0")
        else:
            region = input[int(box[0]), channel, r0:r1, c0:c1].detach().double()
            lines.append(f"expected the mean of those {region.numel()} pixels = {region.mean().item():.6g}")
        return "\n  ".join(lines)

    return why


def assert_bins_close(got, expected, *, call: str, seed: int | None = None, why=None) -> None:
    """assert_close, and when a value differs: which bin of which RoI, and what it should have averaged."""
    try:
        assert_close(got, expected, call=call, seed=seed, what="output")
    except AssertionError as exc:
        if why is None or not isinstance(got, torch.Tensor) or got.shape != expected.shape:
            raise
        if got.dtype != expected.dtype or got.device != expected.device:
            raise
        r, a = (1e-5, 1e-6) if expected.dtype == torch.float32 else (1e-7, 1e-9)
        ok = torch.isclose(got.detach().double(), expected.double(), rtol=r, atol=a, equal_nan=True)
        k, c, i, j = (int(v) for v in (~ok).nonzero()[0])
        detail = (
            f"bin ({i}, {j}) of RoI {k}, output channel {c}: expected {expected[k, c, i, j].item():.6g}, "
            f"got {got[k, c, i, j].item():.6g}\n  {why(k, c, i, j)}"
        )
        raise AssertionError(f"{exc}\n  {detail}") from None


# ------------------------------------------------------------------------------ inputs


def random_maps(seed: int, c_out: int, output_size, hw=(9, 13), n=3, dtype=torch.float64) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    oh, ow = output_size
    return torch.randn(n, c_out * oh * ow, *hw, generator=g, dtype=torch.float64).to(dtype)


def random_rois(seed: int, k: int, shape, spatial_scale=1.0, dtype=torch.float64, inside=False) -> torch.Tensor:
    """RoIs in image coordinates: some inside, some over the borders, some tiny (all inside if asked)."""
    g = torch.Generator().manual_seed(seed)
    n, _, h, w = shape
    size = torch.tensor([w, h], dtype=torch.float64)
    if inside:  # corners between 0.6 and H - 2.4: no bin reaches the last row or column
        xy = 0.6 + torch.rand(k, 2, generator=g, dtype=torch.float64) * (size - 5)
        wh = 1 + torch.rand(k, 2, generator=g, dtype=torch.float64) * (size - 3.4 - xy)
    else:
        xy = torch.rand(k, 2, generator=g, dtype=torch.float64) * size * 1.3 - size * 0.2
        wh = torch.rand(k, 2, generator=g, dtype=torch.float64) * size * 0.7
        wh[: k // 5] *= 0.1
    index = torch.randint(0, n, (k, 1), generator=g).to(torch.float64)
    boxes = torch.cat([index, xy, xy + wh], dim=1)
    boxes[:, 1:] /= spatial_scale
    return boxes.to(dtype)


def channel_index_maps(c_out: int, output_size, hw=(6, 7), n=1, dtype=torch.float64) -> torch.Tensor:
    """Channel k holds the value k everywhere: the output shows which channel each bin read."""
    oh, ow = output_size
    c_in = c_out * oh * ow
    return torch.arange(c_in, dtype=dtype).reshape(1, c_in, 1, 1).expand(n, c_in, *hw).contiguous()


def rois(*rows) -> torch.Tensor:
    return torch.tensor(rows, dtype=torch.float64)


# ------------------------------------------------------------------------------ torchvision


@pytest.mark.points(2)
@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_matches_torchvision(learner, case):
    x, boxes, size, scale = case["input"].clone(), case["boxes"], tuple(case["output_size"]), case["spatial_scale"]
    got = learner.ps_roi_pool(x, boxes, size, scale)
    call = call_repr("ps_roi_pool", x, boxes, size, scale) + f"  [against {TV}]"
    assert_bins_close(got, case["output"], call=call, why=explain(x, boxes, size, scale))


# ------------------------------------------------------------------------------ by hand


@pytest.mark.points(2)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])
def test_matches_naive_reference_on_random_rois(learner, dtype):
    seed = 17
    x = random_maps(seed, 2, (3, 2), dtype=dtype)
    boxes = random_rois(seed + 1, 12, x.shape, spatial_scale=0.25, dtype=dtype)
    got = learner.ps_roi_pool(x, boxes, (3, 2), 0.25)
    call = call_repr("ps_roi_pool", x, boxes, (3, 2), 0.25)
    expected = naive_ps_roi_pool(x, boxes, (3, 2), 0.25)
    assert_bins_close(got, expected, call=call, seed=seed, why=explain(x, boxes, (3, 2), 0.25))


@pytest.mark.points(2)
def test_bin_i_j_of_channel_c_reads_input_channel_c_oh_plus_i_times_ow_plus_j(learner):
    # Channel k holds k everywhere, so out[k, c, i, j] must be the input channel it read: (c * 2 + i) * 3 + j.
    x = channel_index_maps(2, (2, 3))
    boxes = rois((0, 0.0, 0.0, 6.0, 4.0), (0, 1.0, 1.0, 4.0, 5.0))
    got = learner.ps_roi_pool(x, boxes, (2, 3))
    expected = torch.arange(12, dtype=torch.float64).reshape(1, 2, 2, 3).expand(2, 2, 2, 3)
    call = call_repr("ps_roi_pool", x, boxes, (2, 3)) + "  [channel k of the input holds k everywhere]"
    assert_bins_close(got, expected, call=call, why=explain(x, boxes, (2, 3), 1.0))


def test_each_bin_averages_its_pixels(learner):
    # One bin over rows 0..2 and columns 0..2 of arange(25) as 5 x 5: the mean is 6 (the max would be 12).
    x = torch.arange(25, dtype=torch.float64).reshape(1, 1, 5, 5)
    boxes = rois((0, 0.0, 0.0, 3.0, 3.0))
    got = learner.ps_roi_pool(x, boxes, 1)
    call = call_repr("ps_roi_pool", x, boxes, 1) + "  [x = arange(25) as 5 x 5]"
    assert_bins_close(
        got, torch.tensor([[[[6.0]]]], dtype=torch.float64), call=call, why=explain(x, boxes, (1, 1), 1.0)
    )


@pytest.mark.points(2)
def test_bin_edges_are_floor_and_ceil_and_may_overlap(learner):
    # Box x 1..6 is 5 pixels for 2 bins of 2.5: columns 1 + [floor(0), ceil(2.5)) = 1..3 and
    # 1 + [floor(2.5), ceil(5)) = 3..5. On the map "value = column", the means are 2 and 4.
    x = torch.arange(9, dtype=torch.float64).expand(1, 2, 4, 9).contiguous()
    boxes = rois((0, 1.0, 1.0, 6.0, 2.0))
    got = learner.ps_roi_pool(x, boxes, (1, 2))
    expected = torch.tensor([[[[2.0, 4.0]]]], dtype=torch.float64)
    call = call_repr("ps_roi_pool", x, boxes, (1, 2)) + "  [x[c, r, col] = col]"
    assert_bins_close(got, expected, call=call, why=explain(x, boxes, (1, 2), 1.0))


def test_rounds_corners_half_away_from_zero(learner):
    # (0.5, 0.5, 2.5, 2.5) rounds to (1, 1, 3, 3): rows and columns 1..2, mean of 6, 7, 11, 12 = 9.
    # torch.round would give (0, 0, 2, 2): mean of 0, 1, 5, 6 = 3.
    x = torch.arange(25, dtype=torch.float64).reshape(1, 1, 5, 5)
    boxes = rois((0, 0.5, 0.5, 2.5, 2.5))
    got = learner.ps_roi_pool(x, boxes, 1)
    call = call_repr("ps_roi_pool", x, boxes, 1) + "  [x = arange(25) as 5 x 5]"
    assert_bins_close(
        got, torch.tensor([[[[9.0]]]], dtype=torch.float64), call=call, why=explain(x, boxes, (1, 1), 1.0)
    )


def test_bin_edges_are_computed_in_the_input_dtype(learner):
    # A box 7 rows high cut into 13 bins: in float32 13 * (7 / 13) is a little above 7, so the last bin ends
    # at ceil(...) = 8 and reads rows 7 and 8 (mean 7.5 on the map "value = row"), as torchvision's kernel
    # does; exact arithmetic (or float64) ends it at 7 and reads row 7 alone.
    x = torch.arange(12, dtype=torch.float32).reshape(1, 1, 12, 1).expand(1, 13, 12, 3).contiguous()
    boxes = torch.tensor([[0.0, 0.0, 1.0, 2.0, 8.0]])
    got = learner.ps_roi_pool(x, boxes, (13, 1))
    call = call_repr("ps_roi_pool", x, boxes, (13, 1)) + "  [float32, x[c, row, col] = row, box rows 1..8]"
    assert_bins_close(got, naive_ps_roi_pool(x, boxes, (13, 1)), call=call, why=explain(x, boxes, (13, 1), 1.0))


# Float32 corners whose scaled value is a half in float32 but just below it in float64: C's round sends
# them up in float32 (the input's dtype, as torchvision's kernel computes), down in float64.
NEAR_HALVES = {
    "1/7": (1 / 7, [24.499998092651367, 3.499999761581421, 52.499996185302734, 31.499998092651367], 28.0),
    "0.3": (0.3, [8.333333015441895, 1.6666666269302368, 28.333332061767578, 18.333332061767578], 32.0),
}


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "scale_name, box_dtype",
    [("1/7", torch.float32), ("1/7", torch.float64), ("0.3", torch.float32)],
    ids=["1/7", "1/7 float64 boxes", "0.3"],
)
def test_spatial_scale_is_applied_in_the_input_dtype(learner, scale_name, box_dtype):
    # 1/7: corners scale to 3.5, 0.5, 7.5, 4.5 in float32 -> (4, 1, 8, 5): rows 1..4, columns 4..7 of
    # x = arange(81) as 9 x 9, mean 28. In float64 they scale to just below those halves -> (3, 0, 7, 4), mean 18.
    scale, corners, expected = NEAR_HALVES[scale_name]
    x = torch.arange(81, dtype=torch.float32).reshape(1, 1, 9, 9)
    boxes = torch.tensor([[0.0, *corners]], dtype=box_dtype)
    got = learner.ps_roi_pool(x, boxes, 1, scale)
    call = call_repr("ps_roi_pool", x, boxes, 1, scale) + f"  [spatial_scale {scale_name}, x = arange(81) as 9 x 9]"
    assert_bins_close(
        got,
        torch.tensor([[[[expected]]]], dtype=torch.float32),
        call=call,
        why=explain(x, boxes, (1, 1), scale),
    )


def test_bins_stop_before_the_last_row_and_column_as_torchvision_does(learner):
    # The whole 4 x 5 map as one bin: torchvision clips the bin's end to H - 1 and W - 1, so it averages
    # rows 0..2 and columns 0..3 of arange(20): 78 / 12 = 6.5 (the whole map would give 9.5).
    x = torch.arange(20, dtype=torch.float64).reshape(1, 1, 4, 5)
    boxes = rois((0, 0.0, 0.0, 5.0, 4.0))
    got = learner.ps_roi_pool(x, boxes, 1)
    call = call_repr("ps_roi_pool", x, boxes, 1) + "  [x = arange(20) as 4 x 5, box = the whole map]"
    assert_bins_close(
        got, torch.tensor([[[[6.5]]]], dtype=torch.float64), call=call, why=explain(x, boxes, (1, 1), 1.0)
    )


def test_boxes_smaller_than_a_pixel_read_one_pixel(learner):
    # (2.2, 1.8, 2.4, 2.1) rounds to (2, 2, 2, 2): size 0, made 1 x 1, so the bin is pixel (row 2, column 2).
    x = torch.arange(25, dtype=torch.float64).reshape(1, 1, 5, 5)
    boxes = rois((0, 2.2, 1.8, 2.4, 2.1))
    got = learner.ps_roi_pool(x, boxes, 1)
    call = call_repr("ps_roi_pool", x, boxes, 1) + "  [x = arange(25) as 5 x 5]"
    assert_bins_close(
        got, torch.tensor([[[[12.0]]]], dtype=torch.float64), call=call, why=explain(x, boxes, (1, 1), 1.0)
    )


def test_bins_off_the_map_give_zero(learner):
    # Negative values everywhere: an empty bin must give 0, not NaN (0 / 0) or a neighbour's mean.
    x = -1.0 - torch.arange(2 * 4 * 5 * 6, dtype=torch.float64).reshape(2, 4, 5, 6)
    boxes = rois((0, 7.0, 1.0, 12.0, 3.0), (1, -6.0, -6.0, -2.0, -3.0), (1, 3.0, 1.0, 9.0, 4.0))
    got = learner.ps_roi_pool(x, boxes, 2)
    expected = naive_ps_roi_pool(x, boxes, (2, 2))
    assert bool((expected[:2] == 0).all()) and bool((expected[2, :, :, 1] == 0).all())
    call = (
        call_repr("ps_roi_pool", x, boxes, 2) + "  [negative map; RoIs 0 and 1 off the map, RoI 2 over its right edge]"
    )
    assert_bins_close(got, expected, call=call, why=explain(x, boxes, (2, 2), 1.0))


@pytest.mark.points(2)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])
def test_gradient_spreads_each_bins_upstream_evenly_over_its_pixels(learner, dtype):
    seed = 23
    x = random_maps(seed, 2, (2, 3), dtype=dtype).requires_grad_(True)
    boxes = random_rois(seed + 1, 8, x.shape, dtype=dtype, inside=True)
    out = learner.ps_roi_pool(x, boxes, (2, 3))
    call = call_repr("ps_roi_pool", x, boxes, (2, 3)) + ", then backward"
    assert isinstance(out, torch.Tensor) and out.requires_grad, f"{call}: the output does not depend on input (no grad)"
    g = torch.Generator().manual_seed(seed + 2)
    upstream = torch.randn(out.shape, generator=g, dtype=torch.float64).to(dtype)
    (grad,) = torch.autograd.grad(out, x, upstream)
    expected_out = naive_ps_roi_pool(x, boxes, (2, 3))
    (expected,) = torch.autograd.grad(expected_out, x, upstream)
    assert_close(grad, expected, call=call, seed=seed, what="input gradient")


def test_each_roi_reads_the_image_named_by_its_batch_index(learner):
    seed = 29
    first = random_maps(seed, 1, (2, 2), n=1)
    x = torch.cat([first, first + 100.0, first - 50.0])
    boxes = rois((0, 1.2, 0.7, 7.6, 6.1), (1, 1.2, 0.7, 7.6, 6.1), (2, 1.2, 0.7, 7.6, 6.1), (1, 1.2, 0.7, 7.6, 6.1))
    got = learner.ps_roi_pool(x, boxes, 2)
    call = call_repr("ps_roi_pool", x, boxes, 2) + "  [images 1 and 2 are image 0 + 100 and - 50; the same box on each]"
    assert_bins_close(
        got, naive_ps_roi_pool(x, boxes, (2, 2)), call=call, seed=seed, why=explain(x, boxes, (2, 2), 1.0)
    )


def test_spatial_scale_multiplies_the_box(learner):
    seed = 31
    x = random_maps(seed, 2, (2, 2))
    boxes = random_rois(seed + 1, 8, x.shape)
    scaled = boxes.clone()
    scaled[:, 1:] *= 16.0
    direct = learner.ps_roi_pool(x, boxes, 2)
    via_scale = learner.ps_roi_pool(x, scaled, 2, 1 / 16)
    assert_close(
        via_scale, direct, call=call_repr("ps_roi_pool", x, scaled, 2, 1 / 16) + " against boxes / 16", seed=seed
    )


def test_int_output_size_means_a_square_grid(learner):
    seed = 37
    x = random_maps(seed, 1, (3, 3))
    boxes = random_rois(seed + 1, 5, x.shape)
    got = learner.ps_roi_pool(x, boxes, 3)
    assert_close(got, naive_ps_roi_pool(x, boxes, (3, 3)), call=call_repr("ps_roi_pool", x, boxes, 3), seed=seed)


def test_accepts_non_contiguous_input(learner):
    seed = 41
    x = random_maps(seed, 2, (2, 2), hw=(13, 9)).transpose(2, 3)  # [3, 8, 9, 13], strided
    assert not x.is_contiguous()
    boxes = random_rois(seed + 1, 7, x.shape)
    got = learner.ps_roi_pool(x, boxes, 2)
    call = call_repr("ps_roi_pool", x, boxes, 2) + " (input transposed, not contiguous)"
    assert_close(got, naive_ps_roi_pool(x, boxes, (2, 2)), call=call, seed=seed)


def test_no_rois_give_an_empty_output(learner):
    x = random_maps(43, 3, (2, 2))
    boxes = torch.zeros(0, 5, dtype=torch.float64)
    got = learner.ps_roi_pool(x, boxes, 2)
    assert_close(got, torch.zeros(0, 3, 2, 2, dtype=torch.float64), call=call_repr("ps_roi_pool", x, boxes, 2))


def test_leaves_inputs_unchanged(learner):
    x = random_maps(47, 2, (2, 2))
    boxes = random_rois(48, 6, x.shape)
    before_x, before_boxes = x.clone(), boxes.clone()
    call = call_repr("ps_roi_pool", x, boxes, 2)
    learner.ps_roi_pool(x, boxes, 2)
    assert_unchanged(before_x, x, name="input", call=call)
    assert_unchanged(before_boxes, boxes, name="boxes", call=call)


def test_rejects_channels_that_are_not_a_multiple_of_the_grid(learner):
    boxes = rois((0, 1.0, 1.0, 3.0, 3.0))
    x = torch.zeros(1, 10, 5, 5)  # 10 channels for a 2 x 2 grid
    assert_raises(
        ValueError,
        learner.ps_roi_pool,
        x,
        boxes,
        2,
        match=r"\binput\b",
        call="ps_roi_pool(Tensor[1, 10, 5, 5], ..., 2)",
    )
    x = torch.zeros(1, 12, 5, 5)  # fine for 2 x 3, not for 5 x 5
    assert_raises(
        ValueError,
        learner.ps_roi_pool,
        x,
        boxes,
        5,
        match=r"\binput\b",
        call="ps_roi_pool(Tensor[1, 12, 5, 5], ..., 5)",
    )


BAD_BOXES = [
    (torch.tensor([[0.0, 1.0, 1.0, 3.0]]), ValueError, "four columns"),
    (torch.tensor([[2.0, 1.0, 1.0, 3.0, 3.0]]), ValueError, "batch index 2 of 2 images"),
    (torch.tensor([[0.5, 1.0, 1.0, 3.0, 3.0]]), ValueError, "fractional batch index"),
    (torch.tensor([[0.0, 3.0, 1.0, 1.0, 3.0]]), ValueError, "x2 below x1"),
    (torch.tensor([[0.0, 1.0, 3.0, 3.0, 1.0]]), ValueError, "y2 below y1"),
    (torch.tensor([[0, 1, 1, 3, 3]]), TypeError, "integer boxes"),
]


def test_rejects_bad_boxes(learner):
    x = torch.zeros(2, 4, 5, 5)
    for boxes, error, case in BAD_BOXES:
        call = f"ps_roi_pool(Tensor[2, 4, 5, 5], boxes={boxes.tolist()}, output_size=2)  [{case}]"
        assert_raises(error, learner.ps_roi_pool, x, boxes, 2, match=r"\bboxes\b", call=call)
    call = "ps_roi_pool(Tensor[2, 4, 5, 5], boxes=a list, output_size=2)"
    assert_raises(TypeError, learner.ps_roi_pool, x, [[0.0, 1.0, 1.0, 3.0, 3.0]], 2, match=r"\bboxes\b", call=call)


def test_rejects_bad_input_and_output_size(learner):
    f = learner.ps_roi_pool
    boxes = rois((0, 1.0, 1.0, 3.0, 3.0)).float()
    assert_raises(ValueError, f, torch.zeros(4, 5, 5), boxes, 2, match=r"\binput\b")
    assert_raises(TypeError, f, torch.zeros(1, 4, 5, 5, dtype=torch.int64), boxes, 2, match=r"\binput\b")
    assert_raises(
        TypeError, f, torch.zeros(1, 4, 5, 5).tolist(), boxes, 2, match=r"\binput\b", call="ps_roi_pool(a list, ...)"
    )
    assert_raises(ValueError, f, torch.zeros(1, 4, 5, 5), boxes, 0, match=r"\boutput_size\b")
    assert_raises(ValueError, f, torch.zeros(1, 4, 5, 5), boxes, (2, -1), match=r"\boutput_size\b")


@pytest.mark.parametrize(
    "output_size, scale, error, match",
    [
        (2.0, 1.0, TypeError, "output_size"),
        ((2, 2.0), 1.0, TypeError, "output_size"),
        (True, 1.0, TypeError, "output_size"),
        ((2, True), 1.0, TypeError, "output_size"),
        ("2", 1.0, TypeError, "output_size"),
        (2, 0.0, ValueError, "spatial_scale"),
        (2, -0.5, ValueError, "spatial_scale"),
    ],
    ids=["float size", "float in a pair", "bool size", "bool in a pair", "string size", "scale 0", "negative scale"],
)
def test_rejects_bad_output_size_and_spatial_scale(learner, output_size, scale, error, match):
    x, boxes = torch.zeros(1, 4, 5, 5), rois((0, 1.0, 1.0, 3.0, 3.0))
    call = f"ps_roi_pool(Tensor[1, 4, 5, 5], Tensor[1, 5] float64, {output_size!r}, {scale!r})"
    assert_raises(error, learner.ps_roi_pool, x, boxes, output_size, scale, match=rf"\b{match}\b", call=call)


@pytest.mark.parametrize(
    "shape, output_size, scale, error, match",
    [
        ((1, 10, 5, 5), 2, 1.0, ValueError, "input"),
        ((1, 4, 5, 5), 0, 1.0, ValueError, "output_size"),
        ((1, 4, 5, 5), 2.0, 1.0, TypeError, "output_size"),
        ((1, 4, 5, 5), 2, 0.0, ValueError, "spatial_scale"),
        ((4, 5, 5), 2, 1.0, ValueError, "input"),
    ],
    ids=["channels", "output_size 0", "float output_size", "scale 0", "3-d input"],
)
def test_checks_arguments_even_without_rois(learner, shape, output_size, scale, error, match):
    x, boxes = torch.zeros(shape), torch.zeros(0, 5)
    call = f"ps_roi_pool(Tensor{list(shape)}, Tensor[0, 5], {output_size!r}, {scale!r})  [no RoI]"
    assert_raises(error, learner.ps_roi_pool, x, boxes, output_size, scale, match=rf"\b{match}\b", call=call)
