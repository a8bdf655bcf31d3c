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

import numpy as np
from numpy.typing import ArrayLike


def _check_labels_scores(y_true: ArrayLike, y_score: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    labels = np.asarray(y_true)
    scores = np.asarray(y_score)
    if labels.ndim != 1:
        raise ValueError(f"y_true: expected a 1-D array, got shape {labels.shape}")
    if scores.ndim != 1 or scores.shape != labels.shape:
        raise ValueError(f"y_score: expected a 1-D array of {labels.shape[0]} scores, got shape {scores.shape}")
    if not (np.issubdtype(scores.dtype, np.number) or scores.dtype == np.bool_) or np.iscomplexobj(scores):
        raise TypeError(f"y_score: expected real numbers, got dtype {scores.dtype}")
    scores = scores.astype(np.float64)
    if not np.isfinite(scores).all():
        raise ValueError("y_score: expected finite scores, got NaN or inf")
    if not (np.issubdtype(labels.dtype, np.number) or labels.dtype == np.bool_):
        raise ValueError(f"y_true: expected labels in {{0, 1}}, got dtype {labels.dtype}")
    is_positive = labels == 1
    if not (is_positive | (labels == 0)).all():
        others = np.unique(labels[~(is_positive | (labels == 0))])[:5].tolist()
        raise ValueError(f"y_true: expected labels in {{0, 1}}, got also {others}")
    if not is_positive.any():
        raise ValueError("y_true: expected at least one positive label, got none (recall is undefined)")
    return is_positive, scores


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
    is_positive, scores = _check_labels_scores(y_true, y_score)
    order = np.argsort(scores, kind="stable")[::-1]
    sorted_scores = scores[order]
    # Tied scores are one threshold: only the last position of each run of ties gives a point.
    ends = np.r_[np.flatnonzero(np.diff(sorted_scores)), sorted_scores.size - 1]
    tps = np.cumsum(is_positive[order], dtype=np.int64)[ends]
    precision = tps / (ends + 1)
    recall = tps / tps[-1]
    return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))


def _as_curve(name: str, values: ArrayLike) -> np.ndarray:
    array = np.asarray(values, dtype=np.float64)
    if array.ndim != 1:
        raise ValueError(f"{name}: expected a 1-D array, got shape {array.shape}")
    if not np.isfinite(array).all() or (array < 0).any() or (array > 1).any():
        raise ValueError(f"{name}: expected values in [0, 1], got min {array.min()}, max {array.max()}")
    return array


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
    rec = _as_curve("recall", recall)
    prec = _as_curve("precision", precision)
    if rec.shape != prec.shape:
        raise ValueError(f"precision: expected as many values as recall ({rec.size}), got {prec.size}")
    if (np.diff(rec) < 0).any():
        raise ValueError("recall: expected non-decreasing values (recall after each detection in score order)")
    if use_07_metric:
        total = 0.0
        # i / 10 rather than np.arange(0, 1.1, 0.1): arange's 0.30000000000000004 would miss a recall of 0.3.
        for i in range(11):
            reached = prec[rec >= i / 10]
            total += reached.max() if reached.size else 0.0
        return float(total / 11)
    # Sentinels: the curve starts at recall 0 and ends at recall 1 with precision 0.
    mrec = np.r_[0.0, rec, 1.0]
    mpre = np.r_[0.0, prec, 0.0]
    # The envelope: a running maximum from the right, so precision never rises with recall.
    mpre = np.maximum.accumulate(mpre[::-1])[::-1]
    steps = np.flatnonzero(mrec[1:] != mrec[:-1])
    return float(np.sum((mrec[steps + 1] - mrec[steps]) * mpre[steps + 1]))


