"""Grader for attention: ``scaled_dot_product_attention`` and ``MultiHeadAttention``, by hand.

Expected values come from ``torch.nn.functional.scaled_dot_product_attention`` and
``torch.nn.MultiheadAttention(batch_first=True)`` (given the learner's weights), both evaluated in float64
so that a float32 answer is compared with the exact result rounded once; the attention weights, which
``F.scaled_dot_product_attention`` does not return, come from a softmax written here in float64.

Promises and the tests that hold them:
scaled_dot_product_attention
- F.scaled_dot_product_attention's output, Dv != D, S != L
  -> test_output_matches_torch_with_more_keys_than_queries_and_other_value_size
- weights softmax(q k^T / sqrt(D) + mask) over the keys, rows summing to 1
  -> test_weights_are_the_softmax_of_scores_over_keys, test_rows_of_weights_sum_to_one
- the 1/sqrt(d) scaling -> test_scaling_by_sqrt_d_keeps_the_softmax_from_saturating
- bool mask True = may attend; float mask added
  -> test_bool_mask_true_means_may_attend, test_float_mask_is_added_to_the_scaled_scores
- is_causal: ones(L, S).tril(), top left -> test_causal_mask_lets_query_i_see_keys_up_to_i
- a row with nothing to attend: zeros, never NaN, finite gradients
  -> test_query_with_nothing_to_attend_gives_zeros_not_nan, test_gradients_stay_finite_with_a_fully_masked_row
- masks broadcast; any batch dimensions
  -> test_mask_broadcasts_over_batch_and_heads, test_works_with_any_number_of_batch_dimensions
- gradients w.r.t. q, k, v -> test_gradients_match_torch
- strided inputs; inputs not modified -> test_accepts_non_contiguous_inputs, test_leaves_inputs_unchanged
- the dtype of q: float32/float64, float16/bfloat16, whatever the float mask's dtype
  -> the value tests, test_keeps_half_precision_dtype, test_float_mask_of_another_dtype_keeps_the_dtype_of_q
- ValueError naming k, v, q, attn_mask, is_causal (1-D q, dtypes that differ included)
  -> test_rejects_inconsistent_arguments
- TypeError naming q (integer tensor) or attn_mask (integer mask) -> test_rejects_integer_tensors
- by hand: no built-in attention, by any route -> test_scaled_dot_product_attention_is_written_by_hand
MultiHeadAttention
- four nn.Linear q_proj, k_proj, v_proj, out_proj (E x E, bias or not) -> test_mha_has_four_linear_projections
- nn.MultiheadAttention(batch_first=True)'s output and head-averaged weights given the same weights
  -> test_mha_matches_torch_multihead_attention_in_self_attention,
  test_mha_matches_torch_multihead_attention_in_cross_attention
- masks [L, S], [N * H, L, S], [N, H, L, S]; bool True = may attend
  -> test_mha_applies_masks, test_mha_accepts_a_mask_per_sample_and_head
- a query with nothing to attend gives out_proj's bias -> test_mha_query_with_nothing_to_attend_gives_the_output_bias
- gradients -> test_mha_gradients_match_torch; inputs not modified -> test_mha_leaves_inputs_unchanged
- ValueError naming embed_dim / num_heads -> test_mha_rejects_invalid_sizes
- ValueError naming query, key, value, attn_mask -> test_mha_rejects_inputs_that_do_not_fit
- by hand: no nn.MultiheadAttention (held, inherited or functional), no built-in attention
  -> test_mha_is_written_by_hand
Not tested: the device (no second device on the grading machines).
"""

from __future__ import annotations

import math

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


def randn(*shape: int, seed: int, dtype=torch.float32, scale: float = 1.0) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(*shape, generator=g, dtype=torch.float64) * scale).to(dtype)


def qkv(batch: tuple[int, ...], L: int, S: int, D: int, Dv: int, seed: int, dtype=torch.float32):
    return (
        randn(*batch, L, D, seed=seed, dtype=dtype),
        randn(*batch, S, D, seed=seed + 1, dtype=dtype),
        randn(*batch, S, Dv, seed=seed + 2, dtype=dtype),
    )


