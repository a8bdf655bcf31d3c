"""Right values, but calls torch.ops.aten.cross_entropy_loss, the operator behind F.cross_entropy."""

import torch

from solutions.label_smoothing.label_smoothing import *  # noqa: F403 - the rest is right
from solutions.label_smoothing.label_smoothing import label_smoothing_cross_entropy as _right

CAUGHT_BY = ["test_computes_the_loss_without_calling_cross_entropy"]


def label_smoothing_cross_entropy(logits, target, smoothing=0.1, reduction="mean", ignore_index=-100):
    _right(logits, target, smoothing, reduction, ignore_index)  # the argument checks
    mode = {"none": 0, "mean": 1, "sum": 2}[reduction]
    return torch.ops.aten.cross_entropy_loss(logits, target, None, mode, ignore_index, smoothing)
