"""Returns the empty output at once when there are no RoIs, before checking any other argument."""

import torch

from solutions.roi_align.roi_align import *  # noqa: F403 - the rest is right
from solutions.roi_align.roi_align import roi_align as _right_align
from solutions.roi_align.roi_align import roi_pool as _right_pool

CAUGHT_BY = ["test_checks_arguments_even_without_rois"]


def _empty(input, boxes, output_size):
    if isinstance(boxes, torch.Tensor) and boxes.shape[0] == 0 and isinstance(input, torch.Tensor):
        oh, ow = (output_size, output_size) if not isinstance(output_size, (tuple, list)) else output_size
        return input.new_zeros(0, input.shape[-3], int(oh), int(ow))
    return None


def roi_pool(input, boxes, output_size, spatial_scale=1.0):
    early = _empty(input, boxes, output_size)
    return early if early is not None else _right_pool(input, boxes, output_size, spatial_scale)


def roi_align(input, boxes, output_size, spatial_scale=1.0, sampling_ratio=-1, aligned=False):
    early = _empty(input, boxes, output_size)
    if early is not None:
        return early
    return _right_align(input, boxes, output_size, spatial_scale, sampling_ratio, aligned)
