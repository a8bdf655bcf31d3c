"""Grader for channel_shuffle: NCHW torch tensors and channels-last NumPy arrays.

Expected values come from ``torch.nn.ChannelShuffle`` (for NHWC arrays: transpose to NCHW, shuffle, transpose
back), from hand-worked channel orders, and from the inverse shuffle (``C // groups`` groups).
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from graders.helpers import assert_close, assert_equal, assert_raises, assert_unchanged, call_repr, describe

# (shape, groups): batch > 1, odd and non-square H and W, C != groups**2 so that a shuffle and its inverse differ.
CASES = [((2, 12, 5, 7), 3), ((3, 8, 1, 9), 2), ((1, 6, 4, 4), 3), ((2, 10, 3, 5), 5), ((4, 24, 3, 2), 4)]


def reference(x: torch.Tensor, groups: int) -> torch.Tensor:
    return torch.nn.ChannelShuffle(groups)(x)


def reference_nhwc(x: np.ndarray, groups: int) -> np.ndarray:
    nchw = torch.from_numpy(np.ascontiguousarray(np.moveaxis(x, -1, 1)))
    return np.ascontiguousarray(np.moveaxis(reference(nchw, groups).numpy(), 1, -1))


def random_tensor(shape, seed, dtype=torch.float32) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    if dtype.is_floating_point:
        return torch.randn(shape, generator=g, dtype=torch.float64).to(dtype)
    return torch.randint(-1000, 1000, shape, generator=g).to(dtype)


def random_array(shape, seed, dtype=np.float32) -> np.ndarray:
    rng = np.random.default_rng(seed)
    if np.issubdtype(dtype, np.floating):
        return rng.standard_normal(shape).astype(dtype)
    return rng.integers(-1000, 1000, shape).astype(dtype)


# ------------------------------------------------------------------------------------------- NCHW


@pytest.mark.points(2)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])
def test_matches_nn_channel_shuffle(learner, dtype):
    for shape, groups in CASES:
        seed = sum(shape) + groups
        x = random_tensor(shape, seed, dtype)
        got = learner.channel_shuffle(x, groups)
        assert_equal(got, reference(x, groups), call=call_repr("channel_shuffle", x, groups), seed=seed)


@pytest.mark.points(2)
@pytest.mark.parametrize("groups, order", [(2, [0, 3, 1, 4, 2, 5]), (3, [0, 2, 4, 1, 3, 5])], ids=["g2", "g3"])
def test_six_channels_come_out_in_shuffled_order(learner, groups, order):
    # Channel j*(C/g) + k goes to position k*g + j. Reshaping to (C/g, g) instead gives the inverse order.
    x = torch.arange(6).reshape(1, 6, 1, 1).expand(2, 6, 3, 1).contiguous() * 10
    got = learner.channel_shuffle(x, groups)
    expected = (torch.tensor(order) * 10).reshape(1, 6, 1, 1).expand(2, 6, 3, 1)
    assert_equal(
        got, expected.contiguous(), call=f"channel_shuffle(channel c filled with 10*c, Tensor[2, 6, 3, 1], {groups})"
    )


def test_one_group_and_one_channel_per_group_leave_the_order(learner):
    x = random_tensor((2, 6, 3, 5), 61)
    for groups in (1, 6):
        got = learner.channel_shuffle(x, groups)
        assert_equal(got, x, call=call_repr("channel_shuffle", x, groups), seed=61)


def test_returns_a_new_tensor(learner):
    # nn.ChannelShuffle never returns a view of its input, not even with one group.
    x = random_tensor((2, 4, 3, 3), 62)
    before = x.clone()
    got = learner.channel_shuffle(x, 1)
    got.add_(1)
    assert_unchanged(before, x, name="x", call="channel_shuffle(x, 1), then adding 1 to the result in place")


def test_shuffling_with_c_over_g_groups_undoes_it(learner):
    x = random_tensor((3, 15, 4, 3), 63, torch.float64)
    once = learner.channel_shuffle(x, 3)
    back = learner.channel_shuffle(once, 5)
    assert_equal(back, x, call="channel_shuffle(channel_shuffle(x, 3), 5) for C = 15", seed=63)


@pytest.mark.points(2)
@pytest.mark.parametrize("layout", ["channels_last", "transposed", "sliced"])
def test_accepts_non_contiguous_inputs(learner, layout):
    base = random_tensor((3, 12, 6, 10), 64)
    x = {
        "channels_last": base.to(memory_format=torch.channels_last),
        "transposed": base.transpose(2, 3),
        "sliced": base[:, :, ::2, 1::3],
    }[layout]
    assert not x.is_contiguous()
    got = learner.channel_shuffle(x, 4)
    assert_equal(got, reference(x, 4), call=call_repr("channel_shuffle", x, 4) + f"  ({layout} input)", seed=64)


@pytest.mark.parametrize("dtype", [torch.int64, torch.bool, torch.float16], ids=["int64", "bool", "float16"])
def test_keeps_dtype(learner, dtype):
    x = random_tensor((2, 8, 3, 3), 65, dtype if dtype != torch.bool else torch.int64)
    x = x > 0 if dtype == torch.bool else x.to(dtype)
    got = learner.channel_shuffle(x, 4)
    assert_equal(got, reference(x, 4), call=call_repr("channel_shuffle", x, 4), seed=65)


def test_gradient_flows_back_through_the_inverse_shuffle(learner):
    x = random_tensor((2, 6, 3, 4), 66, torch.float64).requires_grad_(True)
    weight = random_tensor((2, 6, 3, 4), 67, torch.float64)
    out = learner.channel_shuffle(x, 2)
    if not out.requires_grad:
        raise AssertionError("channel_shuffle(x, 2) with x.requires_grad: the result has no graph back to x")
    (grad,) = torch.autograd.grad((out * weight).sum(), x)
    assert_close(grad, reference(weight, 3), call="d/dx sum(channel_shuffle(x, 2) * w): expected w shuffled back")


def test_leaves_input_unchanged(learner):
    x = random_tensor((2, 9, 5, 3), 68)
    before = x.clone()
    learner.channel_shuffle(x, 3)
    assert_unchanged(before, x, name="x", call=call_repr("channel_shuffle", x, 3))


@pytest.mark.parametrize("shape, groups", [((2, 6, 3, 3), 4), ((1, 10, 2, 2), 3), ((2, 3, 4, 4), 2)])
def test_rejects_channels_not_divisible_by_groups(learner, shape, groups):
    x = torch.zeros(shape)
    assert_raises(ValueError, learner.channel_shuffle, x, groups, match="groups")


@pytest.mark.parametrize("groups", [0, -2])
def test_rejects_groups_below_one(learner, groups):
    assert_raises(ValueError, learner.channel_shuffle, torch.zeros(1, 4, 2, 2), groups, match="groups")


# ------------------------------------------------------------------------------------------- NHWC


@pytest.mark.points(2)
@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int32], ids=["float32", "float64", "int32"])
def test_nhwc_matches_nn_channel_shuffle_on_the_channel_axis(learner, dtype):
    for (n, c, h, w), groups in CASES:
        seed = n + c + h + w + groups
        x = random_array((n, h, w, c), seed, dtype)
        got = learner.channel_shuffle_nhwc(x, groups)
        assert_close(got, reference_nhwc(x, groups), call=call_repr("channel_shuffle_nhwc", x, groups), seed=seed)


@pytest.mark.points(2)
@pytest.mark.parametrize("groups, order", [(2, [0, 3, 1, 4, 2, 5]), (3, [0, 2, 4, 1, 3, 5])], ids=["g2", "g3"])
def test_nhwc_six_channels_come_out_in_shuffled_order(learner, groups, order):
    x = np.broadcast_to(np.arange(6) * 10, (2, 3, 5, 6)).copy()
    got = learner.channel_shuffle_nhwc(x, groups)
    expected = np.broadcast_to(np.array(order) * 10, (2, 3, 5, 6)).copy()
    assert_close(got, expected, call=f"channel_shuffle_nhwc(channel c filled with 10*c, ndarray[2, 3, 5, 6], {groups})")


@pytest.mark.parametrize("layout", ["fortran", "transposed", "sliced"])
def test_nhwc_accepts_non_contiguous_arrays(learner, layout):
    base = random_array((3, 7, 8, 12), 71)
    x = {
        "fortran": np.asfortranarray(base),
        "transposed": base.transpose(0, 2, 1, 3),
        "sliced": base[:, ::2, 1::3, :],
    }[layout]
    got = learner.channel_shuffle_nhwc(x, 3)
    call = call_repr("channel_shuffle_nhwc", x, 3) + f"  ({layout} array)"
    assert_close(got, reference_nhwc(x, 3), call=call, seed=71)


def test_nhwc_one_group_leaves_the_order_and_returns_a_new_array(learner):
    x = random_array((2, 3, 5, 6), 72)
    before = x.copy()
    got = learner.channel_shuffle_nhwc(x, 1)
    assert_close(got, before, call=call_repr("channel_shuffle_nhwc", x, 1), seed=72)
    got += 1
    assert_unchanged(before, x, name="x", call="channel_shuffle_nhwc(x, 1), then adding 1 to the result in place")


def test_nhwc_leaves_input_unchanged(learner):
    x = random_array((2, 5, 3, 8), 73)
    before = x.copy()
    learner.channel_shuffle_nhwc(x, 4)
    assert_unchanged(before, x, name="x", call=call_repr("channel_shuffle_nhwc", x, 4))


def test_nhwc_returns_a_numpy_array(learner):
    x = random_array((1, 2, 2, 4), 74, np.float64)
    got = learner.channel_shuffle_nhwc(x, 2)
    if not isinstance(got, np.ndarray):
        raise AssertionError(f"channel_shuffle_nhwc(ndarray, 2)\n  returned {describe(got)}, expected a NumPy array")


@pytest.mark.parametrize("shape, groups", [((2, 3, 3, 6), 4), ((1, 2, 2, 9), 2)])
def test_nhwc_rejects_channels_not_divisible_by_groups(learner, shape, groups):
    assert_raises(ValueError, learner.channel_shuffle_nhwc, np.zeros(shape), groups, match="groups")


def test_nhwc_rejects_a_torch_tensor(learner):
    assert_raises(TypeError, learner.channel_shuffle_nhwc, torch.zeros(1, 2, 2, 4), 2, match="x")
