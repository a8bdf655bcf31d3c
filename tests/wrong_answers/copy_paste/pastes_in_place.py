"""Composites straight into the background tensor it was given instead of a copy."""

from solutions.copy_paste import copy_paste as _ref
from solutions.copy_paste.copy_paste import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_leaves_its_inputs_unchanged"]


def paste_object(background, obj, alpha, top, left):
    image, box = _ref.paste_object(background, obj, alpha, top, left)
    background.copy_(image)
    return background, box
