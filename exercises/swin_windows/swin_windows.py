"""8. swin transformer: 1. 在局部小window内做attention, 计算量从图像分辨率的平方倍优化至线性倍;
2. 使用shifted层级结构+patch merging, 实现多层级多感受野目的(第二点也是为分割,检测等密集型预测任务做的必须行优化).

In English: 8. Swin Transformer: 1. attention is computed inside small local windows, which brings the cost
down from quadratic in the image resolution to linear; 2. a shifted, hierarchical structure plus patch merging
gives several levels with several receptive fields (the second point is also an optimisation that dense
prediction tasks such as segmentation and detection need).

Source: 004_4864363d713f5d38.txt · 一、计算机视觉 · 8. swin transformer (the question and the notes' answer).

The notes: attention inside small local windows brings the cost from quadratic to linear in the number of
pixels, and shifted windows plus patch merging build a hierarchy of receptive fields (needed for dense
tasks such as detection and segmentation). Write the pieces of the Swin Transformer that do this, as the
paper and its reference code (microsoft/Swin-Transformer) define them:

1. ``window_partition(x, window_size)``: cut ``x`` of shape ``[B, H, W, C]`` into non-overlapping
   ``M x M`` windows, ``[B * nW, M, M, C]``, windows of one image together and in row-major order.
2. ``window_reverse(windows, window_size, H, W)``: put them back, the exact inverse.
3. ``shifted_window_mask(H, W, window_size, shift_size)``: the additive attention mask for the windows of
   the image rolled by ``-shift_size`` on both axes: ``[nW, M*M, M*M]``, 0 where two tokens of a window may
   attend to each other (they came from the same region of the image) and -100 where not.
4. ``PatchMerging(dim)``: concatenate each 2x2 neighbourhood in the order
   ``x[:, 0::2, 0::2], x[:, 1::2, 0::2], x[:, 0::2, 1::2], x[:, 1::2, 1::2]``, then ``LayerNorm(4C)``, then
   ``Linear(4C, 2C, bias=False)``: half the resolution, twice the channels.
5. ``attention_flops(h, w, c, window_size=None)``: the paper's cost of global multi-head self-attention,
   ``4hwC^2 + 2(hw)^2 C``, or of window attention, ``4hwC^2 + 2M^2 hwC``.

Here ``M`` is ``window_size`` and ``nW = (H / M) * (W / M)``; ``H`` and ``W`` must be multiples of ``M``.
"""

from __future__ import annotations

import torch
from torch import nn


def window_partition(x: torch.Tensor, window_size: int) -> torch.Tensor:
    """Cut a batch of feature maps into non-overlapping square windows.

    Args:
        x (Tensor[B, H, W, C]): channels last; ``H`` and ``W`` multiples of ``window_size``.
        window_size (int): the window side ``M``.

    Returns:
        Tensor[B * nW, M, M, C]: window ``b * nW + r * (W // M) + c`` is
        ``x[b, r*M:(r+1)*M, c*M:(c+1)*M]``: the windows of image 0 first, each image's windows row by row.
        Same dtype as ``x``.

    Raises:
        ValueError: ``x`` is not 4-D (the message names ``x``), or ``window_size`` is not a positive divisor
            of ``H`` and ``W`` (the message names ``window_size``).

    Example:
        >>> x = torch.arange(16.0).view(1, 4, 4, 1)
        >>> window_partition(x, 2)[:, :, :, 0]
        tensor([[[ 0.,  1.],
                 [ 4.,  5.]],
        <BLANKLINE>
                [[ 2.,  3.],
                 [ 6.,  7.]],
        <BLANKLINE>
                [[ 8.,  9.],
                 [12., 13.]],
        <BLANKLINE>
                [[10., 11.],
                 [14., 15.]]])
    """
    raise NotImplementedError


def window_reverse(windows: torch.Tensor, window_size: int, H: int, W: int) -> torch.Tensor:
    """Put windows made by :func:`window_partition` back into feature maps.

    Args:
        windows (Tensor[B * nW, M, M, C]): windows in the order ``window_partition`` produces.
        window_size (int): the window side ``M``.
        H (int): height of the feature maps, a multiple of ``M``.
        W (int): width of the feature maps, a multiple of ``M``.

    Returns:
        Tensor[B, H, W, C]: ``window_reverse(window_partition(x, M), M, H, W)`` equals ``x``.

    Raises:
        ValueError: ``windows`` is not ``[K, M, M, C]`` with ``K`` a multiple of ``nW`` (the message names
            ``windows``), or ``window_size`` is not a positive divisor of ``H`` and ``W`` (the message names
            ``window_size``).

    Example:
        >>> x = torch.randn(2, 4, 6, 3)
        >>> torch.equal(window_reverse(window_partition(x, 2), 2, 4, 6), x)
        True
    """
    raise NotImplementedError


