"""Runs the model without torch.no_grad(): the forward builds an autograd graph nobody asked for."""

from solutions.nan_hunting.nan_hunting import *  # noqa: F403 - the rest is right
from solutions.nan_hunting.nan_hunting import _has_nonfinite

CAUGHT_BY = ["test_runs_the_model_under_no_grad"]


def first_nonfinite_module(model, *inputs):
    if not isinstance(model, nn.Module):
        raise TypeError("model: expected a torch.nn.Module")
    leaf, container = [], []

    def make_hook(name, is_leaf):
        def hook(module, args, output):
            found = leaf if is_leaf else container
            if not found and _has_nonfinite(output):
                found.append(name)

        return hook

    handles = [
        m.register_forward_hook(make_hook(n, next(m.children(), None) is None)) for n, m in model.named_modules()
    ]
    try:
        model(*inputs)
    finally:
        for h in handles:
            h.remove()
    return leaf[0] if leaf else (container[0] if container else None)
