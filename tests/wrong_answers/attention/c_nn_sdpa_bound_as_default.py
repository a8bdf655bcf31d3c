"""Right values, but torch._C._nn.scaled_dot_product_attention, bound as a default argument, gives the output."""

import torch

from solutions.attention.attention import *  # noqa: F403 - the rest is right
from solutions.attention.attention import scaled_dot_product_attention as _right

CAUGHT_BY = ["test_scaled_dot_product_attention_is_written_by_hand"]


def scaled_dot_product_attention(
    q, k, v, attn_mask=None, is_causal=False, _sdpa=torch._C._nn.scaled_dot_product_attention
):
    _, weights = _right(q, k, v, attn_mask, is_causal)  # the checks, and the weights
    mask = attn_mask.to(q.dtype) if attn_mask is not None and attn_mask.is_floating_point() else attn_mask
    return _sdpa(q, k, v, attn_mask=mask, is_causal=is_causal), weights
