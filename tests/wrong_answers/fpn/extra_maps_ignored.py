"""Uses the first len(in_channels_list) maps and silently drops any extra ones instead of refusing them."""

from solutions.fpn import fpn as _solution
from solutions.fpn.fpn import *

CAUGHT_BY = ["test_rejects_features_that_do_not_fit[too many maps]"]


class FPN(_solution.FPN):
    def forward(self, features):
        if isinstance(features, list) and len(features) > len(self.inner_blocks):
            features = features[: len(self.inner_blocks)]
        return super().forward(features)
