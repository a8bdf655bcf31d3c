"""Wraps dim with dim % x.dim(), so a dim out of range silently reduces another axis instead of raising."""

from solutions.nan_hunting.nan_hunting import *  # noqa: F403 - the rest is right
from solutions.nan_hunting.nan_hunting import stable_log_softmax as _right_lsm
from solutions.nan_hunting.nan_hunting import stable_logsumexp as _right_lse

CAUGHT_BY = ["test_stable_functions_reject_a_dim_out_of_range"]


def stable_logsumexp(x, dim):
    return _right_lse(x, dim % x.dim() if hasattr(x, "dim") else dim)


def stable_log_softmax(x, dim=-1):
    return _right_lsm(x, dim % x.dim() if hasattr(x, "dim") else dim)
