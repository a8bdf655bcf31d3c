"""Flips each box edge as W - x but does not swap them: the new x1 is W - x1, so x1 > x2."""

import torch

from solutions.detection_augment.detection_augment import *  # noqa: F403 - the rest is right
from solutions.detection_augment.detection_augment import _check_boxes, _check_image

CAUGHT_BY = ["test_hflip_boxes_hand_worked", "test_hflip_boxes_follow_the_pixels"]


def hflip(image, boxes):
    _, w = _check_image(image)
    _check_boxes(boxes)
    return image.flip(-1), torch.stack([w - boxes[:, 0], boxes[:, 1], w - boxes[:, 2], boxes[:, 3]], dim=1)
