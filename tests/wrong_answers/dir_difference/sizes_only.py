"""changed_files compares sizes only: a file rewritten with the same number of bytes is not reported."""

import os

from solutions.dir_difference.dir_difference import *
from solutions.dir_difference.dir_difference import _check_folder, _regular_files

CAUGHT_BY = [
    "test_changed_files_reads_bytes_when_sizes_and_times_agree",
    "test_changed_files_finds_pairs_whose_bytes_differ",
]


def changed_files(larger, smaller):
    larger = _check_folder("larger", larger)
    smaller = _check_folder("smaller", smaller)
    ours, theirs = dict(_regular_files(larger)), dict(_regular_files(smaller))
    return {
        rel
        for rel in ours.keys() & theirs.keys()
        if os.path.getsize(ours[rel].path) != os.path.getsize(theirs[rel].path)
    }
