"""Reads boxes.dtype without checking for a tensor first: a list of boxes raises AttributeError, not TypeError."""

from solutions.roi_align.roi_align import *  # noqa: F403 - the rest is right
from solutions.roi_align.roi_align import roi_align as _right_align
from solutions.roi_align.roi_align import roi_pool as _right_pool

CAUGHT_BY = ["test_rejects_bad_boxes"]


def roi_pool(input, boxes, output_size, spatial_scale=1.0):
    if not boxes.is_floating_point():
        raise TypeError(f"boxes: expected floating point, got {boxes.dtype}")
    return _right_pool(input, boxes, output_size, spatial_scale)


def roi_align(input, boxes, output_size, spatial_scale=1.0, sampling_ratio=-1, aligned=False):
    if not boxes.is_floating_point():
        raise TypeError(f"boxes: expected floating point, got {boxes.dtype}")
    return _right_align(input, boxes, output_size, spatial_scale, sampling_ratio, aligned)
