"""Checks focal_px < 0 and baseline < 0 only: a focal length or baseline of 0 (or NaN) goes through."""

import torch

from solutions.stereo_depth.stereo_depth import *  # noqa: F403 - the rest is right

CAUGHT_BY = [
    "test_depth_rejects_non_positive_camera_constants[focal 0]",
    "test_depth_rejects_non_positive_camera_constants[NaN focal]",
    "test_depth_rejects_non_positive_camera_constants[baseline 0]",
]


def disparity_to_depth(disparity, focal_px, baseline):
    if not isinstance(disparity, torch.Tensor) or not disparity.is_floating_point():
        raise TypeError("disparity: expected a floating-point tensor")
    if focal_px < 0:
        raise ValueError(f"focal_px: expected a positive focal length, got {focal_px}")
    if baseline < 0:
        raise ValueError(f"baseline: expected a positive distance, got {baseline}")
    valid = disparity > 0
    safe = torch.where(valid, disparity, torch.ones_like(disparity))
    return torch.where(valid, focal_px * baseline / safe, torch.zeros_like(disparity))
