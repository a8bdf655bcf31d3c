"""Reads standard input for the first dash only and skips it when a dash appears again."""

import os
import sys

from solutions.linux_cat.linux_cat import *
from solutions.linux_cat.linux_cat import _copy, _Numbering, _report

CAUGHT_BY = ["test_a_dash_reads_stdin_again_each_time_it_appears"]


def cat(paths, out, *, number=False, stdin=None):
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError(f"paths: expected a list of file names, got a single {type(paths).__name__}")
    numbering = _Numbering() if number else None
    status, stdin_done = 0, False
    for path in list(paths) or ["-"]:
        if path == "-":
            if not stdin_done:
                stdin_done = True
                if not _copy(stdin if stdin is not None else sys.stdin.buffer, out, numbering, "-"):
                    status = 1
            continue
        try:
            f = open(path, "rb")
        except OSError as error:
            _report(out, os.fsdecode(path), error)
            status = 1
            continue
        with f:
            if not _copy(f, out, numbering, os.fsdecode(path)):
                status = 1
    return status
