"""Looks inside tensor and tuple outputs only: a NaN in a dict or list returned by a layer goes unseen."""

import torch

from solutions.nan_hunting.nan_hunting import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_looks_inside_dict_and_list_outputs"]


def _bad(output):
    if isinstance(output, torch.Tensor):
        return not bool(torch.isfinite(output).all())
    if isinstance(output, tuple):
        return any(_bad(o) for o in output)
    return False


def first_nonfinite_module(model, *inputs):
    if not isinstance(model, nn.Module):
        raise TypeError("model: expected a torch.nn.Module")
    leaf, container = [], []

    def make_hook(name, is_leaf):
        def hook(module, args, output):
            found = leaf if is_leaf else container
            if not found and _bad(output):
                found.append(name)

        return hook

    handles = [
        m.register_forward_hook(make_hook(n, next(m.children(), None) is None)) for n, m in model.named_modules()
    ]
    try:
        with torch.no_grad():
            model(*inputs)
    finally:
        for h in handles:
            h.remove()
    return leaf[0] if leaf else (container[0] if container else None)
