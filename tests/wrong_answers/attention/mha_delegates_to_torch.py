"""Right values, but MultiHeadAttention builds an nn.MultiheadAttention from its weights and calls it."""

import torch
from torch import nn

from solutions.attention.attention import *  # noqa: F403 - the rest is right
from solutions.attention.attention import MultiHeadAttention as _Right

CAUGHT_BY = ["test_mha_is_written_by_hand"]


class MultiHeadAttention(_Right):
    def forward(self, query, key, value, attn_mask=None):
        bias = self.q_proj.bias is not None
        mha = nn.MultiheadAttention(self.embed_dim, self.num_heads, bias=bias, batch_first=True)
        mha = mha.to(query.dtype)
        with torch.no_grad():
            mha.in_proj_weight.copy_(torch.cat([self.q_proj.weight, self.k_proj.weight, self.v_proj.weight]))
            mha.out_proj.weight.copy_(self.out_proj.weight)
            if bias:
                mha.in_proj_bias.copy_(torch.cat([self.q_proj.bias, self.k_proj.bias, self.v_proj.bias]))
                mha.out_proj.bias.copy_(self.out_proj.bias)
        if attn_mask is not None and attn_mask.dim() == 4:
            attn_mask = attn_mask.reshape(-1, *attn_mask.shape[-2:])
        if attn_mask is not None and attn_mask.dtype == torch.bool:
            attn_mask = ~attn_mask  # torch's bool masks mean "masked out"
        return mha(query, key, value, attn_mask=attn_mask)
