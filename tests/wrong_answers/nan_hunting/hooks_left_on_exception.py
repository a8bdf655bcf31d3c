"""Removes its hooks after a normal forward only: no try/finally, so an exception leaves every hook behind."""

from solutions.nan_hunting.nan_hunting import *
from solutions.nan_hunting.nan_hunting import _has_nonfinite

CAUGHT_BY = ["test_removes_its_hooks_when_the_forward_raises"]


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

    handles = [
        m.register_forward_hook(make_hook(n, next(m.children(), None) is None)) for n, m in model.named_modules()
    ]
    with torch.no_grad():
        model(*inputs)
    for h in handles:
        h.remove()
    return found[0] if found else (leaves[0] if leaves else None)
