"""triangulate works in plain Python for plain numbers and returns Python floats, not 0-d tensors."""

import torch

from solutions.stereo_depth import stereo_depth as _ref
from solutions.stereo_depth.stereo_depth import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_triangulation_of_plain_numbers_gives_default_dtype_tensors"]


def triangulate(x_left, x_right, y, focal_px, baseline, cx, cy):
    if any(isinstance(t, torch.Tensor) for t in (x_left, x_right, y)):
        return _ref.triangulate(x_left, x_right, y, focal_px, baseline, cx, cy)
    X, Y, Z = _ref.triangulate(float(x_left), float(x_right), float(y), focal_px, baseline, cx, cy)
    return X.item(), Y.item(), Z.item()
