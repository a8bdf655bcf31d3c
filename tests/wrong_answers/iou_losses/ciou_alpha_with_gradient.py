"""CIoU with gradient flowing through alpha: the same values, but not the paper's (or torchvision's) gradient."""

import math

import torch

from solutions.iou_losses.iou_losses import *  # noqa: F403 - the rest is right
from solutions.iou_losses.iou_losses import _check, _diou, _reduce

CAUGHT_BY = ["test_gradients_match_torchvision_away_from_kinks[ciou-float64-eps1e-07]"]


def ciou_loss(pred, target, reduction="none", eps=1e-7):
    _check(pred, target, reduction)
    diou, iou = _diou(pred, target, eps)
    w_p, h_p = pred[:, 2] - pred[:, 0], pred[:, 3] - pred[:, 1]
    w_t, h_t = target[:, 2] - target[:, 0], target[:, 3] - target[:, 1]
    v = (4 / math.pi**2) * (torch.atan(w_t / h_t) - torch.atan(w_p / h_p)) ** 2
    alpha = v / (1 - iou + v + eps)
    return _reduce(diou + alpha * v, reduction)