def reference(q, k, v, attn_mask=None, is_causal=False):
    """(out, weights) in float64, cast back to q's dtype; out from torch, weights from a plain softmax."""
    q64, k64, v64 = q.double(), k.double(), v.double()
    mask64 = attn_mask.double() if attn_mask is not None and attn_mask.is_floating_point() else attn_mask
    out = F.scaled_dot_product_attention(q64, k64, v64, attn_mask=mask64, is_causal=is_causal)
    scores = q64 @ k64.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if is_causal:
        mask64 = torch.ones(q.shape[-2], k.shape[-2], dtype=torch.bool).tril()
    if mask64 is not None and mask64.dtype == torch.bool:
        scores = scores.masked_fill(~mask64, -math.inf)
    elif mask64 is not None:
        scores = scores + mask64
    weights = torch.softmax(scores, dim=-1)
    weights = torch.nan_to_num(weights, nan=0.0)  # rows with nothing to attend to: zeros
    return out.to(q.dtype), weights.to(q.dtype)


def random_bool_mask(*shape: int, seed: int, p: float = 0.6) -> torch.Tensor:
    """True with probability p, and every row keeps at least one True (its first key)."""
    g = torch.Generator().manual_seed(seed)
    mask = torch.rand(*shape, generator=g) < p
    mask[..., 0] = True
    return mask


def call_learner_sdpa(learner, q, k, v, **kwargs):
    call = call_repr("scaled_dot_product_attention", q, k, v, **kwargs)
    result = learner.scaled_dot_product_attention(q, k, v, **kwargs)
    if not isinstance(result, tuple) or len(result) != 2:
        raise AssertionError(f"{call}\n  returned {type(result).__name__}, expected a tuple (out, weights)")
    return result, call


# -------------------------------------------------------------------------- scaled_dot_product_attention


@pytest.mark.points(2)
@DTYPES
def test_output_matches_torch_with_more_keys_than_queries_and_other_value_size(learner, dtype):
    seed = 101
    q, k, v = qkv((2, 3), L=5, S=7, D=16, Dv=11, seed=seed, dtype=dtype)
    (out, _), call = call_learner_sdpa(learner, q, k, v)
    expected, _ = reference(q, k, v)
    assert_close(out, expected, call=call, seed=seed, what="out")


@pytest.mark.points(2)
@DTYPES
def test_weights_are_the_softmax_of_scores_over_keys(learner, dtype):
    seed = 102
    q, k, v = qkv((2, 3), L=6, S=4, D=8, Dv=5, seed=seed, dtype=dtype)
    (_, weights), call = call_learner_sdpa(learner, q, k, v)
    _, expected = reference(q, k, v)
    assert_close(weights, expected, call=call, seed=seed, what="weights")


@pytest.mark.points(2)
def test_scaling_by_sqrt_d_keeps_the_softmax_from_saturating(learner):
    # With d = 512 and unit-variance q, k the raw dot products have a standard deviation of sqrt(512) ~ 23:
    # the softmax of such scores is almost one-hot (and its gradient almost zero), which is the notes'
    # reason for dividing by sqrt(d). Divided by sqrt(d) the scores have variance 1 and the weights spread.
    seed, d = 103, 512
    q, k, v = qkv((4,), L=10, S=10, D=d, Dv=8, seed=seed, dtype=torch.float64)
    raw = torch.softmax(q @ k.transpose(-2, -1), dim=-1).amax(dim=-1).mean().item()
    scaled = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(d), dim=-1).amax(dim=-1).mean().item()
    assert raw > 0.95 and scaled < 0.5, f"grader premise broken: raw {raw}, scaled {scaled}"  # seed-fixed
    (out, weights), call = call_learner_sdpa(learner, q, k, v)
    _, expected = reference(q, k, v)
    largest = weights.detach().amax(dim=-1).mean().item()
    assert_close(
        weights,
        expected,
        call=call + f"  [d = {d}: the mean largest weight per row should be {scaled:.3f}, yours is {largest:.3f}; "
        f"without the 1/sqrt(d) it would be {raw:.3f}]",
        seed=seed,
        what="weights",
    )


