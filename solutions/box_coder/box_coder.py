"""SSD的基本原理讲一讲？Anchor怎么选的？NMS怎么做的？

In English: Explain the basic principle of SSD. How are the anchors chosen? How is NMS done?

Source: 000_1a4e42d0338c0b07.txt · 二面.

SSD (like Faster R-CNN) does not regress box corners directly: each prediction is an offset relative to
its anchor (default box). Write the two halves of that transform, the same as torchvision's
``BoxCoder(weights, bbox_xform_clip).encode_single`` / ``decode_single``:

* ``encode_boxes``: the regression target that turns each proposal (anchor) into its matched
  ground-truth box, ``(dx, dy, dw, dh)``:
  ``dx = wx * (gx - px) / pw``, ``dy = wy * (gy - py) / ph``, ``dw = ww * log(gw / pw)``,
  ``dh = wh * log(gh / ph)``, where ``(px, py, pw, ph)`` are the proposal's centre and size and
  ``(gx, gy, gw, gh)`` the reference (ground-truth) box's.
* ``decode_boxes``: the inverse: apply predicted offsets to the proposals and return corner boxes.
  Before the exponential, ``dw`` and ``dh`` (already divided by their weights) are clamped from above
  at ``clamp`` so that a wild prediction cannot overflow; they are not clamped from below.

Boxes are ``(x1, y1, x2, y2)`` in continuous coordinates: the width is ``x2 - x1`` (no ``+ 1``). SSD's
"variances" 0.1 and 0.2 are the weights ``(10, 10, 5, 5)``. Row ``i`` of each argument belongs to box ``i``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch


def _check_boxes(name: str, boxes: torch.Tensor) -> None:
    if not isinstance(boxes, torch.Tensor):
        raise TypeError(f"{name}: expected a torch.Tensor of shape [N, 4], got {type(boxes).__name__}")
    if not boxes.is_floating_point():
        raise TypeError(f"{name}: expected a floating-point tensor, got dtype {boxes.dtype}")
    if boxes.dim() != 2 or boxes.shape[1] != 4:
        raise ValueError(f"{name}: expected shape [N, 4], got {list(boxes.shape)}")


def _check_positive_size(name: str, boxes: torch.Tensor) -> None:
    # A zero width would divide by zero (encode) or make every decoded box a line, silently.
    if bool(((boxes[:, 2] <= boxes[:, 0]) | (boxes[:, 3] <= boxes[:, 1])).any()):
        raise ValueError(f"{name}: expected boxes with x2 > x1 and y2 > y1 (positive width and height)")


def _check_same_length(name: str, boxes: torch.Tensor, other: str, n: int) -> None:
    if boxes.shape[0] != n:
        raise ValueError(f"{name}: expected {n} rows, one per row of {other}, got {boxes.shape[0]}")


def _check_weights(weights: Sequence[float]) -> tuple[float, float, float, float]:
    try:
        values = tuple(float(w) for w in weights)
    except TypeError:
        raise TypeError(f"weights: expected 4 numbers (wx, wy, ww, wh), got {type(weights).__name__}") from None
    if len(values) != 4:
        raise ValueError(f"weights: expected 4 numbers (wx, wy, ww, wh), got {len(values)}")
    if not all(w > 0 for w in values):
        raise ValueError(f"weights: expected 4 positive numbers, got {values}")
    return values


def _centre_size(boxes: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    widths = boxes[:, 2] - boxes[:, 0]
    heights = boxes[:, 3] - boxes[:, 1]
    return boxes[:, 0] + 0.5 * widths, boxes[:, 1] + 0.5 * heights, widths, heights


def encode_boxes(
    reference_boxes: torch.Tensor,
    proposals: torch.Tensor,
    weights: Sequence[float] = (1.0, 1.0, 1.0, 1.0),
) -> torch.Tensor:
    """Regression targets ``(dx, dy, dw, dh)`` that move each proposal onto its reference box.

    Same as torchvision's ``BoxCoder(weights).encode_single(reference_boxes, proposals)``.

    Args:
        reference_boxes (Tensor[N, 4]): the targets (matched ground-truth boxes), ``(x1, y1, x2, y2)``,
            floating point, positive width and height.
        proposals (Tensor[N, 4]): the anchors or proposals, row ``i`` paired with ``reference_boxes[i]``;
            ``(x1, y1, x2, y2)``, positive width and height.
        weights (sequence of 4 positive floats): ``(wx, wy, ww, wh)`` multiplying ``dx, dy, dw, dh``;
            SSD uses ``(10, 10, 5, 5)``.

    Returns:
        Tensor[N, 4]: ``(dx, dy, dw, dh)`` per row, in ``reference_boxes``' dtype and on its device
        (``proposals`` are converted to that dtype). ``N`` may be 0.

    Raises:
        TypeError: a box argument is not a floating-point tensor (a list, an integer tensor), or
            ``weights`` is not a sequence; the message names the argument.
        ValueError: a box argument is not of shape ``[N, 4]``, the two have different ``N``, a box has
            ``x2 <= x1`` or ``y2 <= y1`` (checked in both arguments), or ``weights`` is not 4 positive
            numbers; the message names the argument (both box arguments when their ``N`` differ).

    Example:
        >>> ref = torch.tensor([[1.0, 1.0, 5.0, 3.0]])
        >>> anchor = torch.tensor([[0.0, 0.0, 4.0, 4.0]])
        >>> encode_boxes(ref, anchor)
        tensor([[ 0.2500,  0.0000,  0.0000, -0.6931]])
    """
    _check_boxes("reference_boxes", reference_boxes)
    _check_boxes("proposals", proposals)
    _check_same_length("proposals", proposals, "reference_boxes", reference_boxes.shape[0])
    wx, wy, ww, wh = _check_weights(weights)
    proposals = proposals.to(reference_boxes.dtype)
    _check_positive_size("reference_boxes", reference_boxes)
    _check_positive_size("proposals", proposals)

    px, py, pw, ph = _centre_size(proposals)
    gx, gy, gw, gh = _centre_size(reference_boxes)
    # Offsets are measured in units of the proposal's own size, so that a target means the same for a
    # small anchor as for a large one; sizes are compared as log-ratios for the same reason.
    dx = wx * (gx - px) / pw
    dy = wy * (gy - py) / ph
    dw = ww * torch.log(gw / pw)
    dh = wh * torch.log(gh / ph)
    return torch.stack((dx, dy, dw, dh), dim=1)


def decode_boxes(
    deltas: torch.Tensor,
    proposals: torch.Tensor,
    weights: Sequence[float] = (1.0, 1.0, 1.0, 1.0),
    clamp: float | None = math.log(1000.0 / 16),
) -> torch.Tensor:
    """Apply predicted offsets ``(dx, dy, dw, dh)`` to the proposals; the inverse of :func:`encode_boxes`.

    Same as torchvision's ``BoxCoder(weights, bbox_xform_clip=clamp).decode_single(deltas, proposals)``.

    Args:
        deltas (Tensor[N, 4]): predicted ``(dx, dy, dw, dh)`` per proposal, floating point.
        proposals (Tensor[N, 4]): the anchors or proposals ``(x1, y1, x2, y2)``, positive width and height.
        weights (sequence of 4 positive floats): ``(wx, wy, ww, wh)``; the deltas are divided by them.
        clamp (float or None): upper bound applied to ``dw / ww`` and ``dh / wh`` before the exponential
            (no lower bound); ``None`` clamps nothing. The default is torchvision's ``log(1000 / 16)``.

    Returns:
        Tensor[N, 4]: decoded boxes ``(x1, y1, x2, y2)``, in ``deltas``' dtype and on its device
        (``proposals`` are converted to that dtype). ``N`` may be 0.

    Raises:
        TypeError: a tensor argument is not a floating-point tensor (a list, an integer tensor), or
            ``weights`` is not a sequence; the message names the argument.
        ValueError: a tensor argument is not of shape ``[N, 4]``, the two have different ``N``, a proposal
            has ``x2 <= x1`` or ``y2 <= y1``, or ``weights`` is not 4 positive numbers; the message names
            the argument (both tensor arguments when their ``N`` differ).

    Example:
        >>> deltas = torch.tensor([[0.25, 0.0, 0.0, -0.6931472]])
        >>> anchor = torch.tensor([[0.0, 0.0, 4.0, 4.0]])
        >>> decode_boxes(deltas, anchor)
        tensor([[1., 1., 5., 3.]])
    """
    _check_boxes("deltas", deltas)
    _check_boxes("proposals", proposals)
    _check_same_length("proposals", proposals, "deltas", deltas.shape[0])
    wx, wy, ww, wh = _check_weights(weights)
    proposals = proposals.to(deltas.dtype)
    _check_positive_size("proposals", proposals)

    px, py, pw, ph = _centre_size(proposals)
    dx = deltas[:, 0] / wx
    dy = deltas[:, 1] / wy
    dw = deltas[:, 2] / ww
    dh = deltas[:, 3] / wh
    if clamp is not None:
        # The bound is on the unweighted log-scale, i.e. on the size ratio itself (at most 1000/16 = 62.5x),
        # whatever the weights; only growth can overflow exp(), so only the upper side is clamped.
        dw = dw.clamp(max=clamp)
        dh = dh.clamp(max=clamp)
    cx = px + dx * pw
    cy = py + dy * ph
    half_w = 0.5 * torch.exp(dw) * pw
    half_h = 0.5 * torch.exp(dh) * ph
    return torch.stack((cx - half_w, cy - half_h, cx + half_w, cy + half_h), dim=1)
