"""batched_nms leaves the checks of boxes and scores to nms on each category's subset, so one score too many goes unnoticed."""

import torch

from solutions.nms.nms import *  # noqa: F403 - the rest is right
from solutions.nms.nms import nms as _right_nms

CAUGHT_BY = ["test_batched_and_soft_nms_check_boxes_and_scores_like_nms[one score too many-batched_nms]"]


def batched_nms(boxes, scores, idxs, iou_threshold):
    if not isinstance(idxs, torch.Tensor) or idxs.is_floating_point() or idxs.dtype == torch.bool:
        raise TypeError(f"idxs: expected an integer tensor of category ids, got {idxs!r}")
    if idxs.dim() != 1 or (isinstance(boxes, torch.Tensor) and idxs.shape[0] != boxes.shape[0]):
        raise ValueError(f"idxs: expected one category per box, got shape {list(idxs.shape)}")
    keep_mask = torch.zeros(idxs.shape[0], dtype=torch.bool)
    for category in torch.unique(idxs):
        members = torch.nonzero(idxs == category).flatten()
        keep_mask[members[_right_nms(boxes[members], scores[members], iou_threshold)]] = True
    kept = torch.nonzero(keep_mask).flatten()
    return kept[torch.sort(scores[kept], descending=True, stable=True).indices]
