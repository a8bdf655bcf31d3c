"""Refuses negative aspect ratios but lets a ratio of 0 through, returning boxes instead of raising."""

import solutions.ssd_default_boxes.ssd_default_boxes as _solution
from solutions.ssd_default_boxes.ssd_default_boxes import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_rejects_bad_arguments[zero ratio]"]


def ssd_default_boxes(feature_map_sizes, aspect_ratios, min_ratio=0.15, max_ratio=0.9, clip=True, *, dtype=None):
    kwargs = {} if dtype is None else {"dtype": dtype}
    if not any(0 in list(r) for r in aspect_ratios):
        return _solution.ssd_default_boxes(feature_map_sizes, aspect_ratios, min_ratio, max_ratio, clip, **kwargs)
    # The zero ratios' boxes (width 0, height s / 0) come out as some boxes rather than an error.
    stand_in = [[1e-12 if r == 0 else r for r in ratios] for ratios in aspect_ratios]
    return _solution.ssd_default_boxes(feature_map_sizes, stand_in, min_ratio, max_ratio, clip, **kwargs)
