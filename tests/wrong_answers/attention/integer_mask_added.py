"""Treats any non-bool mask as an additive one: an integer mask is added to the scores instead of refused."""

import torch

from solutions.attention.attention import *  # noqa: F403 - the rest is right
from solutions.attention.attention import scaled_dot_product_attention as _right

CAUGHT_BY = ["test_rejects_integer_tensors"]


def scaled_dot_product_attention(q, k, v, attn_mask=None, is_causal=False):
    if isinstance(attn_mask, torch.Tensor) and attn_mask.dtype != torch.bool and not attn_mask.is_floating_point():
        attn_mask = attn_mask.to(q.dtype)
    return _right(q, k, v, attn_mask, is_causal)
