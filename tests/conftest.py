"""Options of the project's own checks.

``--exercises a,b,c`` limits the checks that grade exercises for real (tests/test_exercises.py) to those
exercises; ``nox -s check-fast`` passes a sample, ``nox -s check`` grades every ready exercise.
"""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--exercises",
        default=None,
        metavar="SLUGS",
        help="comma-separated exercises that the grading checks cover (default: every ready exercise)",
    )
