"""Treats SSD's weights as variances everywhere: encode divides by the weights instead of multiplying."""

import torch

from solutions.box_coder.box_coder import *  # noqa: F403 - the rest is right
from solutions.box_coder.box_coder import encode_boxes as _right_encode

CAUGHT_BY = [
    "test_encode_matches_torchvision",
    "test_encode_matches_the_per_box_formula[ssd]",
    "test_decode_inverts_encode[ssd-float32]",
    "test_decode_inverts_encode[ssd-float64]",
    "test_encode_inverts_decode",
]


def encode_boxes(reference_boxes, proposals, weights=(1.0, 1.0, 1.0, 1.0)):
    plain = _right_encode(reference_boxes, proposals)
    _right_encode(reference_boxes, proposals, weights)  # same argument checks
    return plain / torch.tensor([float(w) for w in weights], dtype=plain.dtype, device=plain.device)
