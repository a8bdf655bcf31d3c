"""Divides the scores by d instead of sqrt(d): the softmax comes out far too flat."""

import torch

from solutions.attention.attention import *

CAUGHT_BY = [
    "test_output_matches_torch_with_more_keys_than_queries_and_other_value_size",
    "test_weights_are_the_softmax_of_scores_over_keys",
    "test_scaling_by_sqrt_d_keeps_the_softmax_from_saturating",
]


def scaled_dot_product_attention(q, k, v, attn_mask=None, is_causal=False):
    scores = q @ k.transpose(-2, -1) / q.shape[-1]
    L, S = q.shape[-2], k.shape[-2]
    if is_causal:
        attn_mask = torch.ones(L, S, dtype=torch.bool).tril()
    if attn_mask is not None:
        scores = scores.masked_fill(~attn_mask, float("-inf")) if attn_mask.dtype == torch.bool else scores + attn_mask
    weights = torch.nan_to_num(torch.softmax(scores, dim=-1))
    return weights @ v, weights
