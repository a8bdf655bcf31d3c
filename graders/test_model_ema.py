"""Grader for model_ema: YOLOX's exponential moving average of a model.

Expected values: the EMA recurrence written out here over the model's state_dict, with
``d_k = decay * (1 - exp(-k / tau))`` for the k-th update (k counted from 1); the model is trained for a
few SGD steps in between so that parameters and BatchNorm buffers really change.

Promises and the tests that hold them:
- the copy: equal at first, eval mode, no parameter requires grad, the model untouched
  -> test_copy_is_frozen_in_eval_mode_and_equal_at_first
- a deep copy owning its tensors -> test_copy_owns_its_tensors, test_later_changes_to_the_model_do_not_reach_the_copy
- ema = d * ema + (1 - d) * model for parameters and float buffers, d with the ramp, updates counted
  -> test_averages_parameters_and_float_buffers_with_the_ramp, test_first_update_follows_the_model_closely
- integer buffers copied -> test_copies_integer_buffers
- decay_at(k) = decay * (1 - exp(-k / tau)) -> test_decay_at_is_the_ramp
- decay_at returns a Python float -> test_decay_at_returns_a_python_float
- updates a Python int, 0 at first -> test_updates_is_a_python_int
- decay 0 is allowed (the copy follows the model) -> test_decay_zero_is_allowed_and_the_copy_follows_the_model
- no graph, eval mode kept after update -> test_update_records_no_graph_and_keeps_eval_mode
- update leaves the model unchanged -> test_update_leaves_the_model_unchanged
- decay outside [0, 1), tau <= 0 -> ValueError naming it -> test_rejects_bad_arguments
- a model that does not fit -> ValueError naming model -> test_update_rejects_a_model_that_does_not_fit
- ... checked before anything is blended -> test_failed_update_changes_neither_the_copy_nor_the_count
"""

from __future__ import annotations

import copy
import math

import pytest
import torch
from torch import nn

from graders.helpers import assert_close, assert_equal, assert_raises


