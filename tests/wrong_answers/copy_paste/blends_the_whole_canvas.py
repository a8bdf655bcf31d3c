"""Blends a full-size canvas out of place: a float64 object turns the float32 background's result into float64."""

import torch

from solutions.copy_paste import copy_paste as _ref
from solutions.copy_paste.copy_paste import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_obj_of_another_dtype_takes_the_backgrounds_dtype"]


def paste_object(background, obj, alpha, top, left):
    _, box = _ref.paste_object(background, obj, alpha, top, left)
    C, H, W = background.shape
    h, w = alpha.shape
    canvas = torch.zeros(C, H, W, dtype=obj.dtype)
    matte = torch.zeros(H, W, dtype=alpha.dtype)
    y0, y1, x0, x1 = max(top, 0), min(top + h, H), max(left, 0), min(left + w, W)
    if y0 < y1 and x0 < x1:
        canvas[:, y0:y1, x0:x1] = obj[:, y0 - top : y1 - top, x0 - left : x1 - left]
        matte[y0:y1, x0:x1] = alpha[y0 - top : y1 - top, x0 - left : x1 - left]
    return matte * canvas + (1 - matte) * background, box
