"""Widens boxes smaller than one pixel to 1 x 1 even with aligned=True (only aligned=False does that)."""

import torch

from solutions.roi_align.roi_align import *  # noqa: F403 - the rest is right
from solutions.roi_align.roi_align import _average_samples, _check, _pair

CAUGHT_BY = ["test_roi_align_widens_boxes_below_one_pixel_only_without_aligned[aligned=True]"]


def roi_align(input, boxes, output_size, spatial_scale=1.0, sampling_ratio=-1, aligned=False):
    oh, ow = _pair(output_size)
    batch, corners = _check(input, boxes, spatial_scale)
    x1, y1, x2, y2 = (corners * spatial_scale - (0.5 if aligned else 0.0)).unbind(1)
    roi_w, roi_h = (x2 - x1).clamp(min=1.0), (y2 - y1).clamp(min=1.0)
    bin_w, bin_h = roi_w / ow, roi_h / oh
    if sampling_ratio > 0:
        grid_w = grid_h = torch.full_like(batch, sampling_ratio)
    else:
        grid_w, grid_h = torch.ceil(roi_w / ow).long(), torch.ceil(roi_h / oh).long()
    return _average_samples(input, batch, x1, y1, bin_w, bin_h, grid_h, grid_w, oh, ow)
