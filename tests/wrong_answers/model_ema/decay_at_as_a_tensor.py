"""decay_at computes the ramp with torch.exp and returns a 0-d tensor instead of a Python float."""

import torch

from solutions.model_ema.model_ema import *  # noqa: F403 - the rest is right
from solutions.model_ema.model_ema import ModelEMA as _Right

CAUGHT_BY = ["test_decay_at_returns_a_python_float"]


class ModelEMA(_Right):
    def decay_at(self, updates):
        return self.decay * (1 - torch.exp(torch.tensor(-updates / self.tau, dtype=torch.float64)))

    def update(self, model):
        for name, value in self.ema.state_dict().items():
            if name not in model.state_dict() or model.state_dict()[name].shape != value.shape:
                raise ValueError(f"model: expected an entry {name!r} like the copy's")
        with torch.no_grad():
            self.updates += 1
            d = float(self.decay_at(self.updates))
            source = model.state_dict()
            for name, value in self.ema.state_dict().items():
                if value.dtype.is_floating_point:
                    value.mul_(d).add_(source[name].detach().to(value.dtype), alpha=1 - d)
                else:
                    value.copy_(source[name])
