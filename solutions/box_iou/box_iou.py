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


def _check_pair_box(name: str, box: Sequence[float]) -> tuple[float, float, float, float]:
    try:
        values = tuple(float(v) for v in box)
    except TypeError:
        raise TypeError(
            f"{name}: expected a sequence of 4 numbers (x1, y1, x2, y2), got {type(box).__name__}"
        ) from None
    if len(values) != 4:
        raise ValueError(f"{name}: expected 4 numbers (x1, y1, x2, y2), got {len(values)}")
    x1, y1, x2, y2 = values
    if x2 < x1 or y2 < y1:
        raise ValueError(f"{name}: expected x1 <= x2 and y1 <= y2, got {values}")
    return values


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
    ax1, ay1, ax2, ay2 = _check_pair_box("box_a", box_a)
    bx1, by1, bx2, by2 = _check_pair_box("box_b", box_b)
    # The intersection is itself a box; a negative side means the boxes do not meet on that axis,
    # and both sides must be clamped separately (two negative sides would multiply to a positive area).
    inter_w = max(0.0, min(ax2, bx2) - max(ax1, bx1))
    inter_h = max(0.0, min(ay2, by2) - max(ay1, by1))
    inter = inter_w * inter_h
    union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter
    return inter / union if union > 0 else 0.0


def _check_boxes(name: str, boxes: torch.Tensor) -> None:
    if not isinstance(boxes, torch.Tensor):
        raise TypeError(f"{name}: expected a torch.Tensor of shape [N, 4], got {type(boxes).__name__}")
    if not boxes.is_floating_point():
        raise TypeError(f"{name}: expected a floating-point tensor, got dtype {boxes.dtype}")
    if boxes.dim() != 2 or boxes.shape[-1] != 4:
        raise ValueError(f"{name}: expected shape [N, 4], got {list(boxes.shape)}")
    if bool(((boxes[:, 2] < boxes[:, 0]) | (boxes[:, 3] < boxes[:, 1])).any()):
        raise ValueError(f"{name}: expected x1 <= x2 and y1 <= y2 for every box")


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
    _check_boxes("boxes1", boxes1)
    _check_boxes("boxes2", boxes2)
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    # [N, 1, 2] against [1, M, 2] broadcasts to all N*M pairs at once.
    top_left = torch.maximum(boxes1[:, None, :2], boxes2[None, :, :2])
    bottom_right = torch.minimum(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = (bottom_right - top_left).clamp(min=0)
    inter = wh[..., 0] * wh[..., 1]
    union = area1[:, None] + area2[None, :] - inter
    # where() alone would still divide 0 by 0; dividing by a safe denominator keeps NaN out entirely.
    positive = union > 0
    return torch.where(positive, inter / torch.where(positive, union, torch.ones_like(union)), torch.zeros_like(union))
