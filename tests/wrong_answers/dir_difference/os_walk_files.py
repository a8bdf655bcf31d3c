"""os.walk's `filenames` taken as the files: links to files, broken links and named pipes are reported too."""

import os

from solutions.dir_difference.dir_difference import *
from solutions.dir_difference.dir_difference import _check_folder

CAUGHT_BY = [
    "test_dir_difference_neither_follows_nor_reports_symbolic_links",
    "test_dir_difference_does_not_count_a_link_in_the_smaller_tree_as_the_file",
    "test_dir_difference_does_not_report_a_named_pipe",
]


def _files(root):
    out = set()
    for folder, _, names in os.walk(root):
        rel = os.path.relpath(folder, root).replace(os.sep, "/")
        for name in names:
            out.add(name if rel == "." else f"{rel}/{name}")
    return out


def dir_difference(larger, smaller):
    larger = _check_folder("larger", larger)
    smaller = _check_folder("smaller", smaller)
    return _files(larger) - _files(smaller)
