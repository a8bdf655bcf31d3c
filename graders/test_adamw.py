"""Grader for adamw: ``AdamW`` and ``AdamL2`` written by hand as ``torch.optim.Optimizer`` subclasses.

Expected values come from ``torch.optim.AdamW`` and ``torch.optim.Adam(weight_decay=...)`` run side by side
on copies of the same parameters with the same gradients (50 steps of a small non-linear least-squares
problem), and from one closed form: a parameter whose gradient is 0 is only shrunk by AdamW, by
``(1 - lr * weight_decay)`` per step.

Promises and the tests that hold them:
- torch's trajectories, float32 and float64 -> test_adamw_follows_torch_adamw_for_50_steps,
  test_adam_l2_follows_torch_adam_with_weight_decay_for_50_steps
- torch's defaults (weight_decay 1e-2 for both) -> test_default_hyperparameters_are_torchs
- parameter groups with their own lr/weight_decay -> test_each_param_group_uses_its_own_lr_and_weight_decay
- no gradient: skipped, no state, no decay -> test_parameter_without_gradient_is_skipped_and_gets_no_state
- a step count per parameter -> test_each_parameter_counts_its_own_steps
- eps after the square root -> test_small_gradients_put_eps_after_the_square_root
- group["lr"] read at every step -> test_learning_rate_changed_by_a_scheduler_takes_effect
- state_dict()/load_state_dict() carry on exactly -> test_state_dict_lets_a_fresh_optimizer_carry_on
- state: "step" a 0-d float32 tensor (float64 parameters too), moments shaped and typed like the parameter
  -> test_state_holds_a_float32_step_tensor_and_both_moments
- step(closure) returns its loss, computed with gradients on -> test_step_with_a_closure_returns_its_loss
- p.grad not modified -> test_step_leaves_the_gradients_unchanged
- decoupled decay against L2 (zero gradient) -> test_adamw_and_adam_l2_decay_a_weight_with_zero_gradient_differently
- torch.optim.Optimizer subclasses with lr, betas, eps, weight_decay in param_groups
  -> test_both_optimizers_are_torch_optimizers_with_the_usual_group_keys
- ValueError naming the hyperparameter out of range -> test_rejects_invalid_hyperparameters
- the bounds themselves accepted -> test_accepts_hyperparameters_on_the_bounds
- by hand: no torch.optim.adam/adamw code (base class, instance, functional), no fused or _foreach_ ops
  -> test_step_is_written_by_hand
Not tested: the device (no second device on the grading machines).
"""

from __future__ import annotations

import copy

import pytest
import torch
import torch._dynamo  # noqa: F401 - see below

from graders.helpers import assert_close, assert_equal, assert_raises, by_hand_entries, forbidden

# torch.optim.Optimizer.__init__ imports torch._dynamo the first time an optimizer is built (about 2 s here);
# importing it while the grader is collected keeps that cost out of the first test's timeout.
SEED = 601
CLASSES = pytest.mark.parametrize("name", ["AdamW", "AdamL2"])
DTYPES = pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])
TORCH = {
    "AdamW": torch.optim.AdamW,
    "AdamL2": torch.optim.Adam,
}


def initial_params(seed: int, dtype=torch.float32) -> list[torch.Tensor]:
    g = torch.Generator().manual_seed(seed)
    shapes = [(5, 3), (3,), (3, 2)]
    return [torch.randn(s, generator=g, dtype=torch.float64).to(dtype) for s in shapes]


def data(seed: int, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed + 1000)
    return torch.randn(16, 5, generator=g, dtype=torch.float64).to(dtype), torch.randn(
        16, 2, generator=g, dtype=torch.float64
    ).to(dtype)


def loss_fn(params, x, y, scale: float = 1.0):
    w1, b1, w2 = params[:3]
    return scale * ((torch.tanh(x @ w1 + b1) @ w2 - y) ** 2).mean()


def make_opt(cls, params, groups, kwargs):
    """groups: None (one group) or a list of dicts of per-group options over params[0:1], params[1:] …"""
    if groups is None:
        return cls(params, **kwargs)
    return cls([{"params": [params[i] for i in g["idx"]], **g["opts"]} for g in groups], **kwargs)


