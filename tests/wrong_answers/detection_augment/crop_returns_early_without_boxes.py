"""Returns straight away when there is no box, before checking the window and min_visible."""

import torch

from solutions.detection_augment import detection_augment as _right
from solutions.detection_augment.detection_augment import *  # noqa: F403 - the rest is right
from solutions.detection_augment.detection_augment import _check_boxes, _check_image, _check_int

CAUGHT_BY = ["test_checks_arguments_even_without_boxes"]


def crop(image, boxes, top, left, height, width, min_visible=0.0):
    if isinstance(boxes, torch.Tensor) and boxes.shape[0] == 0:
        return image[:, top : top + height, left : left + width], boxes, torch.zeros(0, dtype=torch.bool)
    return _right.crop(image, boxes, top, left, height, width, min_visible)
