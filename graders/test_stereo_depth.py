"""Grader for stereo_depth: disparity to depth, back-projection through K, triangulation.

Expected values: the formulas written out per element here, and round trips through a projection that
the grader does itself (3-D points -> left/right pixels -> triangulate; depth map -> points -> pixels).

Promises and the tests that hold them:
disparity_to_depth
- Z = f B / d, dtype kept -> test_depth_is_focal_times_baseline_over_disparity
- d <= 0 gives 0, finite everywhere -> test_invalid_disparities_give_zero_depth
- finite gradient at d = 0 -> test_gradient_is_finite_where_disparity_is_zero
- shape kept, input unchanged -> test_depth_keeps_shape_and_leaves_the_input_alone
- focal_px or baseline not positive (0, NaN) -> ValueError naming it -> test_depth_rejects_non_positive_camera_constants
- disparity not a floating-point tensor -> TypeError naming it
  -> test_depth_rejects_a_disparity_that_is_not_floating_point
backproject
- depth * K^-1 [u, v, 1] for pixel [v, u], skew included, depth 0 gives the origin
  -> test_backproject_matches_the_pinhole_model, test_backproject_handles_skew,
  test_backprojected_points_project_back_onto_their_pixels
- depth's dtype also when K has another -> test_backproject_keeps_the_dtype_of_depth_whatever_the_dtype_of_k
- depth not 2-D, K not 3 x 3, K's last row not (0, 0, 1) -> ValueError naming depth / K
  -> test_backproject_rejects_bad_shapes, test_backproject_rejects_k_whose_last_row_is_not_0_0_1
- depth not a floating-point tensor -> TypeError naming depth
  -> test_backproject_rejects_depth_that_is_not_floating_point
triangulate
- the formulas, for tensors of both dtypes -> test_triangulation_recovers_projected_points
- plain numbers -> test_triangulation_of_plain_numbers
- plain numbers give 0-d tensors of the default dtype -> test_triangulation_of_plain_numbers_gives_default_dtype_tensors
- d <= 0 gives the origin -> test_triangulation_with_no_positive_disparity_gives_the_origin
- broadcast to a common shape -> test_triangulation_broadcasts_a_shared_row
- bad inputs -> TypeError naming x_left / x_right / y; focal_px or baseline not positive -> ValueError naming it
  -> test_triangulation_rejects_bad_arguments
"""

from __future__ import annotations

import pytest
import torch

from graders.helpers import assert_close, assert_raises, assert_unchanged, call_repr

FLOATS = [torch.float32, torch.float64]
FLOAT_IDS = ["float32", "float64"]


def intrinsics(dtype=torch.float64, skew: float = 0.0) -> torch.Tensor:
    return torch.tensor([[520.0, skew, 161.5], [0.0, 480.0, 119.25], [0.0, 0.0, 1.0]], dtype=dtype)


# ------------------------------------------------------------------------------------------- disparity_to_depth


@pytest.mark.points(2)
@pytest.mark.parametrize("dtype", FLOATS, ids=FLOAT_IDS)
def test_depth_is_focal_times_baseline_over_disparity(learner, dtype):
    seed = 3
    g = torch.Generator().manual_seed(seed)
    disparity = (torch.rand(5, 7, generator=g, dtype=torch.float64) * 60 + 0.5).to(dtype)
    expected = 700.0 * 0.54 / disparity
    got = learner.disparity_to_depth(disparity, 700.0, 0.54)
    assert_close(got, expected, call=call_repr("disparity_to_depth", disparity, 700.0, 0.54), seed=seed)


def test_invalid_disparities_give_zero_depth(learner):
    disparity = torch.tensor([[4.0, 0.0, -2.5], [-0.0, 1e-3, -1e9]])
    expected = torch.tensor([[25.0, 0.0, 0.0], [0.0, 1e5, 0.0]])
    got = learner.disparity_to_depth(disparity, 50.0, 2.0)
    assert_close(got, expected, call=call_repr("disparity_to_depth", disparity, 50.0, 2.0))


