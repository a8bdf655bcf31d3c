"""Grader for max_subarray: the largest sum of a non-empty contiguous run, and where it is.

Expected values come from hand-worked lists, from a naive reference written here (every pair of ends,
scanned in order so that the first best run found is the one with the smallest start, then the smallest
stop) on many small seeded lists, and for 10^6 items from NumPy prefix sums (a different O(n) method:
the best run ending at ``j`` starts at the first position of the smallest prefix sum before ``j``).

Floats in the random tests are multiples of 1/4 of small size, so every sum is exact and ties are real
ties, not rounding noise. Extra memory is measured with ``tracemalloc`` on a list that already exists, so
only what the answer itself allocates is counted.

Promises and the tests that hold them:
- largest sum of a non-empty run -> test_max_subarray_of_hand_worked_lists, test_max_subarray_matches_every_pair_*
- all negative: the largest number, never 0 -> test_max_subarray_of_all_negative_numbers_is_the_largest_not_zero
- span is (total, start, stop), stop exclusive -> test_span_stop_is_exclusive_like_a_slice,
  test_span_of_hand_worked_lists
- total == sum(nums[start:stop]), 0 <= start < stop <= n, ints -> test_span_total_is_the_sum_of_its_slice
- ties: smallest start, then smallest stop -> test_span_breaks_ties_by_smallest_start_then_smallest_stop,
  test_span_matches_every_pair_reference_on_random_ints
- max_subarray: an int for ints, a float for floats -> test_max_subarray_returns_an_int_for_ints_and_a_float_for_floats
- span's total: an int when every item is an int -> test_span_total_is_an_int_for_ints_and_a_float_for_floats
- a list or a tuple is taken (an empty tuple is refused too) -> test_span_accepts_a_tuple,
  test_tuples_are_taken_like_lists
- empty -> ValueError naming nums -> test_max_subarray_rejects_an_empty_list, test_span_rejects_an_empty_list
- an item that is not a number -> TypeError naming nums -> test_span_rejects_items_that_are_not_numbers,
  test_max_subarray_rejects_items_that_are_not_numbers
- bool items are refused -> test_both_functions_refuse_bool_items
- not a sequence (an iterator) -> TypeError naming nums -> test_both_functions_refuse_an_iterator
- nums not modified -> test_inputs_are_left_unchanged
- O(n) time, 10^6 items -> test_a_million_items_in_linear_time
- O(1) extra memory, no copies -> test_uses_constant_extra_memory
"""

from __future__ import annotations

import random
import tracemalloc

import numpy as np
import pytest

from graders.helpers import assert_equal, assert_raises, describe

MILLION = 1_000_000


def naive_span(nums):
    """Every run ``nums[i:j]``, ``i`` ascending then ``j`` ascending; keep only a strictly larger sum."""
    best = None
    for i in range(len(nums)):
        total = 0
        for j in range(i + 1, len(nums) + 1):
            total += nums[j - 1]
            if best is None or total > best[0]:
                best = (total, i, j)
    return best


def numpy_span(nums):
    """Same answer in O(n) from prefix sums ``P`` (``P[0] = 0``): for each stop ``j`` the best start is the
    first position of ``min(P[:j])``; the smallest stop reaching the overall best, with its first start,
    is the run with the smallest start and then the smallest stop."""
    prefix = np.concatenate([[0], np.cumsum(np.asarray(nums, dtype=np.int64))])
    run_min = np.minimum.accumulate(prefix[:-1])
    best_per_stop = prefix[1:] - run_min
    stop = int(np.argmax(best_per_stop)) + 1  # argmax returns the first maximum
    start = int(np.argmax(prefix[:stop] == run_min[stop - 1]))
    return int(best_per_stop[stop - 1]), start, stop


def random_ints(seed, n=None, low=-6, high=6):
    rng = random.Random(seed)
    n = rng.randint(1, 24) if n is None else n
    return [rng.randint(low, high) for _ in range(n)]


def random_quarters(seed):
    """Floats that are multiples of 0.25: sums stay exact, and small values make ties common."""
    rng = random.Random(seed)
    return [rng.randint(-12, 12) / 4 for _ in range(rng.randint(1, 24))]


