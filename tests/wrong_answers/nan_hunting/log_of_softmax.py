"""log_softmax as log(softmax(x)): softmax underflows to exactly 0 at logits of 1e4, and log(0) is -inf."""

from solutions.nan_hunting.nan_hunting import *
from solutions.nan_hunting.nan_hunting import _check_float

CAUGHT_BY = ["test_log_softmax_is_finite_and_exact_for_logits_of_1e4", "test_log_softmax_gradients_match_functional"]


def stable_log_softmax(x, dim=-1):
    _check_float("x", x)
    shifted = x - x.detach().amax(dim=dim, keepdim=True)
    e = shifted.exp()
    return torch.log(e / e.sum(dim=dim, keepdim=True))
