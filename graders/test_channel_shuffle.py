"""Grader for channel_shuffle: NCHW torch tensors and channels-last NumPy arrays.

Expected values come from ``torch.nn.ChannelShuffle`` (for NHWC arrays: transpose to NCHW, shuffle, transpose
back), from hand-worked channel orders, and from the inverse shuffle (``C // groups`` groups).

Promises and the tests that hold them:
- NCHW values as nn.ChannelShuffle, float32/float64 -> test_matches_nn_channel_shuffle
- out[:, k*g + j] == x[:, j*(C//g) + k] (not the inverse) -> test_six_channels_come_out_in_shuffled_order
- groups 1 and C keep the order -> test_one_group_and_one_channel_per_group_leave_the_order
- a new tensor, never a view, also for groups 1 and C -> test_returns_a_new_tensor
- shuffle with C // g groups undoes it -> test_shuffling_with_c_over_g_groups_undoes_it
- any strides -> test_accepts_non_contiguous_inputs
- [N, C, *] with other trailing dims -> test_accepts_other_trailing_dims
- keeps dtype (int64, bool, float16) -> test_keeps_dtype
- gradient (as nn.ChannelShuffle) -> test_gradient_flows_back_through_the_inverse_shuffle
- input left alone -> test_leaves_input_unchanged
- ValueError for C not divisible by groups, message names groups and C -> test_rejects_channels_not_divisible_by_groups
- ValueError for groups < 1, message names groups (both layouts) -> test_rejects_groups_below_one
- TypeError for groups not an int, a bool included (both layouts) -> test_rejects_groups_that_are_not_an_int
- TypeError for x not a tensor -> test_rejects_x_that_is_not_a_tensor
- ValueError for x with fewer than 3 dims -> test_rejects_x_with_fewer_than_three_dims
- NHWC values on the last axis, dtype kept -> test_nhwc_matches_nn_channel_shuffle_on_the_channel_axis
- NHWC order (not the inverse) -> test_nhwc_six_channels_come_out_in_shuffled_order
- NHWC any strides -> test_nhwc_accepts_non_contiguous_arrays
- NHWC any number of leading dims -> test_nhwc_accepts_any_number_of_leading_dims
- NHWC a new array, never a view, for groups 1 and C -> test_nhwc_one_group_leaves_the_order_and_returns_a_new_array
- NHWC input left alone -> test_nhwc_leaves_input_unchanged
- NHWC returns a NumPy array -> test_nhwc_returns_a_numpy_array
- NHWC ValueError for C not divisible, message names groups and C -> test_nhwc_rejects_channels_not_divisible_by_groups
- NHWC TypeError for a tensor or a list, message names x -> test_nhwc_rejects_a_torch_tensor, test_nhwc_rejects_a_list
- NHWC ValueError for a 0-d array, message names x -> test_nhwc_rejects_a_zero_dim_array
Not tested: the device (no second device on the grading machines).
"""

from __future__ import annotations

import re

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


def assert_message_reports(exc: BaseException, number: int, call: str, what: str) -> None:
    """The message must report ``number`` (what came), as a whole number, not as part of another one."""
    if not re.search(rf"(?<![\d.]){number}(?![\d.])", str(exc)):
        raise AssertionError(
            f"{call}\n  raised {type(exc).__name__}({str(exc)!r}), as it should, but the message should report "
            f"{what} that came ({number})"
        )


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


@pytest.mark.parametrize("groups", [1, 4], ids=["one_group", "c_groups"])
def test_returns_a_new_tensor(learner, groups):
    # nn.ChannelShuffle never returns a view of its input, not even when the order is unchanged (1 or C
    # groups), where reshape-transpose-reshape alone hands back a view.
    x = random_tensor((2, 4, 3, 3), 62)
    before = x.clone()
    got = learner.channel_shuffle(x, groups)
    got.add_(1)
    call = f"channel_shuffle(x, {groups}) with C = 4, then adding 1 to the result in place"
    assert_unchanged(before, x, name="x", call=call)


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


@pytest.mark.parametrize("shape", [(2, 12, 7), (2, 12, 3, 2, 5)], ids=["NCL", "NCDHW"])
def test_accepts_other_trailing_dims(learner, shape):
    x = random_tensor(shape, 69)
    got = learner.channel_shuffle(x, 3)
    assert_equal(got, reference(x, 3), call=call_repr("channel_shuffle", x, 3), seed=69)


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
    # The message names groups and reports the number of channels that came.
    x = torch.zeros(shape)
    exc = assert_raises(ValueError, learner.channel_shuffle, x, groups, match=r"\bgroups\b")
    assert_message_reports(exc, shape[1], call_repr("channel_shuffle", x, groups), "the number of channels")


