"""Sigmoid focal loss lets torch promote mixed dtypes: float64 targets turn float32 logits' losses into float64."""

import solutions.focal_loss.focal_loss as _solution
from solutions.focal_loss.focal_loss import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_sigmoid_result_takes_the_dtype_of_inputs_when_targets_differ[float32 inputs, float64 targets]"]


def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0, reduction="none"):
    if isinstance(inputs, torch.Tensor) and isinstance(targets, torch.Tensor):  # noqa: F405
        if inputs.is_floating_point() and targets.is_floating_point():
            wide = torch.promote_types(inputs.dtype, targets.dtype)  # noqa: F405
            inputs = inputs.to(wide)
    return _solution.sigmoid_focal_loss(inputs, targets, alpha, gamma, reduction)
