"""Grader for nan_hunting: stable logsumexp / log_softmax by hand, and locating NaN/inf in a model.

Expected values come from ``torch.logsumexp`` and ``F.log_softmax`` (values and autograd gradients),
from models built here whose first non-finite output appears in a known layer (log of a negative or of 0,
division by 0, exp overflow in float32, overflow of float16), and from a plain scan of
``named_parameters()`` for the gradients.

Promises and the tests that hold them:
stable_logsumexp
- torch.logsumexp's values, any dim (negative too), float32 and float64 -> test_logsumexp_matches_torch
- finite and exact at ±1e4 -> test_logsumexp_is_finite_and_exact_for_logits_of_1e4
- -inf for an all -inf slice, inf where the slice holds inf -> test_logsumexp_of_infinite_slices_matches_torch
- differentiable, gradient softmax (at ±1e4 too) -> test_logsumexp_gradients_match_torch
- strided input; input not modified -> test_logsumexp_accepts_non_contiguous_input,
  test_logsumexp_leaves_input_unchanged
stable_log_softmax
- F.log_softmax's values, default dim the last -> test_log_softmax_matches_functional,
  test_log_softmax_default_dim_is_the_last
- finite and as accurate as the built-in at ±1e4 (no x - logsumexp in float32)
  -> test_log_softmax_is_finite_and_exact_for_logits_of_1e4
- finite gradients equal to the built-in's -> test_log_softmax_gradients_match_functional
- input not modified -> test_log_softmax_leaves_input_unchanged
both
- same dtype, float16 and bfloat16 included -> the value tests, test_stable_functions_keep_half_precision_dtype
- TypeError naming x -> test_stable_functions_reject_integer_tensors
- IndexError for a dim out of range -> test_stable_functions_reject_a_dim_out_of_range
- by hand: no logsumexp, logcumsumexp or log_softmax, by any route -> test_stable_functions_are_written_by_hand
first_nonfinite_module
- the first leaf in execution order, named as named_modules() does -> test_names_a_log_of_a_negative_in_a_nested_block,
  test_names_a_division_by_zero, test_names_an_exp_that_overflows_float32, test_names_a_float16_layer_that_overflows,
  test_follows_execution_order_not_registration_order
- tensors inside tuples, lists and dicts -> test_looks_inside_tuple_outputs, test_looks_inside_dict_and_list_outputs
- else the first container to return, "" for the model -> test_names_the_model_when_no_leaf_output_is_nonfinite,
  test_names_the_innermost_container_when_no_leaf_output_is_nonfinite
- None when all is finite -> test_returns_none_when_everything_is_finite
- called once, under no_grad, in its own train/eval mode -> test_runs_the_model_once_in_the_mode_it_is_in,
  test_runs_the_model_under_no_grad
- its hooks removed, the model's own kept, also when the forward raises (which propagates)
  -> test_removes_its_hooks_and_keeps_the_models_own, test_removes_its_hooks_when_the_forward_raises
- TypeError naming model -> test_rejects_a_non_module
nonfinite_grads
- names in named_parameters() order, None grads left out, a list -> test_nonfinite_grads_lists_names_in_parameter_order
- gradients left as they are -> test_nonfinite_grads_after_a_real_backward
- empty list when finite or missing -> test_nonfinite_grads_is_empty_when_all_finite_or_missing
- TypeError naming model -> test_nonfinite_grads_rejects_a_non_module
Not tested: the device (no second device on the grading machines).
"""

from __future__ import annotations

from collections import OrderedDict

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

DTYPES = pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])
BIG = 1e4


def random_logits(shape, seed, dtype=torch.float32, scale=3.0):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(shape, generator=g, dtype=torch.float64) * scale).to(dtype)


