"""parent has a setter that stores a new weak reference, so assigning to it relinks a node behind add_child's back."""

import weakref

from solutions.weakref_tree.weakref_tree import TreeNode as _RightTreeNode

CAUGHT_BY = ["test_parent_is_read_only"]


class TreeNode(_RightTreeNode):
    @property
    def parent(self):
        return None if self._parent is None else self._parent()

    @parent.setter
    def parent(self, node):
        self._parent = None if node is None else weakref.ref(node)
