"""Computes d from the update count before incrementing it, so the first update uses d = 0."""

import torch

from solutions.model_ema.model_ema import *  # noqa: F403 - the rest is right
from solutions.model_ema.model_ema import ModelEMA as _Right

CAUGHT_BY = ["test_averages_parameters_and_float_buffers_with_the_ramp"]


class ModelEMA(_Right):
    def update(self, model):
        with torch.no_grad():
            d = self.decay_at(self.updates)
            self.updates += 1
            source = model.state_dict()
            for name, value in self.ema.state_dict().items():
                if value.dtype.is_floating_point:
                    value.mul_(d).add_(source[name].detach(), alpha=1 - d)
                else:
                    value.copy_(source[name])
