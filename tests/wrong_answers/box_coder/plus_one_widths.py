"""Pixel-index widths: ``x2 - x1 + 1`` in both encode and decode (torchvision measures ``x2 - x1``)."""

import math

import torch

from solutions.box_coder.box_coder import *  # noqa: F403 - the rest is right
from solutions.box_coder.box_coder import _check_boxes, _check_positive_size, _check_same_length, _check_weights

_DEFAULT_CLAMP = math.log(1000.0 / 16)

CAUGHT_BY = [
    "test_encode_matches_torchvision",
    "test_decode_matches_torchvision",
    "test_encode_measures_width_as_x2_minus_x1",
    "test_encode_of_a_hand_worked_pair",
]


def _centre_size(boxes):
    widths = boxes[:, 2] - boxes[:, 0] + 1
    heights = boxes[:, 3] - boxes[:, 1] + 1
    return boxes[:, 0] + 0.5 * widths, boxes[:, 1] + 0.5 * heights, widths, heights


def encode_boxes(reference_boxes, proposals, weights=(1.0, 1.0, 1.0, 1.0)):
    _check_boxes("reference_boxes", reference_boxes)
    _check_boxes("proposals", proposals)
    _check_same_length("proposals", proposals, "reference_boxes", reference_boxes.shape[0])
    wx, wy, ww, wh = _check_weights(weights)
    proposals = proposals.to(reference_boxes.dtype)
    _check_positive_size("reference_boxes", reference_boxes)
    _check_positive_size("proposals", proposals)
    px, py, pw, ph = _centre_size(proposals)
    gx, gy, gw, gh = _centre_size(reference_boxes)
    return torch.stack(
        (wx * (gx - px) / pw, wy * (gy - py) / ph, ww * torch.log(gw / pw), wh * torch.log(gh / ph)), dim=1
    )


def decode_boxes(deltas, proposals, weights=(1.0, 1.0, 1.0, 1.0), clamp=_DEFAULT_CLAMP):
    _check_boxes("deltas", deltas)
    _check_boxes("proposals", proposals)
    _check_same_length("proposals", proposals, "deltas", deltas.shape[0])
    wx, wy, ww, wh = _check_weights(weights)
    proposals = proposals.to(deltas.dtype)
    _check_positive_size("proposals", proposals)
    px, py, pw, ph = _centre_size(proposals)
    dw, dh = deltas[:, 2] / ww, deltas[:, 3] / wh
    if clamp is not None:
        dw, dh = dw.clamp(max=clamp), dh.clamp(max=clamp)
    cx, cy = px + deltas[:, 0] / wx * pw, py + deltas[:, 1] / wy * ph
    w, h = torch.exp(dw) * pw, torch.exp(dh) * ph
    # the "+ 1" convention also subtracts 1 from the far corner
    return torch.stack((cx - 0.5 * w, cy - 0.5 * h, cx + 0.5 * w - 1, cy + 0.5 * h - 1), dim=1)
