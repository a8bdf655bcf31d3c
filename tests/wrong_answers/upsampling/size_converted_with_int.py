"""Converts size with int(): a float size (6.0) or a bool in the pair is taken instead of refused."""

from solutions.upsampling.upsampling import *  # noqa: F403 - the rest is right
from solutions.upsampling.upsampling import bilinear_interpolate as _right

CAUGHT_BY = ["test_rejects_bad_arguments[float size]", "test_rejects_bad_arguments[bool in size]"]


def bilinear_interpolate(x, size, align_corners=False):
    if isinstance(size, (tuple, list)) and len(size) == 2:
        size = (int(size[0]), int(size[1]))
    elif isinstance(size, float):
        size = int(size)
    return _right(x, size, align_corners)
