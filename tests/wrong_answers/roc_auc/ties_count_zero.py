"""AUC without ties: counts only pairs where the positive scores strictly higher (a tie counts 0, not 1/2)."""

from solutions.roc_auc.roc_auc import *
from solutions.roc_auc.roc_auc import _check_inputs

CAUGHT_BY = [
    "test_roc_auc_score_counts_tied_pairs_as_one_half",
    "test_roc_auc_score_matches_scikit_learn[tied scores]",
    "test_roc_auc_score_equals_pairwise_mann_whitney[scores with one decimal]",
]


def roc_auc_score(y_true, y_score):
    is_positive, scores = _check_inputs(y_true, y_score)
    negatives = np.sort(scores[~is_positive])
    below = np.searchsorted(negatives, scores[is_positive], side="left")  # negatives strictly lower
    return float(below.sum()) / (len(negatives) * int(is_positive.sum()))
