"""The cycle check looks for node among self's descendants instead of its ancestors: backwards."""

import weakref

from solutions.weakref_tree.weakref_tree import TreeNode as _Reference

CAUGHT_BY = [
    "test_a_node_can_move_up_to_an_ancestor",
    "test_add_child_refuses_to_make_a_cycle[its parent]",
]


class TreeNode(_Reference):
    def add_child(self, node):
        if not isinstance(node, TreeNode):
            raise TypeError(f"node: expected a TreeNode, got {type(node).__name__}")
        stack = [self]
        while stack:
            current = stack.pop()
            if current is node:
                raise ValueError("node: would make a cycle")
            stack.extend(current.children)
        old = node.parent
        if old is not None:
            old._detach(node)
        self.children.append(node)
        node._parent = weakref.ref(self)
