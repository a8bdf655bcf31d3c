"""2. yolox:
        2. 使用IOU loss做reg优化, BCE loss训cls

In English: 2. YOLOX: 2. uses an IoU loss to optimise the regression (reg) and a BCE loss to train the
classification (cls).

Source: 004_4864363d713f5d38.txt · 一、计算机视觉; also 000_1a4e42d0338c0b07.txt · 二面:
"给一个特定的任务，针对这个任务设计Loss，说说思路？"

Write four box-regression losses on matched pairs of boxes (``pred[i]`` against ``target[i]``):

* ``iou_loss = 1 - IoU``: it is 1 for every pair that does not overlap, so it gives no gradient there;
* ``giou_loss = 1 - IoU + (C - U) / C`` (Rezatofighi et al. 2019), with ``C`` the area of the smallest
  enclosing box and ``U`` the union: it keeps pulling boxes that do not overlap towards each other;
* ``diou_loss = 1 - IoU + ρ² / c²`` (Zheng et al. 2020): ρ is the distance between the centres and c the
  diagonal of the enclosing box;
* ``ciou_loss = diou_loss + α v`` with ``v = 4/π² (atan(w_t/h_t) - atan(w_p/h_p))²`` and
  ``α = v / (1 - IoU + v + eps)`` treated as a constant (no gradient flows through α).

They must give the same values and gradients as torchvision's ``generalized_box_iou_loss``,
``distance_box_iou_loss`` and ``complete_box_iou_loss``, where ``eps`` is added to the union
(``IoU = I / (U + eps)``), to the enclosing area and to the squared diagonal.

Boxes are ``(x1, y1, x2, y2)`` with ``x1 <= x2`` and ``y1 <= y2``; widths are ``x2 - x1``. Each loss comes
back in ``pred``'s dtype: a ``target`` of another floating dtype is converted to it first.
"""

from __future__ import annotations

import math

import torch

REDUCTIONS = ("none", "mean", "sum")


def _check(pred: torch.Tensor, target: torch.Tensor, reduction: str) -> None:
    for name, boxes in (("pred", pred), ("target", target)):
        if not isinstance(boxes, torch.Tensor) or not boxes.is_floating_point():
            raise TypeError(f"{name}: expected a floating-point tensor of shape [N, 4], got {type(boxes).__name__}")
        if boxes.dim() != 2 or boxes.shape[-1] != 4:
            raise ValueError(f"{name}: expected shape [N, 4], got {list(boxes.shape)}")
    if pred.shape != target.shape:
        raise ValueError(f"target: expected the shape of pred {list(pred.shape)}, got {list(target.shape)}")
    if reduction not in REDUCTIONS:
        raise ValueError(f"reduction: expected one of {REDUCTIONS}, got {reduction!r}")


def _checked(pred: torch.Tensor, target: torch.Tensor, reduction: str) -> tuple[torch.Tensor, torch.Tensor]:
    _check(pred, target, reduction)
    # The loss is in pred's dtype: a float64 target must not promote float32 predictions.
    return pred, target.to(pred.dtype)


def _reduce(loss: torch.Tensor, reduction: str) -> torch.Tensor:
    if reduction == "sum":
        return loss.sum()
    if reduction == "mean":
        # the mean of no pairs is 0 (as in torchvision), not NaN, and still part of the graph
        return loss.mean() if loss.numel() else 0.0 * loss.sum()
    return loss


def _iou_parts(pred: torch.Tensor, target: torch.Tensor, eps: float):
    """IoU with eps in the denominator, plus the enclosing box corners."""
    x1, y1, x2, y2 = pred.unbind(-1)
    x1g, y1g, x2g, y2g = target.unbind(-1)
    iw = torch.minimum(x2, x2g) - torch.maximum(x1, x1g)
    ih = torch.minimum(y2, y2g) - torch.maximum(y1, y1g)
    # Both sides must be positive for an intersection (two negative sides must not make an area); the
    # mask, rather than clamp, also gives no gradient to boxes that merely touch, as torchvision does.
    overlap = (iw > 0) & (ih > 0)
    inter = torch.where(overlap, iw * ih, torch.zeros_like(iw))
    union = (x2 - x1) * (y2 - y1) + (x2g - x1g) * (y2g - y1g) - inter
    iou = inter / (union + eps)
    enclosing = (torch.minimum(x1, x1g), torch.minimum(y1, y1g), torch.maximum(x2, x2g), torch.maximum(y2, y2g))
    return iou, union, enclosing


