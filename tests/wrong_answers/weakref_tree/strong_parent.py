"""The parent link is a plain attribute: parent and child refer to each other, a cycle only gc can free."""

from solutions.weakref_tree.weakref_tree import TreeNode as _Reference

CAUGHT_BY = [
    "test_dropping_the_root_frees_the_whole_tree_at_once_without_the_collector",
    "test_parent_reads_none_once_the_parent_is_freed",
    "test_no_node_refers_strongly_to_its_parent_or_ancestors",
    "test_a_tree_leaves_no_garbage_cycles",
]


class TreeNode(_Reference):
    @property
    def parent(self):
        return self._parent

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
        node._parent = self
