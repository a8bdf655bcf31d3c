"""receptive_field iterates whatever it is given and never checks the values are ints: floats pass, ints crash."""

from solutions.conv_arithmetic.conv_arithmetic import *

CAUGHT_BY = ["test_receptive_field_rejects_non_sequences_and_non_int_values"]


def receptive_field(layers):
    field, jump = 1, 1
    for i, layer in enumerate(layers):
        if len(layer) not in (2, 3):
            raise ValueError(f"layers[{i}]: expected (kernel, stride) or (kernel, stride, dilation), got {layer!r}")
        k, s, d = layer[0], layer[1], layer[2] if len(layer) == 3 else 1
        if min(k, s, d) < 1:
            raise ValueError(f"layers[{i}]: values must be >= 1, got {layer!r}")
        field += (k - 1) * d * jump
        jump *= s
    return field
