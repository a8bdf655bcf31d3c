"""Checks only the proposals for positive width and height: a flat reference box silently gives a target of -inf."""

import torch

from solutions.box_coder.box_coder import *  # noqa: F403 - the rest is right
from solutions.box_coder.box_coder import (
    _centre_size,
    _check_boxes,
    _check_positive_size,
    _check_same_length,
    _check_weights,
)

CAUGHT_BY = [
    "test_encode_rejects_boxes_without_width_or_height[reference without width]",
    "test_encode_rejects_boxes_without_width_or_height[reference upside down]",
]


def encode_boxes(reference_boxes, proposals, weights=(1.0, 1.0, 1.0, 1.0)):
    _check_boxes("reference_boxes", reference_boxes)
    _check_boxes("proposals", proposals)
    _check_same_length("proposals", proposals, "reference_boxes", reference_boxes.shape[0])
    wx, wy, ww, wh = _check_weights(weights)
    proposals = proposals.to(reference_boxes.dtype)
    _check_positive_size("proposals", proposals)  # the reference boxes are trusted
    px, py, pw, ph = _centre_size(proposals)
    gx, gy, gw, gh = _centre_size(reference_boxes)
    return torch.stack((wx * (gx - px) / pw, wy * (gy - py) / ph, ww * torch.log(gw / pw), wh * torch.log(gh / ph)), 1)
