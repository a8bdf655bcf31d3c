"""Converts boxes with torch.as_tensor(boxes, dtype=float32) instead of refusing integer tensors and lists."""

import torch

from solutions.detection_augment import detection_augment as _right
from solutions.detection_augment.detection_augment import *  # noqa: F403 - the rest is right
from solutions.detection_augment.detection_augment import _check_boxes, _check_image, _check_int

CAUGHT_BY = ["test_every_function_refuses_non_float_boxes_and_non_tensor_images"]


def _float_boxes(boxes):
    if isinstance(boxes, torch.Tensor) and boxes.is_floating_point():
        return boxes
    return torch.as_tensor(boxes, dtype=torch.float32)


def hflip(image, boxes):
    return _right.hflip(image, _float_boxes(boxes))


def crop(image, boxes, top, left, height, width, min_visible=0.0):
    return _right.crop(image, _float_boxes(boxes), top, left, height, width, min_visible)


def letterbox(image, boxes, size, fill=0.5):
    return _right.letterbox(image, _float_boxes(boxes), size, fill)
