"""Averages over the wrong axis: the mean of each row's masked mean, not the mean over all selected elements."""

from solutions.mae.mae import *
from solutions.mae.mae import _check_tensor

CAUGHT_BY = [
    "test_mask_hand_worked_value",
    "test_mask_averages_over_selected_elements_only",
    "test_mask_on_three_dimensional_inputs",
]


def mae(pred, target, mask=None):
    _check_tensor("pred", pred)
    _check_tensor("target", target)
    if pred.shape != target.shape:
        raise ValueError(f"target: expected shape {list(pred.shape)}, got {list(target.shape)}")
    if pred.numel() == 0:
        raise ValueError("pred: has no elements")
    if mask is None:
        return (pred - target).abs().mean()
    if not isinstance(mask, torch.Tensor) or mask.dtype != torch.bool:
        raise TypeError("mask: expected a bool tensor")
    if mask.shape != pred.shape:
        raise ValueError("mask: wrong shape")
    if not mask.any():
        raise ValueError("mask: selects no element")
    if pred.dim() == 0:
        return (pred - target).abs()
    flat_p, flat_t, flat_m = pred.flatten(1) if pred.dim() > 1 else pred[None], None, None
    flat_t = target.flatten(1) if pred.dim() > 1 else target[None]
    flat_m = mask.flatten(1) if pred.dim() > 1 else mask[None]
    rows = flat_m.any(dim=1)
    p, t, m = flat_p[rows], flat_t[rows], flat_m[rows]
    per_row = torch.where(m, (p - t).abs(), torch.zeros_like(p)).sum(dim=1) / m.sum(dim=1)
    return per_row.mean()
