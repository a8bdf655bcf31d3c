"""Grader for normalization: ``layer_norm`` and ``batch_norm_train``, by hand.

Expected values come from ``torch.nn.functional.layer_norm`` and ``torch.nn.functional.batch_norm(...,
training=True)`` evaluated in float64 (so a float32 answer is compared with the exact result rounded once),
from hand-worked cases, and from the invariant the notes give for layer norm: a sequence's result does not
depend on the other sequences of the batch, nor on how far it is padded.

Promises and the tests that hold them:
layer_norm
- F.layer_norm's values; normalized_shape an int, tuple, list or torch.Size -> test_layer_norm_matches_torch
- weight and bias -> test_layer_norm_applies_weight_and_bias
- biased variance; eps under the root; a constant sample gives 0 -> test_layer_norm_uses_the_biased_variance,
  test_layer_norm_adds_eps_to_the_variance_under_the_root, test_layer_norm_of_a_constant_sample_is_zero_not_nan
- each sample on its own (the notes' argument) -> test_layer_norm_of_a_sequence_does_not_depend_on_the_other_sequences,
  test_layer_norm_of_real_tokens_does_not_depend_on_padding
- gradients w.r.t. x, weight, bias -> test_layer_norm_gradients_match_torch
- strided x; inputs not modified
  -> test_layer_norm_accepts_non_contiguous_input, test_layer_norm_leaves_inputs_unchanged
- the dtype of x, float16/bfloat16 included, weight and bias of another dtype converted
  -> the value tests, test_layer_norm_keeps_half_precision_dtype, test_layer_norm_keeps_the_dtype_of_x_whatever_weight
- ValueError naming normalized_shape (empty, not trailing), weight, bias -> test_layer_norm_rejects_inconsistent_shapes
- TypeError naming x -> test_layer_norm_rejects_integer_input
batch_norm_train
- F.batch_norm(training=True)'s output for [N, C], [N, C, L], [N, C, H, W] -> test_batch_norm_output_matches_torch
- running stats updated with the unbiased variance, momentum 0.1 by default, in place
  -> test_batch_norm_updates_running_stats_with_unbiased_variance, test_batch_norm_uses_momentum_0_1_by_default,
  test_batch_norm_updates_the_given_tensors_in_place
- either running statistic may come without the other -> test_batch_norm_updates_only_the_running_statistics_it_is_given
- normalised with the biased variance -> test_batch_norm_normalises_with_the_biased_variance
- weight and bias; a sample depends on the batch -> test_batch_norm_applies_weight_and_bias,
  test_batch_norm_of_a_sample_depends_on_the_rest_of_the_batch
- gradients; the running stats outside the graph -> test_batch_norm_gradients_match_torch
- x, weight, bias not modified; strided x -> test_batch_norm_leaves_x_weight_and_bias_unchanged,
  test_batch_norm_accepts_non_contiguous_input
- the dtype of x, float16/bfloat16 included, weight and bias of another dtype converted
  -> the value tests, test_batch_norm_keeps_half_precision_dtype, test_batch_norm_keeps_the_dtype_of_x_whatever_weight
- ValueError naming x (1-D, one value per channel), running_mean, running_var, weight, bias
  -> test_batch_norm_rejects_bad_shapes
- TypeError naming x -> test_batch_norm_rejects_integer_input
both
- by hand: no built-in normalisation, by any route
  -> test_layer_norm_is_written_by_hand, test_batch_norm_is_written_by_hand
Not tested: the device (no second device on the grading machines).
"""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

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


def randn(*shape: int, seed: int, dtype=torch.float32, scale: float = 1.0, shift: float = 0.0) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(*shape, generator=g, dtype=torch.float64) * scale + shift).to(dtype)


