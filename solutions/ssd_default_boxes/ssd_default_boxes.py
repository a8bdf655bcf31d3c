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

import math
from collections.abc import Sequence

import torch


def _is_int(value: object) -> bool:
    # bool is an int subclass, but True is no feature-map size.
    return isinstance(value, int) and not isinstance(value, bool)


def _grid_size(k: int, size: int | Sequence[int]) -> tuple[int, int]:
    if _is_int(size):
        h = w = size
    elif isinstance(size, Sequence) and len(size) == 2 and all(_is_int(v) for v in size):
        h, w = size
    else:
        raise TypeError(f"feature_map_sizes[{k}]: expected an int or an (h, w) pair of ints, got {size!r}")
    if h <= 0 or w <= 0:
        raise ValueError(f"feature_map_sizes[{k}]: expected positive sizes, got {size!r}")
    return h, w


def _scales(m: int, min_ratio: float, max_ratio: float) -> list[float]:
    if m == 1:
        return [min_ratio, max_ratio]
    # One more scale than maps: the last map's extra box reaches towards the whole image (1.0).
    return [min_ratio + (max_ratio - min_ratio) * k / (m - 1) for k in range(m)] + [1.0]


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
    if not isinstance(dtype, torch.dtype) or not dtype.is_floating_point:
        raise TypeError(f"dtype: expected a floating-point torch.dtype, got {dtype!r}")
    sizes = [_grid_size(k, s) for k, s in enumerate(feature_map_sizes)]
    if not sizes:
        raise ValueError("feature_map_sizes: expected at least one feature map, got none")
    if len(aspect_ratios) != len(sizes):
        raise ValueError(
            f"aspect_ratios: expected one list of ratios per feature map ({len(sizes)}), got {len(aspect_ratios)}"
        )
    for k, ratios in enumerate(aspect_ratios):
        if not all(float(r) > 0 for r in ratios):
            raise ValueError(f"aspect_ratios[{k}]: expected positive ratios, got {list(ratios)!r}")
    if not 0 < min_ratio <= max_ratio:
        raise ValueError(f"min_ratio, max_ratio: expected 0 < min_ratio <= max_ratio, got {min_ratio}, {max_ratio}")

    scales = _scales(len(sizes), float(min_ratio), float(max_ratio))
    per_map = []
    for k, ((h, w), ratios) in enumerate(zip(sizes, aspect_ratios, strict=True)):
        s_k = scales[k]
        s_prime = math.sqrt(s_k * scales[k + 1])
        shapes = [(s_k, s_k), (s_prime, s_prime)]
        for r in ratios:
            root = math.sqrt(float(r))
            shapes += [(s_k * root, s_k / root), (s_k / root, s_k * root)]
        wh = torch.tensor(shapes, dtype=torch.float64)
        if clip:
            wh = wh.clamp(0.0, 1.0)
        # Centres in cell units: (j + 0.5) / W is the middle of column j, whatever the map's size.
        cy = (torch.arange(h, dtype=torch.float64) + 0.5) / h
        cx = (torch.arange(w, dtype=torch.float64) + 0.5) / w
        grid_y, grid_x = torch.meshgrid(cy, cx, indexing="ij")
        centres = torch.stack((grid_x.reshape(-1), grid_y.reshape(-1)), dim=1)  # [H*W, 2], row-major
        # [H*W, 1, 2] next to [1, S, 2]: every location gets all S shapes before the next location starts.
        n_loc, n_shapes = centres.shape[0], wh.shape[0]
        boxes = torch.cat(
            (centres[:, None, :].expand(n_loc, n_shapes, 2), wh[None, :, :].expand(n_loc, n_shapes, 2)), dim=2
        )
        per_map.append(boxes.reshape(-1, 4))
    return torch.cat(per_map, dim=0).to(dtype)
