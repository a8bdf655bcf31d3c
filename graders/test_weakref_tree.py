"""Grader for weakref_tree: a TreeNode whose parent link is weak.

Expected values are the tree's own structure, built here. Freeing is observed with ``weakref.finalize``
callbacks while the cyclic garbage collector is disabled, so that only reference counting can free a node;
"no strong reference to the parent" is checked by walking everything a node refers to (``gc.get_referents``,
plus closure cells and bound methods) and looking for the parent.

Promises and the tests that hold them:
- value kept as node.value; a new node has no children, no parent -> test_leaf_has_no_children,
  test_add_child_sets_parent_and_appends_in_order
- children: a list, in the order added -> test_add_child_sets_parent_and_appends_in_order
- children is that list itself (a list, not a copy or a tuple) -> test_children_is_the_nodes_own_list
- children kept alive by the list -> test_tree_keeps_its_children_alive_without_outside_references
- parent returns the node (not the weak reference) -> test_add_child_sets_parent_and_appends_in_order
- parent is read-only -> test_parent_is_read_only
- add_child moves a node with its subtree; an existing child moves to the end ->
  test_add_child_moves_a_node_from_its_old_parent, test_adding_an_existing_child_again_moves_it_to_the_end,
  test_a_node_can_move_up_to_an_ancestor
- add_child: TypeError naming node -> test_add_child_rejects_what_is_not_a_node
- add_child: ValueError naming node for itself or an ancestor, nothing changed -> test_add_child_refuses_to_make_a_cycle
- remove_child: detached, parent None, subtree kept -> test_remove_child_detaches_it_and_clears_its_parent
- remove_child: ValueError naming node for a non-child, tree unchanged ->
  test_remove_child_rejects_a_node_that_is_not_a_child
- dropping the root frees the tree at once with gc disabled ->
  test_dropping_the_root_frees_the_whole_tree_at_once_without_the_collector, test_a_tree_leaves_no_garbage_cycles
- a removed subtree is freed when dropped -> test_a_removed_subtree_is_freed_when_dropped
- parent reads None once the parent is freed -> test_parent_reads_none_once_the_parent_is_freed
- no strong reference to the parent (a weakref.ref underneath) ->
  test_no_node_refers_strongly_to_its_parent_or_ancestors
"""

from __future__ import annotations

import gc
import types
import weakref

import pytest

from graders.helpers import assert_equal, assert_raises


@pytest.fixture
def no_gc():
    """The cyclic collector off for the test (and whatever garbage came before, collected first)."""
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def values(nodes) -> list:
    return [n.value for n in nodes]


def parent_value(node):
    p = node.parent
    return None if p is None else p.value


class Freed:
    """Records which nodes have been freed, through weakref.finalize callbacks."""

    def __init__(self):
        self.names: list[str] = []

    def watch(self, node, name: str) -> None:
        weakref.finalize(node, self.names.append, name)


def build(learner, freed: Freed):
    """root ─ a ─ a1 ─ a1x
                 └ a2
          ├ b
          └ c ─ c1
    Returns only the root, so that the caller holds no other reference."""
    nodes = {name: learner.TreeNode(name) for name in ("root", "a", "a1", "a1x", "a2", "b", "c", "c1")}
    for parent, child in [
        ("root", "a"),
        ("a", "a1"),
        ("a1", "a1x"),
        ("a", "a2"),
        ("root", "b"),
        ("root", "c"),
        ("c", "c1"),
    ]:
        nodes[parent].add_child(nodes[child])
    for name, node in nodes.items():
        freed.watch(node, name)
    return nodes["root"]


ALL = {"root", "a", "a1", "a1x", "a2", "b", "c", "c1"}


def find(root, name):
    stack = [root]
    while stack:
        node = stack.pop()
        if node.value == name:
            return node
        stack.extend(node.children)
    raise AssertionError(f"node {name!r} is not in the tree below {root.value!r}")