def ln_expected(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    shape = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
    w = None if weight is None else weight.double()
    b = None if bias is None else bias.double()
    return F.layer_norm(x.double(), shape, w, b, eps).to(x.dtype)


def bn_expected(x, running_mean, running_var, weight=None, bias=None, momentum=0.1, eps=1e-5):
    """Output and the updated running stats (copies), in float64, cast back to the input's dtype."""
    rm = None if running_mean is None else running_mean.double().clone()
    rv = None if running_var is None else running_var.double().clone()
    w = None if weight is None else weight.double()
    b = None if bias is None else bias.double()
    out = F.batch_norm(x.double(), rm, rv, w, b, training=True, momentum=momentum, eps=eps)
    cast = lambda t: None if t is None else t.to(x.dtype)  # noqa: E731
    return out.to(x.dtype), cast(rm), cast(rv)


# ------------------------------------------------------------------------------------------- layer_norm

LN_CASES = [
    ((4, 6, 10), 10, "int D over [N, T, D]"),
    ((4, 6, 10), (10,), "tuple (D,)"),
    ((3, 5, 4, 7), (4, 7), "(H, W) of [N, C, H, W]"),
    ((3, 5, 4, 7), [5, 4, 7], "list [C, H, W]"),
    ((2, 9), torch.Size([9]), "torch.Size over [N, D]"),
]


@pytest.mark.points(2)
@DTYPES
@pytest.mark.parametrize("shape, normalized_shape, case", LN_CASES, ids=[c[2] for c in LN_CASES])
def test_layer_norm_matches_torch(learner, shape, normalized_shape, case, dtype):
    seed = 301
    x = randn(*shape, seed=seed, dtype=dtype, scale=3.0, shift=1.5)
    got = learner.layer_norm(x, normalized_shape)
    assert_close(got, ln_expected(x, normalized_shape), call=call_repr("layer_norm", x, normalized_shape), seed=seed)


@pytest.mark.points(2)
@pytest.mark.parametrize("affine", ["weight", "bias", "weight and bias"])
def test_layer_norm_applies_weight_and_bias(learner, affine):
    seed = 302
    x = randn(3, 4, 2, 5, seed=seed, dtype=torch.float64, scale=2.0)
    weight = randn(2, 5, seed=seed + 1, dtype=torch.float64) if "weight" in affine else None
    bias = randn(2, 5, seed=seed + 2, dtype=torch.float64) if "bias" in affine else None
    got = learner.layer_norm(x, (2, 5), weight, bias)
    call = call_repr("layer_norm", x, (2, 5), weight, bias)
    assert_close(got, ln_expected(x, (2, 5), weight, bias), call=call, seed=seed)


def test_layer_norm_uses_the_biased_variance(learner):
    # mean 2, biased variance 2/3: (x - 2) / sqrt(2/3) = -1.2247, 0, 1.2247 (the unbiased one would give -1, 0, 1).
    x = torch.tensor([[1.0, 2.0, 3.0]], dtype=torch.float64)
    got = learner.layer_norm(x, 3)
    a = 1 / (2 / 3 + 1e-5) ** 0.5
    expected = torch.tensor([[-a, 0.0, a]], dtype=torch.float64)
    assert_close(got, expected, call="layer_norm(tensor([[1., 2., 3.]]), 3)  [(x - mean) / sqrt(var + eps)]")


def test_layer_norm_adds_eps_to_the_variance_under_the_root(learner):
    # Values of size 1e-3 have a variance (1e-6) smaller than eps: sqrt(var + eps) and sqrt(var) + eps differ.
    seed = 303
    x = randn(3, 8, seed=seed, dtype=torch.float64, scale=1e-3)
    for eps in (1e-5, 0.1):
        got = learner.layer_norm(x, 8, eps=eps)
        assert_close(got, ln_expected(x, 8, eps=eps), call=call_repr("layer_norm", x, 8, eps=eps), seed=seed)


def test_layer_norm_of_a_constant_sample_is_zero_not_nan(learner):
    x = torch.full((2, 5), 7.0)
    got = learner.layer_norm(x, 5)
    assert_close(got, torch.zeros(2, 5), call="layer_norm(torch.full((2, 5), 7.0), 5)")


@pytest.mark.points(2)
def test_layer_norm_of_a_sequence_does_not_depend_on_the_other_sequences(learner):
    # The notes' argument for LN: each sentence is normalised with its own statistics.
    seed = 304
    batch = randn(4, 6, 8, seed=seed, dtype=torch.float64, scale=2.0)
    other = batch.clone()
    other[1:] = randn(3, 6, 8, seed=seed + 1, dtype=torch.float64, scale=50.0, shift=-20.0)
    alone = learner.layer_norm(batch[:1], 8)
    in_batch = learner.layer_norm(batch, 8)[:1]
    with_others = learner.layer_norm(other, 8)[:1]
    assert_close(alone, ln_expected(batch[:1], 8), call=call_repr("layer_norm", batch[:1], 8), seed=seed)
    assert_close(
        in_batch, alone, call="layer_norm(batch, 8)[0] against layer_norm(batch[:1], 8)", seed=seed, what="sequence 0"
    )
    assert_close(
        with_others,
        alone,
        call="layer_norm(batch with sequences 1-3 replaced, 8)[0] against layer_norm(batch[:1], 8)",
        seed=seed,
        what="sequence 0",
    )


@pytest.mark.points(2)
def test_layer_norm_of_real_tokens_does_not_depend_on_padding(learner):
    # A sentence of 5 tokens padded to 8 (zeros) or to 12 (another pad vector): its 5 tokens come out the same.
    seed = 305
    tokens = randn(5, 16, seed=seed, dtype=torch.float64, scale=2.0, shift=0.5)
    short = torch.cat([tokens, torch.zeros(3, 16, dtype=torch.float64)])[None]
    long = torch.cat([tokens, torch.full((7, 16), 3.0, dtype=torch.float64)])[None]
    expected = ln_expected(tokens, 16)
    got_short = learner.layer_norm(short, 16)[0, :5]
    got_long = learner.layer_norm(long, 16)[0, :5]
    assert_close(got_short, expected, call=call_repr("layer_norm", short, 16) + " tokens 0-4", seed=seed)
    assert_close(got_long, expected, call=call_repr("layer_norm", long, 16) + " tokens 0-4", seed=seed)


@pytest.mark.points(2)
def test_layer_norm_gradients_match_torch(learner):
    seed = 306
    x = randn(3, 4, 6, seed=seed, dtype=torch.float64, scale=2.0)
    w, b = randn(6, seed=seed + 1, dtype=torch.float64), randn(6, seed=seed + 2, dtype=torch.float64)
    upstream = randn(3, 4, 6, seed=seed + 3, dtype=torch.float64)
    mine = [t.clone().requires_grad_() for t in (x, w, b)]
    theirs = [t.clone().requires_grad_() for t in (x, w, b)]
    (learner.layer_norm(mine[0], 6, mine[1], mine[2]) * upstream).sum().backward()
    (F.layer_norm(theirs[0], (6,), theirs[1], theirs[2]) * upstream).sum().backward()
    call = call_repr("layer_norm", *mine[:1], 6, *mine[1:]) + " then backward()"
    for name, a, e in zip(["x", "weight", "bias"], mine, theirs, strict=True):
        assert a.grad is not None, f"{call}\n  no gradient reached {name}: keep the computation differentiable"
        assert_close(a.grad, e.grad, call=call, seed=seed, what=f"{name}.grad")


def test_layer_norm_accepts_non_contiguous_input(learner):
    seed = 307
    x = randn(6, 4, 5, seed=seed, dtype=torch.float64).transpose(0, 2)  # [5, 4, 6], strided
    assert not x.is_contiguous()
    got = learner.layer_norm(x, 6)
    assert_close(got, ln_expected(x, 6), call=call_repr("layer_norm", x, 6) + " (strided)", seed=seed)


def test_layer_norm_leaves_inputs_unchanged(learner):
    seed = 308
    x, w, b = randn(2, 3, 4, seed=seed), randn(4, seed=seed + 1), randn(4, seed=seed + 2)
    before = [t.clone() for t in (x, w, b)]
    call = call_repr("layer_norm", x, 4, w, b)
    learner.layer_norm(x, 4, w, b)
    for name, old, t in zip(["x", "weight", "bias"], before, (x, w, b), strict=True):
        assert_unchanged(old, t, name=name, call=call)


@pytest.mark.parametrize(
    "normalized_shape, weight_shape, bias_shape, match",
    [
        ((5,), None, None, r"\bnormalized_shape\b"),
        ((2, 4), None, None, r"\bnormalized_shape\b"),
        ((), None, None, r"\bnormalized_shape\b"),
        (4, (5,), None, r"\bweight\b"),
        (4, None, (3, 4), r"\bbias\b"),
    ],
    ids=[
        "not the last dimension",
        "not the trailing shape",
        "empty",
        "weight of the wrong shape",
        "bias of the wrong shape",
    ],
)
def test_layer_norm_rejects_inconsistent_shapes(learner, normalized_shape, weight_shape, bias_shape, match):
    x = torch.zeros(2, 3, 4)
    weight = None if weight_shape is None else torch.ones(weight_shape)
    bias = None if bias_shape is None else torch.zeros(bias_shape)
    call = call_repr("layer_norm", x, normalized_shape, weight, bias)
    assert_raises(ValueError, learner.layer_norm, x, normalized_shape, weight, bias, match=match, call=call)


def test_layer_norm_rejects_integer_input(learner):
    assert_raises(TypeError, learner.layer_norm, torch.zeros(2, 3, dtype=torch.int64), 3, match=r"\bx\b")


HALVES = pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16], ids=["float16", "bfloat16"])


