"""Builds the box from tensor indices (x0 + cols[0]) and returns 0-d tensors instead of Python ints."""

import torch

from solutions.copy_paste import copy_paste as _ref
from solutions.copy_paste.copy_paste import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_box_holds_python_ints"]


def paste_object(background, obj, alpha, top, left):
    image, box = _ref.paste_object(background, obj, alpha, top, left)
    if box is None:
        return image, None
    return image, tuple(torch.tensor(v) for v in box)
