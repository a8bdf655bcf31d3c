"""Converts the target to the prediction's dtype first: float32 predictions against a float64 target give float32, not float64."""

import solutions.mae.mae as _solution
from solutions.mae.mae import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_mixed_dtypes_give_the_dtype_of_pred_minus_target[float32 pred, float64 target]"]


def mae(pred, target, mask=None):
    if isinstance(pred, torch.Tensor) and isinstance(target, torch.Tensor) and target.is_floating_point():  # noqa: F405
        if pred.is_floating_point():
            target = target.to(pred.dtype)
    return _solution.mae(pred, target, mask)
