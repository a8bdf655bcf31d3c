"""Upcasts float16/bfloat16 inputs to float32 for the softmax and returns float32 results."""

import torch

from solutions.attention.attention import *  # noqa: F403 - the rest is right
from solutions.attention.attention import scaled_dot_product_attention as _right

CAUGHT_BY = ["test_keeps_half_precision_dtype"]


def scaled_dot_product_attention(q, k, v, attn_mask=None, is_causal=False):
    if isinstance(q, torch.Tensor) and q.dtype in (torch.float16, torch.bfloat16):
        q, k, v = q.float(), k.float(), v.float()
    return _right(q, k, v, attn_mask, is_causal)
