"""Rounds the resized sides without keeping at least one pixel: a 1 x 200 image into 10 gets 0 rows."""

import torch.nn.functional as F

from solutions.detection_augment.detection_augment import *  # noqa: F403 - the rest is right
from solutions.detection_augment.detection_augment import _check_boxes, _check_image, _check_int

CAUGHT_BY = ["test_letterbox_scale_and_centred_padding[at least one row]"]


def letterbox(image, boxes, size, fill=0.5):
    h, w = _check_image(image, floating=True)
    _check_boxes(boxes)
    _check_int("size", size, 1)
    scale = min(size / h, size / w)
    new_h, new_w = round(h * scale), round(w * scale)
    resized = F.interpolate(image[None], size=(new_h, new_w), mode="bilinear", align_corners=False)[0]
    pad_left, pad_top = (size - new_w) // 2, (size - new_h) // 2
    canvas = image.new_full((image.shape[0], size, size), fill)
    canvas[:, pad_top : pad_top + new_h, pad_left : pad_left + new_w] = resized
    offset = boxes.new_tensor([pad_left, pad_top, pad_left, pad_top])
    return canvas, boxes * scale + offset, scale, (pad_left, pad_top)
