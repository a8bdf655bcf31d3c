"""ROC 和 AUC

In English: ROC and AUC.

Source: 000_1a4e42d0338c0b07.txt · 一面 (asked together with "mAP 和 AUC 各自的优缺点").

Write the ROC curve of a binary classifier's scores and the area under it, in NumPy, with the same results
as scikit-learn's ``roc_curve(y_true, y_score, drop_intermediate=False)`` and ``roc_auc_score``.

The curve has one point per distinct score, swept from the highest score down, plus the point ``(0, 0)``
for the threshold ``inf`` that accepts nothing (scikit-learn >= 1.3 also starts at ``inf``; older releases
used ``max(score) + 1``). Samples with equal scores are accepted or rejected together, so a tie between a
positive and a negative is a diagonal segment of the curve, and the AUC counts it as half a correctly
ordered pair: the AUC is the Mann–Whitney probability that a random positive scores above a random
negative, ties counting one half. Only exactly equal scores tie: two scores that differ in their last
bit are two thresholds. Sort once: 200,000 samples must take well under a second.

Unlike scikit-learn (which warns and returns NaN), a ``y_true`` with only one class is an error: neither
the curve nor its area is defined without both positives and negatives.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike


def roc_curve(y_true: ArrayLike, y_score: ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Receiver operating characteristic: false and true positive rates at every distinct threshold.

    Same as ``sklearn.metrics.roc_curve(y_true, y_score, drop_intermediate=False)``.

    Args:
        y_true (array-like[N]): labels in ``{0, 1}`` (ints, floats or bools), both classes present.
        y_score (array-like[N]): real scores, higher meaning "more positive"; finite.

    Returns:
        tuple[ndarray[K + 1] float64, ndarray[K + 1] float64, ndarray[K + 1] float64]: ``(fpr, tpr,
        thresholds)`` where ``K`` is the number of distinct scores. ``thresholds`` is ``inf`` followed by
        the distinct scores in decreasing order; ``fpr[i]`` and ``tpr[i]`` are the rates of
        ``score >= thresholds[i]``, so both start at 0 and end at 1 and never decrease.

    Raises:
        ValueError: an argument is not 1-D, the lengths differ, a score is NaN or inf (either sign), a label
            is not 0 or 1, or ``y_true`` holds one class only. The message names the argument at fault
            (``y_true`` or ``y_score``; either one for different lengths).
        TypeError: ``y_score`` is not numeric (strings, for instance); the message names ``y_score``.

    Example:
        >>> fpr, tpr, thresholds = roc_curve([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.8])
        >>> fpr.tolist(), tpr.tolist(), thresholds.tolist()
        ([0.0, 0.0, 0.5, 1.0], [0.0, 0.5, 1.0, 1.0], [inf, 0.8, 0.5, 0.2])
    """
    raise NotImplementedError


def roc_auc_score(y_true: ArrayLike, y_score: ArrayLike) -> float:
    """Area under the ROC curve: the chance that a random positive outscores a random negative.

    Same as ``sklearn.metrics.roc_auc_score`` for binary labels. Tied positive–negative pairs count one
    half (the Mann–Whitney U statistic divided by ``P * N``). Runs in O(N log N).

    Args:
        y_true (array-like[N]): labels in ``{0, 1}`` (ints, floats or bools), both classes present.
        y_score (array-like[N]): real scores, higher meaning "more positive"; finite.

    Returns:
        float: the area, in ``[0, 1]``; 1.0 when every positive outscores every negative, 0.0 for the
        reverse, 0.5 when all scores are equal.

    Raises:
        ValueError: an argument is not 1-D, the lengths differ, a score is NaN or inf (either sign), a label
            is not 0 or 1, or ``y_true`` holds one class only. The message names the argument at fault
            (``y_true`` or ``y_score``; either one for different lengths).
        TypeError: ``y_score`` is not numeric (strings, for instance); the message names ``y_score``.

    Example:
        >>> roc_auc_score([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.8])
        0.875
    """
    raise NotImplementedError