def test_rows_of_weights_sum_to_one(learner):
    seed = 104
    q, k, v = qkv((3,), L=5, S=9, D=6, Dv=2, seed=seed, dtype=torch.float64)
    (_, weights), call = call_learner_sdpa(learner, q, k, v)
    assert_close(weights.sum(-1), torch.ones(3, 5, dtype=torch.float64), call=call, seed=seed, what="weights.sum(-1)")


@pytest.mark.points(2)
@DTYPES
def test_bool_mask_true_means_may_attend(learner, dtype):
    seed = 105
    q, k, v = qkv((2, 2), L=5, S=6, D=8, Dv=3, seed=seed, dtype=dtype)
    mask = random_bool_mask(2, 2, 5, 6, seed=seed + 3)
    (out, weights), call = call_learner_sdpa(learner, q, k, v, attn_mask=mask)
    expected_out, expected_weights = reference(q, k, v, attn_mask=mask)
    assert_close(
        weights, expected_weights, call=call + "  [True = may attend, False = weight 0]", seed=seed, what="weights"
    )
    assert_close(out, expected_out, call=call, seed=seed, what="out")


@pytest.mark.points(2)
def test_float_mask_is_added_to_the_scaled_scores(learner):
    seed = 106
    q, k, v = qkv((2,), L=4, S=5, D=8, Dv=3, seed=seed, dtype=torch.float64)
    mask = randn(4, 5, seed=seed + 3, dtype=torch.float64, scale=2.0)
    mask[0, 1] = mask[2, 4] = mask[3, 0] = -math.inf
    (out, weights), call = call_learner_sdpa(learner, q, k, v, attn_mask=mask)
    expected_out, expected_weights = reference(q, k, v, attn_mask=mask)
    assert_close(
        weights, expected_weights, call=call + "  [softmax(q k^T / sqrt(d) + mask)]", seed=seed, what="weights"
    )
    assert_close(out, expected_out, call=call, seed=seed, what="out")


@pytest.mark.points(2)
@pytest.mark.parametrize("L, S", [(5, 5), (4, 7), (7, 4)], ids=["square", "more keys", "more queries"])
def test_causal_mask_lets_query_i_see_keys_up_to_i(learner, L, S):
    seed = 107
    q, k, v = qkv((2, 3), L=L, S=S, D=8, Dv=5, seed=seed, dtype=torch.float64)
    (out, weights), call = call_learner_sdpa(learner, q, k, v, is_causal=True)
    expected_out, expected_weights = reference(q, k, v, is_causal=True)
    assert_close(weights, expected_weights, call=call + "  [mask = ones(L, S).tril()]", seed=seed, what="weights")
    assert_close(out, expected_out, call=call, seed=seed, what="out")


@pytest.mark.points(2)
@pytest.mark.parametrize("kind", ["bool", "float"])
def test_query_with_nothing_to_attend_gives_zeros_not_nan(learner, kind):
    seed = 108
    q, k, v = qkv((2,), L=4, S=5, D=8, Dv=3, seed=seed, dtype=torch.float32)
    mask = random_bool_mask(4, 5, seed=seed + 3)
    mask[2] = False
    if kind == "float":
        mask = torch.zeros(4, 5).masked_fill(~mask, -math.inf)
    (out, weights), call = call_learner_sdpa(learner, q, k, v, attn_mask=mask)
    call += "  [row 2 of the mask allows no key]"
    expected_out, expected_weights = reference(q, k, v, attn_mask=mask)
    assert_close(weights, expected_weights, call=call, seed=seed, what="weights")
    assert_close(out, expected_out, call=call, seed=seed, what="out")


@pytest.mark.parametrize("mask_shape", [(6, 7), (2, 1, 6, 7), (1, 3, 6, 7)], ids=["one mask", "per sample", "per head"])
def test_mask_broadcasts_over_batch_and_heads(learner, mask_shape):
    seed = 109
    q, k, v = qkv((2, 3), L=6, S=7, D=4, Dv=4, seed=seed, dtype=torch.float64)
    mask = random_bool_mask(*mask_shape, seed=seed + 3)
    (out, weights), call = call_learner_sdpa(learner, q, k, v, attn_mask=mask)
    expected_out, expected_weights = reference(q, k, v, attn_mask=mask)
    assert_close(weights, expected_weights, call=call, seed=seed, what="weights")
    assert_close(out, expected_out, call=call, seed=seed, what="out")


