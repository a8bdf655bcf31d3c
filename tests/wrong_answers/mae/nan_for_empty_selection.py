"""No check for an empty selection: the mean of nothing comes back as NaN instead of an error."""

from solutions.mae.mae import *
from solutions.mae.mae import _check_tensor

CAUGHT_BY = ["test_empty_selection_raises", "test_empty_input_raises"]


def mae(pred, target, mask=None):
    _check_tensor("pred", pred)
    _check_tensor("target", target)
    if pred.shape != target.shape:
        raise ValueError(f"target: expected shape {list(pred.shape)}, got {list(target.shape)}")
    if mask is not None:
        if not isinstance(mask, torch.Tensor) or mask.dtype != torch.bool:
            raise TypeError("mask: expected a bool tensor")
        if mask.shape != pred.shape:
            raise ValueError("mask: wrong shape")
        pred, target = pred[mask], target[mask]
    return (pred - target).abs().mean()
