"""6. attention如何计算, self attention除以根号k的原因:

In English: 6. How attention is computed, and why self-attention divides by the square root of k:

Source: 004_4864363d713f5d38.txt · 一、计算机视觉 · 6. attention如何计算, self attention除以根号k的原因.

Write attention by hand, without ``torch.nn.functional.scaled_dot_product_attention``,
``torch.nn.functional.multi_head_attention_forward`` or ``torch.nn.MultiheadAttention``, under any name or
route: ``torch._C._nn.scaled_dot_product_attention``, ``torch.ops.aten.scaled_dot_product_attention`` and its
kernels (``_scaled_dot_product_*``, ``_flash_attention_forward``...), ``torch._native_multi_head_attention``,
an ``nn.MultiheadAttention`` held as a submodule, used as a base class or inside an ``nn.Transformer*``
layer, or a reference to one of them kept from before the call. Softmax (``torch.softmax``,
``Tensor.softmax``, ``F.softmax``), ``matmul``/``einsum``/``bmm``, ``masked_fill`` and ``nn.Linear`` are
fine, and ``MultiHeadAttention`` may call your own ``scaled_dot_product_attention``.

1. ``scaled_dot_product_attention(q, k, v, attn_mask=None, is_causal=False)`` returns the output and the
   attention weights ``softmax(q @ k^T / sqrt(d) + mask)``. Its output equals
   ``torch.nn.functional.scaled_dot_product_attention`` (no dropout, default scale).
2. ``MultiHeadAttention(embed_dim, num_heads, bias=True)``, a module with four ``nn.Linear`` layers
   ``q_proj``, ``k_proj``, ``v_proj`` and ``out_proj``, whose ``forward(query, key, value, attn_mask=None)``
   returns what ``nn.MultiheadAttention(embed_dim, num_heads, bias=bias, batch_first=True)`` returns given
   the same weights: the output and the weights averaged over the heads.

Conventions (the same in both): a boolean mask is True where a query **may** attend to a key (as in
``F.scaled_dot_product_attention``; note that ``nn.MultiheadAttention`` uses the opposite convention for
boolean masks); a floating mask is added to the scores. A query row that may attend to nothing gives
weights of 0 and an output of 0 (before ``out_proj``), never NaN. The scores are divided by ``sqrt(d)``,
``d`` being the size of one query/key vector (one head's size in multi-head attention): the notes explain
why, and a test shows what happens to the softmax of large dot products without it.
"""

from __future__ import annotations

import math

import torch
from torch import nn


def _check_mask(attn_mask: torch.Tensor, q: torch.Tensor, L: int, S: int) -> None:
    if not isinstance(attn_mask, torch.Tensor):
        raise TypeError(f"attn_mask: expected a bool or floating tensor or None, got {type(attn_mask).__name__}")
    if attn_mask.dtype != torch.bool and not attn_mask.is_floating_point():
        raise TypeError(f"attn_mask: expected dtype bool or a floating dtype, got {attn_mask.dtype}")
    try:
        torch.broadcast_shapes(attn_mask.shape, (*q.shape[:-2], L, S))
    except RuntimeError:
        raise ValueError(
            f"attn_mask: expected a shape that broadcasts to {[*q.shape[:-2], L, S]}, got {list(attn_mask.shape)}"
        ) from None


