"""Clamps every sample point onto the map, so points beyond one pixel outside read the edge instead of 0."""

import solutions.roi_align.roi_align as right
from solutions.roi_align.roi_align import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_roi_align_reads_edge_pixels_just_outside_and_zero_beyond", "test_roi_align_matches_torchvision"]


def _neighbours_everywhere(coord, size):
    coord = coord.clamp(0, size - 1)
    low = coord.floor().long().clamp(max=size - 1)
    high = (low + 1).clamp(max=size - 1)
    frac = coord - low.to(coord.dtype)
    return low, high, 1 - frac, frac


def roi_align(input, boxes, output_size, spatial_scale=1.0, sampling_ratio=-1, aligned=False):
    saved = right._neighbours
    right._neighbours = _neighbours_everywhere
    try:
        return right.roi_align(input, boxes, output_size, spatial_scale, sampling_ratio, aligned)
    finally:
        right._neighbours = saved
