"""Linux cat 命令的作用？

In English: What does the Linux cat command do?

Source: 000_1a4e42d0338c0b07.txt · 二面 ("Linux cat 命令的作用？", what the cat command does).

cat concatenates files and writes them to standard output. Write it in Python: ``cat`` copies the
files named in ``paths``, one after the other, to the binary stream ``out``, byte for byte, reading each in
fixed-size chunks so that a 1 GiB file costs no more memory than a small one. ``-`` stands for standard
input. With ``number=True`` it behaves like ``cat -n``: every output line starts with its number, right-
aligned in 6 columns and followed by a tab, and the numbering runs on across files. A file that cannot be
read is reported on standard error as ``cat: NAME: REASON`` (REASON is the system's text for the error,
``os.strerror``, e.g. ``No such file or directory``), the other files are still copied, and the result is 1.

``main`` is the command line: ``python linux_cat.py [-n] FILE...`` runs it (the file ends with
``if __name__ == "__main__": sys.exit(main())``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import BinaryIO

CHUNK_SIZE = 64 * 1024


class _Numbering:
    """The ``cat -n`` state that must survive chunk and file boundaries."""

    def __init__(self) -> None:
        self.next_number = 1
        self.at_line_start = True

    def apply(self, chunk: bytes) -> bytes:
        pieces = chunk.split(b"\n")
        parts = []
        # Every piece but the last was followed by a newline; the last one is an unfinished line that the
        # next chunk (or the next file) continues, so it is numbered only if nothing numbered it yet.
        for piece in pieces[:-1]:
            if self.at_line_start:
                parts.append(b"%6d\t" % self.next_number)
                self.next_number += 1
            parts.append(piece)
            parts.append(b"\n")
            self.at_line_start = True
        tail = pieces[-1]
        if tail:
            if self.at_line_start:
                parts.append(b"%6d\t" % self.next_number)
                self.next_number += 1
            parts.append(tail)
            self.at_line_start = False
        return b"".join(parts)


def _report(out: BinaryIO, name: str, error: OSError) -> None:
    # Flush first so that, on a terminal, the message appears after what was copied before it.
    flush = getattr(out, "flush", None)
    if flush is not None:
        flush()
    reason = error.strerror or os.strerror(error.errno or 0)
    print(f"cat: {name}: {reason}", file=sys.stderr)


def _copy(src: BinaryIO, out: BinaryIO, numbering: _Numbering | None, name: str) -> bool:
    # read1 returns what is there (a line typed at a terminal) instead of waiting for a full chunk.
    read = getattr(src, "read1", src.read)
    while True:
        try:
            chunk = read(CHUNK_SIZE)
        except OSError as error:  # e.g. EISDIR where a directory can be opened, EIO
            _report(out, name, error)
            return False
        if not chunk:
            return True
        out.write(numbering.apply(chunk) if numbering is not None else chunk)


def cat(
    paths: Iterable[str | os.PathLike],
    out: BinaryIO,
    *,
    number: bool = False,
    stdin: BinaryIO | None = None,
) -> int:
    """Copy the files in ``paths`` to ``out``, one after the other, in fixed-size chunks.

    Args:
        paths (list of str or os.PathLike): file names in the order to copy them; ``"-"`` is standard
            input (every time it appears). An empty list means ``["-"]``, as for ``cat`` with no operands.
        out (binary stream): where the bytes go (``out.write(bytes)``), e.g. ``sys.stdout.buffer`` or
            ``io.BytesIO()``. It is written to, never closed.
        number (bool): like ``cat -n``: each output line starts with its number formatted as
            ``"%6d\\t"``. Numbering runs on across files; a file that does not end with a newline leaves
            its last line open, and the next file's first bytes continue that line unnumbered.
        stdin (binary stream, optional): what ``"-"`` reads; ``None`` means ``sys.stdin.buffer``, looked
            up when ``"-"`` is reached.

    Returns:
        int: 0 if every file was copied, 1 if any could not be read. For each such file a line
        ``cat: NAME: REASON`` goes to ``sys.stderr``, where NAME is the path as given and REASON the
        system's text for the error (``os.strerror``: ``No such file or directory``, ``Is a directory``,
        ``Permission denied``, ...); copying goes on with the next file.

    Raises:
        TypeError: ``paths`` is a single ``str``, ``bytes`` or path object instead of a list of them; the
            message names ``paths``.

    Example:
        >>> import io, os, tempfile
        >>> folder = tempfile.mkdtemp()
        >>> a, b = os.path.join(folder, "a.txt"), os.path.join(folder, "b.txt")
        >>> with open(a, "wb") as f1, open(b, "wb") as f2:
        ...     _ = f1.write(b"one\\ntw"), f2.write(b"o\\nthree\\n")
        >>> out = io.BytesIO()
        >>> cat([a, b], out)
        0
        >>> out.getvalue()
        b'one\\ntwo\\nthree\\n'
        >>> out = io.BytesIO()
        >>> cat([a, "-", b], out, number=True, stdin=io.BytesIO(b"|"))
        0
        >>> out.getvalue()
        b'     1\\tone\\n     2\\ttw|o\\n     3\\tthree\\n'
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        # Iterating a string would "copy" one file per character.
        raise TypeError(f"paths: expected a list of file names, got a single {type(paths).__name__} {paths!r}")
    names = list(paths) or ["-"]
    numbering = _Numbering() if number else None
    status = 0
    for path in names:
        if path == "-":
            source = stdin if stdin is not None else sys.stdin.buffer
            if not _copy(source, out, numbering, "-"):
                status = 1
            continue
        name = os.fsdecode(path)
        try:
            f = open(path, "rb")
        except OSError as error:
            _report(out, name, error)
            status = 1
            continue
        with f:
            if not _copy(f, out, numbering, name):
                status = 1
    return status


def main(argv: list[str] | None = None) -> int:
    """The command line: ``python linux_cat.py [-n] [FILE ...]``.

    Args:
        argv (list of str, optional): the arguments without the program name; ``None`` means
            ``sys.argv[1:]``. ``-n`` (anywhere) numbers the lines; ``--`` makes every later argument a file
            name; every other argument is a file name, ``-`` being standard input. No file names means
            standard input.

    Returns:
        int: the exit status, 0 or 1 as returned by :func:`cat`, which writes to ``sys.stdout.buffer``
        and reads ``-`` from ``sys.stdin.buffer``.

    Example:
        >>> main(["-n", "notes.txt", "/no/such/file"])  # doctest: +SKIP
             1\tfirst line of notes.txt
             2\tsecond line
        cat: /no/such/file: No such file or directory
        1
    """
    args = sys.argv[1:] if argv is None else list(argv)
    number = False
    paths: list[str] = []
    options_done = False
    for arg in args:
        if not options_done and arg == "--":
            options_done = True
        elif not options_done and arg in ("-n", "--number"):
            number = True
        else:
            paths.append(arg)
    out = sys.stdout.buffer
    status = cat(paths, out, number=number)
    out.flush()
    return status


if __name__ == "__main__":
    sys.exit(main())
