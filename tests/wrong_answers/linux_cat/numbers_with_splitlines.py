"""cat -n written with splitlines(): ends every last line with a newline and also splits at CR and form feed."""

import os
import sys
import types

from solutions.linux_cat.linux_cat import *
from solutions.linux_cat.linux_cat import _copy, _report
from solutions.linux_cat.linux_cat import main as _reference_main

CAUGHT_BY = [
    "test_number_adds_no_newline_after_an_unfinished_last_line",
    "test_output_matches_the_system_cat[cat -n]",
]


class _SplitlinesNumbering:
    def __init__(self):
        self.n = 0

    def apply(self, chunk):
        out = []
        for line in chunk.splitlines():
            self.n += 1
            out.append(b"%6d\t%s\n" % (self.n, line))
        return b"".join(out)


def cat(paths, out, *, number=False, stdin=None):
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError(f"paths: expected a list of file names, got {type(paths).__name__}")
    numbering = _SplitlinesNumbering() if number else None
    status = 0
    for path in list(paths) or ["-"]:
        if path == "-":
            _copy(stdin if stdin is not None else sys.stdin.buffer, out, numbering, "-")
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


# The reference main, but looking names up here, so that main() and the script run this module's cat.
main = types.FunctionType(_reference_main.__code__, globals())


if __name__ == "__main__":
    sys.exit(main())
