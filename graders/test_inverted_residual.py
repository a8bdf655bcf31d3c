"""Grader for inverted_residual: MobileNetV2's inverted residual block with a linear bottleneck.

Expected values come from ``fixtures/inverted_residual/inverted_residual.pt``, made by torchvision's own
``torchvision.models.mobilenetv2.InvertedResidual`` (its ``generate.py`` regenerates it, and the file records
the torch and torchvision versions): parameter counts, and for a few configurations the block's weights, an
input and torchvision's outputs in eval mode (float64 and float32) and in training mode. The weights are
loaded into the learner's block in the order ``block.modules()`` lists its ``Conv2d`` and ``BatchNorm2d``
layers, as the stub's docstring asks. The rest are invariants: output shapes from the convolution
arithmetic, and the residual seen by zeroing the last BatchNorm (the block becomes the identity when the
residual exists and zero otherwise; a negative bias there must come out negative, since nothing may follow
the projection).

Promises and the tests that hold them:
- same parameters as torchvision's, hidden = Python's round(in * t) (7.5 -> 8, 2.5 -> 2), no conv bias
  -> test_parameter_count_matches_torchvision
- the middle conv is 3x3 depthwise, no expansion at t == 1 -> test_middle_convolution_is_depthwise_3x3
- H_out = (H - 1) // stride + 1, dtype of x -> test_output_shape
- same outputs as torchvision with its weights (layers registered in running order), eval float32/float64
  -> test_same_outputs_as_torchvision_in_eval_mode
- the same in training mode (batch statistics) -> test_same_outputs_as_torchvision_in_training_mode
- residual iff stride == 1 and in == out -> test_residual_exactly_when_stride_1_and_channels_match
- no activation after the projection or the sum -> test_no_activation_after_the_projection
- BatchNorm2d with its defaults (eps 1e-5, momentum 0.1) -> test_batchnorms_keep_their_defaults
- input not modified, train and eval -> test_leaves_input_unchanged
- gradients reach every parameter and x -> test_gradients_reach_every_parameter_and_the_input
- TypeError for non-int channels/stride and non-number ratio (bools too), ValueError for out-of-range values,
  message names the argument -> test_rejects_bad_arguments
"""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from torch import nn

from graders.helpers import (
    assert_close,
    assert_equal,
    assert_raises,
    assert_unchanged,
    call_repr,
    load_conv_bn_layers,
)

FIXTURE = torch.load(
    Path(__file__).parent / "fixtures" / "inverted_residual" / "inverted_residual.pt", weights_only=True
)
CASES = FIXTURE["cases"]
CASE_IDS = ["{}-{} s{} t{}".format(*c["config"]) for c in CASES]
VERSIONS = "torchvision {torchvision}, torch {torch}".format(**FIXTURE["versions"])


def block_repr(c_in, c_out, stride, ratio) -> str:
    return f"InvertedResidual({c_in}, {c_out}, stride={stride}, expand_ratio={ratio})"


def learner_block(learner, case: dict, dtype: torch.dtype) -> nn.Module:
    config = case["config"]
    block = learner.InvertedResidual(*config).to(dtype)
    load_conv_bn_layers(
        block,
        case["layers"],
        call=block_repr(*config),
        order="register the layers in the order they run, as torchvision does",
    )
    return block


def last_batchnorm(block: nn.Module, call: str) -> nn.BatchNorm2d:
    norms = [m for m in block.modules() if isinstance(m, nn.BatchNorm2d)]
    if not norms:
        raise AssertionError(f"{call}\n  has no nn.BatchNorm2d layer; the projection should end with one")
    return norms[-1]


def randn(seed: int, *shape, dtype=torch.float64) -> torch.Tensor:
    return torch.randn(shape, generator=torch.Generator().manual_seed(seed), dtype=dtype)


# --------------------------------------------------------------------------------------- parameters


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "c_in, c_out, stride, ratio, count",
    FIXTURE["param_counts"],
    ids=["{}-{} s{} t{}".format(*c[:4]) for c in FIXTURE["param_counts"]],
)
def test_parameter_count_matches_torchvision(learner, c_in, c_out, stride, ratio, count):
    block = learner.InvertedResidual(c_in, c_out, stride, ratio)
    got = sum(p.numel() for p in block.parameters())
    assert_equal(got, count, call=block_repr(c_in, c_out, stride, ratio), what=f"number of parameters ({VERSIONS})")


