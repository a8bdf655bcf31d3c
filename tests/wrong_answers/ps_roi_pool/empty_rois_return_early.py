"""Returns an empty output as soon as there is no RoI, before checking input, output_size or spatial_scale."""

import torch

import solutions.ps_roi_pool.ps_roi_pool as right
from solutions.ps_roi_pool.ps_roi_pool import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_checks_arguments_even_without_rois"]


def ps_roi_pool(input, boxes, output_size, spatial_scale=1.0):
    if isinstance(boxes, torch.Tensor) and boxes.shape[0] == 0:
        oh, ow = (output_size, output_size) if isinstance(output_size, int) else output_size
        cells = max(int(oh) * int(ow), 1)
        return input.new_zeros(0, input.shape[1] // cells, int(oh), int(ow))
    return right.ps_roi_pool(input, boxes, output_size, spatial_scale)