def half_atol(exact: torch.Tensor, dtype: torch.dtype) -> float:
    """4 ulps of the largest value: the exact result of the half-precision inputs, rounded, and a few roundings."""
    return 4 * torch.finfo(dtype).eps * float(exact.abs().max())


@HALVES
def test_layer_norm_keeps_half_precision_dtype(learner, dtype):
    seed = 311
    x = randn(4, 3, 6, seed=seed, dtype=torch.float64, scale=2.0, shift=1.0).to(dtype)
    exact = F.layer_norm(x.double(), (6,))
    got = learner.layer_norm(x, 6)
    call = call_repr("layer_norm", x, 6)
    assert_close(got, exact.to(dtype), call=call, seed=seed, rtol=0.0, atol=half_atol(exact, dtype))


def test_layer_norm_keeps_the_dtype_of_x_whatever_weight(learner):
    seed = 312
    x = randn(3, 4, 6, seed=seed)
    w, b = randn(6, seed=seed + 1, dtype=torch.float64), randn(6, seed=seed + 2, dtype=torch.float64)
    got = learner.layer_norm(x, 6, w, b)
    call = call_repr("layer_norm", x, 6, w, b) + "  [float32 x, float64 weight and bias]"
    assert_close(got, ln_expected(x, 6, w.float(), b.float()), call=call, seed=seed)


