"""4. 内存管理

In English: 4. Memory management.

Source: 004_4864363d713f5d38.txt · 三、python (the section's questions are "1. 多线程和多进程: io密集多线程,
cpu密集多进程", "2. 闭包", "3. 装饰器" and "4. 内存管理"; this is question 4).

CPython frees an object the moment its reference count drops to zero. Objects that refer to each other in a
cycle never reach zero on their own: only the cyclic garbage collector (the ``gc`` module), which runs now
and then and can be switched off, frees them. A tree whose children point back at their parents is such a
cycle.

Write a tree node class whose parent link is a weak reference (``weakref.ref``): a parent keeps its children
alive, a child does not keep its parent alive, so the tree has no reference cycles. Dropping the last
reference to the root then frees the whole tree at once by reference counting alone, even with the cyclic
collector disabled (``gc.disable()``), and a node that outlives its parent reads its ``parent`` as ``None``.
"""

from __future__ import annotations

from typing import Any


class TreeNode:
    """A tree node that owns its children and refers to its parent weakly.

    Args:
        value (any): the payload, kept as ``node.value``.

    Attributes:
        value (any): the payload.
        children (list[TreeNode]): the node's children, in the order they were added; each child is kept
            alive by this list (a ``list``, not a copy or a tuple). Read it freely; change it only through
            ``add_child`` and ``remove_child``.
        parent (TreeNode or None): read-only property (assigning to it raises ``AttributeError``; a parent
            is set only by ``add_child``): the node's parent, ``None`` for a root, for a node just removed
            from its parent, and once the parent has been freed. Underneath it is a ``weakref.ref``, so no
            node holds a strong reference to its parent.

    Example:
        >>> root, child = TreeNode("root"), TreeNode("child")
        >>> root.add_child(child)
        >>> child.parent is root, [node.value for node in root.children]
        (True, ['child'])
        >>> del root  # the last reference: the root is freed at once
        >>> print(child.parent)
        None
    """

    def __init__(self, value: Any) -> None:
        raise NotImplementedError

    @property
    def parent(self) -> TreeNode | None:
        """The parent node, or ``None`` (a root, a removed node, or a parent that has been freed)."""
        raise NotImplementedError

    def add_child(self, node: TreeNode) -> None:
        """Make ``node`` the last child of this node.

        A node that already has a parent is first removed from that parent's children (it moves, with its
        whole subtree); a node that is already a child of this one moves to the end of ``children``.

        Args:
            node (TreeNode): the node to attach; afterwards ``node.parent is self``.

        Raises:
            TypeError: ``node`` is not a ``TreeNode``; the message names ``node``.
            ValueError: ``node`` is this node or one of its ancestors (the tree would become a cycle);
                nothing is changed; the message names ``node``.

        Example:
            >>> a, b, x = TreeNode("a"), TreeNode("b"), TreeNode("x")
            >>> a.add_child(x)
            >>> b.add_child(x)  # x moves from a to b
            >>> x.parent is b, a.children
            (True, [])
        """
        raise NotImplementedError

    def remove_child(self, node: TreeNode) -> None:
        """Detach ``node`` from this node; afterwards ``node.parent`` is ``None``.

        The removed node keeps its own children. If nothing else refers to it, it and its subtree are freed
        at once.

        Args:
            node (TreeNode): one of this node's children.

        Raises:
            ValueError: ``node`` is not a child of this node (the tree is left as it was); the message names
                ``node``.

        Example:
            >>> root, child = TreeNode(1), TreeNode(2)
            >>> root.add_child(child)
            >>> root.remove_child(child)
            >>> root.children, child.parent
            ([], None)
        """
        raise NotImplementedError
