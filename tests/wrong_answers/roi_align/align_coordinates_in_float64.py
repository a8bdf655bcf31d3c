"""Computes RoI Align's coordinates in float64 for accuracy: float32 maps get another adaptive sample count."""

import torch

from solutions.roi_align.roi_align import *  # noqa: F403 - the rest is right
from solutions.roi_align.roi_align import roi_align as _right

CAUGHT_BY = ["test_roi_align_counts_adaptive_samples_in_the_input_dtype[float32 boxes]"]


def roi_align(input, boxes, output_size, spatial_scale=1.0, sampling_ratio=-1, aligned=False):
    if isinstance(input, torch.Tensor) and input.dtype == torch.float32 and isinstance(boxes, torch.Tensor):
        return _right(input.double(), boxes.double(), output_size, spatial_scale, sampling_ratio, aligned).float()
    return _right(input, boxes, output_size, spatial_scale, sampling_ratio, aligned)
