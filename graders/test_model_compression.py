"""Grader for model_compression: conv-BN fusion, per-tensor quantization, magnitude pruning.

Expected values come from PyTorch built-ins with the same semantics (``bn.eval()(conv(x))`` and
``torch.nn.utils.fusion.fuse_conv_bn_eval`` for the fusion, ``torch.fake_quantize_per_tensor_affine`` for
rounding and clamping given a scale and zero point, ``torch.nn.utils.prune.L1Unstructured`` for pruning
distinct magnitudes), from min/max calibration formulas written here, from hand-worked cases (widening the
range to 0, ties, rounding of the pruned count) and from invariants (error within half a step, zero
represented exactly, inputs untouched).

Promises and the tests that hold them:
fuse_conv_bn
- outputs equal bn(conv(x)) with bn in eval mode, any geometry -> test_fused_conv_equals_conv_then_bn_in_eval_mode
- weight and bias as fuse_conv_bn_eval folds them -> test_fused_weights_match_torch_fuse_conv_bn_eval
- same channels, kernel, stride, padding, dilation, groups; dtype of conv.weight
  -> test_fused_conv_keeps_the_geometry_of_conv
- same padding mode -> test_fused_conv_keeps_the_padding_mode
- always a bias -> every fusion test (check_is_conv)
- bn's eps is used -> test_fusion_uses_the_bn_eps
- a non-affine bn (gamma 1, beta 0) -> test_fusion_with_a_non_affine_bn
- running statistics whatever bn's train flag -> test_fusion_of_training_mode_modules_uses_running_statistics
- conv and bn unmodified (parameters, buffers, modes), no shared tensors -> test_fusion_leaves_conv_and_bn_untouched
- wrong types / channel mismatch / no running statistics -> TypeError / ValueError naming conv or bn
  -> test_fuse_rejects_pairs_that_do_not_fold
quantize_per_tensor
- q within qmin … qmax, error at most scale / 2 -> test_quantization_error_is_at_most_half_a_step
- scale and zero point from min/max widened to include 0; symmetric max|x| / qmax
  -> test_scale_and_zero_point_come_from_min_max_including_zero, test_range_is_widened_to_include_zero
- 0.0 is the integer zero_point -> test_zero_is_represented_exactly
- symmetric: zero_point 0, restricted range, -x gives -q
  -> test_symmetric_quantization_uses_the_restricted_range_around_zero
- q = clamp(round(x / scale) + zero_point) -> test_quantized_values_match_torch_fake_quantize
- round half to even, the docstring's own tie included -> test_rounding_ties_go_to_even
- scale a Python float, zero_point a Python int (not tensors)
  -> test_scale_is_a_python_float_and_zero_point_a_python_int
- q int64 of x's shape -> test_q_is_int64_with_the_shape_of_x
- all zeros: q 0, zero_point 0 -> test_all_zero_tensor_quantizes_without_dividing_by_zero
- all zeros: scale exactly 1.0 -> test_all_zero_tensor_gets_scale_one
- a constant tensor comes back exactly -> test_constant_tensor_comes_back_exactly
- bad x / num_bits / symmetric -> TypeError / ValueError naming the argument -> test_quantize_rejects_bad_arguments
- x not modified -> test_quantize_leaves_input_unchanged
dequantize
- (q - zero_point) * scale -> test_dequantize_hand_worked, test_dequantize_round_trip_is_within_half_a_step
- float32 by default, dtype= respected -> test_dequantize_round_trip_is_within_half_a_step
- any integer dtype (uint8 codes below the zero point) -> test_dequantize_of_uint8_codes_below_the_zero_point
- computed in float64, rounded once -> test_dequantize_computes_in_float64_then_rounds_once
- q not modified -> test_dequantize_leaves_q_unchanged
- bad q / scale / zero_point / dtype -> TypeError / ValueError naming the argument
  -> test_dequantize_rejects_bad_arguments
magnitude_prune
- exactly round(sparsity * numel) pruned, half to even -> test_prunes_exactly_round_of_sparsity_times_numel
- the smallest magnitudes -> test_prunes_the_smallest_magnitudes_as_torch_prune_does,
  test_prunes_by_magnitude_not_by_signed_value
- ties: smaller flat index first -> test_ties_prune_the_smaller_flat_index_first,
  test_many_ties_prune_the_smaller_flat_index_first (sizes where an unstable sort reorders ties)
- flat index of the tensor as indexed -> test_flat_index_follows_the_tensor_as_indexed_not_its_memory
- a bool mask of weight's shape -> check_mask in every pruning test
- sparsity 0 and 1 -> test_sparsity_zero_keeps_everything_and_one_prunes_everything
- weight not modified -> test_prune_leaves_weight_unchanged
- weight * mask is the pruned tensor -> test_pruned_conv_still_runs
- bad sparsity -> TypeError / ValueError naming sparsity -> test_prune_rejects_bad_sparsity
- weight not a floating-point tensor -> TypeError naming weight -> test_prune_rejects_weight_that_is_not_floating_point
"""

from __future__ import annotations

import copy
import math

import pytest
import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils import prune
from torch.nn.utils.fusion import fuse_conv_bn_eval

from graders.helpers import assert_close, assert_equal, assert_raises, assert_unchanged, call_repr, describe


def randn(seed: int, *shape, dtype=torch.float64) -> torch.Tensor:
    return torch.randn(shape, generator=torch.Generator().manual_seed(seed), dtype=dtype)


# ------------------------------------------------------------------------------------------- fusion

