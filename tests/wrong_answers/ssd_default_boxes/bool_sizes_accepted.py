"""Takes True as a feature-map size of 1, since bool is an int subclass, instead of refusing it."""

import solutions.ssd_default_boxes.ssd_default_boxes as _solution
from solutions.ssd_default_boxes.ssd_default_boxes import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_rejects_bool_sizes"]


def _no_bools(size):
    if isinstance(size, bool):
        return int(size)
    if isinstance(size, tuple):
        return tuple(int(v) if isinstance(v, bool) else v for v in size)
    return size


def ssd_default_boxes(feature_map_sizes, aspect_ratios, min_ratio=0.15, max_ratio=0.9, clip=True, *, dtype=None):
    kwargs = {} if dtype is None else {"dtype": dtype}
    sizes = [_no_bools(s) for s in feature_map_sizes]
    return _solution.ssd_default_boxes(sizes, aspect_ratios, min_ratio, max_ratio, clip, **kwargs)
