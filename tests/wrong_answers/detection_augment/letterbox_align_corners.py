"""Resizes with align_corners=True, which stretches the image by (n - 1) / (m - 1) instead of n / m."""

import torch.nn.functional as F

from solutions.detection_augment.detection_augment import *  # noqa: F403 - the rest is right
from solutions.detection_augment.detection_augment import _check_boxes, _check_image

CAUGHT_BY = ["test_letterbox_image_is_a_bilinear_resize_on_a_filled_canvas"]


def letterbox(image, boxes, size, fill=0.5):
    h, w = _check_image(image, floating=True)
    _check_boxes(boxes)
    if not isinstance(size, int) or size < 1:
        raise ValueError(f"size: expected a positive int, got {size!r}")
    scale = min(size / h, size / w)
    new_h, new_w = max(1, round(h * scale)), max(1, round(w * scale))
    resized = F.interpolate(image[None], size=(new_h, new_w), mode="bilinear", align_corners=True)[0]
    pad_left, pad_top = (size - new_w) // 2, (size - new_h) // 2
    canvas = image.new_full((image.shape[0], size, size), fill)
    canvas[:, pad_top : pad_top + new_h, pad_left : pad_left + new_w] = resized
    return canvas, boxes * scale + boxes.new_tensor([pad_left, pad_top, pad_left, pad_top]), scale, (pad_left, pad_top)
