"""Right values, but the output comes from F.scaled_dot_product_attention and MHA from F.multi_head_attention_forward."""

import math

import torch
import torch.nn.functional as F

from solutions.attention.attention import *
from solutions.attention.attention import MultiHeadAttention as _Right

CAUGHT_BY = ["test_scaled_dot_product_attention_is_written_by_hand", "test_mha_is_written_by_hand"]


def scaled_dot_product_attention(q, k, v, attn_mask=None, is_causal=False):
    out = F.scaled_dot_product_attention(q, k, v, attn_mask=attn_mask, is_causal=is_causal)
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if is_causal:
        attn_mask = torch.ones(q.shape[-2], k.shape[-2], dtype=torch.bool).tril()
    if attn_mask is not None:
        scores = scores.masked_fill(~attn_mask, -math.inf) if attn_mask.dtype == torch.bool else scores + attn_mask
    return out, torch.nan_to_num(torch.softmax(scores, dim=-1))


class MultiHeadAttention(_Right):
    def forward(self, query, key, value, attn_mask=None):
        in_w = torch.cat([self.q_proj.weight, self.k_proj.weight, self.v_proj.weight])
        in_b = None if self.q_proj.bias is None else torch.cat([self.q_proj.bias, self.k_proj.bias, self.v_proj.bias])
        if attn_mask is not None and attn_mask.dtype == torch.bool:
            attn_mask = ~attn_mask
        out, weights = F.multi_head_attention_forward(
            query.transpose(0, 1),
            key.transpose(0, 1),
            value.transpose(0, 1),
            self.embed_dim,
            self.num_heads,
            in_w,
            in_b,
            None,
            None,
            False,
            0.0,
            self.out_proj.weight,
            self.out_proj.bias,
            attn_mask=attn_mask,
        )
        return out.transpose(0, 1), weights
