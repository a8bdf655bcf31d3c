"""Divides every bin's sum by its area without a guard: a bin off the map gives 0 / 0 = NaN, not 0."""

import torch
import torch.nn.functional as F

from solutions.ps_roi_pool.ps_roi_pool import *  # noqa: F403 - the rest is right
from solutions.ps_roi_pool.ps_roi_pool import _bin_edges, _check, _pair

CAUGHT_BY = ["test_bins_off_the_map_give_zero", "test_matches_torchvision"]


def ps_roi_pool(input, boxes, output_size, spatial_scale=1.0):
    oh, ow = _pair(output_size)
    batch, corners = _check(input, boxes, spatial_scale)
    n, c_in, h, w = input.shape
    if c_in % (oh * ow) != 0:
        raise ValueError(f"input: expected channels divisible by {oh * ow}, got {c_in}")
    c_out = c_in // (oh * ow)
    h_start, h_end, w_start, w_end = _bin_edges(corners * spatial_scale, oh, ow, h, w)
    channel = torch.arange(c_in).reshape(1, c_out, oh, ow)
    table = F.pad(input.double().cumsum(2).cumsum(3), (1, 0, 1, 0))
    b = batch[:, None, None, None]
    top, bottom = h_start[:, None, :, None], h_end[:, None, :, None]
    left, right = w_start[:, None, None, :], w_end[:, None, None, :]
    total = table[b, channel, bottom, right] - table[b, channel, top, right]
    total = total - table[b, channel, bottom, left] + table[b, channel, top, left]
    area = ((bottom - top).clamp(min=0) * (right - left).clamp(min=0)).double()
    return (total / area).to(input.dtype)
