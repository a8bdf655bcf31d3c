"""Clamps the raw ``dw``/``dh`` before dividing by the weights, so with SSD's weights growth is capped at exp(4.1/5)."""

import math

import torch

from solutions.box_coder.box_coder import *  # noqa: F403 - the rest is right
from solutions.box_coder.box_coder import decode_boxes as _right_decode

_DEFAULT_CLAMP = math.log(1000.0 / 16)

CAUGHT_BY = [
    "test_decode_matches_torchvision",
    "test_decode_clamps_after_dividing_by_the_weights",
]


def decode_boxes(deltas, proposals, weights=(1.0, 1.0, 1.0, 1.0), clamp=_DEFAULT_CLAMP):
    _right_decode(deltas, proposals, weights, clamp)  # same argument checks
    if clamp is not None:
        deltas = torch.cat([deltas[:, :2], deltas[:, 2:].clamp(max=clamp)], dim=1)
    return _right_decode(deltas, proposals, weights, None)
