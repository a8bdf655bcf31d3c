"""Returns the attention weights summed over the heads instead of averaged (rows sum to num_heads)."""

from solutions.attention.attention import *
from solutions.attention.attention import MultiHeadAttention as _Right

CAUGHT_BY = [
    "test_mha_matches_torch_multihead_attention_in_self_attention",
    "test_mha_matches_torch_multihead_attention_in_cross_attention",
    "test_mha_applies_masks",
]


class MultiHeadAttention(_Right):
    def forward(self, query, key, value, attn_mask=None):
        out, weights = super().forward(query, key, value, attn_mask)
        return out, weights * self.num_heads
