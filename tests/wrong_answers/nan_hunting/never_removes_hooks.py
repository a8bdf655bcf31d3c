"""Registers a forward hook on every module and never removes them: they fire on every later forward pass."""

from solutions.nan_hunting.nan_hunting import *
from solutions.nan_hunting.nan_hunting import _has_nonfinite

CAUGHT_BY = ["test_removes_its_hooks_and_keeps_the_models_own", "test_removes_its_hooks_when_the_forward_raises"]


def first_nonfinite_module(model, *inputs):
    if not isinstance(model, nn.Module):
        raise TypeError("model: expected a torch.nn.Module")
    found = []
    containers = []

    def make_hook(name, is_leaf):
        def hook(module, args, output):
            target = found if is_leaf else containers
            if not target and _has_nonfinite(output):
                target.append(name)

        return hook

    for n, m in model.named_modules():
        m.register_forward_hook(make_hook(n, next(m.children(), None) is None))
    with torch.no_grad():
        model(*inputs)
    return found[0] if found else (containers[0] if containers else None)
