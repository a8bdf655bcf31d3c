"""Upcasts float16/bfloat16 logits to float32 for stability and returns the float32 loss."""

import torch

from solutions.label_smoothing.label_smoothing import *  # noqa: F403 - the rest is right
from solutions.label_smoothing.label_smoothing import label_smoothing_cross_entropy as _right

CAUGHT_BY = ["test_keeps_half_precision_dtype"]


def label_smoothing_cross_entropy(logits, target, smoothing=0.1, reduction="mean", ignore_index=-100):
    if isinstance(logits, torch.Tensor) and logits.dtype in (torch.float16, torch.bfloat16):
        logits = logits.float()
    return _right(logits, target, smoothing, reduction, ignore_index)
