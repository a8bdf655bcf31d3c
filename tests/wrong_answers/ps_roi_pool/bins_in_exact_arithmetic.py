"""Computes the bin edges with exact integer arithmetic where torchvision computes them in the input's dtype."""

import torch

import solutions.ps_roi_pool.ps_roi_pool as right
from solutions.ps_roi_pool.ps_roi_pool import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_bin_edges_are_computed_in_the_input_dtype"]


def _exact_bin_edges(corners, oh, ow, h, w):
    x1, y1, x2, y2 = right._round_half_away(corners).long().unbind(1)
    roi_w = (x2 - x1).clamp(min=1)[:, None]
    roi_h = (y2 - y1).clamp(min=1)[:, None]
    cols, rows = torch.arange(ow), torch.arange(oh)
    # floor(i * h / oh) and ceil((i + 1) * h / oh) in integers
    w_start = (cols * roi_w // ow + x1[:, None]).clamp(0, w - 1)
    w_end = (-(-(cols + 1) * roi_w // ow) + x1[:, None]).clamp(0, w - 1)
    h_start = (rows * roi_h // oh + y1[:, None]).clamp(0, h - 1)
    h_end = (-(-(rows + 1) * roi_h // oh) + y1[:, None]).clamp(0, h - 1)
    return h_start, h_end, w_start, w_end


def ps_roi_pool(input, boxes, output_size, spatial_scale=1.0):
    saved = right._bin_edges
    right._bin_edges = _exact_bin_edges
    try:
        return right.ps_roi_pool(input, boxes, output_size, spatial_scale)
    finally:
        right._bin_edges = saved
