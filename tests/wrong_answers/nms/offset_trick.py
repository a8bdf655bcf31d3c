"""batched_nms offsets each category by (max coordinate + 1), which lets classes meet when coordinates are negative."""

from solutions.nms.nms import *

CAUGHT_BY = ["test_batched_nms_keeps_classes_apart_with_negative_coordinates"]


def batched_nms(boxes, scores, idxs, iou_threshold):
    if boxes.numel() == 0:
        return nms(boxes, scores, iou_threshold)
    offsets = idxs.to(boxes) * (boxes.max() + 1)
    return nms(boxes + offsets[:, None], scores, iou_threshold)