def strong_path(start, target, limit: int = 100_000) -> bool:
    """Whether ``target`` is reachable from ``start`` through strong references.

    Classes and modules are not followed (they lead to everything); functions are followed through their
    closure cells and defaults, bound methods through ``__self__`` and ``__func__``; weak references refer
    to nothing.
    """
    seen = {id(start)}
    stack = [start]
    while stack and len(seen) < limit:
        obj = stack.pop()
        if isinstance(obj, types.FunctionType):
            refs = [c.cell_contents for c in (obj.__closure__ or ()) if _filled(c)]
            refs += list(obj.__defaults__ or ()) + list((obj.__kwdefaults__ or {}).values())
        elif isinstance(obj, types.MethodType):
            refs = [obj.__self__, obj.__func__]
        else:
            refs = gc.get_referents(obj)
        for ref in refs:
            if ref is target:
                return True
            if isinstance(ref, (type, types.ModuleType)) or id(ref) in seen:
                continue
            seen.add(id(ref))
            stack.append(ref)
    return False


def _filled(cell) -> bool:
    try:
        _ = cell.cell_contents
    except ValueError:
        return False
    return True


# ------------------------------------------------------------------------------------------- structure


@pytest.mark.points(2)
def test_add_child_sets_parent_and_appends_in_order(learner):
    root = learner.TreeNode("root")
    kids = [learner.TreeNode(k) for k in ("x", "y", "z")]
    for k in kids:
        root.add_child(k)
    assert_equal(values(root.children), ["x", "y", "z"], call="root.add_child(x); (y); (z); root.children")
    for k in kids:
        if k.parent is not root:
            raise AssertionError(
                f"root.add_child({k.value}); {k.value}.parent\n  got {k.parent!r}, expected the root node itself "
                "(the property should return the node, not a weak reference to it)"
            )
    assert_equal(root.parent, None, call="root.parent for a node that was never added", what="parent")
    assert_equal(root.value, "root", call="TreeNode('root').value")


def test_children_is_the_nodes_own_list(learner):
    root, x = learner.TreeNode("root"), learner.TreeNode("x")
    root.add_child(x)
    children = root.children
    if type(children) is not list:
        raise AssertionError(
            f"root.add_child(x); root.children\n  is a {type(children).__name__}, expected a list (the docstring "
            "promises the node's own list of children)"
        )
    if root.children is not children:
        raise AssertionError(
            "root.children read twice gave two different lists: expected the node's own list, not a fresh copy"
        )


def test_parent_is_read_only(learner):
    root, x, other = learner.TreeNode("root"), learner.TreeNode("x"), learner.TreeNode("other")
    root.add_child(x)
    call = "root.add_child(x); x.parent = other"
    try:
        x.parent = other
    except AttributeError:
        pass
    else:
        raise AssertionError(
            f"{call}\n  the assignment was accepted; parent is a read-only property (a parent is set only by "
            "add_child, which also keeps the children lists right), so it should raise AttributeError"
        )
    assert_equal(parent_value(x), "root", call=call + "  (refused)", what="x.parent")
    assert_equal(values(root.children), ["x"], call=call + "  (refused)", what="root.children")


def test_leaf_has_no_children(learner):
    leaf = learner.TreeNode(3.5)
    assert_equal(list(leaf.children), [], call="TreeNode(3.5).children")
    assert_equal(leaf.parent, None, call="TreeNode(3.5).parent")


@pytest.mark.points(2)
def test_tree_keeps_its_children_alive_without_outside_references(learner, no_gc):
    root = learner.TreeNode("root")
    for k in range(5):
        child = learner.TreeNode(f"n{k}")
        root.add_child(child)
        child.add_child(learner.TreeNode(f"n{k}.0"))
    del child
    gc.collect()
    call = "children added with root.add_child(TreeNode(...)) and no other reference kept"
    assert_equal(values(root.children), [f"n{k}" for k in range(5)], call=call, what="root.children")
    assert_equal(
        [values(c.children) for c in root.children], [[f"n{k}.0"] for k in range(5)], call=call, what="grandchildren"
    )
    assert_equal([parent_value(c.children[0]) for c in root.children], [f"n{k}" for k in range(5)], call=call)


