"""Lists each group's parameters sorted by name ("layer1" before "stem") instead of in named_parameters order."""

from solutions.transfer_learning import transfer_learning as _ref
from solutions.transfer_learning.transfer_learning import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_group_params_are_lists_in_named_parameters_order"]


def finetune_param_groups(model, head_prefixes, backbone_lr, head_lr, weight_decay):
    names = {id(p): n for n, p in model.named_parameters()}
    groups = _ref.finetune_param_groups(model, head_prefixes, backbone_lr, head_lr, weight_decay)
    for g in groups:
        g["params"] = sorted(g["params"], key=lambda p: names[id(p)])
    return groups
