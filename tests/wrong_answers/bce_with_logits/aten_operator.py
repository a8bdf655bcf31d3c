"""Right values, but calls torch.ops.aten.binary_cross_entropy_with_logits, the built-in's operator."""

import torch

from solutions.bce_with_logits.bce_with_logits import *  # noqa: F403 - the rest is right
from solutions.bce_with_logits.bce_with_logits import bce_with_logits as _right

CAUGHT_BY = ["test_computes_the_loss_without_calling_the_built_in"]


def bce_with_logits(logits, targets, pos_weight=None, reduction="mean"):
    _right(logits, targets, pos_weight, reduction)  # the argument checks
    mode = {"none": 0, "mean": 1, "sum": 2}[reduction]
    op = torch.ops.aten.binary_cross_entropy_with_logits.default
    return op(logits, targets.to(logits.dtype), None, pos_weight, mode)
