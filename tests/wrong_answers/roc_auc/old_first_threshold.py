"""The first threshold is max(score) + 1, as scikit-learn did before 1.3, instead of inf."""

from solutions.roc_auc.roc_auc import *
from solutions.roc_auc.roc_auc import roc_curve as _right

CAUGHT_BY = ["test_roc_curve_matches_scikit_learn", "test_roc_curve_starts_at_infinity_and_the_origin"]


def roc_curve(y_true, y_score):
    fpr, tpr, thresholds = _right(y_true, y_score)
    thresholds[0] = thresholds[1] + 1
    return fpr, tpr, thresholds
