"""Scales RoI Pool's corners in float64: near a half, float32 maps round to another pixel than torchvision."""

import torch

from solutions.roi_align.roi_align import *  # noqa: F403 - the rest is right
from solutions.roi_align.roi_align import roi_pool as _right

CAUGHT_BY = ["test_roi_pool_scales_corners_in_the_input_dtype[1/7]"]


def roi_pool(input, boxes, output_size, spatial_scale=1.0):
    if isinstance(input, torch.Tensor) and input.dtype == torch.float32 and isinstance(boxes, torch.Tensor):
        return _right(input.double(), boxes.double(), output_size, spatial_scale).float()
    return _right(input, boxes, output_size, spatial_scale)
