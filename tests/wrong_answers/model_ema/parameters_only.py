"""Averages named_parameters() only: BatchNorm's running statistics and counter stay at their initial values."""

import torch

from solutions.model_ema.model_ema import *  # noqa: F403 - the rest is right
from solutions.model_ema.model_ema import ModelEMA as _Right

CAUGHT_BY = ["test_averages_parameters_and_float_buffers_with_the_ramp", "test_copies_integer_buffers"]


class ModelEMA(_Right):
    def update(self, model):
        with torch.no_grad():
            self.updates += 1
            d = self.decay_at(self.updates)
            for mine, theirs in zip(self.ema.parameters(), model.parameters(), strict=True):
                mine.mul_(d).add_(theirs.detach(), alpha=1 - d)
