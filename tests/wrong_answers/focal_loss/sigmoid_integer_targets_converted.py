"""Sigmoid focal loss converts integer targets to floats instead of refusing them with TypeError."""

import solutions.focal_loss.focal_loss as _solution
from solutions.focal_loss.focal_loss import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_sigmoid_rejects_inputs_or_targets_that_are_not_float_tensors[integer targets]"]


def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0, reduction="none"):
    if isinstance(inputs, torch.Tensor) and isinstance(targets, torch.Tensor) and inputs.is_floating_point():  # noqa: F405
        targets = targets.to(inputs.dtype)
    return _solution.sigmoid_focal_loss(inputs, targets, alpha, gamma, reduction)
