"""Checks boxes for positive width only: a box with ``y2 <= y1`` is accepted."""

import math

from solutions.box_coder.box_coder import *  # noqa: F403 - the rest is right
from solutions.box_coder.box_coder import decode_boxes as _right_decode
from solutions.box_coder.box_coder import encode_boxes as _right_encode

_DEFAULT_CLAMP = math.log(1000.0 / 16)

CAUGHT_BY = [
    "test_encode_rejects_boxes_without_width_or_height[reference upside down]",
    "test_encode_rejects_boxes_without_width_or_height[proposal without height]",
]


def _heights_fixed(boxes):
    # Hide a bad height from the solution's check by giving the box a height of 1; widths are still checked.
    if not isinstance(boxes, torch.Tensor) or boxes.dim() != 2 or boxes.shape[1] != 4:  # noqa: F405
        return boxes
    out = boxes.clone()
    bad = out[:, 3] <= out[:, 1]
    out[bad, 3] = out[bad, 1] + 1
    return out


def encode_boxes(reference_boxes, proposals, weights=(1.0, 1.0, 1.0, 1.0)):
    return _right_encode(_heights_fixed(reference_boxes), _heights_fixed(proposals), weights)


def decode_boxes(deltas, proposals, weights=(1.0, 1.0, 1.0, 1.0), clamp=_DEFAULT_CLAMP):
    return _right_decode(deltas, _heights_fixed(proposals), weights, clamp)
