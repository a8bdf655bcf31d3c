"""Right values, but the output comes from torch.ops.aten.scaled_dot_product_attention (weights by hand)."""

import torch

from solutions.attention.attention import *  # noqa: F403 - the rest is right
from solutions.attention.attention import scaled_dot_product_attention as _right

CAUGHT_BY = ["test_scaled_dot_product_attention_is_written_by_hand"]


def scaled_dot_product_attention(q, k, v, attn_mask=None, is_causal=False):
    _, weights = _right(q, k, v, attn_mask, is_causal)  # the checks, and the weights
    mask = attn_mask.to(q.dtype) if attn_mask is not None and attn_mask.is_floating_point() else attn_mask
    return torch.ops.aten.scaled_dot_product_attention(q, k, v, mask, 0.0, is_causal), weights
