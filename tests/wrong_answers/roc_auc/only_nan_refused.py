"""Refuses NaN scores but lets an infinite score through."""

import numpy as np

import solutions.roc_auc.roc_auc as _solution
from solutions.roc_auc.roc_auc import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_infinite_scores_raise"]


def _finite_stand_in(y_score):
    s = np.asarray(y_score)
    if s.ndim == 1 and np.issubdtype(s.dtype, np.floating) and np.isinf(s).any():
        s = s.astype(np.float64)  # a copy: the caller's array stays as it was
        s[np.isposinf(s)] = np.finfo(np.float64).max
        s[np.isneginf(s)] = -np.finfo(np.float64).max
    return s


def roc_curve(y_true, y_score):
    fpr, tpr, thresholds = _solution.roc_curve(y_true, _finite_stand_in(y_score))
    thresholds[1:][np.abs(thresholds[1:]) == np.finfo(np.float64).max] *= np.inf
    return fpr, tpr, thresholds


def roc_auc_score(y_true, y_score):
    return _solution.roc_auc_score(y_true, _finite_stand_in(y_score))
