"""Checks only alpha > 1: a negative alpha is accepted and pushes the pixels beyond the background."""

from solutions.copy_paste import copy_paste as _ref
from solutions.copy_paste.copy_paste import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_rejects_mismatched_shapes_and_alpha_out_of_range"]


def paste_object(background, obj, alpha, top, left):
    if alpha.numel() and float(alpha.min()) < 0:
        shifted, box = _ref.paste_object(background, obj, alpha.clamp(min=0), top, left)
        return shifted, box
    return _ref.paste_object(background, obj, alpha, top, left)