def call(name, nums):
    shown = repr(nums) if len(nums) <= 12 else describe(nums)
    return f"{name}({shown})"


# (nums, expected (total, start, stop), what the case shows)
HAND_WORKED = [
    ([-2, 1, -3, 4, -1, 2, 1, -5, 4], (6, 3, 7), "classic example"),
    ([-7], (-7, 0, 1), "one negative number"),
    ([-3, -1, -2], (-1, 1, 2), "all negative: the largest single number"),
    ([1, 2, 3], (6, 0, 3), "all positive: the whole list"),
    ([3, -10, 4], (4, 2, 3), "restart after a large loss"),
    ([2, -1, 2], (3, 0, 3), "a dip worth crossing"),
    ([0, 0, 0], (0, 0, 1), "all zeros: the first zero alone"),
    ([1.5, -0.25, 2.0], (3.25, 0, 3), "floats"),
    ([-1, 2.5, -3, 1], (2.5, 1, 2), "ints and floats mixed"),
]

# Equal sums: the smallest start wins, then the smallest stop.
TIES = [
    ([0, 0, 5], (5, 0, 3), "leading zeros belong to the run (smallest start)"),
    ([5, 0, 0], (5, 0, 1), "trailing zeros do not (smallest stop)"),
    ([1, -1, 1], (1, 0, 1), "two runs of 1: [1] first"),
    ([-1, 2, -2, 2], (2, 1, 2), "[2] at 1, [2, -2, 2] and [2] at 3"),
    ([-5, 0, -5], (0, 1, 2), "all non-positive: the zero"),
    ([2, -2, 0, 2], (2, 0, 1), "a zero-sum stretch before an equal run"),
    ([-1, 1, -1, 0, 1], (1, 1, 2), "[1], [1, -1, 0, 1], [0, 1], [1]"),
    ([-0.5, 0.5, -0.5, 0.5], (0.5, 1, 2), "float ties"),
]


# --------------------------------------------------------------------------------------- max_subarray


@pytest.mark.points(2)
def test_max_subarray_of_hand_worked_lists(learner):
    for nums, expected, case in HAND_WORKED:
        got = learner.max_subarray(list(nums))
        assert_equal(got, expected[0], call=call("max_subarray", nums) + f"  [{case}]")


def test_max_subarray_of_all_negative_numbers_is_the_largest_not_zero(learner):
    nums = [-8, -3, -6, -2, -5, -4]
    got = learner.max_subarray(nums)
    assert_equal(got, -2, call=call("max_subarray", nums) + "  (a run is never empty, so 0 is not possible)")


@pytest.mark.points(2)
def test_max_subarray_matches_every_pair_reference_on_random_ints(learner):
    for seed in range(300):
        nums = random_ints(seed)
        got = learner.max_subarray(list(nums))
        assert_equal(got, naive_span(nums)[0], call=call("max_subarray", nums), seed=seed)


def test_max_subarray_matches_every_pair_reference_on_random_floats(learner):
    for seed in range(1000, 1150):
        nums = random_quarters(seed)
        got = learner.max_subarray(list(nums))
        assert_equal(got, naive_span(nums)[0], call=call("max_subarray", nums), seed=seed)


def test_max_subarray_returns_an_int_for_ints_and_a_float_for_floats(learner):
    got = learner.max_subarray([3, -1, 2])
    assert type(got) is int, f"max_subarray([3, -1, 2]) returned {got!r} ({type(got).__name__}), expected the int 4"
    got = learner.max_subarray([0.5, -1.0, 2.0])
    assert type(got) is float, (
        f"max_subarray([0.5, -1.0, 2.0]) returned {got!r} ({type(got).__name__}), expected the float 2.0"
    )


def test_max_subarray_rejects_an_empty_list(learner):
    assert_raises(ValueError, learner.max_subarray, [], match=r"\bnums\b", call="max_subarray([])")


# --------------------------------------------------------------------------------------- max_subarray_span