def huge_logits(seed, dtype=torch.float32):
    """Rows of logits at ±1e4 (plus small noise): exp() overflows, softmax underflows to exactly 0."""
    g = torch.Generator().manual_seed(seed)
    signs = torch.where(torch.rand(5, 7, generator=g) < 0.5, -1.0, 1.0).to(torch.float64)
    x = signs * BIG + torch.randn(5, 7, generator=g, dtype=torch.float64)
    x[0] = BIG  # a row of equal huge values
    x[1] = -BIG  # a row of equal hugely negative values
    return x.to(dtype)


# ------------------------------------------------------------------------------------------- models


class Log(nn.Module):
    def forward(self, x):
        return torch.log(x)


class Reciprocal(nn.Module):
    def forward(self, x):
        return 1.0 / x


class Exp(nn.Module):
    def forward(self, x):
        return torch.exp(x)


class Block(nn.Module):
    """A residual-style block with named children, nested inside containers."""

    def __init__(self, width, act):
        super().__init__()
        self.fc = nn.Linear(width, width)
        self.act = act

    def forward(self, x):
        return self.act(self.fc(x)) + x


class RunsInOtherOrder(nn.Module):
    """``head`` is registered before ``backbone`` but runs after it: named_modules order != execution order."""

    def __init__(self):
        super().__init__()
        self.head = nn.Linear(3, 2)
        self.backbone = nn.Sequential(nn.Linear(3, 3), nn.ReLU(), Reciprocal())

    def forward(self, x):
        return self.head(self.backbone(x))


class TupleOut(nn.Module):
    def forward(self, x):
        return x, 1.0 / (x - x)  # the second output is inf (1 / 0)


class FunctionalLogAtTheEnd(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 3)

    def forward(self, x):
        return torch.log(self.fc(x) - 100.0)  # every leaf output is finite; the model's own output is not


class Boom(Exception):
    pass


class RaisesMidway(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Linear(3, 3), nn.ReLU())
        self.head = nn.Linear(3, 1)
        self.calls = 0

    def forward(self, x):
        self.calls += 1
        self.stem(x)
        raise Boom("forward failed halfway")


def seeded(model, seed):
    torch.manual_seed(seed)
    for p in model.parameters():
        with torch.no_grad():
            p.copy_(torch.randn(p.shape, dtype=p.dtype))
    return model


def log_of_negative_model():
    model = nn.Sequential(
        OrderedDict(
            stem=nn.Linear(4, 6),
            body=nn.ModuleDict({"down": nn.ModuleList([Block(6, nn.Tanh()), Block(6, Log())])}),
            head=nn.Linear(6, 2),
        )
    )

    def forward(x):  # Sequential cannot call a ModuleDict; walk it explicitly
        x = model.stem(x)
        for block in model.body["down"]:
            x = block(x)
        return model.head(x)

    model.forward = forward
    return seeded(model, 7)


def hook_state(model):
    """Every hook dictionary a learner might have touched, module by module, plus the global ones."""
    state = {}
    for name, m in model.named_modules():
        for attr in ("_forward_hooks", "_forward_pre_hooks", "_forward_hooks_with_kwargs", "_backward_hooks"):
            state[(name, attr)] = list(getattr(m, attr, {}).keys())
    g = torch.nn.modules.module
    for attr in ("_global_forward_hooks", "_global_forward_pre_hooks"):
        state[("<global>", attr)] = list(getattr(g, attr, {}).keys())
    return state


def assert_no_hooks_left(model, before, call):
    after = hook_state(model)
    left = [f"{name or '<model>'}.{attr}" for (name, attr), keys in after.items() if keys != before.get((name, attr))]
    if left:
        raise AssertionError(
            f"{call}\n  left hooks behind on {len(left)} place(s), e.g. {', '.join(left[:3])}\n"
            "  (remove every hook you add, with its handle, in a finally block; keep the model's own hooks)"
        )


# ------------------------------------------------------------------------------------------- stable_logsumexp


