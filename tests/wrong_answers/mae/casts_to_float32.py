"""Converts to float32 on the way (`.float()`): float64 inputs come back as float32."""

from solutions.mae.mae import *
from solutions.mae.mae import mae as _right

CAUGHT_BY = ["test_matches_l1_loss_on_random_inputs[float64]", "test_scalar_inputs"]


def mae(pred, target, mask=None):
    return _right(
        pred.float() if isinstance(pred, torch.Tensor) else pred,
        target.float() if isinstance(target, torch.Tensor) and target.is_floating_point() else target,
        mask,
    )
