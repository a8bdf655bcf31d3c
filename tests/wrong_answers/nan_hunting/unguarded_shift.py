"""Max shift without a guard: a slice of all -inf gives -inf - (-inf) = NaN instead of -inf."""

from solutions.nan_hunting.nan_hunting import *
from solutions.nan_hunting.nan_hunting import _check_float

CAUGHT_BY = ["test_logsumexp_of_infinite_slices_matches_torch"]


def stable_logsumexp(x, dim):
    _check_float("x", x)
    m = x.detach().amax(dim=dim, keepdim=True)
    return ((x - m).exp().sum(dim=dim, keepdim=True).log() + m).squeeze(dim)
