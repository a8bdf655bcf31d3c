"""Cleans up with module._forward_hooks.clear(): its own hooks go, and so do the model's own hooks."""

from solutions.nan_hunting.nan_hunting import *
from solutions.nan_hunting.nan_hunting import _has_nonfinite

CAUGHT_BY = ["test_removes_its_hooks_and_keeps_the_models_own"]


def first_nonfinite_module(model, *inputs):
    if not isinstance(model, nn.Module):
        raise TypeError("model: expected a torch.nn.Module")
    found = []
    leaves = []

    def make_hook(name, is_leaf):
        def hook(module, args, output):
            target = found if is_leaf else leaves
            if not target and _has_nonfinite(output):
                target.append(name)

        return hook

    try:
        for n, m in model.named_modules():
            m.register_forward_hook(make_hook(n, next(m.children(), None) is None))
        with torch.no_grad():
            model(*inputs)
    finally:
        for m in model.modules():
            m._forward_hooks.clear()
    return found[0] if found else (leaves[0] if leaves else None)
