"""Keeps a box only when its visible fraction is strictly above min_visible (> instead of >=)."""

import torch

from solutions.detection_augment.detection_augment import *  # noqa: F403 - the rest is right
from solutions.detection_augment.detection_augment import _check_boxes, _check_image

CAUGHT_BY = ["test_crop_keeps_a_box_whose_visible_fraction_equals_min_visible"]


def crop(image, boxes, top, left, height, width, min_visible=0.0):
    h, w = _check_image(image)
    _check_boxes(boxes)
    if top < 0 or left < 0 or height < 1 or width < 1 or top + height > h or left + width > w:
        raise ValueError(f"top, left, height, width: the window must lie inside the {h} x {w} image")
    if not 0.0 <= min_visible <= 1.0:
        raise ValueError(f"min_visible: expected a fraction in [0, 1], got {min_visible!r}")
    moved = boxes - boxes.new_tensor([left, top, left, top])
    clipped = torch.minimum(moved.clamp(min=0), boxes.new_tensor([width, height, width, height]))
    area = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    visible = (clipped[:, 2] - clipped[:, 0]) * (clipped[:, 3] - clipped[:, 1])
    keep = (visible > 0) & (visible > min_visible * area)
    return image[:, top : top + height, left : left + width], clipped[keep], keep
