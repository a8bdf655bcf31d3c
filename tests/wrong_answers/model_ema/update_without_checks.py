"""update never checks the model: a missing entry is a KeyError, a wrong shape a RuntimeError from mul_."""

import torch

from solutions.model_ema.model_ema import *  # noqa: F403 - the rest is right
from solutions.model_ema.model_ema import ModelEMA as _Right

CAUGHT_BY = ["test_update_rejects_a_model_that_does_not_fit"]


class ModelEMA(_Right):
    def update(self, model):
        with torch.no_grad():
            self.updates += 1
            d = self.decay_at(self.updates)
            source = model.state_dict()
            for name, value in self.ema.state_dict().items():
                if value.dtype.is_floating_point:
                    value.mul_(d).add_(source[name].detach().to(value.dtype), alpha=1 - d)
                else:
                    value.copy_(source[name])
