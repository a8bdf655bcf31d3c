"""Returns 1 at the first file it cannot open: the files after it are never copied."""

import os
import sys
import types

from solutions.linux_cat.linux_cat import *
from solutions.linux_cat.linux_cat import _copy, _Numbering, _report
from solutions.linux_cat.linux_cat import main as _reference_main

CAUGHT_BY = [
    "test_a_missing_file_in_the_middle_is_reported_and_skipped",
    "test_every_unreadable_file_gets_its_own_message",
    "test_the_reason_is_the_system_error_text",
]


def cat(paths, out, *, number=False, stdin=None):
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError(f"paths: expected a list of file names, got {type(paths).__name__}")
    numbering = _Numbering() if number else None
    for path in list(paths) or ["-"]:
        if path == "-":
            _copy(stdin if stdin is not None else sys.stdin.buffer, out, numbering, "-")
            continue
        try:
            f = open(path, "rb")
        except OSError as error:
            _report(out, os.fsdecode(path), error)
            return 1
        with f:
            _copy(f, out, numbering, os.fsdecode(path))
    return 0


# The reference main, but looking names up here, so that main() and the script run this module's cat.
main = types.FunctionType(_reference_main.__code__, globals())


if __name__ == "__main__":
    sys.exit(main())
