"""Splits heads with view(N, H, T, Dh) instead of view(N, T, H, Dh).transpose(1, 2): positions leak across heads."""

from solutions.attention.attention import *
from solutions.attention.attention import MultiHeadAttention as _Right
from solutions.attention.attention import scaled_dot_product_attention

CAUGHT_BY = [
    "test_mha_matches_torch_multihead_attention_in_self_attention",
    "test_mha_matches_torch_multihead_attention_in_cross_attention",
    "test_mha_gradients_match_torch",
]


class MultiHeadAttention(_Right):
    def forward(self, query, key, value, attn_mask=None):
        N, L, E = query.shape
        H, Dh = self.num_heads, self.head_dim
        q = self.q_proj(query).reshape(N, H, L, Dh)
        k = self.k_proj(key).reshape(N, H, key.shape[1], Dh)
        v = self.v_proj(value).reshape(N, H, key.shape[1], Dh)
        out, weights = scaled_dot_product_attention(q, k, v, attn_mask=attn_mask)
        return self.out_proj(out.reshape(N, L, E)), weights.mean(dim=1)
