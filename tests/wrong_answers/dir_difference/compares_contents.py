"""Also checks that the same-named file in the smaller tree has the same bytes (an MD5 of every file)."""

import hashlib

from solutions.dir_difference.dir_difference import *
from solutions.dir_difference.dir_difference import _check_folder, _regular_files

CAUGHT_BY = [
    "test_dir_difference_reads_no_file_contents",
    "test_dir_difference_of_200000_files_costs_about_one_listing",
]


def _digests(root):
    out = {}
    for rel, entry in _regular_files(root):
        with open(entry.path, "rb") as f:
            out[rel] = hashlib.md5(f.read()).hexdigest()
    return out


def dir_difference(larger, smaller):
    larger = _check_folder("larger", larger)
    smaller = _check_folder("smaller", smaller)
    ours, theirs = _digests(larger), _digests(smaller)
    return {rel for rel, digest in ours.items() if theirs.get(rel) != digest}
