"""Converts k and v to the dtype of q instead of refusing tensors of different dtypes."""

import torch

from solutions.attention.attention import *  # noqa: F403 - the rest is right
from solutions.attention.attention import scaled_dot_product_attention as _right

CAUGHT_BY = ["test_rejects_inconsistent_arguments[k of another dtype]"]


def scaled_dot_product_attention(q, k, v, attn_mask=None, is_causal=False):
    if all(isinstance(t, torch.Tensor) and t.is_floating_point() for t in (q, k, v)):
        k, v = k.to(q.dtype), v.to(q.dtype)
    return _right(q, k, v, attn_mask, is_causal)