def shifted_window_mask(H: int, W: int, window_size: int, shift_size: int) -> torch.Tensor:
    """The attention mask of shifted-window attention (SW-MSA), as in the Swin reference code.

    After rolling the feature map by ``-shift_size`` on both axes, the windows along the bottom and right
    edges hold pixels from parts of the image that were not adjacent. Each token is labelled by its region
    (3 bands on each axis: ``[0, H - M)``, ``[H - M, H - s)``, ``[H - s, H)``, likewise for ``W``); two tokens
    of a window may attend to each other only if their labels agree.

    Args:
        H (int): height of the feature map, a multiple of ``window_size``.
        W (int): width of the feature map, a multiple of ``window_size``.
        window_size (int): the window side ``M``.
        shift_size (int): ``s``, with ``0 <= s < M``; 0 gives a mask of zeros (no shift, nothing to hide).

    Returns:
        Tensor[nW, M*M, M*M]: in ``torch.get_default_dtype()``; ``out[w, i, j]`` is 0 if token ``i`` of
        window ``w`` (row-major inside the window, windows in ``window_partition`` order) may attend to token
        ``j``, else -100.0 (added to the scores, it makes the softmax weight negligible).

    Raises:
        ValueError: ``window_size`` is not a positive divisor of ``H`` and ``W``, or ``shift_size`` is not
            in ``[0, window_size)``; the message names the argument (``window_size`` or ``shift_size``).

    Example:
        >>> mask = shifted_window_mask(4, 4, 2, 1)
        >>> mask.shape
        torch.Size([4, 4, 4])
        >>> mask[3]
        tensor([[   0., -100., -100., -100.],
                [-100.,    0., -100., -100.],
                [-100., -100.,    0., -100.],
                [-100., -100., -100.,    0.]])
    """
    raise NotImplementedError


class PatchMerging(nn.Module):
    """Swin's downsampling layer: 2x2 neighbours concatenated, normalised, projected from 4C to 2C.

    Args:
        dim (int): number of input channels ``C``.

    Attributes:
        norm (nn.LayerNorm): ``LayerNorm(4 * dim)``, applied to the concatenated vectors.
        reduction (nn.Linear): ``Linear(4 * dim, 2 * dim, bias=False)``, applied after ``norm``.

    Raises:
        ValueError: ``dim`` is not a positive int; the message names ``dim``.

    Example:
        >>> merge = PatchMerging(3)
        >>> merge(torch.randn(2, 4, 6, 3)).shape
        torch.Size([2, 2, 3, 6])
    """

    def __init__(self, dim: int) -> None:
        raise NotImplementedError

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Merge every 2x2 patch.

        Args:
            x (Tensor[B, H, W, C]): channels last, ``C == dim``, ``H`` and ``W`` even.

        Returns:
            Tensor[B, H // 2, W // 2, 2C]: ``reduction(norm(cat([x0, x1, x2, x3], -1)))`` with
            ``x0 = x[:, 0::2, 0::2]``, ``x1 = x[:, 1::2, 0::2]``, ``x2 = x[:, 0::2, 1::2]``,
            ``x3 = x[:, 1::2, 1::2]``.

        Raises:
            ValueError: ``x`` is not 4-D, has another number of channels than ``dim``, or an odd ``H`` or
                ``W``; the message names ``x``.
        """
        raise NotImplementedError


def attention_flops(h: int, w: int, c: int, window_size: int | None = None) -> int:
    """Multiply-adds of one multi-head self-attention layer on an ``h x w`` map, as in the Swin paper.

    Args:
        h (int): height of the feature map in patches.
        w (int): width of the feature map in patches.
        c (int): channels ``C``.
        window_size (int, optional): ``M`` for window attention (W-MSA); None for global attention (MSA).

    Returns:
        int: a Python int (exact, never a float): ``4hwC^2 + 2(hw)^2 C`` for MSA, ``4hwC^2 + 2M^2 hwC``
        for W-MSA (the projections cost ``4hwC^2`` in both; the ``q k^T`` and ``weights @ v`` products cost
        the rest).

    Raises:
        ValueError: an argument is not a positive int (``56.0`` is refused); the message names it (``h``,
            ``w``, ``c`` or ``window_size``).

    Example:
        >>> attention_flops(56, 56, 96)
        2003828736
        >>> attention_flops(56, 56, 96, window_size=7)
        145108992
    """
    raise NotImplementedError