@pytest.mark.points(2)
def test_add_child_moves_a_node_from_its_old_parent(learner):
    a, b = learner.TreeNode("a"), learner.TreeNode("b")
    x, y = learner.TreeNode("x"), learner.TreeNode("y")
    a.add_child(x)
    a.add_child(y)
    x.add_child(learner.TreeNode("x0"))
    b.add_child(x)
    call = "a.add_child(x); a.add_child(y); x.add_child(x0); b.add_child(x)"
    assert_equal(values(a.children), ["y"], call=call, what="a.children")
    assert_equal(values(b.children), ["x"], call=call, what="b.children")
    assert_equal(parent_value(x), "b", call=call, what="x.parent")
    assert_equal(values(x.children), ["x0"], call=call, what="x.children (the subtree moves with x)")


def test_adding_an_existing_child_again_moves_it_to_the_end(learner):
    root = learner.TreeNode("root")
    x, y = learner.TreeNode("x"), learner.TreeNode("y")
    root.add_child(x)
    root.add_child(y)
    root.add_child(x)
    call = "root.add_child(x); root.add_child(y); root.add_child(x)"
    assert_equal(values(root.children), ["y", "x"], call=call, what="root.children")
    assert_equal(parent_value(x), "root", call=call, what="x.parent")


def test_a_node_can_move_up_to_an_ancestor(learner):
    root, a, a1 = learner.TreeNode("root"), learner.TreeNode("a"), learner.TreeNode("a1")
    root.add_child(a)
    a.add_child(a1)
    root.add_child(a1)
    call = "root.add_child(a); a.add_child(a1); root.add_child(a1)  (a grandchild becomes a child)"
    assert_equal(values(root.children), ["a", "a1"], call=call, what="root.children")
    assert_equal(values(a.children), [], call=call, what="a.children")
    assert_equal(parent_value(a1), "root", call=call, what="a1.parent")


@pytest.mark.points(2)
def test_remove_child_detaches_it_and_clears_its_parent(learner):
    root = learner.TreeNode("root")
    x, y, z = learner.TreeNode("x"), learner.TreeNode("y"), learner.TreeNode("z")
    for k in (x, y, z):
        root.add_child(k)
    y.add_child(learner.TreeNode("y0"))
    root.remove_child(y)
    call = "root.add_child(x), (y), (z); y.add_child(y0); root.remove_child(y)"
    assert_equal(values(root.children), ["x", "z"], call=call, what="root.children")
    assert_equal(y.parent, None, call=call, what="y.parent")
    assert_equal(values(y.children), ["y0"], call=call, what="y.children (the subtree stays with y)")
    root.add_child(y)
    assert_equal(values(root.children), ["x", "z", "y"], call=call + "; root.add_child(y)", what="root.children")


def test_remove_child_rejects_a_node_that_is_not_a_child(learner):
    root, a, a1, stranger = (learner.TreeNode(v) for v in ("root", "a", "a1", "stranger"))
    root.add_child(a)
    a.add_child(a1)
    assert_raises(ValueError, root.remove_child, stranger, match=r"\bnode\b", call="root.remove_child(stranger)")
    assert_raises(ValueError, root.remove_child, a1, match=r"\bnode\b", call="root.remove_child(a1)  (a grandchild)")
    call = "after the refused remove_child calls"
    assert_equal(values(root.children), ["a"], call=call, what="root.children")
    assert_equal(parent_value(a1), "a", call=call, what="a1.parent")


@pytest.mark.points(2)
@pytest.mark.parametrize("which", ["itself", "its parent", "its grandparent"])
def test_add_child_refuses_to_make_a_cycle(learner, which):
    root, a, a1 = learner.TreeNode("root"), learner.TreeNode("a"), learner.TreeNode("a1")
    root.add_child(a)
    a.add_child(a1)
    node = {"itself": a1, "its parent": a, "its grandparent": root}[which]
    assert_raises(ValueError, a1.add_child, node, match=r"\bnode\b", call=f"a1.add_child({node.value})  [{which}]")
    call = f"after the refused a1.add_child({node.value})"
    assert_equal(values(root.children), ["a"], call=call, what="root.children")
    assert_equal(values(a.children), ["a1"], call=call, what="a.children")
    assert_equal(values(a1.children), [], call=call, what="a1.children")
    assert_equal([root.parent, parent_value(a), parent_value(a1)], [None, "root", "a"], call=call, what="parents")


