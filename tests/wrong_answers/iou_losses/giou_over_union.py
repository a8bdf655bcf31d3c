"""GIoU penalty divided by the union instead of the enclosing area: (C - U) / U."""

from solutions.iou_losses.iou_losses import *  # noqa: F403 - the rest is right
from solutions.iou_losses.iou_losses import _check, _iou_parts, _reduce

CAUGHT_BY = [
    "test_loss_matches_torchvision[giou-float32-eps1e-07]",
    "test_loss_matches_torchvision[giou-float64-eps0.001]",
]


def giou_loss(pred, target, reduction="none", eps=1e-7):
    _check(pred, target, reduction)
    iou, union, (cx1, cy1, cx2, cy2) = _iou_parts(pred, target, eps)
    area_c = (cx2 - cx1) * (cy2 - cy1)
    return _reduce(1 - iou + (area_c - union) / (union + eps), reduction)
