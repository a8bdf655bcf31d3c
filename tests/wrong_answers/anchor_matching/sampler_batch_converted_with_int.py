"""Converts batch_size_per_image with int() instead of refusing a float or a bool."""

from solutions.anchor_matching.anchor_matching import *  # noqa: F403 - the rest is right
from solutions.anchor_matching.anchor_matching import sample_balanced as _right

CAUGHT_BY = [
    "test_sample_balanced_rejects_bad_arguments[float batch]",
    "test_sample_balanced_rejects_bad_arguments[bool batch]",
]


def sample_balanced(matches, batch_size_per_image=256, positive_fraction=0.5, generator=None):
    return _right(matches, int(batch_size_per_image), positive_fraction, generator)
