"""children is exposed as a tuple copy of a private list, to keep callers from changing it, instead of the list."""

import weakref

CAUGHT_BY = ["test_children_is_the_nodes_own_list"]


class TreeNode:
    def __init__(self, value):
        self.value = value
        self._children = []
        self._parent = None

    @property
    def children(self):
        return tuple(self._children)

    @property
    def parent(self):
        return None if self._parent is None else self._parent()

    def add_child(self, node):
        if not isinstance(node, TreeNode):
            raise TypeError(f"node: expected a TreeNode, got {type(node).__name__}")
        ancestor = self
        while ancestor is not None:
            if ancestor is node:
                raise ValueError(f"node: {node.value!r} is this node or one of its ancestors")
            ancestor = ancestor.parent
        old = node.parent
        if old is not None:
            old._children = [c for c in old._children if c is not node]
        self._children.append(node)
        node._parent = weakref.ref(self)

    def remove_child(self, node):
        if not any(c is node for c in self._children):
            raise ValueError(f"node: {getattr(node, 'value', node)!r} is not a child of {self.value!r}")
        self._children = [c for c in self._children if c is not node]
        node._parent = None
