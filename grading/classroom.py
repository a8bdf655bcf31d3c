"""A class in one command: every student's folder graded with one warm worker, a gradebook, resumable.

::

    python -m grading class SUBMISSIONS_DIR [--out DIR] [--roster roster.csv] [-j N] [--min-score P]
                                            [--exercises a,b,...]

(``python -m grading.classroom ...`` runs the same thing.)

Submissions
    Every folder directly below ``SUBMISSIONS_DIR`` is one student, named by the folder. Hidden folders
    (``.git``), ``__MACOSX`` and the output folder are not students; plain files there are ignored (and
    named). A student's folder is recognised as

    * a target laid out like ``exercises/``: ``<slug>/<slug>.py``, quiz answers in ``_quizzes/<topic>.toml``;
      also when that target is the folder's ``exercises/`` (a clone of the student copy) or the one folder it
      holds (an archive that unpacked into a folder of its own);
    * a flat upload: ``<slug>.py`` files (and ``<topic>.toml`` quiz answers) side by side. They are copied into
      a private target laid out properly, ``DIR/<student>/target/``, which is what is graded; each module is
      graded on its own (other files of the upload are not copied beside it);
    * anything else is *refused*, with a message naming the expected layout and what the folder holds
      (``carol: expected <slug>/<slug>.py (or <slug>.py) files; found hw1/, notes.txt``). A refused student
      is never scored 0 silently: the gradebook says "refused" and why.

    Only names of the catalogue count (any exercise of ``catalogue.toml``, any quiz topic), so a folder of
    unrelated code is refused rather than graded as "everything missing".

Grading
    The engine's API, not the command line: one :class:`grading.runner.GradingSession` (a warm worker for this
    run) grades every ``(exercise, student)`` pair of the class in one ``grade()`` call, ``-j`` at a time, so
    the worker that imported torch once serves everyone. What is graded is what ``python -m grading`` grades
    by default (every ready exercise, then every quiz as ``quiz_<topic>``), or ``--exercises a,b``.

Resumable
    A student is graded again only when something their grade depends on changed: a hash of their files
    (relative names and contents; ``__pycache__`` and hidden entries aside), of what grades (the graders and
    their fixtures, the engine, ``pyproject.toml``, the catalogue, the quizzes, the versions of Python,
    torch, NumPy, pytest and pytest-timeout) and of the selection of exercises. The hashes are kept in
    ``DIR/.classroom.json``; a student whose hash is unchanged and whose ``results.json`` is still readable
    is not graded: the stored results are reused. A student's results are stored as soon as their last
    exercise is graded, so an interrupted run loses only the students not finished.

Output (``DIR``, by default ``<SUBMISSIONS_DIR>-grades`` beside the submissions)
    ``DIR/<student>/results.json``: the engine's results document (grading.schema), one per graded student.

    ``DIR/gradebook.csv`` (written with the csv module, atomically), one row per student::

        student,status,total,max,percent[,pass],<slug>,...,<quiz_topic>,...,note

    ``status`` is ``graded``, ``absent`` (in the roster, no folder), ``refused`` (a folder in no known
    layout) or ``engine error`` (the engine failed on this student: an exception from the engine, a grader
    that could not be collected, a test process that could not be started). ``total``, ``max`` (points) and
    ``percent`` (one decimal) are filled for graded students only; an exercise's column holds its points
    (blank where the engine failed on it, and for absent and refused students). ``pass`` (with
    ``--min-score P``) is ``yes`` when a graded student's percent reaches P, ``no`` when it does not, blank
    for the others. ``note`` says why a row is not graded, or that a flat upload was laid out.

    Rows: in the roster's order when ``--roster`` is given (a CSV file with a header row; the column named
    ``student``, any case, or else the first column), roster students with no folder listed as absent,
    students with a folder but not in the roster appended after in name order; without a roster, in name
    order. Columns: exercises in catalogue order, then quizzes.

Terminal
    A progress line (on a terminal, rewritten in place) and a line per student as each one is finished (every
    line, not in place, when the output is not a terminal); refusals and engine errors on stderr too.

Exit status
    0: every student with a usable folder was graded, whatever their scores (absent and refused students are
    rows of the gradebook, not failures of the run); 2: a usage error (no such folder, no student folder in
    it, a roster that cannot be read, an unknown exercise; nothing is graded); 3: some students could not be
    graded for an engine reason, or the gradebook could not be written; 130: interrupted (the students
    finished so far are stored, and the next run resumes). ``--min-score`` never changes the exit status:
    it applies per student, as the gradebook's ``pass`` column.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import metadata
from pathlib import Path
from typing import Any, TextIO

from grading import catalogue as cat
from grading import cli, quiz
from grading.layout import LAYOUT, QUIZ_ANSWERS_FOLDER, TARGET_LAYOUT, Layout, module_in
from grading.runner import GradingSession, grading_files
from grading.schema import (
    ExerciseResult,
    ExerciseStatus,
    Kind,
    number,
    results_document,
    validate,
    write_atomically,
    write_json,
)

EXIT_GRADED, EXIT_USAGE, EXIT_ENGINE, EXIT_INTERRUPTED = 0, 2, 3, 130
STATE_FILE = ".classroom.json"
STATE_VERSION = 1
GRADEBOOK = "gradebook.csv"
RESULTS = "results.json"
FLAT_TARGET = "target"  # DIR/<student>/target/: a flat upload, laid out
EXPECTED = f"expected {TARGET_LAYOUT} (or <slug>.py) files"
# Note of an exercise whose grader could not be collected (grading.runner): the engine failed, not the student.
NOT_COLLECTED = "the grader could not be collected"
PACKAGES = ("torch", "numpy", "pytest", "pytest-timeout")  # their versions are part of what grades
NOT_STUDENTS = ("__MACOSX",)


class UsageError(Exception):
    """A command line that cannot be carried out; the message says why (exit status 2)."""


class Status(StrEnum):
    """A student's row in the gradebook (``status`` column)."""

    GRADED = "graded"
    ABSENT = "absent"  # in the roster, no folder
    REFUSED = "refused"  # a folder in no layout the engine knows
    ENGINE_ERROR = "engine error"  # the engine failed on this student: never a silent 0


