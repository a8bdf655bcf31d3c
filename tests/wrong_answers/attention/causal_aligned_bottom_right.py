"""Aligns the causal mask at the bottom right (tril(diagonal=S - L)), as in KV-cache decoding, not top left."""

import math

import torch

from solutions.attention.attention import *

CAUGHT_BY = [
    "test_causal_mask_lets_query_i_see_keys_up_to_i[more keys]",
    "test_causal_mask_lets_query_i_see_keys_up_to_i[more queries]",
]


def scaled_dot_product_attention(q, k, v, attn_mask=None, is_causal=False):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    L, S = q.shape[-2], k.shape[-2]
    if is_causal:
        attn_mask = torch.ones(L, S, dtype=torch.bool).tril(diagonal=S - L)
    if attn_mask is not None:
        scores = scores.masked_fill(~attn_mask, float("-inf")) if attn_mask.dtype == torch.bool else scores + attn_mask
    weights = torch.nan_to_num(torch.softmax(scores, dim=-1))
    return weights @ v, weights