@pytest.mark.parametrize("batch", [(), (3,), (2, 2, 2)], ids=["no batch", "one batch dim", "three batch dims"])
def test_works_with_any_number_of_batch_dimensions(learner, batch):
    seed = 110
    q, k, v = qkv(batch, L=3, S=4, D=5, Dv=2, seed=seed, dtype=torch.float64)
    (out, weights), call = call_learner_sdpa(learner, q, k, v)
    expected_out, expected_weights = reference(q, k, v)
    assert_close(out, expected_out, call=call, seed=seed, what="out")
    assert_close(weights, expected_weights, call=call, seed=seed, what="weights")


@pytest.mark.points(2)
def test_gradients_match_torch(learner):
    seed = 111
    base = qkv((2, 2), L=5, S=6, D=8, Dv=3, seed=seed, dtype=torch.float64)
    mask = random_bool_mask(2, 1, 5, 6, seed=seed + 3)
    upstream = randn(2, 2, 5, 3, seed=seed + 4, dtype=torch.float64)
    mine = [t.clone().requires_grad_() for t in base]
    theirs = [t.clone().requires_grad_() for t in base]
    (out, _), call = call_learner_sdpa(learner, *mine, attn_mask=mask)
    (out * upstream).sum().backward()
    (F.scaled_dot_product_attention(*theirs, attn_mask=mask) * upstream).sum().backward()
    for name, a, b in zip("qkv", mine, theirs, strict=True):
        if a.grad is None:
            raise AssertionError(f"{call}\n  no gradient reached {name}: keep the computation differentiable")
        assert_close(a.grad, b.grad, call=call + " then backward()", seed=seed, what=f"{name}.grad")


def test_gradients_stay_finite_with_a_fully_masked_row(learner):
    seed = 112
    base = qkv((2,), L=4, S=5, D=8, Dv=3, seed=seed, dtype=torch.float64)
    mask = random_bool_mask(4, 5, seed=seed + 3)
    mask[1] = False
    mine = [t.clone().requires_grad_() for t in base]
    theirs = [t.clone().requires_grad_() for t in base]
    (out, weights), call = call_learner_sdpa(learner, *mine, attn_mask=mask)
    (out.sum() + weights.sum()).backward()
    F.scaled_dot_product_attention(*theirs, attn_mask=mask).sum().backward()
    for name, a, b in zip("qkv", mine, theirs, strict=True):
        if a.grad is None:
            raise AssertionError(f"{call}\n  no gradient reached {name}: keep the computation differentiable")
        bad = (~torch.isfinite(a.grad)).nonzero()
        if len(bad):
            raise AssertionError(
                f"{call} then backward()  (random input, seed {seed}) [row 1 allows no key]\n"
                f"  {name}.grad has {len(bad)} NaN or infinite entries, the first at index {tuple(bad[0].tolist())}: "
                "a row that may attend to nothing should give zero weights and finite gradients "
                "(a softmax over only -inf is 0/0)"
            )
        # weights.sum() is 1 per allowed row and 0 for the masked one: it adds nothing to the gradient.
        assert_close(
            a.grad, b.grad, call=call + " then backward() [row 1 allows no key]", seed=seed, what=f"{name}.grad"
        )


def test_accepts_non_contiguous_inputs(learner):
    seed = 113
    q, k, v = qkv((2,), L=5, S=6, D=8, Dv=4, seed=seed, dtype=torch.float64)
    q_t = q.transpose(-2, -1).contiguous().transpose(-2, -1)
    v_t = torch.cat([v, v], dim=-1)[..., ::2]
    assert not q_t.is_contiguous() and not v_t.is_contiguous()
    (out, weights), call = call_learner_sdpa(learner, q_t, k, v_t)
    expected_out, expected_weights = reference(q, k, v_t.contiguous())
    assert_close(out, expected_out, call=call + " (strided q and v)", seed=seed, what="out")
    assert_close(weights, expected_weights, call=call + " (strided q and v)", seed=seed, what="weights")


