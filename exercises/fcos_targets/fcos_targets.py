"""说说 Anchor-based 和 Anchor Free 的区别

In English: Talk about the difference between anchor-based and anchor-free (detectors).

Source: 000_1a4e42d0338c0b07.txt · 一面.

An anchor-free detector such as FCOS has no anchors to match: every feature-map location (a point in
image coordinates) is itself a sample. Write its target assignment:

* a point is a candidate for a ground-truth box when it lies strictly inside it (a point on the border is
  outside), and its regression target ``(l, t, r, b) = (x - x1, y - y1, x2 - x, y2 - y)`` has
  ``size_range[0] <= max(l, t, r, b) <= size_range[1]`` (both bounds inclusive; this is how FCOS sends big
  boxes to coarse pyramid levels and small ones to fine levels);
* of several candidate boxes the one with the smallest area wins (the lowest index among equal areas);
* a positive point gets that box's label, its ``(l, t, r, b)`` and the centerness
  ``sqrt(min(l, r) / max(l, r) * min(t, b) / max(t, b))``; any other point gets the ``background`` label,
  ``(0, 0, 0, 0)`` and centerness 0.

Boxes are ``(x1, y1, x2, y2)`` in continuous coordinates; points are ``(x, y)`` in the same coordinates.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch


def fcos_targets(
    points: torch.Tensor,
    gt_boxes: torch.Tensor,
    gt_labels: torch.Tensor,
    size_range: Sequence[float] = (0.0, math.inf),
    background: int = -1,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """FCOS targets for each point: class label, distances to the box's sides, centerness.

    Args:
        points (Tensor[P, 2]): ``(x, y)`` locations in image coordinates, floating point.
        gt_boxes (Tensor[G, 4]): ground-truth boxes ``(x1, y1, x2, y2)``, ``x1 <= x2``, ``y1 <= y2``; converted
            to ``points``' dtype.
        gt_labels (Tensor[G]): integer class label of each box.
        size_range ((float, float)): ``(low, high)``; a box is a candidate for a point only if
            ``low <= max(l, t, r, b) <= high``.
        background (int): the label of points that match no box.

    Returns:
        (Tensor[P], Tensor[P, 4], Tensor[P]): ``labels`` (``gt_labels``' dtype; the winning box's label or
        ``background``), ``ltrb`` (``(x - x1, y - y1, x2 - x, y2 - y)`` of the winning box, zeros for
        background) and ``centerness`` (in ``[0, 1]``, 0 for background); the last two in ``points``' dtype,
        whatever the floating dtype of ``gt_boxes``. All on ``points``' device.

    Raises:
        TypeError: ``points`` or ``gt_boxes`` is not a floating-point tensor (a list, an integer tensor),
            ``gt_labels`` is not an integer tensor (a bool tensor is refused), or ``background`` is not an
            int (a bool is refused).
        ValueError: a shape is wrong, ``gt_labels`` does not have one label per box, a box has
            ``x2 < x1`` or ``y2 < y1``, or ``size_range`` is not two numbers with ``low <= high``.
        Every message names the argument. These checks come first, also when there are no points or no
        boxes.

    Example:
        >>> points = torch.tensor([[2.0, 1.0], [6.0, 2.0], [9.0, 9.0]])
        >>> boxes = torch.tensor([[0.0, 0.0, 8.0, 4.0], [4.0, 0.0, 8.0, 4.0]])
        >>> labels, ltrb, centerness = fcos_targets(points, boxes, torch.tensor([3, 7]))
        >>> labels
        tensor([ 3,  7, -1])
        >>> ltrb
        tensor([[2., 1., 6., 3.],
                [2., 2., 2., 2.],
                [0., 0., 0., 0.]])
        >>> centerness
        tensor([0.3333, 1.0000, 0.0000])
    """
    raise NotImplementedError