@pytest.mark.by_hand
def test_layer_norm_is_written_by_hand(learner):
    seed = 309
    x, w, b = randn(3, 4, 6, seed=seed), randn(4, 6, seed=seed + 1), randn(4, 6, seed=seed + 2)
    expected = ln_expected(x, (4, 6), w, b)
    with forbidden(*by_hand_entries("normalization")):
        got = learner.layer_norm(x, (4, 6), w, b)
    assert_close(got, expected, call=call_repr("layer_norm", x, (4, 6), w, b), seed=seed)


# ------------------------------------------------------------------------------------------- batch_norm_train

BN_SHAPES = pytest.mark.parametrize(
    "shape", [(8, 5), (4, 3, 7), (3, 4, 5, 6)], ids=["[N, C]", "[N, C, L]", "[N, C, H, W]"]
)


def running_stats(C: int, seed: int, dtype=torch.float32):
    return randn(C, seed=seed, dtype=dtype), torch.rand(C, generator=torch.Generator().manual_seed(seed)).to(
        dtype
    ) + 0.5


@pytest.mark.points(2)
@DTYPES
@BN_SHAPES
def test_batch_norm_output_matches_torch(learner, shape, dtype):
    seed = 401
    x = randn(*shape, seed=seed, dtype=dtype, scale=3.0, shift=-1.0)
    rm, rv = running_stats(shape[1], seed + 1, dtype)
    expected, _, _ = bn_expected(x, rm, rv)
    got = learner.batch_norm_train(x, rm.clone(), rv.clone())
    assert_close(got, expected, call=call_repr("batch_norm_train", x, rm, rv), seed=seed)