def test_leaves_inputs_unchanged(learner):
    seed = 114
    q, k, v = qkv((2,), L=3, S=4, D=4, Dv=2, seed=seed)
    mask = torch.zeros(3, 4)
    before = [t.clone() for t in (q, k, v, mask)]
    (_, _), call = call_learner_sdpa(learner, q, k, v, attn_mask=mask)
    for name, b, t in zip(["q", "k", "v", "attn_mask"], before, (q, k, v, mask), strict=True):
        assert_unchanged(b, t, name=name, call=call)


@pytest.mark.parametrize(
    "shapes, kwargs, match",
    [
        (((2, 3, 4), (2, 5, 6), (2, 5, 2)), {}, r"\bk\b"),
        (((2, 3, 4), (2, 5, 4), (2, 6, 2)), {}, r"\bv\b"),
        (((2, 3, 4), (2, 5, 4), (2, 5, 2)), {"attn_mask": torch.ones(4, 5, dtype=torch.bool)}, r"\battn_mask\b"),
        (
            ((2, 3, 4), (2, 5, 4), (2, 5, 2)),
            {"attn_mask": torch.ones(3, 5, dtype=torch.bool), "is_causal": True},
            r"\bis_causal\b",
        ),
        (((4,), (5, 4), (5, 2)), {}, r"\bq\b"),
        (((2, 3, 4), (2, 5, 4), (2, 5, 2)), {"k_dtype": torch.float64}, r"\bk\b"),
    ],
    ids=[
        "k of another size",
        "v of another length",
        "mask of the wrong shape",
        "mask and is_causal",
        "one-dimensional q",
        "k of another dtype",
    ],
)
def test_rejects_inconsistent_arguments(learner, shapes, kwargs, match):
    kwargs = dict(kwargs)
    k_dtype = kwargs.pop("k_dtype", torch.float32)
    q, k, v = torch.zeros(shapes[0]), torch.zeros(shapes[1], dtype=k_dtype), torch.zeros(shapes[2])
    call = call_repr("scaled_dot_product_attention", q, k, v, **kwargs)
    assert_raises(ValueError, learner.scaled_dot_product_attention, q, k, v, match=match, call=call, **kwargs)


def test_rejects_integer_tensors(learner):
    q = torch.zeros(3, 4, dtype=torch.int64)
    k, v = torch.zeros(5, 4), torch.zeros(5, 2)
    assert_raises(TypeError, learner.scaled_dot_product_attention, q, k, v, match=r"\bq\b")
    q, mask = torch.zeros(3, 4), torch.ones(3, 5, dtype=torch.int64)
    call = call_repr("scaled_dot_product_attention", q, k, v, attn_mask=mask)
    assert_raises(
        TypeError, learner.scaled_dot_product_attention, q, k, v, attn_mask=mask, match=r"\battn_mask\b", call=call
    )


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16], ids=["float16", "bfloat16"])
def test_keeps_half_precision_dtype(learner, dtype):
    seed = 116
    q, k, v = (t.to(dtype) for t in qkv((2,), L=4, S=6, D=8, Dv=8, seed=seed, dtype=torch.float64))
    # the exact attention of the half-precision values, rounded to the dtype; 4 ulps of the largest value
    exact_out, exact_weights = reference(q.double(), k.double(), v.double())
    (out, weights), call = call_learner_sdpa(learner, q, k, v)
    eps = torch.finfo(dtype).eps
    atol = 4 * eps * float(exact_out.abs().max())
    assert_close(out, exact_out.to(dtype), call=call, seed=seed, what="out", rtol=0.0, atol=atol)
    assert_close(weights, exact_weights.to(dtype), call=call, seed=seed, what="weights", rtol=0.0, atol=4 * eps)


def test_float_mask_of_another_dtype_keeps_the_dtype_of_q(learner):
    seed = 117
    q, k, v = qkv((2,), L=4, S=5, D=8, Dv=3, seed=seed, dtype=torch.float32)
    mask = randn(4, 5, seed=seed + 3, dtype=torch.float64)
    (out, weights), call = call_learner_sdpa(learner, q, k, v, attn_mask=mask)
    call += "  [float32 q, k, v; float64 mask]"
    expected_out, expected_weights = reference(q, k, v, attn_mask=mask.float())
    assert_close(weights, expected_weights, call=call, seed=seed, what="weights")
    assert_close(out, expected_out, call=call, seed=seed, what="out")