def make_model(seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    return nn.Sequential(
        nn.Conv2d(3, 4, 3, padding=1),
        nn.BatchNorm2d(4),
        nn.ReLU(),
        nn.Flatten(),
        nn.Linear(4 * 5 * 6, 3),
    ).double()


def train_step(model: nn.Module, opt: torch.optim.Optimizer, seed: int) -> None:
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(6, 3, 5, 6, generator=g, dtype=torch.float64)
    y = torch.randint(0, 3, (6,), generator=g)
    model.train()
    opt.zero_grad()
    nn.functional.cross_entropy(model(x), y).backward()
    opt.step()


def reference_run(model: nn.Module, steps: int, decay: float, tau: float, learner=None):
    """Train ``model`` for ``steps`` steps; return (expected EMA state, learner's EMA or None)."""
    expected = {k: v.detach().clone() for k, v in model.state_dict().items()}
    ema = learner.ModelEMA(model, decay=decay, tau=tau) if learner is not None else None
    opt = torch.optim.SGD(model.parameters(), lr=0.5)
    for k in range(1, steps + 1):
        train_step(model, opt, seed=100 + k)
        d = decay * (1 - math.exp(-k / tau))
        for name, value in model.state_dict().items():
            if value.dtype.is_floating_point:
                expected[name] = d * expected[name] + (1 - d) * value.detach()
            else:
                expected[name] = value.detach().clone()
        if ema is not None:
            ema.update(model)
    return expected, ema


def test_copy_is_frozen_in_eval_mode_and_equal_at_first(learner):
    model = make_model()
    before = copy.deepcopy(model.state_dict())
    ema = learner.ModelEMA(model)
    assert ema.ema is not model, "ModelEMA(model).ema is the model itself; it must be a copy"
    assert not ema.ema.training, "ModelEMA(model).ema is in training mode; the EMA copy is for evaluation (eval mode)"
    trainable = [n for n, p in ema.ema.named_parameters() if p.requires_grad]
    assert not trainable, f"ModelEMA(model).ema has parameters that require grad: {trainable}"
    assert_equal(ema.updates, 0, call="ModelEMA(model).updates")
    for name, value in ema.ema.state_dict().items():
        assert_close(value, before[name], call="ModelEMA(model).ema.state_dict()", what=name)
    assert all(p.requires_grad for p in model.parameters()), "ModelEMA(model) froze the model's own parameters"
    assert model.training, "ModelEMA(model) put the model itself in eval mode"


def test_copy_owns_its_tensors(learner):
    model = make_model()
    ema = learner.ModelEMA(model)
    shared = [
        n
        for (n, p), q in zip(model.named_parameters(), ema.ema.parameters(), strict=True)
        if p.data_ptr() == q.data_ptr()
    ]
    assert not shared, f"ModelEMA(model).ema shares storage with the model for {shared}: use a deep copy"


@pytest.mark.points(3)
@pytest.mark.parametrize("decay, tau", [(0.9999, 2000.0), (0.9, 3.0), (0.5, 1.0)])
def test_averages_parameters_and_float_buffers_with_the_ramp(learner, decay, tau):
    expected, ema = reference_run(make_model(1), steps=7, decay=decay, tau=tau, learner=learner)
    assert_equal(ema.updates, 7, call=f"ModelEMA(model, decay={decay}, tau={tau}) after 7 update() calls, .updates")
    got = ema.ema.state_dict()
    for name, value in expected.items():
        if value.dtype.is_floating_point:
            assert_close(
                got[name],
                value,
                call=f"ModelEMA(model, decay={decay}, tau={tau}), 7 training steps, each followed by update(model)",
                what=f"ema.state_dict()[{name!r}]",
            )


def test_copies_integer_buffers(learner):
    expected, ema = reference_run(make_model(2), steps=5, decay=0.9, tau=2.0, learner=learner)
    got = ema.ema.state_dict()["1.num_batches_tracked"]
    assert_close(
        got,
        expected["1.num_batches_tracked"],
        call="ModelEMA after 5 steps of a model with BatchNorm",
        what="ema.state_dict()['1.num_batches_tracked'] (copied, not averaged)",
    )


def test_first_update_follows_the_model_closely(learner):
    # d_1 = 0.9999 * (1 - exp(-1/2000)) ≈ 5e-4: the average forgets the initial weights at once
    model = make_model(3)
    ema = learner.ModelEMA(model)
    with torch.no_grad():
        for p in model.parameters():
            p.add_(1.0)
    ema.update(model)
    d = 0.9999 * (1 - math.exp(-1 / 2000))
    for (name, p), q in zip(model.named_parameters(), ema.ema.parameters(), strict=True):
        assert_close(
            q,
            p.detach() - d,
            call="ModelEMA(model); every weight += 1; update(model)",
            what=name,
            rtol=1e-9,
            atol=1e-12,
        )


def test_decay_at_is_the_ramp(learner):
    ema = learner.ModelEMA(make_model(), decay=0.99, tau=50.0)
    got = [ema.decay_at(k) for k in (1, 10, 50, 500)]
    expected = [0.99 * (1 - math.exp(-k / 50.0)) for k in (1, 10, 50, 500)]
    assert_close(got, expected, call="[ModelEMA(model, decay=0.99, tau=50).decay_at(k) for k in (1, 10, 50, 500)]")


def test_update_records_no_graph_and_keeps_eval_mode(learner):
    model = make_model(4)
    ema = learner.ModelEMA(model, decay=0.9, tau=1.0)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    train_step(model, opt, seed=5)
    ema.update(model)
    attached = [n for n, t in ema.ema.state_dict(keep_vars=True).items() if t.requires_grad or t.grad_fn is not None]
    assert not attached, f"after update(model), these EMA tensors are part of an autograd graph: {attached}"
    assert not ema.ema.training, "after update(model) of a model in train mode, ema.ema must stay in eval mode"


def test_update_leaves_the_model_unchanged(learner):
    model = make_model(6)
    ema = learner.ModelEMA(model, decay=0.9, tau=1.0)
    with torch.no_grad():
        for p in model.parameters():
            p.mul_(-2.0)
    before = copy.deepcopy(model.state_dict())
    ema.update(model)
    for name, value in model.state_dict().items():
        assert_close(value, before[name], call="update(model)", what=f"the model's own {name!r} (must not change)")


def test_later_changes_to_the_model_do_not_reach_the_copy(learner):
    model = make_model(7)
    ema = learner.ModelEMA(model, decay=0.9, tau=1.0)
    ema.update(model)
    snapshot = copy.deepcopy(ema.ema.state_dict())
    with torch.no_grad():
        for p in model.parameters():
            p.zero_()
    for name, value in ema.ema.state_dict().items():
        assert_close(
            value,
            snapshot[name],
            call="ModelEMA: update(model), then zero the model's weights",
            what=f"ema {name!r} (must not move until the next update)",
        )


@pytest.mark.parametrize(
    "kwargs, match",
    [({"decay": 1.0}, r"\bdecay\b"), ({"decay": -0.1}, r"\bdecay\b"), ({"tau": 0}, r"\btau\b")],
)
def test_rejects_bad_arguments(learner, kwargs, match):
    assert_raises(ValueError, learner.ModelEMA, make_model(), match=match, **kwargs)


def test_updates_is_a_python_int(learner):
    model = make_model(8)
    ema = learner.ModelEMA(model, decay=0.9, tau=1.0)
    counts = [ema.updates]
    for _ in range(3):
        ema.update(model)
        counts.append(ema.updates)
    bad = [c for c in counts if isinstance(c, bool) or not isinstance(c, int)]
    if bad or counts != [0, 1, 2, 3]:
        raise AssertionError(
            f"ModelEMA(model).updates before and after each of 3 update() calls\n"
            f"  got {[f'{c!r} ({type(c).__name__})' for c in counts]}, expected the Python ints 0, 1, 2, 3"
        )


def test_decay_at_returns_a_python_float(learner):
    ema = learner.ModelEMA(make_model(), decay=0.99, tau=50.0)
    got = ema.decay_at(10)
    if not isinstance(got, float):
        raise AssertionError(
            f"ModelEMA(...).decay_at(10)\n  returned {got!r} ({type(got).__name__}), expected a Python float"
        )


def test_decay_zero_is_allowed_and_the_copy_follows_the_model(learner):
    # decay is in [0, 1): with 0, every d is 0 and the copy is the model after each update.
    expected, ema = reference_run(make_model(9), steps=3, decay=0.0, tau=2.0, learner=learner)
    got = ema.ema.state_dict()
    for name, value in expected.items():
        assert_close(got[name], value, call="ModelEMA(model, decay=0.0, tau=2.0), 3 steps", what=f"ema {name!r}")


def _model_with_a_wider_head() -> nn.Module:
    torch.manual_seed(10)
    return nn.Sequential(
        nn.Conv2d(3, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 5 * 6, 5)
    ).double()


def _model_without_batch_norm() -> nn.Module:
    torch.manual_seed(11)
    return nn.Sequential(
        nn.Conv2d(3, 4, 3, padding=1), nn.Identity(), nn.ReLU(), nn.Flatten(), nn.Linear(120, 3)
    ).double()


@pytest.mark.parametrize("other", ["a wider last layer", "no BatchNorm"])
def test_update_rejects_a_model_that_does_not_fit(learner, other):
    ema = learner.ModelEMA(make_model(), decay=0.9, tau=1.0)
    model = _model_with_a_wider_head() if other == "a wider last layer" else _model_without_batch_norm()
    call = f"ModelEMA(model).update(a model with {other})"
    assert_raises(ValueError, ema.update, model, match=r"\bmodel\b", call=call)


def test_failed_update_changes_neither_the_copy_nor_the_count(learner):
    # The mismatch is in the last layer: answers that blend entry by entry and stop there have already
    # moved the convolution and BatchNorm entries, and counted the update.
    ema = learner.ModelEMA(make_model(), decay=0.9, tau=1.0)
    before = copy.deepcopy(ema.ema.state_dict())
    call = "ModelEMA(model).update(a model whose last layer is wider)"
    try:
        ema.update(_model_with_a_wider_head())
    except ValueError:
        pass
    else:
        raise AssertionError(f"{call}\n  returned without raising ValueError")
    assert_equal(ema.updates, 0, call=call + ", then .updates", what="updates (the failed call does not count)")
    for name, value in ema.ema.state_dict().items():
        assert_close(value, before[name], call=call + " raised; then the copy", what=f"ema {name!r} (must not move)")
