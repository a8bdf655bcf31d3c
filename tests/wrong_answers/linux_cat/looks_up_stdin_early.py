"""Takes sys.stdin.buffer at the start of every call, so a sys.stdin without a buffer breaks even when no dash is given."""

import sys

from solutions.linux_cat.linux_cat import *
from solutions.linux_cat.linux_cat import cat as _right_cat

CAUGHT_BY = ["test_sys_stdin_is_looked_up_only_when_a_dash_is_reached"]


def cat(paths, out, *, number=False, stdin=None):
    source = stdin if stdin is not None else sys.stdin.buffer
    return _right_cat(paths, out, number=number, stdin=source)