@pytest.mark.by_hand
def test_scaled_dot_product_attention_is_written_by_hand(learner):
    seed = 115
    q, k, v = qkv((2, 2), L=4, S=5, D=8, Dv=3, seed=seed, dtype=torch.float64)
    mask = random_bool_mask(4, 5, seed=seed + 3)
    expected_out, _ = reference(q, k, v, attn_mask=mask)
    with forbidden(*by_hand_entries("attention")):
        (out, _), call = call_learner_sdpa(learner, q, k, v, attn_mask=mask)
    assert_close(out, expected_out, call=call, seed=seed, what="out")


# -------------------------------------------------------------------------- MultiHeadAttention


def make_pair(learner, E: int, H: int, bias: bool, seed: int, dtype=torch.float64):
    """A torch nn.MultiheadAttention with random weights (biases too) and the learner's module with copies."""
    torch.manual_seed(seed)
    theirs = nn.MultiheadAttention(E, H, bias=bias, batch_first=True).to(dtype)
    with torch.no_grad():
        for p in theirs.parameters():
            p.copy_(torch.randn_like(p) * 0.3)
    mine = learner.MultiHeadAttention(E, H, bias=bias).to(dtype)
    with torch.no_grad():
        w = theirs.in_proj_weight
        for i, name in enumerate(["q_proj", "k_proj", "v_proj"]):
            layer = getattr(mine, name)
            layer.weight.copy_(w[i * E : (i + 1) * E])
            if bias:
                layer.bias.copy_(theirs.in_proj_bias[i * E : (i + 1) * E])
        mine.out_proj.weight.copy_(theirs.out_proj.weight)
        if bias:
            mine.out_proj.bias.copy_(theirs.out_proj.bias)
    return mine, theirs


def mha_expected(theirs, query, key, value, attn_mask=None):
    """nn.MultiheadAttention in float64 with the bool-mask convention flipped to 'True = masked'."""
    mask = attn_mask
    if mask is not None and mask.dtype == torch.bool:
        mask = ~mask
    elif mask is not None:
        mask = mask.double()
    out, weights = theirs.double()(query.double(), key.double(), value.double(), attn_mask=mask)
    return out.detach().to(query.dtype), weights.detach().to(query.dtype)


def call_learner_mha(mine, query, key, value, **kwargs):
    call = f"MultiHeadAttention({mine.q_proj.in_features}, ...)" + call_repr("", query, key, value, **kwargs)
    result = mine(query, key, value, **kwargs)
    if not isinstance(result, tuple) or len(result) != 2:
        raise AssertionError(f"{call}\n  returned {type(result).__name__}, expected a tuple (out, weights)")
    return result, call


@pytest.mark.parametrize("bias", [True, False], ids=["bias", "no bias"])
def test_mha_has_four_linear_projections(learner, bias):
    mha = learner.MultiHeadAttention(12, 3, bias=bias)
    for name in ["q_proj", "k_proj", "v_proj", "out_proj"]:
        layer = getattr(mha, name, None)
        assert isinstance(layer, nn.Linear), f"MultiHeadAttention(12, 3).{name} is {layer!r}, expected an nn.Linear"
        assert_equal(tuple(layer.weight.shape), (12, 12), call=f"MultiHeadAttention(12, 3).{name}", what="weight shape")
        assert_equal(
            layer.bias is not None, bias, call=f"MultiHeadAttention(12, 3, bias={bias}).{name}", what="has bias"
        )


@pytest.mark.points(2)
@DTYPES
def test_mha_matches_torch_multihead_attention_in_self_attention(learner, dtype):
    seed = 201
    mine, theirs = make_pair(learner, E=12, H=3, bias=True, seed=seed)
    mine = mine.to(dtype)
    x = randn(3, 5, 12, seed=seed, dtype=dtype)
    (out, weights), call = call_learner_mha(mine, x, x, x)
    expected_out, expected_weights = mha_expected(theirs, x, x, x)
    assert_close(
        weights, expected_weights, call=call + "  [weights averaged over the heads]", seed=seed, what="weights"
    )
    assert_close(out, expected_out, call=call, seed=seed, what="out")


