"""Takes the contrast mean over the whole batch instead of per image."""

from solutions.color_jitter.color_jitter import *  # noqa: F403 - the rest is right
from solutions.color_jitter.color_jitter import _blend, _check, _grayscale

CAUGHT_BY = [
    "test_contrast_uses_each_images_own_mean",
    "test_matches_torchvision_for_every_factor[adjust_contrast-batch-float64]",
]


def adjust_contrast(img, factor):
    _check(img, factor, "factor")
    return _blend(img, _grayscale(img).mean(), factor)
