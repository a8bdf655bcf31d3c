"""Shifts the boxes by the window's corner but does not clip them to the window."""

import torch

from solutions.detection_augment.detection_augment import *  # noqa: F403 - the rest is right
from solutions.detection_augment.detection_augment import crop as right_crop

CAUGHT_BY = ["test_crop_shifts_clips_and_keeps_the_visible_boxes", "test_crop_boxes_follow_the_pixels"]


def crop(image, boxes, top, left, height, width, min_visible=0.0):
    window, _, keep = right_crop(image, boxes, top, left, height, width, min_visible)
    moved = boxes - torch.tensor([left, top, left, top], dtype=boxes.dtype)
    return window, moved[keep], keep
