"""Gives the box in inclusive pixel indices (x2 = last column) instead of pixel edges."""

from solutions.copy_paste import copy_paste as _ref
from solutions.copy_paste.copy_paste import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_box_is_tight_around_pixels_with_positive_alpha", "test_box_counts_only_the_visible_part"]


def paste_object(background, obj, alpha, top, left):
    image, box = _ref.paste_object(background, obj, alpha, top, left)
    if box is None:
        return image, None
    x1, y1, x2, y2 = box
    return image, (x1, y1, x2 - 1, y2 - 1)
