"""Forgets the clamp: a wild ``dw``/``dh`` is exponentiated as it is."""

import math

from solutions.box_coder.box_coder import *  # noqa: F403 - the rest is right
from solutions.box_coder.box_coder import decode_boxes as _right_decode

_DEFAULT_CLAMP = math.log(1000.0 / 16)

CAUGHT_BY = [
    "test_decode_matches_torchvision",
    "test_decode_clamps_growth_at_log_1000_over_16",
    "test_decode_clamps_after_dividing_by_the_weights",
    "test_decode_uses_the_given_clamp[clamp=1]",
]


def decode_boxes(deltas, proposals, weights=(1.0, 1.0, 1.0, 1.0), clamp=_DEFAULT_CLAMP):
    return _right_decode(deltas, proposals, weights, None)
