"""Grader for cosine_lr: the cosine schedule with linear or quadratic warm-up, and its LambdaLR.

Expected values: ``torch.optim.lr_scheduler.CosineAnnealingLR`` driven step by step (no warm-up), the
closed forms written out here, hand-worked boundaries, and YOLOX's quadratic warm-up formula.

Promises and the tests that hold them:
cosine_lr
- no warm-up: CosineAnnealingLR(T_max=total_steps, eta_min=min_lr) -> test_without_warmup_matches_cosine_annealing
- linear warm-up from warmup_start_lr to base_lr -> test_linear_warmup_rises_from_start_to_base,
  test_starts_the_warmup_at_warmup_start_lr, test_reaches_base_lr_exactly_when_warmup_ends
- quadratic warm-up as YOLOX -> test_quadratic_warmup_follows_yolox
- cosine from the end of the warm-up, t / T -> test_cosine_half_way_is_the_midpoint, test_decreases_after_the_warmup
- min_lr from total_steps on -> test_stays_at_min_lr_from_total_steps_on
- warmup_steps == total_steps allowed -> test_warmup_as_long_as_the_schedule_is_allowed
- a Python float in every phase -> test_returns_a_python_float, test_returns_a_python_float_in_every_phase
- bad arguments -> ValueError naming the argument, whatever the step -> test_rejects_bad_arguments
warmup_cosine_scheduler
- a LambdaLR, each group from its own lr, applied at step 0, min_lr and warmup_start_lr absolute
  -> test_scheduler_drives_each_param_group_from_its_own_lr
- no warm-up: as CosineAnnealingLR -> test_scheduler_without_warmup_matches_cosine_annealing
- a group with lr 0 -> ValueError naming lr -> test_scheduler_rejects_a_group_with_zero_lr
- base_lr in kw, invalid values -> ValueError when the scheduler is made -> test_scheduler_rejects_bad_keywords
- an unknown keyword -> TypeError -> test_scheduler_rejects_an_unknown_keyword
"""

from __future__ import annotations

import math

import pytest
import torch

from graders.helpers import assert_close, assert_raises


def closed_form(step, total, base, min_lr=0.0, warmup_steps=0, start=0.0, warmup="linear") -> float:
    if step >= total:
        return min_lr
    if step < warmup_steps:
        p = step / warmup_steps
        return start + (base - start) * (p * p if warmup == "quadratic" else p)
    t, period = step - warmup_steps, total - warmup_steps
    return min_lr + (base - min_lr) * (1 + math.cos(math.pi * t / period)) / 2


def annealing_lrs(total: int, base: float, min_lr: float) -> list[float]:
    """What CosineAnnealingLR(T_max=total, eta_min=min_lr) sets at steps 0 .. total."""
    param = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([param], lr=base)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=total, eta_min=min_lr)
    lrs = []
    for _ in range(total + 1):
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return lrs


def call(**kw) -> str:
    return "cosine_lr(" + ", ".join(f"{k}={v!r}" for k, v in kw.items()) + ")"


# ------------------------------------------------------------------------------------------- cosine_lr


@pytest.mark.points(2)
@pytest.mark.parametrize("total, base, min_lr", [(10, 0.1, 0.0), (37, 0.02, 1e-4), (1, 0.5, 0.1)])
def test_without_warmup_matches_cosine_annealing(learner, total, base, min_lr):
    expected = annealing_lrs(total, base, min_lr)
    got = [learner.cosine_lr(s, total, base, min_lr) for s in range(total + 1)]
    assert_close(
        got,
        expected,
        call=f"[cosine_lr(step, {total}, {base}, {min_lr}) for step in 0..{total}] against CosineAnnealingLR",
        rtol=1e-9,
        atol=1e-12,
    )


@pytest.mark.points(2)
def test_linear_warmup_rises_from_start_to_base(learner):
    kw = dict(total_steps=20, base_lr=0.4, min_lr=0.01, warmup_steps=5, warmup_start_lr=0.1)
    got = [learner.cosine_lr(s, **kw) for s in range(21)]
    expected = [closed_form(s, 20, 0.4, 0.01, 5, 0.1) for s in range(21)]
    assert_close(got, expected, call=f"[{call(step='s', **kw)} for s in 0..20]", rtol=1e-12, atol=1e-15)


