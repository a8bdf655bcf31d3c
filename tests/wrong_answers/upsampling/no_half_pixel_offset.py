"""align_corners=False maps output pixel i to i * in / out: corners of pixels, not their centres."""

import torch

from solutions.upsampling import upsampling as _solution
from solutions.upsampling.upsampling import *

CAUGHT_BY = [
    "test_align_corners_false_samples_at_pixel_centres_and_clamps_at_the_edges",
    "test_matches_f_interpolate[up by non-integer factors-align_corners=False]",
    "test_downsampling_blends_two_pixels_without_averaging_the_rest",
]


def _source(in_size, out_size, align_corners, device):
    i = torch.arange(out_size, dtype=torch.float64, device=device)
    if align_corners:
        src = i * ((in_size - 1) / (out_size - 1)) if out_size > 1 else torch.zeros_like(i)
    else:
        src = i * (in_size / out_size)
    left = src.floor().long().clamp(max=in_size - 1)
    right = (left + 1).clamp(max=in_size - 1)
    return left, right, src - left


def bilinear_interpolate(x, size, align_corners=False):
    out_h, out_w = _solution._check_size(size)
    top, bottom, wy = _source(x.shape[-2], out_h, align_corners, x.device)
    left, right, wx = _source(x.shape[-1], out_w, align_corners, x.device)
    rows = torch.lerp(x[..., top, :], x[..., bottom, :], wy.to(x.dtype).view(-1, 1))
    return torch.lerp(rows[..., left], rows[..., right], wx.to(x.dtype))
