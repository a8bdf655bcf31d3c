"""Checks that out_channels is even but not that it is at least 2: zero fails later, inside nn.Conv2d."""

from torch import nn

from solutions.shufflenet_v2_unit import shufflenet_v2_unit as _solution
from solutions.shufflenet_v2_unit.shufflenet_v2_unit import *

CAUGHT_BY = ["test_rejects_bad_arguments[out 0]"]


class ShuffleV2Block(_solution.ShuffleV2Block):
    def __init__(self, in_channels, out_channels, stride):
        nn.Module.__init__(self)
        for name, value in (("in_channels", in_channels), ("out_channels", out_channels), ("stride", stride)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name}: expected an int, got {type(value).__name__}")
        if stride not in (1, 2):
            raise ValueError(f"stride: expected 1 or 2, got {stride}")
        if in_channels < 1:
            raise ValueError(f"in_channels: expected >= 1, got {in_channels}")
        if out_channels % 2:
            raise ValueError(f"out_channels: expected an even number, got {out_channels}")
        if stride == 1 and in_channels != out_channels:
            raise ValueError(f"in_channels ({in_channels}) must equal out_channels ({out_channels}) at stride 1")
        self.stride = stride
        branch = out_channels // 2
        self.shortcut = None
        if stride == 2:
            self.shortcut = nn.Sequential(
                nn.Conv2d(in_channels, in_channels, 3, stride=2, padding=1, groups=in_channels, bias=False),
                nn.BatchNorm2d(in_channels),
                nn.Conv2d(in_channels, branch, 1, bias=False),
                nn.BatchNorm2d(branch),
                nn.ReLU(inplace=True),
            )
        main_in = in_channels if stride == 2 else branch
        self.main = nn.Sequential(
            nn.Conv2d(main_in, branch, 1, bias=False),
            nn.BatchNorm2d(branch),
            nn.ReLU(inplace=True),
            nn.Conv2d(branch, branch, 3, stride=stride, padding=1, groups=branch, bias=False),
            nn.BatchNorm2d(branch),
            nn.Conv2d(branch, branch, 1, bias=False),
            nn.BatchNorm2d(branch),
            nn.ReLU(inplace=True),
        )
