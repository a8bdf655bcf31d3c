"""main loops over its argv argument directly, so main() without arguments fails instead of reading sys.argv."""

import sys

from solutions.linux_cat.linux_cat import *

CAUGHT_BY = ["test_main_without_argv_reads_sys_argv"]


def main(argv=None):
    number, paths, options_done = False, [], False
    for arg in argv:
        if not options_done and arg == "--":
            options_done = True
        elif not options_done and arg == "-n":
            number = True
        else:
            paths.append(arg)
    status = cat(paths, sys.stdout.buffer, number=number)
    sys.stdout.buffer.flush()
    return status
