"""Right values, but the output comes from torch.ops.aten._scaled_dot_product_attention_math, a built-in kernel."""

import torch

from solutions.attention.attention import *  # noqa: F403 - the rest is right
from solutions.attention.attention import scaled_dot_product_attention as _right

CAUGHT_BY = ["test_scaled_dot_product_attention_is_written_by_hand"]


def scaled_dot_product_attention(q, k, v, attn_mask=None, is_causal=False):
    _, weights = _right(q, k, v, attn_mask, is_causal)  # the checks, and the weights
    mask = attn_mask
    if mask is not None and mask.dtype == torch.bool:
        mask = torch.zeros(mask.shape, dtype=q.dtype).masked_fill(~mask, float("-inf"))
    elif mask is not None:
        mask = mask.to(q.dtype)
    out, _ = torch.ops.aten._scaled_dot_product_attention_math(q, k, v, mask, 0.0, is_causal)
    return torch.nan_to_num(out), weights
