"""Deep-copies the model but leaves the copy in training mode and its parameters trainable."""

import copy

from solutions.model_ema.model_ema import *  # noqa: F403 - the rest is right
from solutions.model_ema.model_ema import ModelEMA as _Right

CAUGHT_BY = ["test_copy_is_frozen_in_eval_mode_and_equal_at_first", "test_update_records_no_graph_and_keeps_eval_mode"]


class ModelEMA(_Right):
    def __init__(self, model, decay=0.9999, tau=2000):
        if not 0.0 <= decay < 1.0:
            raise ValueError(f"decay: expected a number in [0, 1), got {decay!r}")
        if tau <= 0:
            raise ValueError(f"tau: expected a positive number, got {tau!r}")
        self.decay, self.tau, self.updates = decay, tau, 0
        self.ema = copy.deepcopy(model)
