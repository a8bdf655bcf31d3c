"""SSD的基本原理讲一讲？Anchor怎么选的？NMS怎么做的？

In English: Explain the basic principle of SSD. How are the anchors chosen? How is NMS done?

Source: 000_1a4e42d0338c0b07.txt · 二面.

A detector such as SSD predicts many overlapping boxes for one object; non-maximum suppression (NMS) keeps
the best of them. Write three versions in torch:

* ``nms``: greedy NMS, the same as ``torchvision.ops.nms``. Visit the boxes by decreasing score; keep a box,
  then discard every remaining box whose IoU with it is strictly greater than ``iou_threshold``. Equal
  scores are visited in index order (the lower index first).
* ``batched_nms``: the same per category (``torchvision.ops.batched_nms``): boxes of different categories
  never suppress each other.
* ``soft_nms``: Soft-NMS (Bodla et al., 2017). Instead of discarding the neighbours of a kept box, lower
  their scores: by ``exp(-iou**2 / sigma)`` ("gaussian") or by ``1 - iou`` where ``iou > iou_threshold``
  ("linear"); a box whose score falls below ``score_threshold`` is dropped.

Boxes are ``(x1, y1, x2, y2)`` in continuous coordinates (width ``x2 - x1``, no ``+ 1``); a box with
``x2 < x1`` or ``y2 < y1`` is invalid. The IoU of two boxes whose union is 0 is 0. 5,000 boxes must take about
a second at most: loop over the kept boxes if you like, but compute each kept box's IoU with all the
remaining ones at once in torch (a pure-Python double loop over the pairs is ten or more times slower).
"""

from __future__ import annotations

import torch


def nms(boxes: torch.Tensor, scores: torch.Tensor, iou_threshold: float) -> torch.Tensor:
    """Greedy non-maximum suppression, the same as ``torchvision.ops.nms``.

    Args:
        boxes (Tensor[N, 4]): floating-point boxes ``(x1, y1, x2, y2)`` with ``x1 <= x2`` and ``y1 <= y2``.
        scores (Tensor[N]): floating-point score of each box.
        iou_threshold (float): a box is discarded when its IoU with a kept, higher-ranked box is strictly
            greater than this (a box at exactly the threshold survives).

    Returns:
        Tensor[K]: int64 indices into ``boxes`` of the kept boxes, by decreasing score; equal scores in
        increasing index order. On the device of ``boxes``; empty when ``N == 0``.

    Raises:
        TypeError: ``boxes`` or ``scores`` is not a floating-point tensor (a list, an integer tensor); the
            message names the argument.
        ValueError: a shape is wrong (``boxes`` not ``[N, 4]``, ``scores`` not ``[N]``), or a box has
            ``x2 < x1`` or ``y2 < y1``; the message names the argument. Arguments are checked even when
            ``N == 0``.

    Example:
        >>> boxes = torch.tensor([[0.0, 0.0, 2.0, 2.0], [0.0, 0.0, 2.0, 1.9], [3.0, 3.0, 4.0, 4.0]])
        >>> nms(boxes, torch.tensor([0.6, 0.9, 0.3]), iou_threshold=0.5)
        tensor([1, 2])
    """
    raise NotImplementedError


def batched_nms(boxes: torch.Tensor, scores: torch.Tensor, idxs: torch.Tensor, iou_threshold: float) -> torch.Tensor:
    """Non-maximum suppression within each category, the same as ``torchvision.ops.batched_nms``.

    Args:
        boxes (Tensor[N, 4]): floating-point boxes ``(x1, y1, x2, y2)`` with ``x1 <= x2`` and ``y1 <= y2``.
        scores (Tensor[N]): floating-point score of each box.
        idxs (Tensor[N]): integer category of each box; boxes of different categories never suppress
            each other, whatever their coordinates (negative ones included).
        iou_threshold (float): as in :func:`nms` (strictly greater is suppressed).

    Returns:
        Tensor[K]: int64 indices into ``boxes`` of the kept boxes of all categories together, by decreasing
        score; equal scores in increasing index order. On the device of ``boxes``.

    Raises:
        TypeError: ``boxes`` or ``scores`` is not a floating-point tensor, or ``idxs`` not an integer tensor
            (a bool tensor is refused too); the message names the argument.
        ValueError: a shape is wrong (as in :func:`nms`; ``idxs`` must be ``[N]``), or a box has ``x2 < x1``
            or ``y2 < y1``; the message names the argument. Arguments are checked even when ``N == 0``.

    Example:
        >>> boxes = torch.tensor([[0.0, 0.0, 2.0, 2.0], [0.0, 0.0, 2.0, 1.9], [0.0, 0.0, 2.0, 2.0]])
        >>> batched_nms(boxes, torch.tensor([0.6, 0.9, 0.3]), torch.tensor([0, 0, 1]), iou_threshold=0.5)
        tensor([1, 2])
    """
    raise NotImplementedError


def soft_nms(
    boxes: torch.Tensor,
    scores: torch.Tensor,
    sigma: float = 0.5,
    iou_threshold: float = 0.3,
    score_threshold: float = 0.001,
    method: str = "gaussian",
) -> tuple[torch.Tensor, torch.Tensor]:
    """Soft-NMS (Bodla et al., 2017): decay the scores of a kept box's neighbours instead of removing them.

    Repeat until no candidate is left: select the candidate with the highest *current* score (equal
    scores: the lower index), keep it with that score, and multiply the score of every other remaining
    candidate by ``exp(-iou**2 / sigma)`` (``method="gaussian"``, applied whatever the IoU) or by
    ``1 - iou`` where ``iou > iou_threshold`` (``method="linear"``). Candidates whose score is below
    ``score_threshold`` (``score < score_threshold``), at the start or after a decay, are dropped.

    Args:
        boxes (Tensor[N, 4]): floating-point boxes ``(x1, y1, x2, y2)`` with ``x1 <= x2`` and ``y1 <= y2``.
        scores (Tensor[N]): floating-point score of each box; not modified.
        sigma (float): width of the gaussian decay; must be positive when ``method="gaussian"``.
        iou_threshold (float): IoU above which the linear method decays a score; unused by "gaussian".
        score_threshold (float): scores below this are dropped.
        method (str): ``"gaussian"`` or ``"linear"``.

    Returns:
        tuple (keep, kept_scores):
        keep (Tensor[K]): int64 indices into ``boxes`` in the order they were selected (which is also
        non-increasing order of ``kept_scores``), on the device of ``boxes``.
        kept_scores (Tensor[K]): the decayed score of each kept box at its selection, in the dtype of
        ``scores``.

    Raises:
        TypeError: ``boxes`` or ``scores`` is not a floating-point tensor; the message names the argument.
        ValueError: a shape is wrong (as in :func:`nms`), a box has ``x2 < x1`` or ``y2 < y1``, ``method`` is
            neither "gaussian" nor "linear", or ``sigma <= 0`` with the gaussian method (the linear method
            accepts any ``sigma``); the message names the argument. Arguments are checked even when
            ``N == 0``.

    Example:
        >>> boxes = torch.tensor([[0.0, 0.0, 2.0, 2.0], [0.0, 0.0, 2.0, 1.0], [5.0, 5.0, 6.0, 6.0]])
        >>> soft_nms(boxes, torch.tensor([0.9, 0.8, 0.5]), method="linear", iou_threshold=0.3)
        (tensor([0, 2, 1]), tensor([0.9000, 0.5000, 0.4000]))
    """
    raise NotImplementedError
