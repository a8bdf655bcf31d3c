"""cat -n that treats the start of every chunk as the start of a line: long lines get numbered twice."""

import os
import sys
import types

from solutions.linux_cat.linux_cat import *
from solutions.linux_cat.linux_cat import CHUNK_SIZE, _report
from solutions.linux_cat.linux_cat import main as _reference_main

CAUGHT_BY = ["test_number_handles_lines_longer_than_a_chunk", "test_number_continues_across_files"]


def _numbered(chunk, first):
    lines = chunk.split(b"\n")
    out = []
    for i, line in enumerate(lines):
        last = i == len(lines) - 1
        if last and not line:
            break
        out.append(b"%6d\t" % (first + i) + line + (b"" if last else b"\n"))
    return b"".join(out), first + len(out)


def cat(paths, out, *, number=False, stdin=None):
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError(f"paths: expected a list of file names, got {type(paths).__name__}")
    status = 0
    line_no = 1
    for path in list(paths) or ["-"]:
        try:
            f = (stdin if stdin is not None else sys.stdin.buffer) if path == "-" else open(path, "rb")
        except OSError as error:
            _report(out, os.fsdecode(path), error)
            status = 1
            continue
        while chunk := f.read(CHUNK_SIZE):
            if number:
                chunk, line_no = _numbered(chunk, line_no)
            out.write(chunk)
        if path != "-":
            f.close()
    return status


# The reference main, but looking names up here, so that main() and the script run this module's cat.
main = types.FunctionType(_reference_main.__code__, globals())


if __name__ == "__main__":
    sys.exit(main())