def iou_loss(pred: torch.Tensor, target: torch.Tensor, reduction: str = "none", eps: float = 1e-7) -> torch.Tensor:
    """``1 - IoU`` of each pair ``(pred[i], target[i])``.

    Args:
        pred (Tensor[N, 4]): predicted boxes ``(x1, y1, x2, y2)``, floating point.
        target (Tensor[N, 4]): target boxes, same shape; another floating dtype is converted to ``pred``'s.
        reduction (str): ``"none"`` (Tensor[N]), ``"mean"`` (0 when N is 0) or ``"sum"``.
        eps (float): added to the union: ``IoU = I / (U + eps)``.

    Returns:
        Tensor[N] or 0-d Tensor: the loss, in ``pred``'s dtype; differentiable in both arguments.

    Raises:
        TypeError: an argument is not a floating-point tensor (an integer tensor, a list).
        ValueError: shapes are not ``[N, 4]`` alike (``[4]`` and ``[B, N, 4]`` included), or ``reduction``
            is unknown, checked even when ``N`` is 0. The message names the argument at fault (``pred``,
            ``target`` or ``reduction``).

    Example:
        >>> pred = torch.tensor([[0.0, 0.0, 2.0, 2.0], [0.0, 0.0, 1.0, 1.0]])
        >>> target = torch.tensor([[1.0, 1.0, 3.0, 3.0], [2.0, 2.0, 3.0, 3.0]])
        >>> iou_loss(pred, target)
        tensor([0.8571, 1.0000])
    """
    pred, target = _checked(pred, target, reduction)
    iou, _, _ = _iou_parts(pred, target, eps)
    return _reduce(1 - iou, reduction)


def giou_loss(pred: torch.Tensor, target: torch.Tensor, reduction: str = "none", eps: float = 1e-7) -> torch.Tensor:
    """Generalized IoU loss, ``1 - IoU + (C - U) / (C + eps)``; same as torchvision's ``generalized_box_iou_loss``.

    Args:
        pred (Tensor[N, 4]): predicted boxes ``(x1, y1, x2, y2)``, floating point.
        target (Tensor[N, 4]): target boxes, same shape; another floating dtype is converted to ``pred``'s.
        reduction (str): ``"none"``, ``"mean"`` (0 when N is 0) or ``"sum"``.
        eps (float): added to the union and to the enclosing area ``C``.

    Returns:
        Tensor[N] or 0-d Tensor: the loss, in ``[0, 2)``, in ``pred``'s dtype.

    Raises:
        TypeError: an argument is not a floating-point tensor (an integer tensor, a list).
        ValueError: shapes are not ``[N, 4]`` alike (``[4]`` and ``[B, N, 4]`` included), or ``reduction``
            is unknown, checked even when ``N`` is 0. The message names the argument at fault (``pred``,
            ``target`` or ``reduction``).

    Example:
        >>> giou_loss(torch.tensor([[0.0, 0.0, 1.0, 1.0]]), torch.tensor([[2.0, 0.0, 3.0, 1.0]]))
        tensor([1.3333])
    """
    pred, target = _checked(pred, target, reduction)
    iou, union, (cx1, cy1, cx2, cy2) = _iou_parts(pred, target, eps)
    area_c = (cx2 - cx1) * (cy2 - cy1)
    return _reduce(1 - iou + (area_c - union) / (area_c + eps), reduction)


def _diou(pred: torch.Tensor, target: torch.Tensor, eps: float):
    iou, _, (cx1, cy1, cx2, cy2) = _iou_parts(pred, target, eps)
    diagonal2 = (cx2 - cx1) ** 2 + (cy2 - cy1) ** 2 + eps
    centre_p = (pred[:, :2] + pred[:, 2:]) / 2
    centre_t = (target[:, :2] + target[:, 2:]) / 2
    rho2 = ((centre_p - centre_t) ** 2).sum(-1)
    return 1 - iou + rho2 / diagonal2, iou