# ------------------------------------------------------------------------------------------ submissions


@dataclass
class Submission:
    """One student's folder, as found.

    ``target`` is the folder to grade (the student's folder, a folder inside it, or ``DIR/<student>/target``
    for a flat upload); ``flat`` maps the files of a flat upload to their place in that target. ``problem``
    is set (and ``target`` None) when the folder is refused.
    """

    student: str
    folder: Path
    target: Path | None = None
    flat: dict[str, Path] = field(default_factory=dict)  # relative path in the target -> the student's file
    problem: str = ""
    note: str = ""


def known_names(catalogue: cat.Catalogue, layout: Layout = LAYOUT) -> tuple[set[str], set[str]]:
    """The exercise slugs (every catalogue entry) and quiz topics a submission's files may be named after."""
    return set(catalogue.slugs), set(quiz.topics(layout.quizzes))


def _visible(path: Path) -> bool:
    return not path.name.startswith(".") and path.name != "__pycache__"


def _is_target(folder: Path, slugs: set[str], topics: set[str]) -> bool:
    """``folder`` holds at least one ``<slug>/<slug>.py`` or ``_quizzes/<topic>.toml`` of the catalogue."""
    if any(module_in(folder, slug).is_file() for slug in slugs):
        return True
    answers = folder / QUIZ_ANSWERS_FOLDER
    return answers.is_dir() and any((answers / f"{t}.toml").is_file() for t in topics)


def _flat_files(folder: Path, slugs: set[str], topics: set[str]) -> dict[str, Path]:
    """A flat upload's files, by their place in a proper target (``box_iou.py`` -> ``box_iou/box_iou.py``)."""
    found: dict[str, Path] = {}
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return found
    for path in entries:
        if not path.is_file():
            continue
        if path.suffix == ".py" and path.stem in slugs:
            found[f"{path.stem}/{path.name}"] = path
        elif path.suffix == ".toml" and path.stem in topics:
            found[f"{QUIZ_ANSWERS_FOLDER}/{path.name}"] = path
    return found


def _listing(folder: Path, limit: int = 8) -> str:
    try:
        entries = sorted((p for p in folder.iterdir() if _visible(p)), key=lambda p: p.name)
    except OSError as exc:
        return f"nothing readable ({exc.strerror or exc})"
    if not entries:
        return "nothing (an empty folder)"
    names = [p.name + ("/" if p.is_dir() else "") for p in entries[:limit]]
    more = f" and {len(entries) - limit} more" if len(entries) > limit else ""
    return ", ".join(names) + more


