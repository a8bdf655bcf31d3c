"""RFCN里的 position sensitive score map 的原理？解决了什么问题？

In English: What is the principle of the position-sensitive score maps in R-FCN? What problem do they solve?

Source: 000_1a4e42d0338c0b07.txt · 一面.

R-FCN's position-sensitive score maps: the last convolution gives ``C * oh * ow`` channels, one group of
``C`` scores for every cell of an ``oh x ow`` grid ("top-left part of an object", "top-centre", ...).
Position-sensitive RoI pooling cuts each RoI into that grid and fills bin ``(i, j)`` of output channel
``c`` from its own input channel ``(c * oh + i) * ow + j`` only, by averaging it over the bin. A bin thus
only scores "is this the (i, j) part of a c?", which puts back the translation variance that detection
needs on top of a fully convolutional (shared, RoI-free) backbone, with no per-RoI fully connected layers.

Write it the way ``torchvision.ops.ps_roi_pool`` computes it. Each RoI ``(batch_index, x1, y1, x2, y2)`` is
multiplied by ``spatial_scale`` (in the input's dtype) and rounded to whole pixels, halves away from zero
(C's ``round``); its size is ``x2 - x1`` by ``y2 - y1``, at least 1. Bin ``(i, j)`` covers rows
``y1 + floor(i * h / oh)`` up to (not including) ``y1 + ceil((i + 1) * h / oh)``, columns likewise, each
edge clipped to ``[0, H - 1]`` and ``[0, W - 1]`` - so, as in torchvision's kernels, no bin ever reads the
last row or the last column of the map. The bin size ``h / oh`` and the products ``i * h / oh`` are
computed in the input's dtype as well, as the kernel does: in float32, ``13 * (7 / 13)`` comes out a
little above 7, so the last of 13 bins over 7 rows ends at row 8, not 7. The value is the mean of the
bin's pixels; a bin with no pixel gives 0. Gradients with respect to ``input`` must flow.
"""

from __future__ import annotations

import torch


def ps_roi_pool(
    input: torch.Tensor,
    boxes: torch.Tensor,
    output_size: int | tuple[int, int],
    spatial_scale: float = 1.0,
) -> torch.Tensor:
    """Position-sensitive RoI pooling (R-FCN); same as ``torchvision.ops.ps_roi_pool``.

    Args:
        input (Tensor[N, C * oh * ow, H, W]): floating-point position-sensitive score maps; channel
            ``(c * oh + i) * ow + j`` holds class (or feature) ``c`` for bin ``(i, j)``.
        boxes (Tensor[K, 5]): ``(batch_index, x1, y1, x2, y2)`` in image coordinates, floating point
            (used in the input's dtype); ``batch_index`` a whole number in ``[0, N)``, ``x1 <= x2``,
            ``y1 <= y2``. Boxes may reach outside the map.
        output_size (int or (int, int)): ``(oh, ow)``, the bins per RoI; an int means a square grid.
        spatial_scale (float): multiplies the box coordinates to get feature-map coordinates (``> 0``).

    Returns:
        Tensor[K, C, oh, ow]: ``out[k, c, i, j]`` is the mean of input channel ``(c * oh + i) * ow + j``
        over bin ``(i, j)`` of RoI ``k`` (0 for an empty bin); the input's dtype and device;
        differentiable with respect to ``input``.

    Raises:
        TypeError: ``input`` or ``boxes`` is not a floating-point tensor (a list, an integer tensor);
            ``output_size`` is not an int or a pair of ints (a float or a bool is refused).
        ValueError: a shape is wrong, the channels of ``input`` are not a multiple of ``oh * ow``, a batch
            index is not a whole number in ``[0, N)``, a box has ``x2 < x1`` or ``y2 < y1``,
            ``output_size`` is not positive, ``spatial_scale <= 0``.
        Every message names the argument (``input``, ``boxes``, ``output_size`` or ``spatial_scale``).
        These checks come first, also when there is no RoI.

    Example:
        >>> x = torch.arange(4.0).reshape(1, 4, 1, 1).expand(1, 4, 3, 3)  # channel k is k everywhere
        >>> ps_roi_pool(x, torch.tensor([[0.0, 0.0, 0.0, 2.0, 2.0]]), output_size=2)
        tensor([[[[0., 1.],
                  [2., 3.]]]])
    """
    raise NotImplementedError