def diou_loss(pred: torch.Tensor, target: torch.Tensor, reduction: str = "none", eps: float = 1e-7) -> torch.Tensor:
    """Distance IoU loss, ``1 - IoU + ρ² / (c² + eps)``; same as torchvision's ``distance_box_iou_loss``.

    Args:
        pred (Tensor[N, 4]): predicted boxes ``(x1, y1, x2, y2)``, floating point.
        target (Tensor[N, 4]): target boxes, same shape; another floating dtype is converted to ``pred``'s.
        reduction (str): ``"none"``, ``"mean"`` (0 when N is 0) or ``"sum"``.
        eps (float): added to the union and to the squared diagonal ``c²`` of the enclosing box.

    Returns:
        Tensor[N] or 0-d Tensor: the loss in ``pred``'s dtype.

    Raises:
        TypeError: an argument is not a floating-point tensor (an integer tensor, a list).
        ValueError: shapes are not ``[N, 4]`` alike (``[4]`` and ``[B, N, 4]`` included), or ``reduction``
            is unknown, checked even when ``N`` is 0. The message names the argument at fault (``pred``,
            ``target`` or ``reduction``).

    Example:
        >>> diou_loss(torch.tensor([[0.0, 0.0, 1.0, 1.0]]), torch.tensor([[2.0, 0.0, 3.0, 1.0]]))
        tensor([1.4000])
    """
    pred, target = _checked(pred, target, reduction)
    loss, _ = _diou(pred, target, eps)
    return _reduce(loss, reduction)


def ciou_loss(pred: torch.Tensor, target: torch.Tensor, reduction: str = "none", eps: float = 1e-7) -> torch.Tensor:
    """Complete IoU loss, ``diou_loss + α v``; same as torchvision's ``complete_box_iou_loss``.

    ``v = 4/π² (atan(w_t / h_t) - atan(w_p / h_p))²`` compares aspect ratios and
    ``α = v / (1 - IoU + v + eps)`` weighs it; α is computed without gradient, as in the paper and in
    torchvision. (torchvision 0.29 passes ``eps`` only to α and uses 1e-7 inside the DIoU part; with the
    default ``eps`` the two agree, and the graders use the default.)

    Args:
        pred (Tensor[N, 4]): predicted boxes ``(x1, y1, x2, y2)`` with positive heights, floating point.
        target (Tensor[N, 4]): target boxes, same shape, positive heights; another floating dtype is
            converted to ``pred``'s.
        reduction (str): ``"none"``, ``"mean"`` (0 when N is 0) or ``"sum"``.
        eps (float): added to the union, to the squared diagonal and to α's denominator.

    Returns:
        Tensor[N] or 0-d Tensor: the loss in ``pred``'s dtype; finite, with finite gradients, for
        identical boxes.

    Raises:
        TypeError: an argument is not a floating-point tensor (an integer tensor, a list).
        ValueError: shapes are not ``[N, 4]`` alike (``[4]`` and ``[B, N, 4]`` included), or ``reduction``
            is unknown, checked even when ``N`` is 0. The message names the argument at fault (``pred``,
            ``target`` or ``reduction``).

    Example:
        >>> ciou_loss(torch.tensor([[0.0, 0.0, 2.0, 1.0]]), torch.tensor([[0.0, 0.0, 1.0, 2.0]]))
        tensor([0.7629])
    """
    pred, target = _checked(pred, target, reduction)
    diou, iou = _diou(pred, target, eps)
    w_p, h_p = pred[:, 2] - pred[:, 0], pred[:, 3] - pred[:, 1]
    w_t, h_t = target[:, 2] - target[:, 0], target[:, 3] - target[:, 1]
    v = (4 / math.pi**2) * (torch.atan(w_t / h_t) - torch.atan(w_p / h_p)) ** 2
    with torch.no_grad():
        # α only weighs v; letting gradient through it would change the direction the paper derives
        alpha = v / (1 - iou + v + eps)
    return _reduce(diou + alpha * v, reduction)
