"""add_child never detaches the node from its old parent: it ends up in two children lists."""

import weakref

from solutions.weakref_tree.weakref_tree import TreeNode as _Reference

CAUGHT_BY = [
    "test_add_child_moves_a_node_from_its_old_parent",
    "test_adding_an_existing_child_again_moves_it_to_the_end",
    "test_a_node_can_move_up_to_an_ancestor",
]


class TreeNode(_Reference):
    def add_child(self, node):
        if not isinstance(node, TreeNode):
            raise TypeError(f"node: expected a TreeNode, got {type(node).__name__}")
        ancestor = self
        while ancestor is not None:
            if ancestor is node:
                raise ValueError("node: would make a cycle")
            ancestor = ancestor.parent
        self.children.append(node)
        node._parent = weakref.ref(self)
