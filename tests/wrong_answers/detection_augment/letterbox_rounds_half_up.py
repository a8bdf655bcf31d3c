"""Rounds the resized sides with int(x + 0.5), halves up, where Python's round sends 2.5 to 2."""

import torch.nn.functional as F

from solutions.detection_augment.detection_augment import *  # noqa: F403 - the rest is right
from solutions.detection_augment.detection_augment import _check_boxes, _check_image, _check_int

CAUGHT_BY = ["test_letterbox_scale_and_centred_padding[half to even]"]


def letterbox(image, boxes, size, fill=0.5):
    h, w = _check_image(image, floating=True)
    _check_boxes(boxes)
    _check_int("size", size, 1)
    scale = min(size / h, size / w)
    new_h, new_w = max(1, int(h * scale + 0.5)), max(1, int(w * scale + 0.5))
    resized = F.interpolate(image[None], size=(new_h, new_w), mode="bilinear", align_corners=False)[0]
    pad_left, pad_top = (size - new_w) // 2, (size - new_h) // 2
    canvas = image.new_full((image.shape[0], size, size), fill)
    canvas[:, pad_top : pad_top + new_h, pad_left : pad_left + new_w] = resized
    offset = boxes.new_tensor([pad_left, pad_top, pad_left, pad_top])
    return canvas, boxes * scale + offset, scale, (pad_left, pad_top)
