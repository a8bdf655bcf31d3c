"""Reads align_corners by its truth value: 1 (or any object) is taken as True instead of refused."""

from solutions.upsampling.upsampling import *  # noqa: F403 - the rest is right
from solutions.upsampling.upsampling import bilinear_interpolate as _right

CAUGHT_BY = ["test_rejects_bad_arguments[align_corners=1]"]


def bilinear_interpolate(x, size, align_corners=False):
    return _right(x, size, bool(align_corners))
