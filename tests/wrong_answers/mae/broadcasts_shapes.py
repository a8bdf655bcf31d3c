"""No shape check: a [N, 1] prediction against a [N] target silently broadcasts to [N, N]."""

from solutions.mae.mae import *
from solutions.mae.mae import _check_tensor

CAUGHT_BY = ["test_rejects_shapes_that_differ_even_if_they_broadcast"]


def mae(pred, target, mask=None):
    _check_tensor("pred", pred)
    _check_tensor("target", target)
    error = (pred - target).abs()
    if mask is not None:
        if not isinstance(mask, torch.Tensor) or mask.dtype != torch.bool:
            raise TypeError("mask: expected a bool tensor")
        if mask.shape != error.shape:
            raise ValueError("mask: wrong shape")
        error = error[mask]
    if error.numel() == 0:
        raise ValueError("mask: selects no element")
    return error.mean()
