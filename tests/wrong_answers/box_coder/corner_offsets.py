"""Encodes the offset of the top-left corners instead of the centres (dx = (gx1 - px1) / pw)."""

import math

import torch

from solutions.box_coder.box_coder import *  # noqa: F403 - the rest is right
from solutions.box_coder.box_coder import decode_boxes as _right_decode
from solutions.box_coder.box_coder import encode_boxes as _right_encode

_DEFAULT_CLAMP = math.log(1000.0 / 16)

CAUGHT_BY = [
    "test_encode_matches_torchvision",
    "test_decode_matches_torchvision",
    "test_encode_of_a_hand_worked_pair",
    "test_decode_of_a_hand_worked_pair",
]


def encode_boxes(reference_boxes, proposals, weights=(1.0, 1.0, 1.0, 1.0)):
    out = _right_encode(reference_boxes, proposals, weights).clone()
    proposals = proposals.to(reference_boxes.dtype)
    pw = proposals[:, 2] - proposals[:, 0]
    ph = proposals[:, 3] - proposals[:, 1]
    out[:, 0] = float(weights[0]) * (reference_boxes[:, 0] - proposals[:, 0]) / pw
    out[:, 1] = float(weights[1]) * (reference_boxes[:, 1] - proposals[:, 1]) / ph
    return out


def decode_boxes(deltas, proposals, weights=(1.0, 1.0, 1.0, 1.0), clamp=_DEFAULT_CLAMP):
    centred = _right_decode(deltas, proposals, weights, clamp)
    proposals = proposals.to(deltas.dtype)
    pw = proposals[:, 2] - proposals[:, 0]
    ph = proposals[:, 3] - proposals[:, 1]
    x1 = proposals[:, 0] + deltas[:, 0] / float(weights[0]) * pw
    y1 = proposals[:, 1] + deltas[:, 1] / float(weights[1]) * ph
    w = centred[:, 2] - centred[:, 0]
    h = centred[:, 3] - centred[:, 1]
    return torch.stack((x1, y1, x1 + w, y1 + h), dim=1)
