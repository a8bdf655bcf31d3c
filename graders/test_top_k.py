"""Grader for top_k: the k largest items of a one-shot stream, and the positions of the k largest values.

Expected values come from ``sorted`` (``sorted(items, reverse=True)[:k]``, and positions sorted by
``(-value, position)``), from hand-worked cases, and for the large ties case from a formula. Memory is
measured with ``tracemalloc`` while the answer reads a generator of 10^6 floats that already exist, so
only what the answer itself keeps is counted.

The module docstring promises one pass and O(k) memory for both functions (issue 11: it was tested for
top_k alone); both are now measured on a generator of 10^6 values.

Promises and the tests that hold them:
- the k largest, largest first -> test_top_k_of_hand_worked_cases, test_top_k_returns_the_largest_first,
  test_top_k_matches_sorting_on_random_inputs
- a one-shot iterator, read once -> test_top_k_reads_a_one_shot_stream, test_top_k_indices_accept_any_iterable,
  test_top_k_indices_keeps_memory_proportional_to_k (a one-shot stream)
- O(k) memory, never the whole input -> test_top_k_keeps_memory_proportional_to_k,
  test_top_k_indices_keeps_memory_proportional_to_k
- items need only < and > (not numbers) -> test_items_need_only_compare_with_each_other
- k <= 0 gives [] -> test_top_k_with_k_not_positive_is_empty, test_top_k_indices_with_k_not_positive_is_empty
- k > n gives everything, largest first -> test_top_k_with_k_above_the_length_returns_everything_largest_first,
  test_top_k_indices_with_k_above_the_length_returns_every_position, test_top_k_of_an_empty_input_is_empty
- equal items may come in either order -> no test orders equal items (they are equal ints)
- a list input is not modified -> test_top_k_leaves_a_list_input_unchanged,
  test_top_k_indices_leave_a_list_input_unchanged
- O(n log k) time (10^6 items, k = 5,000) -> test_top_k_handles_a_million_items_with_large_k,
  test_top_k_indices_handle_a_million_values_with_ties
- indices: ties go to the smaller position -> test_top_k_indices_break_ties_by_the_smaller_position,
  test_top_k_indices_match_sorting_on_random_inputs_with_ties, test_top_k_indices_of_hand_worked_cases
- indices are Python ints -> test_top_k_indices_are_python_ints
- TypeError for a k that is not an int, naming k -> test_top_k_rejects_a_k_that_is_not_an_int,
  test_top_k_indices_reject_a_k_that_is_not_an_int
- bool k is refused -> test_a_bool_k_is_refused
- k is checked before any early return (empty input, negative k) -> test_k_is_checked_before_any_early_return
- "say in a comment which other methods you know": not graded (a comment)
"""

from __future__ import annotations

import random
import tracemalloc

import pytest

from graders.helpers import assert_equal, assert_raises, assert_unchanged

MILLION = 1_000_000


def expected_top(items, k):
    return sorted(items, reverse=True)[: max(k, 0)]


def expected_indices(values, k):
    return sorted(range(len(values)), key=lambda i: (-values[i], i))[: max(k, 0)]


class OneShot:
    """An iterator over ``values`` that can be walked once; a second ``iter()`` or ``len()`` fails loudly."""

    def __init__(self, values):
        self._it = iter(values)
        self._started = False

    def __iter__(self):
        if self._started:
            raise AssertionError("the input was iterated a second time: it is a one-shot stream, read it once")
        self._started = True
        return self._it


def random_floats(n, seed):
    draw = random.Random(seed).random
    return [draw() * 2e6 - 1e6 for _ in range(n)]


# ------------------------------------------------------------------------------------------- top_k

HAND_WORKED = [
    ([3, 1, 4, 1, 5, 9, 2, 6], 3, [9, 6, 5], "integers"),
    ([-7, -2, -9, -4], 2, [-2, -4], "negative numbers"),
    ([0.5, 2.25, -1.0, 2.5], 2, [2.5, 2.25], "floats"),
    ([5, 5, 1, 5, 2], 2, [5, 5], "repeated largest"),
    ([4, 8, 1], 1, [8], "k of 1"),
]