@pytest.mark.points(2)
@pytest.mark.parametrize("bias", [True, False], ids=["bias", "no bias"])
def test_mha_matches_torch_multihead_attention_in_cross_attention(learner, bias):
    seed = 202
    mine, theirs = make_pair(learner, E=16, H=4, bias=bias, seed=seed)
    query = randn(2, 3, 16, seed=seed, dtype=torch.float64)
    key = randn(2, 7, 16, seed=seed + 1, dtype=torch.float64)
    value = randn(2, 7, 16, seed=seed + 2, dtype=torch.float64)
    (out, weights), call = call_learner_mha(mine, query, key, value)
    expected_out, expected_weights = mha_expected(theirs, query, key, value)
    assert_close(
        weights, expected_weights, call=call + "  [weights averaged over the heads]", seed=seed, what="weights"
    )
    assert_close(out, expected_out, call=call, seed=seed, what="out")


@pytest.mark.points(2)
@pytest.mark.parametrize("kind", ["bool [L, S]", "float [N*H, L, S]"])
def test_mha_applies_masks(learner, kind):
    seed = 203
    N, H, L, S, E = 2, 2, 4, 6, 8
    mine, theirs = make_pair(learner, E=E, H=H, bias=True, seed=seed)
    query = randn(N, L, E, seed=seed, dtype=torch.float64)
    key = randn(N, S, E, seed=seed + 1, dtype=torch.float64)
    if kind.startswith("bool"):
        mask = random_bool_mask(L, S, seed=seed + 3, p=0.5)
    else:
        mask = randn(N * H, L, S, seed=seed + 3, dtype=torch.float64, scale=2.0)
    (out, weights), call = call_learner_mha(mine, query, key, key, attn_mask=mask)
    expected_out, expected_weights = mha_expected(theirs, query, key, key, attn_mask=mask)
    assert_close(weights, expected_weights, call=call + "  [bool: True = may attend]", seed=seed, what="weights")
    assert_close(out, expected_out, call=call, seed=seed, what="out")


def test_mha_query_with_nothing_to_attend_gives_the_output_bias(learner):
    seed = 204
    mine, _ = make_pair(learner, E=8, H=2, bias=True, seed=seed)
    x = randn(2, 4, 8, seed=seed, dtype=torch.float64)
    mask = random_bool_mask(4, 4, seed=seed + 3)
    mask[3] = False
    (out, weights), call = call_learner_mha(mine, x, x, x, attn_mask=mask)
    call += "  [row 3 of the mask allows no key]"
    assert_close(weights[:, 3], torch.zeros(2, 4, dtype=torch.float64), call=call, seed=seed, what="weights[:, 3]")
    expected = mine.out_proj.bias.detach().expand(2, 8)
    assert_close(out[:, 3], expected, call=call + " (the zero vector through out_proj)", seed=seed, what="out[:, 3]")


@pytest.mark.points(2)
def test_mha_gradients_match_torch(learner):
    seed = 205
    mine, theirs = make_pair(learner, E=8, H=2, bias=True, seed=seed)
    x = randn(2, 5, 8, seed=seed, dtype=torch.float64)
    upstream = randn(2, 5, 8, seed=seed + 1, dtype=torch.float64)
    x_mine, x_theirs = x.clone().requires_grad_(), x.clone().requires_grad_()
    (out, _), call = call_learner_mha(mine, x_mine, x_mine, x_mine)
    (out * upstream).sum().backward()
    (theirs(x_theirs, x_theirs, x_theirs)[0] * upstream).sum().backward()
    call += " then backward()"
    assert x_mine.grad is not None, f"{call}\n  no gradient reached the input"
    assert_close(x_mine.grad, x_theirs.grad, call=call, seed=seed, what="input gradient")
    E = 8
    for i, name in enumerate(["q_proj", "k_proj", "v_proj"]):
        assert_close(
            getattr(mine, name).weight.grad,
            theirs.in_proj_weight.grad[i * E : (i + 1) * E],
            call=call,
            seed=seed,
            what=f"{name}.weight.grad",
        )
    assert_close(
        mine.out_proj.weight.grad, theirs.out_proj.weight.grad, call=call, seed=seed, what="out_proj.weight.grad"
    )


