"""Reads input channel (i * ow + j) * C + c (bin-major) instead of (c * oh + i) * ow + j (class-major)."""

import torch

from solutions.ps_roi_pool.ps_roi_pool import *  # noqa: F403 - the rest is right
from solutions.ps_roi_pool.ps_roi_pool import _bin_edges, _bin_means, _check, _pair

CAUGHT_BY = ["test_bin_i_j_of_channel_c_reads_input_channel_c_oh_plus_i_times_ow_plus_j", "test_matches_torchvision"]


def ps_roi_pool(input, boxes, output_size, spatial_scale=1.0):
    oh, ow = _pair(output_size)
    batch, corners = _check(input, boxes, spatial_scale)
    n, c_in, h, w = input.shape
    if c_in % (oh * ow) != 0:
        raise ValueError(f"input: expected channels divisible by {oh * ow}, got {c_in}")
    c_out = c_in // (oh * ow)
    edges = _bin_edges(corners * spatial_scale, oh, ow, h, w)
    channel = torch.arange(c_in).reshape(oh, ow, c_out).permute(2, 0, 1)[None]
    return _bin_means(input, batch, channel, *edges)
