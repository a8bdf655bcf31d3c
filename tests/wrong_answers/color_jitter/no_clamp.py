"""Blends without clamping: bright pixels go above 1 and strong contrast pushes some below 0."""

from solutions.color_jitter.color_jitter import *  # noqa: F403 - the rest is right
from solutions.color_jitter.color_jitter import _check, _grayscale

CAUGHT_BY = ["test_brightness_clamps_at_one", "test_matches_torchvision_for_every_factor"]


def adjust_brightness(img, factor):
    _check(img, factor, "factor")
    return img * factor


def adjust_contrast(img, factor):
    _check(img, factor, "factor")
    mean = _grayscale(img).mean(dim=(-3, -2, -1), keepdim=True)
    return factor * img + (1 - factor) * mean
