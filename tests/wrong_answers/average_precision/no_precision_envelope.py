"""All-point VOC AP without the precision envelope: raw precision at each recall step."""

import types

from solutions.average_precision import average_precision as _solution
from solutions.average_precision.average_precision import *
from solutions.average_precision.average_precision import _as_boxes, _as_curve, _iou_one_to_many
from solutions.average_precision.average_precision import voc_ap as _right

CAUGHT_BY = [
    "test_voc_ap_all_point_uses_the_precision_envelope",
    "test_voc_ap_matches_the_devkit_loops_on_random_curves[all-point]",
    "test_detection_ap_hand_worked_case[all-point]",
]


def voc_ap(recall, precision, use_07_metric=False):
    if use_07_metric:
        return _right(recall, precision, True)
    rec, prec = _as_curve("recall", recall), _as_curve("precision", precision)
    if rec.shape != prec.shape:
        raise ValueError("precision: expected as many values as recall")
    if (np.diff(rec) < 0).any():
        raise ValueError("recall: expected non-decreasing values")
    mrec = np.r_[0.0, rec, 1.0]
    mpre = np.r_[0.0, prec, 0.0]
    steps = np.flatnonzero(mrec[1:] != mrec[:-1])
    return float(np.sum((mrec[steps + 1] - mrec[steps]) * mpre[steps + 1]))


# the right detection_ap, but calling the voc_ap above
detection_ap = types.FunctionType(
    _solution.detection_ap.__code__, globals(), "detection_ap", _solution.detection_ap.__defaults__
)
