"""Scales and divides the box in float64 instead of the input's dtype: float32 corners near a half round the other way."""

import torch

import solutions.ps_roi_pool.ps_roi_pool as right
from solutions.ps_roi_pool.ps_roi_pool import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_spatial_scale_is_applied_in_the_input_dtype", "test_bin_edges_are_computed_in_the_input_dtype"]


def ps_roi_pool(input, boxes, output_size, spatial_scale=1.0):
    oh, ow = right._pair(output_size)
    batch, _ = right._check(input, boxes, spatial_scale)
    n, c_in, h, w = input.shape
    if c_in % (oh * ow):
        raise ValueError(f"input: {c_in} channels are not a multiple of oh * ow = {oh * ow}")
    c_out = c_in // (oh * ow)
    corners = boxes.detach()[:, 1:].to(torch.float64) * spatial_scale
    h_start, h_end, w_start, w_end = right._bin_edges(corners, oh, ow, h, w)
    channel = torch.arange(c_in).reshape(1, c_out, oh, ow)
    return right._bin_means(input, batch, channel, h_start, h_end, w_start, w_end)
