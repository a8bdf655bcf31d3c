"""Reads a feature-map size by converting its first two entries to int, so float pairs and triples pass instead of raising TypeError."""

import solutions.ssd_default_boxes.ssd_default_boxes as _solution
from solutions.ssd_default_boxes.ssd_default_boxes import *  # noqa: F403 - the rest is right

CAUGHT_BY = [
    "test_rejects_pairs_that_are_not_two_ints[two floats]",
    "test_rejects_pairs_that_are_not_two_ints[three ints]",
]


def ssd_default_boxes(feature_map_sizes, aspect_ratios, min_ratio=0.15, max_ratio=0.9, clip=True, *, dtype=None):
    kwargs = {} if dtype is None else {"dtype": dtype}
    sizes = [(int(s[0]), int(s[1])) if isinstance(s, tuple) and len(s) >= 2 else s for s in feature_map_sizes]
    return _solution.ssd_default_boxes(sizes, aspect_ratios, min_ratio, max_ratio, clip, **kwargs)
