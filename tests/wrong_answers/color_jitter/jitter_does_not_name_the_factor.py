"""color_jitter leaves the checks to adjust_*: a negative contrast is reported as "factor", not "contrast"."""

from solutions.color_jitter.color_jitter import *  # noqa: F403 - the rest is right
from solutions.color_jitter.color_jitter import adjust_brightness, adjust_contrast, adjust_saturation

CAUGHT_BY = ["test_color_jitter_names_the_negative_factor"]


def color_jitter(img, brightness, contrast, saturation):
    return adjust_saturation(adjust_contrast(adjust_brightness(img, brightness), contrast), saturation)