def inspect_submission(folder: Path, student: str, out: Path, slugs: set[str], topics: set[str]) -> Submission:
    """Recognise one student's folder (see the module's docstring); ``out`` is the output folder ``DIR``."""
    sub = Submission(student, folder)
    candidates = [folder, folder / "exercises"]
    try:
        inner = [p for p in folder.iterdir() if p.is_dir() and _visible(p) and p.name not in NOT_STUDENTS]
    except OSError:
        inner = []
    if len(inner) == 1:
        candidates += [inner[0], inner[0] / "exercises"]
    for candidate in candidates:
        if not candidate.is_dir():
            continue
        flat = _flat_files(candidate, slugs, topics)
        if flat:
            # A flat upload (possibly with some exercises laid out already): everything goes into a private
            # target, laid out properly; what was laid out keeps its folder.
            for slug in sorted(slugs):
                if module_in(candidate, slug).is_file():
                    flat.setdefault(f"{slug}/{slug}.py", module_in(candidate, slug))
            answers = candidate / QUIZ_ANSWERS_FOLDER
            for topic in sorted(topics):
                if (answers / f"{topic}.toml").is_file():
                    flat.setdefault(f"{QUIZ_ANSWERS_FOLDER}/{topic}.toml", answers / f"{topic}.toml")
            sub.flat = flat
            sub.target = out / student / FLAT_TARGET
            shown = ", ".join(p.name for p in list(flat.values())[:4]) + (", ..." if len(flat) > 4 else "")
            where = "" if candidate == folder else f" in {candidate.relative_to(folder)}/"
            sub.note = f"flat upload{where} ({shown}) graded as {TARGET_LAYOUT}"
            return sub
        if _is_target(candidate, slugs, topics):
            sub.target = candidate
            if candidate != folder:
                sub.note = f"graded from {candidate.relative_to(folder)}/"
            return sub
    sub.problem = f"{student}: {EXPECTED}; found {_listing(folder)}"
    return sub


def discover(submissions: Path, out: Path, slugs: set[str], topics: set[str]) -> tuple[list[Submission], list[str]]:
    """Every student folder below ``submissions``, in name order, and the names of plain files there (ignored)."""
    students, ignored = [], []
    out_resolved = out.resolve()
    for path in sorted(submissions.iterdir(), key=lambda p: p.name):
        if not _visible(path) or path.name in NOT_STUDENTS:
            continue
        if path.is_dir():
            if path.resolve() == out_resolved:
                continue
            students.append(inspect_submission(path, path.name, out, slugs, topics))
        else:
            ignored.append(path.name)
    return students, ignored


def lay_out(sub: Submission) -> None:
    """Copy a flat upload into its private target (replacing what an earlier run put there)."""
    assert sub.target is not None
    if sub.target.exists():
        shutil.rmtree(sub.target)
    for rel, src in sub.flat.items():
        dest = sub.target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)


# ------------------------------------------------------------------------------------------ roster


def read_roster(path: Path) -> list[str]:
    """The students of a roster CSV, in its order (the ``student`` column, or the first one).

    Raises:
        UsageError: no such file, not readable as UTF-8 CSV, no header, or no student in it.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"--roster: no such file: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--roster: cannot read {path}: {exc}") from None
    try:
        rows = [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]
    except csv.Error as exc:
        raise UsageError(f"--roster: {path} is not a CSV file: {exc}") from None
    if not rows:
        raise UsageError(
            f"--roster: {path} is empty; expected a header row (a column named 'student') and a row per student"
        )
    header = [cell.strip().lower() for cell in rows[0]]
    column = header.index("student") if "student" in header else 0
    names: list[str] = []
    for row in rows[1:]:
        name = row[column].strip() if column < len(row) else ""
        if name and name not in names:
            names.append(name)
    if not names:
        raise UsageError(
            f"--roster: {path} has a header ({', '.join(rows[0])}) but no student in its "
            f"{rows[0][column].strip() or 'first'!r} column"
        )
    return names


# ------------------------------------------------------------------------------------------ what a grade depends on


def _hash_tree(h: Any, root: Path, paths: Sequence[Path]) -> None:
    for path in paths:
        files = sorted(_files_below(path)) if path.is_dir() else [path]
        for f in files:
            try:
                rel = f.relative_to(root).as_posix()
            except ValueError:
                rel = f.as_posix()
            h.update(f"\0{rel}\0".encode())
            try:
                h.update(f.read_bytes())
            except OSError:
                h.update(b"<unreadable>")


def _files_below(folder: Path) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and d != "__pycache__"]
        found += [Path(dirpath) / n for n in filenames if not n.startswith(".") and not n.endswith(".pyc")]
    return found


def engine_key(layout: Layout = LAYOUT) -> str:
    """A hash of what grades: graders and fixtures, the engine, pyproject, catalogue, quizzes, and versions."""
    h = hashlib.sha256(f"classroom {STATE_VERSION} python {sys.version_info[:3]}".encode())
    for name in PACKAGES:
        try:
            h.update(f"\0{name} {metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"\0{name} absent".encode())
    _hash_tree(h, layout.root, grading_files(layout, [layout.graders]))
    return h.hexdigest()


def submission_key(sub: Submission, engine: str, slugs: Sequence[str]) -> str:
    """A hash of one student's files (names relative to their folder, and contents), ``engine`` and ``slugs``."""
    h = hashlib.sha256(f"{engine}\0{','.join(slugs)}".encode())
    if sub.flat:
        for rel, src in sorted(sub.flat.items()):
            h.update(f"\0{rel}\0".encode())
            try:
                h.update(src.read_bytes())
            except OSError:
                h.update(b"<unreadable>")
    else:
        assert sub.target is not None
        _hash_tree(h, sub.target, [sub.target])
    return h.hexdigest()


