"""Grader for fpn: a feature pyramid network (lateral 1x1, nearest top-down upsampling, 3x3 output convs).

Expected values come from ``fixtures/fpn/fpn.pt``, made by ``torchvision.ops.FeaturePyramidNetwork`` (its
``generate.py`` regenerates it, and the file records the torch and torchvision versions): parameter counts,
and for a few configurations torchvision's weights, inputs and outputs. torchvision's parameter names carry an
extra ``.0`` (its convolutions sit inside ``Conv2dNormActivation``), so ``inner_blocks.{i}.0.weight`` is loaded
as the learner's ``inner_blocks.{i}.weight``, as the stub's docstring says. The rest are built from PyTorch's
own ``F.interpolate(..., size=..., mode="nearest")``: with identity laterals and output convs the pyramid is
``out_i = x_i + nearest(out_{i+1})``, on sizes that do not halve exactly.

Promises and the tests that hold them:
- parameter count as torchvision's -> test_parameter_count_matches_torchvision
- inner_blocks 1x1 and layer_blocks 3x3 padding 1, with bias -> test_blocks_are_1x1_laterals_and_3x3_output_convs
- exactly torchvision's parameters, renamed (load_state_dict) -> learner_fpn() in every torchvision test
- each level at its input's size, highest resolution first, dtype kept
  -> test_outputs_have_input_sizes_highest_resolution_first
- same outputs as torchvision with its weights -> test_same_outputs_as_torchvision
- nearest upsampling to the exact lateral size -> test_top_down_upsamples_nearest_to_the_exact_lateral_size
- the top-down path carries the sums -> test_top_down_path_carries_the_sums_not_the_smoothed_outputs
- no bottom-up information into the coarsest level -> test_coarsest_level_is_its_lateral_through_the_output_conv
- a dict is read in its key order and gives a dict with the same keys in order
  -> test_accepts_a_dict_and_keeps_its_keys_in_order
- a tuple is accepted, the result is a list -> test_accepts_a_tuple_and_returns_a_list
- any strides -> test_accepts_non_contiguous_inputs
- inputs not modified -> test_leaves_inputs_unchanged
- gradients reach every parameter and input -> test_gradients_reach_every_parameter_and_every_input
- ValueError for too few/too many maps, wrong channels, non-4-D maps, naming features and what came
  -> test_rejects_features_that_do_not_fit
- TypeError for a single tensor or a non-tensor map, naming features -> test_rejects_features_that_are_not_tensors
- constructor: TypeError/ValueError naming the argument, bools refused -> test_rejects_bad_arguments
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch import nn

from graders.helpers import assert_close, assert_equal, assert_raises, assert_unchanged, describe

FIXTURE = torch.load(Path(__file__).parent / "fixtures" / "fpn" / "fpn.pt", weights_only=True)
CASES = FIXTURE["cases"]
CASE_IDS = ["{}->{}".format("-".join(map(str, c["in_channels_list"])), c["out_channels"]) for c in CASES]
VERSIONS = "torchvision {torchvision}, torch {torch}".format(**FIXTURE["versions"])


def fpn_repr(in_list, out) -> str:
    return f"FPN({list(in_list)}, {out})"


def features_repr(features) -> str:
    return "[" + ", ".join(describe(f) for f in features) + "]"


def randn(seed: int, *shape, dtype=torch.float64) -> torch.Tensor:
    return torch.randn(shape, generator=torch.Generator().manual_seed(seed), dtype=dtype)


def learner_fpn(learner, case: dict, dtype: torch.dtype) -> nn.Module:
    """The learner's FPN with torchvision's weights, ``inner_blocks.{i}.0.weight`` -> ``inner_blocks.{i}.weight``."""
    call = fpn_repr(case["in_channels_list"], case["out_channels"])
    fpn = learner.FPN(case["in_channels_list"], case["out_channels"]).to(dtype)
    renamed = {k.replace(".0.", "."): v.to(dtype) for k, v in case["state_dict"].items()}
    mine = set(fpn.state_dict())
    if mine != set(renamed):
        missing, extra = sorted(set(renamed) - mine), sorted(mine - set(renamed))
        raise AssertionError(
            f"{call}\n  cannot take torchvision's weights: its parameters should be exactly "
            f"inner_blocks.{{i}}.weight/bias and layer_blocks.{{i}}.weight/bias\n"
            f"  missing: {missing[:4]}{' …' if len(missing) > 4 else ''}\n"
            f"  unexpected: {extra[:4]}{' …' if len(extra) > 4 else ''}"
        )
    for name, value in fpn.state_dict().items():
        if tuple(value.shape) != tuple(renamed[name].shape):
            raise AssertionError(
                f"{call}\n  {name} has shape {tuple(value.shape)}, torchvision's has {tuple(renamed[name].shape)}"
            )
    fpn.load_state_dict(renamed)
    return fpn


def make_identity(fpn: nn.Module, channels: int, call: str, output_gain: float = 1.0) -> None:
    """Laterals copy their input (in == out channels), output convs multiply by ``output_gain``; no biases."""
    with torch.no_grad():
        for block in fpn.inner_blocks:
            if tuple(block.weight.shape) != (channels, channels, 1, 1):
                raise AssertionError(f"{call}\n  inner_blocks weight has shape {tuple(block.weight.shape)}")
            block.weight.copy_(torch.eye(channels).view(channels, channels, 1, 1))
            block.bias.zero_()
        for block in fpn.layer_blocks:
            if tuple(block.weight.shape) != (channels, channels, 3, 3):
                raise AssertionError(f"{call}\n  layer_blocks weight has shape {tuple(block.weight.shape)}")
            block.weight.zero_()
            block.weight[:, :, 1, 1] = torch.eye(channels) * output_gain
            block.bias.zero_()


def nearest_pyramid(features: list[torch.Tensor], output_gain: float = 1.0) -> list[torch.Tensor]:
    """Reference for identity laterals: sums carried top-down, outputs scaled by ``output_gain``."""
    inner = features[-1]
    out = [inner * output_gain]
    for x in reversed(features[:-1]):
        inner = x + F.interpolate(inner, size=x.shape[-2:], mode="nearest")
        out.append(inner * output_gain)
    return out[::-1]


def check_list(got, expected: list[torch.Tensor], call: str) -> None:
    if not isinstance(got, (list, tuple)) or len(got) != len(expected):
        raise AssertionError(f"{call}\n  returned {describe(got)}, expected a list of {len(expected)} tensors")
    for i, (g, e) in enumerate(zip(got, expected, strict=True)):
        assert_close(g, e, call=call, what=f"level {i} (highest resolution first)")


# --------------------------------------------------------------------------------------- structure


@pytest.mark.parametrize(
    "in_list, out, count",
    FIXTURE["param_counts"],
    ids=["{}->{}".format("-".join(map(str, c[0])), c[1]) for c in FIXTURE["param_counts"]],
)
def test_parameter_count_matches_torchvision(learner, in_list, out, count):
    fpn = learner.FPN(in_list, out)
    got = sum(p.numel() for p in fpn.parameters())
    assert_equal(got, count, call=fpn_repr(in_list, out), what=f"number of parameters ({VERSIONS})")


def test_blocks_are_1x1_laterals_and_3x3_output_convs(learner):
    in_list, out = [3, 8, 5], 6
    call = fpn_repr(in_list, out)
    fpn = learner.FPN(in_list, out)
    assert_equal(len(fpn.inner_blocks), 3, call=call, what="len(inner_blocks)")
    assert_equal(len(fpn.layer_blocks), 3, call=call, what="len(layer_blocks)")
    for i, c in enumerate(in_list):
        inner, layer = fpn.inner_blocks[i], fpn.layer_blocks[i]
        for name, block in ((f"inner_blocks[{i}]", inner), (f"layer_blocks[{i}]", layer)):
            if not isinstance(block, nn.Conv2d):
                raise AssertionError(f"{call}\n  {name} is {type(block).__name__}, expected nn.Conv2d")
            if block.bias is None:
                raise AssertionError(f"{call}\n  {name} has no bias, expected one (as torchvision's)")
        assert_equal(tuple(inner.weight.shape), (out, c, 1, 1), call=call, what=f"inner_blocks[{i}].weight shape")
        assert_equal(tuple(layer.weight.shape), (out, out, 3, 3), call=call, what=f"layer_blocks[{i}].weight shape")
        assert_equal(tuple(layer.padding), (1, 1), call=call, what=f"layer_blocks[{i}].padding (keep the size)")


# --------------------------------------------------------------------------------------- outputs


@pytest.mark.parametrize(
    "in_list, sizes",
    [
        ([3, 5, 7], [(13, 11), (7, 6), (4, 3)]),
        ([4, 4], [(16, 12), (8, 6)]),
        ([2, 3, 4, 5], [(25, 19), (13, 10), (7, 5), (4, 3)]),
        ([6], [(5, 9)]),
    ],
    ids=["odd", "even", "four levels", "one level"],
)
def test_outputs_have_input_sizes_highest_resolution_first(learner, in_list, sizes):
    fpn = learner.FPN(in_list, 4)
    features = [
        randn(i, 2, c, h, w, dtype=torch.float32) for i, (c, (h, w)) in enumerate(zip(in_list, sizes, strict=True))
    ]
    call = f"{fpn_repr(in_list, 4)}({features_repr(features)})"
    with torch.no_grad():
        got = fpn(features)
    if not isinstance(got, (list, tuple)):
        raise AssertionError(f"{call}\n  returned {describe(got)}, expected a list of {len(sizes)} tensors")
    shapes = [tuple(getattr(g, "shape", ())) for g in got]
    assert_equal(shapes, [(2, 4, h, w) for h, w in sizes], call=call, what="output shapes")
    assert_equal([g.dtype for g in got], [torch.float32] * len(sizes), call=call, what="dtypes")


@pytest.mark.points(2)
@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])
def test_same_outputs_as_torchvision(learner, case, dtype):
    fpn = learner_fpn(learner, case, dtype)
    features = [f.to(dtype) for f in case["features"]]
    call = fpn_repr(case["in_channels_list"], case["out_channels"])
    call += f"({features_repr(features)}) with torchvision's weights ({VERSIONS})"
    with torch.no_grad():
        got = fpn(features)
    check_list(got, case["out_float32" if dtype == torch.float32 else "out_float64"], call)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "sizes",
    [[(13, 11), (7, 6), (4, 3)], [(9, 9), (3, 3)], [(10, 7), (5, 4), (3, 2), (1, 1)], [(6, 5), (6, 5)]],
    ids=["13-7-4", "ratio 3", "down to 1x1", "same size"],
)
def test_top_down_upsamples_nearest_to_the_exact_lateral_size(learner, sizes):
    channels = 3
    call = fpn_repr([channels] * len(sizes), channels)
    fpn = learner.FPN([channels] * len(sizes), channels).double()
    make_identity(fpn, channels, call)
    features = [randn(50 + i, 2, channels, h, w) for i, (h, w) in enumerate(sizes)]
    with torch.no_grad():
        got = fpn(features)
    check_list(
        got,
        nearest_pyramid(features),
        f"{call}({features_repr(features)}) with identity laterals and output convs "
        f"(expected x_i + F.interpolate(sum_(i+1), size=x_i.shape[-2:], mode='nearest'))",
    )


@pytest.mark.points(2)
def test_top_down_path_carries_the_sums_not_the_smoothed_outputs(learner):
    # Output convs that double their input: the outputs are 2 * sum_i, while the top-down path must
    # carry sum_i itself (carrying the outputs would give x_i + 2 * nearest(...)).
    channels, sizes = 2, [(11, 8), (6, 4), (3, 2)]
    call = fpn_repr([channels] * 3, channels)
    fpn = learner.FPN([channels] * 3, channels).double()
    make_identity(fpn, channels, call, output_gain=2.0)
    features = [randn(60 + i, 2, channels, h, w) for i, (h, w) in enumerate(sizes)]
    with torch.no_grad():
        got = fpn(features)
    check_list(
        got, nearest_pyramid(features, output_gain=2.0), f"{call} with identity laterals and output convs that double"
    )


def test_coarsest_level_is_its_lateral_through_the_output_conv(learner):
    # Changing only the finer maps must leave the coarsest output as it was: no bottom-up information.
    case = CASES[0]
    fpn = learner_fpn(learner, case, torch.float64)
    features = [f.clone() for f in case["features"]]
    changed = [features[0] + 1.0, features[1] - 2.0, features[2]]
    with torch.no_grad():
        got = fpn(changed)
    call = fpn_repr(case["in_channels_list"], case["out_channels"]) + " with the two finer maps changed"
    if not isinstance(got, (list, tuple)) or len(got) != 3:
        raise AssertionError(f"{call}\n  returned {describe(got)}, expected a list of 3 tensors")
    assert_close(got[-1], case["out_float64"][-1], call=call, what="coarsest level")


@pytest.mark.parametrize("keys", [["c2", "c3", "c4"], ["fine", "mid", "coarse"]], ids=["sorted keys", "unsorted keys"])
def test_accepts_a_dict_and_keeps_its_keys_in_order(learner, keys):
    # "fine", "mid", "coarse" is the insertion order and not the sorted one: the dict's order is the levels'.
    case = CASES[0]
    fpn = learner_fpn(learner, case, torch.float64)
    features = dict(zip(keys, case["features"], strict=True))
    with torch.no_grad():
        got = fpn(features)
    call = fpn_repr(case["in_channels_list"], case["out_channels"]) + "({" + ", ".join(f"{k!r}: …" for k in keys) + "})"
    if not isinstance(got, dict):
        raise AssertionError(f"{call}\n  returned {describe(got)}, expected a dict with the same keys")
    assert_equal(list(got), keys, call=call, what="keys")
    check_list(list(got.values()), case["out_float64"], call)


def test_accepts_a_tuple_and_returns_a_list(learner):
    case = CASES[0]
    fpn = learner_fpn(learner, case, torch.float64)
    features = tuple(case["features"])
    with torch.no_grad():
        got = fpn(features)
    call = fpn_repr(case["in_channels_list"], case["out_channels"]) + f"(a tuple {features_repr(features)[1:-1]})"
    if not isinstance(got, list):
        raise AssertionError(f"{call}\n  returned {describe(got)} ({type(got).__name__}), expected a list")
    check_list(got, case["out_float64"], call)


def test_accepts_non_contiguous_inputs(learner):
    case = CASES[1]
    fpn = learner_fpn(learner, case, torch.float64)
    features = [f.contiguous(memory_format=torch.channels_last) for f in case["features"]]
    features[0] = features[0].transpose(2, 3).contiguous().transpose(2, 3)
    with torch.no_grad():
        got = fpn(features)
    call = fpn_repr(case["in_channels_list"], case["out_channels"]) + " on channels-last / transposed maps"
    check_list(got, case["out_float64"], call)


# --------------------------------------------------------------------------------------- conventions


def test_leaves_inputs_unchanged(learner):
    fpn = learner.FPN([3, 4, 5], 4)
    features = [
        randn(70 + i, 2, c, h, w, dtype=torch.float32) for i, (c, h, w) in enumerate([(3, 9, 7), (4, 5, 4), (5, 3, 2)])
    ]
    before = [f.clone() for f in features]
    call = f"{fpn_repr([3, 4, 5], 4)}({features_repr(features)})"
    with torch.no_grad():
        fpn(features)
    for i, (b, f) in enumerate(zip(before, features, strict=True)):
        assert_unchanged(b, f, name=f"features[{i}]", call=call)


def test_gradients_reach_every_parameter_and_every_input(learner):
    fpn = learner.FPN([2, 3, 4], 3).double()
    features = [
        randn(80 + i, 2, c, h, w).requires_grad_(True) for i, (c, h, w) in enumerate([(2, 9, 7), (3, 5, 4), (4, 3, 2)])
    ]
    out = fpn(features)
    sum(o.square().sum() for o in out).backward()
    call = fpn_repr([2, 3, 4], 3)
    for name, param in fpn.named_parameters():
        if param.grad is None:
            raise AssertionError(f"{call}: parameter {name} got no gradient")
    for i, f in enumerate(features):
        if f.grad is None:
            raise AssertionError(f"{call}: features[{i}] got no gradient")


@pytest.mark.parametrize(
    "shapes, what, reported",
    [
        ([(2, 3, 8, 8), (2, 4, 4, 4)], "the number of maps", r"(?<![\d.])2(?![\d.])"),
        ([(2, 3, 8, 8), (2, 4, 4, 4), (2, 5, 2, 2), (2, 6, 1, 1)], "the number of maps", r"(?<![\d.])4(?![\d.])"),
        ([(2, 3, 8, 8), (2, 7, 4, 4), (2, 5, 2, 2)], "the shape [2, 7, 4, 4]", r"2,\s*7,\s*4,\s*4"),
        ([(2, 3, 8, 8), (2, 4, 4, 4), (4, 5, 2)], "the shape [4, 5, 2]", r"4,\s*5,\s*2"),
    ],
    ids=["too few maps", "too many maps", "wrong channels", "three-dimensional map"],
)
def test_rejects_features_that_do_not_fit(learner, shapes, what, reported):
    fpn = learner.FPN([3, 4, 5], 2)
    features = [torch.zeros(s) for s in shapes]
    call = f"{fpn_repr([3, 4, 5], 2)}({features_repr(features)})"
    exc = assert_raises(ValueError, fpn, features, match=r"\bfeatures\b", call=call)
    if not re.search(reported, str(exc)):
        raise AssertionError(
            f"{call}\n  raised ValueError({str(exc)!r}), as it should, but the message should report {what}"
        )


@pytest.mark.parametrize("kind", ["a single tensor", "an array in the list"])
def test_rejects_features_that_are_not_tensors(learner, kind):
    fpn = learner.FPN([3, 4], 2)
    if kind == "a single tensor":
        features = torch.zeros(2, 3, 8, 8)
    else:
        features = [torch.zeros(2, 3, 8, 8), np.zeros((2, 4, 4, 4), dtype=np.float32)]
    call = f"{fpn_repr([3, 4], 2)}({kind})"
    assert_raises(TypeError, fpn, features, match=r"\bfeatures\b", call=call)


@pytest.mark.parametrize(
    "args, exc, match",
    [
        (([], 4), ValueError, "in_channels_list"),
        (([3, 0], 4), ValueError, "in_channels_list"),
        (([3, 4], 0), ValueError, "out_channels"),
        (([3, 4], 2.5), TypeError, "out_channels"),
        (([3, 4], True), TypeError, "out_channels"),
        ((8, 4), TypeError, "in_channels_list"),
        (([3, 4.0], 4), TypeError, "in_channels_list"),
        (([3, True], 4), TypeError, "in_channels_list"),
    ],
    ids=[
        "no levels",
        "zero channels",
        "out 0",
        "out a float",
        "out a bool",
        "list an int",
        "float in list",
        "bool in list",
    ],
)
def test_rejects_bad_arguments(learner, args, exc, match):
    call = f"FPN({args[0]!r}, {args[1]!r})"
    assert_raises(exc, learner.FPN, *args, match=rf"\b{match}\b", call=call)