@pytest.mark.parametrize("nums, expected, case", HAND_WORKED, ids=[c[2] for c in HAND_WORKED])
def test_span_of_hand_worked_lists(learner, nums, expected, case):
    got = learner.max_subarray_span(list(nums))
    assert_equal(got, expected, call=call("max_subarray_span", nums) + f"  [{case}]")


@pytest.mark.parametrize("nums, expected, case", TIES, ids=[c[2] for c in TIES])
def test_span_breaks_ties_by_smallest_start_then_smallest_stop(learner, nums, expected, case):
    got = learner.max_subarray_span(list(nums))
    assert_equal(got, expected, call=call("max_subarray_span", nums) + f"  [{case}]")


def test_span_stop_is_exclusive_like_a_slice(learner):
    nums = [-4, 7, -1, 3, -9]
    got = learner.max_subarray_span(nums)
    assert_equal(
        got,
        (9, 1, 4),
        call=call("max_subarray_span", nums) + "  (nums[1:4] == [7, -1, 3]: stop is one past the last item)",
    )


@pytest.mark.points(2)
def test_span_matches_every_pair_reference_on_random_ints(learner):
    # Values in -3..3 make equal sums frequent: the tie rule is exercised on most seeds.
    for seed in range(400):
        nums = random_ints(seed, low=-3, high=3)
        got = learner.max_subarray_span(list(nums))
        assert_equal(got, naive_span(nums), call=call("max_subarray_span", nums), seed=seed)


def test_span_matches_every_pair_reference_on_random_floats(learner):
    for seed in range(2000, 2200):
        nums = random_quarters(seed)
        got = learner.max_subarray_span(list(nums))
        assert_equal(got, naive_span(nums), call=call("max_subarray_span", nums), seed=seed)


def test_span_total_is_the_sum_of_its_slice(learner):
    for seed in range(3000, 3100):
        nums = random_ints(seed, n=random.Random(seed).randint(1, 60), low=-50, high=50)
        got = learner.max_subarray_span(list(nums))
        if not (isinstance(got, tuple) and len(got) == 3):
            raise AssertionError(
                f"{call('max_subarray_span', nums)}  (random input, seed {seed})\n"
                f"  returned {got!r}, expected a tuple (total, start, stop)"
            )
        total, start, stop = got
        if not (isinstance(start, int) and isinstance(stop, int) and 0 <= start < stop <= len(nums)):
            raise AssertionError(
                f"{call('max_subarray_span', nums)}  (random input, seed {seed})\n"
                f"  returned start={start!r}, stop={stop!r}; expected ints with 0 <= start < stop <= {len(nums)}"
            )
        assert_equal(
            total,
            sum(nums[start:stop]),
            call=call("max_subarray_span", nums) + f" -> {got}: total against sum(nums[{start}:{stop}])",
            seed=seed,
        )


def test_span_rejects_an_empty_list(learner):
    assert_raises(ValueError, learner.max_subarray_span, [], match=r"\bnums\b", call="max_subarray_span([])")


@pytest.mark.parametrize("bad", [[1, "2", 3], [1.0, None]], ids=["a string", "None"])
def test_span_rejects_items_that_are_not_numbers(learner, bad):
    assert_raises(TypeError, learner.max_subarray_span, bad, match=r"\bnums\b", call=f"max_subarray_span({bad!r})")


@pytest.mark.parametrize("bad", [[1, "2", 3], [2.5, None]], ids=["a string", "None"])
def test_max_subarray_rejects_items_that_are_not_numbers(learner, bad):
    assert_raises(TypeError, learner.max_subarray, bad, match=r"\bnums\b", call=f"max_subarray({bad!r})")


@pytest.mark.parametrize("name", ["max_subarray", "max_subarray_span"])
@pytest.mark.parametrize(
    "bad", [[3, True, 2], [False], [1.5, -2.0, True]], ids=["True inside", "only False", "True last"]
)
def test_both_functions_refuse_bool_items(learner, name, bad):
    # bool is an int in Python (True + 2 == 3), so this only fails if the answer refuses it on purpose,
    # as the docstring says: "bool is refused too".
    assert_raises(TypeError, getattr(learner, name), bad, match=r"\bnums\b", call=f"{name}({bad!r})")


