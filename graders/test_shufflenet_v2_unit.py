"""Grader for shufflenet_v2_unit: the ShuffleNet V2 unit (channel split, two branches, channel shuffle).

Expected values come from ``fixtures/shufflenet_v2_unit/shufflenet_v2_unit.pt``, made by torchvision's
``torchvision.models.shufflenetv2.InvertedResidual`` (its ``generate.py`` regenerates it, and the file records
the torch and torchvision versions): parameter counts, and for a few configurations the block's weights, an
input and torchvision's outputs in eval mode (float64 and float32) and in training mode. The weights are
loaded into the learner's block in the order ``block.modules()`` lists its ``Conv2d`` and ``BatchNorm2d``
layers, as the stub's docstring asks. The rest are invariants: output shapes from the convolution
arithmetic; with stride 1, the untouched half of the input found bit for bit on the even output channels;
and the branches' places after the shuffle, seen by setting a branch's last BatchNorm to a constant.

Promises and the tests that hold them:
- same parameters as torchvision's (no conv bias) -> test_parameter_count_matches_torchvision
- 3x3 convolutions are depthwise with the block's stride, no bias -> test_spatial_convolutions_are_depthwise_3x3
- H_out = (H - 1) // stride + 1, dtype of x -> test_output_shape
- same outputs as torchvision with its weights (layers in the documented order), eval float32/float64
  -> test_same_outputs_as_torchvision_in_eval_mode
- the same in training mode -> test_same_outputs_as_torchvision_in_training_mode
- stride 1: the first half lands untouched on the even channels
  -> test_stride_1_passes_first_half_unchanged_to_even_channels
- stride 1: the main branch reads only the second half -> test_stride_1_main_branch_sees_only_the_second_half
- stride 1: untouched half first, shuffle with 2 groups
  -> test_stride_1_output_interleaves_untouched_half_and_main_branch
- stride 2: shortcut first, shuffle with 2 groups -> test_stride_2_output_interleaves_shortcut_and_main_branch
- BatchNorm2d with its defaults (eps 1e-5, momentum 0.1) -> test_batchnorms_keep_their_defaults
- input not modified -> test_leaves_input_unchanged
- gradients reach every parameter and x -> test_gradients_reach_every_parameter_and_the_input
- TypeError for non-int channels or stride (bools too), ValueError for stride, widths below 1 or 2, odd
  out_channels, message names the argument -> test_rejects_bad_arguments
- unequal widths at stride 1: the message names both widths and their values
  -> test_unequal_widths_at_stride_1_are_named_with_their_values
"""

from __future__ import annotations

import re
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
    Path(__file__).parent / "fixtures" / "shufflenet_v2_unit" / "shufflenet_v2_unit.pt", weights_only=True
)
CASES = FIXTURE["cases"]
CASE_IDS = ["{}-{} s{}".format(*c["config"]) for c in CASES]
VERSIONS = "torchvision {torchvision}, torch {torch}".format(**FIXTURE["versions"])


def block_repr(c_in, c_out, stride) -> str:
    return f"ShuffleV2Block({c_in}, {c_out}, stride={stride})"


def learner_block(learner, case: dict, dtype: torch.dtype) -> nn.Module:
    config = case["config"]
    block = learner.ShuffleV2Block(*config).to(dtype)
    load_conv_bn_layers(
        block,
        case["layers"],
        call=block_repr(*config),
        order="shortcut branch first, then the main branch, each in the order it runs",
    )
    return block


def batchnorms(block: nn.Module, count: int, call: str) -> list[nn.BatchNorm2d]:
    norms = [m for m in block.modules() if isinstance(m, nn.BatchNorm2d)]
    if len(norms) != count:
        raise AssertionError(f"{call}\n  has {len(norms)} nn.BatchNorm2d layers, expected {count}")
    return norms


def randn(seed: int, *shape, dtype=torch.float64) -> torch.Tensor:
    return torch.randn(shape, generator=torch.Generator().manual_seed(seed), dtype=dtype)


