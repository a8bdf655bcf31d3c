"""Never checks dim: PatchMerging(0) builds empty layers instead of raising a ValueError naming dim."""

from torch import nn

from solutions.swin_windows import swin_windows as _solution
from solutions.swin_windows.swin_windows import *

CAUGHT_BY = [
    "test_patch_merging_rejects_a_dim_that_is_not_a_positive_int[0]",
    "test_patch_merging_rejects_a_dim_that_is_not_a_positive_int[a float]",
]


class PatchMerging(_solution.PatchMerging):
    def __init__(self, dim):
        nn.Module.__init__(self)
        self.dim = dim
        self.norm = nn.LayerNorm(int(4 * dim))
        self.reduction = nn.Linear(int(4 * dim), int(2 * dim), bias=False)
