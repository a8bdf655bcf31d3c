"""Grader for squeeze_excitation: the ``SqueezeExcitation`` channel-attention block.

Expected values come from a reference written here that reads the learner's own ``fc1``/``fc2`` weights
(average over H and W, 1x1 convolutions as matrix products, ReLU, the gate written out, scaling), from
hand-set weights whose gate can be worked out by hand, from invariants (one weight per channel over all
positions; samples gated independently), and from ``fixtures/squeeze_excitation/squeeze_excitation.pt``,
made by torchvision's ``torchvision.ops.SqueezeExcitation(C, max(1, C // reduction), scale_activation=...)``
(its ``generate.py`` regenerates it and the file records the versions): parameter counts and outputs for
given weights.

Promises and the tests that hold them:
- fc1/fc2 are 1x1 convs with bias through max(1, C // reduction) channels
  -> test_fc1_and_fc2_are_1x1_convs_through_max_1_channels_over_reduction
- parameter count as torchvision's -> test_parameter_count_matches_torchvision
- reduction 4 and hard_sigmoid by default -> test_defaults_are_reduction_4_and_hard_sigmoid
- squeeze, fc1, ReLU, fc2, gate, scale, float32 and float64 -> test_output_matches_reference_from_its_own_weights
- same outputs as torchvision's SqueezeExcitation -> test_same_outputs_as_torchvision_with_the_same_weights
- hard_sigmoid is relu6(z + 3) / 6 (saturating), sigmoid is 1 / (1 + e^-z) -> test_gate_value_worked_by_hand
- ReLU between fc1 and fc2 -> test_relu_between_fc1_and_fc2
- squeeze is the average (not the max) over H and W -> test_squeeze_is_the_average_over_height_and_width
- one weight per sample and channel, shared by its positions -> test_one_gate_per_channel_shared_by_all_its_positions
- samples gated independently (no pooling over the batch) -> test_samples_are_gated_independently
- output has the input's shape and dtype -> test_output_has_the_input_shape_and_dtype
- input not modified -> test_leaves_input_unchanged
- gradients reach fc1, fc2 and x -> test_gradients_reach_fc1_fc2_and_the_input
- channels/reduction: TypeError (bools too), ValueError below 1, gate one of two names (no callable), message
  names the argument -> test_rejects_bad_arguments
- x not 4-D or with the wrong channels: ValueError naming x and the shape that came
  -> test_rejects_input_with_the_wrong_channel_count
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import torch
from torch import nn

from graders.helpers import assert_close, assert_equal, assert_raises, assert_unchanged, call_repr

FIXTURE = torch.load(
    Path(__file__).parent / "fixtures" / "squeeze_excitation" / "squeeze_excitation.pt", weights_only=True
)
VERSIONS = "torchvision {torchvision}, torch {torch}".format(**FIXTURE["versions"])
GATES = ["hard_sigmoid", "sigmoid"]


def se_repr(channels, reduction=4, gate="hard_sigmoid") -> str:
    return f"SqueezeExcitation({channels}, reduction={reduction}, gate={gate!r})"


def randn(seed: int, *shape, dtype=torch.float64) -> torch.Tensor:
    return torch.randn(shape, generator=torch.Generator().manual_seed(seed), dtype=torch.float64).to(dtype)


def gate_fn(name: str, z: torch.Tensor) -> torch.Tensor:
    if name == "hard_sigmoid":
        return torch.clamp((z + 3) / 6, 0.0, 1.0)
    return 1 / (1 + torch.exp(-z))


def reference(se: nn.Module, x: torch.Tensor, gate: str) -> torch.Tensor:
    """SE written out from the module's own fc1/fc2 weights, in float64."""
    x64 = x.detach().double()
    w1 = se.fc1.weight.detach().double().flatten(1)  # [S, C]
    b1 = se.fc1.bias.detach().double()
    w2 = se.fc2.weight.detach().double().flatten(1)  # [C, S]
    b2 = se.fc2.bias.detach().double()
    pooled = x64.mean(dim=(2, 3))  # [N, C]
    hidden = (pooled @ w1.T + b1).clamp(min=0)
    weights = gate_fn(gate, hidden @ w2.T + b2)  # [N, C]
    return (x64 * weights[:, :, None, None]).to(x.dtype)