@pytest.mark.parametrize("name", ["max_subarray", "max_subarray_span"])
def test_both_functions_refuse_an_iterator(learner, name):
    # "nums is not a sequence" -> TypeError: a generator has no len() and no indexing.
    nums = (x for x in [4, -1, 2])
    assert_raises(TypeError, getattr(learner, name), nums, match=r"\bnums\b", call=f"{name}(<generator of 3 ints>)")


def test_tuples_are_taken_like_lists(learner):
    nums = (-3, 5, -1, 4, -9)
    assert_equal(learner.max_subarray(nums), 8, call=f"max_subarray({nums!r})")
    assert_equal(learner.max_subarray_span(nums), (8, 1, 4), call=f"max_subarray_span({nums!r})")
    for name in ("max_subarray", "max_subarray_span"):
        assert_raises(ValueError, getattr(learner, name), (), match=r"\bnums\b", call=f"{name}(())")


def test_span_total_is_an_int_for_ints_and_a_float_for_floats(learner):
    for nums, kind in (([3, -1, 2], int), ([-5, -2, -7], int), ([0.5, -1.0, 2.0], float)):
        got = learner.max_subarray_span(nums)
        total = got[0] if isinstance(got, tuple) and got else got
        if type(total) is not kind:
            raise AssertionError(
                f"max_subarray_span({nums!r})\n  returned {got!r}: the total is a {type(total).__name__}, "
                f"expected a {kind.__name__} (every item is a{'n' if kind is int else ''} {kind.__name__})"
            )


def test_inputs_are_left_unchanged(learner):
    nums = random_ints(77, n=40, low=-9, high=9)
    before = list(nums)
    learner.max_subarray_span(nums)
    learner.max_subarray(nums)
    if nums != before:
        raise AssertionError(
            f"{call('max_subarray_span', before)} modified its input 'nums' (leave it as it was; work on a copy)"
        )


def test_span_accepts_a_tuple(learner):
    nums = (4, -5, 3, 2, -1)
    assert_equal(learner.max_subarray_span(nums), (5, 2, 4), call=f"max_subarray_span({nums!r})")


# --------------------------------------------------------------------------------------- complexity


@pytest.mark.points(2)
@pytest.mark.timeout(5)
def test_a_million_items_in_linear_time(learner):
    # Measured here (2 busy cores, load 8): making the list 0.05 s, the reference solution 0.35-0.45 s per
    # call, the NumPy check 0.2 s; about 1 s in all. Trying every start (O(n^2)) is 5 * 10^11 steps.
    seed = 10**6
    nums = np.random.default_rng(seed).integers(-1000, 1001, size=MILLION).tolist()
    expected = numpy_span(nums)
    got = learner.max_subarray_span(nums)
    assert_equal(got, expected, call=call("max_subarray_span", nums), seed=seed)
    got = learner.max_subarray(nums)
    assert_equal(got, expected[0], call=call("max_subarray", nums), seed=seed)


@pytest.mark.points(2)
@pytest.mark.timeout(10)
def test_uses_constant_extra_memory(learner):
    # Kadane keeps a handful of numbers: a few hundred bytes traced. A prefix-sum list of 100,000 ints
    # takes about 3.6 MB, a copy of the list 0.8 MB. Under tracemalloc the reference takes 1.2 s here.
    seed = 100_000
    nums = np.random.default_rng(seed).integers(-1000, 1001, size=100_000).tolist()
    limit = 64 * 1024
    for name in ("max_subarray_span", "max_subarray"):
        fn = getattr(learner, name)
        tracemalloc.start()
        try:
            fn(nums)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        if peak > limit:
            raise AssertionError(
                f"{call(name, nums)}  (random input, seed {seed})\n"
                f"  allocated up to {peak / 1024:.0f} KiB while running; expected O(1) extra memory "
                f"(under {limit // 1024} KiB): keep a few numbers, not a list of prefix sums or a copy"
            )
