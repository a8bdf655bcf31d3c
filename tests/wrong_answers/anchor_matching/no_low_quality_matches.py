"""Ignores ``allow_low_quality_matches``: a box whose best anchor is below ``high`` gets no anchor at all."""

from solutions.anchor_matching.anchor_matching import *  # noqa: F403 - the rest is right
from solutions.anchor_matching.anchor_matching import match_anchors as _right

CAUGHT_BY = [
    "test_match_anchors_matches_torchvision",
    "test_low_quality_match_rescues_a_box_with_no_good_anchor",
    "test_low_quality_matches_include_every_tied_anchor",
    "test_match_anchors_matches_loop_reference_on_random_matrices[float32-low-quality]",
]


def match_anchors(iou, high=0.7, low=0.3, allow_low_quality_matches=True):
    return _right(iou, high, low, False)
