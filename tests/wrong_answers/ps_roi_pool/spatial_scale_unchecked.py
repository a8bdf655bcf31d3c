"""Never checks spatial_scale: a zero or negative scale quietly pools one pixel or a mirrored box."""

import torch

import solutions.ps_roi_pool.ps_roi_pool as right
from solutions.ps_roi_pool.ps_roi_pool import *  # noqa: F403 - the rest is right

CAUGHT_BY = [
    "test_rejects_bad_output_size_and_spatial_scale[scale 0]",
    "test_rejects_bad_output_size_and_spatial_scale[negative scale]",
]


def ps_roi_pool(input, boxes, output_size, spatial_scale=1.0):
    oh, ow = right._pair(output_size)
    batch, corners = right._check(input, boxes, 1.0)
    n, c_in, h, w = input.shape
    if c_in % (oh * ow):
        raise ValueError(f"input: {c_in} channels are not a multiple of oh * ow = {oh * ow}")
    c_out = c_in // (oh * ow)
    h_start, h_end, w_start, w_end = right._bin_edges(corners * spatial_scale, oh, ow, h, w)
    channel = torch.arange(c_in).reshape(1, c_out, oh, ow)
    return right._bin_means(input, batch, channel, h_start, h_end, w_start, w_end)