# (in, out, kernel, stride, padding, dilation, groups, bias)
CONV_CONFIGS = [
    (4, 6, 3, 1, 1, 1, 1, True),
    (4, 6, 3, 1, 1, 1, 1, False),
    (6, 4, 3, 2, 0, 1, 2, True),
    (6, 6, 3, 1, 1, 1, 6, False),
    (3, 5, (3, 1), (2, 1), (1, 0), 2, 1, True),
    (8, 4, 1, 1, 0, 1, 4, True),
]
CONV_IDS = ["3x3 bias", "3x3 no bias", "groups 2 stride 2", "depthwise", "3x1 dilated", "1x1 groups 4"]


def make_pair(config, seed: int, dtype=torch.float64, eps: float = 1e-5, affine: bool = True):
    """A conv and a BN with random weights and running statistics (variances spread over 0.05 … 3)."""
    c_in, c_out, k, stride, padding, dilation, groups, bias = config
    torch.manual_seed(seed)
    conv = nn.Conv2d(c_in, c_out, k, stride=stride, padding=padding, dilation=dilation, groups=groups, bias=bias)
    bn = nn.BatchNorm2d(c_out, eps=eps, affine=affine)
    g = torch.Generator().manual_seed(seed + 1)
    with torch.no_grad():
        if bias:
            conv.bias.copy_(torch.randn(c_out, generator=g))
        bn.running_mean.copy_(torch.randn(c_out, generator=g))
        bn.running_var.copy_(torch.rand(c_out, generator=g) * 2.95 + 0.05)
        if affine:
            bn.weight.copy_(torch.rand(c_out, generator=g) * 2 + 0.25)
            bn.bias.copy_(torch.randn(c_out, generator=g))
    return conv.to(dtype), bn.to(dtype)


def conv_repr(config) -> str:
    c_in, c_out, k, stride, padding, dilation, groups, bias = config
    return (
        f"Conv2d({c_in}, {c_out}, {k}, stride={stride}, padding={padding}, dilation={dilation}, "
        f"groups={groups}, bias={bias})"
    )


def fuse_call(conv_config, bn: nn.BatchNorm2d) -> str:
    mode = "train" if bn.training else "eval"
    return f"fuse_conv_bn({conv_repr(conv_config)}, BatchNorm2d({bn.num_features}, eps={bn.eps:g}) [{mode}])"


def reference_output(conv: nn.Conv2d, bn: nn.BatchNorm2d, x: torch.Tensor) -> torch.Tensor:
    conv, bn = copy.deepcopy(conv).eval(), copy.deepcopy(bn).eval()
    with torch.no_grad():
        return bn(conv(x))


def check_is_conv(fused, call: str) -> nn.Conv2d:
    if not isinstance(fused, nn.Conv2d):
        raise AssertionError(f"{call}\n  returned {type(fused).__name__}, expected an nn.Conv2d")
    if fused.bias is None:
        raise AssertionError(f"{call}\n  returned a convolution without a bias: BN's shift has to go somewhere")
    return fused


@pytest.mark.points(2)
@pytest.mark.parametrize("config", CONV_CONFIGS, ids=CONV_IDS)
def test_fused_conv_equals_conv_then_bn_in_eval_mode(learner, config):
    seed = 100 + CONV_CONFIGS.index(config)
    for dtype in (torch.float64, torch.float32):
        conv, bn = make_pair(config, seed, dtype)
        bn.eval()
        x = randn(seed + 2, 2, config[0], 9, 7, dtype=dtype)
        call = fuse_call(config, bn)
        fused = check_is_conv(learner.fuse_conv_bn(conv, bn), call)
        with torch.no_grad():
            got = fused(x)
        assert_close(got, reference_output(conv, bn, x), call=f"{call}(x) against bn(conv(x))", seed=seed)


@pytest.mark.parametrize("config", CONV_CONFIGS[:4], ids=CONV_IDS[:4])
def test_fused_weights_match_torch_fuse_conv_bn_eval(learner, config):
    seed = 200 + CONV_CONFIGS.index(config)
    conv, bn = make_pair(config, seed, torch.float64)
    conv.eval()
    bn.eval()
    expected = fuse_conv_bn_eval(copy.deepcopy(conv), copy.deepcopy(bn))
    call = fuse_call(config, bn)
    fused = check_is_conv(learner.fuse_conv_bn(conv, bn), call)
    assert_close(fused.weight, expected.weight, call=call + " against fuse_conv_bn_eval", what="weight")
    assert_close(fused.bias, expected.bias, call=call + " against fuse_conv_bn_eval", what="bias")


@pytest.mark.parametrize("config", [CONV_CONFIGS[2], CONV_CONFIGS[4]], ids=["groups 2 stride 2", "3x1 dilated"])
def test_fused_conv_keeps_the_geometry_of_conv(learner, config):
    conv, bn = make_pair(config, 7, torch.float32)
    call = fuse_call(config, bn.eval())
    fused = check_is_conv(learner.fuse_conv_bn(conv, bn), call)
    for name in ("in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation", "groups"):
        assert_equal(getattr(fused, name), getattr(conv, name), call=call, what=name)
    assert_equal(fused.weight.dtype, torch.float32, call=call, what="weight dtype")


@pytest.mark.points(2)
def test_fusion_uses_the_bn_eps(learner):
    # eps = 0.5 against variances as small as 0.05: sqrt(var) and sqrt(var + eps) differ a lot.
    config = CONV_CONFIGS[0]
    conv, bn = make_pair(config, 11, torch.float64, eps=0.5)
    bn.eval()
    x = randn(12, 2, 4, 6, 6)
    call = fuse_call(config, bn)
    fused = check_is_conv(learner.fuse_conv_bn(conv, bn), call)
    with torch.no_grad():
        got = fused(x)
    assert_close(got, reference_output(conv, bn, x), call=f"{call}(x) against bn(conv(x))", seed=11)