def trajectory(
    cls,
    *,
    steps: int = 50,
    dtype=torch.float32,
    kwargs=None,
    groups=None,
    seed: int = SEED,
    gets_grad=None,
    scale: float = 1.0,
    scheduler=None,
):
    """Parameters after every step. gets_grad(i, t) says whether params[i] gets a gradient at step t."""
    params = [p.clone().requires_grad_() for p in initial_params(seed, dtype)]
    x, y = data(seed, dtype)
    opt = make_opt(cls, params, groups, kwargs or {})
    sched = scheduler(opt) if scheduler else None
    out = []
    for t in range(steps):
        for p in params:
            p.grad = None
        loss_fn(params, x, y, scale).backward()
        if gets_grad is not None:
            for i, p in enumerate(params):
                if not gets_grad(i, t):
                    p.grad = None
        opt.step()
        if sched:
            sched.step()
        out.append([p.detach().clone() for p in params])
    return out, opt, params


def assert_same_trajectory(got, expected, call: str, seed: int = SEED) -> None:
    names = ["w1", "b1", "w2", "extra"]
    for t, (g_step, e_step) in enumerate(zip(got, expected, strict=True)):
        for i, (g, e) in enumerate(zip(g_step, e_step, strict=True)):
            assert_close(g, e, call=f"{call}, after step {t + 1}", seed=seed, what=f"parameter {names[i]}")


def learner_class(learner, name):
    return getattr(learner, name)


# ------------------------------------------------------------------------------------------- trajectories


@pytest.mark.points(2)
@DTYPES
def test_adamw_follows_torch_adamw_for_50_steps(learner, dtype):
    kwargs = {"lr": 0.05, "betas": (0.8, 0.99), "weight_decay": 0.1}
    got, _, _ = trajectory(learner.AdamW, dtype=dtype, kwargs=kwargs)
    expected, _, _ = trajectory(torch.optim.AdamW, dtype=dtype, kwargs=kwargs)
    assert_same_trajectory(got, expected, f"AdamW(params, {kwargs}) against torch.optim.AdamW")


@pytest.mark.points(2)
@DTYPES
def test_adam_l2_follows_torch_adam_with_weight_decay_for_50_steps(learner, dtype):
    kwargs = {"lr": 0.05, "betas": (0.8, 0.99), "weight_decay": 0.1}
    got, _, _ = trajectory(learner.AdamL2, dtype=dtype, kwargs=kwargs)
    expected, _, _ = trajectory(torch.optim.Adam, dtype=dtype, kwargs=kwargs)
    assert_same_trajectory(got, expected, f"AdamL2(params, {kwargs}) against torch.optim.Adam")


@CLASSES
def test_default_hyperparameters_are_torchs(learner, name):
    # lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2 (torch.optim.Adam's default decay is 0: given here)
    got, _, _ = trajectory(learner_class(learner, name), steps=20, dtype=torch.float64)
    expected, _, _ = trajectory(TORCH[name], steps=20, dtype=torch.float64, kwargs={"weight_decay": 1e-2})
    assert_same_trajectory(got, expected, f"{name}(params) with default hyperparameters")


@pytest.mark.points(2)
@CLASSES
def test_each_param_group_uses_its_own_lr_and_weight_decay(learner, name):
    groups = [
        {"idx": [0], "opts": {"lr": 0.1, "weight_decay": 0.3}},
        {"idx": [1, 2], "opts": {"weight_decay": 0.0}},
    ]
    kwargs = {"lr": 0.02, "weight_decay": 0.05}
    got, opt, _ = trajectory(learner_class(learner, name), dtype=torch.float64, kwargs=kwargs, groups=groups)
    expected, _, _ = trajectory(TORCH[name], dtype=torch.float64, kwargs=kwargs, groups=groups)
    assert_equal(len(opt.param_groups), 2, call=f"{name}([group0, group1], lr=0.02)", what="len(param_groups)")
    assert_same_trajectory(
        got,
        expected,
        f"{name}([{{w1, lr=0.1, weight_decay=0.3}}, {{b1, w2, weight_decay=0}}], lr=0.02, weight_decay=0.05)",
    )


