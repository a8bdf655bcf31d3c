"""Checks with isnan only: an inf (division by 0, overflow) goes unnoticed until it turns into NaN later."""

from solutions.nan_hunting import nan_hunting as _solution
from solutions.nan_hunting.nan_hunting import *

CAUGHT_BY = [
    "test_names_a_division_by_zero",
    "test_names_an_exp_that_overflows_float32",
    "test_names_a_float16_layer_that_overflows",
    "test_nonfinite_grads_lists_names_in_parameter_order",
]


def _has_nan(value):
    if isinstance(value, torch.Tensor):
        return value.is_floating_point() and bool(torch.isnan(value).any())
    if isinstance(value, dict):
        return any(_has_nan(v) for v in value.values())
    if isinstance(value, (tuple, list)):
        return any(_has_nan(v) for v in value)
    return False


def first_nonfinite_module(model, *inputs):
    saved = _solution._has_nonfinite
    _solution._has_nonfinite = _has_nan
    try:
        return _solution.first_nonfinite_module(model, *inputs)
    finally:
        _solution._has_nonfinite = saved


def nonfinite_grads(model):
    return [n for n, p in model.named_parameters() if p.grad is not None and bool(torch.isnan(p.grad).any())]
