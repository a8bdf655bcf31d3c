"""Counts updates in a float (self.updates += 1.0) instead of the Python int the docstring promises."""

from solutions.model_ema.model_ema import *  # noqa: F403 - the rest is right
from solutions.model_ema.model_ema import ModelEMA as _Right

CAUGHT_BY = ["test_updates_is_a_python_int"]


class ModelEMA(_Right):
    def __init__(self, model, decay=0.9999, tau=2000):
        super().__init__(model, decay, tau)
        self.updates = 0.0

    def update(self, model):
        super().update(model)
        self.updates = float(self.updates)
