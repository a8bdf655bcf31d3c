"""Compares file names, not relative paths: a name that exists anywhere in the smaller tree counts as present."""

import os

from solutions.dir_difference.dir_difference import *
from solutions.dir_difference.dir_difference import _check_folder, _regular_files

CAUGHT_BY = [
    "test_dir_difference_compares_whole_paths_not_file_names",
    "test_dir_difference_of_200000_files_costs_about_one_listing",
]


def dir_difference(larger, smaller):
    larger = _check_folder("larger", larger)
    smaller = _check_folder("smaller", smaller)
    names = {entry.name for _, entry in _regular_files(smaller)}
    return {rel for rel, entry in _regular_files(larger) if entry.name not in names}