@pytest.mark.points(2)
@CLASSES
def test_parameter_without_gradient_is_skipped_and_gets_no_state(learner, name):
    # b1 never gets a gradient: it must stay as it is (no decay either) and have no state.
    kwargs = {"lr": 0.05, "weight_decay": 0.2}
    got, opt, params = trajectory(
        learner_class(learner, name), steps=10, dtype=torch.float64, kwargs=kwargs, gets_grad=lambda i, t: i != 1
    )
    expected, _, _ = trajectory(
        TORCH[name], steps=10, dtype=torch.float64, kwargs=kwargs, gets_grad=lambda i, t: i != 1
    )
    call = f"{name}(params, lr=0.05, weight_decay=0.2) with b1.grad = None at every step"
    assert_same_trajectory(got, expected, call)
    state = opt.state.get(params[1], {})
    if len(state) != 0:
        raise AssertionError(f"{call}\n  the optimizer keeps state for b1 ({sorted(state)}); expected none")


@pytest.mark.points(2)
@CLASSES
def test_each_parameter_counts_its_own_steps(learner, name):
    # w2 gets gradients only from step 6 on: its bias correction starts from step 1 then, not 6.
    kwargs = {"lr": 0.05, "weight_decay": 0.1}
    gets = lambda i, t: i != 2 or t >= 5  # noqa: E731
    got, _, _ = trajectory(learner_class(learner, name), steps=15, dtype=torch.float64, kwargs=kwargs, gets_grad=gets)
    expected, _, _ = trajectory(TORCH[name], steps=15, dtype=torch.float64, kwargs=kwargs, gets_grad=gets)
    assert_same_trajectory(got, expected, f"{name}(params, lr=0.05) where w2 first gets a gradient at step 6")


@CLASSES
def test_small_gradients_put_eps_after_the_square_root(learner, name):
    # With gradients around 1e-6, sqrt(v) is comparable to eps: sqrt(v) + eps and sqrt(v + eps) differ.
    kwargs = {"lr": 0.01, "eps": 1e-6, "weight_decay": 0.0}
    got, _, _ = trajectory(learner_class(learner, name), steps=10, dtype=torch.float64, kwargs=kwargs, scale=1e-6)
    expected, _, _ = trajectory(TORCH[name], steps=10, dtype=torch.float64, kwargs=kwargs, scale=1e-6)
    assert_same_trajectory(got, expected, f"{name}(params, lr=0.01, eps=1e-6) on a loss scaled by 1e-6")


@CLASSES
def test_learning_rate_changed_by_a_scheduler_takes_effect(learner, name):
    kwargs = {"lr": 0.1, "weight_decay": 0.1}
    sched = lambda opt: torch.optim.lr_scheduler.StepLR(opt, step_size=7, gamma=0.3)  # noqa: E731
    got, _, _ = trajectory(learner_class(learner, name), steps=20, dtype=torch.float64, kwargs=kwargs, scheduler=sched)
    expected, _, _ = trajectory(TORCH[name], steps=20, dtype=torch.float64, kwargs=kwargs, scheduler=sched)
    assert_same_trajectory(got, expected, f"{name}(params, lr=0.1) with StepLR(step_size=7, gamma=0.3)")


@pytest.mark.points(2)
@CLASSES
def test_state_dict_lets_a_fresh_optimizer_carry_on(learner, name):
    cls = learner_class(learner, name)
    kwargs = {"lr": 0.05, "betas": (0.85, 0.98), "weight_decay": 0.1}
    expected, _, _ = trajectory(TORCH[name], steps=30, dtype=torch.float64, kwargs=kwargs)
    # 12 steps, then a new optimizer on the same parameters, loaded from a deep copy of the state dict.
    first, opt, params = trajectory(cls, steps=12, dtype=torch.float64, kwargs=kwargs)
    saved = copy.deepcopy(opt.state_dict())
    fresh = cls(params, lr=0.5, weight_decay=0.0)  # other hyperparameters: the state dict brings them back
    fresh.load_state_dict(saved)
    x, y = data(SEED, torch.float64)
    rest = []
    for _ in range(18):
        for p in params:
            p.grad = None
        loss_fn(params, x, y).backward()
        fresh.step()
        rest.append([p.detach().clone() for p in params])
    assert_same_trajectory(
        first + rest,
        expected,
        f"{name}(params, lr=0.05, …) for 12 steps, then a fresh {name} with load_state_dict() for 18 more",
    )