@pytest.mark.points(2)
@DTYPES
def test_logsumexp_matches_torch(learner, dtype):
    seed = 201
    x = random_logits((3, 5, 7), seed, dtype)
    for dim in (0, 1, 2, -1):
        got = learner.stable_logsumexp(x, dim)
        assert_close(got, torch.logsumexp(x, dim), call=call_repr("stable_logsumexp", x, dim), seed=seed)


@pytest.mark.points(2)
@DTYPES
def test_logsumexp_is_finite_and_exact_for_logits_of_1e4(learner, dtype):
    seed = 202
    x = huge_logits(seed, dtype)
    for dim in (1, 0):
        got = learner.stable_logsumexp(x, dim)
        call = call_repr("stable_logsumexp", x, dim) + " (logits of ±1e4)"
        assert_close(got, torch.logsumexp(x, dim), call=call, seed=seed)


def test_logsumexp_of_infinite_slices_matches_torch(learner):
    inf = float("inf")
    x = torch.tensor([[-inf, -inf, -inf], [inf, 1.0, 2.0], [-inf, 3.0, -inf], [1.0, 2.0, 3.0]])
    got = learner.stable_logsumexp(x, 1)
    # an all -inf row is -inf (not NaN from -inf - -inf); a row with +inf is +inf
    assert_close(got, torch.logsumexp(x, 1), call="stable_logsumexp([[-inf, -inf, -inf], [inf, 1, 2], ...], 1)")


@pytest.mark.points(2)
def test_logsumexp_gradients_match_torch(learner):
    seed = 203
    for what, x0 in (
        ("random", random_logits((4, 6), seed, torch.float64)),
        ("±1e4", huge_logits(seed, torch.float64)),
    ):
        g = random_logits((4,) if what == "random" else (5,), seed + 1, torch.float64)
        x = x0.clone().requires_grad_(True)
        got = learner.stable_logsumexp(x, 1)
        call = call_repr("stable_logsumexp", x, 1) + f" ({what} logits)"
        assert isinstance(got, torch.Tensor) and got.requires_grad, f"{call}: the result is not differentiable"
        (got * g).sum().backward()
        ref = x0.clone().requires_grad_(True)
        (torch.logsumexp(ref, 1) * g).sum().backward()
        assert_close(x.grad, ref.grad, call=call, seed=seed, what="gradient")


def test_logsumexp_accepts_non_contiguous_input(learner):
    seed = 204
    x = random_logits((6, 5), seed).T
    assert not x.is_contiguous()
    got = learner.stable_logsumexp(x, 1)
    assert_close(got, torch.logsumexp(x, 1), call=call_repr("stable_logsumexp", x, 1) + " (transposed)", seed=seed)


def test_logsumexp_leaves_input_unchanged(learner):
    x = huge_logits(205)
    before = x.clone()
    learner.stable_logsumexp(x, 1)
    assert_unchanged(before, x, name="x", call=call_repr("stable_logsumexp", x, 1))


# ------------------------------------------------------------------------------------------- stable_log_softmax


@pytest.mark.points(2)
@DTYPES
def test_log_softmax_matches_functional(learner, dtype):
    seed = 211
    x = random_logits((3, 4, 9), seed, dtype)
    for dim in (0, 1, -1):
        got = learner.stable_log_softmax(x, dim)
        assert_close(got, F.log_softmax(x, dim), call=call_repr("stable_log_softmax", x, dim), seed=seed)


def test_log_softmax_default_dim_is_the_last(learner):
    seed = 212
    x = random_logits((4, 5), seed)
    got = learner.stable_log_softmax(x)
    assert_close(got, F.log_softmax(x, -1), call=call_repr("stable_log_softmax", x), seed=seed)


