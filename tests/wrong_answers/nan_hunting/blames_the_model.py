"""When no leaf's output is non-finite, always answers "" (the model) instead of the first container to return."""

from solutions.nan_hunting.nan_hunting import *  # noqa: F403 - the rest is right
from solutions.nan_hunting.nan_hunting import _has_nonfinite

CAUGHT_BY = ["test_names_the_innermost_container_when_no_leaf_output_is_nonfinite"]


def first_nonfinite_module(model, *inputs):
    if not isinstance(model, nn.Module):
        raise TypeError("model: expected a torch.nn.Module")
    leaf = []

    def make_hook(name):
        def hook(module, args, output):
            if not leaf and _has_nonfinite(output):
                leaf.append(name)

        return hook

    handles = [
        m.register_forward_hook(make_hook(n)) for n, m in model.named_modules() if next(m.children(), None) is None
    ]
    try:
        with torch.no_grad():
            out = model(*inputs)
    finally:
        for h in handles:
            h.remove()
    if leaf:
        return leaf[0]
    return "" if _has_nonfinite(out) else None