@CLASSES
def test_step_with_a_closure_returns_its_loss(learner, name):
    cls = learner_class(learner, name)
    params = [p.clone().requires_grad_() for p in initial_params(SEED, torch.float64)]
    x, y = data(SEED, torch.float64)
    opt = cls(params, lr=0.05)

    def closure():
        opt.zero_grad()
        loss = loss_fn(params, x, y)
        loss.backward()
        return loss

    expected_loss = loss_fn(params, x, y).item()
    loss = opt.step(closure)
    assert_close(loss, expected_loss, call=f"{name}.step(closure)", what="returned loss")
    theirs = [p.clone().requires_grad_() for p in initial_params(SEED, torch.float64)]
    ref = TORCH[name](theirs, lr=0.05, weight_decay=1e-2)
    loss_fn(theirs, x, y).backward()
    ref.step()
    for i, (a, e) in enumerate(zip(params, theirs, strict=True)):
        assert_close(a.detach(), e.detach(), call=f"{name}.step(closure)", what=f"parameter {i} afterwards")


@CLASSES
def test_step_leaves_the_gradients_unchanged(learner, name):
    params = [p.clone().requires_grad_() for p in initial_params(SEED, torch.float64)]
    x, y = data(SEED, torch.float64)
    opt = learner_class(learner, name)(params, lr=0.05, weight_decay=0.5)
    loss_fn(params, x, y).backward()
    before = [p.grad.clone() for p in params]
    opt.step()
    for i, (b, p) in enumerate(zip(before, params, strict=True)):
        assert_close(
            p.grad,
            b,
            call=f"{name}(params, weight_decay=0.5).step()  [add the decay to a copy, not to p.grad]",
            what=f"params[{i}].grad",
        )


# ------------------------------------------------------------------------------------------- AdamW vs Adam + L2


@pytest.mark.points(2)
def test_adamw_and_adam_l2_decay_a_weight_with_zero_gradient_differently(learner):
    # A weight whose gradient is exactly 0 (a dead unit): AdamW only shrinks it, p_t = p_0 (1 - lr wd)^t.
    # Adam + L2 feeds wd * p to Adam, which normalises it to a step of about lr: p moves by ~lr per step.
    lr, wd, steps = 0.01, 0.1, 30
    p0 = torch.tensor([2.0, -1.0, 0.5], dtype=torch.float64)
    results = {}
    for name in ("AdamW", "AdamL2"):
        for impl in ("learner", "torch"):
            p = p0.clone().requires_grad_()
            cls = learner_class(learner, name) if impl == "learner" else TORCH[name]
            opt = cls([p], lr=lr, weight_decay=wd)
            for _ in range(steps):
                p.grad = torch.zeros_like(p)
                opt.step()
            results[name, impl] = p.detach().clone()
    closed_form = p0 * (1 - lr * wd) ** steps
    assert_close(
        results["AdamW", "learner"],
        closed_form,
        call=f"AdamW([p], lr={lr}, weight_decay={wd}), {steps} steps with p.grad = 0  [p_0 (1 - lr wd)^t]",
    )
    assert_close(
        results["AdamL2", "learner"],
        results["AdamL2", "torch"],
        call=f"AdamL2([p], lr={lr}, weight_decay={wd}), {steps} steps with p.grad = 0  [against torch.optim.Adam]",
    )
    gap = (results["AdamW", "learner"] - results["AdamL2", "learner"]).abs().min().item()
    assert gap > 0.1, f"after {steps} steps with zero gradient AdamW and AdamL2 should be far apart; gap {gap:.3g}"


