"""Never checks spatial_scale: 0 or a negative scale silently maps every box onto a corner of the map."""

from solutions.roi_align.roi_align import *  # noqa: F403 - the rest is right
from solutions.roi_align.roi_align import roi_align as _right_align
from solutions.roi_align.roi_align import roi_pool as _right_pool

CAUGHT_BY = ["test_rejects_bad_spatial_scale"]


def roi_pool(input, boxes, output_size, spatial_scale=1.0):
    if spatial_scale <= 0:  # flip the boxes instead of refusing
        return _right_pool(input, boxes, output_size, 1e-9)
    return _right_pool(input, boxes, output_size, spatial_scale)


def roi_align(input, boxes, output_size, spatial_scale=1.0, sampling_ratio=-1, aligned=False):
    if spatial_scale <= 0:
        return _right_align(input, boxes, output_size, 1e-9, sampling_ratio, aligned)
    return _right_align(input, boxes, output_size, spatial_scale, sampling_ratio, aligned)
