"""Puts the model in eval mode for the check (and leaves it there), instead of running it in its own mode."""

from solutions.nan_hunting.nan_hunting import *  # noqa: F403 - the rest is right
from solutions.nan_hunting.nan_hunting import first_nonfinite_module as _right

CAUGHT_BY = ["test_runs_the_model_once_in_the_mode_it_is_in[train]"]


def first_nonfinite_module(model, *inputs):
    if isinstance(model, nn.Module):
        model.eval()
    return _right(model, *inputs)
