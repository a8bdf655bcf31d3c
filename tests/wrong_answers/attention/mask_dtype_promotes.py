"""Adds a floating mask as it comes: a float64 mask turns float32 scores, weights and output into float64."""

import math

import torch

from solutions.attention.attention import *  # noqa: F403 - the rest is right
from solutions.attention.attention import scaled_dot_product_attention as _right

CAUGHT_BY = ["test_float_mask_of_another_dtype_keeps_the_dtype_of_q"]


def scaled_dot_product_attention(q, k, v, attn_mask=None, is_causal=False):
    if attn_mask is None or not attn_mask.is_floating_point() or attn_mask.dtype == q.dtype:
        return _right(q, k, v, attn_mask, is_causal)
    _right(q, k, v, attn_mask, is_causal)  # the checks
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1]) + attn_mask  # promotes to the mask's dtype
    weights = torch.nan_to_num(torch.softmax(scores, dim=-1))
    return weights @ v.to(weights.dtype), weights
