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

import numbers

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
        super().__init__()
        for name, value in (("in_channels", in_channels), ("out_channels", out_channels), ("stride", stride)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name}: expected an int, got {type(value).__name__} {value!r}")
        if in_channels < 1 or out_channels < 1:
            raise ValueError(f"in_channels/out_channels: expected >= 1, got {in_channels} and {out_channels}")
        if stride not in (1, 2):
            raise ValueError(f"stride: expected 1 or 2, got {stride}")
        if isinstance(expand_ratio, bool) or not isinstance(expand_ratio, numbers.Real):
            raise TypeError(f"expand_ratio: expected a number, got {type(expand_ratio).__name__}")
        # torchvision rounds (banker's rounding for .5); the parameter count depends on it.
        hidden = int(round(in_channels * expand_ratio))
        if hidden < 1:
            raise ValueError(
                f"expand_ratio: in_channels * expand_ratio must round to at least 1 channel, "
                f"got {in_channels} * {expand_ratio}"
            )

        # Same shapes can be added; anything else has no identity path.
        self.use_residual = stride == 1 and in_channels == out_channels
        layers: list[nn.Module] = []
        if expand_ratio != 1:
            layers += [nn.Conv2d(in_channels, hidden, 1, bias=False), nn.BatchNorm2d(hidden), nn.ReLU6(inplace=True)]
        layers += [
            nn.Conv2d(hidden, hidden, 3, stride=stride, padding=1, groups=hidden, bias=False),
            nn.BatchNorm2d(hidden),
            nn.ReLU6(inplace=True),
            # Linear bottleneck: the projection ends with BN and no activation.
            nn.Conv2d(hidden, out_channels, 1, bias=False),
            nn.BatchNorm2d(out_channels),
        ]
        self.conv = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Run the block.

        Args:
            x (Tensor[N, in_channels, H, W]): floating-point input (not modified).

        Returns:
            Tensor[N, out_channels, H_out, W_out]: ``x + branch(x)`` when the block has a residual,
            ``branch(x)`` otherwise; the dtype of ``x``.
        """
        out = self.conv(x)
        # Out of place: x belongs to the caller (and autograd needs it unchanged).
        return x + out if self.use_residual else out
