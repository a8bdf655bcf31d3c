"""Mixes dtypes without converting: float64 proposals make the decoded boxes float64, not the deltas' dtype."""

import math

from solutions.box_coder.box_coder import *  # noqa: F403 - the rest is right
from solutions.box_coder.box_coder import decode_boxes as _right_decode

_DEFAULT_CLAMP = math.log(1000.0 / 16)

CAUGHT_BY = ["test_decode_returns_the_deltas_dtype_when_proposals_differ"]


def decode_boxes(deltas, proposals, weights=(1.0, 1.0, 1.0, 1.0), clamp=_DEFAULT_CLAMP):
    # Works in the wider of the two dtypes and never converts back.
    wide = deltas.dtype if deltas.dtype.itemsize >= proposals.dtype.itemsize else proposals.dtype
    return _right_decode(deltas.to(wide), proposals, weights, clamp)