def test_add_child_rejects_what_is_not_a_node(learner):
    root = learner.TreeNode("root")
    assert_raises(TypeError, root.add_child, "child", match=r"\bnode\b", call="root.add_child('child')")
    assert_equal(list(root.children), [], call="root.children after the refused call")


# ------------------------------------------------------------------------------------------- memory


@pytest.mark.points(3)
def test_dropping_the_root_frees_the_whole_tree_at_once_without_the_collector(learner, no_gc):
    freed = Freed()
    root = build(learner, freed)
    assert_equal(freed.names, [], call="a tree of 8 nodes, the root still referenced", what="nodes freed")
    del root
    assert_equal(
        set(freed.names),
        ALL,
        call="del root  (the last reference; gc disabled, so only reference counting can free nodes)",
        what="nodes freed at once",
    )


@pytest.mark.points(2)
def test_a_removed_subtree_is_freed_when_dropped(learner, no_gc):
    freed = Freed()
    root = build(learner, freed)
    a = find(root, "a")
    root.remove_child(a)
    del a
    call = "root.remove_child(a); del a  (gc disabled)"
    assert_equal(set(freed.names), {"a", "a1", "a1x", "a2"}, call=call, what="nodes freed")
    assert_equal(values(root.children), ["b", "c"], call=call, what="root.children")
    del root
    assert_equal(set(freed.names), ALL, call=call + "; del root", what="nodes freed")


@pytest.mark.points(2)
def test_parent_reads_none_once_the_parent_is_freed(learner, no_gc):
    freed = Freed()
    root = build(learner, freed)
    b, a1x = find(root, "b"), find(root, "a1x")
    del root
    call = "keep b (a child of root) and a1x (deep below a); del root  (gc disabled)"
    assert_equal(set(freed.names), ALL - {"b", "a1x"}, call=call, what="nodes freed")
    assert_equal(b.parent, None, call=call, what="b.parent")
    assert_equal(a1x.parent, None, call=call, what="a1x.parent (its parent a1 was freed too)")
    assert_equal(b.value, "b", call=call, what="b.value")


@pytest.mark.points(2)
def test_no_node_refers_strongly_to_its_parent_or_ancestors(learner):
    root = learner.TreeNode("root")
    a, a1 = learner.TreeNode("a"), learner.TreeNode("a1")
    root.add_child(a)
    a.add_child(a1)
    a1.add_child(learner.TreeNode("a1x"))
    parent_value(a1)  # reading parent must not leave a strong reference behind either
    for node, ancestor in [(a, root), (a1, a), (a1, root)]:
        if strong_path(node, ancestor):
            raise AssertionError(
                f"{node.value} refers to its ancestor {ancestor.value} through strong references (attributes, "
                "lists, closures): the parent link must be a weakref.ref, or the tree is a reference cycle"
            )


def test_a_tree_leaves_no_garbage_cycles(learner, no_gc):
    gc.collect()  # whatever the test machinery left behind since the fixture ran
    root = learner.TreeNode("root")
    for k in range(20):
        child = learner.TreeNode(k)
        root.add_child(child)
        for j in range(3):
            child.add_child(learner.TreeNode((k, j)))
    probe = weakref.ref(root)
    del root, child
    found = gc.collect()
    if probe() is not None or found:
        raise AssertionError(
            "a tree of 81 nodes, then del root  (gc disabled)\n"
            f"  the root was {'not ' if probe() is not None else ''}freed by reference counting, and gc.collect() "
            f"then found {found} unreachable objects in cycles; expected the tree freed at once and 0 cycles"
        )