def _as_boxes(name: str, boxes: Any, single: bool = False) -> np.ndarray:
    try:
        array = np.asarray(boxes, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: expected boxes (x1, y1, x2, y2), got {type(boxes).__name__}") from None
    if single:
        if array.shape != (4,):
            raise ValueError(f"{name}: expected 4 numbers (x1, y1, x2, y2), got shape {array.shape}")
        array = array[None]
    elif array.size == 0:
        return array.reshape(0, 4)
    elif array.ndim != 2 or array.shape[1] != 4:
        raise ValueError(f"{name}: expected boxes of shape [K, 4] (x1, y1, x2, y2), got shape {array.shape}")
    if not np.isfinite(array).all() or ((array[:, 2] < array[:, 0]) | (array[:, 3] < array[:, 1])).any():
        raise ValueError(f"{name}: expected finite boxes with x1 <= x2 and y1 <= y2")
    return array


def _iou_one_to_many(box: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    wh = np.clip(np.minimum(box[2:], boxes[:, 2:]) - np.maximum(box[:2], boxes[:, :2]), 0.0, None)
    inter = wh[:, 0] * wh[:, 1]
    union = (box[2] - box[0]) * (box[3] - box[1]) + (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1]) - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)


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
    if not 0.0 < float(iou_threshold) <= 1.0:
        raise ValueError(f"iou_threshold: expected a number in (0, 1], got {iou_threshold}")
    if not isinstance(ground_truths, Mapping):
        raise TypeError(f"ground_truths: expected a mapping image_id -> boxes, got {type(ground_truths).__name__}")
    gt_boxes = {image: _as_boxes(f"ground_truths[{image!r}]", boxes) for image, boxes in ground_truths.items()}
    n_gt = sum(len(b) for b in gt_boxes.values())
    if n_gt == 0:
        raise ValueError("ground_truths: expected at least one ground-truth box, got none (recall is undefined)")
    parsed = []
    for i, det in enumerate(detections):
        try:
            image, score, box = det
        except (TypeError, ValueError):
            raise ValueError(f"detections[{i}]: expected (image_id, score, box), got {det!r}") from None
        score = float(score)
        if not np.isfinite(score):
            raise ValueError(f"detections[{i}]: expected a finite score, got {score}")
        parsed.append((image, score, _as_boxes(f"detections[{i}] box", box, single=True)[0]))
    # One ranking over all images: AP is a property of the whole ranked list, not of each image's.
    # sorted() is stable, so equal scores keep their input order.
    parsed = sorted(parsed, key=lambda d: -d[1])
    matched = {image: np.zeros(len(b), dtype=bool) for image, b in gt_boxes.items()}
    is_tp = np.zeros(len(parsed), dtype=bool)
    for k, (image, _, box) in enumerate(parsed):
        boxes = gt_boxes.get(image)
        if boxes is None or len(boxes) == 0:
            continue
        # Only ground truths not yet taken can be matched: a second hit on a found object is a duplicate.
        ious = np.where(matched[image], -1.0, _iou_one_to_many(box, boxes))
        best = int(np.argmax(ious))
        if ious[best] >= iou_threshold:
            matched[image][best] = True
            is_tp[k] = True
    tp = np.cumsum(is_tp)
    fp = np.cumsum(~is_tp)
    return voc_ap(tp / n_gt, tp / np.maximum(tp + fp, 1), use_07_metric)


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
    if not isinstance(ground_truths, Mapping) or not isinstance(detections, Mapping):
        raise TypeError("detections, ground_truths: expected mappings class -> per-class data")
    aps = []
    for cls, per_image in ground_truths.items():
        if not isinstance(per_image, Mapping):
            raise TypeError(f"ground_truths[{cls!r}]: expected a mapping image_id -> boxes")
        if sum(len(_as_boxes(f"ground_truths[{cls!r}]", b)) for b in per_image.values()) == 0:
            continue
        aps.append(detection_ap(detections.get(cls, []), per_image, iou_threshold, use_07_metric))
    if not aps:
        raise ValueError("ground_truths: expected at least one class with a ground-truth box, got none")
    return float(np.mean(aps))
