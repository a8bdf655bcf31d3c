"""Uses the constant decay from the first update on: the average remembers the initial weights for ages."""

from solutions.model_ema.model_ema import *  # noqa: F403 - the rest is right
from solutions.model_ema.model_ema import ModelEMA as _Right

CAUGHT_BY = ["test_averages_parameters_and_float_buffers_with_the_ramp", "test_first_update_follows_the_model_closely"]


class ModelEMA(_Right):
    def decay_at(self, updates):
        return self.decay