def test_fusion_with_a_non_affine_bn(learner):
    config = CONV_CONFIGS[0]
    conv, bn = make_pair(config, 13, torch.float64, affine=False)
    bn.eval()
    x = randn(14, 2, 4, 6, 5)
    call = fuse_call(config, bn) + " (affine=False)"
    fused = check_is_conv(learner.fuse_conv_bn(conv, bn), call)
    with torch.no_grad():
        got = fused(x)
    assert_close(got, reference_output(conv, bn, x), call=f"{call}(x) against bn(conv(x))", seed=13)


@pytest.mark.points(2)
@pytest.mark.parametrize("config", [CONV_CONFIGS[0], CONV_CONFIGS[3]], ids=["3x3 bias", "depthwise"])
def test_fusion_leaves_conv_and_bn_untouched(learner, config):
    conv, bn = make_pair(config, 15, torch.float32)
    conv.train()
    bn.train()
    conv_before = {k: v.clone() for k, v in conv.state_dict().items()}
    bn_before = {k: v.clone() for k, v in bn.state_dict().items()}
    call = fuse_call(config, bn)
    fused = check_is_conv(learner.fuse_conv_bn(conv, bn), call)
    for module, before, name in ((conv, conv_before, "conv"), (bn, bn_before, "bn")):
        for key, value in module.state_dict().items():
            assert_unchanged(before[key], value, name=f"{name}.{key}", call=call)
        if not module.training:
            raise AssertionError(f"{call}\n  switched {name} to eval mode: leave the caller's modules as they were")
    # The fused layer must own its tensors: changing it must not reach back into conv or bn.
    with torch.no_grad():
        fused.weight.add_(1.0)
        fused.bias.add_(1.0)
    for module, before, name in ((conv, conv_before, "conv"), (bn, bn_before, "bn")):
        for key, value in module.state_dict().items():
            assert_unchanged(
                before[key], value, name=f"{name}.{key}", call=call + " (then adding 1 to the fused weights)"
            )


@pytest.mark.parametrize("padding_mode", ["reflect", "circular", "replicate"])
def test_fused_conv_keeps_the_padding_mode(learner, padding_mode):
    # A new nn.Conv2d pads with zeros unless told otherwise: the border pixels would change.
    config = CONV_CONFIGS[0]
    conv, bn = make_pair(config, 19, torch.float64)
    conv.padding_mode = padding_mode
    bn.eval()
    x = randn(20, 2, 4, 6, 7)
    call = fuse_call(config, bn).replace("bias=True)", f"bias=True, padding_mode={padding_mode!r})")
    fused = check_is_conv(learner.fuse_conv_bn(conv, bn), call)
    assert_equal(getattr(fused, "padding_mode", None), padding_mode, call=call, what="padding_mode")
    with torch.no_grad():
        got = fused(x)
    assert_close(got, reference_output(conv, bn, x), call=f"{call}(x) against bn(conv(x))", seed=19)


def test_fusion_of_training_mode_modules_uses_running_statistics(learner):
    config = CONV_CONFIGS[0]
    conv, bn = make_pair(config, 17, torch.float64)
    conv.train()
    bn.train()
    x = randn(18, 3, 4, 6, 6)
    call = fuse_call(config, bn)
    fused = check_is_conv(learner.fuse_conv_bn(conv, bn), call)
    with torch.no_grad():
        got = fused(x)
    assert_close(got, reference_output(conv, bn, x), call=f"{call}(x) against bn.eval()(conv(x))", seed=17)


@pytest.mark.parametrize(
    "make, exc, match",
    [
        (lambda: (nn.Conv2d(3, 4, 3), nn.BatchNorm2d(5)), ValueError, r"\bbn\b"),
        (lambda: (nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4, track_running_stats=False)), ValueError, r"\bbn\b"),
        (lambda: (nn.Linear(3, 4), nn.BatchNorm2d(4)), TypeError, r"\bconv\b"),
        (lambda: (nn.Conv2d(3, 4, 3), nn.LayerNorm(4)), TypeError, r"\bbn\b"),
    ],
    ids=["channel mismatch", "no running statistics", "not a conv", "not a batch norm"],
)
def test_fuse_rejects_pairs_that_do_not_fold(learner, make, exc, match):
    conv, bn = make()
    call = f"fuse_conv_bn({type(conv).__name__}, {type(bn).__name__})"
    assert_raises(exc, learner.fuse_conv_bn, conv, bn, match=match, call=call)


# ------------------------------------------------------------------------------------ quantization


def qrange(num_bits: int, symmetric: bool) -> tuple[int, int]:
    if symmetric:
        return -(2 ** (num_bits - 1) - 1), 2 ** (num_bits - 1) - 1
    return 0, 2**num_bits - 1


def reference_params(x: torch.Tensor, num_bits: int, symmetric: bool) -> tuple[float, int]:
    """Min/max calibration, range widened to include 0; zero point rounded to an integer."""
    qmin, qmax = qrange(num_bits, symmetric)
    v = x.double()
    if symmetric:
        amax = float(v.abs().max())
        return (amax / qmax if amax > 0 else 1.0), 0
    lo, hi = min(float(v.min()), 0.0), max(float(v.max()), 0.0)
    if hi == lo:
        return 1.0, 0
    scale = (hi - lo) / (qmax - qmin)
    return scale, min(max(qmin - round(lo / scale), qmin), qmax)


