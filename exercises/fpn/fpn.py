"""FPN的上采样怎么做的？会带来什么后果？模型中是怎么解决的？

In English: How does FPN do its upsampling? What consequences does it bring? How does the model deal with
them?

Source: 000_1a4e42d0338c0b07.txt · 二面.

A feature pyramid network (Lin et al. 2017) gives every level of a backbone the semantics of the deepest
one. Its top-down path upsamples the coarser map by **nearest-neighbour** interpolation and adds it to a 1x1
"lateral" projection of the finer backbone map. Nearest upsampling copies each value into a block of
pixels: the sum has blocky steps (aliasing) at the block edges. FPN's answer is a **3x3 convolution on
every merged map**, which smooths them; its outputs are the pyramid.

Write ``FPN(in_channels_list, out_channels)`` as an ``nn.Module``:

* ``inner_blocks[i]``: ``nn.Conv2d(in_channels_list[i], out_channels, 1)`` (with bias), the lateral;
* ``layer_blocks[i]``: ``nn.Conv2d(out_channels, out_channels, 3, padding=1)`` (with bias), the output conv;
* ``forward(features)`` takes the backbone maps **ordered from the highest resolution to the lowest** and
  returns the pyramid in the same order. Start at the coarsest map (``inner = inner_blocks[-1](x[-1])``);
  going up, upsample the running ``inner`` with nearest interpolation to **exactly the size of the next
  lateral** (``F.interpolate(inner, size=lateral.shape[-2:], mode="nearest")``, so that odd sizes such as
  13 → 7 → 4 work, where ``scale_factor=2`` would not), add the lateral, and keep going from that sum. Each
  level's output is ``layer_blocks[i]`` applied to that level's sum; the top-down path carries the sums,
  not the smoothed outputs.

With the same weights the outputs equal ``torchvision.ops.FeaturePyramidNetwork``'s (no extra blocks, no
norm layer). torchvision wraps each convolution in a ``Conv2dNormActivation``, so its parameter names have
an extra ``.0``: its ``inner_blocks.{i}.0.weight`` / ``.bias`` and ``layer_blocks.{i}.0.weight`` / ``.bias``
are this module's ``inner_blocks.{i}.weight`` / ``.bias`` and ``layer_blocks.{i}.weight`` / ``.bias``; the
module must have exactly these parameters, so that ``load_state_dict`` with the renamed keys works.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import torch
from torch import nn


class FPN(nn.Module):
    """Feature pyramid network: lateral 1x1 convs, nearest top-down upsampling, 3x3 output convs.

    Args:
        in_channels_list (list[int]): channels of the backbone maps, highest resolution first; non-empty,
            each >= 1.
        out_channels (int): channels of every pyramid level, >= 1.

    Attributes:
        inner_blocks (nn.ModuleList): ``nn.Conv2d(in_channels_list[i], out_channels, 1)`` per level.
        layer_blocks (nn.ModuleList): ``nn.Conv2d(out_channels, out_channels, 3, padding=1)`` per level.

    Raises:
        TypeError: ``in_channels_list`` is not a list or tuple of ints, or ``out_channels`` is not an int (a
            bool is refused in either); the message names the argument.
        ValueError: ``in_channels_list`` is empty or a channel count is below 1; the message names the
            argument.

    Example:
        >>> fpn = FPN([8, 16, 32], 4)
        >>> sum(p.numel() for p in fpn.parameters())  # laterals (8+16+32)*4 + 3*4, outputs 3*(4*4*9 + 4)
        680
        >>> feats = [torch.randn(2, 8, 13, 11), torch.randn(2, 16, 7, 6), torch.randn(2, 32, 4, 3)]
        >>> [tuple(p.shape) for p in fpn(feats)]
        [(2, 4, 13, 11), (2, 4, 7, 6), (2, 4, 4, 3)]
    """

    def __init__(self, in_channels_list: list[int], out_channels: int) -> None:
        raise NotImplementedError

    def forward(
        self, features: Sequence[torch.Tensor] | Mapping[str, torch.Tensor]
    ) -> list[torch.Tensor] | dict[str, torch.Tensor]:
        """Build the pyramid.

        Args:
            features (list of Tensor[N, C_i, H_i, W_i] or dict of them): one map per level, highest resolution
                first, ``C_i = in_channels_list[i]``; same batch size, dtype and device. A dict (such as
                torchvision's ``OrderedDict``) is read in its key order. Not modified.

        Returns:
            list of Tensor[N, out_channels, H_i, W_i] (a list for a tuple too; a dict with the same keys, in
            the same order, when ``features`` is a dict): the pyramid, highest resolution first, each level at
            its input's size.

        Raises:
            ValueError: ``features`` does not have one 4-D map per level (too few or too many maps) with the
                expected channels; the message names ``features`` (or ``features[i]``) and what came: the
                number of maps, or the shape of the map that does not fit.
            TypeError: ``features`` is not a list, tuple or dict of tensors (a single tensor is refused); the
                message names ``features`` (or ``features[i]``).
        """
        raise NotImplementedError