@pytest.mark.points(2)
@DTYPES
def test_log_softmax_is_finite_and_exact_for_logits_of_1e4(learner, dtype):
    seed = 213
    x = huge_logits(seed, dtype)
    got = learner.stable_log_softmax(x, 1)
    # log(softmax(x)) is -inf wherever softmax underflows to 0; log_softmax is about -2e4 there
    assert_close(got, F.log_softmax(x, 1), call=call_repr("stable_log_softmax", x, 1) + " (logits of ±1e4)", seed=seed)


@pytest.mark.points(2)
def test_log_softmax_gradients_match_functional(learner):
    seed = 214
    for what, x0 in (
        ("random", random_logits((4, 6), seed, torch.float64)),
        ("±1e4", huge_logits(seed, torch.float64)),
    ):
        g = random_logits(tuple(x0.shape), seed + 1, torch.float64)
        x = x0.clone().requires_grad_(True)
        got = learner.stable_log_softmax(x, 1)
        call = call_repr("stable_log_softmax", x, 1) + f" ({what} logits)"
        assert isinstance(got, torch.Tensor) and got.requires_grad, f"{call}: the result is not differentiable"
        (got * g).sum().backward()
        ref = x0.clone().requires_grad_(True)
        (F.log_softmax(ref, 1) * g).sum().backward()
        assert_close(x.grad, ref.grad, call=call, seed=seed, what="gradient")


def test_stable_functions_reject_integer_tensors(learner):
    x = torch.tensor([[1, 2], [3, 4]])
    assert_raises(TypeError, learner.stable_logsumexp, x, 1, match=r"\bx\b")
    assert_raises(TypeError, learner.stable_log_softmax, x, match=r"\bx\b")


@pytest.mark.parametrize("dim", [2, -3])
def test_stable_functions_reject_a_dim_out_of_range(learner, dim):
    x = random_logits((3, 4), 216)
    assert_raises(IndexError, learner.stable_logsumexp, x, dim, call=call_repr("stable_logsumexp", x, dim))
    assert_raises(IndexError, learner.stable_log_softmax, x, dim, call=call_repr("stable_log_softmax", x, dim))


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16], ids=["float16", "bfloat16"])
def test_stable_functions_keep_half_precision_dtype(learner, dtype):
    seed = 217
    x = random_logits((5, 7), seed, dtype)
    # the exact results for the half-precision values, rounded to the dtype; 4 ulps of the largest magnitude
    for name, exact in (
        ("stable_logsumexp", torch.logsumexp(x.double(), 1)),
        ("stable_log_softmax", F.log_softmax(x.double(), 1)),
    ):
        got = getattr(learner, name)(x, 1)
        atol = 4 * torch.finfo(dtype).eps * float(exact.abs().max())
        assert_close(got, exact.to(dtype), call=call_repr(name, x, 1), seed=seed, rtol=0.0, atol=atol)


def test_log_softmax_leaves_input_unchanged(learner):
    x = huge_logits(218)
    before = x.clone()
    learner.stable_log_softmax(x, 1)
    assert_unchanged(before, x, name="x", call=call_repr("stable_log_softmax", x, 1))


@pytest.mark.by_hand
def test_stable_functions_are_written_by_hand(learner):
    seed = 215
    x = huge_logits(seed)
    expected_lse, expected_lsm = torch.logsumexp(x, 1), F.log_softmax(x, 1)
    with forbidden(*by_hand_entries("nan_hunting")):
        got_lse = learner.stable_logsumexp(x, 1)
        got_lsm = learner.stable_log_softmax(x, 1)
    assert_close(got_lse, expected_lse, call=call_repr("stable_logsumexp", x, 1), seed=seed)
    assert_close(got_lsm, expected_lsm, call=call_repr("stable_log_softmax", x, 1), seed=seed)


# ------------------------------------------------------------------------------------------- first_nonfinite_module


@pytest.mark.points(2)
def test_names_a_log_of_a_negative_in_a_nested_block(learner):
    model = log_of_negative_model()
    x = random_logits((5, 4), 221)
    call = call_repr("first_nonfinite_module", model, x) + " (stem -> body.down.0 (tanh) -> body.down.1 (log) -> head)"
    got = learner.first_nonfinite_module(model, x)
    assert_equal(got, "body.down.1.act", call=call)


