"""Grader for mixup: ``mixup_data`` and ``mixup_criterion``.

Expected values come from replaying the documented draws (``lam = rng.beta(alpha, alpha)``, then
``rng.permutation(batch_size)``) on a generator with the same seed, from invariants that hold whatever the
order of the draws (each mixed row is ``lam * x[i] + (1 - lam) * x[j]`` with ``y_b[i] == y[j]``), and from
statistics over many seeds: the mean and variance of ``lam`` against Beta(alpha, alpha) and the
permutations against the uniform distribution, with bounds of about five standard errors (p ~ 1e-6), so that
any correct implementation passes.

Promises and the tests that hold them:
mixup_data
- lam = rng.beta(alpha, alpha) first, then perm = rng.permutation(B); mixed_x, y_b = y[perm], dtype kept
  -> test_reproduces_the_documented_draws_from_rng, test_works_with_one_hot_labels_and_images
- row i blends x[i] with the partner whose label is y_b[i]
  -> test_each_row_is_mixed_with_the_partner_whose_label_is_in_y_b
- lam ~ Beta(alpha, alpha), in [0, 1] -> test_lam_follows_the_beta_distribution
- partners a uniform permutation -> test_permutations_are_uniform
- alpha <= 0: lam = 1, nothing drawn for it, the permutation still drawn
  -> test_alpha_at_most_zero_gives_lam_one_and_still_draws_the_permutation
- mixed_x a new tensor, also when lam = 1 -> test_mixed_x_is_a_new_tensor_even_when_lam_is_one
- y_a is y itself -> test_y_a_is_y_itself
- lam a Python float -> test_lam_is_a_python_float
- x and y not modified -> test_leaves_x_and_y_unchanged
- x's device (no .cuda()) -> test_keeps_the_device_of_x
- rng None works -> test_works_without_a_generator
- y of another batch size / x without a batch dimension -> ValueError naming y / x
  -> test_rejects_labels_of_another_batch_size, test_rejects_x_without_a_batch_dimension
- x, y not tensors, x not floating point, rng not a Generator -> TypeError naming it
  -> test_rejects_arguments_of_the_wrong_type
mixup_criterion
- lam * criterion(pred, y_a) + (1 - lam) * criterion(pred, y_b) -> test_criterion_blends_the_two_losses_with_lam,
  test_criterion_calls_criterion_with_pred_and_each_label_set, test_mixup_end_to_end_with_lam_one_is_the_plain_loss
- the shape criterion returns, not reduced further -> test_criterion_keeps_the_shape_that_criterion_returns
- differentiable with respect to pred -> test_criterion_gradient_is_the_blend_of_the_two_gradients
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from graders.helpers import assert_close, assert_equal, assert_raises, assert_unchanged, call_repr, describe


def replay(seed: int, alpha: float, batch_size: int) -> tuple[float, np.ndarray]:
    """The documented draws: lam first (only when alpha > 0), then the permutation (always)."""
    rng = np.random.default_rng(seed)
    lam = float(rng.beta(alpha, alpha)) if alpha > 0 else 1.0
    return lam, rng.permutation(batch_size)


def batch(shape, seed, dtype=torch.float32) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return torch.randn(shape, generator=g, dtype=torch.float64).to(dtype)


def unpack(result, call: str):
    if not isinstance(result, tuple) or len(result) != 4:
        raise AssertionError(f"{call}\n  returned {describe(result)}, expected a tuple (mixed_x, y_a, y_b, lam)")
    return result


def partner_indices(y: torch.Tensor, y_b: torch.Tensor, call: str) -> list[int]:
    """For labels y = a permutation of 0..B-1 (distinct), the partner j of each row i: y_b[i] == y[j]."""
    where = {int(v): j for j, v in enumerate(y.tolist())}
    partners = []
    for i, v in enumerate(y_b.tolist()):
        if int(v) not in where:
            raise AssertionError(f"{call}\n  y_b[{i}] = {v} is not one of the labels in y")
        partners.append(where[int(v)])
    return partners


def lam_of(learner, seed: int, alpha: float) -> float:
    x, y = torch.zeros(2, 1), torch.arange(2)
    _, _, _, lam = unpack(learner.mixup_data(x, y, alpha, np.random.default_rng(seed)), "mixup_data(...)")
    return float(lam)


def chi2_upper(df: int, z: float = 4.753) -> float:
    """Wilson-Hilferty approximation of the chi-square quantile with upper tail Phi(-z) (z = 4.753: 1e-6)."""
    c = 2 / (9 * df)
    return df * (1 - c + z * math.sqrt(c)) ** 3


# ------------------------------------------------------------------------------------------- mixup_data


@pytest.mark.points(2)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])
@pytest.mark.parametrize("alpha", [0.2, 1.0, 2.0])
def test_reproduces_the_documented_draws_from_rng(learner, dtype, alpha):
    for seed in (0, 1, 2024):
        x = batch((7, 3, 5, 4), seed, dtype)
        y = torch.randint(0, 10, (7,), generator=torch.Generator().manual_seed(seed))
        call = call_repr("mixup_data", x, y, alpha, np.random.default_rng(seed)) + f" with default_rng({seed})"
        mixed, y_a, y_b, lam = unpack(learner.mixup_data(x, y, alpha, np.random.default_rng(seed)), call)
        exp_lam, perm = replay(seed, alpha, 7)
        assert_close(lam, exp_lam, call=call + "  (lam = rng.beta(alpha, alpha), drawn first)", what="lam")
        index = torch.as_tensor(perm)
        assert_equal(y_b, y[index], call=call + "  (then perm = rng.permutation(7); y_b = y[perm])", what="y_b")
        assert_equal(y_a, y, call=call, what="y_a")
        assert_close(mixed, exp_lam * x + (1 - exp_lam) * x[index], call=call, what="mixed_x")


@pytest.mark.points(2)
def test_each_row_is_mixed_with_the_partner_whose_label_is_in_y_b(learner):
    # Holds whatever the order of the draws: row i blends x[i] and x[j] where y_b[i] == y[j].
    for seed in range(5):
        x = batch((9, 2, 3), 100 + seed, torch.float64)
        y = torch.randperm(9, generator=torch.Generator().manual_seed(seed))
        call = call_repr("mixup_data", x, y, 1.0, np.random.default_rng(seed))
        mixed, y_a, y_b, lam = unpack(learner.mixup_data(x, y, 1.0, np.random.default_rng(seed)), call)
        partners = partner_indices(y, y_b, call)
        assert_equal(sorted(partners), list(range(9)), call=call, what="partners (each example exactly once)")
        expected = lam * x + (1 - lam) * x[torch.tensor(partners)]
        assert_close(mixed, expected, call=call + "  (lam * x[i] + (1 - lam) * x[j] with y_b[i] == y[j])")


@pytest.mark.points(2)
@pytest.mark.parametrize("alpha", [0.4, 2.0])
def test_lam_follows_the_beta_distribution(learner, alpha):
    n = 2000
    lams = np.array([lam_of(learner, seed, alpha) for seed in range(n)])
    call = f"lam from mixup_data(..., alpha={alpha}, rng=default_rng(seed)) for seeds 0..{n - 1}"
    if lams.min() < 0 or lams.max() > 1:
        raise AssertionError(f"{call}\n  lam went outside [0, 1]: min {lams.min():.4g}, max {lams.max():.4g}")
    var = 1 / (4 * (2 * alpha + 1))  # Beta(a, a): mean 1/2, variance 1 / (4 (2a + 1))
    excess_kurtosis = -6 / (2 * alpha + 3)
    se_mean = math.sqrt(var / n)
    se_var = var * math.sqrt((2 + excess_kurtosis) / n)
    mean_ok = abs(lams.mean() - 0.5) <= 5 * se_mean
    var_ok = abs(lams.var() - var) <= 5 * se_var
    if not (mean_ok and var_ok):
        raise AssertionError(
            f"{call}\n  mean {lams.mean():.4f} (Beta({alpha}, {alpha}): 0.5 ± {5 * se_mean:.4f}), "
            f"variance {lams.var():.4f} (expected {var:.4f} ± {5 * se_var:.4f})"
        )


@pytest.mark.points(2)
def test_permutations_are_uniform(learner):
    # Batch of 4: all 24 permutations should come up about equally often over 2,400 seeds.
    n, counts = 2400, {}
    x, y = batch((4, 2), 7), torch.arange(4)
    for seed in range(n):
        _, _, y_b, _ = unpack(learner.mixup_data(x, y, 1.0, np.random.default_rng(seed)), "mixup_data(...)")
        key = tuple(int(v) for v in y_b.tolist())
        if sorted(key) != [0, 1, 2, 3]:
            raise AssertionError(
                f"mixup_data(x, y=arange(4), 1.0, default_rng({seed}))\n  y_b = {list(key)}: not a permutation of y"
            )
        counts[key] = counts.get(key, 0) + 1
    expected = n / 24
    chi2 = sum((counts.get(p, 0) - expected) ** 2 / expected for p in _all_perms(4))
    bound = chi2_upper(23)
    if chi2 > bound:
        rare = min(_all_perms(4), key=lambda p: counts.get(p, 0))
        raise AssertionError(
            f"y_b from mixup_data(x, y=arange(4), 1.0, default_rng(seed)) for seeds 0..{n - 1}\n"
            f"  the 24 orders are not equally likely: chi-square {chi2:.1f} > {bound:.1f} (p = 1e-6); "
            f"{len(counts)} distinct orders seen, {rare} {counts.get(rare, 0)} times (expected about {expected:.0f})"
        )


def _all_perms(n: int) -> list[tuple[int, ...]]:
    import itertools

    return list(itertools.permutations(range(n)))


@pytest.mark.parametrize("alpha", [0.0, -1.0])
def test_alpha_at_most_zero_gives_lam_one_and_still_draws_the_permutation(learner, alpha):
    seed = 77
    x, y = batch((6, 4), seed), torch.arange(6) * 3
    call = call_repr("mixup_data", x, y, alpha, np.random.default_rng(seed))
    mixed, y_a, y_b, lam = unpack(learner.mixup_data(x, y, alpha, np.random.default_rng(seed)), call)
    assert_close(lam, 1.0, call=call, what="lam")
    assert_close(mixed, x, call=call, what="mixed_x")
    _, perm = replay(seed, alpha, 6)
    assert_equal(y_b, y[torch.as_tensor(perm)], call=call + "  (the permutation is drawn all the same)", what="y_b")


def test_lam_is_a_python_float(learner):
    x, y = batch((3, 2), 3), torch.arange(3)
    _, _, _, lam = unpack(learner.mixup_data(x, y, 1.0, np.random.default_rng(3)), "mixup_data(...)")
    if isinstance(lam, bool) or not isinstance(lam, float):
        raise AssertionError(f"mixup_data(...)\n  returned lam as {describe(lam)}, expected a Python float")


def test_works_with_one_hot_labels_and_images(learner):
    seed = 55
    x = batch((5, 3, 7, 9), seed)
    y = F.one_hot(torch.tensor([2, 0, 1, 2, 3]), 4).float()
    call = call_repr("mixup_data", x, y, 0.5, np.random.default_rng(seed))
    mixed, y_a, y_b, lam = unpack(learner.mixup_data(x, y, 0.5, np.random.default_rng(seed)), call)
    exp_lam, perm = replay(seed, 0.5, 5)
    assert_equal(y_b, y[torch.as_tensor(perm)], call=call, what="y_b (rows of one-hot labels)")
    assert_close(mixed, exp_lam * x + (1 - exp_lam) * x[torch.as_tensor(perm)], call=call, what="mixed_x")


def test_leaves_x_and_y_unchanged(learner):
    x, y = batch((6, 3, 4), 8), torch.arange(6)
    before_x, before_y = x.clone(), y.clone()
    call = call_repr("mixup_data", x, y, 1.0, np.random.default_rng(8))
    learner.mixup_data(x, y, 1.0, np.random.default_rng(8))
    assert_unchanged(before_x, x, name="x", call=call)
    assert_unchanged(before_y, y, name="y", call=call)


@pytest.mark.timeout(40)
def test_keeps_the_device_of_x(learner):
    # The notes' code moved the permutation to .cuda(); tensors on the "meta" device show where results land.
    # The first arithmetic on "meta" loads torch's meta kernels (3-4 s here), hence the warm-up and timeout.
    _ = torch.empty(1, device="meta") * 0.5
    x, y = torch.empty(5, 3, device="meta", dtype=torch.float64), torch.empty(5, dtype=torch.int64, device="meta")
    call = call_repr("mixup_data", x, y, 1.0, np.random.default_rng(1)) + "  (x and y on the meta device)"
    mixed, _, y_b, _ = unpack(learner.mixup_data(x, y, 1.0, np.random.default_rng(1)), call)
    assert_equal(str(mixed.device), "meta", call=call, what="device of mixed_x")
    assert_equal(mixed.dtype, torch.float64, call=call, what="dtype of mixed_x")
    assert_equal(str(y_b.device), "meta", call=call, what="device of y_b")


def test_works_without_a_generator(learner):
    x, y = batch((8, 2), 9), torch.arange(8)
    call = call_repr("mixup_data", x, y, 1.0, None)
    mixed, y_a, y_b, lam = unpack(learner.mixup_data(x, y, 1.0, None), call)
    partners = partner_indices(y, y_b, call)
    assert_equal(sorted(partners), list(range(8)), call=call, what="partners (each example exactly once)")
    assert_close(mixed, lam * x + (1 - lam) * x[torch.tensor(partners)], call=call, what="mixed_x")


def test_rejects_labels_of_another_batch_size(learner):
    x, y = torch.zeros(4, 3), torch.arange(5)
    assert_raises(ValueError, learner.mixup_data, x, y, 1.0, np.random.default_rng(0), match=r"\by\b")


def test_rejects_x_without_a_batch_dimension(learner):
    x, y = torch.tensor(2.0), torch.arange(1)
    assert_raises(ValueError, learner.mixup_data, x, y, 1.0, np.random.default_rng(0), match=r"\bx\b")


@pytest.mark.parametrize(
    "case",
    ["integer x", "list x", "list y", "RandomState rng", "seed as rng"],
)
def test_rejects_arguments_of_the_wrong_type(learner, case):
    x, y, rng, name = torch.zeros(4, 3), torch.arange(4), np.random.default_rng(0), None
    if case == "integer x":
        x, name = torch.zeros(4, 3, dtype=torch.int64), "x"
    elif case == "list x":
        x, name = [[0.0, 1.0]] * 4, "x"
    elif case == "list y":
        y, name = [0, 1, 2, 3], "y"
    elif case == "RandomState rng":
        rng, name = np.random.RandomState(0), "rng"
    else:
        rng, name = 0, "rng"
    call = call_repr("mixup_data", x, y, 1.0, rng)
    assert_raises(TypeError, learner.mixup_data, x, y, 1.0, rng, match=rf"\b{name}\b", call=call)


@pytest.mark.parametrize("alpha", [0.0, 1.0])
def test_mixed_x_is_a_new_tensor_even_when_lam_is_one(learner, alpha):
    # With alpha <= 0, lam = 1 and mixed_x equals x in value; it must still be a new tensor, so that writing
    # into the mixed batch cannot reach the caller's data.
    x, y = batch((5, 3), 60), torch.arange(5)
    call = call_repr("mixup_data", x, y, alpha, np.random.default_rng(60))
    mixed, _, _, _ = unpack(learner.mixup_data(x, y, alpha, np.random.default_rng(60)), call)
    if mixed is x:
        raise AssertionError(f"{call}\n  returned x itself as mixed_x; the docstring promises a new tensor")
    if isinstance(mixed, torch.Tensor) and mixed.untyped_storage().data_ptr() == x.untyped_storage().data_ptr():
        raise AssertionError(f"{call}\n  mixed_x is a view of x; the docstring promises a new tensor")


def test_y_a_is_y_itself(learner):
    x, y = batch((4, 2), 61), torch.arange(4)
    call = call_repr("mixup_data", x, y, 1.0, np.random.default_rng(61))
    _, y_a, _, _ = unpack(learner.mixup_data(x, y, 1.0, np.random.default_rng(61)), call)
    if y_a is not y:
        raise AssertionError(
            f"{call}\n  y_a is {describe(y_a)}, a different object; "
            f"the docstring promises y itself (y_a, y_b = y, y[perm])"
        )


# ------------------------------------------------------------------------------------------- mixup_criterion


@pytest.mark.points(2)
@pytest.mark.parametrize("lam", [0.3, 0.85])
def test_criterion_blends_the_two_losses_with_lam(learner, lam):
    seed = 90
    pred = batch((6, 4), seed, torch.float64)
    g = torch.Generator().manual_seed(seed + 1)
    y_a, y_b = torch.randint(0, 4, (6,), generator=g), torch.randint(0, 4, (6,), generator=g)
    got = learner.mixup_criterion(F.cross_entropy, pred, y_a, y_b, lam)
    expected = lam * F.cross_entropy(pred, y_a) + (1 - lam) * F.cross_entropy(pred, y_b)
    call = call_repr("mixup_criterion", F.cross_entropy, pred, y_a, y_b, lam)
    assert_close(
        got, expected, call=call + "  (lam * criterion(pred, y_a) + (1 - lam) * criterion(pred, y_b))", seed=seed
    )


def test_criterion_keeps_the_shape_that_criterion_returns(learner):
    # A per-example criterion (reduction="none") gives per-example mixed losses: nothing is averaged on top.
    pred = batch((6, 4), 94, torch.float64)
    y_a, y_b = torch.tensor([0, 1, 2, 3, 0, 1]), torch.tensor([3, 3, 1, 0, 2, 2])

    def per_example(p, t):
        return F.cross_entropy(p, t, reduction="none")

    got = learner.mixup_criterion(per_example, pred, y_a, y_b, 0.3)
    expected = 0.3 * per_example(pred, y_a) + 0.7 * per_example(pred, y_b)
    call = call_repr("mixup_criterion", per_example, pred, y_a, y_b, 0.3) + '  (criterion with reduction="none")'
    assert_close(got, expected, call=call)


def test_criterion_calls_criterion_with_pred_and_each_label_set(learner):
    calls = []

    def criterion(pred, target):
        calls.append(target)
        return (pred.sum(dim=1) - target.to(pred.dtype)).pow(2).mean()

    pred = batch((3, 2), 91, torch.float64)
    y_a, y_b = torch.tensor([1, 0, 2]), torch.tensor([2, 2, 0])
    got = learner.mixup_criterion(criterion, pred, y_a, y_b, 0.25)
    expected = 0.25 * criterion(pred, y_a) + 0.75 * criterion(pred, y_b)
    call = call_repr("mixup_criterion", criterion, pred, y_a, y_b, 0.25)
    assert_close(got, expected, call=call)
    seen = [t.tolist() for t in calls[:-2]]
    assert_equal(sorted(seen), sorted([y_a.tolist(), y_b.tolist()]), call=call, what="targets passed to criterion")


def test_criterion_gradient_is_the_blend_of_the_two_gradients(learner):
    pred = batch((5, 3), 92, torch.float64).requires_grad_(True)
    y_a, y_b = torch.tensor([0, 1, 2, 0, 1]), torch.tensor([2, 2, 1, 1, 0])
    loss = learner.mixup_criterion(F.cross_entropy, pred, y_a, y_b, 0.6)
    if not isinstance(loss, torch.Tensor) or not loss.requires_grad:
        raise AssertionError("mixup_criterion(F.cross_entropy, pred, ...) with pred.requires_grad: no graph to pred")
    (grad,) = torch.autograd.grad(loss, pred)
    (ga,) = torch.autograd.grad(F.cross_entropy(pred, y_a), pred)
    (gb,) = torch.autograd.grad(F.cross_entropy(pred, y_b), pred)
    assert_close(grad, 0.6 * ga + 0.4 * gb, call="gradient of mixup_criterion(F.cross_entropy, pred, y_a, y_b, 0.6)")


def test_mixup_end_to_end_with_lam_one_is_the_plain_loss(learner):
    x, y = batch((4, 3), 93, torch.float64), torch.tensor([2, 0, 1, 1])
    mixed, y_a, y_b, lam = unpack(
        learner.mixup_data(x, y, 0.0, np.random.default_rng(93)), "mixup_data(x, y, 0.0, rng)"
    )
    got = learner.mixup_criterion(F.cross_entropy, mixed, y_a, y_b, lam)
    assert_close(got, F.cross_entropy(x, y), call="mixup_criterion(F.cross_entropy, *mixup_data(x, y, alpha=0.0, rng))")