@pytest.mark.points(2)
def test_quadratic_warmup_follows_yolox(learner):
    kw = dict(total_steps=30, base_lr=0.01, min_lr=0.0005, warmup_steps=8, warmup_start_lr=0.0, warmup="quadratic")
    got = [learner.cosine_lr(s, **kw) for s in range(31)]
    # YOLOX: lr = (lr - warmup_lr_start) * (iters / warmup_total_iters) ** 2 + warmup_lr_start
    expected = [closed_form(s, 30, 0.01, 0.0005, 8, 0.0, "quadratic") for s in range(31)]
    assert_close(got, expected, call=f"[{call(step='s', **kw)} for s in 0..30]", rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("warmup", ["linear", "quadratic"])
def test_reaches_base_lr_exactly_when_warmup_ends(learner, warmup):
    got = learner.cosine_lr(6, 50, 0.3, 0.0, 6, 0.01, warmup)
    assert_close(
        got,
        0.3,
        call=call(step=6, total_steps=50, base_lr=0.3, warmup_steps=6, warmup_start_lr=0.01, warmup=warmup),
        rtol=1e-12,
    )


def test_starts_the_warmup_at_warmup_start_lr(learner):
    got = learner.cosine_lr(0, 50, 0.3, 0.0, 6, 0.01)
    assert_close(
        got, 0.01, call=call(step=0, total_steps=50, base_lr=0.3, warmup_steps=6, warmup_start_lr=0.01), rtol=1e-12
    )


def test_cosine_half_way_is_the_midpoint(learner):
    # 10 warm-up steps, then 40 cosine steps: half way through the cosine is step 30
    got = learner.cosine_lr(30, 50, 0.2, 0.02, 10)
    assert_close(got, 0.11, call=call(step=30, total_steps=50, base_lr=0.2, min_lr=0.02, warmup_steps=10), rtol=1e-12)


@pytest.mark.parametrize("step", [40, 41, 1000])
def test_stays_at_min_lr_from_total_steps_on(learner, step):
    got = learner.cosine_lr(step, 40, 0.1, 0.003, 4)
    assert_close(
        got, 0.003, call=call(step=step, total_steps=40, base_lr=0.1, min_lr=0.003, warmup_steps=4), rtol=1e-12
    )


def test_decreases_after_the_warmup(learner):
    lrs = [learner.cosine_lr(s, 100, 1.0, 0.0, 10) for s in range(10, 101)]
    rises = [s + 10 for s, (a, b) in enumerate(zip(lrs, lrs[1:], strict=False)) if b > a]
    assert not rises, f"cosine_lr(step, 100, 1.0, warmup_steps=10) rises after the warm-up at steps {rises[:5]}"


def test_returns_a_python_float(learner):
    got = learner.cosine_lr(3, 10, 0.1)
    assert isinstance(got, float), f"cosine_lr(3, 10, 0.1) returned {type(got).__name__}, expected float"


@pytest.mark.parametrize(
    "args, kw, match",
    [
        ((-1, 10, 0.1), {}, r"\bstep\b"),
        ((0, 0, 0.1), {}, r"\btotal_steps\b"),
        ((0, 10, 0.1), {"warmup_steps": 11}, r"\bwarmup_steps\b"),
        ((0, 10, 0.1), {"warmup_steps": -2}, r"\bwarmup_steps\b"),
        ((0, 10, 0.1), {"warmup_steps": 2, "warmup": "cubic"}, r"\bwarmup\b"),
        ((15, 10, 0.1), {"warmup_steps": 2, "warmup": "cubic"}, r"\bwarmup\b"),
        ((15, 10, 0.1), {"warmup_steps": 11}, r"\bwarmup_steps\b"),
    ],
    ids=[
        "negative step",
        "no steps",
        "warm-up longer than the schedule",
        "negative warm-up",
        "unknown warm-up",
        "unknown warm-up past the end",
        "warm-up too long past the end",
    ],
)
def test_rejects_bad_arguments(learner, args, kw, match):
    assert_raises(ValueError, learner.cosine_lr, *args, match=match, **kw)


@pytest.mark.parametrize(
    "args, kw",
    [
        ((0, 10, 1), {"warmup_steps": 4, "warmup_start_lr": 0}),
        ((2, 10, 1), {"warmup_steps": 4, "warmup_start_lr": 0, "warmup": "quadratic"}),
        ((6, 10, 1), {"min_lr": 0, "warmup_steps": 4}),
        ((10, 10, 1), {"min_lr": 0}),
        ((25, 10, 0.1), {"min_lr": 0}),
    ],
    ids=["warm-up start", "quadratic warm-up", "cosine", "at total_steps", "past the end"],
)
def test_returns_a_python_float_in_every_phase(learner, args, kw):
    # Integer rates in, a float out: min_lr=0 given as an int is still returned as 0.0.
    got = learner.cosine_lr(*args, **kw)
    text = "cosine_lr(" + ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kw.items()]) + ")"
    assert isinstance(got, float), f"{text}\n  returned {got!r} ({type(got).__name__}), expected a Python float"


