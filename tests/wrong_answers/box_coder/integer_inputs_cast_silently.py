"""Converts integer proposals (encode) and integer deltas (decode) to floats instead of refusing them with TypeError."""

import math

from solutions.box_coder.box_coder import *  # noqa: F403 - the rest is right
from solutions.box_coder.box_coder import decode_boxes as _right_decode
from solutions.box_coder.box_coder import encode_boxes as _right_encode

_DEFAULT_CLAMP = math.log(1000.0 / 16)

CAUGHT_BY = ["test_rejects_integer_proposals_and_deltas"]


def encode_boxes(reference_boxes, proposals, weights=(1.0, 1.0, 1.0, 1.0)):
    if isinstance(proposals, torch.Tensor) and isinstance(reference_boxes, torch.Tensor):  # noqa: F405
        proposals = proposals.to(reference_boxes.dtype)
    return _right_encode(reference_boxes, proposals, weights)


def decode_boxes(deltas, proposals, weights=(1.0, 1.0, 1.0, 1.0), clamp=_DEFAULT_CLAMP):
    if isinstance(deltas, torch.Tensor) and not deltas.is_floating_point():  # noqa: F405
        deltas = deltas.float()
    return _right_decode(deltas, proposals, weights, clamp)
