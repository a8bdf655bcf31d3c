"""Returns the background object itself when nothing of the object shows, instead of an unchanged copy."""

from solutions.copy_paste import copy_paste as _ref
from solutions.copy_paste.copy_paste import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_image_is_a_new_tensor_even_when_nothing_is_pasted"]


def paste_object(background, obj, alpha, top, left):
    image, box = _ref.paste_object(background, obj, alpha, top, left)
    if box is None:
        return background, None
    return image, box
