"""Grader for conv_arithmetic: output sizes, parameters, MACs/FLOPs and receptive fields of convolutions.

Expected values come from PyTorch itself: ``nn.Conv1d``/``nn.Conv2d`` are built and run (on the meta
device, which computes shapes without arithmetic) to get output sizes and parameter counts,
``torch.utils.flop_counter.FlopCounterMode`` counts FLOPs (MACs = FLOPs / 2), and receptive fields are
measured as the footprint of one output's gradient through a stack of all-positive ``nn.Conv1d`` layers.
A few hand-worked cases (the interview's 3x3 depthwise convolution, ResNet's stem) complete them.

Promises and the tests that hold them:
- conv_output_size is nn.Conv's floor formula (not ceil, not round)
  -> test_conv_output_size_matches_nn_conv_over_a_grid, test_conv_output_size_hand_worked
- conv_output_size: kernel longer than the padded input, ValueError naming kernel
  -> test_conv_output_size_rejects_kernel_longer_than_padded_input
- conv_output_size: each argument checked, TypeError/ValueError naming it -> test_conv_output_size_rejects_bad_arguments
- conv2d_params as nn.Conv2d (groups, pairs, bias) -> test_conv2d_params_matches_nn_conv2d
- conv2d_params: bias counted by default -> test_conv2d_params_counts_a_bias_by_default
- conv2d_params: channels not divisible by groups, ValueError naming groups
  -> test_conv2d_params_rejects_channels_not_divisible_by_groups
- conv2d_params: each argument checked (bias a bool), named -> test_conv2d_params_rejects_bad_arguments
- conv2d_macs = FlopCounterMode / 2, bias not counted -> test_conv2d_macs_match_flop_counter
- conv2d_macs defaults (stride 1, no padding, one group) -> test_conv2d_macs_defaults_to_stride_1_no_padding_one_group
- conv2d_macs: groups, kernel too large, n, stride named -> test_conv2d_macs_rejects_bad_arguments
- conv2d_macs: every other argument checked and named -> test_conv2d_macs_rejects_each_bad_argument_by_name
- dwconv_cost: the interview's numbers, a dict of ints -> test_dwconv_cost_of_the_interview_case
- dwconv_cost as nn.Conv2d(groups=c, padding=k // 2), FlopCounterMode
  -> test_dwconv_cost_matches_nn_conv2d_and_flop_counter
- dwconv_cost: keys in the order params, macs, flops -> test_dwconv_cost_keys_come_in_the_documented_order
- dwconv_cost: kernel 3 and stride 1 by default -> test_dwconv_cost_defaults_to_a_3x3_kernel_with_stride_1
- dwconv_cost: each argument checked and named -> test_dwconv_cost_rejects_bad_arguments
- receptive_field: hand-worked stacks, 1 for none -> test_receptive_field_hand_worked
- receptive_field: gradient footprint of random stacks -> test_receptive_field_matches_measured_gradient_footprint
- three 3x3 see 7 with 27 C^2 weights -> test_three_3x3_convs_see_as_far_as_one_7x7_with_fewer_weights
- receptive_field: malformed layers named -> test_receptive_field_rejects_malformed_layers
- receptive_field: non-sequence and non-int values, TypeError
  -> test_receptive_field_rejects_non_sequences_and_non_int_values
- every function returns a Python int (not a float, not a NumPy int) -> assert_int in every value test
- every function refuses a bool where an int is asked -> test_every_function_refuses_a_bool_for_an_int
"""

from __future__ import annotations

import itertools
import random

import pytest
import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

from graders.helpers import assert_equal, assert_raises


def count_flops(module: nn.Module, x: torch.Tensor) -> int:
    with FlopCounterMode(display=False) as counter:
        module(x)
    return int(counter.get_total_flops())


# The first FlopCounterMode imports torch._dynamo (1 to 5 s here under load); pay for it while the grader is
# collected, not inside the first test's timeout.
count_flops(nn.Conv2d(1, 1, 1, device="meta"), torch.empty(1, 1, 1, 1, device="meta"))


def torch_output_size(size: int, kernel: int, stride: int, padding: int, dilation: int) -> int:
    conv = nn.Conv1d(1, 1, kernel, stride=stride, padding=padding, dilation=dilation, device="meta")
    return conv(torch.empty(1, 1, size, device="meta")).shape[-1]


