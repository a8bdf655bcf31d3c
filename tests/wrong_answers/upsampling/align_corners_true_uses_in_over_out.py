"""align_corners=True scales by in / out instead of (in - 1) / (out - 1): the last pixel is never reached."""

import torch

from solutions.upsampling import upsampling as _solution
from solutions.upsampling.upsampling import *

CAUGHT_BY = [
    "test_align_corners_true_maps_corner_pixels_onto_each_other",
    "test_matches_f_interpolate[up x2-align_corners=True]",
    "test_gradients_match_f_interpolate[align_corners=True]",
]


def _source(in_size, out_size, align_corners, device):
    i = torch.arange(out_size, dtype=torch.float64, device=device)
    if align_corners:
        src = i * (in_size / out_size)
    else:
        src = ((i + 0.5) * (in_size / out_size) - 0.5).clamp(min=0.0)
    left = src.floor().long().clamp(max=in_size - 1)
    right = (left + 1).clamp(max=in_size - 1)
    return left, right, src - left


def bilinear_interpolate(x, size, align_corners=False):
    out_h, out_w = _solution._check_size(size)
    top, bottom, wy = _source(x.shape[-2], out_h, align_corners, x.device)
    left, right, wx = _source(x.shape[-1], out_w, align_corners, x.device)
    rows = torch.lerp(x[..., top, :], x[..., bottom, :], wy.to(x.dtype).view(-1, 1))
    return torch.lerp(rows[..., left], rows[..., right], wx.to(x.dtype))
