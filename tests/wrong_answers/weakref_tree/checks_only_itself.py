"""add_child refuses the node itself but not its ancestors, so a node can be added below its own child."""

import weakref

from solutions.weakref_tree.weakref_tree import TreeNode as _Reference

CAUGHT_BY = [
    "test_add_child_refuses_to_make_a_cycle[its parent]",
    "test_add_child_refuses_to_make_a_cycle[its grandparent]",
]


class TreeNode(_Reference):
    def add_child(self, node):
        if not isinstance(node, TreeNode):
            raise TypeError(f"node: expected a TreeNode, got {type(node).__name__}")
        if node is self:
            raise ValueError("node: cannot add a node to itself")
        old = node.parent
        if old is not None:
            old._detach(node)
        self.children.append(node)
        node._parent = weakref.ref(self)