@pytest.mark.points(2)
def test_names_a_division_by_zero(learner):
    model = seeded(nn.Sequential(nn.Linear(3, 4), nn.ReLU(), Reciprocal(), nn.Linear(4, 2)), 222)
    x = random_logits((6, 3), 222)
    call = call_repr("first_nonfinite_module", model, x) + " (Linear, ReLU, 1/x, Linear: ReLU makes zeros)"
    assert_equal(learner.first_nonfinite_module(model, x), "2", call=call)


def test_names_an_exp_that_overflows_float32(learner):
    model = nn.Sequential(OrderedDict(scale=nn.Linear(2, 2), exp=Exp(), out=nn.Linear(2, 1)))
    with torch.no_grad():
        model.scale.weight.copy_(torch.tensor([[60.0, 0.0], [0.0, 1.0]]))
        model.scale.bias.zero_()
    x = torch.tensor([[0.5, 1.0], [2.0, 1.0]])  # 60 * 2 = 120 > log(float32 max) = 88.7
    call = call_repr("first_nonfinite_module", model, x) + " (exp(120) overflows float32)"
    assert_equal(learner.first_nonfinite_module(model, x), "exp", call=call)


def test_names_a_float16_layer_that_overflows(learner):
    model = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 4), nn.Linear(4, 1)).half()
    with torch.no_grad():
        model[0].weight.fill_(10.0)
        model[0].bias.zero_()
        model[2].weight.fill_(1000.0)
        model[2].bias.zero_()
    x = torch.full((2, 4), 3.0, dtype=torch.float16)  # 120 after the first layer, 480,000 > 65,504 after the third
    call = call_repr("first_nonfinite_module", model, x) + " (float16 overflows past 65504)"
    assert_equal(learner.first_nonfinite_module(model, x), "2", call=call)


@pytest.mark.points(2)
def test_follows_execution_order_not_registration_order(learner):
    model = seeded(RunsInOtherOrder(), 223)
    x = torch.tensor([[1.0, -2.0, 0.5], [-1.0, -1.0, -1.0]])
    with torch.no_grad():
        model.backbone[0].weight.copy_(torch.eye(3))
        model.backbone[0].bias.zero_()
    call = call_repr("first_nonfinite_module", model, x) + " (head is registered first but runs last)"
    assert_equal(learner.first_nonfinite_module(model, x), "backbone.2", call=call)


def test_looks_inside_tuple_outputs(learner):
    model = nn.Sequential(OrderedDict(fc=nn.Linear(3, 3), split=TupleOut()))
    x = random_logits((2, 3), 224)
    call = call_repr("first_nonfinite_module", model, x) + " (a leaf returns (finite, inf))"
    assert_equal(learner.first_nonfinite_module(model, x), "split", call=call)


def test_names_the_model_when_no_leaf_output_is_nonfinite(learner):
    model = seeded(FunctionalLogAtTheEnd(), 225)
    x = random_logits((2, 3), 225)
    call = call_repr("first_nonfinite_module", model, x) + " (torch.log in the model's own forward)"
    assert_equal(learner.first_nonfinite_module(model, x), "", call=call)


@pytest.mark.points(2)
def test_returns_none_when_everything_is_finite(learner):
    model = log_of_negative_model()
    x = random_logits((5, 4), 226)
    model.body["down"][1].act = nn.Softplus()  # no log any more
    got = learner.first_nonfinite_module(model, x)
    assert_equal(got, None, call=call_repr("first_nonfinite_module", model, x) + " (a finite model)")


