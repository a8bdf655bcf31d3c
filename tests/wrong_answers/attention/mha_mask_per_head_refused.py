"""MultiHeadAttention takes [L, S] and [N * num_heads, L, S] masks but refuses the [N, num_heads, L, S] form."""

from solutions.attention.attention import *  # noqa: F403 - the rest is right
from solutions.attention.attention import MultiHeadAttention as _Right

CAUGHT_BY = ["test_mha_accepts_a_mask_per_sample_and_head"]


class MultiHeadAttention(_Right):
    def forward(self, query, key, value, attn_mask=None):
        if attn_mask is not None and attn_mask.dim() == 4:
            raise ValueError(f"attn_mask: expected [L, S] or [N * num_heads, L, S], got {list(attn_mask.shape)}")
        return super().forward(query, key, value, attn_mask)