@pytest.mark.parametrize("c_in, c_out, ratio", [(16, 24, 6), (8, 8, 1), (5, 5, 1.5)], ids=["t6", "t1", "t1.5"])
def test_middle_convolution_is_depthwise_3x3(learner, c_in, c_out, ratio):
    call = block_repr(c_in, c_out, 1, ratio)
    hidden = int(round(c_in * ratio))
    convs = [m for m in learner.InvertedResidual(c_in, c_out, 1, ratio).modules() if isinstance(m, nn.Conv2d)]
    spatial = [m for m in convs if tuple(m.kernel_size) != (1, 1)]
    if len(spatial) != 1:
        raise AssertionError(f"{call}\n  has {len(spatial)} convolutions larger than 1x1, expected one 3x3 depthwise")
    dw = spatial[0]
    assert_equal(tuple(dw.kernel_size), (3, 3), call=call, what="depthwise kernel_size")
    assert_equal(dw.groups, hidden, call=call, what=f"depthwise groups (hidden = round({c_in} * {ratio}))")
    assert_equal(tuple(dw.weight.shape), (hidden, 1, 3, 3), call=call, what="depthwise weight shape")
    assert_equal(len(convs), 2 if ratio == 1 else 3, call=call, what="number of Conv2d layers (no expansion at t=1)")


# --------------------------------------------------------------------------------------- outputs


@pytest.mark.parametrize(
    "c_in, c_out, stride, ratio, hw",
    [(8, 8, 1, 6, (9, 7)), (8, 16, 2, 6, (9, 7)), (8, 8, 2, 1, (10, 10)), (4, 6, 1, 6, (5, 11)), (3, 3, 2, 4, (1, 2))],
    ids=["same", "s2 odd", "s2 even t1", "wider", "tiny"],
)
def test_output_shape(learner, c_in, c_out, stride, ratio, hw):
    block = learner.InvertedResidual(c_in, c_out, stride, ratio).eval()
    x = randn(3, 2, c_in, *hw, dtype=torch.float32)
    got = block(x)
    expected = (2, c_out, (hw[0] - 1) // stride + 1, (hw[1] - 1) // stride + 1)
    call = block_repr(c_in, c_out, stride, ratio) + f"({call_repr('', x)[1:-1]})"
    assert_equal(tuple(getattr(got, "shape", ())), expected, call=call, what="output shape")
    assert_equal(got.dtype, x.dtype, call=call, what="dtype")


@pytest.mark.points(2)
@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])
def test_same_outputs_as_torchvision_in_eval_mode(learner, case, dtype):
    block = learner_block(learner, case, dtype).eval()
    x = case["x"].to(dtype)
    with torch.no_grad():
        got = block(x)
    expected = case["eval_float32" if dtype == torch.float32 else "eval_float64"]
    call = block_repr(*case["config"]) + f".eval()({call_repr('', x)[1:-1]}) with torchvision's weights"
    assert_close(got, expected, call=call + f" ({VERSIONS})")


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_same_outputs_as_torchvision_in_training_mode(learner, case):
    block = learner_block(learner, case, torch.float64).train()
    x = case["x"].clone()
    got = block(x)
    call = block_repr(*case["config"]) + f".train()({call_repr('', x)[1:-1]}) with torchvision's weights"
    assert_close(got, case["train_float64"], call=call + f" ({VERSIONS})")


# --------------------------------------------------------------------------------------- the residual

RESIDUAL_CONFIGS = [
    (8, 8, 1, 6, True),
    (8, 8, 1, 1, True),
    (8, 12, 1, 6, False),
    (8, 8, 2, 6, False),
    (6, 6, 2, 1, False),
    (12, 8, 1, 6, False),
]
RESIDUAL_IDS = ["8-8 s1 t6", "8-8 s1 t1", "8-12 s1", "8-8 s2", "6-6 s2 t1", "12-8 s1"]


@pytest.mark.points(2)
@pytest.mark.parametrize("c_in, c_out, stride, ratio, residual", RESIDUAL_CONFIGS, ids=RESIDUAL_IDS)
def test_residual_exactly_when_stride_1_and_channels_match(learner, c_in, c_out, stride, ratio, residual):
    call = block_repr(c_in, c_out, stride, ratio)
    block = learner.InvertedResidual(c_in, c_out, stride, ratio).double().eval()
    bn = last_batchnorm(block, call)
    with torch.no_grad():
        bn.weight.zero_()
        bn.bias.zero_()
        x = randn(7, 2, c_in, 6, 5)
        got = block(x)
    h, w = (6 - 1) // stride + 1, (5 - 1) // stride + 1
    expected = x if residual else torch.zeros(2, c_out, h, w, dtype=torch.float64)
    what = "the input itself (the residual)" if residual else "zeros (no residual: the shapes differ)"
    assert_close(
        got, expected, call=f"{call} with the last BatchNorm's weight and bias zeroed", what=f"output, expected {what}"
    )


