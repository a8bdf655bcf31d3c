"""Both directions weak: children are kept in a list of weak references, so nothing keeps them alive."""

import weakref

from solutions.weakref_tree.weakref_tree import TreeNode as _Reference

CAUGHT_BY = ["test_tree_keeps_its_children_alive_without_outside_references"]


class TreeNode(_Reference):
    def __init__(self, value):
        self.value = value
        self._children = []
        self._parent = None

    @property
    def children(self):
        return [c for c in (r() for r in self._children) if c is not None]

    def add_child(self, node):
        if not isinstance(node, TreeNode):
            raise TypeError(f"node: expected a TreeNode, got {type(node).__name__}")
        ancestor = self
        while ancestor is not None:
            if ancestor is node:
                raise ValueError("node: would make a cycle")
            ancestor = ancestor.parent
        old = node.parent
        if old is not None:
            old._detach(node)
        self._children.append(weakref.ref(node))
        node._parent = weakref.ref(self)

    def remove_child(self, node):
        if not any(c is node for c in self.children):
            raise ValueError("node: not a child of this node")
        self._detach(node)
        node._parent = None

    def _detach(self, node):
        self._children = [r for r in self._children if r() is not node]
