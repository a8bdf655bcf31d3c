"""changed_files joins paths with pathlib's slash operator on its arguments, so folders given as str fail."""

import os

from solutions.dir_difference.dir_difference import *
from solutions.dir_difference.dir_difference import _check_folder, _regular_files, _same_bytes

CAUGHT_BY = ["test_changed_files_accepts_str_and_path"]


def changed_files(larger, smaller):
    _check_folder("larger", larger)
    _check_folder("smaller", smaller)
    ours = {rel for rel, _ in _regular_files(os.fspath(larger))}
    theirs = {rel for rel, _ in _regular_files(os.fspath(smaller))}
    changed = set()
    for rel in ours & theirs:
        a, b = larger / rel, smaller / rel
        if os.lstat(a).st_size != os.lstat(b).st_size or not _same_bytes(a, b):
            changed.add(rel)
    return changed
