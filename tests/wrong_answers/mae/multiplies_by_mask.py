"""Multiplies the errors by the mask: NaN or inf in unselected elements survive (NaN * 0 is NaN)."""

from solutions.mae.mae import *
from solutions.mae.mae import _check_tensor

CAUGHT_BY = ["test_unselected_nan_and_inf_do_not_leak_into_value_or_gradient"]


def mae(pred, target, mask=None):
    _check_tensor("pred", pred)
    _check_tensor("target", target)
    if pred.shape != target.shape:
        raise ValueError(f"target: expected shape {list(pred.shape)}, got {list(target.shape)}")
    error = (pred - target).abs()
    if error.numel() == 0:
        raise ValueError("pred: has no elements")
    if mask is None:
        return error.mean()
    if not isinstance(mask, torch.Tensor) or mask.dtype != torch.bool:
        raise TypeError("mask: expected a bool tensor")
    if mask.shape != pred.shape:
        raise ValueError("mask: wrong shape")
    if not mask.any():
        raise ValueError("mask: selects no element")
    return (error * mask).sum() / mask.sum()
