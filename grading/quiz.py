"""Concept quizzes: the questions of the notes that are answered in words, graded like exercises.

Each topic is a TOML file, ``quizzes/<topic>.toml``: a ``title``, a ``description`` and ``[[item]]`` tables.
An item quotes its line of the notes (``source``, ``quote`` in Chinese, ``quote_en``), asks a ``question``
and carries its key (``answer``), an ``explanation`` shown once it is answered, and ``on_the_notes``: where
the notes are right, incomplete or wrong on that point. Kinds:

* ``single``: ``options`` (2 to 26 distinct texts), ``answer = "C"``: exactly one correct letter;
* ``multiple``: ``options``, ``answer = ["A", "D"]``: the exact set, never empty, never every option;
* ``numeric``: ``answer = 1152``, ``tolerance`` (absolute, required), ``unit``, and ``derivation``: the name
  of the function of ``tools/quiz_keys.py`` that derives the key (a project check compares the two);
* ``ordering``: ``options`` listed out of order, ``answer = ["C", "A", "B"]``: every letter once, first to
  last (never the listed order, which a learner could copy).

Optional: ``points`` (a positive integer, default 1), ``covers`` (``"exercise:<slug>"``,
``"no_code:<question as in catalogue.toml>"`` or ``"note:<what>"``), ``references`` (the literature where the
notes are silent). Scoring is all or nothing per item: no partial credit.

The learner answers in a plain TOML file in their target folder (``answers_path``): one ``id = value``
line per item, the question written above it as comments (``write_blank_answers``). ``grade`` scores that
file and never raises on a malformed one: an entry it cannot read costs that item only, a file that is not
TOML costs the whole quiz, and unknown entries are reported in the result's note. ``run_interactive`` asks
the items one at a time (piped standard input works), gives immediate feedback and writes the same file.
``main`` is the command line ``python -m grading quiz``.

Outcomes and statuses are those of the results contract (grading.schema); where quizzes and answers live is
grading.layout's. :meth:`QuizResult.to_result` turns a graded quiz into a results.json entry of kind "quiz".
"""

from __future__ import annotations

import argparse
import difflib
import math
import os
import re
import sys
import textwrap
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from grading.layout import LAYOUT, QUIZ_ANSWERS_FOLDER, TargetError, quiz_answers, resolve_target
from grading.schema import ExerciseResult, ExerciseStatus, Kind, Outcome, TestResult

QUIZ_DIR = LAYOUT.quizzes
ANSWERS_FOLDER = QUIZ_ANSWERS_FOLDER

SINGLE, MULTIPLE, NUMERIC, ORDERING = "single", "multiple", "numeric", "ordering"
KINDS = (SINGLE, MULTIPLE, NUMERIC, ORDERING)
KIND_NAMES = {SINGLE: "single choice", MULTIPLE: "multiple choice", NUMERIC: "number", ORDERING: "ordering"}
# Item outcomes are Outcome values; a quiz's status is an ExerciseStatus (MISSING: no answers file).
PASSED, FAILED, ERROR = Outcome.PASSED, Outcome.FAILED, Outcome.ERROR
MISSING = ExerciseStatus.MISSING

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ID_RE = re.compile(r"[a-z][a-z0-9_]*")
COVERS_RE = re.compile(r"(exercise|no_code|note):\S.*")

_REQUIRED = ("id", "name", "kind", "source", "quote", "quote_en", "question", "answer", "explanation", "on_the_notes")
_OPTIONAL = ("options", "tolerance", "unit", "derivation", "points", "covers", "references")
_QUIZ_KEYS = ("title", "description", "item")


# ------------------------------------------------------------------------------------------------ the quizzes


@dataclass(frozen=True)
class Item:
    """One question. ``answer`` is normalised: a letter, a tuple of letters, or a number."""

    id: str
    name: str
    kind: str
    source: str
    quote: str
    quote_en: str
    question: str
    answer: Any
    explanation: str
    on_the_notes: str
    options: tuple[str, ...] = ()
    tolerance: float = 0.0
    unit: str = ""
    derivation: str = ""
    points: int = 1
    covers: tuple[str, ...] = ()
    references: tuple[str, ...] = ()

    def key_text(self) -> str:
        """The key as a learner reads it: ``C``, ``A, D``, ``C → A → B``, ``1152 (± 0)``."""
        if self.kind == SINGLE:
            return self.answer
        if self.kind == MULTIPLE:
            return ", ".join(self.answer)
        if self.kind == ORDERING:
            return " → ".join(self.answer)
        unit = f" {self.unit}" if self.unit else ""
        return f"{_number(self.answer)}{unit} (± {_number(self.tolerance)})"