@pytest.mark.points(2)
@pytest.mark.parametrize("items, k, expected, case", HAND_WORKED, ids=[c[3] for c in HAND_WORKED])
def test_top_k_of_hand_worked_cases(learner, items, k, expected, case):
    assert_equal(learner.top_k(list(items), k), expected, call=f"top_k({items}, {k})")


def test_top_k_returns_the_largest_first(learner):
    got = learner.top_k([1, 2, 3, 4, 5, 6], 4)
    assert_equal(got, [6, 5, 4, 3], call="top_k([1, 2, 3, 4, 5, 6], 4)  (descending order: largest first)")


@pytest.mark.points(2)
def test_top_k_matches_sorting_on_random_inputs(learner):
    seed = 2024
    rng = random.Random(seed)
    for n in (1, 2, 9, 50, 333):
        items = [rng.randint(-50, 50) for _ in range(n)]  # many repeated values
        for k in sorted({1, 2, n // 2, n - 1, n} - {0}):
            assert_equal(
                learner.top_k(iter(items), k), expected_top(items, k), call=f"top_k(<{n} ints>, {k})", seed=seed
            )


@pytest.mark.parametrize("k", [0, -1, -5])
def test_top_k_with_k_not_positive_is_empty(learner, k):
    assert_equal(learner.top_k([3, 1, 2], k), [], call=f"top_k([3, 1, 2], {k})")


@pytest.mark.parametrize("k", [4, 5, 100])
def test_top_k_with_k_above_the_length_returns_everything_largest_first(learner, k):
    assert_equal(learner.top_k([2, 9, -1, 4], k), [9, 4, 2, -1], call=f"top_k([2, 9, -1, 4], {k})")


def test_top_k_of_an_empty_input_is_empty(learner):
    assert_equal(learner.top_k([], 3), [], call="top_k([], 3)")
    assert_equal(learner.top_k(iter(()), 3), [], call="top_k(<empty iterator>, 3)")


@pytest.mark.points(2)
def test_top_k_reads_a_one_shot_stream(learner):
    seed = 31
    values = random_floats(1000, seed)
    got = learner.top_k(OneShot(values), 7)
    assert_equal(got, expected_top(values, 7), call="top_k(<one-shot iterator of 1,000 floats>, 7)", seed=seed)
    got = learner.top_k((v for v in values), 7)
    assert_equal(got, expected_top(values, 7), call="top_k(<generator of 1,000 floats>, 7)", seed=seed)


def test_top_k_leaves_a_list_input_unchanged(learner):
    items = [5, 3, 8, 1, 9, 2]
    before = list(items)
    learner.top_k(items, 3)
    assert_unchanged(before, items, name="items", call="top_k([5, 3, 8, 1, 9, 2], 3)")


@pytest.mark.points(2)
@pytest.mark.timeout(10)
def test_top_k_keeps_memory_proportional_to_k(learner):
    # A heap of k = 100 items: about 1 KB allocated while reading 10^6 floats (measured: 0.7 KB for
    # k = 10, 13 KB for k = 1,000). list(items) or sorted(items) holds all of them: 8 to 12 MB.
    seed = 77
    values = random_floats(MILLION, seed)
    call = "top_k(<generator of 1,000,000 floats>, 100)"
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        got = learner.top_k((v for v in values), 100)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert_equal(got, expected_top(values, 100), call=call, seed=seed)
    assert peak < 256 * 1024, (
        f"{call}\n  allocated up to {peak:,} bytes while reading the stream, expected O(k) memory (under 256 KB): "
        "keep only the k best so far, never the whole input"
    )


@pytest.mark.points(2)
@pytest.mark.timeout(10)
def test_top_k_handles_a_million_items_with_large_k(learner):
    # A heap: ~0.03 s here; the whole test ~1 s (making the data and sorting it for the expected answer
    # take 0.2-1 s each on this busy machine). Scanning a plain list of k = 5,000 for its smallest item
    # at every step is O(n k): ~50 s (measured 0.2 s for 20,000 items with k = 1,000).
    seed = 5000
    values = random_floats(MILLION, seed)
    got = learner.top_k(iter(values), 5000)
    assert_equal(got, expected_top(values, 5000), call="top_k(<iterator of 1,000,000 floats>, 5000)", seed=seed)


@pytest.mark.parametrize("k", [2.5, "3", None], ids=["float", "str", "None"])
def test_top_k_rejects_a_k_that_is_not_an_int(learner, k):
    assert_raises(TypeError, learner.top_k, [3, 1, 2], k, match=r"\bk\b", call=f"top_k([3, 1, 2], {k!r})")


@pytest.mark.parametrize("name", ["top_k", "top_k_indices"])
@pytest.mark.parametrize("k", [True, False], ids=["True", "False"])
def test_a_bool_k_is_refused(learner, name, k):
    # bool is an int in Python (True == 1), so only a deliberate check refuses it, as the docstring says.
    assert_raises(TypeError, getattr(learner, name), [3, 1, 2], k, match=r"\bk\b", call=f"{name}([3, 1, 2], {k!r})")


@pytest.mark.parametrize("name", ["top_k", "top_k_indices"])
@pytest.mark.parametrize(
    "items, k, shown",
    [([3, 1, 2], -1.5, "[3, 1, 2], -1.5"), ([], 2.5, "[], 2.5"), ((), "2", "(), '2'")],
    ids=["negative float k", "empty list", "empty tuple"],
)
def test_k_is_checked_before_any_early_return(learner, name, items, k, shown):
    # "k <= 0 gives []" and "an empty input gives []" are shortcuts; the docstring says k is checked first.
    assert_raises(TypeError, getattr(learner, name), items, k, match=r"\bk\b", call=f"{name}({shown})")


def test_items_need_only_compare_with_each_other(learner):
    words = ["pear", "apple", "fig", "kiwi", "plum", "date", "fig"]
    got = learner.top_k(iter(words), 3)
    assert_equal(got, ["plum", "pear", "kiwi"], call=f"top_k(<iterator of {words}>, 3)  (strings: only < and >)")
    got = learner.top_k_indices(words, 4)
    assert_equal(got, [4, 0, 3, 2], call=f"top_k_indices({words}, 4)  (strings: only < and >)")
    pairs = [(2, "b"), (3, "a"), (2, "c"), (1, "z")]
    got = learner.top_k(pairs, 2)
    assert_equal(got, [(3, "a"), (2, "c")], call=f"top_k({pairs}, 2)  (tuples: only < and >)")


# ------------------------------------------------------------------------------------------- top_k_indices

INDEX_CASES = [
    ([10, 30, 20], 2, [1, 2], "distinct values"),
    ([5, 1, 5, 7, 5], 3, [3, 0, 2], "ties after the largest"),
    ([-1.5, -0.5, -2.5], 3, [1, 0, 2], "all of them"),
    ([4, 4, 4, 4], 2, [0, 1], "all equal"),
]


@pytest.mark.points(2)
@pytest.mark.parametrize("values, k, expected, case", INDEX_CASES, ids=[c[3] for c in INDEX_CASES])
def test_top_k_indices_of_hand_worked_cases(learner, values, k, expected, case):
    assert_equal(learner.top_k_indices(list(values), k), expected, call=f"top_k_indices({values}, {k})")


@pytest.mark.points(2)
def test_top_k_indices_break_ties_by_the_smaller_position(learner):
    values = [1, 3, 0, 3, 2, 3]
    got = learner.top_k_indices(values, 2)
    assert_equal(got, [1, 3], call=f"top_k_indices({values}, 2)  (equal values: the smaller position first)")
    got = learner.top_k_indices(values, 4)
    assert_equal(got, [1, 3, 5, 4], call=f"top_k_indices({values}, 4)  (equal values: the smaller position first)")


@pytest.mark.points(2)
def test_top_k_indices_match_sorting_on_random_inputs_with_ties(learner):
    seed = 606
    rng = random.Random(seed)
    for n in (1, 3, 10, 41, 200):
        values = [rng.randrange(6) for _ in range(n)]  # six distinct values: ties everywhere
        for k in sorted({1, 2, 5, n // 3, n - 1, n} - {0}):
            call = f"top_k_indices(<{n} ints in 0..5>, {k})"
            assert_equal(learner.top_k_indices(values, k), expected_indices(values, k), call=call, seed=seed)


@pytest.mark.parametrize("k", [0, -1, -3])
def test_top_k_indices_with_k_not_positive_is_empty(learner, k):
    assert_equal(learner.top_k_indices([3, 1, 2, 5, 4], k), [], call=f"top_k_indices([3, 1, 2, 5, 4], {k})")


def test_top_k_indices_with_k_above_the_length_returns_every_position(learner):
    values = [2, 9, 2, -1]
    assert_equal(learner.top_k_indices(values, 10), [1, 0, 2, 3], call=f"top_k_indices({values}, 10)")
    assert_equal(learner.top_k_indices([], 3), [], call="top_k_indices([], 3)")


def test_top_k_indices_accept_any_iterable(learner):
    values = (7, 2, 9, 2, 7)
    assert_equal(learner.top_k_indices(values, 3), [2, 0, 4], call=f"top_k_indices({values}, 3)  (a tuple)")
    got = learner.top_k_indices((v for v in values), 3)
    assert_equal(got, [2, 0, 4], call="top_k_indices(<generator of (7, 2, 9, 2, 7)>, 3)")


@pytest.mark.points(2)
@pytest.mark.timeout(10)
def test_top_k_indices_handle_a_million_values_with_ties(learner):
    # values[i] = i % 1000: the 5,000 largest are 999, 998, ..., 995, each at 1,000 positions, smallest
    # position first. A heap: 0.2 s here; sorting all positions by (-value, position): ~1.5 s;
    # values.index(v) for each answer: O(n k), minutes.
    n, k = MILLION, 5000
    values = [i % 1000 for i in range(n)]
    expected = [v + 1000 * j for v in range(999, 994, -1) for j in range(1000)]
    got = learner.top_k_indices(values, k)
    assert_equal(got, expected, call=f"top_k_indices(<[i % 1000 for i in range({n:,})]>, {k})")


@pytest.mark.points(2)
@pytest.mark.timeout(10)
def test_top_k_indices_keeps_memory_proportional_to_k(learner):
    # The module docstring promises O(k) memory for both functions. A heap of k = 100 (value, position)
    # pairs: about 14 KB allocated while reading 10^6 floats (measured here; 1.4 KB for k = 10).
    # list(values), or sorting every position, holds all of them: 8 MB and more.
    seed = 78
    values = random_floats(MILLION, seed)
    call = "top_k_indices(<one-shot generator of 1,000,000 floats>, 100)"
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        got = learner.top_k_indices(OneShot(v for v in values), 100)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    expected = sorted(range(MILLION), key=values.__getitem__, reverse=True)[:100]  # distinct floats: no ties
    assert_equal(got, expected, call=call, seed=seed)
    assert peak < 256 * 1024, (
        f"{call}\n  allocated up to {peak:,} bytes while reading the stream, expected O(k) memory (under 256 KB): "
        "keep only the k best (value, position) pairs so far, never the whole input"
    )


def test_top_k_indices_are_python_ints(learner):
    values = [0.5, 2.5, -1.0, 2.5, 1.0]
    got = learner.top_k_indices(values, 3)
    assert_equal(got, [1, 3, 4], call=f"top_k_indices({values}, 3)")
    bad = [i for i in got if type(i) is not int]
    if bad:
        raise AssertionError(
            f"top_k_indices({values}, 3)\n  returned {got!r}: positions must be Python ints, "
            f"got {type(bad[0]).__module__}.{type(bad[0]).__name__}"
        )


def test_top_k_indices_leave_a_list_input_unchanged(learner):
    values = [5, 3, 8, 1, 9, 2]
    before = list(values)
    learner.top_k_indices(values, 3)
    assert_unchanged(before, values, name="values", call="top_k_indices([5, 3, 8, 1, 9, 2], 3)")


@pytest.mark.parametrize("k", [1.0, "2"], ids=["float", "str"])
def test_top_k_indices_reject_a_k_that_is_not_an_int(learner, k):
    assert_raises(
        TypeError, learner.top_k_indices, [3, 1, 2], k, match=r"\bk\b", call=f"top_k_indices([3, 1, 2], {k!r})"
    )
