"""Grader for swin_windows: window partition and reverse, the shifted-window mask, PatchMerging, FLOPs.

Expected values come from references written here: windows cut and pasted with explicit slices in loops,
the shifted-window mask built token by token from where each token of the rolled image came from, patch
merging written with ``F.layer_norm`` and a matrix product, and the paper's FLOP formulas worked by hand.

Promises and the tests that hold them:
window_partition
- windows image by image, row by row, dtype kept -> test_partition_cuts_windows_image_by_image_row_by_row
- strided input, input unchanged -> test_partition_accepts_non_contiguous_input,
  test_partition_leaves_the_input_unchanged
- x not 4-D / window_size not a positive divisor -> ValueError naming x / window_size
  -> test_partition_rejects_bad_shapes
window_reverse
- pastes windows back in place; the exact inverse -> test_reverse_pastes_windows_back_in_place,
  test_partition_and_reverse_undo_each_other
- a count of windows that does not fill the images -> ValueError naming windows
  -> test_reverse_rejects_a_count_of_windows_that_does_not_fill_the_images
- windows not [K, M, M, C] / window_size not a divisor -> ValueError naming windows / window_size
  -> test_reverse_rejects_windows_of_the_wrong_shape
shifted_window_mask
- 0 inside a region of the rolled image, -100 across -> test_mask_allows_only_tokens_from_the_same_region,
  test_mask_of_a_small_map_by_hand
- shift 0 gives zeros -> test_mask_without_shift_is_all_zeros
- in torch.get_default_dtype() -> test_mask_is_in_the_default_dtype
- bad window_size / shift_size -> ValueError naming it -> test_mask_rejects_bad_sizes
PatchMerging
- norm = LayerNorm(4C), reduction = Linear(4C, 2C, bias=False)
  -> test_patch_merging_has_layer_norm_of_4c_then_linear_to_2c_without_bias
- the reference order of the 2x2 neighbours, norm then reduction
  -> test_patch_merging_concatenates_in_the_reference_order
- [B, H/2, W/2, 2C] -> test_patch_merging_halves_the_map_and_doubles_the_channels
- dim not a positive int -> ValueError naming dim -> test_patch_merging_rejects_a_dim_that_is_not_a_positive_int
- odd H or W / not 4-D / channels other than dim -> ValueError naming x -> test_patch_merging_rejects_odd_sizes,
  test_patch_merging_rejects_inputs_of_the_wrong_shape
attention_flops
- the paper's MSA and W-MSA formulas -> test_flops_follow_the_papers_formulas,
  test_window_attention_grows_linearly_and_global_attention_quadratically
- a Python int, not a float -> test_flops_are_python_ints
- an argument that is not a positive int (56.0 included) -> ValueError naming it -> test_flops_reject_non_positive_sizes
"""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from graders.helpers import assert_close, assert_equal, assert_raises, assert_unchanged, call_repr


def randn(*shape: int, seed: int, dtype=torch.float32) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=g, dtype=torch.float64).to(dtype)


