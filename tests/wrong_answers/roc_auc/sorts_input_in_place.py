"""Sorts the caller's arrays in place (`y_score[::-1].sort()`-style shortcuts): the inputs come back reordered."""

from solutions.roc_auc.roc_auc import *
from solutions.roc_auc.roc_auc import roc_auc_score as _right_auc
from solutions.roc_auc.roc_auc import roc_curve as _right_curve

CAUGHT_BY = ["test_leaves_inputs_unchanged"]


def _sort_in_place(y_true, y_score):
    if isinstance(y_true, np.ndarray) and isinstance(y_score, np.ndarray) and y_true.shape == y_score.shape:
        order = np.argsort(-y_score, kind="stable")
        y_true[:] = y_true[order]
        y_score[:] = y_score[order]


def roc_curve(y_true, y_score):
    result = _right_curve(y_true, y_score)
    _sort_in_place(y_true, y_score)
    return result


def roc_auc_score(y_true, y_score):
    result = _right_auc(y_true, y_score)
    _sort_in_place(y_true, y_score)
    return result
