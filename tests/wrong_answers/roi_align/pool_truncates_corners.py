"""RoI Pool truncates the scaled corners with int() (towards zero) instead of rounding them."""

import torch

from solutions.roi_align.roi_align import *  # noqa: F403 - the rest is right
from solutions.roi_align.roi_align import _check, _max_over_bins, _pair

CAUGHT_BY = ["test_roi_pool_rounds_corners_half_away_from_zero", "test_roi_pool_matches_torchvision"]


def pool_bins(input, boxes, output_size, spatial_scale, to_pixels, plus_one=True):
    """RoI Pool's bins, with the corners made whole by ``to_pixels`` (shared by the wrong answers)."""
    oh, ow = _pair(output_size)
    batch, corners = _check(input, boxes, spatial_scale)
    h, w = input.shape[2:]
    x1, y1, x2, y2 = to_pixels(corners * spatial_scale).long().unbind(1)
    extra = 1 if plus_one else 0
    roi_w, roi_h = (x2 - x1 + extra).clamp(min=1), (y2 - y1 + extra).clamp(min=1)
    bin_w, bin_h = roi_w.to(input.dtype) / ow, roi_h.to(input.dtype) / oh
    cols = torch.arange(ow, dtype=input.dtype)
    rows = torch.arange(oh, dtype=input.dtype)
    w_start = (torch.floor(cols * bin_w[:, None]).long() + x1[:, None]).clamp(0, w)
    w_end = (torch.ceil((cols + 1) * bin_w[:, None]).long() + x1[:, None]).clamp(0, w)
    h_start = (torch.floor(rows * bin_h[:, None]).long() + y1[:, None]).clamp(0, h)
    h_end = (torch.ceil((rows + 1) * bin_h[:, None]).long() + y1[:, None]).clamp(0, h)
    return _max_over_bins(input, batch, h_start, h_end, w_start, w_end)


def roi_pool(input, boxes, output_size, spatial_scale=1.0):
    return pool_bins(input, boxes, output_size, spatial_scale, torch.trunc)
