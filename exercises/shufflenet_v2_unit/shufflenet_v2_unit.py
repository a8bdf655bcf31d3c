"""你说你实习用过ShuffleNet，那ShuffleNet-v1,v2各有什么优点，motivation是什么？

In English: You said you used ShuffleNet in your internship: what are the strengths of ShuffleNet v1 and v2,
and what was the motivation behind each?

Source: 000_1a4e42d0338c0b07.txt · 二面.

ShuffleNet V1 made 1x1 convolutions cheap with group convolutions and a channel shuffle so that information
crosses the groups. ShuffleNet V2 starts from measured speed rather than FLOPs (equal input and output
widths, few groups, little fragmentation, few elementwise ops) and drops the group convolutions: a unit
splits its channels, transforms one part, concatenates and shuffles.

Write the ShuffleNet V2 unit as an ``nn.Module``, ``ShuffleV2Block(in_channels, out_channels, stride)``,
with ``branch = out_channels // 2`` channels per branch:

* stride 1 (``in_channels == out_channels``): split the input's channels in two halves; the **first half
  passes through untouched**; the second half goes through the main branch;
* stride 2: both branches see the whole input. The shortcut branch is a 3x3 depthwise convolution
  (stride 2) + BN, then a 1x1 convolution to ``branch`` channels + BN + ReLU;
* main branch: 1x1 convolution to ``branch`` channels + BN + ReLU, 3x3 depthwise convolution (the block's
  stride, padding 1) + BN (no ReLU), 1x1 convolution + BN + ReLU;
* concatenate (shortcut or untouched half first, main branch second), then a **channel shuffle with 2
  groups**: output channel ``2 * i`` is channel ``i`` of the first part, ``2 * i + 1`` channel ``i`` of the
  second.

Convolutions have no bias (each is followed by a BatchNorm, ``nn.BatchNorm2d`` with its defaults:
``eps=1e-5``, ``momentum=0.1``, affine, tracking running statistics). The
block must have the same parameters as torchvision's ``torchvision.models.shufflenetv2.InvertedResidual``
(and so the same count) and, loaded with the same weights, give the same outputs: register the layers so
that the ``nn.Conv2d`` and ``nn.BatchNorm2d`` submodules listed by ``block.modules()`` come in this order:
[shortcut depthwise conv, BN, 1x1 conv, BN,] main 1x1 conv, BN, depthwise conv, BN, 1x1 conv, BN.
Attribute names are yours to choose.
"""

from __future__ import annotations

import torch
from torch import nn


class ShuffleV2Block(nn.Module):
    """ShuffleNet V2 unit: channel split (stride 1) or two branches (stride 2), concat, channel shuffle.

    Args:
        in_channels (int): channels of the input, >= 1; for stride 1 it must equal ``out_channels``.
        out_channels (int): channels of the output, even and >= 2 (each branch gives half of them).
        stride (int): 1 (same size, half the channels pass through) or 2 (half the size, both branches).

    Shape:
        input ``[N, in_channels, H, W]`` → output ``[N, out_channels, H_out, W_out]`` with
        ``H_out = (H - 1) // stride + 1`` (likewise ``W_out``).

    Raises:
        TypeError: a channel count or ``stride`` is not an int (a bool is refused); the message names the
            argument.
        ValueError: ``stride`` is not 1 or 2; a channel count is below 1; ``out_channels`` is odd; or
            ``stride == 1`` and ``in_channels != out_channels``. The message names the argument; for
            unequal widths at stride 1 it names both ``in_channels`` and ``out_channels`` and the values
            that came.

    Example:
        >>> block = ShuffleV2Block(116, 116, stride=1)
        >>> sum(p.numel() for p in block.parameters())  # 58*58 + 58*9 + 58*58 weights, 3 BN of 58
        7598
        >>> x = torch.randn(2, 116, 7, 5)
        >>> y = block.eval()(x)
        >>> y.shape, torch.equal(y[:, 0::2], x[:, :58])  # the untouched half lands on the even channels
        (torch.Size([2, 116, 7, 5]), True)
        >>> ShuffleV2Block(24, 116, stride=2)(torch.zeros(2, 24, 15, 9)).shape
        torch.Size([2, 116, 8, 5])
    """

    def __init__(self, in_channels: int, out_channels: int, stride: int) -> None:
        raise NotImplementedError

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Run the unit.

        Args:
            x (Tensor[N, in_channels, H, W]): floating-point input (not modified).

        Returns:
            Tensor[N, out_channels, H_out, W_out]: the shuffled concatenation; the dtype of ``x``. With
            stride 1, ``out[:, 0::2]`` equals ``x[:, :in_channels // 2]`` exactly.
        """
        raise NotImplementedError
