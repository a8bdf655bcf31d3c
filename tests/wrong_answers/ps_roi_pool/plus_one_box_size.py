"""Measures the rounded box as x2 - x1 + 1 pixels, RoI Pool's convention, instead of x2 - x1."""

import torch

from solutions.ps_roi_pool.ps_roi_pool import *  # noqa: F403 - the rest is right
from solutions.ps_roi_pool.ps_roi_pool import _bin_edges, _bin_means, _check, _pair

CAUGHT_BY = ["test_bin_edges_are_floor_and_ceil_and_may_overlap", "test_matches_torchvision"]


def ps_roi_pool(input, boxes, output_size, spatial_scale=1.0):
    oh, ow = _pair(output_size)
    batch, corners = _check(input, boxes, spatial_scale)
    n, c_in, h, w = input.shape
    if c_in % (oh * ow) != 0:
        raise ValueError(f"input: expected channels divisible by {oh * ow}, got {c_in}")
    c_out = c_in // (oh * ow)
    # x2 + 1 and y2 + 1 make the size x2 - x1 + 1 (exact for whole-pixel corners, as they are once rounded)
    stretched = corners * spatial_scale + torch.tensor([0.0, 0.0, 1.0, 1.0], dtype=corners.dtype)
    edges = _bin_edges(stretched, oh, ow, h, w)
    channel = torch.arange(c_in).reshape(1, c_out, oh, ow)
    return _bin_means(input, batch, channel, *edges)