def check_convs(se: nn.Module, call: str) -> None:
    for name in ("fc1", "fc2"):
        layer = getattr(se, name, None)
        if not isinstance(layer, nn.Conv2d) or tuple(layer.kernel_size) != (1, 1) or layer.bias is None:
            raise AssertionError(f"{call}\n  .{name} is {type(layer).__name__}, expected a 1x1 nn.Conv2d with a bias")


def set_weights(se: nn.Module, w1: float, b1: float, w2: float, b2: float) -> None:
    with torch.no_grad():
        se.fc1.weight.fill_(w1)
        se.fc1.bias.fill_(b1)
        se.fc2.weight.fill_(w2)
        se.fc2.bias.fill_(b2)


# --------------------------------------------------------------------------------------- structure

SHAPE_CASES = [(16, 4, 4), (64, 4, 16), (10, 4, 2), (3, 4, 1), (7, 16, 1), (96, 6, 16), (1, 1, 1)]


@pytest.mark.points(2)
@pytest.mark.parametrize("channels, reduction, squeezed", SHAPE_CASES, ids=[f"{c}-r{r}" for c, r, _ in SHAPE_CASES])
def test_fc1_and_fc2_are_1x1_convs_through_max_1_channels_over_reduction(learner, channels, reduction, squeezed):
    call = se_repr(channels, reduction)
    se = learner.SqueezeExcitation(channels, reduction)
    check_convs(se, call)
    assert_equal(tuple(se.fc1.weight.shape), (squeezed, channels, 1, 1), call=call, what="fc1.weight shape")
    assert_equal(tuple(se.fc2.weight.shape), (channels, squeezed, 1, 1), call=call, what="fc2.weight shape")


@pytest.mark.parametrize(
    "channels, reduction, count",
    FIXTURE["param_counts"],
    ids=[f"{c}-r{r}" for c, r, _ in FIXTURE["param_counts"]],
)
def test_parameter_count_matches_torchvision(learner, channels, reduction, count):
    se = learner.SqueezeExcitation(channels, reduction)
    got = sum(p.numel() for p in se.parameters())
    assert_equal(got, count, call=se_repr(channels, reduction), what=f"number of parameters ({VERSIONS})")


def test_defaults_are_reduction_4_and_hard_sigmoid(learner):
    se = learner.SqueezeExcitation(16).double()
    call = "SqueezeExcitation(16)"
    check_convs(se, call)
    assert_equal(se.fc1.out_channels, 4, call=call, what="fc1 output channels")
    x = randn(1, 2, 16, 5, 4)
    assert_close(se(x), reference(se, x, "hard_sigmoid"), call=call + "(x) against a hard-sigmoid reference", seed=1)


# --------------------------------------------------------------------------------------- values


@pytest.mark.points(2)
@pytest.mark.parametrize("gate", GATES)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])
def test_output_matches_reference_from_its_own_weights(learner, gate, dtype):
    seed = 20 + GATES.index(gate)
    torch.manual_seed(seed)
    se = learner.SqueezeExcitation(12, 3, gate=gate).to(dtype)
    with torch.no_grad():  # wider biases than the default init, so the ReLU and the gate's ends matter
        se.fc1.bias.copy_(randn(seed, 4, dtype=dtype))
        se.fc2.bias.copy_(randn(seed + 1, 12, dtype=dtype) * 3)
    x = randn(seed + 2, 3, 12, 7, 5, dtype=dtype) + randn(seed + 3, 1, 12, 1, 1, dtype=dtype)
    got = se(x)
    call = se_repr(12, 3, gate) + f"({call_repr('', x)[1:-1]})"
    assert_close(got, reference(se, x, gate), call=call, seed=seed)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "case", FIXTURE["cases"], ids=[f"{c['channels']}-r{c['reduction']}-{c['gate']}" for c in FIXTURE["cases"]]
)
def test_same_outputs_as_torchvision_with_the_same_weights(learner, case):
    se = learner.SqueezeExcitation(case["channels"], case["reduction"], gate=case["gate"]).double()
    call = se_repr(case["channels"], case["reduction"], case["gate"])
    check_convs(se, call)
    with torch.no_grad():
        for key, value in case["state"].items():
            layer, name = key.split(".")
            getattr(getattr(se, layer), name).copy_(value)
    got = se(case["x"])
    assert_close(got, case["out"], call=f"{call}(x) with torchvision's weights ({VERSIONS})")


