"""Quietly turns a list into a tensor instead of refusing it with TypeError, as the docstring says."""

import math

import torch

from solutions.box_coder.box_coder import *  # noqa: F403 - the rest is right
from solutions.box_coder.box_coder import decode_boxes as _right_decode
from solutions.box_coder.box_coder import encode_boxes as _right_encode

_DEFAULT_CLAMP = math.log(1000.0 / 16)

CAUGHT_BY = ["test_rejects_lists_in_place_of_tensors"]


def encode_boxes(reference_boxes, proposals, weights=(1.0, 1.0, 1.0, 1.0)):
    return _right_encode(torch.as_tensor(reference_boxes), torch.as_tensor(proposals), weights)


def decode_boxes(deltas, proposals, weights=(1.0, 1.0, 1.0, 1.0), clamp=_DEFAULT_CLAMP):
    return _right_decode(torch.as_tensor(deltas), torch.as_tensor(proposals), weights, clamp)
