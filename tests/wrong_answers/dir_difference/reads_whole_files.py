"""changed_files reads both files of an equal-size pair in full before comparing, instead of stopping at the first difference."""

from pathlib import Path

from solutions.dir_difference.dir_difference import *
from solutions.dir_difference.dir_difference import _check_folder, _regular_files

CAUGHT_BY = ["test_changed_files_stops_reading_at_the_first_difference"]


def changed_files(larger, smaller):
    larger = _check_folder("larger", larger)
    smaller = _check_folder("smaller", smaller)
    ours, theirs = dict(_regular_files(larger)), dict(_regular_files(smaller))
    changed = set()
    for rel in ours.keys() & theirs.keys():
        a, b = ours[rel], theirs[rel]
        if a.stat(follow_symlinks=False).st_size != b.stat(follow_symlinks=False).st_size:
            changed.add(rel)
        elif Path(a.path).read_bytes() != Path(b.path).read_bytes():
            changed.add(rel)
    return changed
