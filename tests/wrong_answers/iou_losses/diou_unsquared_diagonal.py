"""DIoU penalty as squared centre distance over the diagonal c, not over c squared."""

from solutions.iou_losses.iou_losses import *  # noqa: F403 - the rest is right
from solutions.iou_losses.iou_losses import _check, _iou_parts, _reduce

CAUGHT_BY = ["test_loss_matches_torchvision[diou-float64-eps1e-07]"]


def diou_loss(pred, target, reduction="none", eps=1e-7):
    _check(pred, target, reduction)
    iou, _, (cx1, cy1, cx2, cy2) = _iou_parts(pred, target, eps)
    diagonal = ((cx2 - cx1) ** 2 + (cy2 - cy1) ** 2).sqrt() + eps
    rho2 = (((pred[:, :2] + pred[:, 2:]) / 2 - (target[:, :2] + target[:, 2:]) / 2) ** 2).sum(-1)
    return _reduce(1 - iou + rho2 / diagonal, reduction)
