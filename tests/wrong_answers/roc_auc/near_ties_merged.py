"""Treats scores closer than 1e-9 as tied, so two different scores become one threshold and their pairs count one half."""

import numpy as np

import solutions.roc_auc.roc_auc as _solution
from solutions.roc_auc.roc_auc import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_scores_one_bit_apart_are_not_ties"]


def _snapped(y_score):
    # Round each score to the start of its run of nearly equal neighbours, then use the exact solution.
    s = np.asarray(y_score)
    if s.ndim != 1 or not np.issubdtype(s.dtype, np.floating) or not np.isfinite(s).all():
        return y_score
    order = np.argsort(s, kind="stable")
    sorted_s = s[order]
    starts = np.r_[True, np.diff(sorted_s) > 1e-9]
    snapped = np.empty_like(s)
    snapped[order] = sorted_s[np.maximum.accumulate(np.where(starts, np.arange(s.size), 0))]
    return snapped


def roc_curve(y_true, y_score):
    return _solution.roc_curve(y_true, _snapped(y_score))


def roc_auc_score(y_true, y_score):
    return _solution.roc_auc_score(y_true, _snapped(y_score))
