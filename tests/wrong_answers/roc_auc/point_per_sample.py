"""One curve point per sample, not per distinct score: ties are split, and the AUC follows the sort order."""

from solutions.roc_auc.roc_auc import *
from solutions.roc_auc.roc_auc import _check_inputs

CAUGHT_BY = [
    "test_roc_curve_matches_scikit_learn[tied scores]",
    "test_roc_curve_hand_worked_with_a_tie",
    "test_roc_curve_thresholds_are_the_distinct_scores_in_decreasing_order",
    "test_roc_auc_score_counts_tied_pairs_as_one_half",
]


def roc_curve(y_true, y_score):
    is_positive, scores = _check_inputs(y_true, y_score)
    order = np.argsort(-scores, kind="stable")
    tps = np.cumsum(is_positive[order])
    fps = np.arange(1, len(scores) + 1) - tps
    return np.r_[0, fps] / fps[-1], np.r_[0, tps] / tps[-1], np.r_[np.inf, scores[order]]


def roc_auc_score(y_true, y_score):
    fpr, tpr, _ = roc_curve(y_true, y_score)
    return float(np.trapezoid(tpr, fpr))
