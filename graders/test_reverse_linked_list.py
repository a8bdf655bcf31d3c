"""Grader for reverse_linked_list: ``reverse_list`` and ``reverse_between`` (LeetCode 92), in place.

Expected values come from Python list slicing of the values the grader put in, and from the node objects
themselves: the grader keeps every node it built, so it can tell relinked nodes (the same objects, in the
new order) from new nodes or swapped values. Memory is measured with ``tracemalloc``; the 10^6-node lists
are far deeper than Python's default recursion limit (1,000), which is left as it is.

"Create no new nodes" is settled in the stub as: the result is made of exactly the nodes given (no copy or
new node in it, no value moved between nodes); a temporary sentinel in front of the head is allowed, so no
test counts ListNode constructions, and the memory budgets leave room for one node.

Promises and the tests that hold them:
- no recursion, 10^6 nodes -> test_reverse_list_handles_a_million_nodes, test_reverse_between_handles_a_million_nodes
- result made of the given nodes, relinked (no copy, no new node, no moved value) ->
  test_reverse_list_relinks_the_same_nodes, test_reverse_list_reverses_the_values,
  test_reverse_between_relinks_the_same_nodes, test_reverse_between_matches_slicing_for_every_range
- O(1) extra memory (no list or stack of nodes) -> test_reverse_list_uses_constant_extra_memory,
  test_reverse_between_uses_constant_extra_memory
- reverse_list(None) is None -> test_reverse_list_of_the_empty_list_is_none
- reverse_list: the old head becomes the tail (next None) -> test_reverse_list_makes_the_old_head_the_tail
- reverse_between: 1-indexed, both ends included, the rest keeps its order -> test_reverse_between_of_hand_worked_cases,
  test_reverse_between_matches_slicing_for_every_range
- left == right changes nothing -> test_reverse_between_with_left_equal_to_right_changes_nothing
- returns the old node at right when left == 1 -> test_reverse_between_returns_the_new_head_when_left_is_1
- returns head when left > 1 -> test_reverse_between_keeps_the_head_when_left_is_above_1
- ValueError unless 1 <= left <= right <= n (empty list too), message names left or right ->
  test_reverse_between_rejects_bad_positions
- the list is unchanged when it raises -> test_reverse_between_leaves_the_list_unchanged_when_it_raises
- TypeError for a position that is not an int, naming it -> test_reverse_between_rejects_positions_that_are_not_integers
- bool positions are refused -> test_reverse_between_refuses_bool_positions
- ListNode is given and unchanged: not tested on its own (every test builds its lists with the learner's ListNode)
"""

from __future__ import annotations

import random
import tracemalloc

import pytest

from graders.helpers import assert_equal, assert_raises

MILLION = 1_000_000


def build(learner, values):
    """A list of learner.ListNode holding ``values``; returns (head, nodes in list order)."""
    nodes = [learner.ListNode(v) for v in values]
    for a, b in zip(nodes, nodes[1:], strict=False):
        a.next = b
    return (nodes[0] if nodes else None), nodes


def walk(head, limit: int, call: str) -> list:
    """The nodes from ``head`` on, failing in plain words if there are more than ``limit`` (a cycle)."""
    out = []
    node = head
    while node is not None:
        if len(out) >= limit:
            raise AssertionError(
                f"{call}\n  the returned list has more than {limit} nodes: a cycle? "
                "(some node's next still points back into the list)"
            )
        out.append(node)
        node = node.next
    return out


def check_nodes(got_head, expected_nodes, call: str, seed: int | None = None) -> None:
    """The list from ``got_head`` must be exactly ``expected_nodes`` (same objects, this order)."""
    got = walk(got_head, len(expected_nodes) + 1, call)
    assert_equal([n.val for n in got], [n.val for n in expected_nodes], call=call, seed=seed, what="values")
    for i, (g, e) in enumerate(zip(got, expected_nodes, strict=True)):
        if g is not e:
            known = any(g is n for n in expected_nodes)
            where = "a different one of the nodes" if known else "a node the list did not have before"
            raise AssertionError(
                f"{call}{f'  (random input, seed {seed})' if seed is not None else ''}\n"
                f"  the values are right, but position {i} holds {where} (val={g.val!r}): relink the nodes "
                "you were given; do not create new nodes or swap values between them"
            )


