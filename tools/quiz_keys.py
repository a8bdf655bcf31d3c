"""Derive the numeric keys of the concept quizzes instead of trusting the numbers typed into quizzes/*.toml.

    python tools/quiz_keys.py            print every numeric item: its key, the derived value, OK or a problem

Each numeric item names its derivation (``derivation = "dwconv_params"``), a function registered here with
``@derives``. The functions compute the answer the way the question describes it, with real modules where
there are some: they count an ``nn.Conv2d``'s parameters, run a convolution to read the output size, count
FLOPs with ``torch.utils.flop_counter``, backpropagate through a stack of convolutions to measure a receptive
field, rasterise boxes to measure an IoU. ``check()`` compares them with the files: an exact key must equal
the derived value; a key with a tolerance must lie within a tenth of it (the key is a rounding of the truth,
and a learner's window around it stays centred). tests/test_quiz.py runs ``check()``.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from grading import quiz  # noqa: E402

DERIVATIONS: dict[str, Callable[[], float]] = {}


def derives(fn: Callable[[], float]) -> Callable[[], float]:
    DERIVATIONS[fn.__name__] = fn
    return fn


def _params(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters() if p.requires_grad)


def _flops(fn: Callable[[], object]) -> int:
    with FlopCounterMode(display=False) as counter:
        fn()
    return counter.get_total_flops()


def _box_mask(box: tuple[float, float, float, float], size: int, scale: int) -> torch.Tensor:
    """The cells of a ``size * scale`` grid covered by a box with corners on multiples of ``1 / scale``."""
    x1, y1, x2, y2 = (round(v * scale) for v in box)
    mask = torch.zeros(size * scale, size * scale, dtype=torch.bool)
    mask[y1:y2, x1:x2] = True
    return mask


def _raster(a: tuple, b: tuple, size: int = 16, scale: int = 4) -> tuple[int, int, int]:
    """Intersection, union and enclosing-box areas of two boxes, counted in grid cells (exact for such boxes)."""
    ma, mb = _box_mask(a, size, scale), _box_mask(b, size, scale)
    both = ma | mb
    ys, xs = both.nonzero(as_tuple=True)
    enclosing = (ys.max() - ys.min() + 1) * (xs.max() - xs.min() + 1)
    return int((ma & mb).sum()), int(both.sum()), int(enclosing)


# ------------------------------------------------------------------------------------------------ detection


@derives
def rpn_anchor_count() -> int:
    x = torch.zeros(1, 1, 600, 1000)
    for _ in range(4):  # VGG-16's pools before conv5_3
        x = F.max_pool2d(x, kernel_size=2, stride=2)
    return x.shape[-2] * x.shape[-1] * 9


@derives
def roi_pool_shift_pixels() -> float:
    edge = torch.tensor(100.0) / 16
    return float((torch.round(edge) - edge).abs() * 16)


@derives
def rfcn_channels() -> int:
    k, classes = 3, 20
    score_maps = nn.Conv2d(1024, k * k * (classes + 1), kernel_size=1)
    return score_maps(torch.zeros(1, 1024, 2, 2)).shape[1]


@derives
def ssd300_default_boxes() -> int:
    return sum(side * side * boxes for side, boxes in zip([38, 19, 10, 5, 3, 1], [4, 6, 6, 6, 4, 4], strict=True))


@derives
def iou_of_two_boxes() -> float:
    inter, union, _ = _raster((0, 0, 4, 4), (2, 2, 6, 6))
    return inter / union


@derives
def small_object_iou_shift() -> float:
    inter, union, _ = _raster((0, 0, 6, 6), (2, 0, 8, 6))
    return inter / union


@derives
def stereo_depth_value() -> float:
    focal_px, baseline_m, disparity_px = 720.0, 0.54, 36.0
    return focal_px * baseline_m / disparity_px


# ------------------------------------------------------------------------------------------------ cnn


@derives
def dwconv_params() -> int:
    return _params(nn.Conv2d(64, 64, 3, padding=1, groups=64, bias=False))


@derives
def dwconv_flops() -> int:
    conv = nn.Conv2d(64, 64, 3, padding=1, groups=64, bias=False)
    x = torch.zeros(1, 64, 56, 56)
    return _flops(lambda: conv(x))


@derives
def separable_cost_ratio() -> float:
    c = 256
    x = torch.zeros(1, c, 8, 8)
    separable = nn.Sequential(nn.Conv2d(c, c, 3, padding=1, groups=c, bias=False), nn.Conv2d(c, c, 1, bias=False))
    standard = nn.Conv2d(c, c, 3, padding=1, bias=False)
    return _flops(lambda: separable(x)) / _flops(lambda: standard(x))


@derives
def receptive_field_three_3x3() -> int:
    stack = nn.Sequential(*[nn.Conv2d(1, 1, 3, padding=1, bias=False) for _ in range(3)])
    for conv in stack:
        nn.init.ones_(conv.weight)
    x = torch.zeros(1, 1, 21, 21, requires_grad=True)
    stack(x)[0, 0, 10, 10].backward()
    rows = (x.grad[0, 0] != 0).any(dim=1).nonzero()
    return int(rows.max() - rows.min() + 1)


@derives
def three_3x3_weights() -> int:
    return _params(nn.Sequential(*[nn.Conv2d(64, 64, 3, padding=1, bias=False) for _ in range(3)]))


@derives
def inverted_residual_params() -> int:
    c, hidden = 24, 24 * 6
    block = nn.Sequential(
        nn.Conv2d(c, hidden, 1, bias=False),
        nn.BatchNorm2d(hidden),
        nn.ReLU6(),
        nn.Conv2d(hidden, hidden, 3, padding=1, groups=hidden, bias=False),
        nn.BatchNorm2d(hidden),
        nn.ReLU6(),
        nn.Conv2d(hidden, c, 1, bias=False),
        nn.BatchNorm2d(c),
    )
    return _params(block)


@derives
def leaky_relu_default() -> float:
    return float(nn.LeakyReLU()(torch.tensor(-10.0, dtype=torch.float64)))


@derives
def se_params() -> int:
    return _params(nn.Sequential(nn.Conv2d(64, 16, 1), nn.Conv2d(16, 64, 1)))


@derives
def transposed_conv_size() -> int:
    up = nn.ConvTranspose2d(4, 4, kernel_size=4, stride=2, padding=1)
    return up(torch.zeros(1, 4, 16, 16)).shape[-2]


@derives
def unet_output_size() -> int:
    """The original U-Net's spatial path with one channel per map: only the sizes matter here."""

    def two_convs() -> nn.Sequential:
        return nn.Sequential(nn.Conv2d(1, 1, 3), nn.ReLU(), nn.Conv2d(1, 1, 3), nn.ReLU())

    with torch.no_grad():
        x = torch.zeros(1, 1, 572, 572)
        skips = []
        for _ in range(4):
            x = two_convs()(x)
            skips.append(x)
            x = F.max_pool2d(x, 2, 2)
        x = two_convs()(x)
        for skip in reversed(skips):
            x = nn.ConvTranspose2d(1, 1, 2, stride=2)(x)
            top = (skip.shape[-2] - x.shape[-2]) // 2
            left = (skip.shape[-1] - x.shape[-1]) // 2
            crop = skip[..., top : top + x.shape[-2], left : left + x.shape[-1]]
            x = nn.Conv2d(2, 1, 1)(torch.cat([crop, x], dim=1))  # stands in for the wider first conv
            x = two_convs()(x)
        return nn.Conv2d(1, 2, 1)(x).shape[-2]


