"""remove_child takes the node out of the list but leaves its parent link pointing at the old parent."""

from solutions.weakref_tree.weakref_tree import TreeNode as _Reference

CAUGHT_BY = ["test_remove_child_detaches_it_and_clears_its_parent"]


class TreeNode(_Reference):
    def remove_child(self, node):
        if not any(c is node for c in self.children):
            raise ValueError("node: not a child of this node")
        self._detach(node)
