"""SSD的基本原理讲一讲？Anchor怎么选的？NMS怎么做的？

In English: Explain the basic principle of SSD. How are the anchors chosen? How is NMS done?

Source: 000_1a4e42d0338c0b07.txt · 二面.

"How are the anchors chosen?" In SSD every cell of every feature map carries a few default boxes
(anchors) of fixed scales and shapes. Write the generator, the same as torchvision's
``DefaultBoxGenerator(aspect_ratios, min_ratio, max_ratio, clip=clip)`` with ``steps=None``, returning the
boxes before they are scaled to an image: ``(cx, cy, w, h)`` normalised to ``[0, 1]``.

For ``m`` feature maps the scales are spaced evenly, ``s_k = min_ratio + (max_ratio - min_ratio) * k / (m - 1)``
for ``k = 0 .. m-1``, with ``s_m = 1.0`` after the last one; a single map uses ``s_0 = min_ratio`` and
``s_1 = max_ratio``. At each location of map ``k`` (centre ``((j + 0.5) / W_k, (i + 0.5) / H_k)`` for row
``i``, column ``j``) the boxes are, in this order:

1. ``(s_k, s_k)``;
2. ``(s'_k, s'_k)`` with ``s'_k = sqrt(s_k * s_{k+1})``;
3. for each ratio ``r`` of ``aspect_ratios[k]``, in the given order: ``(s_k sqrt(r), s_k / sqrt(r))`` then
   ``(s_k / sqrt(r), s_k sqrt(r))``, i.e. the ratio and its inverse.

The output is location-major: map by map, then row by row, column by column, then the boxes of that
location in the order above. With ``clip=True`` the widths and heights are clamped to ``[0, 1]``.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch


def ssd_default_boxes(
    feature_map_sizes: Sequence[int | Sequence[int]],
    aspect_ratios: Sequence[Sequence[float]],
    min_ratio: float = 0.15,
    max_ratio: float = 0.9,
    clip: bool = True,
    *,
    dtype: torch.dtype = torch.float32,
) -> torch.Tensor:
    """SSD's default boxes for every location of every feature map, ``(cx, cy, w, h)`` normalised.

    Same as ``torchvision.models.detection.anchor_utils.DefaultBoxGenerator(aspect_ratios, min_ratio,
    max_ratio, clip=clip)`` (``steps=None``) before it scales the boxes to the image.

    Args:
        feature_map_sizes (sequence of int or (int, int)): the size of each feature map, ``s`` for an
            ``s x s`` map or ``(h, w)``; positive. ``bool`` is not taken as an int (``True`` is refused).
        aspect_ratios (sequence of sequences of float): ``aspect_ratios[k]`` lists the ratios ``r > 0`` of
            map ``k`` (possibly none); each gives two boxes, ``r`` and ``1/r``. One list per map.
        min_ratio (float): the smallest scale ``s_0``, as a fraction of the image, ``0 < min_ratio``.
        max_ratio (float): the scale of the last map, ``min_ratio <= max_ratio``.
        clip (bool): clamp widths and heights to ``[0, 1]``.
        dtype (torch.dtype): floating dtype of the result (keyword only).

    Returns:
        Tensor[D, 4]: ``(cx, cy, w, h)`` rows, ``D = sum_k H_k * W_k * (2 + 2 * len(aspect_ratios[k]))``,
        location-major: map by map, row by row, column by column, then the location's boxes in the order
        ``(s_k, s_k)``, ``(s'_k, s'_k)``, then ``r``, ``1/r`` for each ratio.

    Raises:
        TypeError: a size is not an int or a pair of ints (floats, bools and triples included), or ``dtype``
            is not a floating-point ``torch.dtype``.
        ValueError: no maps, a size is not positive, ``aspect_ratios`` does not have one list per map, a ratio
            is not positive (0 included), or not ``0 < min_ratio <= max_ratio``.

        Every message names the argument at fault (``feature_map_sizes``, ``aspect_ratios``, ``min_ratio``
        or ``max_ratio``, ``dtype``).

    Example:
        >>> ssd_default_boxes([1], [[4]], min_ratio=0.2, max_ratio=0.8)
        tensor([[0.5000, 0.5000, 0.2000, 0.2000],
                [0.5000, 0.5000, 0.4000, 0.4000],
                [0.5000, 0.5000, 0.4000, 0.1000],
                [0.5000, 0.5000, 0.1000, 0.4000]])
    """
    raise NotImplementedError
