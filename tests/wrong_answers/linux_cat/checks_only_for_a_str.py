"""Refuses a single str for paths but takes a single bytes or path object, copying one file per byte or a folder per part."""

import os

from solutions.linux_cat.linux_cat import *
from solutions.linux_cat.linux_cat import cat as _right_cat

CAUGHT_BY = ["test_cat_rejects_a_single_bytes_or_path_object"]


def cat(paths, out, *, number=False, stdin=None):
    if isinstance(paths, str):
        raise TypeError(f"paths: expected a list of file names, got a single str {paths!r}")
    if isinstance(paths, bytes):
        paths = [bytes([b]) for b in paths]
    elif isinstance(paths, os.PathLike):
        paths = list(paths.parts)
    return _right_cat(paths, out, number=number, stdin=stdin)
