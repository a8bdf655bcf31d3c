"""logsumexp as log(sum(exp(x))) without the max shift: exp(1e4) overflows to inf."""

from solutions.nan_hunting.nan_hunting import *
from solutions.nan_hunting.nan_hunting import _check_float

CAUGHT_BY = [
    "test_logsumexp_is_finite_and_exact_for_logits_of_1e4",
    "test_log_softmax_is_finite_and_exact_for_logits_of_1e4",
    "test_logsumexp_gradients_match_torch",
    "test_log_softmax_gradients_match_functional",
]


def stable_logsumexp(x, dim):
    _check_float("x", x)
    return x.exp().sum(dim=dim).log()


def stable_log_softmax(x, dim=-1):
    _check_float("x", x)
    return x - x.exp().sum(dim=dim, keepdim=True).log()
