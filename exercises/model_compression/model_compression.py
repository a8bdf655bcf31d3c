"""3. 移动端部署, 网络压缩和加速

In English: 3. Deployment on mobile devices: network compression and acceleration.

Source: 004_4864363d713f5d38.txt · 二、DL base (the notes leave the answer blank).

Three of the tools used to shrink and speed up a network for mobile deployment, written with plain torch:

* **Conv-BN fusion**: in eval mode a BatchNorm is a fixed affine map per channel, ``y = gamma * (z - mean)
  / sqrt(var + eps) + beta``, so it folds into the convolution before it: scale each output channel's
  weights by ``gamma / sqrt(var + eps)`` and fold the shift into the bias. One layer less at inference, the
  same outputs. ``fuse_conv_bn(conv, bn)`` returns a new ``nn.Conv2d`` (with a bias) whose outputs equal
  ``bn(conv(x))`` with ``bn`` in eval mode, as ``torch.nn.utils.fusion.fuse_conv_bn_eval`` does; ``conv``
  and ``bn`` are left exactly as they were (parameters, buffers, train/eval flags).
* **Post-training quantization**, per tensor, calibrated on the tensor's own min and max:
  ``quantize_per_tensor(x, num_bits=8, symmetric=False) -> (q, scale, zero_point)`` and
  ``dequantize(q, scale, zero_point)``, with ``x ≈ (q - zero_point) * scale``.
  - asymmetric (default): integers ``0 … 2**num_bits - 1``; the range ``[min(x), max(x)]`` is first
    **widened to include 0** (``lo = min(min(x), 0)``, ``hi = max(max(x), 0)``), then
    ``scale = (hi - lo) / (2**num_bits - 1)`` and ``zero_point = round(-lo / scale)``, an integer, so that
    0.0 is represented exactly (zero padding and ReLU zeros stay exact);
  - symmetric: ``zero_point = 0``, integers ``-(2**(num_bits-1) - 1) … 2**(num_bits-1) - 1`` (the
    "restricted" range, -127 … 127 for 8 bits, so that ``-x`` quantizes to ``-q``) and
    ``scale = max(|x|) / (2**(num_bits-1) - 1)``;
  - ``q = clamp(round(x / scale) + zero_point, qmin, qmax)``, round half to even (``torch.round``). Every
    value of ``x`` is then within ``scale / 2`` of its dequantized value;
  - an all-zero ``x`` has an empty range: it gets ``scale = 1.0`` (any positive scale would do; 1.0 avoids
    dividing by 0) and ``zero_point = 0``, so that ``q`` is all zeros and dequantizes to exact zeros.
* **Magnitude pruning**: ``magnitude_prune(weight, sparsity)`` returns a boolean mask (True = keep) that
  removes exactly ``round(sparsity * weight.numel())`` weights (Python's ``round``, half to even, as
  ``torch.nn.utils.prune`` counts), those of the smallest absolute value; among equal magnitudes the
  weight with the smaller flat (row-major) index is pruned first.
"""

from __future__ import annotations

import torch
from torch import nn


def fuse_conv_bn(conv: nn.Conv2d, bn: nn.BatchNorm2d) -> nn.Conv2d:
    """Fold an eval-mode BatchNorm into the convolution before it.

    Args:
        conv (nn.Conv2d): any kernel size, stride, padding, dilation and groups; with or without a bias.
        bn (nn.BatchNorm2d): ``num_features == conv.out_channels``, with running statistics
            (``track_running_stats=True``); affine or not. Its running statistics are used whatever its
            train/eval flag, i.e. the fused layer computes what ``bn`` computes in eval mode.

    Returns:
        nn.Conv2d: a new convolution with the same geometry (channels, kernel, stride, padding, dilation,
        groups, padding mode), always with a bias, the dtype and device of ``conv.weight``:
        ``weight = conv.weight * s`` per output channel and
        ``bias = (conv.bias - running_mean) * s + beta`` (``conv.bias`` taken as 0 when absent), with
        ``s = gamma / sqrt(running_var + eps)`` (``gamma = 1``, ``beta = 0`` when ``bn`` is not affine).
        ``conv`` and ``bn`` are not modified and share no tensors with it.

    Raises:
        TypeError: ``conv`` is not an ``nn.Conv2d`` or ``bn`` not an ``nn.BatchNorm2d``; the message names
            the argument (``conv`` or ``bn``).
        ValueError: ``bn.num_features != conv.out_channels``, or ``bn`` has no running statistics; the
            message names ``bn``.

    Example:
        >>> conv = nn.Conv2d(2, 2, 1, bias=False)
        >>> bn = nn.BatchNorm2d(2, eps=0.0).eval()
        >>> with torch.no_grad():
        ...     _ = conv.weight.copy_(torch.tensor([[1.0, 0.0], [1.0, 1.0]]).view(2, 2, 1, 1))
        ...     _ = bn.running_mean.copy_(torch.tensor([1.0, 0.0]))
        ...     _ = bn.running_var.copy_(torch.tensor([4.0, 1.0]))
        ...     _ = bn.bias.copy_(torch.tensor([0.0, 3.0]))
        >>> fused = fuse_conv_bn(conv, bn)
        >>> fused.weight.detach().view(2, 2)  # row 0 scaled by 1 / sqrt(4), row 1 by 1
        tensor([[0.5000, 0.0000],
                [1.0000, 1.0000]])
        >>> fused.bias.detach()  # (0 - mean) * s + beta
        tensor([-0.5000,  3.0000])
    """
    raise NotImplementedError


