"""Right walk, but looks each path up in a list of the smaller tree's paths: O(n) per file, O(n^2) in all."""

from solutions.dir_difference.dir_difference import *
from solutions.dir_difference.dir_difference import _check_folder, _regular_files

CAUGHT_BY = ["test_dir_difference_of_200000_files_costs_about_one_listing"]


def dir_difference(larger, smaller):
    larger = _check_folder("larger", larger)
    smaller = _check_folder("smaller", smaller)
    present = [rel for rel, _ in _regular_files(smaller)]
    return {rel for rel, _ in _regular_files(larger) if rel not in present}
