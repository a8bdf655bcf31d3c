"""Converts output_size and sampling_ratio with int(): 2.0, 2.5 and True are taken instead of refused."""

from solutions.roi_align.roi_align import *  # noqa: F403 - the rest is right
from solutions.roi_align.roi_align import roi_align as _right_align
from solutions.roi_align.roi_align import roi_pool as _right_pool

CAUGHT_BY = [
    "test_rejects_output_size_and_sampling_ratio_that_are_not_ints[roi_pool output_size=2.0]",
    "test_rejects_output_size_and_sampling_ratio_that_are_not_ints[roi_align output_size=2, sampling_ratio=2.5]",
]


def _ints(size):
    return (int(size[0]), int(size[1])) if isinstance(size, (tuple, list)) else int(size)


def roi_pool(input, boxes, output_size, spatial_scale=1.0):
    return _right_pool(input, boxes, _ints(output_size), spatial_scale)


def roi_align(input, boxes, output_size, spatial_scale=1.0, sampling_ratio=-1, aligned=False):
    return _right_align(input, boxes, _ints(output_size), spatial_scale, int(sampling_ratio), aligned)
