"""Right values, but MultiHeadAttention subclasses nn.MultiheadAttention and lets its forward do the work."""

import torch
from torch import nn

from solutions.attention.attention import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_mha_is_written_by_hand"]


class MultiHeadAttention(nn.MultiheadAttention):
    def __init__(self, embed_dim, num_heads, bias=True):
        if embed_dim <= 0 or num_heads <= 0 or embed_dim % num_heads:
            raise ValueError(f"num_heads: {num_heads} heads for embed_dim={embed_dim}")
        super().__init__(embed_dim, num_heads, bias=bias, batch_first=True)
        self.q_proj = nn.Linear(embed_dim, embed_dim, bias=bias)
        self.k_proj = nn.Linear(embed_dim, embed_dim, bias=bias)
        self.v_proj = nn.Linear(embed_dim, embed_dim, bias=bias)

    def forward(self, query, key, value, attn_mask=None):
        with torch.no_grad():
            self.in_proj_weight.copy_(torch.cat([self.q_proj.weight, self.k_proj.weight, self.v_proj.weight]))
            if self.in_proj_bias is not None:
                self.in_proj_bias.copy_(torch.cat([self.q_proj.bias, self.k_proj.bias, self.v_proj.bias]))
        if attn_mask is not None and attn_mask.dim() == 4:
            attn_mask = attn_mask.reshape(-1, *attn_mask.shape[-2:])
        if attn_mask is not None and attn_mask.dtype == torch.bool:
            attn_mask = ~attn_mask
        return super().forward(query, key, value, attn_mask=attn_mask)
