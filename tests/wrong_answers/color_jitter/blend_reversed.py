"""Swaps the blend's weights, factor * other + (1 - factor) * img: factor 0 gives the image back."""

from solutions.color_jitter.color_jitter import *  # noqa: F403 - the rest is right
from solutions.color_jitter.color_jitter import _check, _grayscale

CAUGHT_BY = ["test_saturation_zero_gives_the_gray_level_in_every_channel", "test_matches_torchvision_for_every_factor"]


def adjust_saturation(img, factor):
    _check(img, factor, "factor")
    if img.shape[-3] == 1:
        return img.clone()
    return (factor * _grayscale(img) + (1 - factor) * img).clamp(0, 1)
