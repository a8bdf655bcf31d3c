"""mAP 和 AUC 各自的优缺点

In English: The respective advantages and disadvantages of mAP and AUC.

Source: 000_1a4e42d0338c0b07.txt · 一面 (the question "mAP 和 AUC 各自的优缺点" came right after "ROC 和 AUC").

Write average precision three ways, in NumPy, and detection mAP on top of the last one:

* ``average_precision``: scikit-learn's ``average_precision_score`` for binary labels, the sum over the
  distinct score thresholds of ``(R_n - R_{n-1}) * P_n``: precision is not interpolated, and samples with
  equal scores are accepted together (only exactly equal scores: two scores that differ in their last bit
  are two thresholds).
* ``voc_ap``: the PASCAL VOC area under a precision–recall curve, either the 2007 11-point interpolation
  (the mean over ``t = 0, 0.1, ..., 1`` of the best precision at recall ``>= t``) or the all-point version
  (precision first replaced by its envelope, the best precision at any higher recall, then summed over
  the recall steps).
* ``detection_ap``: AP of one class of detections against ground-truth boxes, matched greedily: all
  detections, of all images, in descending score; each is compared with the ground truths of its own image
  that are still unmatched and takes the one it overlaps most when that IoU is ``>= iou_threshold`` (a true
  positive), else it is a false positive, so a second detection of an object already found is a false
  positive. Ground truths never detected still count in the recall.
* ``mean_ap``: the mean of ``detection_ap`` over the classes that have ground truth.

Boxes are ``(x1, y1, x2, y2)`` in continuous coordinates: the width is ``x2 - x1`` (no ``+ 1``, unlike the
VOC devkit); IoU of two boxes whose union is 0 is 0.

Unlike scikit-learn (which warns and returns 0), ``average_precision`` with no positive label is an error,
as is ``detection_ap`` without any ground-truth box: recall is undefined in both.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import numpy as np  # noqa: F401 - for your solution
from numpy.typing import ArrayLike


def average_precision(y_true: ArrayLike, y_score: ArrayLike) -> float:
    """Average precision of a ranking: ``sum_n (R_n - R_{n-1}) * P_n`` over the distinct score thresholds.

    Same as ``sklearn.metrics.average_precision_score`` for binary labels (no interpolation of precision).

    Args:
        y_true (array-like[N]): labels in ``{0, 1}`` (ints, floats or bools) with at least one ``1``.
        y_score (array-like[N]): real scores, higher meaning "more positive"; finite.

    Returns:
        float: the average precision, in ``(0, 1]``; 1.0 when every positive outscores every negative.

    Raises:
        ValueError: an argument is not 1-D, the lengths differ, a score is NaN or inf (either sign), a label
            is not 0 or 1, or there is no positive label. The message names the argument at fault
            (``y_true`` or ``y_score``; either one for different lengths).
        TypeError: ``y_score`` is not numeric (strings, for instance); the message names ``y_score``.

    Example:
        >>> average_precision([1, 0, 1, 1, 0], [0.9, 0.8, 0.7, 0.6, 0.5])
        0.8055555555555556
    """
    raise NotImplementedError


def voc_ap(recall: ArrayLike, precision: ArrayLike, use_07_metric: bool = False) -> float:
    """PASCAL VOC average precision of a precision–recall curve.

    Args:
        recall (array-like[K]): recall after each detection, in ``[0, 1]``, non-decreasing.
        precision (array-like[K]): precision after each detection, in ``[0, 1]``.
        use_07_metric (bool): ``True`` for the VOC2007 11-point AP, the mean over ``t = i / 10``,
            ``i = 0..10``, of the highest precision at recall ``>= t`` (0 when there is none); ``False``
            (default) for the all-point AP, the area under the precision envelope (each precision replaced
            by the highest precision at the same or higher recall), summed over the steps of recall.

    Returns:
        float: the AP in ``[0, 1]``; 0.0 for an empty curve.

    Raises:
        ValueError: the arguments are not 1-D of the same length, hold values outside ``[0, 1]``, or
            ``recall`` decreases somewhere; the message names the argument at fault (``recall`` or
            ``precision``; either one for different lengths).

    Example:
        >>> voc_ap([0.5, 1.0], [1.0, 0.5])
        0.75
        >>> voc_ap([0.5, 1.0], [1.0, 0.5], use_07_metric=True)
        0.7727272727272727
    """
    raise NotImplementedError


def detection_ap(
    detections: Iterable[tuple[Hashable, float, Any]],
    ground_truths: Mapping[Hashable, Any],
    iou_threshold: float = 0.5,
    use_07_metric: bool = False,
) -> float:
    """AP of one class of detections: greedy matching in descending score across all images, then ``voc_ap``.

    Args:
        detections (iterable of (image_id, score, box)): every detection of the class; ``box`` is 4 numbers
            ``(x1, y1, x2, y2)`` (a sequence, array or tensor). Equal scores keep their input order.
        ground_truths (mapping image_id -> boxes): ground-truth boxes per image, ``[K, 4]`` (nested
            sequences, array or tensor; ``K`` may be 0). An image absent from it has no ground truth, so its
            detections are false positives.
        iou_threshold (float): a detection is a true positive when its IoU with the best still unmatched
            ground truth of its image (the first on ties) is ``>= iou_threshold``; in ``(0, 1]``.
        use_07_metric (bool): passed to :func:`voc_ap` (VOC2007 11-point AP when ``True``).

    Returns:
        float: the AP in ``[0, 1]``; 0.0 when there are no detections. Recall is taken over all ground
        truths, detected or not.

    Raises:
        ValueError: no ground-truth box at all, a box (of a detection or a ground truth) is not 4 numbers
            with ``x1 <= x2`` and ``y1 <= y2``, a score is not finite, or ``iou_threshold`` is outside
            ``(0, 1]``. The message names the argument at fault: ``detections`` (with the index),
            ``ground_truths`` (with the image) or ``iou_threshold``.

    Example:
        >>> gts = {"a": [[0, 0, 10, 10]], "b": [[0, 0, 10, 10]]}
        >>> dets = [("a", 0.9, [0, 0, 10, 10]), ("a", 0.8, [1, 1, 10, 10]), ("b", 0.7, [0, 0, 9, 10])]
        >>> round(detection_ap(dets, gts), 4)  # TP, duplicate (FP), TP
        0.8333
    """
    raise NotImplementedError


def mean_ap(
    detections: Mapping[Hashable, Iterable[tuple[Hashable, float, Any]]],
    ground_truths: Mapping[Hashable, Mapping[Hashable, Any]],
    iou_threshold: float = 0.5,
    use_07_metric: bool = False,
) -> float:
    """Mean of :func:`detection_ap` over the classes that have at least one ground-truth box.

    Args:
        detections (mapping class -> iterable of (image_id, score, box)): detections per class; a class
            may be missing (no detections: its AP is 0 if it has ground truth).
        ground_truths (mapping class -> mapping image_id -> boxes): ground truths per class and image.
            Classes without any box are left out of the mean, as are classes that only have detections.
        iou_threshold (float): as in :func:`detection_ap`.
        use_07_metric (bool): as in :func:`detection_ap`.

    Returns:
        float: the mean AP over the classes with ground truth.

    Raises:
        ValueError: no class has a ground-truth box (the message names ``ground_truths``), or
            :func:`detection_ap` rejects a class's input.

    Example:
        >>> gts = {"cat": {"a": [[0, 0, 10, 10]]}, "dog": {"a": [[20, 20, 30, 30]]}, "cow": {}}
        >>> dets = {"cat": [("a", 0.9, [0, 0, 10, 10])], "cow": [("a", 0.5, [0, 0, 5, 5])]}
        >>> mean_ap(dets, gts)  # cat 1.0, dog 0.0 (never detected); cow has no ground truth
        0.5
    """
    raise NotImplementedError
