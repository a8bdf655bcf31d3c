"""Converts integer logits to float instead of refusing them with a TypeError."""

import torch

from solutions.label_smoothing.label_smoothing import *  # noqa: F403 - the rest is right
from solutions.label_smoothing.label_smoothing import label_smoothing_cross_entropy as _right

CAUGHT_BY = ["test_loss_rejects_logits_and_targets_of_the_wrong_kind[integer logits]"]


def label_smoothing_cross_entropy(logits, target, smoothing=0.1, reduction="mean", ignore_index=-100):
    if isinstance(logits, torch.Tensor) and not logits.is_floating_point():
        logits = logits.to(torch.get_default_dtype())
    return _right(logits, target, smoothing, reduction, ignore_index)