def _load_state(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != STATE_VERSION or not isinstance(data.get("students"), dict):
        return {}
    return {k: v for k, v in data["students"].items() if isinstance(v, str)}


def _load_results(path: Path, slugs: Sequence[str]) -> dict | None:
    """A stored results.json, if it is readable, valid and covers exactly ``slugs``."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if validate(doc) or [e["slug"] for e in doc["exercises"]] != list(slugs):
        return None
    return doc


# ------------------------------------------------------------------------------------------ the run


@dataclass
class StudentRow:
    """One student's line of the gradebook."""

    student: str
    status: Status
    results: dict | None = None  # the results.json document (graded and engine error)
    note: str = ""
    reused: bool = False  # unchanged since the last run: results not graded again
    failed: set[str] = field(default_factory=set)  # exercises the engine failed on (engine error)

    @property
    def points(self) -> float | None:
        return self.results["total"]["points"] if self.results and self.status == Status.GRADED else None

    @property
    def max_points(self) -> float | None:
        return self.results["total"]["max_points"] if self.results and self.status == Status.GRADED else None

    @property
    def share(self) -> float | None:
        """Percent of the points, unrounded (None unless graded with points to get)."""
        if self.points is None or not self.max_points:
            return None
        return 100 * self.points / self.max_points

    @property
    def percent(self) -> float | None:
        """Percent of the points, to one decimal (the gradebook's ``percent``)."""
        return None if self.share is None else round(self.share, 1)

    def cell(self, slug: str) -> str:
        if self.results is None or slug in self.failed:
            return ""
        for e in self.results["exercises"]:
            if e["slug"] == slug:
                return str(number(e["points"]))
        return ""


@dataclass
class ClassResult:
    """What :func:`grade_class` did."""

    rows: list[StudentRow]
    slugs: list[str]
    gradebook: Path
    graded: list[str]  # students graded in this run (the others' results were reused, or there were none)
    exit_status: int
    ignored: list[str] = field(default_factory=list)  # plain files found among the student folders


SessionFactory = Callable[[int], Any]  # jobs -> a context manager with grade(work, on_result=...)


def engine_fault(result: ExerciseResult) -> str | None:
    """Why ``result`` is the engine's failure rather than the student's, or None.

    A grader that could not be collected (no test was found: status "error" with no tests, or the runner's
    note saying so) is the engine's. An import error, a crash, a timeout or tampering is the student's.
    """
    if result.kind != Kind.EXERCISE or result.status != ExerciseStatus.ERROR:
        return None
    if not result.tests or result.note.startswith(NOT_COLLECTED):
        first = (result.note or "no test of its grader was collected").splitlines()[0]
        return f"{result.slug}: {first}"
    return None


class _Progress:
    """The progress line (rewritten in place on a terminal) and a line per student as each is finished."""

    def __init__(self, stream: TextIO, pairs: int, students: int) -> None:
        self.stream = stream
        self.terminal = bool(getattr(stream, "isatty", lambda: False)())
        self.pairs, self.students = pairs, students
        self.done_pairs = self.done_students = 0
        self.t0 = time.monotonic()

    def _line(self) -> str:
        elapsed = int(time.monotonic() - self.t0)
        return (
            f"  graded {self.done_pairs}/{self.pairs} exercises, {self.done_students}/{self.students} students "
            f"finished ({elapsed // 60}:{elapsed % 60:02d})"
        )

    def pair_done(self) -> None:
        self.done_pairs += 1
        if self.terminal:
            self.stream.write(f"\r\033[K{self._line()}")
            self.stream.flush()

    def student_done(self, line: str) -> None:
        self.done_students += 1
        self.say(line)

    def say(self, line: str, stream: TextIO | None = None) -> None:
        """A line above the progress line (on ``stream``, default the progress's own)."""
        if self.terminal:
            self.stream.write("\r\033[K")
            self.stream.flush()
        (stream or self.stream).write(line + "\n")
        (stream or self.stream).flush()
        if self.terminal:
            self.stream.write(self._line())
            self.stream.flush()

    def close(self) -> None:
        if self.terminal:
            self.stream.write("\r\033[K")
            self.stream.flush()


def _describe(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}".strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _row_line(row: StudentRow, width: int) -> str:
    name = f"  {row.student:<{width}}"
    if row.status == Status.GRADED:
        pct = f"{row.percent:5.1f} %" if row.percent is not None else "    - %"
        pts = f"{number(row.points or 0)}/{number(row.max_points or 0)}"
        extra = " (unchanged since the last run: results reused)" if row.reused else ""
        extra += f"; {row.note}" if row.note else ""
        return f"{name}  {pts:>9}  {pct}  graded{extra}"
    return f"{name}  {row.status}: {row.note}"


def grade_class(
    submissions: Path,
    out: Path,
    *,
    roster: Sequence[str] | None = None,
    slugs: Sequence[str] | None = None,
    jobs: int | None = None,
    min_score: float | None = None,
    stream: TextIO | None = None,
    err: TextIO | None = None,
    layout: Layout = LAYOUT,
    session_factory: SessionFactory | None = None,
) -> ClassResult:
    """Grade every student folder below ``submissions``; write ``out/<student>/results.json`` and the gradebook.

    Args:
        submissions (Path): a folder per student (see the module's docstring for the layouts recognised).
        out (Path): where results, the gradebook and the resumption state go (created if needed).
        roster (sequence of str): the students in gradebook order (see :func:`read_roster`); None: name order.
        slugs (sequence of str): what to grade (exercises and ``quiz_<topic>``); None: what ``python -m grading``
            grades by default. Checked with grading.cli.select.
        jobs (int): exercises graded at once (default: grading.cli.default_jobs()).
        min_score (float): percent for the gradebook's ``pass`` column; None: no such column.
        stream, err (TextIO): where progress and problems are written (default: stdout, stderr).
        layout (Layout): the copy of the kata whose graders run.
        session_factory (callable): ``jobs -> session`` (default: a GradingSession with a warm worker for this
            run); the tests use it to watch what is graded and to make the engine fail.

    Returns:
        ClassResult: the rows in gradebook order, who was graded in this run, and the exit status.

    Raises:
        UsageError: ``submissions`` is not a folder or holds no student folder, ``out`` cannot be made, an
            unknown exercise, ``min_score`` outside 0..100. Nothing is graded then.
        KeyboardInterrupt: the students finished so far are stored; the gradebook is not rewritten.
    """
    run = _ClassRun(
        submissions=Path(submissions).absolute(),  # test processes run elsewhere: every path is absolute
        out=Path(out).absolute(),
        roster=list(roster or []),
        stream=stream or sys.stdout,
        err=err or sys.stderr,
        layout=layout,
        session_factory=session_factory or (lambda n: GradingSession(n, layout=layout, worker="run")),
    )
    run.check(slugs, min_score)
    run.plan()
    run.grade(max(1, jobs or cli.default_jobs()))
    return run.report(min_score)


@dataclass
class _ClassRun:
    """One run of :func:`grade_class`: check, plan (who needs grading), grade, report."""

    submissions: Path
    out: Path
    roster: list[str]
    stream: TextIO
    err: TextIO
    layout: Layout
    session_factory: SessionFactory
    t0: float = field(default_factory=time.monotonic)
    selected: list[str] = field(default_factory=list)
    subs: list[Submission] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    rows: dict[str, StudentRow] = field(default_factory=dict)  # students finished (or needing no grading)
    todo: list[Submission] = field(default_factory=list)  # students to grade in this run
    keys: dict[str, str] = field(default_factory=dict)
    state: dict[str, str] = field(default_factory=dict)
    results: dict[str, dict[str, ExerciseResult]] = field(default_factory=dict)
    faults: dict[str, list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # refusals and engine errors, for stderr at the end

    @property
    def state_path(self) -> Path:
        return self.out / STATE_FILE

    def check(self, slugs: Sequence[str] | None, min_score: float | None) -> None:
        """Every usage error, before anything is graded."""
        sub_dir, out = self.submissions, self.out
        if not sub_dir.is_dir():
            what = "a file" if sub_dir.exists() else "not there"
            raise UsageError(
                f"SUBMISSIONS_DIR: expected a folder with a folder per student, got {str(sub_dir)!r}: {what}"
            )
        self.catalogue = cat.load(self.layout.catalogue)
        try:
            self.selected = cli.select(self.catalogue, list(slugs or []))
        except cli.UsageError as exc:
            raise UsageError(f"--exercises: {exc}") from None
        if min_score is not None and not 0 <= min_score <= 100:
            raise UsageError(f"--min-score: expected a percentage from 0 to 100, got {min_score:g}")
        if out.resolve() == sub_dir.resolve():
            raise UsageError(f"--out: expected a folder other than SUBMISSIONS_DIR, got {str(out)!r}")
        try:
            self.subs, self.ignored = discover(sub_dir, out, *known_names(self.catalogue, self.layout))
        except OSError as exc:
            raise UsageError(f"SUBMISSIONS_DIR: cannot read {sub_dir}: {exc.strerror or exc}") from None
        if not self.subs:
            raise UsageError(
                f"SUBMISSIONS_DIR: found no student folder in {sub_dir} (expected a folder per student, each "
                f"holding {TARGET_LAYOUT} or <slug>.py files; found {_listing(sub_dir)})"
            )
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"--out: cannot create {out}: {exc.strerror or exc}") from None
        if not os.access(out, os.W_OK | os.X_OK):
            raise UsageError(f"--out: cannot write in {out}")

    def plan(self) -> None:
        """Refused students are known at once; unchanged ones reuse their stored results; the rest are to do."""
        self.state = _load_state(self.state_path)
        engine = engine_key(self.layout)
        for sub in self.subs:
            if sub.problem:
                note = sub.problem.removeprefix(f"{sub.student}: ")
                self.rows[sub.student] = StudentRow(sub.student, Status.REFUSED, note=note)
                self.problems.append(f"refused: {sub.problem}")
                continue
            key = self.keys[sub.student] = submission_key(sub, engine, self.selected)
            stored = (
                _load_results(self.out / sub.student / RESULTS, self.selected)
                if self.state.get(sub.student) == key
                else None
            )
            if stored is not None:
                self.rows[sub.student] = StudentRow(sub.student, Status.GRADED, stored, sub.note, reused=True)
            else:
                self.todo.append(sub)
                self.results[sub.student], self.faults[sub.student] = {}, []

    def grade(self, jobs: int) -> None:
        """Grade every student to do in one session; students the engine failed on are retried one by one."""
        self.width = max(len(s.student) for s in self.subs)
        pairs = len(self.todo) * len(self.selected)
        refused = sum(r.status == Status.REFUSED for r in self.rows.values())
        unchanged = sum(r.reused for r in self.rows.values())
        self.stream.write(
            f"{len(self.subs)} student folders in {self.submissions}: grading {len(self.todo)} x "
            f"{len(self.selected)} exercises and quizzes ({min(jobs, max(1, pairs))} at a time); "
            f"{unchanged} unchanged since the last run, {refused} refused\n"
        )
        if self.ignored:
            self.err.write(f"ignored (not folders): {', '.join(self.ignored)}\n")
        self.progress = _Progress(self.stream, pairs, len(self.subs))
        for sub in self.subs:
            if sub.student in self.rows:
                self.progress.student_done(_row_line(self.rows[sub.student], self.width))
        self.owner = {str(sub.target): sub for sub in self.todo}
        try:
            for sub in self.todo:
                if sub.flat:
                    try:
                        lay_out(sub)
                    except OSError as exc:
                        self.faults[sub.student].append(f"could not lay out the flat upload in {sub.target}: {exc}")
                        self._finish(sub)
            work = [(slug, sub.target) for sub in self._unfinished() for slug in self.selected]
            if work:
                try:
                    with self.session_factory(min(jobs, len(work))) as session:
                        session.grade(work, on_result=self._on_result)
                except Exception as exc:  # noqa: BLE001 - the engine failed; on whom is found below
                    self.progress.say(f"engine error: {_describe(exc)}; grading the students left one by one", self.err)
            # Whoever is not finished (the engine raised, or stopped before their last exercise) is graded again
            # on their own, in a session of their own: a fault then lands on the student it belongs to.
            for sub in self._unfinished():
                left = [(slug, sub.target) for slug in self.selected if slug not in self.results[sub.student]]
                try:
                    with self.session_factory(min(jobs, len(left))) as session:
                        session.grade(left, on_result=self._on_result)
                except Exception as exc:  # noqa: BLE001
                    self.faults[sub.student].append(f"the engine failed: {_describe(exc)}")
                if sub.student not in self.rows:
                    self._finish(sub)
        finally:
            self.progress.close()

    def _unfinished(self) -> list[Submission]:
        return [s for s in self.todo if s.student not in self.rows]

    def _on_result(self, slug: str, target: Path, result: ExerciseResult) -> None:
        """The session's callback (called under its lock): a student is finished with their last exercise."""
        sub = self.owner[str(target)]
        self.results[sub.student][slug] = result
        self.progress.pair_done()
        if len(self.results[sub.student]) == len(self.selected):
            self._finish(sub)

    def _finish(self, sub: Submission) -> None:
        """All of a student's exercises are in, or the engine gave up on them: store, and say so."""
        done, faults = self.results[sub.student], self.faults[sub.student]
        failed = {slug for slug in self.selected if slug not in done or engine_fault(done[slug])}
        faults += [why for r in done.values() if (why := engine_fault(r)) and why not in faults]
        if failed and not faults:
            faults.append("some exercises were not graded")
        ordered = [
            done.get(slug) or ExerciseResult(slug, ExerciseStatus.ERROR, [], 0.0, "engine error: not graded")
            for slug in self.selected
        ]
        document = results_document(sub.target, ordered, titles_of(self.catalogue, self.layout))
        path = self.out / sub.student / RESULTS
        try:
            write_json(path, document)
        except OSError as exc:
            faults.append(f"could not write {path}: {exc.strerror or exc}")
        if faults:
            row = StudentRow(sub.student, Status.ENGINE_ERROR, document, "; ".join(faults), failed=failed)
            self.state.pop(sub.student, None)  # graded again next time
            self.problems.append(f"engine error: {sub.student}: {row.note}")
        else:
            row = StudentRow(sub.student, Status.GRADED, document, sub.note)
            self.state[sub.student] = self.keys[sub.student]
        try:
            write_json(self.state_path, {"version": STATE_VERSION, "students": self.state})
        except OSError:
            pass  # graded, but not resumable
        self.rows[sub.student] = row
        self.progress.student_done(_row_line(row, self.width))

    def report(self, min_score: float | None) -> ClassResult:
        """Absent students, the gradebook in roster order, the summary; the exit status."""
        order = list(self.roster)
        folders = {s.student for s in self.subs}
        for name in order:
            if name not in folders:
                self.rows[name] = StudentRow(name, Status.ABSENT, note=f"no folder {name}/ in {self.submissions.name}/")
                self.stream.write(_row_line(self.rows[name], self.width) + "\n")
        listed = set(order)
        order += [s.student for s in self.subs if s.student not in listed]
        rows = [self.rows[name] for name in order]
        gradebook = self.out / GRADEBOOK
        exit_status = EXIT_GRADED
        for line in self.problems:
            self.err.write(line + "\n")
        try:
            write_gradebook(gradebook, rows, self.selected, min_score)
        except OSError as exc:
            self.err.write(f"engine error: could not write {gradebook}: {exc.strerror or exc}\n")
            exit_status = EXIT_ENGINE
        count = {s: sum(r.status == s for r in rows) for s in Status}
        reused = sum(r.reused for r in rows)
        self.stream.write(
            f"Gradebook: {gradebook} ({len(rows)} students: {count[Status.GRADED]} graded"
            f"{f' ({reused} unchanged, not graded again)' if reused else ''}, {count[Status.ABSENT]} absent, "
            f"{count[Status.REFUSED]} refused, {count[Status.ENGINE_ERROR]} engine errors; "
            f"{time.monotonic() - self.t0:.1f} s)\n"
        )
        if count[Status.ENGINE_ERROR]:
            exit_status = EXIT_ENGINE
            self.stream.write("Engine errors are not scores: the same command grades those students again.\n")
        graded_now = [s.student for s in self.todo]
        return ClassResult(rows, self.selected, gradebook, graded_now, exit_status, self.ignored)


def titles_of(catalogue: cat.Catalogue, layout: Layout = LAYOUT) -> dict[str, str]:
    """Exercise and quiz titles, for results.json."""
    return {**catalogue.titles, **{quiz.quiz_slug(q.topic): q.title for q in quiz.load_all(layout.quizzes)}}


# ------------------------------------------------------------------------------------------ the gradebook


def gradebook_header(slugs: Sequence[str], min_score: float | None = None) -> list[str]:
    return [
        "student",
        "status",
        "total",
        "max",
        "percent",
        *(["pass"] if min_score is not None else []),
        *slugs,
        "note",
    ]


def write_gradebook(
    path: Path, rows: Sequence[StudentRow], slugs: Sequence[str], min_score: float | None = None
) -> None:
    """Write the gradebook CSV atomically (a temporary file beside it, then a rename)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(gradebook_header(slugs, min_score))
    for row in rows:
        graded = row.status == Status.GRADED
        cells = [
            row.student,
            str(row.status),
            str(number(row.points)) if graded and row.points is not None else "",
            str(number(row.max_points)) if graded and row.max_points is not None else "",
            f"{row.percent:.1f}" if graded and row.percent is not None else "",
        ]
        if min_score is not None:
            cells.append(("yes" if (row.share or 0.0) >= min_score else "no") if graded else "")
        cells += [row.cell(slug) for slug in slugs]
        cells.append(row.note)
        writer.writerow(cells)
    # A gradebook is read by others (TAs, an LMS import): not the temporary file's private permissions.
    write_atomically(path, buffer.getvalue().encode("utf-8"), readable_by_others=True)


# ------------------------------------------------------------------------------------------ command line


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m grading class",
        description="Grade every student folder below SUBMISSIONS_DIR and write a gradebook (resumable).",
    )
    p.add_argument("submissions", metavar="SUBMISSIONS_DIR", help="a folder per student (named after the student)")
    p.add_argument(
        "--out",
        default=None,
        metavar="DIR",
        help="results and gradebook.csv (default: SUBMISSIONS_DIR-grades beside it)",
    )
    p.add_argument(
        "--roster",
        default=None,
        metavar="CSV",
        help="students in gradebook order: a CSV with a header, column 'student' (or the first); absent ones listed",
    )
    p.add_argument(
        "-j", "--jobs", type=int, default=None, help="exercises graded at once (default: as python -m grading)"
    )
    p.add_argument(
        "--min-score",
        type=float,
        default=None,
        metavar="P",
        help="add a 'pass' column: yes when a student's percent reaches P (the exit status does not depend on it)",
    )
    p.add_argument(
        "--exercises",
        default=None,
        metavar="A,B",
        help="grade only these exercises and quizzes (quiz_<topic>), comma-separated (default: all that are ready)",
    )
    # set by the nox session: where the user started nox
    p.add_argument("--invoked-from", default=None, help=argparse.SUPPRESS)
    p.add_argument("--invoked-as", default=None, help=argparse.SUPPRESS)
    return p


def main(argv: list[str] | None = None) -> int:
    """``python -m grading class ...``; returns the exit status (see the module's docstring)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    base = Path(args.invoked_from) if args.invoked_from else Path.cwd()

    def resolve(value: str) -> Path:
        path = Path(value).expanduser()
        return (path if path.is_absolute() else base / path).absolute()

    try:
        submissions = resolve(args.submissions)
        out = resolve(args.out) if args.out else submissions.parent / f"{submissions.name}-grades"
        roster = read_roster(resolve(args.roster)) if args.roster else None
        if args.jobs is not None and args.jobs < 1:
            raise UsageError(f"-j: expected at least 1, got {args.jobs}")
        slugs = [s.strip() for s in args.exercises.split(",") if s.strip()] if args.exercises else None
        if args.exercises is not None and not slugs:
            raise UsageError("--exercises: expected exercise names separated by commas, got nothing")
        from grading import sandbox

        sandbox.not_dumpable()  # the learner's processes cannot open this one's /proc files (fds, memory)
        result = grade_class(submissions, out, roster=roster, slugs=slugs, jobs=args.jobs, min_score=args.min_score)
    except UsageError as exc:
        print(f"python -m grading class: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(
            "\ninterrupted: the students finished so far are stored; the same command resumes with the others",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_ENGINE
    return result.exit_status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
