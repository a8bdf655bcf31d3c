"""Flattens whatever comes in, so a column of shape [N, 1] is taken as N labels or scores instead of being refused."""

import numpy as np

import solutions.roc_auc.roc_auc as _solution
from solutions.roc_auc.roc_auc import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_two_dimensional_inputs_raise"]


def roc_curve(y_true, y_score):
    return _solution.roc_curve(np.ravel(y_true), np.ravel(y_score))


def roc_auc_score(y_true, y_score):
    return _solution.roc_auc_score(np.ravel(y_true), np.ravel(y_score))
