"""Unpacks the weights without checking them, so bad weights raise Python's own error, which never names the argument."""

import math

import torch

from solutions.box_coder.box_coder import *  # noqa: F403 - the rest is right
from solutions.box_coder.box_coder import decode_boxes as _right_decode
from solutions.box_coder.box_coder import encode_boxes as _right_encode

_DEFAULT_CLAMP = math.log(1000.0 / 16)

CAUGHT_BY = ["test_rejects_weights_that_are_not_a_sequence", "test_rejects_bad_weights"]


def encode_boxes(reference_boxes, proposals, weights=(1.0, 1.0, 1.0, 1.0)):
    wx, wy, ww, wh = weights  # TypeError: cannot unpack non-iterable float object
    plain = _right_encode(reference_boxes, proposals)
    return plain * torch.tensor([wx, wy, ww, wh], dtype=plain.dtype)


def decode_boxes(deltas, proposals, weights=(1.0, 1.0, 1.0, 1.0), clamp=_DEFAULT_CLAMP):
    wx, wy, ww, wh = weights
    return _right_decode(deltas, proposals, (wx, wy, ww, wh), clamp)