@pytest.mark.parametrize("fn", ["channel_shuffle", "channel_shuffle_nhwc"])
@pytest.mark.parametrize("groups", [0, -2])
def test_rejects_groups_below_one(learner, fn, groups):
    x = torch.zeros(1, 4, 2, 2) if fn == "channel_shuffle" else np.zeros((1, 2, 2, 4))
    assert_raises(ValueError, getattr(learner, fn), x, groups, match=r"\bgroups\b", call=call_repr(fn, x, groups))


@pytest.mark.parametrize("fn", ["channel_shuffle", "channel_shuffle_nhwc"])
@pytest.mark.parametrize("groups", [True, 2.0, "2"], ids=["bool", "float", "str"])
def test_rejects_groups_that_are_not_an_int(learner, fn, groups):
    # True == 1 divides every channel count: it must still be refused (the docstring says so).
    x = torch.zeros(1, 4, 2, 2) if fn == "channel_shuffle" else np.zeros((1, 2, 2, 4))
    assert_raises(TypeError, getattr(learner, fn), x, groups, match=r"\bgroups\b", call=call_repr(fn, x, groups))


@pytest.mark.parametrize("kind", ["ndarray", "list"])
def test_rejects_x_that_is_not_a_tensor(learner, kind):
    x = np.zeros((1, 4, 2, 2)) if kind == "ndarray" else np.zeros((1, 4, 2, 2)).tolist()
    assert_raises(TypeError, learner.channel_shuffle, x, 2, match=r"\bx\b", call=f"channel_shuffle(a {kind}, 2)")


@pytest.mark.parametrize("shape", [(6,), (2, 6)])
def test_rejects_x_with_fewer_than_three_dims(learner, shape):
    x = torch.zeros(shape)
    assert_raises(ValueError, learner.channel_shuffle, x, 2, match=r"\bx\b")


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


@pytest.mark.parametrize("groups", [1, 6], ids=["one_group", "c_groups"])
def test_nhwc_one_group_leaves_the_order_and_returns_a_new_array(learner, groups):
    # NumPy's reshape returns a view whenever it can: with 1 or C groups the whole shuffle is one.
    x = random_array((2, 3, 5, 6), 72)
    before = x.copy()
    got = learner.channel_shuffle_nhwc(x, groups)
    assert_close(got, before, call=call_repr("channel_shuffle_nhwc", x, groups), seed=72)
    got += 1
    call = f"channel_shuffle_nhwc(x, {groups}) with C = 6, then adding 1 to the result in place"
    assert_unchanged(before, x, name="x", call=call)


@pytest.mark.parametrize("shape", [(12,), (5, 12), (2, 3, 2, 4, 12)], ids=["C", "NC", "NDHWC"])
def test_nhwc_accepts_any_number_of_leading_dims(learner, shape):
    x = random_array(shape, 75)
    got = learner.channel_shuffle_nhwc(x, 4)
    flat = x.reshape(-1, 1, 1, 12)
    expected = reference_nhwc(flat, 4).reshape(shape)
    assert_close(got, expected, call=call_repr("channel_shuffle_nhwc", x, 4), seed=75)


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
    x = np.zeros(shape)
    exc = assert_raises(ValueError, learner.channel_shuffle_nhwc, x, groups, match=r"\bgroups\b")
    assert_message_reports(exc, shape[-1], call_repr("channel_shuffle_nhwc", x, groups), "the number of channels")


def test_nhwc_rejects_a_torch_tensor(learner):
    assert_raises(TypeError, learner.channel_shuffle_nhwc, torch.zeros(1, 2, 2, 4), 2, match=r"\bx\b")


def test_nhwc_rejects_a_list(learner):
    x = np.zeros((1, 2, 2, 4)).tolist()
    assert_raises(TypeError, learner.channel_shuffle_nhwc, x, 2, match=r"\bx\b", call="channel_shuffle_nhwc(a list, 2)")


def test_nhwc_rejects_a_zero_dim_array(learner):
    assert_raises(ValueError, learner.channel_shuffle_nhwc, np.array(4.0), 1, match=r"\bx\b")
