"""Pads the image in the middle but only scales the boxes, without adding the padding offset."""

from solutions.detection_augment.detection_augment import *  # noqa: F403 - the rest is right
from solutions.detection_augment.detection_augment import letterbox as right_letterbox

CAUGHT_BY = ["test_letterbox_moves_boxes_by_scale_then_padding", "test_letterbox_boxes_follow_the_pixels"]


def letterbox(image, boxes, size, fill=0.5):
    canvas, _, scale, pad = right_letterbox(image, boxes, size, fill)
    return canvas, boxes * scale, scale, pad
