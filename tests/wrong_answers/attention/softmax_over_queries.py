"""Takes the softmax over the query axis (dim=-2) instead of over the keys."""

import math

import torch

from solutions.attention.attention import *

CAUGHT_BY = [
    "test_output_matches_torch_with_more_keys_than_queries_and_other_value_size",
    "test_weights_are_the_softmax_of_scores_over_keys",
    "test_rows_of_weights_sum_to_one",
]


def scaled_dot_product_attention(q, k, v, attn_mask=None, is_causal=False):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    L, S = q.shape[-2], k.shape[-2]
    if is_causal:
        attn_mask = torch.ones(L, S, dtype=torch.bool).tril()
    if attn_mask is not None:
        scores = scores.masked_fill(~attn_mask, float("-inf")) if attn_mask.dtype == torch.bool else scores + attn_mask
    weights = torch.nan_to_num(torch.softmax(scores, dim=-2))
    return weights @ v, weights