@derives
def int8_shrink() -> float:
    return torch.empty(0, dtype=torch.float32).element_size() / torch.empty(0, dtype=torch.int8).element_size()


# ------------------------------------------------------------------------------------------------ transformers


@derives
def softmax_saturation_gradient() -> float:
    x = torch.tensor([8.0, 0.0, 0.0, 0.0], dtype=torch.float64, requires_grad=True)
    torch.softmax(x, dim=0)[0].backward()
    return float(x.grad[0])


@derives
def layernorm_statistics_count() -> int:
    x = torch.randn(8, 20, 512)
    _, mean, _ = torch.native_layer_norm(x, [512], None, None, 1e-5)
    return mean.numel()


@derives
def swin_attention_ratio() -> float:
    h = w = 56
    c, m = 96, 7
    tokens = torch.zeros(1, h * w, c)
    windows = torch.zeros((h // m) * (w // m), m * m, c)

    def attention_products(t: torch.Tensor) -> None:
        weights = t @ t.transpose(-2, -1)
        weights @ t

    return _flops(lambda: attention_products(tokens)) / _flops(lambda: attention_products(windows))


# ------------------------------------------------------------------------------------------------ training


@derives
def hflip_box() -> int:
    image = torch.zeros(1, 8, 640)
    image[..., 100:250] = 1.0  # the box's columns: continuous x from 100 to 250
    flipped = torch.flip(image, dims=[-1])
    return int(flipped[0, 0].nonzero().min())


@derives
def ema_decay_ramp() -> float:
    decay, tau, updates = 0.9999, 2000, 2000  # YOLOX's ModelEMA
    return decay * (1 - math.exp(-updates / tau))


@derives
def cosine_lr_value() -> float:
    optimizer = torch.optim.SGD([nn.Parameter(torch.zeros(1))], lr=0.01)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=100, eta_min=0.0)
    for _ in range(25):
        optimizer.step()
        schedule.step()
    return schedule.get_last_lr()[0]


# ------------------------------------------------------------------------------------------------ losses


@derives
def focal_loss_easy_ratio() -> float:
    p = torch.tensor(0.9, dtype=torch.float64)
    ce = F.binary_cross_entropy_with_logits(torch.logit(p), torch.tensor(1.0, dtype=torch.float64))
    focal = (1 - p) ** 2 * ce
    return float(ce / focal)


@derives
def giou_loss_value() -> float:
    inter, union, enclosing = _raster((0, 0, 2, 2), (3, 0, 5, 2))
    giou = inter / union - (enclosing - union) / enclosing
    return 1 - giou


@derives
def label_smoothing_target() -> float:
    logits = torch.zeros(1, 10, dtype=torch.float64, requires_grad=True)
    F.cross_entropy(logits, torch.tensor([3]), label_smoothing=0.1).backward()
    # d(loss)/d(logits) = softmax(logits) - target, and the softmax of equal logits is 1/10 everywhere
    return float(0.1 - logits.grad[0, 3])


@derives
def float16_max() -> float:
    return torch.finfo(torch.float16).max


# ------------------------------------------------------------------------------------------------ metrics


@derives
def mae_value() -> float:
    pred = torch.tensor([2.5, 0.0, 2.0, 8.0], dtype=torch.float64)
    target = torch.tensor([3.0, -0.5, 2.0, 7.0], dtype=torch.float64)
    return float(nn.L1Loss()(pred, target))


@derives
def auc_value() -> float:
    positives, negatives = [0.9, 0.6, 0.4], [0.7, 0.3]
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


# ------------------------------------------------------------------------------------------------ cpp, coding


@derives
def macro_square() -> int:
    """Expand ``#define SQUARE(x) x*x`` as the preprocessor does (token substitution), then evaluate."""
    body, argument = "x*x", "1+2"
    return eval(re.sub(r"\bx\b", argument, body))  # a fixed arithmetic string


@derives
def max_subarray_value() -> int:
    nums = [-2, 1, -3, 4, -1, 2, 1, -5, 4]
    return max(sum(nums[i:j]) for i in range(len(nums)) for j in range(i + 1, len(nums) + 1))


# ------------------------------------------------------------------------------------------------ the check


def check(quizzes: list[quiz.Quiz] | None = None) -> list[tuple[str, float, float | None, str]]:
    """One row per numeric item: (topic.id, key, derived value or None, problem or "")."""
    rows = []
    for q in quizzes if quizzes is not None else quiz.load_all():
        for item in q.items:
            if item.kind != quiz.NUMERIC:
                continue
            name = f"{q.topic}.{item.id}"
            fn = DERIVATIONS.get(item.derivation)
            if fn is None:
                rows.append((name, item.answer, None, f"no derivation named {item.derivation!r} in tools/quiz_keys.py"))
                continue
            value = fn()
            gap = abs(value - item.answer)
            if item.tolerance == 0:
                problem = "" if value == item.answer else f"the key must equal the derived value {value!r}"
            else:
                problem = "" if gap <= item.tolerance / 10 else f"the key is {gap:.3g} from {value!r} (> tolerance/10)"
            rows.append((name, item.answer, value, problem))
    return rows


def main() -> int:
    torch.manual_seed(0)
    rows = check()
    width = max(len(r[0]) for r in rows)
    for name, key, value, problem in rows:
        derived = "-" if value is None else f"{value:.10g}"
        print(f"{name:<{width}}  key {key!s:<12} derived {derived:<14} {problem or 'OK'}")
    named = {it.derivation for q in quiz.load_all() for it in q.items if it.kind == quiz.NUMERIC}
    unused = sorted(set(DERIVATIONS) - named)
    if unused:
        print(f"derivations no item names: {', '.join(unused)}")
    bad = [r for r in rows if r[3]]
    print(f"{len(rows) - len(bad)} of {len(rows)} numeric keys match their derivation")
    return 1 if bad or unused else 0


if __name__ == "__main__":
    sys.exit(main())
