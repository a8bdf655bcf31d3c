"""Reports errors as 'cat: NAME: ' + str(exception), i.e. '[Errno 2] No such file or directory: ...'."""

import os
import sys
import types

from solutions.linux_cat.linux_cat import *
from solutions.linux_cat.linux_cat import _copy, _Numbering
from solutions.linux_cat.linux_cat import main as _reference_main

CAUGHT_BY = [
    "test_a_missing_file_in_the_middle_is_reported_and_skipped",
    "test_the_reason_is_the_system_error_text",
    "test_main_reports_a_missing_file_and_returns_1",
]


def cat(paths, out, *, number=False, stdin=None):
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError(f"paths: expected a list of file names, got {type(paths).__name__}")
    numbering = _Numbering() if number else None
    status = 0
    for path in list(paths) or ["-"]:
        if path == "-":
            _copy(stdin if stdin is not None else sys.stdin.buffer, out, numbering, "-")
            continue
        try:
            f = open(path, "rb")
        except OSError as error:
            print(f"cat: {path}: {error}", file=sys.stderr)
            status = 1
            continue
        with f:
            _copy(f, out, numbering, os.fsdecode(path))
    return status


# The reference main, but looking names up here, so that main() and the script run this module's cat.
main = types.FunctionType(_reference_main.__code__, globals())


if __name__ == "__main__":
    sys.exit(main())