@pytest.mark.parametrize("warmup", ["linear", "quadratic"])
def test_warmup_as_long_as_the_schedule_is_allowed(learner, warmup):
    # warmup_steps == total_steps: all warm-up, then min_lr; the cosine part is empty.
    got = [learner.cosine_lr(s, 5, 0.2, 0.01, 5, 0.0, warmup) for s in range(7)]
    expected = [closed_form(s, 5, 0.2, 0.01, 5, 0.0, warmup) for s in range(7)]
    text = f"[cosine_lr(s, 5, 0.2, 0.01, warmup_steps=5, warmup_start_lr=0.0, warmup={warmup!r}) for s in 0..6]"
    assert_close(got, expected, call=text, rtol=1e-12, atol=1e-15)


# ------------------------------------------------------------------------------------------- the scheduler


def drive(opt, sched, steps: int) -> list[list[float]]:
    seen = []
    for _ in range(steps):
        seen.append([g["lr"] for g in opt.param_groups])
        opt.step()
        sched.step()
    return seen


@pytest.mark.points(2)
def test_scheduler_drives_each_param_group_from_its_own_lr(learner):
    a, b = torch.zeros(2, requires_grad=True), torch.zeros(3, requires_grad=True)
    opt = torch.optim.SGD([{"params": [a], "lr": 0.1}, {"params": [b], "lr": 0.003}], lr=1.0)
    kw = dict(min_lr=1e-4, warmup_steps=3, warmup_start_lr=1e-3)
    sched = learner.warmup_cosine_scheduler(opt, 12, **kw)
    assert isinstance(sched, torch.optim.lr_scheduler.LambdaLR), (
        f"warmup_cosine_scheduler returned {type(sched).__name__}, expected a torch.optim.lr_scheduler.LambdaLR"
    )
    got = drive(opt, sched, 14)
    expected = [[closed_form(s, 12, base, 1e-4, 3, 1e-3) for base in (0.1, 0.003)] for s in range(14)]
    assert_close(
        got,
        expected,
        call="warmup_cosine_scheduler(SGD with groups lr=0.1 and lr=0.003, 12, min_lr=1e-4, "
        "warmup_steps=3, warmup_start_lr=1e-3), lr of each group at steps 0..13",
        rtol=1e-9,
        atol=1e-12,
    )


def test_scheduler_without_warmup_matches_cosine_annealing(learner):
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.AdamW([p], lr=0.05)
    sched = learner.warmup_cosine_scheduler(opt, 25, min_lr=0.001)
    got = [lrs[0] for lrs in drive(opt, sched, 26)]
    assert_close(
        got,
        annealing_lrs(25, 0.05, 0.001),
        call="warmup_cosine_scheduler(AdamW(lr=0.05), 25, min_lr=0.001) against CosineAnnealingLR",
        rtol=1e-9,
        atol=1e-12,
    )


def test_scheduler_rejects_a_group_with_zero_lr(learner):
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.0)
    assert_raises(
        ValueError,
        learner.warmup_cosine_scheduler,
        opt,
        10,
        match=r"\blr\b",
        call="warmup_cosine_scheduler(SGD(lr=0.0), 10)",
    )


@pytest.mark.parametrize(
    "kw, match",
    [
        ({"base_lr": 0.1}, r"\bbase_lr\b"),
        ({"warmup": "cubic", "warmup_steps": 2}, r"\bwarmup\b"),
        ({"warmup_steps": 11}, r"\bwarmup_steps\b"),
    ],
    ids=["base_lr", "unknown warm-up", "warm-up too long"],
)
def test_scheduler_rejects_bad_keywords(learner, kw, match):
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
    text = "warmup_cosine_scheduler(SGD(lr=0.1), 10, " + ", ".join(f"{k}={v!r}" for k, v in kw.items()) + ")"
    assert_raises(ValueError, learner.warmup_cosine_scheduler, opt, 10, match=match, call=text, **kw)


def test_scheduler_rejects_an_unknown_keyword(learner):
    # A misspelt keyword must not be ignored: warmup_step=3 would silently train without a warm-up.
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
    assert_raises(
        TypeError,
        learner.warmup_cosine_scheduler,
        opt,
        10,
        warmup_step=3,
        call="warmup_cosine_scheduler(SGD(lr=0.1), 10, warmup_step=3)",
    )
