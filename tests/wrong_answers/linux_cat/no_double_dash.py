"""main does not know the double dash: it is taken as a file name and a later -n still numbers the lines."""

import sys

from solutions.linux_cat.linux_cat import *

CAUGHT_BY = ["test_main_treats_arguments_after_double_dash_as_files"]


def main(argv=None):
    args = sys.argv[1:] if argv is None else list(argv)
    number = "-n" in args
    paths = [a for a in args if a != "-n"]
    status = cat(paths, sys.stdout.buffer, number=number)
    sys.stdout.buffer.flush()
    return status