def torch_conv2d(c_in, c_out, kernel, stride=1, padding=0, groups=1, bias=True) -> nn.Conv2d:
    return nn.Conv2d(c_in, c_out, kernel, stride=stride, padding=padding, groups=groups, bias=bias, device="meta")


def n_params(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


def measured_receptive_field(layers) -> int:
    """Width of the input region that output 0 depends on, through all-ones Conv1d layers (no padding)."""
    field = 1
    for k, s, *d in reversed(layers):  # a generous input length, from the top down
        field = (field - 1) * s + (d[0] if d else 1) * (k - 1) + 1
    x = torch.zeros(1, 1, field + 13, dtype=torch.float64, requires_grad=True)
    y = x
    for k, s, *d in layers:
        conv = nn.Conv1d(1, 1, k, stride=s, dilation=d[0] if d else 1, bias=False).double()
        nn.init.ones_(conv.weight)
        y = conv(y)
    (grad,) = torch.autograd.grad(y[0, 0, 0], x)
    touched = grad[0, 0].nonzero().flatten()
    return int(touched.max() - touched.min() + 1)


def assert_int(value, expected, call, what="result"):
    if not isinstance(value, int) or isinstance(value, bool):
        raise AssertionError(f"{call}\n  returned {type(value).__name__} {value!r}, expected the int {expected}")
    assert_equal(value, expected, call=call, what=what)


# --------------------------------------------------------------------------------------- conv_output_size


SIZE_CASES = [
    (size, k, s, p, d)
    for size, k, s, p, d in itertools.product([1, 5, 7, 8, 13, 224], [1, 2, 3, 5, 7], [1, 2, 3], [0, 1, 3], [1, 2, 3])
    if size + 2 * p >= d * (k - 1) + 1
]


@pytest.mark.points(2)
def test_conv_output_size_matches_nn_conv_over_a_grid(learner):
    # sizes odd and even, kernels 1-7, strides 1-3, paddings 0-3, dilations 1-3: every valid combination
    for size, k, s, p, d in SIZE_CASES:
        expected = torch_output_size(size, k, s, p, d)
        got = learner.conv_output_size(size, k, stride=s, padding=p, dilation=d)
        assert_int(got, expected, f"conv_output_size({size}, {k}, stride={s}, padding={p}, dilation={d})")


@pytest.mark.parametrize(
    "args, kwargs, expected",
    [
        ((224, 7), {"stride": 2, "padding": 3}, 112),
        ((7, 3), {"stride": 2, "padding": 1}, 4),
        ((8, 3), {"stride": 2}, 3),
        ((5, 3), {"dilation": 2}, 1),
        ((56, 3), {"padding": 1}, 56),
        ((10, 3), {"stride": 3, "padding": 1, "dilation": 2}, 3),
        ((10, 3), {"stride": 2}, 4),
    ],
    ids=[
        "ResNet stem",
        "odd size stride 2",
        "floor not ceil",
        "dilation",
        "same padding",
        "all at once",
        "floor not round",
    ],
)
def test_conv_output_size_hand_worked(learner, args, kwargs, expected):
    got = learner.conv_output_size(*args, **kwargs)
    params = ", ".join([str(a) for a in args] + [f"{k}={v}" for k, v in kwargs.items()])
    assert_int(got, expected, f"conv_output_size({params})")


def test_conv_output_size_rejects_kernel_longer_than_padded_input(learner):
    assert_raises(ValueError, learner.conv_output_size, 4, 7, padding=1, match=r"\bkernel\b")
    assert_raises(ValueError, learner.conv_output_size, 5, 3, dilation=3, match=r"\bkernel\b")


@pytest.mark.parametrize(
    "args, kwargs, exc, match",
    [
        ((0, 3), {}, ValueError, "size"),
        ((8, 0), {}, ValueError, "kernel"),
        ((8, 3), {"stride": 0}, ValueError, "stride"),
        ((8, 3), {"padding": -1}, ValueError, "padding"),
        ((8, 3), {"dilation": 0}, ValueError, "dilation"),
        ((8.0, 3), {}, TypeError, "size"),
        ((8, 3), {"stride": 1.5}, TypeError, "stride"),
    ],
    ids=["size 0", "kernel 0", "stride 0", "negative padding", "dilation 0", "float size", "float stride"],
)
def test_conv_output_size_rejects_bad_arguments(learner, args, kwargs, exc, match):
    assert_raises(exc, learner.conv_output_size, *args, match=rf"\b{match}\b", **kwargs)


# --------------------------------------------------------------------------------------- conv2d_params

PARAM_CASES = [
    # (in, out, kernel, groups, bias)
    (3, 64, 7, 1, False),
    (64, 128, 3, 1, True),
    (32, 32, 3, 32, False),  # depthwise
    (32, 64, 3, 32, True),  # depthwise with channel multiplier 2
    (24, 36, 3, 4, True),  # grouped
    (24, 36, 1, 3, False),  # grouped 1x1 (ShuffleNet v1)
    (16, 8, (1, 7), 1, True),  # non-square
    (12, 12, (5, 3), 6, False),
]


@pytest.mark.points(2)
@pytest.mark.parametrize("c_in, c_out, kernel, groups, bias", PARAM_CASES)
def test_conv2d_params_matches_nn_conv2d(learner, c_in, c_out, kernel, groups, bias):
    expected = n_params(torch_conv2d(c_in, c_out, kernel, groups=groups, bias=bias))
    got = learner.conv2d_params(c_in, c_out, kernel, groups=groups, bias=bias)
    assert_int(got, expected, f"conv2d_params({c_in}, {c_out}, {kernel}, groups={groups}, bias={bias})")


def test_conv2d_params_counts_a_bias_by_default(learner):
    assert_int(learner.conv2d_params(64, 128, 3), 64 * 128 * 9 + 128, "conv2d_params(64, 128, 3)")


def test_conv2d_params_rejects_channels_not_divisible_by_groups(learner):
    assert_raises(ValueError, learner.conv2d_params, 10, 12, 3, groups=4, match=r"\bgroups\b")
    assert_raises(ValueError, learner.conv2d_params, 12, 10, 3, groups=4, match=r"\bgroups\b")
    assert_raises(ValueError, learner.conv2d_params, 0, 10, 3, match=r"\bin_channels\b")


@pytest.mark.parametrize(
    "args, kwargs, exc, name",
    [
        ((8, 0, 3), {}, ValueError, "out_channels"),
        ((8, 8, 0), {}, ValueError, "kernel"),
        ((8, 8, (3, 0)), {}, ValueError, "kernel"),
        ((8, 8, 3), {"groups": 0}, ValueError, "groups"),
        ((8.0, 8, 3), {}, TypeError, "in_channels"),
        ((8, 8, 3.0), {}, TypeError, "kernel"),
        ((8, 8, 3), {"bias": 1}, TypeError, "bias"),
        ((8, 8, 3), {"bias": None}, TypeError, "bias"),
    ],
    ids=[
        "out_channels 0",
        "kernel 0",
        "kernel (3, 0)",
        "groups 0",
        "float in_channels",
        "float kernel",
        "bias 1",
        "bias None",
    ],
)
def test_conv2d_params_rejects_bad_arguments(learner, args, kwargs, exc, name):
    assert_raises(exc, learner.conv2d_params, *args, match=rf"\b{name}\b", **kwargs)


# --------------------------------------------------------------------------------------- conv2d_macs

MAC_CASES = [
    # (n, in, out, h, w, kernel, stride, padding, groups)
    (1, 3, 64, 224, 224, 7, 2, 3, 1),  # ResNet stem
    (2, 16, 24, 13, 9, 3, 1, 1, 1),  # odd, non-square
    (3, 32, 32, 15, 15, 3, 2, 1, 32),  # depthwise, strided, odd
    (2, 24, 48, 11, 7, 3, 1, 0, 4),  # grouped, no padding
    (1, 24, 36, 10, 10, 1, 1, 0, 3),  # grouped 1x1
    (4, 8, 8, 9, 12, 5, 3, 2, 2),  # stride 3
    (1, 6, 10, 8, 11, (1, 5), (2, 1), (0, 2), 2),  # pairs
    (2, 12, 12, 7, 6, (3, 5), 1, (2, 0), 12),  # depthwise, non-square kernel, uneven padding
]


@pytest.mark.points(2)
@pytest.mark.parametrize("n, c_in, c_out, h, w, kernel, stride, padding, groups", MAC_CASES)
def test_conv2d_macs_match_flop_counter(learner, n, c_in, c_out, h, w, kernel, stride, padding, groups):
    conv = torch_conv2d(c_in, c_out, kernel, stride=stride, padding=padding, groups=groups)
    expected = count_flops(conv, torch.empty(n, c_in, h, w, device="meta")) // 2
    got = learner.conv2d_macs(n, c_in, c_out, h, w, kernel, stride=stride, padding=padding, groups=groups)
    call = f"conv2d_macs({n}, {c_in}, {c_out}, {h}, {w}, {kernel}, stride={stride}, padding={padding}, groups={groups})"
    assert_int(got, expected, call, what="MACs (FlopCounterMode's FLOPs / 2)")


def test_conv2d_macs_defaults_to_stride_1_no_padding_one_group(learner):
    # 1 x 8 x 10 x 10 -> 3x3, no padding -> 8 x 8 outputs, each 8 * 9 MACs per output channel
    assert_int(learner.conv2d_macs(1, 8, 4, 10, 10, 3), 4 * 8 * 8 * 8 * 9, "conv2d_macs(1, 8, 4, 10, 10, 3)")


def test_conv2d_macs_rejects_bad_arguments(learner):
    assert_raises(ValueError, learner.conv2d_macs, 1, 10, 12, 8, 8, 3, groups=4, match=r"\bgroups\b")
    assert_raises(ValueError, learner.conv2d_macs, 1, 4, 4, 2, 8, 5, match=r"\bkernel\b")
    assert_raises(ValueError, learner.conv2d_macs, 0, 4, 4, 8, 8, 3, match=r"\bn\b")
    assert_raises(ValueError, learner.conv2d_macs, 1, 4, 4, 8, 8, 3, stride=0, match=r"\bstride\b")


@pytest.mark.parametrize(
    "args, kwargs, exc, name",
    [
        ((1, 4, 4, 0, 8, 1), {}, ValueError, "h"),
        ((1, 4, 4, 8, 0, 1), {}, ValueError, "w"),
        ((1, 0, 4, 8, 8, 3), {}, ValueError, "in_channels"),
        ((1, 4, 0, 8, 8, 3), {}, ValueError, "out_channels"),
        ((1, 4, 4, 8, 8, 0), {}, ValueError, "kernel"),
        ((1, 4, 4, 8, 8, 3), {"padding": -1}, ValueError, "padding"),
        ((1, 4, 4, 8, 8, 3), {"stride": (1, 0)}, ValueError, "stride"),
        ((1, 4, 4, 8, 8, 3), {"groups": 0}, ValueError, "groups"),
        ((1, 4, 4, 8.0, 8, 3), {}, TypeError, "h"),
        ((1, 4, 4, 8, 8, 3), {"padding": 1.5}, TypeError, "padding"),
        ((1, 4, 4, 8, 8, (3, 3.0)), {}, TypeError, "kernel"),
    ],
    ids=[
        "h 0",
        "w 0",
        "in_channels 0",
        "out_channels 0",
        "kernel 0",
        "negative padding",
        "stride (1, 0)",
        "groups 0",
        "float h",
        "float padding",
        "float in a kernel pair",
    ],
)
def test_conv2d_macs_rejects_each_bad_argument_by_name(learner, args, kwargs, exc, name):
    assert_raises(exc, learner.conv2d_macs, *args, match=rf"\b{name}\b", **kwargs)


# --------------------------------------------------------------------------------------- dwconv_cost


def test_dwconv_cost_of_the_interview_case(learner):
    # 1 x 32 x 112 x 112, 3x3 depthwise, padding 1: 32 * 9 = 288 weights, each used at 112 * 112 positions.
    got = learner.dwconv_cost(1, 32, 112, 112, kernel=3, stride=1)
    expected = {"params": 288, "macs": 288 * 112 * 112, "flops": 2 * 288 * 112 * 112}
    call = "dwconv_cost(1, 32, 112, 112, kernel=3, stride=1)"
    if not isinstance(got, dict):
        raise AssertionError(f"{call}\n  returned {type(got).__name__}, expected a dict with params, macs, flops")
    assert_equal(sorted(got), ["flops", "macs", "params"], call=call, what="keys")
    for key in ("params", "macs", "flops"):
        assert_int(got[key], expected[key], call, what=key)


def test_dwconv_cost_keys_come_in_the_documented_order(learner):
    got = learner.dwconv_cost(2, 8, 9, 7, kernel=3, stride=2)
    call = "dwconv_cost(2, 8, 9, 7, kernel=3, stride=2)"
    if not isinstance(got, dict):
        raise AssertionError(f"{call}\n  returned {type(got).__name__}, expected a dict with params, macs, flops")
    assert_equal(list(got), ["params", "macs", "flops"], call=call, what="keys, in order")


def test_dwconv_cost_defaults_to_a_3x3_kernel_with_stride_1(learner):
    # 2 x 4 x 7 x 5, 3x3 depthwise, stride 1, padding 1: 36 weights, each used at 7 * 5 positions per image.
    got = learner.dwconv_cost(2, 4, 7, 5)
    expected = {"params": 36, "macs": 2 * 36 * 35, "flops": 2 * 2 * 36 * 35}
    call = "dwconv_cost(2, 4, 7, 5)"
    if not isinstance(got, dict) or set(got) != set(expected):
        raise AssertionError(f"{call}\n  returned {got!r}, expected a dict with keys params, macs, flops")
    for key in ("params", "macs", "flops"):
        assert_int(got[key], expected[key], call, what=key)


@pytest.mark.parametrize(
    "args, kwargs, exc, name",
    [
        ((0, 4, 8, 8), {}, ValueError, "n"),
        ((1, 0, 8, 8), {}, ValueError, "c"),
        ((1, 4, 0, 8), {}, ValueError, "h"),
        ((1, 4, 8, 0), {}, ValueError, "w"),
        ((1, 4, 8, 8), {"kernel": 0}, ValueError, "kernel"),
        ((1, 4, 8, 8), {"stride": 0}, ValueError, "stride"),
        ((1, 4.0, 8, 8), {}, TypeError, "c"),
        ((1, 4, 8, 8), {"kernel": 3.0}, TypeError, "kernel"),
        ((1, 4, 8, 8), {"stride": 1.0}, TypeError, "stride"),
    ],
    ids=["n 0", "c 0", "h 0", "w 0", "kernel 0", "stride 0", "float c", "float kernel", "float stride"],
)
def test_dwconv_cost_rejects_bad_arguments(learner, args, kwargs, exc, name):
    assert_raises(exc, learner.dwconv_cost, *args, match=rf"\b{name}\b", **kwargs)


DW_CASES = [
    # (n, c, h, w, kernel, stride)
    (1, 32, 112, 112, 3, 1),
    (8, 16, 15, 9, 3, 2),  # odd sizes, stride 2
    (2, 24, 14, 14, 5, 2),
    (3, 7, 8, 13, 7, 1),
    (1, 5, 9, 9, 1, 3),
    (2, 6, 10, 11, 4, 2),  # even kernel: padding 2 makes the output one larger
]


@pytest.mark.points(2)
@pytest.mark.parametrize("n, c, h, w, kernel, stride", DW_CASES)
def test_dwconv_cost_matches_nn_conv2d_and_flop_counter(learner, n, c, h, w, kernel, stride):
    conv = torch_conv2d(c, c, kernel, stride=stride, padding=kernel // 2, groups=c, bias=False)
    flops = count_flops(conv, torch.empty(n, c, h, w, device="meta"))
    got = learner.dwconv_cost(n, c, h, w, kernel=kernel, stride=stride)
    call = f"dwconv_cost({n}, {c}, {h}, {w}, kernel={kernel}, stride={stride})"
    if not isinstance(got, dict) or set(got) != {"params", "macs", "flops"}:
        raise AssertionError(f"{call}\n  returned {got!r}, expected a dict with keys params, macs, flops")
    assert_int(got["params"], n_params(conv), call, what="params")
    assert_int(got["flops"], flops, call, what="flops (FlopCounterMode)")
    assert_int(got["macs"], flops // 2, call, what="macs")


# --------------------------------------------------------------------------------------- receptive_field


@pytest.mark.parametrize(
    "layers, expected",
    [
        ([(3, 1), (3, 1), (3, 1)], 7),
        ([(7, 1)], 7),
        ([], 1),
        ([(3, 2), (3, 2)], 7),
        ([(3, 1, 2)], 5),
        ([(7, 2), (3, 2)], 11),
        ([(3, 2), (3, 2), (3, 1)], 15),
    ],
    ids=[
        "three 3x3",
        "one 7x7",
        "no layers",
        "two strided 3x3",
        "dilated",
        "ResNet stem + pool",
        "two strides then 3x3",
    ],
)
def test_receptive_field_hand_worked(learner, layers, expected):
    assert_int(learner.receptive_field(layers), expected, f"receptive_field({layers})")


@pytest.mark.points(2)
def test_receptive_field_matches_measured_gradient_footprint(learner):
    seed = 5
    rng = random.Random(seed)
    stacks = [[(3, 2), (3, 2), (3, 2), (3, 1)], [(2, 2), (5, 1, 2), (3, 3), (1, 1), (3, 1, 3)]]
    for _ in range(10):
        stacks.append([(rng.randint(1, 5), rng.randint(1, 3), rng.randint(1, 3)) for _ in range(rng.randint(1, 5))])
    for layers in stacks:
        expected = measured_receptive_field(layers)
        got = learner.receptive_field(layers)
        assert_int(got, expected, f"receptive_field({layers})  (random stack, seed {seed})")


def test_three_3x3_convs_see_as_far_as_one_7x7_with_fewer_weights(learner):
    c = 64
    three = learner.receptive_field([(3, 1)] * 3)
    one = learner.receptive_field([(7, 1)])
    assert_int(three, 7, "receptive_field([(3, 1)] * 3)")
    assert_int(one, 7, "receptive_field([(7, 1)])")
    small = learner.conv2d_params(c, c, 3, bias=False)
    big = learner.conv2d_params(c, c, 7, bias=False)
    assert_int(3 * small, 27 * c * c, f"3 * conv2d_params({c}, {c}, 3, bias=False)")
    assert_int(big, 49 * c * c, f"conv2d_params({c}, {c}, 7, bias=False)")
    macs3 = learner.conv2d_macs(1, c, c, 56, 56, 3, padding=1)
    macs7 = learner.conv2d_macs(1, c, c, 56, 56, 7, padding=3)
    assert_int(3 * macs3, 27 * c * c * 56 * 56, f"3 * conv2d_macs(1, {c}, {c}, 56, 56, 3, padding=1)")
    assert_int(macs7, 49 * c * c * 56 * 56, f"conv2d_macs(1, {c}, {c}, 56, 56, 7, padding=3)")


@pytest.mark.parametrize(
    "layers",
    [[(3,)], [(3, 1, 1, 1)], [(0, 1)], [(3, 0)], [(3, 1, 0)], [3]],
    ids=["one value", "four values", "kernel 0", "stride 0", "dilation 0", "bare int"],
)
def test_receptive_field_rejects_malformed_layers(learner, layers):
    assert_raises((ValueError, TypeError), learner.receptive_field, layers, match=r"\blayers\b")


@pytest.mark.parametrize(
    "layers", [3, None, [(3.0, 1)], [(3, 1), (3, 1, 2.0)]], ids=["an int", "None", "float kernel", "float dilation"]
)
def test_receptive_field_rejects_non_sequences_and_non_int_values(learner, layers):
    assert_raises(TypeError, learner.receptive_field, layers, match=r"\blayers\b")


BOOL_CALLS = {
    "conv_output_size": ("conv_output_size", (8, True), {}),
    "conv2d_params": ("conv2d_params", (4, 4, 3), {"groups": True}),
    "conv2d_macs": ("conv2d_macs", (1, 4, 4, 8, 8, 3), {"stride": True}),
    "dwconv_cost": ("dwconv_cost", (1, 4, 8, 8), {"stride": True}),
    "receptive_field": ("receptive_field", ([(3, 1), (3, True)],), {}),
}


@pytest.mark.parametrize("case", list(BOOL_CALLS))
def test_every_function_refuses_a_bool_for_an_int(learner, case):
    # bool is a subclass of int, and True would quietly count as 1: the docstring says it is refused.
    name, args, kwargs = BOOL_CALLS[case]
    assert_raises(TypeError, getattr(learner, name), *args, **kwargs)