@pytest.mark.points(2)
@pytest.mark.parametrize("c_in, c_out, stride, ratio, residual", RESIDUAL_CONFIGS[:4], ids=RESIDUAL_IDS[:4])
def test_no_activation_after_the_projection(learner, c_in, c_out, stride, ratio, residual):
    # The last BN outputs exactly its bias, -2.5: a ReLU/ReLU6 after it (or after the sum) would clip it.
    call = block_repr(c_in, c_out, stride, ratio)
    block = learner.InvertedResidual(c_in, c_out, stride, ratio).double().eval()
    bn = last_batchnorm(block, call)
    with torch.no_grad():
        bn.weight.zero_()
        bn.bias.fill_(-2.5)
        x = randn(8, 2, c_in, 6, 5)
        got = block(x)
    h, w = (6 - 1) // stride + 1, (5 - 1) // stride + 1
    expected = x - 2.5 if residual else torch.full((2, c_out, h, w), -2.5, dtype=torch.float64)
    assert_close(
        got,
        expected,
        call=f"{call} with the last BatchNorm's weight 0 and bias -2.5",
        what="output (linear bottleneck)",
    )


# --------------------------------------------------------------------------------------- conventions


@pytest.mark.parametrize("config", [(8, 8, 1, 1), (8, 8, 1, 6)], ids=["t1", "t6"])
@pytest.mark.parametrize("mode", ["train", "eval"])
def test_leaves_input_unchanged(learner, config, mode):
    block = learner.InvertedResidual(*config).train(mode == "train")
    x = randn(9, 2, 8, 5, 5, dtype=torch.float32)
    before = x.clone()
    call = block_repr(*config) + f".{mode}()({call_repr('', x)[1:-1]})"
    with torch.no_grad():
        block(x)
    assert_unchanged(before, x, name="x", call=call)


def test_batchnorms_keep_their_defaults(learner):
    # eps shows in eval outputs only when running_var is small; momentum only in the running statistics.
    call = block_repr(8, 8, 1, 6)
    norms = [m for m in learner.InvertedResidual(8, 8, 1, 6).modules() if isinstance(m, nn.BatchNorm2d)]
    if len(norms) != 3:
        raise AssertionError(f"{call}\n  has {len(norms)} nn.BatchNorm2d layers, expected 3")
    for i, bn in enumerate(norms):
        settings = (bn.eps, bn.momentum, bn.affine, bn.track_running_stats)
        assert_equal(settings, (1e-5, 0.1, True, True), call=call, what=f"BatchNorm {i} (eps, momentum, affine, stats)")


def test_gradients_reach_every_parameter_and_the_input(learner):
    block = learner.InvertedResidual(6, 6, 1, 4).double()
    x = randn(10, 3, 6, 5, 4).requires_grad_(True)
    block(x).square().sum().backward()
    for name, param in block.named_parameters():
        if param.grad is None:
            raise AssertionError(f"{block_repr(6, 6, 1, 4)}: parameter {name} got no gradient")
    if x.grad is None:
        raise AssertionError(f"{block_repr(6, 6, 1, 4)}: the input got no gradient")


@pytest.mark.parametrize(
    "args, exc, match",
    [
        ((8, 8, 3, 6), ValueError, "stride"),
        ((8, 8, 0, 6), ValueError, "stride"),
        ((0, 8, 1, 6), ValueError, "in_channels"),
        ((8, 0, 1, 6), ValueError, "out_channels"),
        ((1, 4, 1, 0.2), ValueError, "expand_ratio"),
        ((8, 8, 1, "6"), TypeError, "expand_ratio"),
        ((8.0, 8, 1, 6), TypeError, "in_channels"),
        ((8, 8, 1.0, 6), TypeError, "stride"),
        ((8, 8, True, 6), TypeError, "stride"),
        ((8, True, 1, 6), TypeError, "out_channels"),
        ((8, 8, 1, True), TypeError, "expand_ratio"),
    ],
    ids=[
        "stride 3",
        "stride 0",
        "in_channels 0",
        "out_channels 0",
        "ratio rounds to 0",
        "ratio a string",
        "float in_channels",
        "float stride",
        "bool stride",
        "bool out_channels",
        "bool ratio",
    ],
)
def test_rejects_bad_arguments(learner, args, exc, match):
    assert_raises(exc, learner.InvertedResidual, *args, match=rf"\b{match}\b", call=block_repr(*args))
