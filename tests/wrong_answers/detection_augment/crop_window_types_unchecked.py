"""Checks the crop window only by value: a bool passes as 0 or 1, a float fails later inside the slicing."""

import torch

from solutions.detection_augment.detection_augment import *  # noqa: F403 - the rest is right
from solutions.detection_augment.detection_augment import _check_boxes, _check_image, _check_int

CAUGHT_BY = ["test_crop_rejects_window_arguments_that_are_not_ints"]


def crop(image, boxes, top, left, height, width, min_visible=0.0):
    h, w = _check_image(image)
    _check_boxes(boxes)
    for name, value, low in (("top", top, 0), ("left", left, 0), ("height", height, 1), ("width", width, 1)):
        if value < low:
            raise ValueError(f"{name}: expected >= {low}, got {value}")
    if top + height > h:
        raise ValueError(f"height: the window reaches past the image's {h} rows")
    if left + width > w:
        raise ValueError(f"width: the window reaches past the image's {w} columns")
    if not 0.0 <= min_visible <= 1.0:
        raise ValueError(f"min_visible: expected a fraction in [0, 1], got {min_visible!r}")
    shift = boxes.new_tensor([left, top, left, top])
    limit = boxes.new_tensor([width, height, width, height])
    clipped = torch.minimum((boxes - shift).clamp(min=0), limit)
    area = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    visible = (clipped[:, 2] - clipped[:, 0]) * (clipped[:, 3] - clipped[:, 1])
    keep = (visible > 0) & (visible >= min_visible * area)
    return image[:, top : top + height, left : left + width], clipped[keep], keep
