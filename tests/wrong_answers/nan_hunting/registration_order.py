"""Collects every module with a non-finite output, then answers in named_modules (registration) order."""

from solutions.nan_hunting.nan_hunting import *
from solutions.nan_hunting.nan_hunting import _has_nonfinite

CAUGHT_BY = ["test_follows_execution_order_not_registration_order"]


def first_nonfinite_module(model, *inputs):
    if not isinstance(model, nn.Module):
        raise TypeError("model: expected a torch.nn.Module")
    bad = set()

    def make_hook(name):
        def hook(module, args, output):
            if _has_nonfinite(output):
                bad.add(name)

        return hook

    handles = []
    try:
        for n, m in model.named_modules():
            handles.append(m.register_forward_hook(make_hook(n)))
        with torch.no_grad():
            model(*inputs)
    finally:
        for h in handles:
            h.remove()
    modules = dict(model.named_modules())
    leaves = [n for n in modules if n in bad and next(modules[n].children(), None) is None]
    containers = [n for n in modules if n in bad and n not in leaves]
    return leaves[0] if leaves else (containers[-1] if containers else None)
