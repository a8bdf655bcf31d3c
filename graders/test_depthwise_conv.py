"""Grader for depthwise_conv: the ``DepthwiseSeparableConv`` module and ``depthwise_conv2d`` by hand.

Expected values come from ``F.conv2d(..., groups=C)``: for the module, applied to the module's own weights
(depthwise then pointwise); for the function, computed in float64 and rounded to the input's dtype (a
float32 convolution's own rounding would otherwise eat most of the tolerance). Parameter counts are worked
out by hand: ``C * k * k`` for the depthwise part, ``C_in * C_out`` for the 1x1. One hand-worked example
shows the kernel is not flipped.

Promises and the tests that hold them:
DepthwiseSeparableConv
- .depthwise is nn.Conv2d(in, in, k, stride, padding, groups=in, bias=bias)
  -> test_module_depthwise_part_is_a_conv2d_with_one_filter_per_channel
- .pointwise is nn.Conv2d(in, out, 1, bias=bias) -> test_module_pointwise_part_is_a_1x1_conv2d
- C*k*k + C_in*C_out parameters (+ biases) -> test_module_parameter_count
- defaults 3x3, stride 1, padding 1, no bias -> test_module_defaults_are_3x3_stride_1_padding_1_without_bias
- depthwise then pointwise, nothing in between, input's dtype -> test_module_output_is_depthwise_then_pointwise
- trainable end to end -> test_module_gradients_reach_both_convolutions
- ValueError naming the size below 1 (padding below 0) -> test_module_rejects_bad_sizes
- TypeError for float or bool sizes and a non-bool bias, naming it -> test_module_rejects_sizes_that_are_not_ints
depthwise_conv2d
- F.conv2d(groups=C)'s values, any stride/padding pair -> test_depthwise_conv2d_matches_grouped_conv2d
- a cross-correlation (kernel not flipped) -> test_depthwise_conv2d_is_a_cross_correlation_not_flipped
- channel c reads channel c only, plus bias[c] -> test_depthwise_conv2d_keeps_channels_apart
- gradients w.r.t. x, weight and bias -> test_depthwise_conv2d_gradients_match_grouped_conv2d
- strided tensors -> test_depthwise_conv2d_accepts_non_contiguous_tensors
- inputs not modified -> test_depthwise_conv2d_leaves_inputs_unchanged
- the dtype of x, float16 and bfloat16 included -> the value tests, test_depthwise_conv2d_keeps_half_precision_dtype
- ValueError naming x, weight, bias, stride, padding (weight for a kernel larger than the padded input)
  -> test_depthwise_conv2d_rejects_bad_input
- TypeError naming x, weight, bias (another dtype), stride, padding (float, bool)
  -> test_depthwise_conv2d_rejects_integer_input, test_depthwise_conv2d_rejects_arguments_of_the_wrong_type
- by hand: no built-in convolution, by any route -> test_depthwise_conv2d_is_written_by_hand
Not tested: the device (no second device on the grading machines).
"""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from graders.helpers import (
    assert_close,
    assert_equal,
    assert_raises,
    assert_unchanged,
    by_hand_entries,
    call_repr,
    forbidden,
)

DTYPES = [torch.float32, torch.float64]
DTYPE_IDS = ["float32", "float64"]


def randn(seed: int, *shape, dtype=torch.float64, scale: float = 1.0) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(shape, generator=g, dtype=torch.float64) * scale).to(dtype)


def conv_inputs(seed, n, c, h, w, kh, kw, dtype, bias=True):
    """x ~ N(0, 1) and filters ~ N(0, 1 / (kh * kw)), as a trained layer roughly has."""
    x = randn(seed, n, c, h, w, dtype=dtype)
    weight = randn(seed + 1, c, 1, kh, kw, dtype=dtype, scale=(kh * kw) ** -0.5)
    b = randn(seed + 2, c, dtype=dtype) if bias else None
    return x, weight, b


def reference(x, weight, bias, stride, padding):
    """F.conv2d in float64, rounded to the input's dtype."""
    b64 = None if bias is None else bias.double()
    out = F.conv2d(x.double(), weight.double(), b64, stride=stride, padding=padding, groups=x.shape[1])
    return out.to(x.dtype)


def module_repr(*args, **kwargs) -> str:
    return call_repr("DepthwiseSeparableConv", *args, **kwargs)


# --------------------------------------------------------------------------------------- the module

