"""Clamps the intersection area, not each side: boxes apart on both axes get a positive intersection."""

import torch

from solutions.iou_losses.iou_losses import *  # noqa: F403 - the rest is right
from solutions.iou_losses.iou_losses import _check, _reduce

CAUGHT_BY = ["test_iou_loss_of_hand_worked_pairs[apart]", "test_iou_loss_is_one_minus_iou_with_eps_in_the_union"]


def iou_loss(pred, target, reduction="none", eps=1e-7):
    _check(pred, target, reduction)
    iw = torch.minimum(pred[:, 2], target[:, 2]) - torch.maximum(pred[:, 0], target[:, 0])
    ih = torch.minimum(pred[:, 3], target[:, 3]) - torch.maximum(pred[:, 1], target[:, 1])
    inter = (iw * ih).clamp(min=0)
    area_p = (pred[:, 2] - pred[:, 0]) * (pred[:, 3] - pred[:, 1])
    area_t = (target[:, 2] - target[:, 0]) * (target[:, 3] - target[:, 1])
    return _reduce(1 - inter / (area_p + area_t - inter + eps), reduction)
