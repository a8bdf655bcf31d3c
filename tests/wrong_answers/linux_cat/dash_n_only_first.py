"""main looks for -n only as the first argument; elsewhere it is taken as a file name."""

import sys

from solutions.linux_cat.linux_cat import *

CAUGHT_BY = ["test_main_takes_dash_n_anywhere"]


def main(argv=None):
    args = sys.argv[1:] if argv is None else list(argv)
    number = bool(args) and args[0] == "-n"
    if number:
        args = args[1:]
    if args[:1] == ["--"]:
        args = args[1:]
    status = cat(args, sys.stdout.buffer, number=number)
    sys.stdout.buffer.flush()
    return status