@pytest.mark.points(2)
def test_removes_its_hooks_and_keeps_the_models_own(learner):
    model = log_of_negative_model()
    seen = []
    model.head.register_forward_hook(lambda m, i, o: seen.append("user hook"))
    model.stem.register_forward_pre_hook(lambda m, i: None)
    before = hook_state(model)
    x = random_logits((5, 4), 227)
    call = call_repr("first_nonfinite_module", model, x)
    got = learner.first_nonfinite_module(model, x)
    assert_equal(got, "body.down.1.act", call=call)
    assert_no_hooks_left(model, before, call)
    calls_before = len(seen)
    with torch.no_grad():
        model(x)
    assert_equal(
        len(seen) - calls_before, 1, call=f"model(x) after {call}", what="calls of the model's own hook on head"
    )


@pytest.mark.points(2)
def test_removes_its_hooks_when_the_forward_raises(learner):
    model = RaisesMidway()
    before = hook_state(model)
    x = random_logits((2, 3), 228)
    call = call_repr("first_nonfinite_module", model, x) + " (the forward raises Boom halfway)"
    try:
        learner.first_nonfinite_module(model, x)
    except Boom:
        pass
    else:
        raise AssertionError(f"{call}\n  returned instead of letting the model's exception (Boom) propagate")
    assert_equal(model.calls, 1, call=call, what="number of forward calls")
    assert_no_hooks_left(model, before, call)
    # and the model still runs normally afterwards (no stale hook fires)
    assert_equal(model.stem(x).shape, torch.Size([2, 3]), call="model.stem(x) after the call", what="shape")


def test_rejects_a_non_module(learner):
    assert_raises(TypeError, learner.first_nonfinite_module, lambda x: x, torch.zeros(2), match=r"\bmodel\b")


class Recorder(nn.Module):
    """A leaf that records, at each call, whether it runs in training mode and with autograd on."""

    def __init__(self):
        super().__init__()
        self.calls = []

    def forward(self, x):
        self.calls.append({"training": self.training, "grad enabled": torch.is_grad_enabled()})
        return x


@pytest.mark.parametrize("mode", ["train", "eval"])
def test_runs_the_model_once_in_the_mode_it_is_in(learner, mode):
    model = nn.Sequential(OrderedDict(rec=Recorder(), fc=nn.Linear(3, 2), log=Log()))
    with torch.no_grad():
        model.fc.weight.fill_(-1.0)  # positive inputs -> negative sums -> log gives NaN
        model.fc.bias.zero_()
    model.train(mode == "train")
    x = random_logits((2, 3), 229).abs() + 0.1
    call = call_repr("first_nonfinite_module", model, x) + f" (model in {mode} mode; log of a negative)"
    got = learner.first_nonfinite_module(model, x)
    assert_equal(got, "log", call=call)
    assert_equal(len(model.rec.calls), 1, call=call, what="number of forward calls")
    assert_equal(model.rec.calls[0]["training"], mode == "train", call=call, what="training flag during the forward")
    assert_equal(model.training, mode == "train", call=call, what="model.training afterwards")


def test_runs_the_model_under_no_grad(learner):
    model = nn.Sequential(OrderedDict(rec=Recorder(), fc=nn.Linear(3, 2)))
    x = random_logits((2, 3), 230)
    call = call_repr("first_nonfinite_module", model, x)
    learner.first_nonfinite_module(model, x)
    assert_equal(model.rec.calls[-1]["grad enabled"], False, call=call, what="torch.is_grad_enabled() in the forward")


class DictOut(nn.Module):
    def forward(self, x):
        return {"kept": x, "ratio": x / (x - x)}  # the second entry is NaN or ±inf


class ListOut(nn.Module):
    def forward(self, x):
        return [x, torch.log(x - x)]  # log(0) = -inf


@pytest.mark.parametrize("leaf", [DictOut, ListOut], ids=["dict", "list"])
def test_looks_inside_dict_and_list_outputs(learner, leaf):
    model = nn.Sequential(OrderedDict(fc=nn.Linear(3, 3), split=leaf()))
    x = random_logits((2, 3), 231)
    call = call_repr("first_nonfinite_module", model, x) + f" (a leaf returns a {leaf.__name__[:-3].lower()})"
    assert_equal(learner.first_nonfinite_module(model, x), "split", call=call)


