"""Never checks img's dtype: a uint8 image (0 … 255) is blended as if it were in [0, 1] and clamped to 0/1."""

import torch

from solutions.color_jitter import color_jitter as _solution
from solutions.color_jitter.color_jitter import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_rejects_images_that_are_not_floating_point"]


def _as_float(img):
    img = torch.as_tensor(img)
    return img if img.is_floating_point() else img.to(torch.float32)


def adjust_brightness(img, factor):
    return _solution.adjust_brightness(_as_float(img), factor)


def adjust_contrast(img, factor):
    return _solution.adjust_contrast(_as_float(img), factor)


def adjust_saturation(img, factor):
    return _solution.adjust_saturation(_as_float(img), factor)


def color_jitter(img, brightness, contrast, saturation):
    return _solution.color_jitter(_as_float(img), brightness, contrast, saturation)