MODULE_CASES = [
    # (in, out, kernel_size, stride, padding, bias)
    (32, 64, 3, 1, 1, False),
    (8, 5, 3, 2, 1, True),
    (6, 6, 5, 1, 2, False),
    (3, 16, 3, 2, 0, True),
    (1, 4, 1, 1, 0, False),
]
MODULE_IDS = ["32-64 k3", "8-5 k3 s2 bias", "6-6 k5", "3-16 k3 s2 p0 bias", "1-4 k1"]


@pytest.mark.points(2)
@pytest.mark.parametrize("c_in, c_out, k, s, p, bias", MODULE_CASES, ids=MODULE_IDS)
def test_module_depthwise_part_is_a_conv2d_with_one_filter_per_channel(learner, c_in, c_out, k, s, p, bias):
    call = module_repr(c_in, c_out, k, s, p, bias=bias) + ".depthwise"
    dw = learner.DepthwiseSeparableConv(c_in, c_out, k, s, p, bias=bias).depthwise
    if not isinstance(dw, nn.Conv2d):
        raise AssertionError(f"{call}\n  is {type(dw).__name__}, expected an nn.Conv2d")
    assert_equal(dw.groups, c_in, call=call, what="groups (one group per input channel)")
    assert_equal(tuple(dw.weight.shape), (c_in, 1, k, k), call=call, what="weight shape")
    assert_equal(tuple(dw.stride), (s, s), call=call, what="stride")
    assert_equal(tuple(dw.padding), (p, p), call=call, what="padding")
    assert_equal(dw.bias is not None, bias, call=call, what="has a bias")


@pytest.mark.parametrize("c_in, c_out, k, s, p, bias", MODULE_CASES, ids=MODULE_IDS)
def test_module_pointwise_part_is_a_1x1_conv2d(learner, c_in, c_out, k, s, p, bias):
    call = module_repr(c_in, c_out, k, s, p, bias=bias) + ".pointwise"
    pw = learner.DepthwiseSeparableConv(c_in, c_out, k, s, p, bias=bias).pointwise
    if not isinstance(pw, nn.Conv2d):
        raise AssertionError(f"{call}\n  is {type(pw).__name__}, expected an nn.Conv2d")
    assert_equal(tuple(pw.weight.shape), (c_out, c_in, 1, 1), call=call, what="weight shape")
    assert_equal(pw.groups, 1, call=call, what="groups")
    assert_equal(tuple(pw.stride), (1, 1), call=call, what="stride")
    assert_equal(pw.bias is not None, bias, call=call, what="has a bias")


@pytest.mark.parametrize("c_in, c_out, k, s, p, bias", MODULE_CASES, ids=MODULE_IDS)
def test_module_parameter_count(learner, c_in, c_out, k, s, p, bias):
    block = learner.DepthwiseSeparableConv(c_in, c_out, k, s, p, bias=bias)
    expected = c_in * k * k + c_in * c_out + ((c_in + c_out) if bias else 0)
    got = sum(q.numel() for q in block.parameters())
    assert_equal(got, expected, call=module_repr(c_in, c_out, k, s, p, bias=bias), what="number of parameters")


def test_module_defaults_are_3x3_stride_1_padding_1_without_bias(learner):
    block = learner.DepthwiseSeparableConv(4, 6)
    call = module_repr(4, 6)
    assert_equal(tuple(block.depthwise.kernel_size), (3, 3), call=call, what="depthwise kernel_size")
    assert_equal(tuple(block.depthwise.stride), (1, 1), call=call, what="depthwise stride")
    assert_equal(tuple(block.depthwise.padding), (1, 1), call=call, what="depthwise padding")
    assert_equal(block.depthwise.bias is None and block.pointwise.bias is None, True, call=call, what="no bias")


@pytest.mark.parametrize("c_in, c_out, k, s, p, bias", MODULE_CASES, ids=MODULE_IDS)
@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
def test_module_output_is_depthwise_then_pointwise(learner, c_in, c_out, k, s, p, bias, dtype):
    seed = 100 + c_in
    torch.manual_seed(seed)
    block = learner.DepthwiseSeparableConv(c_in, c_out, k, s, p, bias=bias).to(dtype)
    x = randn(seed, 2, c_in, 11, 8, dtype=dtype)
    dw, pw = block.depthwise, block.pointwise
    with torch.no_grad():
        mid = F.conv2d(x, dw.weight, dw.bias, stride=s, padding=p, groups=c_in)
        expected = F.conv2d(mid, pw.weight, pw.bias)
    got = block(x)
    assert_close(
        got, expected, call=module_repr(c_in, c_out, k, s, p, bias=bias) + f"({call_repr('', x)[1:-1]})", seed=seed
    )


