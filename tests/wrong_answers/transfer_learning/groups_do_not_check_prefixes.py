"""finetune_param_groups never checks head_prefixes: a prefix that names nothing silently gives no head groups."""

from solutions.transfer_learning.transfer_learning import *  # noqa: F403 - the rest is right
from solutions.transfer_learning.transfer_learning import _NORMS, _in_head

CAUGHT_BY = ["test_groups_reject_head_prefixes_that_name_no_parameter"]


def finetune_param_groups(model, head_prefixes, backbone_lr, head_lr, weight_decay):
    prefixes = (head_prefixes,) if isinstance(head_prefixes, str) else tuple(head_prefixes)
    norm_params = {id(p) for m in model.modules() if isinstance(m, _NORMS) for p in m.parameters(recurse=False)}
    buckets = {"backbone/decay": [], "backbone/no_decay": [], "head/decay": [], "head/no_decay": []}
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        part = "head" if _in_head(name, prefixes) else "backbone"
        no_decay = name.endswith("bias") or id(param) in norm_params
        buckets[f"{part}/{'no_decay' if no_decay else 'decay'}"].append(param)
    return [
        {
            "params": params,
            "lr": head_lr if key.startswith("head") else backbone_lr,
            "weight_decay": 0.0 if "no_decay" in key else weight_decay,
            "name": key,
        }
        for key, params in buckets.items()
        if params
    ]