def test_both_optimizers_are_torch_optimizers_with_the_usual_group_keys(learner):
    params = [torch.zeros(2, requires_grad=True)]
    for name in ("AdamW", "AdamL2"):
        opt = learner_class(learner, name)(params, lr=0.3, betas=(0.5, 0.6), eps=1e-4, weight_decay=0.2)
        assert isinstance(opt, torch.optim.Optimizer), f"{name} is not a torch.optim.Optimizer subclass"
        group = opt.param_groups[0]
        for key, value in (("lr", 0.3), ("betas", (0.5, 0.6)), ("eps", 1e-4), ("weight_decay", 0.2)):
            got = group.get(key)
            got = tuple(got) if key == "betas" and got is not None else got
            call = f"{name}(params, lr=0.3, betas=(0.5, 0.6), eps=1e-4, weight_decay=0.2).param_groups[0]"
            assert_equal(got, value, call=call, what=f"[{key!r}]")


@CLASSES
@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"lr": -0.1}, r"\blr\b"),
        ({"betas": (1.0, 0.999)}, r"\bbetas\b"),
        ({"betas": (0.9, 1.0)}, r"\bbetas\b"),
        ({"betas": (-0.1, 0.999)}, r"\bbetas\b"),
        ({"eps": -1e-8}, r"\beps\b"),
        ({"weight_decay": -0.01}, r"\bweight_decay\b"),
    ],
    ids=["negative lr", "beta1 = 1", "beta2 = 1", "negative beta1", "negative eps", "negative weight_decay"],
)
def test_rejects_invalid_hyperparameters(learner, name, kwargs, match):
    params = [torch.zeros(2, requires_grad=True)]
    assert_raises(
        ValueError, learner_class(learner, name), params, match=match, call=f"{name}(params, {kwargs})", **kwargs
    )


@CLASSES
def test_accepts_hyperparameters_on_the_bounds(learner, name):
    # lr >= 0, eps >= 0, weight_decay >= 0, betas in [0, 1): the bounds themselves are allowed (as in torch)
    kwargs = {"lr": 0.0, "betas": (0.0, 0.0), "eps": 0.0, "weight_decay": 0.0}
    got, _, _ = trajectory(learner_class(learner, name), steps=3, dtype=torch.float64, kwargs=kwargs)
    expected, _, _ = trajectory(TORCH[name], steps=3, dtype=torch.float64, kwargs=kwargs)
    assert_same_trajectory(got, expected, f"{name}(params, lr=0, betas=(0, 0), eps=0, weight_decay=0)")


@CLASSES
@DTYPES
def test_state_holds_a_float32_step_tensor_and_both_moments(learner, name, dtype):
    kwargs = {"lr": 0.05, "weight_decay": 0.1}
    _, opt, params = trajectory(learner_class(learner, name), steps=3, dtype=dtype, kwargs=kwargs)
    _, ref, ref_params = trajectory(TORCH[name], steps=3, dtype=dtype, kwargs=kwargs)
    call = f"{name}(params, lr=0.05, weight_decay=0.1) on {str(dtype)[6:]} parameters, after 3 steps: state[w1]"
    state, theirs = opt.state.get(params[0], {}), ref.state[ref_params[0]]
    step = state.get("step")
    if not isinstance(step, torch.Tensor) or step.dtype != torch.float32 or step.dim() != 0:
        raise AssertionError(f'{call}["step"] is {step!r}; expected a 0-d float32 tensor (torch.tensor(3.0))')
    assert_close(step, torch.tensor(3.0), call=call, what='["step"]')
    for key in ("exp_avg", "exp_avg_sq"):
        assert_close(
            state.get(key), theirs[key], call=call + f" against torch.optim.{TORCH[name].__name__}", what=f"[{key!r}]"
        )


@pytest.mark.by_hand
@CLASSES
def test_step_is_written_by_hand(learner, name):
    kwargs = {"lr": 0.05, "weight_decay": 0.1}
    expected, _, _ = trajectory(TORCH[name], steps=5, dtype=torch.float64, kwargs=kwargs)
    with forbidden(*by_hand_entries("adamw")):
        got, _, _ = trajectory(learner_class(learner, name), steps=5, dtype=torch.float64, kwargs=kwargs)
    assert_same_trajectory(got, expected, f"{name}(params, lr=0.05, weight_decay=0.1)")
