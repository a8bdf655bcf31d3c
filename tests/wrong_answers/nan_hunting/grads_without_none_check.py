"""nonfinite_grads checks the parameters' values instead of their .grad (which may also be None)."""

from solutions.nan_hunting.nan_hunting import *

CAUGHT_BY = [
    "test_nonfinite_grads_lists_names_in_parameter_order",
    "test_nonfinite_grads_after_a_real_backward",
]


def nonfinite_grads(model):
    if not isinstance(model, nn.Module):
        raise TypeError("model: expected a torch.nn.Module")
    return [n for n, p in model.named_parameters() if not bool(torch.isfinite(p).all())]
