"""Checks 0 < decay < 1, refusing decay = 0, which the docstring allows ([0, 1))."""

from solutions.model_ema.model_ema import *  # noqa: F403 - the rest is right
from solutions.model_ema.model_ema import ModelEMA as _Right

CAUGHT_BY = ["test_decay_zero_is_allowed_and_the_copy_follows_the_model"]


class ModelEMA(_Right):
    def __init__(self, model, decay=0.9999, tau=2000):
        if not 0.0 < decay < 1.0:
            raise ValueError(f"decay: expected a number in (0, 1), got {decay!r}")
        super().__init__(model, decay, tau)
