"""Applies saturation, then contrast, then brightness: each step clamps, so the order changes the result."""

from solutions.color_jitter.color_jitter import *  # noqa: F403 - the rest is right
from solutions.color_jitter.color_jitter import adjust_brightness, adjust_contrast, adjust_saturation

CAUGHT_BY = ["test_color_jitter_applies_brightness_contrast_saturation_in_order"]


def color_jitter(img, brightness, contrast, saturation):
    return adjust_brightness(adjust_contrast(adjust_saturation(img, saturation), contrast), brightness)
