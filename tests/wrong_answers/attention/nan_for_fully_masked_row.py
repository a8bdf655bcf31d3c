"""Plain softmax over a row of -inf: a query with nothing to attend to gets NaN instead of zeros."""

import math

import torch

from solutions.attention.attention import *

CAUGHT_BY = [
    "test_query_with_nothing_to_attend_gives_zeros_not_nan",
    "test_gradients_stay_finite_with_a_fully_masked_row",
]


def scaled_dot_product_attention(q, k, v, attn_mask=None, is_causal=False):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    L, S = q.shape[-2], k.shape[-2]
    if is_causal:
        attn_mask = torch.ones(L, S, dtype=torch.bool).tril()
    if attn_mask is not None:
        scores = scores.masked_fill(~attn_mask, float("-inf")) if attn_mask.dtype == torch.bool else scores + attn_mask
    weights = torch.softmax(scores, dim=-1)
    return weights @ v, weights
