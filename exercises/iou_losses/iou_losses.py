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

import torch

REDUCTIONS = ("none", "mean", "sum")


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
    raise NotImplementedError


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
    raise NotImplementedError


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
    raise NotImplementedError


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
    raise NotImplementedError
