"""通道注意力机制的原理？

In English: What is the principle behind the channel attention mechanism?

Source: 000_1a4e42d0338c0b07.txt · 二面 (asked together with "说说 v3 里的 h-swish比普通的swish激活函数好在哪里？").

Write a squeeze-and-excitation block (channel attention, as in SENet and MobileNetV3) as an ``nn.Module``:

1. squeeze: average each channel over H and W, giving ``[N, C, 1, 1]``;
2. excite: ``fc1``, a 1x1 ``nn.Conv2d`` from ``C`` to ``max(1, C // reduction)`` channels (with bias),
   ReLU, then ``fc2``, a 1x1 ``nn.Conv2d`` back to ``C`` channels (with bias);
3. gate: ``"hard_sigmoid"`` (``relu6(z + 3) / 6``, MobileNetV3's choice: cheap, no exponential) or
   ``"sigmoid"``, giving one weight in ``[0, 1]`` per sample and channel;
4. scale: multiply every position of each channel of the input by its channel's weight.

This equals torchvision's ``torchvision.ops.SqueezeExcitation(C, max(1, C // reduction),
scale_activation=...)`` (same ``fc1``/``fc2`` names); note that torchvision's MobileNetV3 picks its squeeze
channels differently (``_make_divisible(C // 4, 8)``): here it is ``max(1, channels // reduction)``.
The input is not modified; the output has its shape and dtype.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

GATES = ("hard_sigmoid", "sigmoid")


class SqueezeExcitation(nn.Module):
    """Squeeze-and-excitation: rescale each channel by a gate computed from all channels' averages.

    Args:
        channels (int): channels ``C`` of the input, >= 1.
        reduction (int): ``fc1`` has ``max(1, channels // reduction)`` output channels, >= 1. Default: 4.
        gate (str): ``"hard_sigmoid"`` or ``"sigmoid"``, the function that turns ``fc2``'s output into
            weights in ``[0, 1]``. Default: ``"hard_sigmoid"``.

    Attributes:
        fc1 (nn.Conv2d): ``nn.Conv2d(channels, max(1, channels // reduction), 1)``, with bias.
        fc2 (nn.Conv2d): ``nn.Conv2d(max(1, channels // reduction), channels, 1)``, with bias.

    Shape:
        input ``[N, C, H, W]`` → output ``[N, C, H, W]``: ``out[n, c] = x[n, c] * gate_value[n, c]``.

    Raises:
        TypeError: ``channels`` or ``reduction`` is not an int (a bool is refused); the message names the
            argument.
        ValueError: ``channels`` or ``reduction`` is below 1, or ``gate`` is not one of the two names (a
            callable such as torchvision's ``scale_activation`` is refused too); the message names the
            argument.

    Example:
        >>> se = SqueezeExcitation(16, reduction=4)
        >>> se.fc1.weight.shape, se.fc2.weight.shape
        (torch.Size([4, 16, 1, 1]), torch.Size([16, 4, 1, 1]))
        >>> SqueezeExcitation(3, reduction=4).fc1.out_channels  # never 0 channels
        1
        >>> se(torch.ones(2, 16, 5, 7)).shape
        torch.Size([2, 16, 5, 7])
    """

    def __init__(self, channels: int, reduction: int = 4, gate: str = "hard_sigmoid") -> None:
        super().__init__()
        for name, value in (("channels", channels), ("reduction", reduction)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name}: expected an int, got {type(value).__name__} {value!r}")
            if value < 1:
                raise ValueError(f"{name}: expected an int >= 1, got {value}")
        if gate not in GATES:
            raise ValueError(f"gate: expected one of {GATES}, got {gate!r}")
        # max(1, ...): a narrow layer (C < reduction) would otherwise get a 0-channel bottleneck.
        squeezed = max(1, channels // reduction)
        self.channels = channels
        self.gate = gate
        self.fc1 = nn.Conv2d(channels, squeezed, 1)
        self.fc2 = nn.Conv2d(squeezed, channels, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Scale each channel of ``x`` by its gate.

        Args:
            x (Tensor[N, C, H, W]): floating-point input with ``C == channels`` (not modified).

        Returns:
            Tensor[N, C, H, W]: ``x`` times the per-sample, per-channel gate; the dtype of ``x``.

        Raises:
            ValueError: ``x`` is not 4-D or does not have ``channels`` channels; the message names ``x`` and
                the shape that came.
        """
        if not isinstance(x, torch.Tensor) or x.dim() != 4 or x.shape[1] != self.channels:
            shape = list(x.shape) if isinstance(x, torch.Tensor) else type(x).__name__
            raise ValueError(f"x: expected a tensor [N, {self.channels}, H, W], got {shape}")
        # Squeeze per sample and channel only: pooling over the batch too would let samples gate each other.
        s = x.mean(dim=(2, 3), keepdim=True)
        s = self.fc2(F.relu(self.fc1(s)))
        s = F.hardsigmoid(s) if self.gate == "hard_sigmoid" else torch.sigmoid(s)
        # [N, C, 1, 1] broadcasts over H and W: one weight per channel, shared by all its positions.
        return x * s
