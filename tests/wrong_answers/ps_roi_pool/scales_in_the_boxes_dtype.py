"""Scales float64 boxes in float64 and only then converts to the input's dtype, instead of converting first."""

import torch

import solutions.ps_roi_pool.ps_roi_pool as right
from solutions.ps_roi_pool.ps_roi_pool import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_spatial_scale_is_applied_in_the_input_dtype[1/7 float64 boxes]"]


def ps_roi_pool(input, boxes, output_size, spatial_scale=1.0):
    oh, ow = right._pair(output_size)
    batch, _ = right._check(input, boxes, spatial_scale)
    n, c_in, h, w = input.shape
    if c_in % (oh * ow):
        raise ValueError(f"input: {c_in} channels are not a multiple of oh * ow = {oh * ow}")
    c_out = c_in // (oh * ow)
    corners = (boxes.detach()[:, 1:] * spatial_scale).to(input.dtype)
    h_start, h_end, w_start, w_end = right._bin_edges(corners, oh, ow, h, w)
    channel = torch.arange(c_in).reshape(1, c_out, oh, ow)
    return right._bin_means(input, batch, channel, h_start, h_end, w_start, w_end)
