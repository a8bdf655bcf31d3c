"""Blends with the weights swapped: alpha * background + (1 - alpha) * obj."""

from solutions.copy_paste import copy_paste as _ref
from solutions.copy_paste.copy_paste import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_opaque_object_replaces_the_pixels_and_half_alpha_averages", "test_pastes_inside_the_background"]


def paste_object(background, obj, alpha, top, left):
    return _swapped(background, obj, alpha, top, left)


def _swapped(background, obj, alpha, top, left):
    _, box = _ref.paste_object(background, obj, alpha, top, left)
    image = background.clone()
    _, H, W = background.shape
    h, w = alpha.shape
    y0, y1, x0, x1 = max(top, 0), min(top + h, H), max(left, 0), min(left + w, W)
    if y0 < y1 and x0 < x1:
        a = alpha[y0 - top : y1 - top, x0 - left : x1 - left]
        o = obj[:, y0 - top : y1 - top, x0 - left : x1 - left]
        image[:, y0:y1, x0:x1] = a * background[:, y0:y1, x0:x1] + (1 - a) * o
    return image, box
