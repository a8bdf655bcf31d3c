"""Copies each file with out.write(f.read()): right bytes, but a 1 GiB file takes 1 GiB of memory."""

import os
import sys
import types

from solutions.linux_cat.linux_cat import *
from solutions.linux_cat.linux_cat import _Numbering, _report
from solutions.linux_cat.linux_cat import main as _reference_main

CAUGHT_BY = ["test_cat_copies_a_large_file_in_constant_memory", "test_number_on_a_large_file_uses_constant_memory"]


def cat(paths, out, *, number=False, stdin=None):
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError(f"paths: expected a list of file names, got {type(paths).__name__}")
    numbering = _Numbering() if number else None
    status = 0
    for path in list(paths) or ["-"]:
        try:
            if path == "-":
                data = (stdin if stdin is not None else sys.stdin.buffer).read()
            else:
                with open(path, "rb") as f:
                    data = f.read()
        except OSError as error:
            _report(out, os.fsdecode(path), error)
            status = 1
            continue
        out.write(numbering.apply(data) if numbering is not None else data)
    return status


# The reference main, but looking names up here, so that main() and the script run this module's cat.
main = types.FunctionType(_reference_main.__code__, globals())


if __name__ == "__main__":
    sys.exit(main())
