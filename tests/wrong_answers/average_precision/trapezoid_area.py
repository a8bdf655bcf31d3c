"""average_precision as the trapezoidal area under the precision-recall curve (auc(recall, precision))."""

from solutions.average_precision.average_precision import *
from solutions.average_precision.average_precision import _check_labels_scores

CAUGHT_BY = [
    "test_average_precision_matches_scikit_learn",
    "test_average_precision_hand_worked",
    "test_average_precision_accepts_tied_scores_together",
]


def average_precision(y_true, y_score):
    is_positive, scores = _check_labels_scores(y_true, y_score)
    order = np.argsort(scores, kind="stable")[::-1]
    s = scores[order]
    ends = np.r_[np.flatnonzero(np.diff(s)), s.size - 1]
    tps = np.cumsum(is_positive[order])[ends]
    precision = np.r_[1.0, tps / (ends + 1)]
    recall = np.r_[0.0, tps / tps[-1]]
    return float(np.trapezoid(precision, recall))
