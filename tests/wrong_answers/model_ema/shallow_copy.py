"""Copies the module with copy.copy: the EMA shares its tensors with the live model."""

import copy

from solutions.model_ema.model_ema import *  # noqa: F403 - the rest is right
from solutions.model_ema.model_ema import ModelEMA as _Right

CAUGHT_BY = ["test_copy_owns_its_tensors", "test_later_changes_to_the_model_do_not_reach_the_copy"]


class ModelEMA(_Right):
    def __init__(self, model, decay=0.9999, tau=2000):
        if not 0.0 <= decay < 1.0:
            raise ValueError(f"decay: expected a number in [0, 1), got {decay!r}")
        if tau <= 0:
            raise ValueError(f"tau: expected a positive number, got {tau!r}")
        self.decay, self.tau, self.updates = decay, tau, 0
        self.ema = copy.copy(model)
        self.ema.training = False
        for m in self.ema.modules():
            m.training = False
