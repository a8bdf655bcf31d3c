"""Receptive field whose jump adds the strides (1 + sum(s - 1)) instead of multiplying them."""

from solutions.conv_arithmetic.conv_arithmetic import *

CAUGHT_BY = [
    "test_receptive_field_hand_worked[two strides then 3x3]",
    "test_receptive_field_matches_measured_gradient_footprint",
]


def receptive_field(layers):
    field, jump = 1, 1
    for layer in layers:
        if not isinstance(layer, (tuple, list)) or len(layer) not in (2, 3) or min(layer) < 1:
            raise ValueError(f"layers: bad layer {layer!r}")
        k, s = layer[0], layer[1]
        d = layer[2] if len(layer) == 3 else 1
        field += (k - 1) * d * jump
        jump += s - 1
    return field
