"""Iterates head_prefixes as given: the single string "head" becomes the prefixes "h", "e", "a", "d"."""

from solutions.transfer_learning import transfer_learning as _ref
from solutions.transfer_learning.transfer_learning import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_a_single_string_is_one_head_name"]


def freeze_backbone(model, head_prefixes):
    return _ref.freeze_backbone(model, list(head_prefixes))


def finetune_param_groups(model, head_prefixes, backbone_lr, head_lr, weight_decay):
    return _ref.finetune_param_groups(model, list(head_prefixes), backbone_lr, head_lr, weight_decay)
