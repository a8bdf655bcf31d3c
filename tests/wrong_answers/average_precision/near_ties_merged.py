"""average_precision treats scores closer than 1e-9 as one threshold, so two different scores are accepted together."""

import numpy as np

import solutions.average_precision.average_precision as _solution
from solutions.average_precision.average_precision import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_average_precision_scores_one_bit_apart_are_not_ties"]


def average_precision(y_true, y_score):
    s = np.asarray(y_score)
    if s.ndim == 1 and np.issubdtype(s.dtype, np.floating) and np.isfinite(s).all():
        order = np.argsort(s, kind="stable")
        sorted_s = s[order]
        starts = np.r_[True, np.diff(sorted_s) > 1e-9]
        snapped = np.empty_like(s)
        snapped[order] = sorted_s[np.maximum.accumulate(np.where(starts, np.arange(s.size), 0))]
        s = snapped
    return _solution.average_precision(y_true, s)
