"""Resizes straight to size x size, ignoring the aspect ratio, with each axis scaled on its own."""

import torch.nn.functional as F

from solutions.detection_augment.detection_augment import *  # noqa: F403 - the rest is right
from solutions.detection_augment.detection_augment import _check_boxes, _check_image

CAUGHT_BY = ["test_letterbox_scale_and_centred_padding", "test_letterbox_boxes_map_back_with_the_inverse"]


def letterbox(image, boxes, size, fill=0.5):
    h, w = _check_image(image, floating=True)
    _check_boxes(boxes)
    if not isinstance(size, int) or size < 1:
        raise ValueError(f"size: expected a positive int, got {size!r}")
    out = F.interpolate(image[None], size=(size, size), mode="bilinear", align_corners=False)[0]
    factors = boxes.new_tensor([size / w, size / h, size / w, size / h])
    return out, boxes * factors, min(size / h, size / w), (0, 0)