def quantize_checked(learner, x, num_bits, symmetric, call):
    got = learner.quantize_per_tensor(x, num_bits=num_bits, symmetric=symmetric)
    if not isinstance(got, tuple) or len(got) != 3:
        raise AssertionError(f"{call}\n  returned {describe(got)}, expected a tuple (q, scale, zero_point)")
    q, scale, zero_point = got
    if not isinstance(q, torch.Tensor) or q.is_floating_point() or tuple(q.shape) != tuple(x.shape):
        raise AssertionError(f"{call}\n  q is {describe(q)}, expected an integer tensor of shape {tuple(x.shape)}")
    if isinstance(scale, torch.Tensor) and scale.numel() == 1:
        scale = scale.item()
    if isinstance(zero_point, torch.Tensor) and zero_point.numel() == 1:
        zero_point = zero_point.item()
    if not isinstance(scale, (int, float)) or not math.isfinite(scale) or scale <= 0:
        raise AssertionError(f"{call}\n  scale is {describe(scale)}, expected a positive finite number")
    if isinstance(zero_point, bool) or not isinstance(zero_point, int):
        raise AssertionError(f"{call}\n  zero_point is {describe(zero_point)}, expected an int (0.0 must be exact)")
    return q, float(scale), zero_point


def quant_repr(x, num_bits, symmetric) -> str:
    return call_repr("quantize_per_tensor", x, num_bits=num_bits, symmetric=symmetric)


def data(kind: str, seed: int, dtype=torch.float64) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    if kind == "mixed":
        return (torch.randn(5, 37, generator=g, dtype=torch.float64) * 2 + 0.7).to(dtype)
    if kind == "positive":  # after a ReLU: the range must be widened down to 0
        return (torch.rand(4, 3, 7, generator=g, dtype=torch.float64) * 5 + 1.5).to(dtype)
    if kind == "negative":
        return (-torch.rand(41, generator=g, dtype=torch.float64) * 3 - 0.25).to(dtype)
    raise ValueError(kind)


QUANT_CASES = [
    ("mixed", 8, False),
    ("mixed", 8, True),
    ("mixed", 4, False),
    ("mixed", 16, False),
    ("mixed", 3, True),
    ("positive", 8, False),
    ("positive", 4, False),
    ("positive", 8, True),
    ("negative", 8, False),
    ("negative", 16, False),
]
QUANT_IDS = [f"{k} {b}-bit {'sym' if s else 'asym'}" for k, b, s in QUANT_CASES]


@pytest.mark.parametrize("kind, num_bits, symmetric", QUANT_CASES, ids=QUANT_IDS)
def test_quantization_error_is_at_most_half_a_step(learner, kind, num_bits, symmetric):
    seed = 300 + QUANT_CASES.index((kind, num_bits, symmetric))
    for dtype in (torch.float64, torch.float32):
        x = data(kind, seed, dtype)
        call = quant_repr(x, num_bits, symmetric)
        q, scale, zero_point = quantize_checked(learner, x, num_bits, symmetric, call)
        qmin, qmax = qrange(num_bits, symmetric)
        if int(q.min()) < qmin or int(q.max()) > qmax:
            raise AssertionError(
                f"{call}  (random input, seed {seed})\n  q spans {int(q.min())} … {int(q.max())}, "
                f"expected within {qmin} … {qmax}"
            )
        error = ((q.double() - zero_point) * scale - x.double()).abs()
        worst = int(error.argmax())
        if float(error.max()) > scale / 2 * (1 + 1e-9) + 1e-12:
            raise AssertionError(
                f"{call}  (random input, seed {seed})\n  |(q - zero_point) * scale - x| reaches "
                f"{float(error.max()):.6g} at flat index {worst} (x = {float(x.reshape(-1)[worst]):.6g}), "
                f"more than scale / 2 = {scale / 2:.6g}"
            )


@pytest.mark.parametrize("kind, num_bits, symmetric", QUANT_CASES, ids=QUANT_IDS)
def test_scale_and_zero_point_come_from_min_max_including_zero(learner, kind, num_bits, symmetric):
    seed = 400 + QUANT_CASES.index((kind, num_bits, symmetric))
    x = data(kind, seed)
    call = quant_repr(x, num_bits, symmetric)
    _, scale, zero_point = quantize_checked(learner, x, num_bits, symmetric, call)
    expected_scale, expected_zero_point = reference_params(x, num_bits, symmetric)
    assert_close(scale, expected_scale, call=call, seed=seed, rtol=1e-9, what="scale")
    assert_equal(zero_point, expected_zero_point, call=call, seed=seed, what="zero_point")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "values, num_bits, scale, zero_point",
    [
        ([1.0, 2.0, 5.1], 8, 5.1 / 255, 0),
        ([-4.0, -1.0, -2.5], 8, 4.0 / 255, 255),
        ([3.0, 1.0], 4, 0.2, 0),
    ],
    ids=["all positive", "all negative", "4 bits positive"],
)
def test_range_is_widened_to_include_zero(learner, values, num_bits, scale, zero_point):
    x = torch.tensor(values, dtype=torch.float64)
    call = f"quantize_per_tensor({values}, num_bits={num_bits})"
    q, got_scale, got_zero_point = quantize_checked(learner, x, num_bits, False, call)
    assert_close(got_scale, scale, call=call, rtol=1e-9, what="scale (range widened to include 0)")
    assert_equal(got_zero_point, zero_point, call=call, what="zero_point")