@pytest.mark.points(2)
@DTYPES
@BN_SHAPES
def test_batch_norm_updates_running_stats_with_unbiased_variance(learner, shape, dtype):
    seed = 402
    rm, rv = running_stats(shape[1], seed, dtype)
    exp_rm, exp_rv = rm.clone(), rv.clone()
    for step in range(3):
        x = randn(*shape, seed=seed + 10 + step, dtype=dtype, scale=2.0, shift=step)
        call = call_repr("batch_norm_train", x, rm, rv, momentum=0.3) + f" (call {step + 1} of 3)"
        learner.batch_norm_train(x, rm, rv, momentum=0.3)
        _, exp_rm, exp_rv = bn_expected(x, exp_rm, exp_rv, momentum=0.3)
        assert_close(rm, exp_rm, call=call, seed=seed, what="running_mean afterwards")
        assert_close(
            rv,
            exp_rv,
            call=call + "  [running_var uses the unbiased variance, n - 1]",
            seed=seed,
            what="running_var afterwards",
        )


def test_batch_norm_uses_momentum_0_1_by_default(learner):
    x = torch.tensor([[1.0, 10.0], [3.0, 30.0]])
    rm, rv = torch.zeros(2), torch.ones(2)
    learner.batch_norm_train(x, rm, rv)
    # batch means 2 and 20, unbiased variances 2 and 200: 0.9 * old + 0.1 * new.
    assert_close(rm, torch.tensor([0.2, 2.0]), call="batch_norm_train(x, zeros(2), ones(2))", what="running_mean")
    assert_close(rv, torch.tensor([1.1, 20.9]), call="batch_norm_train(x, zeros(2), ones(2))", what="running_var")


def test_batch_norm_normalises_with_the_biased_variance(learner):
    # Channel values 1 and 3: mean 2, biased variance 1, so about -1 and 1 (unbiased: -0.7071, 0.7071).
    x = torch.tensor([[1.0, 10.0], [3.0, 30.0]], dtype=torch.float64)
    got = learner.batch_norm_train(x, None, None)
    a, b = 1 / (1 + 1e-5) ** 0.5, 10 / (100 + 1e-5) ** 0.5
    expected = torch.tensor([[-a, -b], [a, b]], dtype=torch.float64)
    call = "batch_norm_train(tensor([[1., 10.], [3., 30.]]), None, None)  [(x - mean) / sqrt(var + eps)]"
    assert_close(got, expected, call=call)


def test_batch_norm_updates_the_given_tensors_in_place(learner):
    seed = 403
    x = randn(6, 3, 4, seed=seed)
    rm, rv = running_stats(3, seed + 1)
    ids = rm.data_ptr(), rv.data_ptr()
    before = rm.clone(), rv.clone()
    call = call_repr("batch_norm_train", x, rm, rv)
    learner.batch_norm_train(x, rm, rv)
    assert_equal((rm.data_ptr(), rv.data_ptr()), ids, call=call, what="storage of the running stats")
    if torch.equal(rm, before[0]) or torch.equal(rv, before[1]):
        raise AssertionError(f"{call}\n  left running_mean or running_var as they were: update them in place")


@pytest.mark.parametrize("affine", ["none", "weight", "weight and bias"])
def test_batch_norm_applies_weight_and_bias(learner, affine):
    seed = 404
    x = randn(5, 4, 3, 3, seed=seed, dtype=torch.float64, scale=2.0)
    weight = randn(4, seed=seed + 1, dtype=torch.float64) if "weight" in affine else None
    bias = randn(4, seed=seed + 2, dtype=torch.float64) if "bias" in affine else None
    expected, _, _ = bn_expected(x, None, None, weight, bias)
    got = learner.batch_norm_train(x, None, None, weight, bias)
    assert_close(got, expected, call=call_repr("batch_norm_train", x, None, None, weight, bias), seed=seed)