def scaled_dot_product_attention(
    q: torch.Tensor,
    k: torch.Tensor,
    v: torch.Tensor,
    attn_mask: torch.Tensor | None = None,
    is_causal: bool = False,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Attention of every query over every key: ``softmax(q @ k^T / sqrt(D) + mask) @ v``.

    Args:
        q (Tensor[..., L, D]): queries, floating point; ``...`` are batch (and head) dimensions.
        k (Tensor[..., S, D]): keys, same dtype; batch dimensions broadcast with those of ``q``.
        v (Tensor[..., S, Dv]): values, same dtype; ``Dv`` may differ from ``D``.
        attn_mask (Tensor[..., L, S], optional): broadcastable to ``[..., L, S]``. ``bool``: True where the
            query may attend to the key. Floating: added to the scaled scores (``-inf`` forbids).
        is_causal (bool): query ``i`` may attend to keys ``j <= i`` only (the mask is
            ``torch.ones(L, S).tril()``, aligned at the top left when ``L != S``). Cannot be combined with
            ``attn_mask``.

    Returns:
        (Tensor[..., L, Dv], Tensor[..., L, S]): the output and the attention weights, in the dtype of
        ``q`` (float16 and bfloat16 included; a floating mask of another dtype does not change it). Each
        row of the weights sums to 1, except a row whose query may attend to no key: its weights and its
        output are all 0. Differentiable with respect to ``q``, ``k`` and ``v``.

    Raises:
        TypeError: ``q``, ``k`` or ``v`` is not a floating tensor, or ``attn_mask`` is neither bool nor floating.
        ValueError: fewer than 2 dimensions, ``k`` with another last size than ``q``, ``v`` with another
            number of keys than ``k``, dtypes of ``q``, ``k``, ``v`` that differ, a mask that does not
            broadcast, or both ``attn_mask`` and ``is_causal``.
        The message names the argument (``q``, ``k``, ``v``, ``attn_mask`` or ``is_causal``).

    Example:
        >>> q = torch.tensor([[1.0, 0.0]])
        >>> k = torch.tensor([[1.0, 0.0], [0.0, 1.0]])
        >>> v = torch.tensor([[10.0], [20.0]])
        >>> out, weights = scaled_dot_product_attention(q, k, v)
        >>> weights
        tensor([[0.6698, 0.3302]])
        >>> out
        tensor([[13.3024]])
    """
    for name, t in (("q", q), ("k", k), ("v", v)):
        if not isinstance(t, torch.Tensor) or not t.is_floating_point():
            got = t.dtype if isinstance(t, torch.Tensor) else type(t).__name__
            raise TypeError(f"{name}: expected a floating-point tensor, got {got}")
        if t.dim() < 2:
            raise ValueError(f"{name}: expected at least 2 dimensions [..., length, features], got {list(t.shape)}")
    if k.dtype != q.dtype or v.dtype != q.dtype:
        raise ValueError(f"k, v: expected the dtype of q ({q.dtype}), got k {k.dtype} and v {v.dtype}")
    if k.shape[-1] != q.shape[-1]:
        raise ValueError(f"k: expected last dimension {q.shape[-1]} (that of q), got shape {list(k.shape)}")
    if v.shape[-2] != k.shape[-2]:
        raise ValueError(f"v: expected {k.shape[-2]} keys (dimension -2 of k), got shape {list(v.shape)}")
    L, S = q.shape[-2], k.shape[-2]
    if is_causal and attn_mask is not None:
        raise ValueError("is_causal: cannot be combined with attn_mask; put the causal part into the mask instead")
    if attn_mask is not None:
        _check_mask(attn_mask, q, L, S)

    # Dividing by sqrt(D) gives the scores of random unit-variance vectors a variance of 1 instead of D:
    # without it, large D pushes the softmax towards one-hot, where its gradient vanishes.
    scores = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(q.shape[-1]))
    if is_causal:
        attn_mask = torch.ones(L, S, dtype=torch.bool, device=q.device).tril()
    if attn_mask is not None:
        if attn_mask.dtype == torch.bool:
            scores = scores.masked_fill(~attn_mask, float("-inf"))
        else:
            scores = scores + attn_mask.to(scores.dtype)

    # A softmax written out, so that a row of nothing but -inf gives zeros instead of 0/0 = NaN. The row
    # maximum is only a shift for stability (the softmax does not depend on it), hence detached.
    row_max = scores.detach().amax(dim=-1, keepdim=True)
    row_max = torch.where(torch.isfinite(row_max), row_max, torch.zeros_like(row_max))
    exp = torch.exp(scores - row_max)
    total = exp.sum(dim=-1, keepdim=True)
    weights = exp / torch.where(total > 0, total, torch.ones_like(total))
    return weights @ v, weights


class MultiHeadAttention(nn.Module):
    """Multi-head attention, batch first, as ``nn.MultiheadAttention(embed_dim, num_heads, bias=bias,
    batch_first=True)`` computes it (no dropout, no ``kdim``/``vdim``).

    Args:
        embed_dim (int): size ``E`` of every input and output vector.
        num_heads (int): number of heads ``H``; must divide ``embed_dim``. Each head works on ``E // H``
            features and scales its scores by ``1 / sqrt(E // H)``.
        bias (bool): whether the four projections have biases.

    Attributes:
        q_proj, k_proj, v_proj, out_proj (nn.Linear): ``Linear(E, E, bias=bias)`` each. Head ``h`` uses
            features ``h * E // H`` to ``(h + 1) * E // H`` of the projected queries, keys and values, as
            ``nn.MultiheadAttention`` does with the three blocks of its ``in_proj_weight``.

    Raises:
        ValueError: ``embed_dim`` or ``num_heads`` is not positive, or ``num_heads`` does not divide
            ``embed_dim``; the message names the argument (``num_heads`` when it does not divide).

    Example:
        >>> mha = MultiHeadAttention(8, 2)
        >>> x = torch.randn(3, 5, 8)
        >>> out, weights = mha(x, x, x)
        >>> out.shape, weights.shape
        (torch.Size([3, 5, 8]), torch.Size([3, 5, 5]))
    """

    def __init__(self, embed_dim: int, num_heads: int, bias: bool = True) -> None:
        super().__init__()
        if not isinstance(embed_dim, int) or embed_dim <= 0:
            raise ValueError(f"embed_dim: expected a positive int, got {embed_dim!r}")
        if not isinstance(num_heads, int) or num_heads <= 0:
            raise ValueError(f"num_heads: expected a positive int, got {num_heads!r}")
        if embed_dim % num_heads != 0:
            raise ValueError(f"num_heads: expected a divisor of embed_dim={embed_dim}, got {num_heads}")
        self.embed_dim = embed_dim
        self.num_heads = num_heads
        self.head_dim = embed_dim // num_heads
        self.q_proj = nn.Linear(embed_dim, embed_dim, bias=bias)
        self.k_proj = nn.Linear(embed_dim, embed_dim, bias=bias)
        self.v_proj = nn.Linear(embed_dim, embed_dim, bias=bias)
        self.out_proj = nn.Linear(embed_dim, embed_dim, bias=bias)

    def forward(
        self,
        query: torch.Tensor,
        key: torch.Tensor,
        value: torch.Tensor,
        attn_mask: torch.Tensor | None = None,
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Attend from every query to every key, in ``num_heads`` heads at once.

        Args:
            query (Tensor[N, L, E]): queries, batch first.
            key (Tensor[N, S, E]): keys.
            value (Tensor[N, S, E]): values.
            attn_mask (Tensor, optional): ``[L, S]`` (the same for every sample and head),
                ``[N * num_heads, L, S]`` (sample ``n``, head ``h`` at index ``n * num_heads + h``, as in
                ``nn.MultiheadAttention``) or ``[N, num_heads, L, S]``. ``bool``: True where the query may
                attend (the opposite of ``nn.MultiheadAttention``'s boolean masks); floating: added to the
                scores.

        Returns:
            (Tensor[N, L, E], Tensor[N, L, S]): the output, and the attention weights averaged over the
            heads. A query that may attend to nothing gets weights 0 and, before ``out_proj``, values 0.

        Raises:
            ValueError: an input is not 3-D, the batch sizes or ``E`` do not match, ``key`` and ``value``
                differ in length, or the mask has another shape than those above. The message names the
                argument (``query``, ``key``, ``value`` or ``attn_mask``).
        """
        for name, t in (("query", query), ("key", key), ("value", value)):
            if not isinstance(t, torch.Tensor) or t.dim() != 3:
                got = list(t.shape) if isinstance(t, torch.Tensor) else type(t).__name__
                raise ValueError(f"{name}: expected a tensor [N, length, {self.embed_dim}], got {got}")
            if t.shape[0] != query.shape[0] or t.shape[2] != self.embed_dim:
                raise ValueError(
                    f"{name}: expected shape [{query.shape[0]}, length, {self.embed_dim}], got {list(t.shape)}"
                )
        if key.shape[1] != value.shape[1]:
            raise ValueError(f"value: expected {key.shape[1]} positions (as key), got shape {list(value.shape)}")
        N, L, _ = query.shape
        S = key.shape[1]
        H, Dh = self.num_heads, self.head_dim

        def heads(x: torch.Tensor) -> torch.Tensor:
            # [N, T, E] -> [N, H, T, Dh]: the features of one position are split into H consecutive chunks;
            # viewing as [N, H, T, Dh] directly would mix positions into heads.
            return x.view(N, x.shape[1], H, Dh).transpose(1, 2)

        q, k, v = heads(self.q_proj(query)), heads(self.k_proj(key)), heads(self.v_proj(value))
        if attn_mask is not None:
            if attn_mask.dim() == 3 and tuple(attn_mask.shape) == (N * H, L, S):
                attn_mask = attn_mask.view(N, H, L, S)
            elif attn_mask.dim() not in (2, 4) or attn_mask.shape[-2:] != (L, S):
                raise ValueError(
                    f"attn_mask: expected shape [{L}, {S}], [{N * H}, {L}, {S}] or [{N}, {H}, {L}, {S}], "
                    f"got {list(attn_mask.shape)}"
                )
        out, weights = scaled_dot_product_attention(q, k, v, attn_mask=attn_mask)
        out = out.transpose(1, 2).reshape(N, L, self.embed_dim)
        return self.out_proj(out), weights.mean(dim=1)
