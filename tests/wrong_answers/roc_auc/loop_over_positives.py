"""Right values, but a loop over the positives comparing each with every negative: O(P * N)."""

from solutions.roc_auc.roc_auc import *
from solutions.roc_auc.roc_auc import _check_inputs

CAUGHT_BY = ["test_roc_auc_score_handles_800000_samples"]


def roc_auc_score(y_true, y_score):
    is_positive, scores = _check_inputs(y_true, y_score)
    negatives = scores[~is_positive]
    wins = 0.0
    for p in scores[is_positive]:
        wins += (negatives < p).sum() + 0.5 * (negatives == p).sum()
    return float(wins / (len(negatives) * int(is_positive.sum())))
