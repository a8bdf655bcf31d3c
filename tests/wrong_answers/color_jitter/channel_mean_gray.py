"""Uses the plain channel mean (R + G + B) / 3 as the gray level instead of the luma weights."""

from solutions.color_jitter.color_jitter import *  # noqa: F403 - the rest is right
from solutions.color_jitter.color_jitter import _blend, _check

CAUGHT_BY = [
    "test_saturation_zero_gives_the_gray_level_in_every_channel",
    "test_contrast_mean_is_of_the_grayscale_image",
]


def adjust_contrast(img, factor):
    _check(img, factor, "factor")
    return _blend(img, img.mean(dim=(-3, -2, -1), keepdim=True), factor)


def adjust_saturation(img, factor):
    _check(img, factor, "factor")
    if img.shape[-3] == 1:
        return img.clone()
    return _blend(img, img.mean(dim=-3, keepdim=True), factor)
