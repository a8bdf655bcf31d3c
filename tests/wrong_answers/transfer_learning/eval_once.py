"""Calls .eval() on the backbone's BatchNorm once: the next model.train() switches them back."""

from torch import nn

from solutions.transfer_learning.transfer_learning import *  # noqa: F403 - the rest is right
from solutions.transfer_learning.transfer_learning import _check_prefixes, _in_head

CAUGHT_BY = ["test_backbone_batchnorm_stays_frozen_after_model_train"]


def freeze_backbone(model, head_prefixes):
    prefixes = _check_prefixes(model, head_prefixes)
    frozen = 0
    for name, p in model.named_parameters():
        if not _in_head(name, prefixes) and p.requires_grad:
            p.requires_grad_(False)
            frozen += 1
    for name, m in model.named_modules():
        if name and not _in_head(name, prefixes) and isinstance(m, nn.modules.batchnorm._BatchNorm):
            m.eval()
    return frozen