@pytest.mark.points(2)
@pytest.mark.parametrize("num_bits, symmetric", [(8, False), (8, True), (4, False), (16, False), (5, False)])
def test_zero_is_represented_exactly(learner, num_bits, symmetric):
    seed = 500 + num_bits
    x = data("mixed", seed)
    x[0, :5] = 0.0
    x[3, 10] = 0.0
    call = quant_repr(x, num_bits, symmetric) + " (x holds exact zeros)"
    q, scale, zero_point = quantize_checked(learner, x, num_bits, symmetric, call)
    qmin, qmax = qrange(num_bits, symmetric)
    if not qmin <= zero_point <= qmax:
        raise AssertionError(f"{call}\n  zero_point = {zero_point} is outside {qmin} … {qmax}: 0.0 has no integer")
    at_zero = q[x == 0]
    assert_equal(at_zero, torch.full_like(at_zero, zero_point), call=call, what="q where x == 0 (must be zero_point)")


@pytest.mark.parametrize("num_bits", [8, 4, 16])
def test_symmetric_quantization_uses_the_restricted_range_around_zero(learner, num_bits):
    x = data("mixed", 600 + num_bits)
    x[1, 3] = -float(x.abs().max()) - 0.5  # the largest magnitude is negative
    call = quant_repr(x, num_bits, True)
    q, scale, zero_point = quantize_checked(learner, x, num_bits, True, call)
    qmax = 2 ** (num_bits - 1) - 1
    assert_equal(zero_point, 0, call=call, what="zero_point")
    assert_close(scale, float(x.abs().max()) / qmax, call=call, rtol=1e-9, what=f"scale (max|x| / {qmax})")
    assert_equal(int(q[1, 3]), -qmax, call=call, what="q of the largest magnitude (negative)")
    q_neg, _, _ = quantize_checked(learner, -x, num_bits, True, call.replace("(", "(-", 1))
    assert_equal(q_neg, -q, call=call + " and the same for -x", what="q of -x (expected -q)")


@pytest.mark.parametrize("num_bits, symmetric", [(8, False), (8, True), (4, False), (16, False), (16, True)])
def test_quantized_values_match_torch_fake_quantize(learner, num_bits, symmetric):
    # Given the learner's scale and zero point, PyTorch's fake quantization rounds and clamps the same way.
    # It holds the scale in float32, so x / scale differs from the exact quotient by up to ~1e-7 of its
    # size: values that close to a rounding tie (.5) may round either way and are left out.
    seed = 700 + num_bits + symmetric
    x = data("mixed", seed)
    call = quant_repr(x, num_bits, symmetric)
    q, scale, zero_point = quantize_checked(learner, x, num_bits, symmetric, call)
    qmin, qmax = qrange(num_bits, symmetric)
    fake = torch.fake_quantize_per_tensor_affine(x, scale, zero_point, qmin, qmax)
    expected = (torch.round(fake / scale) + zero_point).to(torch.int64)
    ratio = x / scale
    near_tie = (ratio.frac().abs() - 0.5).abs() < 1.2e-7 * ratio.abs() + 1e-9
    assert int(near_tie.sum()) < x.numel() // 10, "grader: too many near-ties for this seed"
    assert_equal(
        q[~near_tie].to(torch.int64), expected[~near_tie], call=call + " against fake quantization", seed=seed, what="q"
    )


def test_q_is_int64_with_the_shape_of_x(learner):
    x = data("positive", 800, torch.float32)
    call = quant_repr(x, 8, False)
    got = learner.quantize_per_tensor(x)
    q = got[0] if isinstance(got, tuple) else got
    assert_equal(getattr(q, "dtype", None), torch.int64, call=call, what="dtype of q")
    assert_equal(tuple(getattr(q, "shape", ())), tuple(x.shape), call=call, what="shape of q")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "values, num_bits, symmetric, expected",
    [
        # max|x| = 3 on -3 … 3: scale 1.0 exactly, every .5 is an exact tie; the docstring's -1.5 -> -2 is one.
        ([-3.0, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.0], 3, True, [-3, -2, -2, 0, 0, 2, 2, 3]),
        # [-1, 2] on 0 … 3: scale 1.0, zero_point 1; round(x / scale) first, then add the zero point.
        ([-1.0, -0.5, 0.0, 0.5, 1.5, 2.0], 2, False, [0, 1, 1, 1, 3, 3]),
    ],
    ids=["symmetric", "asymmetric zero point 1"],
)
def test_rounding_ties_go_to_even(learner, values, num_bits, symmetric, expected):
    for dtype in (torch.float64, torch.float32):
        x = torch.tensor(values, dtype=dtype)
        call = f"quantize_per_tensor({values}, num_bits={num_bits}, symmetric={symmetric}) [{dtype}]"
        q, scale, _ = quantize_checked(learner, x, num_bits, symmetric, call)
        assert_close(scale, 1.0, call=call, rtol=0.0, atol=0.0, what="scale")
        assert_equal(
            q.to(torch.int64).tolist(), expected, call=call, what="q (ties x / scale = k + 0.5 round to the even k)"
        )


@pytest.mark.parametrize("symmetric", [False, True], ids=["asym", "sym"])
def test_scale_is_a_python_float_and_zero_point_a_python_int(learner, symmetric):
    x = data("mixed", 850)
    call = quant_repr(x, 8, symmetric)
    got = learner.quantize_per_tensor(x, num_bits=8, symmetric=symmetric)
    if not isinstance(got, tuple) or len(got) != 3:
        raise AssertionError(f"{call}\n  returned {describe(got)}, expected a tuple (q, scale, zero_point)")
    _, scale, zero_point = got
    if not isinstance(scale, float):
        raise AssertionError(f"{call}\n  scale is {describe(scale)}, expected a Python float (not a tensor)")
    if isinstance(zero_point, bool) or not isinstance(zero_point, int):
        raise AssertionError(f"{call}\n  zero_point is {describe(zero_point)}, expected a Python int (not a tensor)")