def test_gradient_is_finite_where_disparity_is_zero(learner):
    disparity = torch.tensor([2.0, 0.0, -1.0, 8.0], dtype=torch.float64, requires_grad=True)
    learner.disparity_to_depth(disparity, 10.0, 1.0).sum().backward()
    expected = torch.tensor([-10.0 / 4, 0.0, 0.0, -10.0 / 64], dtype=torch.float64)
    assert_close(
        disparity.grad,
        expected,
        call="disparity_to_depth([2, 0, -1, 8], 10, 1).sum().backward()",
        what="disparity.grad",
    )


def test_depth_keeps_shape_and_leaves_the_input_alone(learner):
    disparity = torch.rand(2, 3, 4, 5, generator=torch.Generator().manual_seed(1)) * 10 - 2
    before = disparity.clone()
    got = learner.disparity_to_depth(disparity, 100.0, 0.2)
    assert_close(
        got,
        torch.where(before > 0, 20.0 / before.clamp(min=1e-30), torch.zeros_like(before)),
        call=call_repr("disparity_to_depth", disparity, 100.0, 0.2),
        seed=1,
    )
    assert_unchanged(before, disparity, name="disparity", call="disparity_to_depth")


@pytest.mark.parametrize(
    "focal, baseline, match",
    [
        (0.0, 0.1, r"\bfocal_px\b"),
        (-700.0, 0.1, r"\bfocal_px\b"),
        (float("nan"), 0.1, r"\bfocal_px\b"),
        (700.0, -0.1, r"\bbaseline\b"),
        (700.0, 0.0, r"\bbaseline\b"),
    ],
    ids=["focal 0", "negative focal", "NaN focal", "negative baseline", "baseline 0"],
)
def test_depth_rejects_non_positive_camera_constants(learner, focal, baseline, match):
    assert_raises(
        ValueError,
        learner.disparity_to_depth,
        torch.ones(3),
        focal,
        baseline,
        match=match,
        call=call_repr("disparity_to_depth", torch.ones(3), focal, baseline),
    )


@pytest.mark.parametrize("kind", ["int64", "list"])
def test_depth_rejects_a_disparity_that_is_not_floating_point(learner, kind):
    disparity = torch.tensor([4, 0, 8]) if kind == "int64" else [4.0, 0.0, 8.0]
    call = call_repr("disparity_to_depth", disparity, 50.0, 2.0)
    assert_raises(TypeError, learner.disparity_to_depth, disparity, 50.0, 2.0, match=r"\bdisparity\b", call=call)


# ------------------------------------------------------------------------------------------- backproject


