"""MultiHeadAttention checks nothing: inputs that do not fit fail inside view/matmul with a RuntimeError."""

from solutions.attention.attention import *  # noqa: F403 - the rest is right
from solutions.attention.attention import MultiHeadAttention as _Right
from solutions.attention.attention import scaled_dot_product_attention

CAUGHT_BY = ["test_mha_rejects_inputs_that_do_not_fit"]


class MultiHeadAttention(_Right):
    def forward(self, query, key, value, attn_mask=None):
        N, L, E = query.shape
        S, H, Dh = key.shape[1], self.num_heads, self.head_dim

        def heads(x):
            return x.reshape(N, x.shape[1], H, Dh).transpose(1, 2)

        q, k, v = heads(self.q_proj(query)), heads(self.k_proj(key)), heads(self.v_proj(value))
        if attn_mask is not None and attn_mask.dim() == 3:
            attn_mask = attn_mask.reshape(N, H, L, S)
        out, weights = scaled_dot_product_attention(q, k, v, attn_mask=attn_mask)
        return self.out_proj(out.transpose(1, 2).reshape(N, L, E)), weights.mean(dim=1)