@pytest.mark.parametrize("symmetric", [False, True], ids=["asym", "sym"])
def test_all_zero_tensor_gets_scale_one(learner, symmetric):
    # The docstring fixes the empty range's scale at 1.0 (not a tiny epsilon as PyTorch's observers use).
    x = torch.zeros(2, 3)
    call = quant_repr(x, 8, symmetric) + " (all zeros)"
    _, scale, _ = quantize_checked(learner, x, 8, symmetric, call)
    assert_close(scale, 1.0, call=call, rtol=0.0, atol=0.0, what="scale")


@pytest.mark.parametrize("symmetric", [False, True], ids=["asym", "sym"])
def test_all_zero_tensor_quantizes_without_dividing_by_zero(learner, symmetric):
    x = torch.zeros(3, 4)
    call = quant_repr(x, 8, symmetric) + " (all zeros)"
    q, scale, zero_point = quantize_checked(learner, x, 8, symmetric, call)
    assert_equal(zero_point, 0, call=call, what="zero_point")
    assert_equal(q, torch.zeros(3, 4, dtype=q.dtype), call=call, what="q")


@pytest.mark.parametrize("value", [3.7, -2.0, 1e-3], ids=["positive", "negative", "tiny"])
@pytest.mark.parametrize("symmetric", [False, True], ids=["asym", "sym"])
def test_constant_tensor_comes_back_exactly(learner, value, symmetric):
    x = torch.full((2, 5), value, dtype=torch.float64)
    call = quant_repr(x, 8, symmetric) + f" (all {value})"
    q, scale, zero_point = quantize_checked(learner, x, 8, symmetric, call)
    back = (q.double() - zero_point) * scale
    assert_close(back, x, call=call + " as (q - zero_point) * scale", rtol=1e-12, atol=0.0)


@pytest.mark.parametrize(
    "x, kwargs, exc, match",
    [
        (torch.randn(4), {"num_bits": 1}, ValueError, r"\bnum_bits\b"),
        (torch.randn(4), {"num_bits": 17}, ValueError, r"\bnum_bits\b"),
        (torch.randn(4), {"num_bits": 8.0}, TypeError, r"\bnum_bits\b"),
        (torch.zeros(0), {}, ValueError, r"\bx\b"),
        (torch.tensor([1.0, float("nan")]), {}, ValueError, r"\bx\b"),
        (torch.tensor([1.0, float("inf")]), {}, ValueError, r"\bx\b"),
        (torch.tensor([-float("inf"), 2.0]), {"symmetric": True}, ValueError, r"\bx\b"),
        (torch.arange(4), {}, TypeError, r"\bx\b"),
        ([0.5, 1.0], {}, TypeError, r"\bx\b"),
        (torch.randn(4), {"symmetric": 1}, TypeError, r"\bsymmetric\b"),
        (torch.randn(4), {"symmetric": "yes"}, TypeError, r"\bsymmetric\b"),
    ],
    ids=[
        "1 bit",
        "17 bits",
        "float bits",
        "empty",
        "nan",
        "inf",
        "-inf symmetric",
        "integer x",
        "a list",
        "symmetric 1",
        "symmetric a string",
    ],
)
def test_quantize_rejects_bad_arguments(learner, x, kwargs, exc, match):
    assert_raises(exc, learner.quantize_per_tensor, x, match=match, **kwargs)


def test_quantize_leaves_input_unchanged(learner):
    x = data("mixed", 900, torch.float32)
    before = x.clone()
    learner.quantize_per_tensor(x, num_bits=4)
    assert_unchanged(before, x, name="x", call=quant_repr(x, 4, False))


def test_dequantize_hand_worked(learner):
    q = torch.tensor([0, 10, 11, 255, 3])
    got = learner.dequantize(q, 0.5, 10)
    expected = torch.tensor([-5.0, 0.0, 0.5, 122.5, -3.5])
    assert_close(got, expected, call="dequantize([0, 10, 11, 255, 3], 0.5, 10)")


@pytest.mark.points(2)
@pytest.mark.parametrize("num_bits, symmetric", [(8, False), (8, True), (4, False), (16, True)])
def test_dequantize_round_trip_is_within_half_a_step(learner, num_bits, symmetric):
    seed = 950 + num_bits
    x = data("mixed", seed, torch.float32)
    call = quant_repr(x, num_bits, symmetric)
    q, scale, zero_point = quantize_checked(learner, x, num_bits, symmetric, call)
    back = learner.dequantize(q, scale, zero_point)
    call = f"dequantize(*{call})"
    assert_equal(getattr(back, "dtype", None), torch.float32, call=call, what="dtype (float32 by default)")
    assert_close(back, x, call=call, seed=seed, rtol=0.0, atol=scale / 2 * (1 + 1e-6) + 1e-7)
    back64 = learner.dequantize(q, scale, zero_point, dtype=torch.float64)
    assert_close(back64, (q.double() - zero_point) * scale, call=call[:-1] + ", dtype=torch.float64)", seed=seed)


@pytest.mark.parametrize("zero_point", [128, 7])
def test_dequantize_of_uint8_codes_below_the_zero_point(learner, zero_point):
    # uint8 arithmetic wraps: 3 - 128 is 131 in uint8. "Any integer dtype" means the difference is signed.
    q = torch.tensor([0, 3, zero_point, 200, 255], dtype=torch.uint8)
    got = learner.dequantize(q, 0.25, zero_point)
    expected = ((torch.tensor([0, 3, zero_point, 200, 255], dtype=torch.float64) - zero_point) * 0.25).float()
    assert_close(
        got, expected, call=f"dequantize(tensor([0, 3, {zero_point}, 200, 255], dtype=uint8), 0.25, {zero_point})"
    )


