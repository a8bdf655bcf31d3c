"""你还用过Mobilenet，问个最简单的，Pytorch里怎么实现DwConv？

In English: You have also used MobileNet; a simple question, then: how do you implement a depthwise
convolution (DwConv) in PyTorch?

Source: 000_1a4e42d0338c0b07.txt · 二面.

Two parts:

1. ``DepthwiseSeparableConv``, MobileNet's building block as an ``nn.Module``: a depthwise ``k x k``
   convolution (``nn.Conv2d`` with ``groups=in_channels``: one filter per input channel, no mixing across
   channels) stored as ``.depthwise``, then a pointwise 1x1 convolution that mixes the channels, stored as
   ``.pointwise``. Just the two convolutions: no normalisation and no activation in between.
2. ``depthwise_conv2d``, the depthwise convolution written by hand with tensor arithmetic (slicing, padding,
   multiplying, summing; ``F.pad``, ``Tensor.unfold``, ``F.unfold`` and ``einsum`` are fine) without any
   built-in convolution, under any name or route: ``F.conv1d``/``conv2d``/``conv3d`` (a conv3d of depth 1
   is a conv2d), the transposed ones, ``torch.convolution``/``torch._convolution``, ``nn.Conv2d``,
   ``torch.ops.aten.convolution`` and the kernels behind it (``_conv_depthwise2d``, ``mkldnn_convolution``,
   ``thnn_conv2d``, ``slow_conv*``). It must give the same values and gradients as
   ``F.conv2d(x, weight, bias, stride, padding, groups=C)``: a cross-correlation, like every PyTorch
   convolution (the kernel is not flipped).

Tensors keep their dtype (float16 and bfloat16 included) and device, inputs are never modified. Bad input
raises ``ValueError`` (or ``TypeError`` for a wrong type) whose message names the argument.
"""

from __future__ import annotations

import torch
from torch import nn


class DepthwiseSeparableConv(nn.Module):
    """Depthwise ``k x k`` convolution followed by a pointwise 1x1 convolution (MobileNet v1's block).

    Args:
        in_channels (int): channels of the input; the depthwise convolution has one filter per channel.
        out_channels (int): channels of the output, produced by the 1x1 convolution.
        kernel_size (int): the depthwise kernel's side. Default: 3.
        stride (int): the depthwise convolution's stride. Default: 1.
        padding (int): the depthwise convolution's zero padding. Default: 1.
        bias (bool): whether both convolutions have a bias. Default: False.

    Attributes:
        depthwise (nn.Conv2d): ``nn.Conv2d(in_channels, in_channels, kernel_size, stride, padding,
            groups=in_channels, bias=bias)``, weight of shape ``[in_channels, 1, k, k]``.
        pointwise (nn.Conv2d): ``nn.Conv2d(in_channels, out_channels, 1, bias=bias)``, weight of shape
            ``[out_channels, in_channels, 1, 1]``.

    Shape:
        input ``[N, in_channels, H, W]`` → output ``[N, out_channels, H_out, W_out]`` with
        ``H_out = (H + 2 * padding - kernel_size) // stride + 1`` (likewise ``W_out``).

    Raises:
        TypeError: a size is not an int (a float or a bool is refused), or ``bias`` is not a bool.
        ValueError: a channel count, ``kernel_size`` or ``stride`` is below 1, or ``padding`` below 0.
        The message names the argument (``in_channels``, ``out_channels``, ``kernel_size``, ``stride``,
        ``padding`` or ``bias``).

    Example:
        >>> block = DepthwiseSeparableConv(32, 64)
        >>> block.depthwise.weight.shape, block.pointwise.weight.shape
        (torch.Size([32, 1, 3, 3]), torch.Size([64, 32, 1, 1]))
        >>> sum(p.numel() for p in block.parameters())  # 32 * 9 + 32 * 64, against 32 * 64 * 9 for a 3x3
        2336
        >>> block(torch.zeros(2, 32, 15, 9)).shape
        torch.Size([2, 64, 15, 9])
    """

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: int = 3,
        stride: int = 1,
        padding: int = 1,
        bias: bool = False,
    ) -> None:
        raise NotImplementedError

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Apply the depthwise, then the pointwise convolution.

        Args:
            x (Tensor[N, in_channels, H, W]): floating-point input.

        Returns:
            Tensor[N, out_channels, H_out, W_out]: the output, in the input's dtype.
        """
        raise NotImplementedError


def depthwise_conv2d(
    x: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor | None = None,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
) -> torch.Tensor:
    """Depthwise 2-D convolution by hand: channel ``c`` of the output is channel ``c`` of the input
    cross-correlated with ``weight[c, 0]``, plus ``bias[c]``.

    Same as ``F.conv2d(x, weight, bias, stride=stride, padding=padding, groups=C)`` (values and gradients
    with respect to ``x``, ``weight`` and ``bias``), without calling any built-in convolution.

    Args:
        x (Tensor[N, C, H, W]): floating-point input; may be non-contiguous.
        weight (Tensor[C, 1, kH, kW]): one ``kH x kW`` filter per channel, same dtype as ``x``.
        bias (Tensor[C], optional): added to each output channel. Default: None.
        stride (int or (int, int)): step between windows, >= 1. Default: 1.
        padding (int or (int, int)): zeros added on each side of H and W, >= 0. Default: 0.

    Returns:
        Tensor[N, C, H_out, W_out]: ``H_out = (H + 2 * padding_h - kH) // stride_h + 1`` (likewise
        ``W_out``); the dtype (float16 and bfloat16 included: no upcast in the result) and device of ``x``.

    Raises:
        TypeError: ``x``, ``weight`` or ``bias`` is not a floating-point tensor of the dtype of ``x`` (a
            float64 ``weight`` for a float32 ``x`` is refused, not converted), or ``stride``/``padding``
            are not ints (a float or a bool is refused).
        ValueError: ``x`` is not 4-D, ``weight`` is not ``[C, 1, kH, kW]``, ``bias`` is not ``[C]``,
            ``stride < 1``, ``padding < 0``, or the kernel is larger than the padded input.
        The message names the argument: ``x``, ``weight``, ``bias``, ``stride`` or ``padding``, and
        ``weight`` for a kernel larger than the padded input.

    Example:
        >>> x = torch.arange(9.0).reshape(1, 1, 3, 3)
        >>> w = torch.tensor([[[[1.0, 0.0], [0.0, -1.0]]]])
        >>> depthwise_conv2d(x, w)  # x[i, j] - x[i + 1, j + 1]
        tensor([[[[-4., -4.],
                  [-4., -4.]]]])
    """
    raise NotImplementedError
