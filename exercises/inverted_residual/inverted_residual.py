"""v2的瓶颈块里为什么要先升维再降维？这不是增加了计算量吗？

In English: Why does the bottleneck block in v2 first raise the number of channels and then lower it again?
Doesn't that increase the amount of computation?

Source: 000_1a4e42d0338c0b07.txt · 二面.

Write MobileNetV2's inverted residual block as an ``nn.Module``:

1. expand: 1x1 convolution from ``in_channels`` to ``hidden = round(in_channels * expand_ratio)`` channels,
   BatchNorm, ReLU6; skipped entirely when ``expand_ratio == 1``;
2. depthwise: 3x3 convolution with ``groups=hidden`` (one filter per channel), the block's ``stride``,
   padding 1, BatchNorm, ReLU6;
3. project: 1x1 convolution from ``hidden`` to ``out_channels``, BatchNorm, and **no activation**: the
   "linear bottleneck" (a ReLU on the few output channels would destroy information that cannot be
   recovered; the expansion is what lets the depthwise filter and the ReLU6 work in a wide space cheaply,
   because a depthwise convolution costs only ``hidden * 9`` weights);
4. residual: the input is added to the result if and only if ``stride == 1`` and
   ``in_channels == out_channels`` (the shapes match); nothing is applied after the addition.

The convolutions have no bias (the BatchNorm after each has one); the BatchNorms are ``nn.BatchNorm2d`` with
its defaults (``eps=1e-5``, ``momentum=0.1``, affine, tracking running statistics). The block must have
the same parameters as torchvision's ``torchvision.models.mobilenetv2.InvertedResidual`` (and so the same
count), and, loaded with the same weights, give the same outputs: register the layers in the order they
run, so that the ``nn.Conv2d`` and ``nn.BatchNorm2d`` submodules listed by ``block.modules()`` are, in that
order: [expand conv, its BN,] depthwise conv, its BN, projection conv, its BN. Attribute names are yours to
choose.
"""

from __future__ import annotations

import torch
from torch import nn


class InvertedResidual(nn.Module):
    """MobileNetV2's inverted residual block with a linear bottleneck.

    Args:
        in_channels (int): channels of the input, >= 1.
        out_channels (int): channels of the output, >= 1.
        stride (int): the depthwise convolution's stride, 1 or 2.
        expand_ratio (float): hidden channels are ``round(in_channels * expand_ratio)`` (Python's
            ``round``, as torchvision); ``expand_ratio == 1`` means no expansion layer. MobileNetV2 uses 1
            and 6.

    Shape:
        input ``[N, in_channels, H, W]`` → output ``[N, out_channels, H_out, W_out]`` with
        ``H_out = (H - 1) // stride + 1`` (likewise ``W_out``).

    Raises:
        TypeError: a channel count or ``stride`` is not an int, or ``expand_ratio`` is not a real number (a
            bool is refused for any of them); the message names the argument.
        ValueError: a channel count is below 1, ``stride`` is not 1 or 2, or ``expand_ratio`` gives fewer
            than one hidden channel; the message names the argument.

    Example:
        >>> block = InvertedResidual(24, 24, stride=1, expand_ratio=6)
        >>> sum(p.numel() for p in block.parameters())  # 24*144 + 144*9 + 144*24 weights, 2*(144+144+24) BN
        8832
        >>> block(torch.zeros(2, 24, 15, 9)).shape
        torch.Size([2, 24, 15, 9])
        >>> InvertedResidual(24, 32, stride=2, expand_ratio=6)(torch.zeros(2, 24, 15, 9)).shape
        torch.Size([2, 32, 8, 5])
    """

    def __init__(self, in_channels: int, out_channels: int, stride: int, expand_ratio: float) -> None:
        raise NotImplementedError

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Run the block.

        Args:
            x (Tensor[N, in_channels, H, W]): floating-point input (not modified).

        Returns:
            Tensor[N, out_channels, H_out, W_out]: ``x + branch(x)`` when the block has a residual,
            ``branch(x)`` otherwise; the dtype of ``x``.
        """
        raise NotImplementedError