@dataclass(frozen=True)
class Quiz:
    topic: str
    title: str
    description: str
    items: tuple[Item, ...]
    path: Path

    @property
    def max_points(self) -> int:
        return sum(it.points for it in self.items)

    def get(self, item_id: str) -> Item:
        for it in self.items:
            if it.id == item_id:
                return it
        raise KeyError(item_id)


def topics(quiz_dir: Path = QUIZ_DIR) -> list[str]:
    """The topics, in file-name order (``quizzes/<topic>.toml``)."""
    return sorted(p.stem for p in Path(quiz_dir).glob("*.toml"))


def load_all(quiz_dir: Path = QUIZ_DIR) -> list[Quiz]:
    return [load_quiz(Path(quiz_dir) / f"{t}.toml") for t in topics(quiz_dir)]


def load_quiz(path_or_topic: str | Path, quiz_dir: Path = QUIZ_DIR) -> Quiz:
    """Read and validate one quiz; a ValueError names the file and the item that is wrong.

    ``path_or_topic`` is a path to a ``.toml`` file or a topic name (looked up in ``quiz_dir``).
    """
    path = Path(path_or_topic)
    if path.suffix != ".toml":
        path = Path(quiz_dir) / f"{path_or_topic}.toml"
    if not path.is_file():
        raise ValueError(f"{path}: no such quiz file (topics: {', '.join(topics(quiz_dir)) or 'none'})")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path.name}: not valid TOML: {exc}") from None
    unknown = sorted(set(data) - set(_QUIZ_KEYS))
    if unknown:
        raise ValueError(f"{path.name}: unknown top-level keys {unknown} (allowed: {list(_QUIZ_KEYS)})")
    for key in ("title", "description"):
        if not _text(data.get(key)):
            raise ValueError(f"{path.name}: `{key}` must be a non-empty string")
    raw_items = data.get("item")
    if not isinstance(raw_items, list) or not raw_items:
        raise ValueError(f"{path.name}: no [[item]] tables")
    items: list[Item] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_items, 1):
        item = _item(raw, f"{path.name}: item #{i} ({raw.get('id', '?') if isinstance(raw, dict) else '?'})")
        if item.id in seen:
            raise ValueError(f"{path.name}: item #{i} ({item.id}): id used twice")
        seen.add(item.id)
        items.append(item)
    return Quiz(path.stem, data["title"].strip(), data["description"].strip(), tuple(items), path)


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _item(raw: Any, where: str) -> Item:
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: an item must be a table")
    missing = [k for k in _REQUIRED if k not in raw]
    if missing:
        raise ValueError(f"{where}: missing {missing}")
    unknown = sorted(set(raw) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise ValueError(f"{where}: unknown fields {unknown}")
    if not isinstance(raw["id"], str) or not ID_RE.fullmatch(raw["id"]):
        raise ValueError(f"{where}: id must match {ID_RE.pattern} (it is a key of the answers file)")
    for key in ("name", "source", "quote", "quote_en", "question", "explanation", "on_the_notes"):
        if not _text(raw[key]):
            raise ValueError(f"{where}: `{key}` must be a non-empty string")
    kind = raw["kind"]
    if kind not in KINDS:
        raise ValueError(f"{where}: kind must be one of {list(KINDS)}, got {kind!r}")
    points = raw.get("points", 1)
    if not isinstance(points, int) or isinstance(points, bool) or points < 1:
        raise ValueError(f"{where}: points must be a positive integer, got {points!r}")
    covers = raw.get("covers", [])
    if not isinstance(covers, list) or not all(isinstance(c, str) and COVERS_RE.fullmatch(c) for c in covers):
        raise ValueError(f"{where}: covers must be a list of 'exercise:<slug>', 'no_code:<question>' or 'note:<what>'")
    references = raw.get("references", [])
    if not isinstance(references, list) or not all(_text(r) for r in references):
        raise ValueError(f"{where}: references must be a list of non-empty strings")
    extra: dict[str, Any] = {}
    if kind == NUMERIC:
        extra = _numeric_fields(raw, where)
    else:
        extra = _choice_fields(raw, kind, where)
    return Item(
        id=raw["id"],
        name=raw["name"].strip(),
        kind=kind,
        source=raw["source"].strip(),
        quote=raw["quote"].strip(),
        quote_en=raw["quote_en"].strip(),
        question=raw["question"].strip(),
        explanation=raw["explanation"].strip(),
        on_the_notes=raw["on_the_notes"].strip(),
        points=points,
        covers=tuple(covers),
        references=tuple(r.strip() for r in references),
        **extra,
    )


def _numeric_fields(raw: dict, where: str) -> dict[str, Any]:
    if "options" in raw:
        raise ValueError(f"{where}: a numeric item has no options")
    if not _is_number(raw["answer"]):
        raise ValueError(f"{where}: the answer of a numeric item must be a finite number, got {raw['answer']!r}")
    if "tolerance" not in raw:
        raise ValueError(f"{where}: a numeric item needs a tolerance (0 for an exact integer)")
    tol = raw["tolerance"]
    if not _is_number(tol) or tol < 0:
        raise ValueError(f"{where}: tolerance must be a number >= 0, got {tol!r}")
    if not _text(raw.get("derivation")):
        raise ValueError(f"{where}: a numeric item names its derivation (a function of tools/quiz_keys.py)")
    unit = raw.get("unit", "")
    if not isinstance(unit, str):
        raise ValueError(f"{where}: unit must be a string")
    return {"answer": raw["answer"], "tolerance": tol, "unit": unit.strip(), "derivation": raw["derivation"].strip()}


def _choice_fields(raw: dict, kind: str, where: str) -> dict[str, Any]:
    for key in ("tolerance", "unit", "derivation"):
        if key in raw:
            raise ValueError(f"{where}: `{key}` is only for numeric items")
    options = raw.get("options")
    if not isinstance(options, list) or not all(_text(o) for o in options):
        raise ValueError(f"{where}: options must be a list of non-empty strings")
    if not 2 <= len(options) <= len(LETTERS):
        raise ValueError(f"{where}: between 2 and {len(LETTERS)} options, got {len(options)}")
    folded = [" ".join(o.split()).casefold() for o in options]
    dupes = sorted({LETTERS[i] for i, o in enumerate(folded) if folded.count(o) > 1})
    if dupes:
        raise ValueError(f"{where}: options {dupes} say the same thing; options must be distinct")
    letters = LETTERS[: len(options)]
    answer = raw["answer"]
    span = f"A to {letters[-1]}"
    if kind == SINGLE:
        if not isinstance(answer, str) or answer not in letters:
            raise ValueError(
                f"{where}: a single-choice answer is one letter from {span} (exactly one correct option), "
                f"got {answer!r}"
            )
        key: Any = answer
    else:
        if not isinstance(answer, list) or not all(isinstance(a, str) and a in letters for a in answer):
            raise ValueError(f"{where}: the answer must be a list of letters from {span}, got {answer!r}")
        if len(set(answer)) != len(answer):
            raise ValueError(f"{where}: a letter appears twice in the answer {answer!r}")
        if kind == MULTIPLE:
            if not answer or len(answer) == len(options):
                raise ValueError(
                    f"{where}: a multiple-choice key needs at least one correct and one wrong option "
                    "(otherwise an empty or an all-options answer would score)"
                )
            key = tuple(sorted(answer))
        else:
            if len(answer) != len(options):
                raise ValueError(f"{where}: an ordering key lists every letter once (a permutation of {span})")
            if list(answer) == list(letters):
                raise ValueError(f"{where}: list the options out of order; the key must not be the listed order")
            key = tuple(answer)
    return {"options": tuple(o.strip() for o in options), "answer": key}


# ------------------------------------------------------------------------------------------------ answers files


def answers_path(target_dir: str | Path, topic: str) -> Path:
    """Where a learner's answers to ``topic`` live: ``<target>/_quizzes/<topic>.toml`` (grading.layout)."""
    return quiz_answers(Path(target_dir), topic)


def _hint(item: Item) -> str:
    if item.kind == SINGLE:
        return 'one letter in quotes, e.g. "B"'
    if item.kind == MULTIPLE:
        return 'every correct letter, as a list, e.g. ["A", "C"]'
    if item.kind == ORDERING:
        return f"every letter once, first to last, as a list, e.g. {_toml_value(list(LETTERS[: len(item.options)]))}"
    unit = f" (in {item.unit})" if item.unit else ""
    return f"a number without quotes{unit}, e.g. 42 or 0.25"


def _blank_value(item: Item) -> Any:
    return [] if item.kind in (MULTIPLE, ORDERING) else ""


def _comment(text: str, width: int = 100, indent: str = "") -> list[str]:
    lines = []
    for para in text.splitlines() or [""]:
        wrapped = textwrap.wrap(para, width=width, initial_indent=indent, subsequent_indent=indent + "  ") or [""]
        lines += [f"# {w}".rstrip() for w in wrapped]
    return lines


def render_answers(quiz: Quiz, answers: dict[str, Any], extra: dict[str, Any] | None = None) -> str:
    """The text of an answers file: a header, then per item the question as comments and ``id = value``.

    ``answers`` maps item ids to the values to write (absent: blank); ``extra`` holds entries that are not
    items of this quiz, kept at the end as the learner wrote them.
    """
    out = [
        f"# Concept quiz: {quiz.title} ({quiz.topic}); {len(quiz.items)} items, {quiz.max_points} points.",
        "#",
        "# Answer each item by replacing the blank value after its `=` (each item's comment says the form):",
        '#   single choice:    one letter in quotes                    answer = "B"',
        '#   multiple choice:  every correct letter, as a list         answer = ["A", "C"]',
        "#   number:           a number without quotes                 answer = 1152",
        '#   ordering:         every letter once, first to last        answer = ["C", "A", "D", "B"]',
        "# An item scores all its points or none (multiple choice: exactly the correct set; ordering: the exact",
        "# order). Lines starting with # are comments.",
        f"#   grade this file:     python -m grading quiz {quiz.topic} --grade",
        f"#   answer interactively: python -m grading quiz {quiz.topic}   (rewrites this file, keeping your answers)",
        "",
    ]
    for n, item in enumerate(quiz.items, 1):
        pts = f"{item.points} point{'s' if item.points != 1 else ''}"
        out.append("# " + "-" * 98)
        out.append(f"# [{n}] {item.name} ({KIND_NAMES[item.kind]}, {pts})")
        out.append(f"# From the notes, {item.source}:")
        out += _comment(item.quote, indent="    ")
        out += _comment(f"({item.quote_en})", indent="    ")
        out += _comment(item.question)
        for letter, option in zip(LETTERS, item.options, strict=False):
            out += _comment(f"{letter}. {option}", indent="  ")
        out.append(f"# Answer: {_hint(item)}")
        out.append(f"{item.id} = {_toml_value(answers.get(item.id, _blank_value(item)))}")
        out.append("")
    kept = {k: v for k, v in (extra or {}).items() if _simple(v)}
    if kept:
        out.append("# " + "-" * 98)
        out.append("# Entries that are not items of this quiz (kept as written, not graded):")
        out += [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in kept.items()]
        out.append("")
    return "\n".join(out)


def key_answers(quiz: Quiz) -> dict[str, Any]:
    """The right answers, in the answers file's form (what ``solutions/_quizzes/<topic>.toml`` holds)."""
    return {it.id: list(it.answer) if isinstance(it.answer, tuple) else it.answer for it in quiz.items}


def write_blank_answers(quiz: Quiz, path: str | Path, *, overwrite: bool = False) -> Path:
    """Write an answers file with every item blank and its question as comments; return its path.

    Raises FileExistsError rather than overwrite a file, unless ``overwrite``.
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise FileExistsError(f"{path} exists; it was left as it is")
    _write_text(path, render_answers(quiz, {}))
    return path


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _simple(value: Any) -> bool:
    if isinstance(value, list):
        return all(_simple(v) for v in value)
    return isinstance(value, (str, int, float, bool))


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml_string(key)


def _toml_string(text: str) -> str:
    out = ['"']
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, (int, float)):
        return _number(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to an answers file")


def _number(x: float) -> str:
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    return repr(x)


# ------------------------------------------------------------------------------------------------ grading


@dataclass
class ItemResult:
    item_id: str
    name: str
    outcome: str  # "passed", "failed" (wrong or not answered) or "error" (the entry cannot be read)
    points: float
    max_points: float
    message: str  # empty when passed
    explanation: str = ""


@dataclass
class QuizResult:
    topic: str
    title: str
    answers: Path
    status: str  # "passed" (every item), "failed", "missing" (no answers file), "error" (not TOML)
    items: list[ItemResult] = field(default_factory=list)
    note: str = ""  # file-level messages: not TOML, unknown entries

    @property
    def points(self) -> float:
        return sum(r.points for r in self.items)

    @property
    def max_points(self) -> float:
        return sum(r.max_points for r in self.items)

    def to_result(self, seconds: float = 0.0) -> ExerciseResult:
        """The quiz as an entry of results.json: kind "quiz", slug ``quiz_<topic>``, a test per item."""
        quiz_file = f"quizzes/{self.topic}.toml"
        tests = [
            TestResult(f"{quiz_file}::{r.item_id}", r.item_id, Outcome(r.outcome), r.points, r.max_points, r.message)
            for r in self.items
        ]
        return ExerciseResult(quiz_slug(self.topic), ExerciseStatus(self.status), tests, seconds, self.note, Kind.QUIZ)


class _Unreadable(Exception):
    """An answer whose form is wrong (not merely a wrong answer); the message says what was expected."""


def parse_answer(item: Item, value: Any) -> Any:
    """Turn a value from an answers file into the key's form; None when blank.

    Raises _Unreadable with a learner-facing message when the value has the wrong type or names a letter
    the item does not have.
    """
    if item.kind == NUMERIC:
        if isinstance(value, str):
            if not value.strip():
                return None
            try:
                number = float(value.strip().replace("_", ""))
            except ValueError:
                raise _Unreadable(f"expected a number, got the text {value!r}") from None
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            number = value
        else:
            raise _Unreadable(f"expected a number, got {_describe(value)}")
        if not math.isfinite(number):
            raise _Unreadable(f"expected a finite number, got {value!r}")
        return number
    letters = LETTERS[: len(item.options)]
    span = f"A to {letters[-1]}"
    if item.kind == SINGLE:
        if not isinstance(value, str):
            raise _Unreadable(f'expected one letter in quotes such as "B", got {_describe(value)}')
        letter = value.strip().upper()
        if not letter:
            return None
        if len(letter) != 1 or letter not in LETTERS:
            raise _Unreadable(f'expected one letter in quotes such as "B", got {value!r}')
        if letter not in letters:
            raise _Unreadable(f"there is no option {letter}: the options are {span}")
        return letter
    if not isinstance(value, list):
        raise _Unreadable(f'expected a list of letters such as ["A", "C"], got {_describe(value)}')
    if not value:
        return None
    chosen = []
    for v in value:
        if not isinstance(v, str) or len(v.strip()) != 1 or v.strip().upper() not in LETTERS:
            raise _Unreadable(f'expected a list of letters such as ["A", "C"], got {_toml_value_safe(value)}')
        letter = v.strip().upper()
        if letter not in letters:
            raise _Unreadable(f"there is no option {letter}: the options are {span}")
        if letter in chosen:
            raise _Unreadable(f"{letter} is listed twice")
        chosen.append(letter)
    if item.kind == MULTIPLE:
        return tuple(sorted(chosen))
    missing = [c for c in letters if c not in chosen]
    if missing:
        raise _Unreadable(f"an ordering lists every letter once; {', '.join(missing)} missing")
    return tuple(chosen)


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, list):
        return f"the list {_toml_value_safe(value)}"
    if isinstance(value, dict):
        return "a table"
    return f"{type(value).__name__} {value!r}"


def _toml_value_safe(value: Any) -> str:
    try:
        return _toml_value(value)
    except TypeError:
        return repr(value)


def is_correct(item: Item, parsed: Any) -> bool:
    """Whether a parsed answer (see parse_answer) matches the key exactly (numbers: within the tolerance)."""
    if parsed is None:
        return False
    if item.kind == NUMERIC:
        slack = 1e-9 * max(1.0, abs(item.answer))  # decimal text like 0.1 is not exact in binary
        return abs(parsed - item.answer) <= item.tolerance + slack
    return parsed == item.answer


def _shown(item: Item, parsed: Any) -> str:
    if item.kind == NUMERIC:
        return _number(parsed)
    if item.kind == SINGLE:
        return parsed
    return (" → " if item.kind == ORDERING else ", ").join(parsed)


def _score(item: Item, value: Any, present: bool) -> ItemResult:
    def result(outcome: str, message: str) -> ItemResult:
        pts = item.points if outcome == PASSED else 0
        return ItemResult(item.id, item.name, outcome, pts, item.points, message, item.explanation)

    if not present:
        return result(FAILED, "not answered")
    try:
        parsed = parse_answer(item, value)
    except _Unreadable as exc:
        return result(ERROR, f"{item.id}: cannot read the answer: {exc}")
    if parsed is None:
        return result(FAILED, "not answered")
    if is_correct(item, parsed):
        return result(PASSED, "")
    return result(FAILED, f"answered {_shown(item, parsed)}; the answer is {item.key_text()}")


def _read_file(path: Path) -> tuple[dict | None, str]:
    """The parsed answers file, or None and a message saying why it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, f"{path.name} is not UTF-8 text ({exc.reason} at byte {exc.start})"
    except OSError as exc:
        return None, f"cannot read {path}: {exc.strerror or exc}"
    try:
        return tomllib.loads(text), ""
    except tomllib.TOMLDecodeError as exc:
        return None, f"{path.name} is not valid TOML ({exc}){_culprit(text, str(exc))}; no item could be read"


def _culprit(text: str, error: str) -> str:
    """`` in the entry `pick_one = B`` when the TOML error's line holds an entry (the usual case)."""
    at = re.search(r"at line (\d+)", error)
    lines = text.splitlines()
    if not at or not 1 <= int(at.group(1)) <= len(lines):
        return ""
    line = lines[int(at.group(1)) - 1].strip()
    if not re.match(r"[A-Za-z0-9_-]+\s*=", line):
        return ""
    return f" in the entry `{line if len(line) <= 60 else line[:59] + '…'}`"


def grade(quiz: Quiz, answers_path: str | Path) -> QuizResult:
    """Score an answers file against ``quiz``; never raises on a malformed file.

    Each item scores all its points or none. An entry that cannot be read (wrong type, a letter the item
    does not have) costs that item only, with outcome "error"; a blank or absent entry is "failed" ("not
    answered"). A file that is not TOML costs every item (status "error"); no file at all gives status
    "missing". Entries that are not items of the quiz are named in ``note``.
    """
    path = Path(answers_path)
    res = QuizResult(quiz.topic, quiz.title, path, FAILED)
    if not path.is_file():
        res.status = MISSING
        res.note = f"no answers file at {path}"
        res.items = [
            ItemResult(it.id, it.name, FAILED, 0, it.points, "not answered (no answers file)", it.explanation)
            for it in quiz.items
        ]
        return res
    data, why = _read_file(path)
    if data is None:
        res.status = ERROR
        res.note = why
        res.items = [ItemResult(it.id, it.name, ERROR, 0, it.points, why, it.explanation) for it in quiz.items]
        return res
    res.items = [_score(it, data.get(it.id), it.id in data) for it in quiz.items]
    unknown = [k for k in data if k not in {it.id for it in quiz.items}]
    if unknown:
        ids = [it.id for it in quiz.items]
        parts = []
        for k in unknown:
            close = difflib.get_close_matches(k, ids, n=1)
            parts.append(f"{k!r} (did you mean {close[0]}?)" if close else repr(k))
        res.note = f"not items of the {quiz.topic} quiz, ignored: {', '.join(parts)}"
    res.status = PASSED if all(r.outcome == PASSED for r in res.items) else FAILED
    return res


# ------------------------------------------------------------------------------------------------ interactive


def _parse_typed(item: Item, line: str) -> Any:
    """A typed answer (``b``, ``A C``, ``a,c``, ``CAB``, ``1152``) in the form of the answers file."""
    text = line.strip()
    if item.kind == NUMERIC:
        return text
    letters = re.sub(r"[\s,;\[\]\"'→>-]+", "", text).upper()
    if item.kind == SINGLE:
        return letters
    return list(letters)


def _fill(text: str, indent: str, subsequent: str, width: int = 100) -> str:
    """Wrap each line of ``text`` on its own, so that code in a question keeps its lines and indentation."""
    return "\n".join(
        textwrap.fill(line, width, initial_indent=indent, subsequent_indent=subsequent) if line.strip() else ""
        for line in text.splitlines()
    )


def _show_item(item: Item, n: int, total: int, out: TextIO) -> None:
    pts = f"{item.points} point{'s' if item.points != 1 else ''}"
    print(f"\n[{n}/{total}] {item.name} ({KIND_NAMES[item.kind]}, {pts})", file=out)
    print(f"  From the notes ({item.source}):", file=out)
    for line in item.quote.splitlines():
        print(textwrap.fill(line, 100, initial_indent="    ", subsequent_indent="      "), file=out)
    print(textwrap.fill(f"({item.quote_en})", 100, initial_indent="    ", subsequent_indent="     "), file=out)
    print(_fill(item.question, "  ", "  "), file=out)
    for letter, option in zip(LETTERS, item.options, strict=False):
        print(textwrap.fill(f"{letter}. {option}", 100, initial_indent="    ", subsequent_indent="       "), file=out)


_PROMPTS = {
    SINGLE: "Your answer (one letter)",
    MULTIPLE: "Your answer (every correct letter, e.g. A C)",
    ORDERING: "Your order (every letter, first to last, e.g. C A B)",
    NUMERIC: "Your answer (a number)",
}


def _feedback(item: Item, parsed: Any, out: TextIO) -> None:
    if is_correct(item, parsed):
        print(f"  Correct ({item.points}/{item.points}).", file=out)
    else:
        print(f"  Not quite: you answered {_shown(item, parsed)}; the answer is {item.key_text()}.", file=out)
    for label, text in [("Why", item.explanation), ("On the notes", item.on_the_notes)] + [
        ("See", ref) for ref in item.references
    ]:
        print(textwrap.fill(f"{label}: {text}", 100, initial_indent="  ", subsequent_indent="    "), file=out)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def run_interactive(
    quiz: Quiz, answers_path: str | Path, stdin: TextIO, stdout: TextIO, *, redo: bool = False
) -> QuizResult:
    """Ask the items one at a time, with feedback and the explanation after each; save to the answers file.

    Asks the items that have no readable answer yet (every item with ``redo``). An empty line skips an
    item, ``q`` stops; the end of the input (a pipe, Ctrl-D) stops cleanly. The file is rewritten after
    every answer, keeping the answers already there. A file that is not TOML is left untouched and nothing
    is asked. Returns the grade of the file at the end.
    """
    path = Path(answers_path)
    out = stdout
    answers: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    if path.is_file():
        data, why = _read_file(path)
        if data is None:
            print(f"{why}\nFix it or move it away, then run the quiz again; the file was not changed.", file=out)
            return grade(quiz, path)
        ids = {it.id for it in quiz.items}
        answers = {k: v for k, v in data.items() if k in ids}
        extra = {k: v for k, v in data.items() if k not in ids}
        dropped = [k for k, v in extra.items() if not _simple(v)]
        if dropped:
            print(f"Note: the tables {dropped} in {path.name} are not items and will not be kept.", file=stdout)

    def readable(item: Item) -> bool:
        if item.id not in answers:
            return False
        try:
            return parse_answer(item, answers[item.id]) is not None
        except _Unreadable:
            return False

    todo = [it for it in quiz.items if redo or not readable(it)]
    print(f"Concept quiz: {quiz.title} ({quiz.topic}): {len(quiz.items)} items, {quiz.max_points} points", file=out)
    if not todo:
        print(f"Every item of {path} is answered; use --redo to answer them again.", file=out)
    else:
        print(
            f"{len(todo)} to answer. Answers are saved to {path} after each item. "
            "Press Enter to skip an item, q to stop.",
            file=out,
        )
    numbers = {it.id: n for n, it in enumerate(quiz.items, 1)}
    echo = not _is_terminal(stdin)  # piped answers are shown after their prompt, so the transcript reads well
    answered = 0
    stopped = False
    for item in todo:
        _show_item(item, numbers[item.id], len(quiz.items), out)
        while True:
            print(f"  {_PROMPTS[item.kind]}: ", end="", file=out, flush=True)
            line = stdin.readline()
            if not line:
                print("\n  (end of input)", file=out)
                stopped = True
                break
            if echo:
                print(line.rstrip("\r\n"), file=out)
            if line.strip().lower() in ("q", "quit", "exit"):
                stopped = True
                break
            if not line.strip():
                print("  (skipped)", file=out)
                break
            value = _parse_typed(item, line)
            try:
                parsed = parse_answer(item, value)
            except _Unreadable as exc:
                print(f"  Cannot read that: {exc}. Try again.", file=out)
                continue
            if parsed is None:
                print("  Cannot read that. Try again.", file=out)
                continue
            answers[item.id] = list(parsed) if isinstance(parsed, tuple) else parsed
            _write_text(path, render_answers(quiz, answers, extra))
            answered += 1
            _feedback(item, parsed, out)
            break
        if stopped:
            break
    result = grade(quiz, path)
    where = f"saved to {path}" if answered else "nothing new saved"
    share = f" ({100 * result.points / result.max_points:.0f} %)" if result.max_points else ""
    print(f"\n{answered} answered, {where}.", file=out)
    print(f"Score for {quiz.topic}: {_number(result.points)}/{_number(result.max_points)}{share}", file=out)
    return result


# ------------------------------------------------------------------------------------------------ command line


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m grading quiz",
        description=(
            "Concept quizzes from the notes. With no topic: the list of topics. With a topic: answer it one "
            "item at a time (standard input may be a pipe). With --grade: score the answers file(s)."
        ),
    )
    p.add_argument("topics", nargs="*", metavar="TOPIC", help="a quiz topic (see the list with no argument)")
    p.add_argument(
        "--target", default="exercises", help="the learner's folder; answers live in TARGET/_quizzes/TOPIC.toml"
    )
    p.add_argument("--grade", action="store_true", help="grade the answers file(s) without asking (all topics if none)")
    p.add_argument("--blank", action="store_true", help="write a blank answers file to fill in an editor")
    p.add_argument("--redo", action="store_true", help="interactive: ask every item, not just the unanswered ones")
    p.add_argument("-v", "--verbose", action="store_true", help="--grade: also show each item's explanation")
    p.add_argument("--invoked-from", default=None, help=argparse.SUPPRESS)
    return p


