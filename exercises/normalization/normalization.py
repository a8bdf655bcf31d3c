"""7. 用ln（layer norm）的原因:

In English: 7. Why use LN (layer norm):

Source: 004_4864363d713f5d38.txt · 一、计算机视觉 · 7. 用ln（layer norm）的原因.

The notes' answer: sentences differ in length, so batch norm needs every sentence padded to one size, and
a sentence's statistics can be taken inside the sentence itself (因为样本长度不一致, 用BN需要把各个句子
padding到size一致 … 一个句子在内部做统计量抓取就可了). Write both normalisations by hand and see the
difference:

1. ``layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5)``: the same as
   ``torch.nn.functional.layer_norm``. Every sample is normalised with the mean and the (biased) variance of
   its own last ``len(normalized_shape)`` dimensions, so it never depends on the other samples of the batch.
2. ``batch_norm_train(x, running_mean, running_var, weight=None, bias=None, momentum=0.1, eps=1e-5)``: the
   same as ``torch.nn.functional.batch_norm(..., training=True)``. Every channel (dimension 1) is
   normalised with the mean and biased variance taken over the batch and all other dimensions; the
   running statistics are updated in place with the *unbiased* variance:
   ``running = (1 - momentum) * running + momentum * batch_statistic``.

By hand: no built-in normalisation, under any name or route: ``layer_norm``, ``batch_norm``,
``group_norm``, ``instance_norm`` and ``rms_norm`` (an RMS norm of centred values is a layer norm), as
``F.``, ``torch.``, ``nn.`` modules, their ``native_`` and ``_native_batch_norm_legit`` forms or
``torch.ops.aten``, or a reference to one of them kept from before the call. ``mean``, ``var``,
``var_mean``, ``sqrt`` and ``rsqrt`` are fine. Both functions are differentiable with respect to ``x``,
``weight`` and ``bias``, keep the dtype of ``x`` (float16 and bfloat16 included, and whatever the dtype of
``weight`` and ``bias``, which are converted to it) and do not modify ``x``. Errors name the argument in
their message.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch


def layer_norm(
    x: torch.Tensor,
    normalized_shape: int | Sequence[int],
    weight: torch.Tensor | None = None,
    bias: torch.Tensor | None = None,
    eps: float = 1e-5,
) -> torch.Tensor:
    """Normalise each sample over its last dimensions, as ``torch.nn.functional.layer_norm`` does.

    Args:
        x (Tensor[..., *normalized_shape]): floating-point input, e.g. ``[N, T, D]`` token vectors.
        normalized_shape (int or sequence of int): the trailing shape to normalise over; an int ``D``
            means ``(D,)``.
        weight (Tensor[*normalized_shape], optional): multiplies the normalised values (default 1); of
            another floating dtype than ``x``, it is converted to the dtype of ``x``.
        bias (Tensor[*normalized_shape], optional): is added afterwards (default 0); converted likewise.
        eps (float): added to the variance before the square root.

    Returns:
        Tensor: same shape and dtype as ``x``:
        ``(x - mean) / sqrt(var + eps) * weight + bias``, the mean and the biased variance taken over the
        last ``len(normalized_shape)`` dimensions of each sample separately.

    Raises:
        TypeError: ``x`` is not a floating-point tensor.
        ValueError: ``normalized_shape`` is empty or not the trailing shape of ``x``; ``weight`` or ``bias``
            is not of shape ``normalized_shape``. The message names the argument (``x``,
            ``normalized_shape``, ``weight`` or ``bias``).

    Example:
        >>> layer_norm(torch.tensor([[1.0, 2.0, 3.0], [10.0, 10.0, 40.0]]), 3)
        tensor([[-1.2247,  0.0000,  1.2247],
                [-0.7071, -0.7071,  1.4142]])
    """
    raise NotImplementedError


def batch_norm_train(
    x: torch.Tensor,
    running_mean: torch.Tensor | None,
    running_var: torch.Tensor | None,
    weight: torch.Tensor | None = None,
    bias: torch.Tensor | None = None,
    momentum: float = 0.1,
    eps: float = 1e-5,
) -> torch.Tensor:
    """Batch norm in training mode, as ``torch.nn.functional.batch_norm(..., training=True)``.

    Args:
        x (Tensor[N, C] or Tensor[N, C, *]): floating-point input; dimension 1 holds the channels, e.g.
            ``[N, C]``, ``[N, C, L]`` or ``[N, C, H, W]``.
        running_mean (Tensor[C], optional): updated in place to
            ``(1 - momentum) * running_mean + momentum * mean``; None to keep no running mean (each of the
            two running statistics may be given without the other).
        running_var (Tensor[C], optional): updated in place to
            ``(1 - momentum) * running_var + momentum * unbiased_var`` (variance with ``n - 1``, ``n`` being
            the number of values per channel); None to keep no running variance.
        weight (Tensor[C], optional): per-channel scale (default 1); of another floating dtype than ``x``,
            it is converted to the dtype of ``x``.
        bias (Tensor[C], optional): per-channel shift (default 0); converted likewise.
        momentum (float): weight of the new batch in the running statistics.
        eps (float): added to the variance before the square root.

    Returns:
        Tensor: same shape and dtype as ``x``: ``(x - mean) / sqrt(var + eps) * weight + bias`` with the
        mean and the *biased* variance of each channel over all dimensions but 1. The update of the
        running statistics is not part of the autograd graph.

    Raises:
        TypeError: ``x`` is not a floating-point tensor.
        ValueError: ``x`` has fewer than 2 dimensions or only one value per channel; a running statistic,
            ``weight`` or ``bias`` is not of shape ``[C]``. The message names the argument (``x``,
            ``running_mean``, ``running_var``, ``weight`` or ``bias``).

    Example:
        >>> x = torch.tensor([[1.0, 10.0], [3.0, 30.0]])
        >>> mean, var = torch.zeros(2), torch.ones(2)
        >>> batch_norm_train(x, mean, var)
        tensor([[-1.0000, -1.0000],
                [ 1.0000,  1.0000]])
        >>> mean, var
        (tensor([0.2000, 2.0000]), tensor([ 1.1000, 20.9000]))
    """
    raise NotImplementedError