@pytest.mark.parametrize("scale", [0.1, 5.1 / 255, 1 / 3], ids=["0.1", "5.1 over 255", "1 over 3"])
def test_dequantize_computes_in_float64_then_rounds_once(learner, scale):
    # float32 arithmetic rounds scale first and the product again: about a quarter of these codes then
    # land one float32 step away from the once-rounded value the docstring promises.
    seed = 980
    q = torch.randint(0, 65536, (400,), generator=torch.Generator().manual_seed(seed))
    got = learner.dequantize(q, scale, 32768)
    expected = ((q.to(torch.float64) - 32768) * scale).to(torch.float32)
    call = call_repr("dequantize", q, scale, 32768)
    assert_equal(got, expected, call=call + " (16-bit codes; exact float32 of the float64 result)", seed=seed)


def test_dequantize_leaves_q_unchanged(learner):
    q = torch.tensor([0, 10, 11, 255, 3])
    before = q.clone()
    learner.dequantize(q, 0.5, 10)
    assert_unchanged(before, q, name="q", call="dequantize([0, 10, 11, 255, 3], 0.5, 10)")


@pytest.mark.parametrize(
    "args, kwargs, exc, match",
    [
        ((torch.tensor([0.0, 1.0]), 0.5, 0), {}, TypeError, r"\bq\b"),
        (([0, 1], 0.5, 0), {}, TypeError, r"\bq\b"),
        ((torch.tensor([0, 1]), 0.5, 1.5), {}, TypeError, r"\bzero_point\b"),
        ((torch.tensor([0, 1]), 0.5, 0), {"dtype": torch.int32}, TypeError, r"\bdtype\b"),
        ((torch.tensor([0, 1]), 0.0, 0), {}, ValueError, r"\bscale\b"),
        ((torch.tensor([0, 1]), -0.5, 0), {}, ValueError, r"\bscale\b"),
        ((torch.tensor([0, 1]), math.inf, 0), {}, ValueError, r"\bscale\b"),
        ((torch.tensor([0, 1]), math.nan, 0), {}, ValueError, r"\bscale\b"),
    ],
    ids=["float q", "list q", "fractional zero_point", "integer dtype", "zero scale", "negative scale", "inf", "nan"],
)
def test_dequantize_rejects_bad_arguments(learner, args, kwargs, exc, match):
    assert_raises(exc, learner.dequantize, *args, match=match, **kwargs)


# ------------------------------------------------------------------------------------------ pruning


def prune_repr(weight, sparsity) -> str:
    return call_repr("magnitude_prune", weight, sparsity)


def check_mask(mask, weight, call: str) -> torch.Tensor:
    if not isinstance(mask, torch.Tensor) or mask.dtype != torch.bool:
        raise AssertionError(f"{call}\n  returned {describe(mask)}, expected a bool mask (True = keep)")
    if tuple(mask.shape) != tuple(weight.shape):
        raise AssertionError(f"{call}\n  mask has shape {tuple(mask.shape)}, expected {tuple(weight.shape)}")
    return mask


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "numel, sparsity, pruned",
    [(10, 0.29, 3), (10, 0.5, 5), (7, 0.5, 4), (5, 0.5, 2), (5, 0.3, 2), (100, 0.125, 12), (3, 0.1, 0)],
    ids=["2.9 rounds up", "exact half", "3.5 rounds to 4", "2.5 rounds to 2", "1.5 rounds to 2", "12.5 to 12", "0.3"],
)
def test_prunes_exactly_round_of_sparsity_times_numel(learner, numel, sparsity, pruned):
    weight = randn(numel, numel)
    call = prune_repr(weight, sparsity)
    mask = check_mask(learner.magnitude_prune(weight, sparsity), weight, call)
    assert_equal(int((~mask).sum()), pruned, call=call, what=f"number pruned (round({sparsity} * {numel}))")


@pytest.mark.points(2)
@pytest.mark.parametrize("sparsity", [0.2, 0.5, 0.77, 0.9])
@pytest.mark.parametrize("shape", [(16, 8, 3, 3), (37, 5)], ids=["conv weight", "linear weight"])
def test_prunes_the_smallest_magnitudes_as_torch_prune_does(learner, shape, sparsity):
    seed = 1000 + int(sparsity * 100)
    weight = randn(seed, *shape, dtype=torch.float32)  # distinct magnitudes: no ties
    expected = prune.L1Unstructured(sparsity).compute_mask(weight, default_mask=torch.ones_like(weight)).bool()
    call = prune_repr(weight, sparsity)
    mask = check_mask(learner.magnitude_prune(weight, sparsity), weight, call)
    assert_equal(mask, expected, call=call + " against torch.nn.utils.prune.L1Unstructured", what="mask")


@pytest.mark.points(2)
def test_prunes_by_magnitude_not_by_signed_value(learner):
    weight = torch.tensor([[-5.0, 0.1, 3.0], [-0.2, -4.0, 0.05]])
    call = "magnitude_prune([[-5, 0.1, 3], [-0.2, -4, 0.05]], 0.5)"
    mask = check_mask(learner.magnitude_prune(weight, 0.5), weight, call)
    expected = torch.tensor([[True, False, True], [False, True, False]])
    assert_equal(mask, expected, call=call, what="mask (True = keep)")


