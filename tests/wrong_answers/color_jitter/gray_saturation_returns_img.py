"""Returns a one-channel image itself from adjust_saturation instead of an unchanged copy."""

from solutions.color_jitter import color_jitter as _solution
from solutions.color_jitter.color_jitter import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_one_channel_saturation_is_an_unchanged_copy"]


def adjust_saturation(img, factor):
    if img.shape[-3] == 1 and factor >= 0:
        return img
    return _solution.adjust_saturation(img, factor)
