"""os.walk without onerror: a folder that does not exist (or is a file) silently gives an empty set."""

import os

from solutions.dir_difference.dir_difference import *

CAUGHT_BY = ["test_missing_folders_raise_file_not_found", "test_a_file_instead_of_a_folder_raises_not_a_directory"]


def _files(root):
    out = set()
    for folder, _, names in os.walk(root):
        rel = os.path.relpath(folder, root).replace(os.sep, "/")
        for name in names:
            path = os.path.join(folder, name)
            if os.path.isfile(path) and not os.path.islink(path):
                out.add(name if rel == "." else f"{rel}/{name}")
    return out


def dir_difference(larger, smaller):
    return _files(larger) - _files(smaller)


def changed_files(larger, smaller):
    changed = set()
    for rel in _files(larger) & _files(smaller):
        a, b = os.path.join(larger, rel), os.path.join(smaller, rel)
        if os.path.getsize(a) != os.path.getsize(b):
            changed.add(rel)
            continue
        with open(a, "rb") as fa, open(b, "rb") as fb:
            if fa.read() != fb.read():
                changed.add(rel)
    return changed
