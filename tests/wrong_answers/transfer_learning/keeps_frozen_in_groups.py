"""Puts every parameter in a group, frozen ones included (the optimizer then carries dead weight)."""

from solutions.transfer_learning import transfer_learning as _ref
from solutions.transfer_learning.transfer_learning import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_every_trainable_parameter_is_in_exactly_one_group_and_frozen_ones_in_none"]


def finetune_param_groups(model, head_prefixes, backbone_lr, head_lr, weight_decay):
    flags = [p.requires_grad for p in model.parameters()]
    for p in model.parameters():
        p.requires_grad_(True)
    try:
        return _ref.finetune_param_groups(model, head_prefixes, backbone_lr, head_lr, weight_decay)
    finally:
        for p, flag in zip(model.parameters(), flags, strict=True):
            p.requires_grad_(flag)
