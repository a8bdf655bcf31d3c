"""average_precision with one threshold per sample: tied scores are split, in whatever order the sort left them."""

from solutions.average_precision.average_precision import *
from solutions.average_precision.average_precision import _check_labels_scores

CAUGHT_BY = [
    "test_average_precision_matches_scikit_learn[tied scores]",
    "test_average_precision_accepts_tied_scores_together",
]


def average_precision(y_true, y_score):
    is_positive, scores = _check_labels_scores(y_true, y_score)
    order = np.argsort(-scores, kind="stable")
    tps = np.cumsum(is_positive[order])
    precision = tps / np.arange(1, len(scores) + 1)
    recall = tps / tps[-1]
    return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))
