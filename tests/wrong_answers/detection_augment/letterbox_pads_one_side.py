"""Puts the resized image in the top-left corner: all the padding goes to the right and the bottom."""

import torch.nn.functional as F

from solutions.detection_augment.detection_augment import *  # noqa: F403 - the rest is right
from solutions.detection_augment.detection_augment import _check_boxes, _check_image

CAUGHT_BY = [
    "test_letterbox_scale_and_centred_padding",
    "test_letterbox_image_is_a_bilinear_resize_on_a_filled_canvas",
    "test_letterbox_pads_both_sides_of_the_short_side",
]


def letterbox(image, boxes, size, fill=0.5):
    h, w = _check_image(image, floating=True)
    _check_boxes(boxes)
    if not isinstance(size, int) or size < 1:
        raise ValueError(f"size: expected a positive int, got {size!r}")
    scale = min(size / h, size / w)
    new_h, new_w = max(1, round(h * scale)), max(1, round(w * scale))
    canvas = image.new_full((image.shape[0], size, size), fill)
    canvas[:, :new_h, :new_w] = F.interpolate(image[None], size=(new_h, new_w), mode="bilinear")[0]
    return canvas, boxes * scale, scale, (0, 0)
