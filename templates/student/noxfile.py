"""nox sessions for the kata.

    nox -s grade [-- SLUG ... -v]          grade your exercises (exercises/): a scoreboard, and .kata/results.json
    nox -s status                          your progress over every exercise and quiz, without grading
    nox -s hint -- SLUG                    the next hint for an exercise, one more each time you ask
    nox -s watch [-- SLUG ...]             regrade each time you save a file of exercises/ (Ctrl-C stops)
    nox -s quiz [-- TOPIC | --grade]       answer the concept quizzes one item at a time, or grade your answers

``grade`` and ``watch`` install what they need into their own virtual environment the first time (torch is the
large part); later runs reuse it. ``nox --no-venv -s grade`` uses the current environment instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"  # nox.project.dependency_groups

# pip (the virtualenv backend) honours pip's own configuration (PIP_EXTRA_INDEX_URL for CPU torch, see README.md)
nox.options.default_venv_backend = "virtualenv"
nox.options.sessions = ["grade"]
nox.options.reuse_venv = "yes"

PYPROJECT = nox.project.load_toml("pyproject.toml")
RUNTIME = PYPROJECT["project"]["dependencies"]


def _install(session: nox.Session) -> None:
    """Install the runtime and grading dependencies, unless this environment already has exactly them."""
    if session.venv_backend == "none":
        return  # --no-venv: the current environment must already have them
    requirements = [*RUNTIME, *nox.project.dependency_groups(PYPROJECT, "grade")]
    stamp = Path(session.virtualenv.location) / ".kata-installed"
    wanted = "\n".join(requirements)
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == wanted:
        return
    session.install(*requirements)
    stamp.write_text(wanted, encoding="utf-8")


@nox.session
def grade(session: nox.Session) -> None:
    """Grade exercises/ and print the scoreboard; results in .kata/results.json."""
    _install(session)
    args = list(session.posargs)
    if "--target" not in args and not any(a.startswith("--target=") for a in args):
        args += ["--target", "exercises"]
    # paths you type are relative to where you started nox; suggested commands are written as this session's
    session.run(
        "python",
        "-m",
        "grading",
        "--invoked-from",
        session.invoked_from,
        "--invoked-as",
        f"nox -s {session.name} --",
        *args,
    )


@nox.session(venv_backend="none")
def status(session: nox.Session) -> None:
    """Your progress over every exercise and quiz, without grading."""
    session.run(sys.executable, "-m", "grading", "status", "--invoked-from", session.invoked_from, *session.posargs)


@nox.session(venv_backend="none")
def hint(session: nox.Session) -> None:
    """The next hint for an exercise: nox -s hint -- SLUG."""
    session.run(sys.executable, "-m", "grading", "hint", *session.posargs)


@nox.session
def watch(session: nox.Session) -> None:
    """Regrade whenever you save a file of exercises/: nox -s watch [-- SLUG ...]."""
    _install(session)
    session.run("python", "-m", "grading", "watch", "--invoked-from", session.invoked_from, *session.posargs)


@nox.session(venv_backend="none")
def quiz(session: nox.Session) -> None:
    """Answer the concept quizzes in the terminal (-- TOPIC), or grade your answers files (-- --grade)."""
    # the interpreter running nox: the quizzes need nothing but the standard library
    session.run(sys.executable, "-m", "grading", "quiz", "--invoked-from", session.invoked_from, *session.posargs)