def test_module_gradients_reach_both_convolutions(learner):
    block = learner.DepthwiseSeparableConv(5, 7, bias=True)
    block(randn(3, 2, 5, 9, 6, dtype=torch.float32)).square().sum().backward()
    for name, param in block.named_parameters():
        if param.grad is None or not bool(param.grad.abs().sum() > 0):
            raise AssertionError(f"DepthwiseSeparableConv(5, 7, bias=True): parameter {name} got no gradient")


@pytest.mark.parametrize(
    "args, match",
    [
        ((0, 4), r"\bin_channels\b"),
        ((4, 0), r"\bout_channels\b"),
        ((4, 4, 0), r"\bkernel_size\b"),
        ((4, 4, 3, 0), r"\bstride\b"),
        ((4, 4, 3, 1, -1), r"\bpadding\b"),
    ],
    ids=["in_channels 0", "out_channels 0", "kernel_size 0", "stride 0", "padding -1"],
)
def test_module_rejects_bad_sizes(learner, args, match):
    assert_raises(ValueError, learner.DepthwiseSeparableConv, *args, match=match, call=module_repr(*args))


@pytest.mark.parametrize(
    "args, kwargs, match",
    [
        ((4.0, 6), {}, r"\bin_channels\b"),
        ((4, 6, 3.0), {}, r"\bkernel_size\b"),
        ((4, True), {}, r"\bout_channels\b"),
        ((4, 6, 3, 1, 1.5), {}, r"\bpadding\b"),
        ((4, 6), {"bias": 1}, r"\bbias\b"),
    ],
    ids=["in_channels 4.0", "kernel_size 3.0", "out_channels True", "padding 1.5", "bias 1"],
)
def test_module_rejects_sizes_that_are_not_ints(learner, args, kwargs, match):
    call = module_repr(*args, **kwargs)
    assert_raises(TypeError, learner.DepthwiseSeparableConv, *args, match=match, call=call, **kwargs)


# --------------------------------------------------------------------------------------- depthwise_conv2d

FN_CASES = [
    # (n, c, h, w, kh, kw, stride, padding, bias)
    (2, 3, 9, 7, 3, 3, 1, 0, True),
    (2, 4, 10, 13, 3, 3, 1, 1, False),
    (3, 5, 11, 8, 3, 3, 2, 1, True),
    (1, 6, 12, 12, 5, 5, 2, 2, True),
    (2, 3, 9, 10, 3, 5, (2, 1), (1, 2), True),
    (4, 2, 7, 9, 2, 4, 3, (0, 1), False),
    (1, 1, 5, 5, 1, 1, 1, 0, True),
    (2, 8, 6, 6, 3, 3, 1, 2, True),  # padding larger than the kernel's half
]
FN_IDS = ["k3", "k3 p1 no bias", "k3 s2 p1", "k5 s2 p2", "k3x5 s(2,1) p(1,2)", "k2x4 s3 p(0,1)", "1x1", "p2 on k3"]


@pytest.mark.parametrize("n, c, h, w, kh, kw, stride, padding, bias", FN_CASES, ids=FN_IDS)
@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
def test_depthwise_conv2d_matches_grouped_conv2d(learner, n, c, h, w, kh, kw, stride, padding, bias, dtype):
    seed = 7 * n + 11 * c + h + kw
    x, weight, b = conv_inputs(seed, n, c, h, w, kh, kw, dtype, bias)
    expected = reference(x, weight, b, stride, padding)
    got = learner.depthwise_conv2d(x, weight, b, stride=stride, padding=padding)
    call = call_repr("depthwise_conv2d", x, weight, b, stride=stride, padding=padding)
    assert_close(got, expected, call=call, seed=seed)


def test_depthwise_conv2d_is_a_cross_correlation_not_flipped(learner):
    # out[i, j] = sum_ab x[i + a, j + b] * w[a, b]; x[i, j] = 3 i + j
    x = torch.arange(9.0, dtype=torch.float64).reshape(1, 1, 3, 3)
    weight = torch.tensor([[[[1.0, 2.0], [3.0, 4.0]]]], dtype=torch.float64)
    # top-left window [[0, 1], [3, 4]] -> 0 + 2 + 9 + 16 = 27; each step right adds 10, each step down 30
    expected = torch.tensor([[[[27.0, 37.0], [57.0, 67.0]]]], dtype=torch.float64)
    got = learner.depthwise_conv2d(x, weight)
    assert_close(got, expected, call="depthwise_conv2d(arange(9).reshape(1, 1, 3, 3), [[1, 2], [3, 4]])")


