"""Converts the scores to floats first: strings fail with NumPy's own ValueError instead of a TypeError naming y_score."""

import numpy as np

import solutions.roc_auc.roc_auc as _solution
from solutions.roc_auc.roc_auc import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_non_numeric_scores_raise_type_error"]


def roc_curve(y_true, y_score):
    return _solution.roc_curve(y_true, np.asarray(y_score, dtype=np.float64))


def roc_auc_score(y_true, y_score):
    return _solution.roc_auc_score(y_true, np.asarray(y_score, dtype=np.float64))