def reversed_range(nodes, left, right):
    """Reference for reverse_between: the given nodes with positions left..right (1-indexed) reversed."""
    return nodes[: left - 1] + nodes[left - 1 : right][::-1] + nodes[right:]


def extra_peak_bytes(fn, *args):
    """Peak bytes allocated by ``fn(*args)`` beyond what was allocated before, and its result."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        result = fn(*args)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    return peak, result


def call_or_explain_recursion(fn, *args, call: str):
    try:
        return fn(*args)
    except RecursionError:
        raise AssertionError(
            f"{call}\n  raised RecursionError: the list is far deeper than Python's recursion limit "
            "(1,000 frames); walk it with a loop instead"
        ) from None


# ------------------------------------------------------------------------------------------- reverse_list


@pytest.mark.points(2)
@pytest.mark.parametrize("n", [1, 2, 3, 8, 37])
def test_reverse_list_reverses_the_values(learner, n):
    seed = 100 + n
    values = random.Random(seed).sample(range(1000), n)
    head, nodes = build(learner, values)
    call = f"reverse_list(list of {n} nodes {values[:6]}{' ...' if n > 6 else ''})"
    check_nodes(learner.reverse_list(head), nodes[::-1], call, seed=seed)


def test_reverse_list_of_the_empty_list_is_none(learner):
    got = learner.reverse_list(None)
    assert got is None, f"reverse_list(None) returned {got!r}, expected None (the empty list stays empty)"


@pytest.mark.points(2)
def test_reverse_list_relinks_the_same_nodes(learner):
    head, nodes = build(learner, [7, 7, 3, 9, 1, 4])  # a repeated value: identity, not values, decides
    call = "reverse_list(7 -> 7 -> 3 -> 9 -> 1 -> 4)"
    check_nodes(learner.reverse_list(head), nodes[::-1], call)


def test_reverse_list_makes_the_old_head_the_tail(learner):
    head, nodes = build(learner, [1, 2, 3, 4])
    learner.reverse_list(head)
    assert head.next is None, (
        "reverse_list(1 -> 2 -> 3 -> 4)\n  afterwards the old head (val=1) should be the tail, with next None; "
        f"its next is {head.next!r}"
    )
    assert nodes[1].next is head, "reverse_list(1 -> 2 -> 3 -> 4)\n  afterwards node 2 should point to node 1"


def test_reverse_list_uses_constant_extra_memory(learner):
    # Relinking in place allocates nothing (measured here: 64 bytes). A Python list or stack of the
    # 100,000 nodes takes about 800 KB, new nodes about 6 MB.
    n = 100_000
    head, nodes = build(learner, range(n))
    peak, new_head = extra_peak_bytes(learner.reverse_list, head)
    assert new_head is nodes[-1], "reverse_list(list of 100,000 nodes) should return the old tail as the new head"
    assert peak < 16_384, (
        f"reverse_list(list of {n:,} nodes)\n  allocated up to {peak:,} bytes while running, expected O(1) "
        "extra memory (under 16 KB): no list, stack or copy of the nodes"
    )


@pytest.mark.points(2)
@pytest.mark.timeout(10)
def test_reverse_list_handles_a_million_nodes(learner):
    # Building the list ~0.75 s, reversing it ~0.06 s, checking ~0.2 s here (all of the test: ~1 s).
    # Recursion stops at depth 1,000 with RecursionError; walking to the end once per node runs for hours.
    head, nodes = build(learner, range(MILLION))
    call = "reverse_list(list of 1,000,000 nodes)"
    new_head = call_or_explain_recursion(learner.reverse_list, head, call=call)
    nodes.reverse()
    check_nodes(new_head, nodes, call)


# ------------------------------------------------------------------------------------------- reverse_between

HAND_WORKED = [
    (5, 2, 4, [1, 4, 3, 2, 5], "middle"),
    (5, 1, 5, [5, 4, 3, 2, 1], "whole list"),
    (5, 1, 3, [3, 2, 1, 4, 5], "from the head"),
    (5, 3, 5, [1, 2, 5, 4, 3], "to the tail"),
    (5, 3, 3, [1, 2, 3, 4, 5], "left equals right"),
    (1, 1, 1, [1], "single node"),
    (2, 1, 2, [2, 1], "two nodes"),
]


@pytest.mark.points(2)
@pytest.mark.parametrize("n, left, right, expected, case", HAND_WORKED, ids=[c[4] for c in HAND_WORKED])
def test_reverse_between_of_hand_worked_cases(learner, n, left, right, expected, case):
    head, nodes = build(learner, range(1, n + 1))
    call = f"reverse_between({' -> '.join(map(str, range(1, n + 1)))}, left={left}, right={right})"
    got = walk(learner.reverse_between(head, left, right), n + 1, call)
    assert_equal([node.val for node in got], expected, call=call, what="values")


@pytest.mark.points(2)
def test_reverse_between_matches_slicing_for_every_range(learner):
    seed = 92
    rng = random.Random(seed)
    for n in range(1, 8):
        for left in range(1, n + 1):
            for right in range(left, n + 1):
                head, nodes = build(learner, [rng.randrange(100) for _ in range(n)])
                call = f"reverse_between(list of {n} nodes, left={left}, right={right})"
                check_nodes(learner.reverse_between(head, left, right), reversed_range(nodes, left, right), call, seed)


def test_reverse_between_returns_the_new_head_when_left_is_1(learner):
    head, nodes = build(learner, [10, 20, 30, 40])
    got = learner.reverse_between(head, 1, 3)
    assert got is nodes[2], (
        "reverse_between(10 -> 20 -> 30 -> 40, left=1, right=3)\n"
        f"  returned the node with val={getattr(got, 'val', got)!r}, expected the node with val=30: "
        "when the run starts at the head, the list has a new head"
    )
    check_nodes(got, [nodes[2], nodes[1], nodes[0], nodes[3]], "reverse_between(10 -> 20 -> 30 -> 40, 1, 3)")


def test_reverse_between_keeps_the_head_when_left_is_above_1(learner):
    head, nodes = build(learner, [10, 20, 30, 40])
    got = learner.reverse_between(head, 2, 4)
    assert got is head, (
        "reverse_between(10 -> 20 -> 30 -> 40, left=2, right=4)\n"
        f"  returned the node with val={getattr(got, 'val', got)!r}, expected the old head (val=10)"
    )
    check_nodes(got, [nodes[0], nodes[3], nodes[2], nodes[1]], "reverse_between(10 -> 20 -> 30 -> 40, 2, 4)")


def test_reverse_between_with_left_equal_to_right_changes_nothing(learner):
    for pos in range(1, 7):
        head, nodes = build(learner, [5, 6, 7, 8, 9, 10])
        call = f"reverse_between(5 -> 6 -> 7 -> 8 -> 9 -> 10, left={pos}, right={pos})"
        got = learner.reverse_between(head, pos, pos)
        assert got is head, f"{call}\n  should return the same head (nothing to reverse)"
        check_nodes(got, nodes, call)


@pytest.mark.points(2)
def test_reverse_between_relinks_the_same_nodes(learner):
    seed = 7
    values = [random.Random(seed).randrange(3) for _ in range(20)]  # many repeats: identity decides
    head, nodes = build(learner, values)
    call = "reverse_between(list of 20 nodes, left=4, right=17)"
    check_nodes(learner.reverse_between(head, 4, 17), reversed_range(nodes, 4, 17), call, seed=seed)


BAD_POSITIONS = [
    (5, 0, 2, r"\bleft\b", "left is 0"),
    (5, -1, 3, r"\bleft\b", "negative left"),
    (5, 4, 2, r"\bright\b", "right below left"),
    (5, 2, 6, r"\bright\b", "right past the end"),
    (5, 6, 6, r"\b(left|right)\b", "both past the end"),
    (0, 1, 1, r"\b(left|right)\b", "empty list"),
]


@pytest.mark.parametrize("n, left, right, match, case", BAD_POSITIONS, ids=[c[4] for c in BAD_POSITIONS])
def test_reverse_between_rejects_bad_positions(learner, n, left, right, match, case):
    head, _ = build(learner, range(1, n + 1))
    call = f"reverse_between(list of {n} nodes, left={left}, right={right})"
    assert_raises(ValueError, learner.reverse_between, head, left, right, match=match, call=call)


@pytest.mark.parametrize("left, right", [(2, 9), (4, 6)], ids=["right far past the end", "right one past the end"])
def test_reverse_between_leaves_the_list_unchanged_when_it_raises(learner, left, right):
    head, nodes = build(learner, [1, 2, 3, 4, 5])
    call = f"reverse_between(1 -> 2 -> 3 -> 4 -> 5, left={left}, right={right})"
    with pytest.raises(ValueError):
        learner.reverse_between(head, left, right)
    for i, node in enumerate(nodes):
        expected = nodes[i + 1] if i + 1 < len(nodes) else None
        if node.next is not expected:
            raise AssertionError(
                f"{call}\n  raised ValueError, as it should, but changed the list first: node {node.val} now "
                f"points to {getattr(node.next, 'val', None)!r}, expected {getattr(expected, 'val', None)!r}. "
                "Check the positions before relinking anything"
            )


def test_reverse_between_rejects_positions_that_are_not_integers(learner):
    head, _ = build(learner, [1, 2, 3, 4])
    assert_raises(
        TypeError, learner.reverse_between, head, 1.5, 3, match=r"\bleft\b", call="reverse_between(..., 1.5, 3)"
    )
    head, _ = build(learner, [1, 2, 3, 4])
    assert_raises(
        TypeError, learner.reverse_between, head, 1, "3", match=r"\bright\b", call="reverse_between(..., 1, '3')"
    )


@pytest.mark.parametrize("left, right, name", [(True, 3, "left"), (1, True, "right")], ids=["left", "right"])
def test_reverse_between_refuses_bool_positions(learner, left, right, name):
    # bool is an int in Python (True == 1), so only a deliberate check refuses it, as the docstring says.
    head, _ = build(learner, [1, 2, 3, 4])
    call = f"reverse_between(1 -> 2 -> 3 -> 4, left={left!r}, right={right!r})"
    assert_raises(TypeError, learner.reverse_between, head, left, right, match=rf"\b{name}\b", call=call)


def test_reverse_between_uses_constant_extra_memory(learner):
    # Relinking in place allocates a dummy node at most (measured here: 240 bytes). A list of the
    # 100,000 nodes or of their values takes about 800 KB.
    n = 100_000
    head, nodes = build(learner, range(n))
    peak, new_head = extra_peak_bytes(learner.reverse_between, head, 1, n)
    assert new_head is nodes[-1], "reverse_between(list of 100,000 nodes, 1, 100000) should return the old tail"
    assert peak < 16_384, (
        f"reverse_between(list of {n:,} nodes, left=1, right={n})\n  allocated up to {peak:,} bytes while "
        "running, expected O(1) extra memory (under 16 KB): no list, stack or copy of the nodes"
    )


@pytest.mark.points(2)
@pytest.mark.timeout(10)
def test_reverse_between_handles_a_million_nodes(learner):
    # About 1 s here in all, mostly building the list; recursion stops at depth 1,000.
    head, nodes = build(learner, range(MILLION))
    left, right = 2, MILLION - 1
    call = f"reverse_between(list of 1,000,000 nodes, left={left}, right={right})"
    got = call_or_explain_recursion(learner.reverse_between, head, left, right, call=call)
    nodes[left - 1 : right] = nodes[left - 1 : right][::-1]
    check_nodes(got, nodes, call)