@pytest.mark.parametrize(
    "gate, b2, expected",
    [
        ("hard_sigmoid", 1.5, 0.75),
        ("sigmoid", 1.5, 1 / (1 + 2.718281828459045**-1.5)),
        ("hard_sigmoid", 10.0, 1.0),
        ("hard_sigmoid", -4.0, 0.0),
        ("sigmoid", 0.0, 0.5),
    ],
    ids=["hard 1.5", "sigmoid 1.5", "hard saturates at 1", "hard saturates at 0", "sigmoid 0"],
)
def test_gate_value_worked_by_hand(learner, gate, b2, expected):
    # fc2's weights are 0, so the gate sees only fc2's bias: out = x * gate(b2)
    se = learner.SqueezeExcitation(8, 4, gate=gate).double()
    set_weights(se, 0.3, 0.1, 0.0, b2)
    x = randn(30, 2, 8, 3, 4)
    call = se_repr(8, 4, gate) + f" with fc2 weights 0 and bias {b2}"
    assert_close(se(x), x * expected, call=call, seed=30)


def test_relu_between_fc1_and_fc2(learner):
    # fc1 outputs -1 everywhere; the ReLU turns that into 0, so fc2 outputs its bias 0 and the gate is 0.5.
    se = learner.SqueezeExcitation(8, 4, gate="sigmoid").double()
    set_weights(se, 0.0, -1.0, 1.0, 0.0)
    x = randn(31, 2, 8, 3, 3)
    call = se_repr(8, 4, "sigmoid") + " with fc1 = -1 (weights 0, bias -1), fc2 weights 1, bias 0"
    assert_close(se(x), x * 0.5, call=call, seed=31)


def test_squeeze_is_the_average_over_height_and_width(learner):
    # One channel, all weights 1, biases 0: the gate is hard_sigmoid(mean(x)); max pooling would give 1.
    se = learner.SqueezeExcitation(1, 1, gate="hard_sigmoid").double()
    set_weights(se, 1.0, 0.0, 1.0, 0.0)
    x = torch.tensor([[[[0.0, 1.0, 2.0], [3.0, 0.5, 1.5]]]], dtype=torch.float64)  # mean 4/3, max 3
    expected = x * ((4 / 3 + 3) / 6)
    assert_close(se(x), expected, call="SqueezeExcitation(1, 1) with all weights 1 on [[0, 1, 2], [3, .5, 1.5]]")


# --------------------------------------------------------------------------------------- invariants


@pytest.mark.points(2)
@pytest.mark.parametrize("gate", GATES)
def test_one_gate_per_channel_shared_by_all_its_positions(learner, gate):
    seed = 40
    torch.manual_seed(seed)
    se = learner.SqueezeExcitation(6, 2, gate=gate).double()
    with torch.no_grad():
        se.fc2.bias.copy_(torch.linspace(-2, 2, 6, dtype=torch.float64))
    x = randn(seed, 2, 6, 5, 7).abs() + 0.5  # no zeros, so out / x is defined everywhere
    out = se(x)
    call = se_repr(6, 2, gate) + f"({call_repr('', x)[1:-1]})"
    ratio = out / x
    per_channel = ratio[:, :, :1, :1].expand_as(ratio)
    assert_close(ratio, per_channel, call=call, seed=seed, what="out / x (one value per sample and channel)")
    # Scaling one channel of the input changes every channel's gate (fc1 mixes channels), but each output
    # channel is still its input channel times a single number.
    x2 = x.clone()
    x2[:, 2] *= 3.0
    ratio2 = se(x2) / x2
    assert_close(
        ratio2, ratio2[:, :, :1, :1].expand_as(ratio2), call=call + " with channel 2 tripled", seed=seed, what="out / x"
    )


