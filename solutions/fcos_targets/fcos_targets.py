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


def _check_args(points, gt_boxes, gt_labels, size_range, background) -> tuple[float, float]:
    for name, value, cols in (("points", points, 2), ("gt_boxes", gt_boxes, 4)):
        if not isinstance(value, torch.Tensor):
            raise TypeError(f"{name}: expected a torch.Tensor of shape [N, {cols}], got {type(value).__name__}")
        if not value.is_floating_point():
            raise TypeError(f"{name}: expected a floating-point tensor, got dtype {value.dtype}")
        if value.dim() != 2 or value.shape[1] != cols:
            raise ValueError(f"{name}: expected shape [N, {cols}], got {list(value.shape)}")
    if not isinstance(gt_labels, torch.Tensor):
        raise TypeError(f"gt_labels: expected a torch.Tensor of shape [G], got {type(gt_labels).__name__}")
    if gt_labels.is_floating_point() or gt_labels.is_complex() or gt_labels.dtype == torch.bool:
        raise TypeError(f"gt_labels: expected an integer tensor, got dtype {gt_labels.dtype}")
    if gt_labels.shape != (gt_boxes.shape[0],):
        raise ValueError(f"gt_labels: expected shape [{gt_boxes.shape[0]}] (one per box), got {list(gt_labels.shape)}")
    if bool(((gt_boxes[:, 2] < gt_boxes[:, 0]) | (gt_boxes[:, 3] < gt_boxes[:, 1])).any()):
        raise ValueError("gt_boxes: expected x1 <= x2 and y1 <= y2 for every box")
    try:
        lo, hi = (float(v) for v in size_range)
    except (TypeError, ValueError):
        raise ValueError(f"size_range: expected two numbers (low, high), got {size_range!r}") from None
    if not lo <= hi:
        raise ValueError(f"size_range: expected low <= high, got {size_range!r}")
    if isinstance(background, bool) or not isinstance(background, int):
        raise TypeError(f"background: expected an int label, got {type(background).__name__}")
    return lo, hi


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
    lo, hi = _check_args(points, gt_boxes, gt_labels, size_range, background)
    boxes = gt_boxes.to(points.dtype)
    x = points[:, 0:1]  # [P, 1] against [G]: every point with every box
    y = points[:, 1:2]
    ltrb_all = torch.stack((x - boxes[:, 0], y - boxes[:, 1], boxes[:, 2] - x, boxes[:, 3] - y), dim=2)  # [P, G, 4]

    # Strictly inside: a point on an edge has a zero distance and nothing to regress towards.
    inside = ltrb_all.amin(dim=2) > 0
    reach = ltrb_all.amax(dim=2)
    # The size test comes before the choice: a box too small for this level must not hide a larger box
    # that this level is meant to learn.
    candidate = inside & (reach >= lo) & (reach <= hi)

    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    num_points = points.shape[0]
    if boxes.shape[0] == 0:
        positive = torch.zeros(num_points, dtype=torch.bool, device=points.device)
        winner = torch.zeros(num_points, dtype=torch.int64, device=points.device)
        ltrb = points.new_zeros(num_points, 4)
    else:
        # Smallest area wins (the most specific box); argmin keeps the first of equal areas.
        masked = torch.where(candidate, areas[None, :], torch.full_like(reach, math.inf))
        winner = masked.argmin(dim=1)
        positive = candidate.any(dim=1)
        ltrb = ltrb_all[torch.arange(num_points, device=points.device), winner]
        ltrb = torch.where(positive[:, None], ltrb, torch.zeros_like(ltrb))

    labels = torch.full((num_points,), background, dtype=gt_labels.dtype, device=points.device)
    if boxes.shape[0]:
        labels = torch.where(positive, gt_labels.to(points.device)[winner], labels)

    left, top, right, bottom = ltrb.unbind(dim=1)
    # Background rows are all zeros; a safe denominator keeps 0/0 out of them.
    lr = torch.minimum(left, right) / torch.maximum(left, right).clamp(min=torch.finfo(ltrb.dtype).tiny)
    tb = torch.minimum(top, bottom) / torch.maximum(top, bottom).clamp(min=torch.finfo(ltrb.dtype).tiny)
    centerness = torch.where(positive, torch.sqrt(lr * tb), torch.zeros_like(lr))
    return labels, ltrb, centerness
