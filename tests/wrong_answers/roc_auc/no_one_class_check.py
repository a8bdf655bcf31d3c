"""No check that both classes are present: one class gives NaN rates and a NaN area instead of an error."""

from solutions.roc_auc.roc_auc import *

CAUGHT_BY = ["test_one_class_only_raises[roc_curve]", "test_one_class_only_raises[roc_auc_score]"]


def _check(y_true, y_score):
    y = np.asarray(y_true)
    s = np.asarray(y_score, dtype=np.float64)
    if y.ndim != 1 or s.shape != y.shape:
        raise ValueError("y_score: expected as many scores as labels")
    if not np.isfinite(s).all():
        raise ValueError("y_score: expected finite scores")
    if not ((y == 0) | (y == 1)).all():
        raise ValueError("y_true: expected labels in {0, 1}")
    return y == 1, s


def roc_curve(y_true, y_score):
    is_positive, scores = _check(y_true, y_score)
    order = np.argsort(scores, kind="stable")[::-1]
    s, p = scores[order], is_positive[order]
    ends = np.r_[np.flatnonzero(np.diff(s)), s.size - 1]
    tps = np.cumsum(p)[ends].astype(np.float64)
    fps = ends + 1 - tps
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.r_[0, fps] / fps[-1], np.r_[0, tps] / tps[-1], np.r_[np.inf, s[ends]]


def roc_auc_score(y_true, y_score):
    fpr, tpr, _ = roc_curve(y_true, y_score)
    return float(np.trapezoid(tpr, fpr))
