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

import torch
from torch import nn


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
    raise NotImplementedError


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
        raise NotImplementedError

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
        raise NotImplementedError