def test_batch_norm_of_a_sample_depends_on_the_rest_of_the_batch(learner):
    # The contrast with layer norm: change sample 1, and sample 0's output changes with the batch statistics.
    seed = 405
    x = randn(4, 3, 5, seed=seed, dtype=torch.float64)
    y = x.clone()
    y[1] += 10.0
    got_x, got_y = learner.batch_norm_train(x, None, None), learner.batch_norm_train(y, None, None)
    assert_close(got_x, bn_expected(x, None, None)[0], call=call_repr("batch_norm_train", x, None, None), seed=seed)
    assert_close(
        got_y, bn_expected(y, None, None)[0], call="batch_norm_train(x with x[1] += 10, None, None)", seed=seed
    )


@pytest.mark.points(2)
def test_batch_norm_gradients_match_torch(learner):
    seed = 406
    x = randn(4, 3, 2, 5, seed=seed, dtype=torch.float64, scale=2.0)
    w, b = randn(3, seed=seed + 1, dtype=torch.float64), randn(3, seed=seed + 2, dtype=torch.float64)
    upstream = randn(4, 3, 2, 5, seed=seed + 3, dtype=torch.float64)
    mine = [t.clone().requires_grad_() for t in (x, w, b)]
    theirs = [t.clone().requires_grad_() for t in (x, w, b)]
    rm, rv = running_stats(3, seed + 4, torch.float64)
    got = learner.batch_norm_train(mine[0], rm, rv, mine[1], mine[2])
    (got * upstream).sum().backward()
    rm2, rv2 = running_stats(3, seed + 4, torch.float64)
    (F.batch_norm(theirs[0], rm2, rv2, theirs[1], theirs[2], training=True) * upstream).sum().backward()
    call = call_repr("batch_norm_train", mine[0], rm, rv, *mine[1:]) + " then backward()"
    for name, a, e in zip(["x", "weight", "bias"], mine, theirs, strict=True):
        assert a.grad is not None, f"{call}\n  no gradient reached {name}: keep the computation differentiable"
        assert_close(a.grad, e.grad, call=call, seed=seed, what=f"{name}.grad")
    for name, t in (("running_mean", rm), ("running_var", rv)):
        if t.requires_grad or t.grad_fn is not None:
            raise AssertionError(f"{call}\n  {name} became part of the autograd graph: update it under torch.no_grad()")


def test_batch_norm_leaves_x_weight_and_bias_unchanged(learner):
    seed = 407
    x, w, b = randn(4, 3, 5, seed=seed), randn(3, seed=seed + 1), randn(3, seed=seed + 2)
    rm, rv = running_stats(3, seed + 3)
    before = [t.clone() for t in (x, w, b)]
    call = call_repr("batch_norm_train", x, rm, rv, w, b)
    learner.batch_norm_train(x, rm, rv, w, b)
    for name, old, t in zip(["x", "weight", "bias"], before, (x, w, b), strict=True):
        assert_unchanged(old, t, name=name, call=call)


def test_batch_norm_accepts_non_contiguous_input(learner):
    seed = 408
    x = randn(5, 6, 3, seed=seed, dtype=torch.float64).transpose(1, 2)  # [5, 3, 6], strided
    assert not x.is_contiguous()
    rm, rv = running_stats(3, seed + 1, torch.float64)
    expected, exp_rm, exp_rv = bn_expected(x, rm, rv)
    got = learner.batch_norm_train(x, rm, rv)
    call = call_repr("batch_norm_train", x, rm, rv) + " (strided)"
    assert_close(got, expected, call=call, seed=seed)
    assert_close(rv, exp_rv, call=call, seed=seed, what="running_var afterwards")


