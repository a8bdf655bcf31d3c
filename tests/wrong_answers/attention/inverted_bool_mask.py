"""Reads a bool mask as nn.MultiheadAttention does (True = masked out) instead of True = may attend."""

import math

import torch

from solutions.attention.attention import *

CAUGHT_BY = [
    "test_bool_mask_true_means_may_attend",
    "test_query_with_nothing_to_attend_gives_zeros_not_nan[bool]",
    "test_mask_broadcasts_over_batch_and_heads",
    "test_gradients_match_torch",
]


def scaled_dot_product_attention(q, k, v, attn_mask=None, is_causal=False):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    L, S = q.shape[-2], k.shape[-2]
    if is_causal:
        scores = scores.masked_fill(~torch.ones(L, S, dtype=torch.bool).tril(), float("-inf"))
    if attn_mask is not None:
        scores = scores.masked_fill(attn_mask, float("-inf")) if attn_mask.dtype == torch.bool else scores + attn_mask
    weights = torch.nan_to_num(torch.softmax(scores, dim=-1))
    return weights @ v, weights