def test_depthwise_conv2d_keeps_channels_apart(learner):
    # Channel 1 of the input is zero, so channel 1 of the output is just its bias, whatever channel 0 holds.
    x = torch.zeros(1, 2, 4, 4, dtype=torch.float64)
    x[0, 0] = randn(5, 4, 4)
    weight = torch.ones(2, 1, 3, 3, dtype=torch.float64)
    bias = torch.tensor([0.0, -1.5], dtype=torch.float64)
    got = learner.depthwise_conv2d(x, weight, bias, padding=1)
    expected = reference(x, weight, bias, 1, 1)
    assert_close(got, expected, call=call_repr("depthwise_conv2d", x, weight, bias, padding=1) + " (channel 1 zero)")


@pytest.mark.points(2)
@pytest.mark.parametrize("stride, padding", [(1, 1), ((2, 1), (0, 2))], ids=["s1 p1", "s(2,1) p(0,2)"])
def test_depthwise_conv2d_gradients_match_grouped_conv2d(learner, stride, padding):
    seed = 31
    x0, w0, b0 = conv_inputs(seed, 2, 3, 8, 7, 3, 3, torch.float64)
    upstream = None
    grads = []
    for fn in ("reference", "learner"):
        x, weight, b = (t.clone().requires_grad_(True) for t in (x0, w0, b0))
        if fn == "reference":
            out = F.conv2d(x, weight, b, stride=stride, padding=padding, groups=3)
            upstream = randn(seed + 9, *out.shape)
        else:
            out = learner.depthwise_conv2d(x, weight, b, stride=stride, padding=padding)
            if not isinstance(out, torch.Tensor) or not out.requires_grad or out.shape != upstream.shape:
                raise AssertionError(
                    f"depthwise_conv2d(...)  (random input, seed {seed})\n"
                    f"  returned {call_repr('', out)[1:-1]}, expected a tensor of shape {tuple(upstream.shape)} "
                    "that autograd can differentiate (no .detach(), .item() or NumPy)"
                )
        grads.append(torch.autograd.grad((out * upstream).sum(), (x, weight, b)))
    for name, got, expected in zip(("x", "weight", "bias"), grads[1], grads[0], strict=True):
        call = f"gradient of depthwise_conv2d(x, weight, bias, stride={stride}, padding={padding}) w.r.t. {name}"
        assert_close(got, expected, call=call, seed=seed, what=f"{name}.grad")


def test_depthwise_conv2d_accepts_non_contiguous_tensors(learner):
    seed = 41
    x, weight, b = conv_inputs(seed, 2, 4, 9, 11, 3, 3, torch.float32)
    x_cl = x.contiguous(memory_format=torch.channels_last)
    x_t = x.transpose(2, 3).contiguous().transpose(2, 3)  # same values, column-major in H and W
    w_t = weight.transpose(2, 3).contiguous().transpose(2, 3)
    expected = reference(x, weight, b, 2, 1)
    for xx, ww, what in ((x_cl, weight, "channels_last x"), (x_t, w_t, "transposed x and weight")):
        assert not xx.is_contiguous()
        got = learner.depthwise_conv2d(xx, ww, b, stride=2, padding=1)
        assert_close(
            got, expected, call=call_repr("depthwise_conv2d", xx, ww, b, stride=2, padding=1) + f" ({what})", seed=seed
        )


def test_depthwise_conv2d_leaves_inputs_unchanged(learner):
    x, weight, b = conv_inputs(51, 2, 3, 6, 5, 3, 3, torch.float32)
    before = [t.clone() for t in (x, weight, b)]
    call = call_repr("depthwise_conv2d", x, weight, b, padding=1)
    learner.depthwise_conv2d(x, weight, b, padding=1)
    for name, old, new in zip(("x", "weight", "bias"), before, (x, weight, b), strict=True):
        assert_unchanged(old, new, name=name, call=call)