@pytest.mark.parametrize(
    "x_shape, stat_shape, other, match",
    [
        ((1, 4), (4,), {}, r"\bx\b"),
        ((5,), (5,), {}, r"\bx\b"),
        ((3, 4, 2), (3,), {}, r"\brunning_mean\b"),
        ((3, 4, 2), (4,), {"running_var": (3,)}, r"\brunning_var\b"),
        ((3, 4, 2), (4,), {"weight": (3,)}, r"\bweight\b"),
        ((3, 4, 2), (4,), {"bias": (4, 1)}, r"\bbias\b"),
    ],
    ids=[
        "one value per channel",
        "one-dimensional",
        "running_mean of the wrong size",
        "running_var of the wrong size",
        "weight of the wrong size",
        "bias of the wrong shape",
    ],
)
def test_batch_norm_rejects_bad_shapes(learner, x_shape, stat_shape, other, match):
    x = torch.randn(x_shape, generator=torch.Generator().manual_seed(0))
    rm = torch.zeros(stat_shape)
    rv = torch.ones(other.get("running_var", stat_shape))
    w = torch.ones(other["weight"]) if "weight" in other else None
    b = torch.zeros(other["bias"]) if "bias" in other else None
    call = call_repr("batch_norm_train", x, rm, rv, w, b)
    assert_raises(ValueError, learner.batch_norm_train, x, rm, rv, w, b, match=match, call=call)


def test_batch_norm_rejects_integer_input(learner):
    x = torch.ones(4, 3, dtype=torch.int64)
    call = call_repr("batch_norm_train", x, None, None)
    assert_raises(TypeError, learner.batch_norm_train, x, None, None, match=r"\bx\b", call=call)


@pytest.mark.parametrize("given", ["running_mean", "running_var"])
def test_batch_norm_updates_only_the_running_statistics_it_is_given(learner, given):
    seed = 410
    x = randn(6, 3, 4, seed=seed, dtype=torch.float64, scale=2.0, shift=1.0)
    mean = x.mean(dim=(0, 2))
    unbiased = x.var(dim=(0, 2), correction=1)
    start = torch.full((3,), 0.5, dtype=torch.float64)
    stat = start.clone()
    args = (stat, None) if given == "running_mean" else (None, stat)
    call = call_repr("batch_norm_train", x, *args)
    got = learner.batch_norm_train(x, *args)
    assert_close(got, bn_expected(x, None, None)[0], call=call, seed=seed)
    expected = 0.9 * start + 0.1 * (mean if given == "running_mean" else unbiased)
    assert_close(stat, expected, call=call + "  [the other statistic is None]", seed=seed, what=f"{given} afterwards")


@HALVES
def test_batch_norm_keeps_half_precision_dtype(learner, dtype):
    seed = 411
    x = randn(4, 3, 6, seed=seed, dtype=torch.float64, scale=2.0, shift=1.0).to(dtype)
    exact = F.batch_norm(x.double(), None, None, training=True)
    got = learner.batch_norm_train(x, None, None)
    call = call_repr("batch_norm_train", x, None, None)
    assert_close(got, exact.to(dtype), call=call, seed=seed, rtol=0.0, atol=half_atol(exact, dtype))


def test_batch_norm_keeps_the_dtype_of_x_whatever_weight(learner):
    seed = 412
    x = randn(5, 3, 4, seed=seed)
    w, b = randn(3, seed=seed + 1, dtype=torch.float64), randn(3, seed=seed + 2, dtype=torch.float64)
    got = learner.batch_norm_train(x, None, None, w, b)
    call = call_repr("batch_norm_train", x, None, None, w, b) + "  [float32 x, float64 weight and bias]"
    assert_close(got, bn_expected(x, None, None, w.float(), b.float())[0], call=call, seed=seed)


@pytest.mark.by_hand
def test_batch_norm_is_written_by_hand(learner):
    seed = 409
    x, w, b = randn(4, 3, 2, 2, seed=seed), randn(3, seed=seed + 1), randn(3, seed=seed + 2)
    rm, rv = running_stats(3, seed + 3)
    expected, exp_rm, exp_rv = bn_expected(x, rm, rv, w, b)
    with forbidden(*by_hand_entries("normalization")):
        got = learner.batch_norm_train(x, rm, rv, w, b)
    call = call_repr("batch_norm_train", x, rm, rv, w, b)
    assert_close(got, expected, call=call, seed=seed)
    assert_close(rv, exp_rv, call=call, seed=seed, what="running_var afterwards")
