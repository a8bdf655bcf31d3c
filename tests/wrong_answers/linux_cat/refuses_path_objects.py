"""Checks that every file name is a str and refuses path objects, which the docstring allows."""

from solutions.linux_cat.linux_cat import *
from solutions.linux_cat.linux_cat import cat as _right_cat

CAUGHT_BY = ["test_cat_accepts_path_objects"]


def cat(paths, out, *, number=False, stdin=None):
    if isinstance(paths, (str, bytes)):
        raise TypeError(f"paths: expected a list of file names, got a single {type(paths).__name__}")
    paths = list(paths)
    for p in paths:
        if not isinstance(p, str):
            raise TypeError(f"paths: expected file names as str, got {type(p).__name__}")
    return _right_cat(paths, out, number=number, stdin=stdin)
