"""Checks each entry only as it blends it: a mismatch in the last layer leaves the earlier ones blended."""

import torch

from solutions.model_ema.model_ema import *  # noqa: F403 - the rest is right
from solutions.model_ema.model_ema import ModelEMA as _Right

CAUGHT_BY = ["test_failed_update_changes_neither_the_copy_nor_the_count"]


class ModelEMA(_Right):
    def update(self, model):
        with torch.no_grad():
            self.updates += 1
            d = self.decay_at(self.updates)
            source = model.state_dict()
            for name, value in self.ema.state_dict().items():
                if name not in source or source[name].shape != value.shape:
                    raise ValueError(f"model: expected an entry {name!r} of shape {list(value.shape)} like the copy's")
                if value.dtype.is_floating_point:
                    value.mul_(d).add_(source[name].detach().to(value.dtype), alpha=1 - d)
                else:
                    value.copy_(source[name])
