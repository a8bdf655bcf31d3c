"""Options of the project's own checks.

``--exercises a,b,c`` limits the checks that grade exercises for real (tests/test_exercises.py) to those
exercises; ``nox -s check-fast`` passes a sample, ``nox -s check`` grades every ready exercise.
"""

from __future__ import annotations

import os
import tempfile

import pytest

# The learner's persistent warm worker outlives a run by design; the project's checks start none (the tests
# of the persistent worker start theirs on private sockets, with a short idle time).
os.environ["KATA_PERSISTENT_WORKER"] = "0"
# Progress, hints and results of the checks' own runs go to a folder of their own, not the learner's .kata/.
os.environ.setdefault("KATA_STATE", tempfile.mkdtemp(prefix="kata-checks-state-"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--exercises",
        default=None,
        metavar="SLUGS",
        help="comma-separated exercises that the grading checks cover (default: every ready exercise)",
    )
