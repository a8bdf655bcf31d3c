"""Clamps ``dw``/``dh`` to ``[-clamp, clamp]``: shrinking predictions are wrongly limited too."""

import math

import torch

from solutions.box_coder.box_coder import *  # noqa: F403 - the rest is right
from solutions.box_coder.box_coder import decode_boxes as _right_decode

_DEFAULT_CLAMP = math.log(1000.0 / 16)

CAUGHT_BY = [
    "test_decode_matches_torchvision",
    "test_decode_does_not_clamp_shrinking",
]


def decode_boxes(deltas, proposals, weights=(1.0, 1.0, 1.0, 1.0), clamp=_DEFAULT_CLAMP):
    out = _right_decode(deltas, proposals, weights, clamp)
    if clamp is None:
        return out
    scale = torch.tensor([float(w) for w in weights[2:]], dtype=deltas.dtype)
    low = -clamp * scale
    deltas = torch.cat([deltas[:, :2], torch.maximum(deltas[:, 2:], low)], dim=1)
    return _right_decode(deltas, proposals, weights, clamp)