def test_names_the_innermost_container_when_no_leaf_output_is_nonfinite(learner):
    # inner's own forward takes log(fc(x) - 100): its leaves are finite, inner's output is not, and inner
    # returns before the model does
    model = nn.Sequential(OrderedDict(pre=nn.Linear(3, 3), inner=seeded(FunctionalLogAtTheEnd(), 232)))
    x = random_logits((2, 3), 232)
    call = call_repr("first_nonfinite_module", model, x) + " (torch.log in the forward of the container 'inner')"
    assert_equal(learner.first_nonfinite_module(model, x), "inner", call=call)


# ------------------------------------------------------------------------------------------- nonfinite_grads


def grads_model():
    return nn.Sequential(
        OrderedDict(
            encoder=nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 4)),
            norm=nn.LayerNorm(4),
            head=nn.Linear(4, 2),
        )
    )


@pytest.mark.points(2)
def test_nonfinite_grads_lists_names_in_parameter_order(learner):
    model = grads_model()
    grads = {
        "head.weight": torch.tensor(float("-inf")),
        "encoder.0.weight": torch.tensor(float("nan")),
        "norm.bias": torch.tensor(1.0),
        "encoder.2.bias": torch.tensor(float("inf")),
        "head.bias": torch.tensor(0.5),
    }  # encoder.0.bias, encoder.2.weight and norm.weight have no grad at all
    params = dict(model.named_parameters())
    for name, value in grads.items():  # set out of order on purpose
        g = torch.zeros_like(params[name])
        g.view(-1)[-1] = value
        params[name].grad = g
    got = learner.nonfinite_grads(model)
    call = "nonfinite_grads(model)  (NaN in encoder.0.weight, inf in encoder.2.bias, -inf in head.weight)"
    assert_equal(got, ["encoder.0.weight", "encoder.2.bias", "head.weight"], call=call)


@pytest.mark.points(2)
def test_nonfinite_grads_after_a_real_backward(learner):
    model = nn.Sequential(OrderedDict(proj=nn.Linear(3, 4, bias=False), head=nn.Linear(1, 1)))
    x = torch.zeros(2, 3)  # projections of 0: the norm below is sqrt(0), whose derivative is infinite
    z = model.proj(x)
    norm = torch.sqrt((z * z).sum(dim=1, keepdim=True))
    loss = model.head(norm).sum()
    loss.backward()
    expected = [n for n, p in model.named_parameters() if p.grad is not None and not torch.isfinite(p.grad).all()]
    assert expected == ["proj.weight"], "grader self-check: the norm of 0 should poison proj.weight only"
    before = {n: p.grad.clone() for n, p in model.named_parameters()}
    got = learner.nonfinite_grads(model)
    assert_equal(got, expected, call="nonfinite_grads(model)  after backward through sqrt(0)")
    for name, p in model.named_parameters():
        same = torch.allclose(before[name], p.grad, rtol=0.0, atol=0.0, equal_nan=True)
        assert same, f"nonfinite_grads(model)\n  changed {name}.grad (leave the gradients as they are)"


def test_nonfinite_grads_is_empty_when_all_finite_or_missing(learner):
    model = grads_model()
    assert_equal(learner.nonfinite_grads(model), [], call="nonfinite_grads(model)  (no gradients yet)")
    model(torch.randn(5, 3)).sum().backward()
    assert_equal(learner.nonfinite_grads(model), [], call="nonfinite_grads(model)  (finite gradients)")


def test_nonfinite_grads_rejects_a_non_module(learner):
    assert_raises(TypeError, learner.nonfinite_grads, [torch.zeros(2)], match=r"\bmodel\b")
