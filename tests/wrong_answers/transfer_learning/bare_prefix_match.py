"""Matches head_prefixes with a bare startswith: 'head' also takes 'head2.weight'."""

from torch import nn

from solutions.transfer_learning.transfer_learning import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_freezes_exactly_the_parameters_outside_the_head"]


def freeze_backbone(model, head_prefixes):
    prefixes = tuple(head_prefixes)
    if not prefixes or not any(n.startswith(prefixes) for n, _ in model.named_parameters()):
        raise ValueError("head_prefixes: names no parameter")
    frozen = 0
    for name, p in model.named_parameters():
        if not name.startswith(prefixes) and p.requires_grad:
            p.requires_grad_(False)
            frozen += 1
    for name, m in model.named_modules():
        if name and not name.startswith(prefixes) and isinstance(m, nn.modules.batchnorm._BatchNorm):
            m.eval()
    return frozen