def windows_by_slicing(x: torch.Tensor, M: int) -> torch.Tensor:
    B, H, W, _ = x.shape
    return torch.stack(
        [x[b, r * M : (r + 1) * M, c * M : (c + 1) * M] for b in range(B) for r in range(H // M) for c in range(W // M)]
    )


def image_by_pasting(windows: torch.Tensor, M: int, H: int, W: int) -> torch.Tensor:
    n = (H // M) * (W // M)
    B = windows.shape[0] // n
    out = torch.empty(B, H, W, windows.shape[-1], dtype=windows.dtype)
    k = 0
    for b in range(B):
        for r in range(H // M):
            for c in range(W // M):
                out[b, r * M : (r + 1) * M, c * M : (c + 1) * M] = windows[k]
                k += 1
    return out


def brute_force_mask(H: int, W: int, M: int, s: int) -> torch.Tensor:
    """Token by token: after rolling by -s, pixel (h, w) came from ((h + s) % H, (w + s) % W). Two tokens of a
    window were neighbours in the image unless one of them wrapped around an edge and the other did not;
    wrapped means h >= H - s (the last s rows now hold the first s rows of the image), likewise for w.
    (The reference code splits the unwrapped part once more at H - M, but no window straddles H - M.)"""
    rows, cols = H // M, W // M
    windows = []
    for r in range(rows):
        for c in range(cols):
            tokens = [(r * M + i, c * M + j) for i in range(M) for j in range(M)]
            region = [(h >= H - s, w >= W - s) if s else (False, False) for h, w in tokens]
            windows.append([[0.0 if a == b else -100.0 for b in region] for a in region])
    return torch.tensor(windows, dtype=torch.get_default_dtype())


# ------------------------------------------------------------------------------------------- window_partition

SHAPES = [
    ((3, 8, 12, 5), 4, "3 images 8 x 12, M=4"),
    ((2, 14, 7, 3), 7, "2 images 14 x 7, M=7"),
    ((2, 6, 6, 2), 6, "one window per image"),
    ((1, 4, 6, 1), 2, "one image 4 x 6, M=2"),
]
SHAPE_IDS = [s[2] for s in SHAPES]


@pytest.mark.points(2)
@pytest.mark.parametrize("shape, M, case", SHAPES, ids=SHAPE_IDS)
def test_partition_cuts_windows_image_by_image_row_by_row(learner, shape, M, case):
    seed = 501
    x = randn(*shape, seed=seed, dtype=torch.float64)
    got = learner.window_partition(x, M)
    expected = windows_by_slicing(x, M)
    call = call_repr("window_partition", x, M) + "  [window b * nW + r * (W // M) + c = x[b, rM:(r+1)M, cM:(c+1)M]]"
    assert_equal(got, expected, call=call, seed=seed)


def test_partition_accepts_non_contiguous_input(learner):
    seed = 502
    x = randn(2, 5, 8, 4, seed=seed).permute(0, 3, 2, 1)  # [2, 4, 8, 5], strided
    assert not x.is_contiguous()
    got = learner.window_partition(x, 4)
    assert_equal(got, windows_by_slicing(x, 4), call=call_repr("window_partition", x, 4) + " (strided)", seed=seed)


def test_partition_leaves_the_input_unchanged(learner):
    x = randn(2, 4, 4, 3, seed=503)
    before = x.clone()
    learner.window_partition(x, 2)
    assert_unchanged(before, x, name="x", call=call_repr("window_partition", x, 2))


@pytest.mark.parametrize(
    "shape, M, match",
    [
        ((1, 8, 6, 2), 4, r"\bwindow_size\b"),
        ((1, 6, 8, 2), 4, r"\bwindow_size\b"),
        ((8, 8, 2), 4, r"\bx\b"),
        ((1, 8, 8, 2), 0, r"\bwindow_size\b"),
        ((1, 8, 8, 2), -4, r"\bwindow_size\b"),
    ],
    ids=["W not a multiple", "H not a multiple", "three-dimensional x", "window_size 0", "negative window_size"],
)
def test_partition_rejects_bad_shapes(learner, shape, M, match):
    assert_raises(ValueError, learner.window_partition, torch.zeros(shape), M, match=match)


# ------------------------------------------------------------------------------------------- window_reverse


@pytest.mark.points(2)
@pytest.mark.parametrize("shape, M, case", SHAPES, ids=SHAPE_IDS)
def test_reverse_pastes_windows_back_in_place(learner, shape, M, case):
    seed = 511
    B, H, W, C = shape
    windows = randn(B * (H // M) * (W // M), M, M, C, seed=seed, dtype=torch.float64)
    got = learner.window_reverse(windows, M, H, W)
    call = call_repr("window_reverse", windows, M, H, W)
    assert_equal(got, image_by_pasting(windows, M, H, W), call=call, seed=seed)


@pytest.mark.parametrize("shape, M, case", SHAPES[:2], ids=SHAPE_IDS[:2])
def test_partition_and_reverse_undo_each_other(learner, shape, M, case):
    seed = 512
    B, H, W, C = shape
    x = randn(*shape, seed=seed)
    back = learner.window_reverse(learner.window_partition(x, M), M, H, W)
    assert_equal(
        back, x, call=f"window_reverse(window_partition(x, {M}), {M}, {H}, {W}) with x {list(shape)}", seed=seed
    )
    windows = randn(B * (H // M) * (W // M), M, M, C, seed=seed + 1)
    again = learner.window_partition(learner.window_reverse(windows, M, H, W), M)
    assert_equal(again, windows, call=f"window_partition(window_reverse(w, {M}, {H}, {W}), {M})", seed=seed)


def test_reverse_rejects_a_count_of_windows_that_does_not_fill_the_images(learner):
    windows = torch.zeros(5, 2, 2, 3)  # 4 x 4 images of 2 x 2 windows need a multiple of 4
    assert_raises(ValueError, learner.window_reverse, windows, 2, 4, 4, match=r"\bwindows\b")


@pytest.mark.parametrize(
    "shape, args, match",
    [
        ((4, 3, 3, 2), (2, 4, 4), r"\bwindows\b"),
        ((4, 2, 2), (2, 4, 4), r"\bwindows\b"),
        ((4, 2, 2, 3), (2, 4, 5), r"\bwindow_size\b"),
        ((4, 2, 2, 3), (0, 4, 4), r"\bwindow_size\b"),
    ],
    ids=["3 x 3 windows for M=2", "three-dimensional windows", "W not a multiple", "window_size 0"],
)
def test_reverse_rejects_windows_of_the_wrong_shape(learner, shape, args, match):
    windows = torch.zeros(shape)
    assert_raises(
        ValueError,
        learner.window_reverse,
        windows,
        *args,
        match=match,
        call=call_repr("window_reverse", windows, *args),
    )


# ------------------------------------------------------------------------------------------- shifted_window_mask

MASK_CASES = [(8, 12, 4, 2), (14, 21, 7, 3), (6, 6, 3, 1), (56, 56, 7, 3)]


@pytest.mark.points(2)
@pytest.mark.parametrize("H, W, M, s", MASK_CASES, ids=[f"H={c[0]} W={c[1]} M={c[2]} s={c[3]}" for c in MASK_CASES])
def test_mask_allows_only_tokens_from_the_same_region(learner, H, W, M, s):
    got = learner.shifted_window_mask(H, W, M, s)
    call = f"shifted_window_mask({H}, {W}, {M}, {s})  [0 = same region of the rolled image, -100 = not]"
    assert_equal(got, brute_force_mask(H, W, M, s), call=call)


def test_mask_of_a_small_map_by_hand(learner):
    # 4 x 4, M = 2, s = 1: the bottom-right window holds four pixels from four different corners of the
    # image, so each token may attend only to itself; the top-left window is one region.
    got = learner.shifted_window_mask(4, 4, 2, 1)
    assert_equal(tuple(got.shape), (4, 4, 4), call="shifted_window_mask(4, 4, 2, 1)", what="shape")
    assert_equal(got[0], torch.zeros(4, 4), call="shifted_window_mask(4, 4, 2, 1)", what="window 0")
    expected = torch.full((4, 4), -100.0).fill_diagonal_(0.0)
    assert_equal(got[3], expected, call="shifted_window_mask(4, 4, 2, 1)", what="window 3")


def test_mask_without_shift_is_all_zeros(learner):
    got = learner.shifted_window_mask(6, 9, 3, 0)
    assert_equal(got, torch.zeros(6, 9, 9), call="shifted_window_mask(6, 9, 3, 0)")


@pytest.mark.parametrize("default", [torch.float64, torch.float32], ids=["float64 default", "float32 default"])
def test_mask_is_in_the_default_dtype(learner, default):
    before = torch.get_default_dtype()
    torch.set_default_dtype(default)
    try:
        got = learner.shifted_window_mask(4, 4, 2, 1)
    finally:
        torch.set_default_dtype(before)
    call = f"shifted_window_mask(4, 4, 2, 1) with torch.set_default_dtype({default})"
    assert_equal(getattr(got, "dtype", None), default, call=call, what="dtype (torch.get_default_dtype())")


@pytest.mark.parametrize(
    "args, match",
    [((8, 8, 4, 4), r"\bshift_size\b"), ((8, 8, 4, -1), r"\bshift_size\b"), ((8, 10, 4, 2), r"\bwindow_size\b")],
    ids=["shift equal to the window", "negative shift", "W not a multiple"],
)
def test_mask_rejects_bad_sizes(learner, args, match):
    assert_raises(ValueError, learner.shifted_window_mask, *args, match=match)


# ------------------------------------------------------------------------------------------- PatchMerging


def randomise(module: nn.Module, seed: int) -> None:
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in module.parameters():
            p.copy_(torch.randn(p.shape, generator=g, dtype=torch.float64).to(p.dtype))


def merged_by_hand(x: torch.Tensor, norm: nn.LayerNorm, reduction: nn.Linear) -> torch.Tensor:
    x64 = x.double()
    parts = [x64[:, 0::2, 0::2], x64[:, 1::2, 0::2], x64[:, 0::2, 1::2], x64[:, 1::2, 1::2]]
    cat = torch.cat(parts, dim=-1)
    normed = F.layer_norm(cat, (cat.shape[-1],), norm.weight.double(), norm.bias.double(), norm.eps)
    return (normed @ reduction.weight.double().T).to(x.dtype).detach()


def test_patch_merging_has_layer_norm_of_4c_then_linear_to_2c_without_bias(learner):
    merge = learner.PatchMerging(5)
    norm, reduction = getattr(merge, "norm", None), getattr(merge, "reduction", None)
    assert isinstance(norm, nn.LayerNorm), f"PatchMerging(5).norm is {norm!r}, expected nn.LayerNorm(20)"
    assert_equal(tuple(norm.normalized_shape), (20,), call="PatchMerging(5).norm", what="normalized_shape")
    assert isinstance(reduction, nn.Linear), f"PatchMerging(5).reduction is {reduction!r}, expected an nn.Linear"
    assert_equal(tuple(reduction.weight.shape), (10, 20), call="PatchMerging(5).reduction", what="weight shape")
    assert_equal(reduction.bias is None, True, call="PatchMerging(5).reduction", what="has no bias")


@pytest.mark.points(2)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])
def test_patch_merging_concatenates_in_the_reference_order(learner, dtype):
    seed = 521
    merge = learner.PatchMerging(3).to(dtype)
    randomise(merge, seed)
    x = randn(2, 6, 10, 3, seed=seed + 1, dtype=dtype)
    got = merge(x)
    call = call_repr("PatchMerging(3)", x) + "  [cat(x[0::2, 0::2], x[1::2, 0::2], x[0::2, 1::2], x[1::2, 1::2])]"
    assert_close(got, merged_by_hand(x, merge.norm, merge.reduction), call=call, seed=seed)


def test_patch_merging_halves_the_map_and_doubles_the_channels(learner):
    merge = learner.PatchMerging(4)
    got = merge(torch.zeros(3, 8, 2, 4))
    assert_equal(tuple(got.shape), (3, 4, 1, 8), call="PatchMerging(4)(Tensor[3, 8, 2, 4])", what="shape")


@pytest.mark.parametrize("shape", [(1, 5, 4, 2), (1, 4, 7, 2)], ids=["odd H", "odd W"])
def test_patch_merging_rejects_odd_sizes(learner, shape):
    merge = learner.PatchMerging(2)
    assert_raises(
        ValueError, merge, torch.zeros(shape), match=r"\bx\b", call=call_repr("PatchMerging(2)", torch.zeros(shape))
    )


@pytest.mark.parametrize("shape", [(1, 4, 4, 3), (4, 6, 2)], ids=["3 channels for dim 2", "three-dimensional x"])
def test_patch_merging_rejects_inputs_of_the_wrong_shape(learner, shape):
    merge = learner.PatchMerging(2)
    x = torch.zeros(shape)
    assert_raises(ValueError, merge, x, match=r"\bx\b", call=call_repr("PatchMerging(2)", x))


@pytest.mark.parametrize("dim", [0, -3, 2.0], ids=["0", "negative", "a float"])
def test_patch_merging_rejects_a_dim_that_is_not_a_positive_int(learner, dim):
    assert_raises(ValueError, learner.PatchMerging, dim, match=r"\bdim\b", call=f"PatchMerging({dim!r})")


# ------------------------------------------------------------------------------------------- attention_flops


@pytest.mark.parametrize(
    "args, expected",
    [
        ((56, 56, 96, None), 4 * 3136 * 96 * 96 + 2 * 3136 * 3136 * 96),
        ((56, 56, 96, 7), 4 * 3136 * 96 * 96 + 2 * 49 * 3136 * 96),
        ((2, 3, 4, None), 672),  # 4*6*16 + 2*36*4
        ((2, 3, 4, 1), 432),  # 4*6*16 + 2*1*6*4
    ],
    ids=["MSA 56x56x96", "W-MSA 56x56x96 M=7", "MSA 2x3x4", "W-MSA 2x3x4 M=1"],
)
def test_flops_follow_the_papers_formulas(learner, args, expected):
    h, w, c, M = args
    got = learner.attention_flops(h, w, c, window_size=M)
    assert_equal(got, expected, call=f"attention_flops({h}, {w}, {c}, window_size={M})")


@pytest.mark.points(2)
def test_window_attention_grows_linearly_and_global_attention_quadratically(learner):
    # Doubling h and w multiplies hw by 4: W-MSA costs 4 times as much, MSA's attention term 16 times.
    h, w, c, M = 14, 10, 32, 7
    proj_small, proj_big = 4 * h * w * c * c, 4 * 4 * h * w * c * c
    small_w, big_w = (
        learner.attention_flops(h, w, c, window_size=M),
        learner.attention_flops(2 * h, 2 * w, c, window_size=M),
    )
    small_g, big_g = learner.attention_flops(h, w, c), learner.attention_flops(2 * h, 2 * w, c)
    assert_equal(
        big_w, 4 * small_w, call=f"attention_flops({2 * h}, {2 * w}, {c}, window_size={M}) against 4 x ({h}, {w})"
    )
    assert_equal(
        big_g - proj_big,
        16 * (small_g - proj_small),
        call=f"attention term of attention_flops({2 * h}, {2 * w}, {c}) against 16 x that of ({h}, {w})",
    )


@pytest.mark.parametrize("window_size", [None, 7], ids=["MSA", "W-MSA"])
def test_flops_are_python_ints(learner, window_size):
    got = learner.attention_flops(56, 56, 96, window_size=window_size)
    call = f"attention_flops(56, 56, 96, window_size={window_size})"
    if isinstance(got, bool) or not isinstance(got, int):
        raise AssertionError(f"{call}\n  returned {got!r} ({type(got).__name__}), expected a Python int (exact)")


@pytest.mark.parametrize(
    "args, match",
    [
        ((0, 4, 8), r"\bh\b"),
        ((4, 4, -1), r"\bc\b"),
        ((4, 4, 8, 0), r"\bwindow_size\b"),
        ((56.0, 56, 96), r"\bh\b"),
        ((56, 56, 96, 7.0), r"\bwindow_size\b"),
    ],
    ids=["h=0", "c<0", "M=0", "float h", "float M"],
)
def test_flops_reject_non_positive_sizes(learner, args, match):
    assert_raises(ValueError, learner.attention_flops, *args, match=match)
