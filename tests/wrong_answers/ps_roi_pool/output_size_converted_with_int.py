"""Converts output_size with int() instead of refusing floats, bools and strings."""

import solutions.ps_roi_pool.ps_roi_pool as right
from solutions.ps_roi_pool.ps_roi_pool import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_rejects_bad_output_size_and_spatial_scale"]


def ps_roi_pool(input, boxes, output_size, spatial_scale=1.0):
    if isinstance(output_size, (tuple, list)):
        output_size = tuple(int(s) for s in output_size)
    else:
        output_size = int(output_size)
    return right.ps_roi_pool(input, boxes, output_size, spatial_scale)
