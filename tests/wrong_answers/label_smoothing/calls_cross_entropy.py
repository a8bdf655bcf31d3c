"""Right values, but calls F.cross_entropy, which the exercise asks to write by hand."""

import torch.nn.functional as F

from solutions.label_smoothing.label_smoothing import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_computes_the_loss_without_calling_cross_entropy"]


def label_smoothing_cross_entropy(logits, target, smoothing=0.1, reduction="mean", ignore_index=-100):
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(f"reduction: expected none, mean or sum, got {reduction!r}")
    return F.cross_entropy(logits, target, label_smoothing=smoothing, ignore_index=ignore_index, reduction=reduction)
