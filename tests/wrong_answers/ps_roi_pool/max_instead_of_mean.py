"""Takes the maximum of each bin (as RoI Pool does) instead of the mean."""

import torch

from solutions.ps_roi_pool.ps_roi_pool import *  # noqa: F403 - the rest is right
from solutions.ps_roi_pool.ps_roi_pool import _bin_edges, _check, _pair

CAUGHT_BY = ["test_each_bin_averages_its_pixels", "test_matches_torchvision"]


def ps_roi_pool(input, boxes, output_size, spatial_scale=1.0):
    oh, ow = _pair(output_size)
    batch, corners = _check(input, boxes, spatial_scale)
    n, c_in, h, w = input.shape
    if c_in % (oh * ow) != 0:
        raise ValueError(f"input: expected channels divisible by {oh * ow}, got {c_in}")
    c_out = c_in // (oh * ow)
    h_start, h_end, w_start, w_end = _bin_edges(corners * spatial_scale, oh, ow, h, w)
    out = input.new_zeros(len(boxes), c_out, oh, ow)
    for k in range(len(boxes)):
        for i in range(oh):
            for j in range(ow):
                r0, r1, c0, c1 = int(h_start[k, i]), int(h_end[k, i]), int(w_start[k, j]), int(w_end[k, j])
                if r1 > r0 and c1 > c0:
                    channels = torch.arange(c_out) * oh * ow + i * ow + j
                    out[k, :, i, j] = input[batch[k], channels, r0:r1, c0:c1].amax(dim=(1, 2))
    return out