@pytest.mark.points(2)
def test_ties_prune_the_smaller_flat_index_first(learner):
    weight = torch.tensor([[1.0, -1.0, 2.0], [1.0, -3.0, -1.0]])
    call = "magnitude_prune([[1, -1, 2], [1, -3, -1]], 0.5)"
    mask = check_mask(learner.magnitude_prune(weight, 0.5), weight, call)
    # Four weights of magnitude 1 at flat indices 0, 1, 3, 5; three are pruned: 0, 1 and 3.
    expected = torch.tensor([[False, False, True], [False, True, True]])
    assert_equal(mask, expected, call=call, what="mask (ties: smaller flat index pruned first)")


@pytest.mark.parametrize("shape", [(40, 25), (3, 30, 7, 7)], ids=["1,000 weights", "4,410 weights"])
def test_many_ties_prune_the_smaller_flat_index_first(learner, shape):
    # Magnitudes from {0.5, 1, 2}: thousands of ties. torch.sort without stable=True, argsort and topk reorder
    # ties at these sizes; the docstring's rule is the flat index, worked out here by a plain Python sort.
    seed = 1050 + len(shape)
    g = torch.Generator().manual_seed(seed)
    weight = torch.tensor([0.5, 1.0, 2.0])[torch.randint(0, 3, shape, generator=g)]
    weight = weight * (torch.randint(0, 2, shape, generator=g) * 2 - 1)  # signs do not matter
    flat = weight.abs().reshape(-1).tolist()
    k = round(0.45 * len(flat))
    expected = torch.ones(len(flat), dtype=torch.bool)
    expected[sorted(range(len(flat)), key=lambda i: (flat[i], i))[:k]] = False
    call = prune_repr(weight, 0.45) + " (magnitudes 0.5, 1 and 2 only)"
    mask = check_mask(learner.magnitude_prune(weight, 0.45), weight, call)
    assert_equal(
        mask.reshape(-1), expected, call=call, seed=seed, what="mask, flattened (ties: smaller flat index first)"
    )


def test_flat_index_follows_the_tensor_as_indexed_not_its_memory(learner):
    weight = torch.tensor([[1.0, 1.0], [1.0, 1.0]]).t()  # non-contiguous: memory order differs
    weight = weight * torch.tensor([[1.0, 1.0], [1.0, 2.0]])
    call = "magnitude_prune(tensor([[1, 1], [1, 2]]) transposed in memory, 0.5)"
    mask = check_mask(learner.magnitude_prune(weight, 0.5), weight, call)
    assert_equal(mask, torch.tensor([[False, False], [True, True]]), call=call, what="mask")
    strided = randn(1100, 9, 8, dtype=torch.float32)[::2, 1::2]
    expected = prune.L1Unstructured(0.4).compute_mask(strided, default_mask=torch.ones_like(strided)).bool()
    mask = check_mask(learner.magnitude_prune(strided, 0.4), strided, prune_repr(strided, 0.4))
    assert_equal(mask, expected, call=prune_repr(strided, 0.4) + " (strided view)", what="mask")


@pytest.mark.parametrize("sparsity, kept", [(0.0, True), (1.0, False), (0, True), (1, False)])
def test_sparsity_zero_keeps_everything_and_one_prunes_everything(learner, sparsity, kept):
    weight = randn(1200, 6, 7, dtype=torch.float32)
    call = prune_repr(weight, sparsity)
    mask = check_mask(learner.magnitude_prune(weight, sparsity), weight, call)
    assert_equal(mask, torch.full((6, 7), kept), call=call, what="mask")


def test_prune_leaves_weight_unchanged(learner):
    weight = randn(1300, 8, 4, dtype=torch.float32)
    before = weight.clone()
    learner.magnitude_prune(weight, 0.5)
    assert_unchanged(before, weight, name="weight", call=prune_repr(weight, 0.5))


@pytest.mark.parametrize(
    "sparsity, exc",
    [(-0.1, ValueError), (1.5, ValueError), ("half", TypeError)],
    ids=["negative", "above one", "a string"],
)
def test_prune_rejects_bad_sparsity(learner, sparsity, exc):
    weight = torch.randn(4, 4)
    assert_raises(
        exc, learner.magnitude_prune, weight, sparsity, match=r"\bsparsity\b", call=prune_repr(weight, sparsity)
    )


@pytest.mark.parametrize(
    "weight", [torch.arange(12).view(3, 4), [[0.5, -1.0], [2.0, 0.1]]], ids=["integer tensor", "nested list"]
)
def test_prune_rejects_weight_that_is_not_floating_point(learner, weight):
    assert_raises(TypeError, learner.magnitude_prune, weight, 0.5, match=r"\bweight\b", call=prune_repr(weight, 0.5))


def test_pruned_conv_still_runs(learner):
    # The mask applies as weight * mask: a pruned convolution gives the output of the masked weights.
    seed = 1400
    weight = randn(seed, 6, 3, 3, 3)
    x = randn(seed + 1, 2, 3, 8, 8)
    call = prune_repr(weight, 0.6)
    mask = check_mask(learner.magnitude_prune(weight, 0.6), weight, call)
    kept = weight * mask
    assert_equal(int((kept == 0).sum()), round(0.6 * weight.numel()), call=call, what="zeros in weight * mask")
    reference = weight.clone()
    reference[weight.abs() <= weight.abs().reshape(-1).kthvalue(round(0.6 * weight.numel())).values] = 0
    assert_close(F.conv2d(x, kept), F.conv2d(x, reference), call=f"conv2d(x, weight * {call})", seed=seed)
