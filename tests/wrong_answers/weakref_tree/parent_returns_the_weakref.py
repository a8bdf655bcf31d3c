"""`parent` returns the weakref.ref object itself instead of calling it: never None, never the node."""

from solutions.weakref_tree.weakref_tree import TreeNode as _Reference

CAUGHT_BY = [
    "test_add_child_sets_parent_and_appends_in_order",
    "test_parent_reads_none_once_the_parent_is_freed",
]


class TreeNode(_Reference):
    @property
    def parent(self):
        return self._parent
