"""batched_nms ignores the categories: boxes of different classes suppress each other."""

from solutions.nms.nms import *

CAUGHT_BY = ["test_batched_nms_never_suppresses_across_classes", "test_batched_nms_matches_torchvision"]


def batched_nms(boxes, scores, idxs, iou_threshold):
    return nms(boxes, scores, iou_threshold)
