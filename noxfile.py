"""nox sessions for the kata.

    nox -s grade [-- SLUG ... --target DIR]      grade the learner's stubs (exercises/) or any folder
    nox -s solutions [-- SLUG ...]               grade the reference solutions (they should score 100 %)
    nox -s quiz [-- TOPIC | --grade]             answer the concept quizzes, one item at a time
    nox -s status | hint -- SLUG | watch         your progress; the next hint; regrade on every save
    nox -s class -- SUBMISSIONS [--roster CSV]   grade every student's folder: a gradebook and their results
    nox -s check                                 the project's own checks: ruff, engine tests, solutions 100 %,
                                                 stubs 0 %, every wrong answer caught, layout and doctests
    nox -s check-fast                            the quick tier after an engine change: ruff, engine, layout
                                                 and doctests, and a sample of exercises graded for real
    nox -s release [-- DIR]                      write a student copy without solutions (default dist/student)
    nox -s gradescope [-- OUT.zip]               build Gradescope's autograder zip (default dist/gradescope.zip)
    nox -s bench                                 time reference solutions against baselines in the same run
    nox -s fixtures                              regenerate grader fixtures with torchvision / scikit-learn

Every session installs what it needs into its own virtual environment (the first run takes about half a
minute; later runs reuse it, and skip pip while the requirements are unchanged). ``nox --no-venv -s grade``
uses the current environment instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"  # nox.project.dependency_groups

# pip (the virtualenv backend) honours this machine's pip configuration, which is how the CPU build of
# torch is found; the uv backend ignores it and would download a multi-GB CUDA build.
nox.options.default_venv_backend = "virtualenv"
nox.options.sessions = ["grade"]
nox.options.reuse_venv = "yes"

PYPROJECT = nox.project.load_toml("pyproject.toml")
RUNTIME = PYPROJECT["project"]["dependencies"]

# The versions the fixtures under graders/fixtures/ were generated with (each data file records them too).
FIXTURE_PACKAGES = ["torch==2.14.1", "torchvision==0.29.1", "scikit-learn==1.9.1", "numpy"]


# A sample of exercises that the quick tier grades for real (solutions, stubs, their wrong answers): plain
# Python, a line budget, torch with gradients, by-hand checks, files on disk.
FAST_SAMPLE = "max_subarray,box_iou,normalization,linux_cat"


def _install(session: nox.Session, group: str) -> None:
    """Install the runtime and ``group`` dependencies, unless this environment already has exactly them.

    pip takes a few seconds even when everything is installed; a stamp file in the environment records
    what was installed, so that reusing it costs nothing.
    """
    if session.venv_backend == "none":
        return  # --no-venv: the current environment must already have what the group lists
    requirements = [*RUNTIME, *nox.project.dependency_groups(PYPROJECT, group)]
    stamp = Path(session.virtualenv.location) / ".kata-installed"
    wanted = "\n".join(requirements)
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == wanted:
        return
    session.install(*requirements)
    stamp.write_text(wanted, encoding="utf-8")


def _grade(session: nox.Session, default_target: str) -> None:
    _install(session, "grade")
    args = list(session.posargs)
    if "--target" not in args and not any(a.startswith("--target=") for a in args):
        args += ["--target", default_target]
    # Paths the user typed (--target ../alice, --results out.json) are relative to where nox was started;
    # commands the scoreboard suggests are written as this session's.
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


@nox.session
def grade(session: nox.Session) -> None:
    """Grade exercises/ (or --target DIR) and print the scoreboard; results in .kata/results.json."""
    _grade(session, "exercises")


@nox.session(venv_backend="none")
def quiz(session: nox.Session) -> None:
    """Answer the concept quizzes in the terminal (-- TOPIC), or grade the answers files (-- --grade)."""
    # the interpreter running nox: the quiz needs nothing but the standard library
    session.run(sys.executable, "-m", "grading", "quiz", "--invoked-from", session.invoked_from, *session.posargs)


@nox.session(venv_backend="none")
def status(session: nox.Session) -> None:
    """Your progress over the whole catalogue, without grading."""
    session.run(sys.executable, "-m", "grading", "status", "--invoked-from", session.invoked_from, *session.posargs)


@nox.session(venv_backend="none")
def hint(session: nox.Session) -> None:
    """The next hint for an exercise: nox -s hint -- SLUG."""
    session.run(sys.executable, "-m", "grading", "hint", *session.posargs)


@nox.session
def watch(session: nox.Session) -> None:
    """Regrade whenever a file of exercises/ changes: nox -s watch [-- SLUG ...] [-- --target DIR]."""
    _install(session, "grade")
    session.run("python", "-m", "grading", "watch", "--invoked-from", session.invoked_from, *session.posargs)


@nox.session(name="class")
def class_(session: nox.Session) -> None:
    """Grade a class: nox -s class -- SUBMISSIONS_DIR [--out DIR] [--roster roster.csv] (a gradebook)."""
    _install(session, "grade")
    session.run(
        "python", "-m", "grading", "class", "--invoked-from", session.invoked_from,
        "--invoked-as", "nox -s class --", *session.posargs,
    )  # fmt: skip


@nox.session
def solutions(session: nox.Session) -> None:
    """Grade the reference solutions in solutions/."""
    _grade(session, "solutions")


@nox.session
def check(session: nox.Session) -> None:
    """The project's own checks (the README's test command): the full proof."""
    _install(session, "dev")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("python", "-m", "pytest", "tests", *session.posargs)


@nox.session(name="check-fast")
def check_fast(session: nox.Session) -> None:
    """The quick tier for every engine change: lint, engine, layout, doctests, and a sample graded for real."""
    _install(session, "dev")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    # Most of the engine's checks wait on test processes, so three pytest processes on two cores finish
    # sooner; the full check stays in one process, where its timing-sensitive checks see no contention.
    session.run(
        "python", "-m", "pytest", "tests", "--exercises", FAST_SAMPLE,
        "-n", "3", "-m", "not full_check_only", *session.posargs,
    )  # fmt: skip


@nox.session(venv_backend="none")
def release(session: nox.Session) -> None:
    """Write a student copy (no solutions, no wrong answers, no maintainer tools) to dist/student."""
    session.run(sys.executable, "tools/release.py", *(session.posargs or ["dist/student"]))


@nox.session(venv_backend="none")
def gradescope(session: nox.Session) -> None:
    """Build Gradescope's autograder zip (default dist/gradescope.zip): setup.sh, run_autograder, the graders."""
    session.run(sys.executable, "tools/gradescope.py", *(session.posargs or ["dist/gradescope.zip"]))


@nox.session
def bench(session: nox.Session) -> None:
    """Time reference solutions against baselines measured in the same run (prints ratios)."""
    _install(session, "grade")
    session.run("python", "tools/bench.py", *session.posargs)


@nox.session
def fixtures(session: nox.Session) -> None:
    """Regenerate the fixture files that hold torchvision's and scikit-learn's answers (large install)."""
    session.install(*FIXTURE_PACKAGES)
    session.run("python", "tools/regenerate_fixtures.py", *session.posargs)
