"""changed_files reads both files of every common pair, never looking at the sizes first."""

from solutions.dir_difference.dir_difference import *
from solutions.dir_difference.dir_difference import _check_folder, _regular_files

CAUGHT_BY = ["test_changed_files_opens_only_pairs_of_equal_size"]


def changed_files(larger, smaller):
    larger = _check_folder("larger", larger)
    smaller = _check_folder("smaller", smaller)
    ours, theirs = dict(_regular_files(larger)), dict(_regular_files(smaller))
    changed = set()
    for rel in ours.keys() & theirs.keys():
        with open(ours[rel].path, "rb") as a, open(theirs[rel].path, "rb") as b:
            if a.read() != b.read():
                changed.add(rel)
    return changed
