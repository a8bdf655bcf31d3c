"""Freezes the parameters but leaves BatchNorm in training mode: its running statistics keep moving."""

from solutions.transfer_learning.transfer_learning import *  # noqa: F403 - the rest is right
from solutions.transfer_learning.transfer_learning import _check_prefixes, _in_head

CAUGHT_BY = [
    "test_backbone_batchnorm_is_in_eval_mode_and_head_batchnorm_is_not",
    "test_backbone_batchnorm_stays_frozen_after_model_train",
]


def freeze_backbone(model, head_prefixes):
    prefixes = _check_prefixes(model, head_prefixes)
    frozen = 0
    for name, p in model.named_parameters():
        if not _in_head(name, prefixes) and p.requires_grad:
            p.requires_grad_(False)
            frozen += 1
    return frozen
