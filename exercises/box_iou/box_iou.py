"""2.计算IOU

In English: 2. Compute IoU.

Source: 000_1a4e42d0338c0b07.txt · coding: 一面 (the round's two questions were "1.连续子数组最大和" and
"2.计算IOU").

Write the intersection-over-union of two axis-aligned boxes, first for one pair given as plain Python
sequences, then for every pair of two sets of boxes at once, as a torch function with no Python loop over
the boxes (4,000 × 4,000 pairs must take well under a second).

Boxes are ``(x1, y1, x2, y2)`` in continuous coordinates: the width is ``x2 - x1`` (no ``+ 1``). A box with
``x2 < x1`` or ``y2 < y1`` is invalid. Boxes of zero area are valid; when the union of two boxes is 0 the
IoU is ``0.0``, never NaN.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch


def iou(box_a: Sequence[float], box_b: Sequence[float]) -> float:
    """Intersection over union of two boxes.

    Args:
        box_a (sequence of 4 floats): ``(x1, y1, x2, y2)`` with ``x1 <= x2`` and ``y1 <= y2``.
        box_b (sequence of 4 floats): the other box, same format.

    Returns:
        float: the area of the intersection divided by the area of the union, in ``[0, 1]``;
        ``0.0`` when the union has no area. Always a Python float, also for int coordinates.

    Raises:
        ValueError: a box does not have 4 numbers, or has ``x2 < x1`` or ``y2 < y1``; the message names
            the box (``box_a`` or ``box_b``).
        TypeError: a box is not a sequence; the message names the box.

    Example:
        >>> iou((0, 0, 2, 2), (1, 1, 3, 3))
        0.14285714285714285
    """
    raise NotImplementedError


def box_iou(boxes1: torch.Tensor, boxes2: torch.Tensor) -> torch.Tensor:
    """IoU of every box in ``boxes1`` with every box in ``boxes2``, without a Python loop.

    Same as ``torchvision.ops.box_iou``, except that a pair whose union is 0 gets 0, not NaN.

    Args:
        boxes1 (Tensor[N, 4]): floating-point boxes ``(x1, y1, x2, y2)``, ``x1 <= x2``, ``y1 <= y2``.
        boxes2 (Tensor[M, 4]): boxes in the same format, usually of the same dtype.

    Returns:
        Tensor[N, M]: ``out[i, j]`` is the IoU of ``boxes1[i]`` and ``boxes2[j]``; the inputs' dtype
        (float16 and bfloat16 included) and device. When the two dtypes differ, the result has torch's
        promoted dtype (``torch.promote_types``: float64 for float32 with float64), as with
        ``torchvision.ops.box_iou``. ``N`` or ``M`` may be 0.

    Raises:
        TypeError: an argument is not a floating-point tensor; the message names it (``boxes1`` or
            ``boxes2``). Checked also when ``N`` or ``M`` is 0.
        ValueError: an argument is not of shape ``[K, 4]``, or holds a box with ``x2 < x1`` or ``y2 < y1``;
            the message names the argument. Checked also when ``N`` or ``M`` is 0.

    Example:
        >>> a = torch.tensor([[0.0, 0.0, 2.0, 2.0]])
        >>> b = torch.tensor([[1.0, 1.0, 3.0, 3.0], [0.0, 0.0, 1.0, 2.0]])
        >>> box_iou(a, b)
        tensor([[0.1429, 0.5000]])
    """
    raise NotImplementedError
