"""Mixes dtypes without converting: float64 proposals make the targets float64, not the reference boxes' dtype."""

import torch

from solutions.box_coder.box_coder import *  # noqa: F403 - the rest is right
from solutions.box_coder.box_coder import (
    _centre_size,
    _check_boxes,
    _check_positive_size,
    _check_same_length,
    _check_weights,
)

CAUGHT_BY = ["test_encode_returns_the_reference_boxes_dtype_when_proposals_differ"]


def encode_boxes(reference_boxes, proposals, weights=(1.0, 1.0, 1.0, 1.0)):
    _check_boxes("reference_boxes", reference_boxes)
    _check_boxes("proposals", proposals)
    _check_same_length("proposals", proposals, "reference_boxes", reference_boxes.shape[0])
    wx, wy, ww, wh = _check_weights(weights)
    _check_positive_size("reference_boxes", reference_boxes)
    _check_positive_size("proposals", proposals)
    px, py, pw, ph = _centre_size(proposals)  # no .to(reference_boxes.dtype): torch promotes below
    gx, gy, gw, gh = _centre_size(reference_boxes)
    dx = wx * (gx - px) / pw
    dy = wy * (gy - py) / ph
    dw = ww * torch.log(gw / pw)
    dh = wh * torch.log(gh / ph)
    return torch.stack((dx, dy, dw, dh), dim=1)
