"""现有数以十万计的两个图片文件夹，其中一个被另一个包含，最快找出两个文件夹的差集，说说思路？

In English: There are two folders of pictures, numbering in the hundreds of thousands, one contained in the
other; find the difference between the two folders as fast as possible. Talk through your approach.

Source: 000_1a4e42d0338c0b07.txt · 二面.

Two folders hold hundreds of thousands of pictures, and one is contained in the other: ``larger`` has every
file of ``smaller`` and more. Write ``dir_difference(larger, smaller)``: the files of ``larger`` that
``smaller`` does not have, as relative POSIX paths (``"sub/dir/a.jpg"``, ``"/"`` on every system, no
leading ``"./"``). Both folders are searched recursively. Only regular files count: symbolic links (to
files, to folders, or broken) are neither followed nor reported, and folders themselves (empty or not) are
not reported. A path counts as present in ``smaller`` only when ``smaller`` has a regular file there; a
folder or a link at that path does not count.

The fastest answer reads no file contents at all: it costs about as much as listing both trees once
(200,000 files in well under a second here). Listing with ``os.scandir`` gives each entry's type without an
extra system call; a set makes each lookup O(1), where searching a list would be O(n) per file.

Then write ``changed_files(larger, smaller)``: the relative paths that are regular files in both trees and
whose bytes differ. Compare sizes first (from the listing's ``stat``), and read only the pairs of equal
size, stopping at the first difference.

A folder that does not exist raises ``FileNotFoundError``, a path that is a file raises
``NotADirectoryError``; both messages name the argument (``larger`` or ``smaller``).
"""

from __future__ import annotations

import os


def dir_difference(larger: str | os.PathLike[str], smaller: str | os.PathLike[str]) -> set[str]:
    """Relative paths of the regular files under ``larger`` that ``smaller`` does not have.

    Args:
        larger (str or os.PathLike): a folder; searched recursively.
        smaller (str or os.PathLike): a folder; searched recursively. It is usually contained in
            ``larger``, but need not be: files only ``smaller`` has are ignored.

    Returns:
        set[str]: relative POSIX paths such as ``"sub/dir/a.jpg"`` (``"/"`` separators, no leading
        ``"./"``) of every regular file under ``larger`` for which ``smaller`` has no regular file at the
        same relative path. Symbolic links are neither followed nor reported; folders are not reported.
        No file is opened: the answer comes from the directory listings alone.

    Raises:
        FileNotFoundError: ``larger`` or ``smaller`` does not exist (the message names which).
        NotADirectoryError: ``larger`` or ``smaller`` is not a folder (the message names which).

    Example:
        >>> import pathlib, tempfile
        >>> root = pathlib.Path(tempfile.mkdtemp())
        >>> for rel in ["big/a.jpg", "big/sub/b.jpg", "big/sub/c.jpg", "small/sub/b.jpg"]:
        ...     (root / rel).parent.mkdir(parents=True, exist_ok=True)
        ...     _ = (root / rel).write_bytes(b"")
        >>> sorted(dir_difference(root / "big", root / "small"))
        ['a.jpg', 'sub/c.jpg']
    """
    raise NotImplementedError


def changed_files(larger: str | os.PathLike[str], smaller: str | os.PathLike[str]) -> set[str]:
    """Relative paths that are regular files in both folders and whose bytes differ.

    Args:
        larger (str or os.PathLike): a folder; searched recursively.
        smaller (str or os.PathLike): a folder; searched recursively.

    Returns:
        set[str]: relative POSIX paths (as for :func:`dir_difference`) present as regular files in both
        trees whose contents differ. Sizes are compared first; only pairs of equal size are opened and
        read, in chunks, and reading stops at the first difference (two files of 512 MiB that differ in
        their first byte must not be read in full). Symbolic links are neither followed nor opened.

    Raises:
        FileNotFoundError: ``larger`` or ``smaller`` does not exist (the message names which).
        NotADirectoryError: ``larger`` or ``smaller`` is not a folder (the message names which).

    Example:
        >>> import pathlib, tempfile
        >>> root = pathlib.Path(tempfile.mkdtemp())
        >>> for rel, data in [("big/a", b"1"), ("big/b", b"22"), ("big/c", b"3"), ("big/d", b"4"),
        ...                   ("small/a", b"1"), ("small/b", b"2"), ("small/c", b"X")]:
        ...     (root / rel).parent.mkdir(parents=True, exist_ok=True)
        ...     _ = (root / rel).write_bytes(data)
        >>> sorted(changed_files(root / "big", root / "small"))
        ['b', 'c']
    """
    raise NotImplementedError
