"""Never checks K's last row: a K with last row (0, 0, 2) is inverted as it is and every point is scaled."""

import torch

from solutions.stereo_depth import stereo_depth as _ref
from solutions.stereo_depth.stereo_depth import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_backproject_rejects_k_whose_last_row_is_not_0_0_1"]


def backproject(depth, K):
    if isinstance(K, torch.Tensor) and K.shape == (3, 3):
        fixed = K.clone()
        fixed[2] = torch.tensor([0.0, 0.0, 1.0], dtype=K.dtype)
        points = _ref.backproject(depth, fixed)
        return points @ (torch.linalg.inv(K.to(depth.dtype)) @ fixed.to(depth.dtype)).T
    return _ref.backproject(depth, K)
