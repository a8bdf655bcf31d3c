"""Computes RoI Align's coordinates in the boxes' dtype: float64 boxes on a float32 map are not converted first."""

import torch

from solutions.roi_align.roi_align import *  # noqa: F403 - the rest is right
from solutions.roi_align.roi_align import roi_align as _right

CAUGHT_BY = ["test_roi_align_counts_adaptive_samples_in_the_input_dtype[float64 boxes]"]


def roi_align(input, boxes, output_size, spatial_scale=1.0, sampling_ratio=-1, aligned=False):
    if isinstance(input, torch.Tensor) and isinstance(boxes, torch.Tensor) and boxes.dtype == torch.float64:
        out = _right(input.double(), boxes, output_size, spatial_scale, sampling_ratio, aligned)
        return out.to(input.dtype)
    return _right(input, boxes, output_size, spatial_scale, sampling_ratio, aligned)