def _error(message: str, err: TextIO) -> int:
    print(f"python -m grading quiz: error: {message}", file=err)
    return 2


QUIZ_PREFIX = "quiz_"


def quiz_slug(topic: str) -> str:
    """The name a quiz has among exercises (results.json, the scoreboard, the command line): ``quiz_<topic>``."""
    return f"{QUIZ_PREFIX}{topic}"


def topic_of(slug: str) -> str | None:
    """``quiz_cnn`` -> ``cnn``; None for an exercise's slug."""
    return slug.removeprefix(QUIZ_PREFIX) if slug.startswith(QUIZ_PREFIX) else None


def _label(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def print_topics(quizzes: Sequence[Quiz], target: Path | None, out: TextIO) -> None:
    print("Concept quizzes (python -m grading quiz TOPIC):", file=out)
    w = max(len(q.topic) for q in quizzes)
    for q in quizzes:
        line = f"  {q.topic:<{w}}  {len(q.items):>3} items  {q.max_points:>3} points  {q.title}"
        if target is not None and answers_path(target, q.topic).is_file():
            r = grade(q, answers_path(target, q.topic))
            line += f"  [yours: {_number(r.points)}/{_number(r.max_points)}]"
        print(line, file=out)
    total = sum(len(q.items) for q in quizzes)
    print(f"{total} items in {len(quizzes)} topics", file=out)


def print_result(result: QuizResult, out: TextIO, *, verbose: bool = False) -> None:
    share = f" ({100 * result.points / result.max_points:.0f} %)" if result.max_points else ""
    print(
        f"{result.topic}: {_number(result.points)}/{_number(result.max_points)}{share} {result.status}"
        f"  [{_label(result.answers)}]",
        file=out,
    )
    if result.note:
        print(f"  note: {result.note}", file=out)
    if result.status in (MISSING, ERROR):
        return
    for r in result.items:
        mark = "✓" if r.outcome == PASSED else ("!" if r.outcome == ERROR else "✗")
        line = f"  {mark} {r.item_id} ({r.name})"
        if r.message:
            line += f": {r.message}"
        print(line, file=out)
        if verbose and r.outcome != PASSED and r.explanation:
            print(textwrap.fill(r.explanation, 100, initial_indent="      ", subsequent_indent="      "), file=out)


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    quiz_dir: Path = QUIZ_DIR,
) -> int:
    """``python -m grading quiz [TOPIC ...] [--target DIR] [--grade | --blank] [--redo] [-v]``.

    Exit status: 0 on success (``--grade``: every item of every graded quiz passed), 1 when graded items
    failed or a blank file would overwrite one, 2 for a usage error (unknown topic, no such target).
    """
    stdin = stdin or sys.stdin
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # argparse already printed the usage
        return int(exc.code or 0)
    base = Path(args.invoked_from) if args.invoked_from else Path.cwd()
    try:
        quizzes = {q.topic: q for q in load_all(quiz_dir)}
    except ValueError as exc:
        return _error(f"a quiz file is broken: {exc}", err)
    if not quizzes:
        return _error(f"no quizzes in {quiz_dir}", err)
    for t in args.topics:
        if t not in quizzes:
            close = difflib.get_close_matches(t, list(quizzes), n=2)
            hint = f"did you mean {' or '.join(close)}? " if close else ""
            return _error(f"no quiz named {t!r}; {hint}topics: {', '.join(quizzes)}", err)
    try:
        target = resolve_target(args.target, base)
    except TargetError as exc:
        return _error(str(exc), err)
    chosen = [quizzes[t] for t in dict.fromkeys(args.topics)]
    if args.grade and args.blank:
        return _error("--grade and --blank do not go together", err)

    if args.grade:
        results = [grade(q, answers_path(target, q.topic)) for q in (chosen or quizzes.values())]
        for r in results:
            print_result(r, out, verbose=args.verbose)
        if len(results) > 1:
            pts, mx = sum(r.points for r in results), sum(r.max_points for r in results)
            print(f"Quiz points {_number(pts)}/{_number(mx)}", file=out)
        return 0 if all(r.status == PASSED for r in results) else 1
    if not chosen:
        print_topics(list(quizzes.values()), target, out)
        print(
            f"Answers live in {_label(target / ANSWERS_FOLDER)}/TOPIC.toml; "
            "--blank writes one to fill in an editor, --grade scores them.",
            file=out,
        )
        return 0
    if args.blank:
        status = 0
        for q in chosen:
            path = answers_path(target, q.topic)
            try:
                write_blank_answers(q, path)
                print(f"wrote {_label(path)}: {len(q.items)} items to answer", file=out)
            except FileExistsError:
                print(f"{_label(path)} exists; left as it is (delete it for a blank one)", file=err)
                status = 1
        return status
    for q in chosen:
        try:
            r = run_interactive(q, answers_path(target, q.topic), stdin, out, redo=args.redo)
        except KeyboardInterrupt:
            print("\ninterrupted; the answers given so far are saved", file=err)
            return 130
        if r.status == ERROR:
            return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
