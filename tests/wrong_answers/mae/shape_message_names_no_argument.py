"""The shape error says only "shape mismatch" and the two shapes, never which argument has the wrong one."""

import solutions.mae.mae as _solution
from solutions.mae.mae import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_rejects_shapes_that_differ_even_if_they_broadcast"]


def mae(pred, target, mask=None):
    if isinstance(pred, torch.Tensor) and isinstance(target, torch.Tensor) and pred.shape != target.shape:  # noqa: F405
        raise ValueError(f"shape mismatch: {list(pred.shape)} vs {list(target.shape)}")
    return _solution.mae(pred, target, mask)