def test_mha_leaves_inputs_unchanged(learner):
    seed = 206
    mine, _ = make_pair(learner, E=8, H=4, bias=True, seed=seed)
    query, key = randn(2, 3, 8, seed=seed), randn(2, 5, 8, seed=seed + 1)
    mine = mine.float()
    before = query.clone(), key.clone()
    (_, _), call = call_learner_mha(mine, query, key, key)
    assert_unchanged(before[0], query, name="query", call=call)
    assert_unchanged(before[1], key, name="key", call=call)


@pytest.mark.parametrize(
    "args, match",
    [((10, 3), r"\bnum_heads\b"), ((8, 0), r"\bnum_heads\b"), ((0, 1), r"\bembed_dim\b")],
    ids=["3 does not divide 10", "no heads", "no features"],
)
def test_mha_rejects_invalid_sizes(learner, args, match):
    assert_raises(ValueError, learner.MultiHeadAttention, *args, match=match, call=f"MultiHeadAttention{args}")


def test_mha_accepts_a_mask_per_sample_and_head(learner):
    seed = 208
    N, H, L, S, E = 2, 2, 3, 5, 8
    mine, theirs = make_pair(learner, E=E, H=H, bias=True, seed=seed)
    query, key = randn(N, L, E, seed=seed, dtype=torch.float64), randn(N, S, E, seed=seed + 1, dtype=torch.float64)
    mask = random_bool_mask(N, H, L, S, seed=seed + 3, p=0.5)
    (out, weights), call = call_learner_mha(mine, query, key, key, attn_mask=mask)
    call += "  [bool mask [N, num_heads, L, S], True = may attend]"
    # nn.MultiheadAttention takes the same mask as [N * num_heads, L, S], sample n head h at n * num_heads + h
    expected_out, expected_weights = mha_expected(theirs, query, key, key, attn_mask=mask.reshape(N * H, L, S))
    assert_close(weights, expected_weights, call=call, seed=seed, what="weights")
    assert_close(out, expected_out, call=call, seed=seed, what="out")


@pytest.mark.parametrize(
    "shapes, mask_shape, match",
    [
        (((2, 3), (2, 5, 8), (2, 5, 8)), None, r"\bquery\b"),
        (((2, 3, 8), (3, 5, 8), (3, 5, 8)), None, r"\bkey\b"),
        (((2, 3, 8), (2, 5, 8), (2, 5, 6)), None, r"\bvalue\b"),
        (((2, 3, 8), (2, 5, 8), (2, 4, 8)), None, r"\b(key|value)\b"),
        (((2, 3, 8), (2, 5, 8), (2, 5, 8)), (3, 6), r"\battn_mask\b"),
        (((2, 3, 8), (2, 5, 8), (2, 5, 8)), (3, 3, 5), r"\battn_mask\b"),
    ],
    ids=[
        "2-D query",
        "key of another batch size",
        "value of another width",
        "key and value of other lengths",
        "mask [L, S + 1]",
        "mask [3, L, S] (not N * num_heads)",
    ],
)
def test_mha_rejects_inputs_that_do_not_fit(learner, shapes, mask_shape, match):
    mha = learner.MultiHeadAttention(8, 2)
    query, key, value = (torch.zeros(s) for s in shapes)
    kwargs = {} if mask_shape is None else {"attn_mask": torch.ones(mask_shape, dtype=torch.bool)}
    call = "MultiHeadAttention(8, 2)" + call_repr("", query, key, value, **kwargs)
    assert_raises(ValueError, mha, query, key, value, match=match, call=call, **kwargs)


@pytest.mark.by_hand
def test_mha_is_written_by_hand(learner):
    seed = 207
    mine, theirs = make_pair(learner, E=8, H=2, bias=True, seed=seed)
    x = randn(2, 4, 8, seed=seed, dtype=torch.float64)
    expected_out, _ = mha_expected(theirs, x, x, x)
    with forbidden(*by_hand_entries("attention")):
        (out, _), call = call_learner_mha(mine, x, x, x)
    assert_close(out, expected_out, call=call, seed=seed, what="out")
