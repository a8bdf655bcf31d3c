"""Decides "no decay" from the parameter's name ('bias', 'bn', 'norm'): misses norm layers with plain names."""

from solutions.transfer_learning.transfer_learning import *  # noqa: F403 - the rest is right
from solutions.transfer_learning.transfer_learning import _check_prefixes, _in_head

CAUGHT_BY = ["test_norm_weights_get_no_decay_whatever_their_names", "test_groups_split_backbone_and_head_by_decay"]


def finetune_param_groups(model, head_prefixes, backbone_lr, head_lr, weight_decay):
    prefixes = _check_prefixes(model, head_prefixes)
    buckets = {"backbone/decay": [], "backbone/no_decay": [], "head/decay": [], "head/no_decay": []}
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        part = "head" if _in_head(name, prefixes) else "backbone"
        no_decay = name.endswith("bias") or "bn" in name or "norm" in name
        buckets[f"{part}/{'no_decay' if no_decay else 'decay'}"].append(p)
    return [
        {
            "params": ps,
            "lr": head_lr if k.startswith("head") else backbone_lr,
            "weight_decay": 0.0 if "no_decay" in k else weight_decay,
            "name": k,
        }
        for k, ps in buckets.items()
        if ps
    ]