def test_samples_are_gated_independently(learner):
    seed = 41
    torch.manual_seed(seed)
    se = learner.SqueezeExcitation(8, 2, gate="sigmoid").double()
    x = randn(seed, 3, 8, 4, 4)
    y = x.clone()
    y[1:] = randn(seed + 1, 2, 8, 4, 4) * 5  # change samples 1 and 2 only
    call = se_repr(8, 2, "sigmoid") + " on two batches that share sample 0"
    assert_close(se(y)[0], se(x)[0], call=call, seed=seed, what="output for sample 0")


@pytest.mark.parametrize("shape", [(1, 5, 1, 1), (4, 5, 3, 8), (2, 5, 9, 2)], ids=["1x1 map", "3x8", "9x2"])
def test_output_has_the_input_shape_and_dtype(learner, shape):
    se = learner.SqueezeExcitation(5, 2)
    x = randn(50, *shape, dtype=torch.float32)
    got = se(x)
    call = se_repr(5, 2) + f"({call_repr('', x)[1:-1]})"
    assert_equal(tuple(getattr(got, "shape", ())), shape, call=call, what="output shape")
    assert_equal(got.dtype, torch.float32, call=call, what="dtype")


def test_leaves_input_unchanged(learner):
    se = learner.SqueezeExcitation(6, 3)
    x = randn(60, 2, 6, 4, 4, dtype=torch.float32)
    before = x.clone()
    call = se_repr(6, 3) + f"({call_repr('', x)[1:-1]})"
    with torch.no_grad():
        se(x)
    assert_unchanged(before, x, name="x", call=call)


def test_gradients_reach_fc1_fc2_and_the_input(learner):
    se = learner.SqueezeExcitation(8, 2, gate="sigmoid").double()
    x = randn(61, 2, 8, 3, 3).requires_grad_(True)
    se(x).square().sum().backward()
    for name in ("fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"):
        layer, attr = name.split(".")
        grad = getattr(getattr(se, layer), attr).grad
        if grad is None or not bool(grad.abs().sum() > 0):
            raise AssertionError(f"{se_repr(8, 2, 'sigmoid')}: {name} got no gradient")
    if x.grad is None:
        raise AssertionError(f"{se_repr(8, 2, 'sigmoid')}: the input got no gradient")


# --------------------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "args, kwargs, exc, match",
    [
        ((8,), {"gate": "relu"}, ValueError, "gate"),
        ((8,), {"gate": "hardsigmoid"}, ValueError, "gate"),
        ((0,), {}, ValueError, "channels"),
        ((8, 0), {}, ValueError, "reduction"),
        ((8.0,), {}, TypeError, "channels"),
        ((8, 2.0), {}, TypeError, "reduction"),
        ((True,), {}, TypeError, "channels"),
        ((8, True), {}, TypeError, "reduction"),
        ((8,), {"gate": torch.sigmoid}, ValueError, "gate"),
    ],
    ids=[
        "gate relu",
        "gate misspelt",
        "channels 0",
        "reduction 0",
        "float channels",
        "float reduction",
        "bool channels",
        "bool reduction",
        "callable gate",
    ],
)
def test_rejects_bad_arguments(learner, args, kwargs, exc, match):
    assert_raises(exc, learner.SqueezeExcitation, *args, match=rf"\b{match}\b", **kwargs)


@pytest.mark.parametrize("shape", [(2, 6, 5, 3), (8, 5, 3)], ids=["6 channels", "3-D"])
def test_rejects_input_with_the_wrong_channel_count(learner, shape):
    # The message names x and reports the shape that came, written any way (list, tuple, torch.Size).
    se = learner.SqueezeExcitation(8)
    call = f"SqueezeExcitation(8)(Tensor{list(shape)})"
    exc = assert_raises(ValueError, se, torch.zeros(shape), match=r"\bx\b", call=call)
    if not re.search(r",\s*".join(str(s) for s in shape), str(exc)):
        raise AssertionError(
            f"{call}\n  raised ValueError({str(exc)!r}), as it should, but the message should report the "
            f"shape that came, {list(shape)}"
        )
