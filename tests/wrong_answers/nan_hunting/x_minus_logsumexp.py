"""log_softmax as x - logsumexp(x): finite, but in float32 two numbers near 1e4 cancel and the third decimal is lost."""

from solutions.nan_hunting.nan_hunting import *
from solutions.nan_hunting.nan_hunting import _check_float

CAUGHT_BY = [
    "test_log_softmax_is_finite_and_exact_for_logits_of_1e4[float32]",
    "test_stable_functions_are_written_by_hand",
]


def stable_log_softmax(x, dim=-1):
    _check_float("x", x)
    return x - stable_logsumexp(x, dim).unsqueeze(dim)