def naive_backproject(depth: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    fx, s, cx, fy, cy = K[0, 0].item(), K[0, 1].item(), K[0, 2].item(), K[1, 1].item(), K[1, 2].item()
    h, w = depth.shape
    out = torch.zeros(h, w, 3, dtype=torch.float64)
    for v in range(h):
        for u in range(w):
            z = depth[v, u].item()
            # u = (fx X + s Y) / Z + cx and v = fy Y / Z + cy, solved for X and Y
            y = (v - cy) * z / fy
            x = ((u - cx) * z - s * y) / fx
            out[v, u] = torch.tensor([x, y, z])
    return out


@pytest.mark.points(2)
@pytest.mark.parametrize("dtype", FLOATS, ids=FLOAT_IDS)
def test_backproject_matches_the_pinhole_model(learner, dtype):
    seed = 5
    depth = (torch.rand(6, 9, generator=torch.Generator().manual_seed(seed), dtype=torch.float64) * 20).to(dtype)
    depth[0, 0] = 0.0
    K = intrinsics(dtype)
    got = learner.backproject(depth, K)
    expected = naive_backproject(depth.double(), K.double()).to(dtype)
    assert_close(got, expected, call=call_repr("backproject", depth, K), seed=seed)


def test_backproject_handles_skew(learner):
    seed = 6
    depth = torch.rand(4, 5, generator=torch.Generator().manual_seed(seed), dtype=torch.float64) * 5 + 1
    K = intrinsics(skew=3.5)
    got = learner.backproject(depth, K)
    assert_close(
        got, naive_backproject(depth, K), call=call_repr("backproject", depth, K) + " with skew 3.5", seed=seed
    )


@pytest.mark.points(2)
def test_backprojected_points_project_back_onto_their_pixels(learner):
    seed = 7
    depth = torch.rand(5, 8, generator=torch.Generator().manual_seed(seed), dtype=torch.float64) * 30 + 0.5
    K = intrinsics()
    points = learner.backproject(depth, K)
    projected = points @ K.T
    pixels = projected[..., :2] / projected[..., 2:]
    v, u = torch.meshgrid(torch.arange(5.0, dtype=torch.float64), torch.arange(8.0, dtype=torch.float64), indexing="ij")
    assert_close(
        pixels,
        torch.stack([u, v], -1),
        call="K @ backproject(depth, K), divided by Z",
        what="pixel (u, v) = (column, row)",
        seed=seed,
    )
    assert_close(points[..., 2], depth, call=call_repr("backproject", depth, K), what="Z", seed=seed)


def test_backproject_rejects_bad_shapes(learner):
    assert_raises(ValueError, learner.backproject, torch.ones(2, 3, 4), intrinsics(torch.float32), match=r"\bdepth\b")
    assert_raises(ValueError, learner.backproject, torch.ones(2, 3), torch.eye(4), match=r"\bK\b")


@pytest.mark.parametrize("row", [(0.0, 0.0, 2.0), (0.0, 0.1, 1.0)], ids=["scaled", "tilted"])
def test_backproject_rejects_k_whose_last_row_is_not_0_0_1(learner, row):
    K = intrinsics(torch.float32)
    K[2] = torch.tensor(row)
    call = call_repr("backproject", torch.ones(2, 3), K) + f" with K's last row {row}"
    assert_raises(ValueError, learner.backproject, torch.ones(2, 3), K, match=r"\bK\b", call=call)


@pytest.mark.parametrize("kind", ["int64", "list"])
def test_backproject_rejects_depth_that_is_not_floating_point(learner, kind):
    depth = torch.ones(2, 3, dtype=torch.int64) if kind == "int64" else [[1.0, 2.0, 3.0]] * 2
    call = call_repr("backproject", depth, intrinsics(torch.float32))
    assert_raises(TypeError, learner.backproject, depth, intrinsics(torch.float32), match=r"\bdepth\b", call=call)


@pytest.mark.parametrize(
    "depth_dtype, k_dtype",
    [(torch.float32, torch.float64), (torch.float64, torch.float32)],
    ids=["float32 depth", "float64 depth"],
)
def test_backproject_keeps_the_dtype_of_depth_whatever_the_dtype_of_k(learner, depth_dtype, k_dtype):
    seed = 8
    depth = (torch.rand(4, 6, generator=torch.Generator().manual_seed(seed), dtype=torch.float64) * 10).to(depth_dtype)
    K = intrinsics(k_dtype)
    got = learner.backproject(depth, K)
    expected = naive_backproject(depth.double(), K.double()).to(depth_dtype)
    assert_close(got, expected, call=call_repr("backproject", depth, K), seed=seed)


# ------------------------------------------------------------------------------------------- triangulate


def project_pair(points: torch.Tensor, f: float, baseline: float, cx: float, cy: float):
    """Pixels of 3-D points (left camera frame) in the left and the right rectified cameras."""
    X, Y, Z = points.unbind(-1)
    x_left = f * X / Z + cx
    x_right = f * (X - baseline) / Z + cx
    y = f * Y / Z + cy
    return x_left, x_right, y


@pytest.mark.points(2)
@pytest.mark.parametrize("dtype", FLOATS, ids=FLOAT_IDS)
def test_triangulation_recovers_projected_points(learner, dtype):
    seed = 11
    g = torch.Generator().manual_seed(seed)
    points = torch.stack(
        [
            torch.rand(20, generator=g, dtype=torch.float64) * 8 - 4,
            torch.rand(20, generator=g, dtype=torch.float64) * 3 - 1.5,
            torch.rand(20, generator=g, dtype=torch.float64) * 40 + 2,
        ],
        dim=-1,
    )
    x_left, x_right, y = (t.to(dtype) for t in project_pair(points, 721.5, 0.54, 609.6, 172.9))
    X, Y, Z = learner.triangulate(x_left, x_right, y, 721.5, 0.54, 609.6, 172.9)
    call = call_repr("triangulate", x_left, x_right, y, 721.5, 0.54, 609.6, 172.9)
    # float32: the pixels themselves are rounded to float32 (half a step is 3e-5 below 1024 px, 6e-5 up to the
    # largest, ~1960 px), and the disparity, at least 9.3 px here, divides: Z is off by up to 2 * 3e-5 / 9.3
    # = 6.6e-6 relative (measured: 6.3e-6), and X, Y also by a pixel's rounding times Z / f, at most
    # 3.6e-6 absolute. Hence rtol=2e-5, atol=1e-5. Measured over seeds 1000-2999 and three ways of writing
    # it: at most 2.6e-6 beyond 2e-5 relative; seed 11: 5e-6 relative. float64: the default tolerances
    # (measured error 5e-13).
    rtol, atol = (2e-5, 1e-5) if dtype == torch.float32 else (None, None)
    assert_close(torch.stack([X, Y, Z], -1), points.to(dtype), call=call, seed=seed, rtol=rtol, atol=atol)


def test_triangulation_of_plain_numbers(learner):
    X, Y, Z = learner.triangulate(350.0, 330.0, 260.0, 700.0, 0.1, 320.0, 240.0)
    assert_close([X, Y, Z], [0.15, 0.1, 3.5], call="triangulate(350, 330, 260, 700, 0.1, 320, 240)", rtol=1e-6)


@pytest.mark.parametrize("default", [torch.float64, torch.float32], ids=["float64 default", "float32 default"])
def test_triangulation_of_plain_numbers_gives_default_dtype_tensors(learner, default):
    before = torch.get_default_dtype()
    torch.set_default_dtype(default)
    try:
        got = learner.triangulate(350.0, 330.0, 260.0, 700.0, 0.1, 320.0, 240.0)
    finally:
        torch.set_default_dtype(before)
    call = f"triangulate(350.0, 330.0, 260.0, 700.0, 0.1, 320.0, 240.0) with torch.set_default_dtype({default})"
    for name, value in zip("XYZ", got, strict=True):
        if not isinstance(value, torch.Tensor) or value.dtype != default or value.dim() != 0:
            raise AssertionError(f"{call}\n  {name} is {value!r}, expected a 0-d tensor of dtype {default}")


@pytest.mark.parametrize(
    "args, exc, match",
    [
        ((torch.tensor([350]), 330.0, 260.0, 700.0, 0.1, 320.0, 240.0), TypeError, r"\bx_left\b"),
        ((350.0, "330", 260.0, 700.0, 0.1, 320.0, 240.0), TypeError, r"\bx_right\b"),
        ((350.0, 330.0, None, 700.0, 0.1, 320.0, 240.0), TypeError, r"\by\b"),
        ((350.0, 330.0, 260.0, 0.0, 0.1, 320.0, 240.0), ValueError, r"\bfocal_px\b"),
        ((350.0, 330.0, 260.0, 700.0, -0.1, 320.0, 240.0), ValueError, r"\bbaseline\b"),
    ],
    ids=["integer x_left tensor", "string x_right", "None y", "focal 0", "negative baseline"],
)
def test_triangulation_rejects_bad_arguments(learner, args, exc, match):
    assert_raises(exc, learner.triangulate, *args, match=match, call=call_repr("triangulate", *args))


def test_triangulation_with_no_positive_disparity_gives_the_origin(learner):
    x_left = torch.tensor([100.0, 100.0, 100.0])
    x_right = torch.tensor([100.0, 101.0, 90.0])
    X, Y, Z = learner.triangulate(x_left, x_right, torch.tensor([50.0, 50.0, 50.0]), 100.0, 1.0, 60.0, 40.0)
    got = torch.stack([X, Y, Z], -1)
    expected = torch.tensor([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [4.0, 1.0, 10.0]])
    assert_close(got, expected, call=call_repr("triangulate", x_left, x_right, "y", 100.0, 1.0, 60.0, 40.0))


def test_triangulation_broadcasts_a_shared_row(learner):
    x_left = torch.tensor([[330.0, 340.0], [350.0, 360.0]])
    x_right = x_left - 20.0
    X, Y, Z = learner.triangulate(x_left, x_right, torch.tensor(250.0), 700.0, 0.1, 320.0, 240.0)
    assert_close(
        Z,
        torch.full((2, 2), 3.5),
        call="triangulate(Tensor[2, 2], Tensor[2, 2], tensor(250.), ...)",
        what="Z",
        rtol=1e-6,
    )
    assert_close(
        Y,
        torch.full((2, 2), 0.05),
        call="triangulate(Tensor[2, 2], Tensor[2, 2], tensor(250.), ...)",
        what="Y",
        rtol=1e-6,
    )