def quantize_per_tensor(x: torch.Tensor, num_bits: int = 8, symmetric: bool = False) -> tuple[torch.Tensor, float, int]:
    """Quantize a tensor to ``num_bits``-bit integers with one scale and zero point, min/max calibrated.

    Args:
        x (Tensor): floating-point values, any shape, at least one element, all finite. Not modified.
        num_bits (int): 2 … 16.
        symmetric (bool): ``False``: integers ``0 … 2**num_bits - 1`` over ``[min(x, 0), max(x, 0)]``;
            ``True``: ``zero_point = 0`` and integers ``-(2**(num_bits-1) - 1) … 2**(num_bits-1) - 1`` over
            ``[-max|x|, max|x|]``.

    Returns:
        (Tensor, float, int): ``q`` (int64, the shape of ``x``) with
        ``q = clamp(round(x / scale) + zero_point, qmin, qmax)``; ``scale`` (a positive Python float);
        ``zero_point`` (a Python int in ``[qmin, qmax]``; the integer that stands for 0.0). For every
        element, ``|(q - zero_point) * scale - x| <= scale / 2``. An all-zero ``x`` gives
        ``scale = 1.0``, ``zero_point = 0``.

    Raises:
        TypeError: ``x`` is not a floating-point tensor, ``num_bits`` is not an int or ``symmetric`` not a
            bool (``1`` is not taken for ``True``); the message names the argument.
        ValueError: ``x`` is empty or holds NaN or infinity, or ``num_bits`` is outside 2 … 16; the message
            names the argument (``x`` or ``num_bits``).

    Example:
        >>> x = torch.tensor([-1.0, 0.0, 0.8, 2.0])
        >>> quantize_per_tensor(x, num_bits=2)  # [-1, 2] on 0 … 3: a step of 1.0; 0.0 is the integer 1
        (tensor([0, 1, 2, 3]), 1.0, 1)
        >>> quantize_per_tensor(x, num_bits=3, symmetric=True)  # -1 / (2/3) = -1.5 rounds to even: -2
        (tensor([-2,  0,  1,  3]), 0.6666666666666666, 0)
    """
    raise NotImplementedError


def dequantize(q: torch.Tensor, scale: float, zero_point: int, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    """Map quantized integers back to real values: ``(q - zero_point) * scale``.

    Args:
        q (Tensor): integers (any integer dtype), any shape. Not modified.
        scale (float): the step, positive and finite.
        zero_point (int): the integer that stands for 0.0.
        dtype (torch.dtype): the floating-point dtype of the result; ``torch.float32`` by default.

    Returns:
        Tensor: ``(q - zero_point) * scale``, the shape of ``q``, in ``dtype`` (computed in float64, then
        rounded once).

    Raises:
        TypeError: ``q`` is not an integer tensor, ``zero_point`` is not an int, or ``dtype`` is not a
            floating-point dtype; the message names the argument (``q``, ``zero_point`` or ``dtype``).
        ValueError: ``scale`` is not positive and finite; the message names ``scale``.

    Example:
        >>> dequantize(torch.tensor([0, 10, 11, 255]), 0.5, 10)
        tensor([ -5.0000,   0.0000,   0.5000, 122.5000])
    """
    raise NotImplementedError


def magnitude_prune(weight: torch.Tensor, sparsity: float) -> torch.Tensor:
    """Mask that prunes the ``round(sparsity * numel)`` weights of smallest magnitude.

    Args:
        weight (Tensor): floating-point weights, any shape (any strides). Not modified.
        sparsity (float): the fraction to prune, ``0 <= sparsity <= 1``.

    Returns:
        Tensor[bool]: the shape and device of ``weight``; ``True`` where the weight is kept, ``False`` for
        exactly ``round(sparsity * weight.numel())`` weights (Python's ``round``: half to even) of the
        smallest ``|weight|``. Among equal magnitudes the one with the smaller flat index (row-major order of
        ``weight`` as it is indexed) is pruned first. ``weight * mask`` is the pruned tensor.

    Raises:
        TypeError: ``weight`` is not a floating-point tensor or ``sparsity`` is not a number; the message
            names the argument (``weight`` or ``sparsity``).
        ValueError: ``sparsity`` is outside ``[0, 1]``; the message names ``sparsity``.

    Example:
        >>> magnitude_prune(torch.tensor([[0.5, -3.0, 0.1], [-0.2, 2.0, 0.5]]), 0.5)
        tensor([[False,  True, False],
                [False,  True,  True]])
    """
    raise NotImplementedError
