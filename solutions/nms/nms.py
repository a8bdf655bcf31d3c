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


def _check_boxes_scores(boxes: torch.Tensor, scores: torch.Tensor) -> None:
    if not isinstance(boxes, torch.Tensor):
        raise TypeError(f"boxes: expected a torch.Tensor of shape [N, 4], got {type(boxes).__name__}")
    if not isinstance(scores, torch.Tensor):
        raise TypeError(f"scores: expected a torch.Tensor of shape [N], got {type(scores).__name__}")
    if not boxes.is_floating_point():
        raise TypeError(f"boxes: expected a floating-point tensor, got dtype {boxes.dtype}")
    if not scores.is_floating_point():
        raise TypeError(f"scores: expected a floating-point tensor, got dtype {scores.dtype}")
    if boxes.dim() != 2 or boxes.shape[1] != 4:
        raise ValueError(f"boxes: expected shape [N, 4], got {list(boxes.shape)}")
    if scores.dim() != 1 or scores.shape[0] != boxes.shape[0]:
        raise ValueError(f"scores: expected shape [{boxes.shape[0]}] (one per box), got {list(scores.shape)}")
    if bool(((boxes[:, 2] < boxes[:, 0]) | (boxes[:, 3] < boxes[:, 1])).any()):
        raise ValueError("boxes: expected x1 <= x2 and y1 <= y2 for every box")


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
    _check_boxes_scores(boxes, scores)
    # A stable sort is what makes "equal scores: lower index first" hold.
    order = torch.sort(scores, descending=True, stable=True).indices
    x1, y1, x2, y2 = boxes[order].unbind(1)
    area = (x2 - x1) * (y2 - y1)
    keep = []
    # Positions (in score order) of the boxes still in the running. One Python iteration per *kept*
    # box; its overlap with all the remaining candidates is a handful of vector ops.
    alive = torch.arange(order.numel(), device=boxes.device)
    while alive.numel() > 0:
        best = int(alive[0])
        keep.append(best)
        rest = alive[1:]
        w = (torch.minimum(x2[best], x2[rest]) - torch.maximum(x1[best], x1[rest])).clamp(min=0)
        h = (torch.minimum(y2[best], y2[rest]) - torch.maximum(y1[best], y1[rest])).clamp(min=0)
        inter = w * h
        union = area[best] + area[rest] - inter
        # inter / union > t without dividing: a zero union (two points) then counts as no overlap.
        alive = rest[~(inter > iou_threshold * union)]
    return order[torch.tensor(keep, dtype=torch.int64, device=boxes.device)]


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
    _check_boxes_scores(boxes, scores)
    if not isinstance(idxs, torch.Tensor):
        raise TypeError(f"idxs: expected an integer torch.Tensor of shape [N], got {type(idxs).__name__}")
    if idxs.is_floating_point() or idxs.is_complex() or idxs.dtype == torch.bool:
        raise TypeError(f"idxs: expected an integer tensor of category ids, got dtype {idxs.dtype}")
    if idxs.dim() != 1 or idxs.shape[0] != boxes.shape[0]:
        raise ValueError(f"idxs: expected shape [{boxes.shape[0]}] (one per box), got {list(idxs.shape)}")
    # One nms per category rather than torchvision's "offset the boxes per category" trick: the trick
    # assumes non-negative coordinates and loses float precision when offsets grow large.
    keep_mask = torch.zeros(boxes.shape[0], dtype=torch.bool, device=boxes.device)
    for category in torch.unique(idxs):
        members = torch.nonzero(idxs == category).flatten()
        keep_mask[members[nms(boxes[members], scores[members], iou_threshold)]] = True
    kept = torch.nonzero(keep_mask).flatten()  # increasing index, so the stable sort breaks ties by index
    return kept[torch.sort(scores[kept], descending=True, stable=True).indices]


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
    _check_boxes_scores(boxes, scores)
    if method not in ("gaussian", "linear"):
        raise ValueError(f"method: expected 'gaussian' or 'linear', got {method!r}")
    if method == "gaussian" and not sigma > 0:
        raise ValueError(f"sigma: expected a positive number for the gaussian method, got {sigma!r}")
    # The candidates, compacted after every selection; ``idx`` stays in increasing index order, so
    # argmax (the first maximum) breaks ties by the lower index.
    idx = torch.nonzero(scores >= score_threshold).flatten()
    current = scores[idx]  # a copy: the caller's scores stay as they were
    x1, y1, x2, y2 = boxes[idx].unbind(1)
    area = (x2 - x1) * (y2 - y1)
    keep, kept_scores = [], []
    while idx.numel() > 0:
        best = int(torch.argmax(current))
        keep.append(idx[best])
        kept_scores.append(current[best])
        w = (torch.minimum(x2[best], x2) - torch.maximum(x1[best], x1)).clamp(min=0)
        h = (torch.minimum(y2[best], y2) - torch.maximum(y1[best], y1)).clamp(min=0)
        inter = w * h
        union = area[best] + area - inter
        positive = union > 0
        iou = torch.where(positive, inter / torch.where(positive, union, torch.ones_like(union)), 0.0)
        iou = iou.to(current.dtype)
        if method == "gaussian":
            current = current * torch.exp(-(iou * iou) / sigma)
        else:
            current = torch.where(iou > iou_threshold, current * (1 - iou), current)
        alive = current >= score_threshold
        alive[best] = False  # the selected box itself leaves the candidates
        idx, current, area = idx[alive], current[alive], area[alive]
        x1, y1, x2, y2 = x1[alive], y1[alive], x2[alive], y2[alive]
    if not keep:
        return torch.empty(0, dtype=torch.int64, device=boxes.device), scores.new_empty(0)
    return torch.stack(keep).to(torch.int64), torch.stack(kept_scores)