@pytest.mark.parametrize(
    "x_shape, w_shape, b_shape, kwargs, exc, match",
    [
        ((3, 6, 6), (3, 1, 3, 3), None, {}, ValueError, r"\bx\b"),
        ((1, 3, 6, 6), (4, 1, 3, 3), None, {}, ValueError, r"\bweight\b"),
        ((1, 3, 6, 6), (3, 2, 3, 3), None, {}, ValueError, r"\bweight\b"),
        ((1, 3, 6, 6), (3, 3, 3), None, {}, ValueError, r"\bweight\b"),
        ((1, 3, 6, 6), (3, 1, 3, 3), (4,), {}, ValueError, r"\bbias\b"),
        ((1, 3, 6, 6), (3, 1, 3, 3), None, {"stride": 0}, ValueError, r"\bstride\b"),
        ((1, 3, 6, 6), (3, 1, 3, 3), None, {"padding": -1}, ValueError, r"\bpadding\b"),
        ((1, 3, 4, 4), (3, 1, 7, 7), None, {"padding": 1}, ValueError, r"\bweight\b"),
    ],
    ids=[
        "3-D x",
        "weight channels",
        "weight [C, 2, k, k]",
        "3-D weight",
        "bias length",
        "stride 0",
        "padding -1",
        "kernel too big",
    ],
)
def test_depthwise_conv2d_rejects_bad_input(learner, x_shape, w_shape, b_shape, kwargs, exc, match):
    x, weight = torch.zeros(x_shape), torch.zeros(w_shape)
    b = None if b_shape is None else torch.zeros(b_shape)
    assert_raises(exc, learner.depthwise_conv2d, x, weight, b, match=match, **kwargs)


def test_depthwise_conv2d_rejects_integer_input(learner):
    x, weight = torch.zeros(1, 2, 5, 5, dtype=torch.int64), torch.zeros(2, 1, 3, 3)
    assert_raises(TypeError, learner.depthwise_conv2d, x, weight, match=r"\bx\b")


@pytest.mark.parametrize(
    "w_dtype, b_dtype, kwargs, match",
    [
        (torch.float64, None, {}, r"\bweight\b"),
        (torch.float32, torch.float64, {}, r"\bbias\b"),
        (torch.float32, None, {"stride": 1.0}, r"\bstride\b"),
        (torch.float32, None, {"stride": (2, True)}, r"\bstride\b"),
        (torch.float32, None, {"padding": 0.5}, r"\bpadding\b"),
    ],
    ids=["float64 weight", "float64 bias", "stride 1.0", "stride (2, True)", "padding 0.5"],
)
def test_depthwise_conv2d_rejects_arguments_of_the_wrong_type(learner, w_dtype, b_dtype, kwargs, match):
    x, weight = torch.zeros(1, 2, 5, 5), torch.zeros(2, 1, 3, 3, dtype=w_dtype)
    b = None if b_dtype is None else torch.zeros(2, dtype=b_dtype)
    call = call_repr("depthwise_conv2d", x, weight, b, **kwargs)
    assert_raises(TypeError, learner.depthwise_conv2d, x, weight, b, match=match, call=call, **kwargs)


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16], ids=["float16", "bfloat16"])
def test_depthwise_conv2d_keeps_half_precision_dtype(learner, dtype):
    seed = 57
    x64, w64, b64 = conv_inputs(seed, 2, 4, 9, 8, 3, 3, torch.float64)
    x, weight, b = x64.to(dtype), w64.to(dtype), b64.to(dtype)
    # the exact convolution of the half-precision values, rounded to the dtype; 8 ulps of the largest output
    exact = F.conv2d(x.double(), weight.double(), b.double(), padding=1, groups=4)
    atol = 8 * torch.finfo(dtype).eps * float(exact.abs().max())
    got = learner.depthwise_conv2d(x, weight, b, padding=1)
    call = call_repr("depthwise_conv2d", x, weight, b, padding=1)
    assert_close(got, exact.to(dtype), call=call, seed=seed, rtol=0.0, atol=atol)


# --------------------------------------------------------------------------------------- by hand


@pytest.mark.by_hand
def test_depthwise_conv2d_is_written_by_hand(learner):
    seed = 61
    x, weight, b = conv_inputs(seed, 2, 5, 10, 9, 3, 3, torch.float32)
    expected = reference(x, weight, b, 2, 1)
    with forbidden(*by_hand_entries("depthwise_conv")):
        got = learner.depthwise_conv2d(x, weight, b, stride=2, padding=1)
    assert_close(got, expected, call=call_repr("depthwise_conv2d", x, weight, b, stride=2, padding=1), seed=seed)
