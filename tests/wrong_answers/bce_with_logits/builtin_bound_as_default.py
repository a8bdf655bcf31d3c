"""Right values, but torch.binary_cross_entropy_with_logits, bound as a default argument, does the work."""

import torch

from solutions.bce_with_logits.bce_with_logits import *  # noqa: F403 - the rest is right
from solutions.bce_with_logits.bce_with_logits import bce_with_logits as _right

CAUGHT_BY = ["test_computes_the_loss_without_calling_the_built_in"]


def bce_with_logits(logits, targets, pos_weight=None, reduction="mean", _bce=torch.binary_cross_entropy_with_logits):
    _right(logits, targets, pos_weight, reduction)  # the argument checks
    mode = {"none": 0, "mean": 1, "sum": 2}[reduction]
    return _bce(logits, targets.to(logits.dtype), None, pos_weight, mode)
