"""Opens files in text mode and writes encoded text: binary files fail to decode, CR LF becomes LF."""

import io
import os
import sys
import types

from solutions.linux_cat.linux_cat import *
from solutions.linux_cat.linux_cat import _Numbering, _report
from solutions.linux_cat.linux_cat import main as _reference_main

CAUGHT_BY = ["test_cat_copies_binary_data_without_adding_a_newline", "test_the_file_runs_as_a_script"]


def cat(paths, out, *, number=False, stdin=None):
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError(f"paths: expected a list of file names, got {type(paths).__name__}")
    numbering = _Numbering() if number else None
    status = 0
    for path in list(paths) or ["-"]:
        try:
            if path == "-":
                f = sys.stdin if stdin is None else io.TextIOWrapper(stdin)
            else:
                f = open(path, encoding="utf-8")
            while text := f.read(65536):
                data = text.encode("utf-8")
                out.write(numbering.apply(data) if numbering is not None else data)
        except OSError as error:
            _report(out, os.fsdecode(path), error)
            status = 1
    return status


# The reference main, but looking names up here, so that main() and the script run this module's cat.
main = types.FunctionType(_reference_main.__code__, globals())


if __name__ == "__main__":
    sys.exit(main())
