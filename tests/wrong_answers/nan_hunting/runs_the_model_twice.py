"""Runs the model once to see whether its output is finite, then a second time with the hooks."""

from solutions.nan_hunting.nan_hunting import *  # noqa: F403 - the rest is right
from solutions.nan_hunting.nan_hunting import _has_nonfinite
from solutions.nan_hunting.nan_hunting import first_nonfinite_module as _right

CAUGHT_BY = ["test_runs_the_model_once_in_the_mode_it_is_in"]


def first_nonfinite_module(model, *inputs):
    if isinstance(model, nn.Module):
        with torch.no_grad():
            if not _has_nonfinite(model(*inputs)):
                return None
    return _right(model, *inputs)
