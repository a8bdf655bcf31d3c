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
    raise NotImplementedError


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
    raise NotImplementedError