def interleave(even: torch.Tensor, odd: torch.Tensor) -> torch.Tensor:
    """Channel ``2i`` from ``even[:, i]``, channel ``2i + 1`` from ``odd[:, i]`` (a shuffle with 2 groups)."""
    n, c, h, w = even.shape
    out = torch.empty(n, 2 * c, h, w, dtype=even.dtype)
    out[:, 0::2] = even
    out[:, 1::2] = odd
    return out


# --------------------------------------------------------------------------------------- parameters


@pytest.mark.parametrize(
    "c_in, c_out, stride, count",
    FIXTURE["param_counts"],
    ids=["{}-{} s{}".format(*c[:3]) for c in FIXTURE["param_counts"]],
)
def test_parameter_count_matches_torchvision(learner, c_in, c_out, stride, count):
    block = learner.ShuffleV2Block(c_in, c_out, stride)
    got = sum(p.numel() for p in block.parameters())
    assert_equal(got, count, call=block_repr(c_in, c_out, stride), what=f"number of parameters ({VERSIONS})")


@pytest.mark.parametrize("c_in, c_out, stride", [(8, 8, 1), (6, 10, 2), (3, 4, 2)], ids=["s1", "s2", "s2 odd in"])
def test_spatial_convolutions_are_depthwise_3x3(learner, c_in, c_out, stride):
    call = block_repr(c_in, c_out, stride)
    convs = [m for m in learner.ShuffleV2Block(c_in, c_out, stride).modules() if isinstance(m, nn.Conv2d)]
    spatial = [m for m in convs if tuple(m.kernel_size) != (1, 1)]
    # stride 1: one depthwise conv on the main branch; stride 2: the shortcut's (on the input) comes first
    expected_groups = [c_out // 2] if stride == 1 else [c_in, c_out // 2]
    assert_equal([m.groups for m in spatial], expected_groups, call=call, what="groups of the 3x3 convolutions")
    for m in spatial:
        assert_equal(tuple(m.kernel_size), (3, 3), call=call, what="kernel_size of a depthwise convolution")
        assert_equal(tuple(m.stride), (stride, stride), call=call, what="stride of a depthwise convolution")
    assert_equal(len(convs), 3 if stride == 1 else 5, call=call, what="number of Conv2d layers")
    with_bias = [i for i, m in enumerate(convs) if m.bias is not None]
    assert_equal(with_bias, [], call=call, what="Conv2d layers with a bias (a BatchNorm follows each)")


# --------------------------------------------------------------------------------------- outputs


@pytest.mark.parametrize(
    "c_in, c_out, stride, hw",
    [(8, 8, 1, (9, 7)), (4, 8, 2, (9, 7)), (6, 12, 2, (10, 10)), (3, 10, 2, (5, 11)), (2, 2, 1, (1, 2))],
    ids=["s1", "s2 odd", "s2 even", "s2 widen", "tiny"],
)
def test_output_shape(learner, c_in, c_out, stride, hw):
    block = learner.ShuffleV2Block(c_in, c_out, stride).eval()
    x = randn(3, 2, c_in, *hw, dtype=torch.float32)
    with torch.no_grad():
        got = block(x)
    expected = (2, c_out, (hw[0] - 1) // stride + 1, (hw[1] - 1) // stride + 1)
    call = block_repr(c_in, c_out, stride) + f"({call_repr('', x)[1:-1]})"
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


# --------------------------------------------------------------------------------------- split and shuffle


@pytest.mark.points(2)
@pytest.mark.parametrize("channels", [2, 8, 14])
@pytest.mark.parametrize("mode", ["train", "eval"])
def test_stride_1_passes_first_half_unchanged_to_even_channels(learner, channels, mode):
    # After the shuffle, output channel 2i is input channel i, bit for bit: no arithmetic touches it.
    torch.manual_seed(channels)
    block = learner.ShuffleV2Block(channels, channels, 1).double().train(mode == "train")
    x = randn(20 + channels, 3, channels, 5, 7)
    with torch.no_grad():
        got = block(x)
    call = block_repr(channels, channels, 1) + f".{mode}()({call_repr('', x)[1:-1]})"
    if tuple(getattr(got, "shape", ())) != tuple(x.shape):
        raise AssertionError(
            f"{call}\n  output has shape {tuple(getattr(got, 'shape', ()))}, expected {tuple(x.shape)}"
        )
    assert_equal(
        got[:, 0::2],
        x[:, : channels // 2],
        call=call,
        what="output channels 0, 2, 4, … (expected input channels 0, 1, 2, … of the untouched half, exactly)",
    )


@pytest.mark.parametrize("channels", [4, 10])
def test_stride_1_main_branch_sees_only_the_second_half(learner, channels):
    torch.manual_seed(channels)
    block = learner.ShuffleV2Block(channels, channels, 1).double().eval()
    x = randn(31, 2, channels, 6, 5)
    changed = x.clone()
    changed[:, : channels // 2] += randn(32, 2, channels // 2, 6, 5)
    with torch.no_grad():
        got, again = block(x), block(changed)
    call = block_repr(channels, channels, 1) + ".eval()"
    assert_close(
        again[:, 1::2],
        got[:, 1::2],
        call=f"{call} on x and on x with its first half changed",
        what="odd output channels (the main branch must read only the second half of the channels)",
    )


@pytest.mark.points(2)
@pytest.mark.parametrize("channels", [6, 12])
def test_stride_1_output_interleaves_untouched_half_and_main_branch(learner, channels):
    # The main branch's last BN outputs exactly its bias (weight 0), which the final ReLU keeps.
    call = block_repr(channels, channels, 1)
    block = learner.ShuffleV2Block(channels, channels, 1).double().eval()
    bias = torch.arange(1, channels // 2 + 1, dtype=torch.float64) * 0.5
    with torch.no_grad():
        last = batchnorms(block, 3, call)[-1]
        last.weight.zero_()
        last.bias.copy_(bias)
        x = randn(40, 2, channels, 4, 3)
        got = block(x)
    expected = interleave(x[:, : channels // 2], bias.view(1, -1, 1, 1).expand(2, -1, 4, 3))
    assert_close(
        got,
        expected,
        call=f"{call}.eval() with the main branch's last BatchNorm giving 0.5, 1.0, 1.5, …",
        what="output (channel 2i: input channel i; channel 2i+1: main branch channel i)",
    )


@pytest.mark.points(2)
@pytest.mark.parametrize("c_in, c_out", [(4, 8), (5, 12)])
def test_stride_2_output_interleaves_shortcut_and_main_branch(learner, c_in, c_out):
    # Shortcut's last BN -> constant a_i, main branch's last BN -> constant b_i; both pass the ReLU.
    call = block_repr(c_in, c_out, 2)
    block = learner.ShuffleV2Block(c_in, c_out, 2).double().eval()
    half = c_out // 2
    a = torch.arange(1, half + 1, dtype=torch.float64)
    b = -torch.arange(1, half + 1, dtype=torch.float64) * 0.25 + 10
    with torch.no_grad():
        norms = batchnorms(block, 5, call)
        for bn, value in ((norms[1], a), (norms[-1], b)):
            bn.weight.zero_()
            bn.bias.copy_(value)
        x = randn(41, 2, c_in, 7, 6)
        got = block(x)
    shape = (2, half, 4, 3)
    expected = interleave(a.view(1, -1, 1, 1).expand(shape), b.view(1, -1, 1, 1).expand(shape))
    assert_close(
        got,
        expected,
        call=f"{call}.eval() with the shortcut's last BatchNorm giving 1, 2, 3, … and the main branch's "
        f"giving 9.75, 9.5, …",
        what="output (channel 2i: shortcut channel i; channel 2i+1: main branch channel i)",
    )


# --------------------------------------------------------------------------------------- conventions


@pytest.mark.parametrize("config", [(8, 8, 1), (4, 8, 2)], ids=["s1", "s2"])
@pytest.mark.parametrize("mode", ["train", "eval"])
def test_leaves_input_unchanged(learner, config, mode):
    block = learner.ShuffleV2Block(*config).train(mode == "train")
    x = randn(9, 2, config[0], 5, 5, dtype=torch.float32)
    before = x.clone()
    call = block_repr(*config) + f".{mode}()({call_repr('', x)[1:-1]})"
    with torch.no_grad():
        block(x)
    assert_unchanged(before, x, name="x", call=call)


@pytest.mark.parametrize("config", [(8, 8, 1), (4, 8, 2)], ids=["s1", "s2"])
def test_batchnorms_keep_their_defaults(learner, config):
    # momentum shows only in the running statistics, and eps barely in the outputs: look at the layers.
    call = block_repr(*config)
    norms = batchnorms(learner.ShuffleV2Block(*config), 3 if config[2] == 1 else 5, call)
    for i, bn in enumerate(norms):
        settings = (bn.eps, bn.momentum, bn.affine, bn.track_running_stats)
        assert_equal(settings, (1e-5, 0.1, True, True), call=call, what=f"BatchNorm {i} (eps, momentum, affine, stats)")


@pytest.mark.parametrize("config", [(6, 6, 1), (3, 8, 2)], ids=["s1", "s2"])
def test_gradients_reach_every_parameter_and_the_input(learner, config):
    block = learner.ShuffleV2Block(*config).double()
    x = randn(10, 3, config[0], 5, 4).requires_grad_(True)
    block(x).square().sum().backward()
    for name, param in block.named_parameters():
        if param.grad is None:
            raise AssertionError(f"{block_repr(*config)}: parameter {name} got no gradient")
    if x.grad is None:
        raise AssertionError(f"{block_repr(*config)}: the input got no gradient")


@pytest.mark.parametrize(
    "args, exc, match",
    [
        ((8, 8, 3), ValueError, "stride"),
        ((8, 8, 0), ValueError, "stride"),
        ((8, 16, 1), ValueError, "in_channels"),
        ((8, 7, 2), ValueError, "out_channels"),
        ((7, 7, 1), ValueError, "out_channels"),
        ((0, 8, 2), ValueError, "in_channels"),
        ((8, 8.0, 1), TypeError, "out_channels"),
        ((4, 0, 2), ValueError, "out_channels"),
        ((8, 8, 1.0), TypeError, "stride"),
        ((8, 8, True), TypeError, "stride"),
        ((True, 2, 2), TypeError, "in_channels"),
    ],
    ids=[
        "stride 3",
        "stride 0",
        "s1 widening",
        "odd out",
        "odd s1",
        "in 0",
        "float channels",
        "out 0",
        "float stride",
        "bool stride",
        "bool in_channels",
    ],
)
def test_rejects_bad_arguments(learner, args, exc, match):
    assert_raises(exc, learner.ShuffleV2Block, *args, match=rf"\b{match}\b", call=block_repr(*args))


@pytest.mark.parametrize("c_in, c_out", [(8, 16), (12, 6)])
def test_unequal_widths_at_stride_1_are_named_with_their_values(learner, c_in, c_out):
    call = block_repr(c_in, c_out, 1)
    exc = assert_raises(ValueError, learner.ShuffleV2Block, c_in, c_out, 1, match=r"\bin_channels\b", call=call)
    message = str(exc)
    for what, pattern in (
        ("out_channels", r"\bout_channels\b"),
        (f"in_channels' value {c_in}", rf"(?<![\d.]){c_in}(?![\d.])"),
        (f"out_channels' value {c_out}", rf"(?<![\d.]){c_out}(?![\d.])"),
    ):
        if not re.search(pattern, message):
            raise AssertionError(
                f"{call}\n  raised ValueError({message!r}), as it should, but the message should name {what}"
            )
