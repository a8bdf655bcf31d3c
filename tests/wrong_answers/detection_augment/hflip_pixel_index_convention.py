"""Mirrors box edges as W - 1 - x, the convention for pixel indices, not for continuous coordinates."""

import torch

from solutions.detection_augment.detection_augment import *  # noqa: F403 - the rest is right
from solutions.detection_augment.detection_augment import _check_boxes, _check_image

CAUGHT_BY = ["test_hflip_boxes_hand_worked", "test_hflip_boxes_follow_the_pixels"]


def hflip(image, boxes):
    _, w = _check_image(image)
    _check_boxes(boxes)
    return image.flip(-1), torch.stack([w - 1 - boxes[:, 2], boxes[:, 1], w - 1 - boxes[:, 0], boxes[:, 3]], dim=1)
