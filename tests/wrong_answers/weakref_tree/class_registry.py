"""Weak parent links, but every node is also kept in a class-level list "for lookups": nothing is ever freed."""

import weakref

from solutions.weakref_tree.weakref_tree import TreeNode as _Reference

CAUGHT_BY = [
    "test_dropping_the_root_frees_the_whole_tree_at_once_without_the_collector",
    "test_a_removed_subtree_is_freed_when_dropped",
    "test_parent_reads_none_once_the_parent_is_freed",
]


class TreeNode(_Reference):
    all_nodes = []

    def __init__(self, value):
        self.value = value
        self.children = []
        self._parent = None
        TreeNode.all_nodes.append(self)

    def add_child(self, node):
        if not isinstance(node, TreeNode):
            raise TypeError(f"node: expected a TreeNode, got {type(node).__name__}")
        ancestor = self
        while ancestor is not None:
            if ancestor is node:
                raise ValueError("node: would make a cycle")
            ancestor = ancestor.parent
        if node.parent is not None:
            node.parent._detach(node)
        self.children.append(node)
        node._parent = weakref.ref(self)
