"""Each grader's tests and points, known without grading: a missing exercise then costs no test process.

The list comes from pytest's own collection (``--collect-only`` of the graders needed, in one test process)
and is cached in ``.kata/collected.json``, keyed by a hash of everything collection depends on: the grader,
its fixture files, the graders' helpers, the engine's plugin, ``pyproject.toml`` and the Python version. A
changed grader is collected again; a cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from grading.child import Request
from grading.layout import LAYOUT, Layout, slug_of_grader
from grading.records import RecordReader, TestInfo
from grading.schema import write_json
from grading.worker import Launcher

CACHE_VERSION = 1
PLUGIN = Path(__file__).with_name("pytest_plugin.py")


def _digest(paths: Iterable[Path]) -> str:
    h = hashlib.sha256(f"{CACHE_VERSION} {sys.version_info[:2]}".encode())
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            h.update(str(f.name).encode())
            try:
                h.update(f.read_bytes())
            except OSError:
                h.update(b"<unreadable>")
    return h.hexdigest()


def grader_key(slug: str, layout: Layout = LAYOUT) -> str:
    """What the collection of ``slug``'s grader depends on, hashed."""
    return _digest([layout.grader(slug), layout.fixtures(slug), layout.helpers, PLUGIN, layout.pyproject])


def _load_cache(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("version") == CACHE_VERSION else {}


def known_tests(
    slugs: Iterable[str], launcher: Launcher, layout: Layout = LAYOUT, timeout: float = 120.0
) -> dict[str, list[TestInfo]]:
    """The tests of each grader in ``slugs``, from the cache or from one collecting test process.

    A grader that cannot be collected is left out of the answer (its grading run will say why).
    """
    slugs = list(slugs)
    cache_path = layout.state / "collected.json"
    cache = _load_cache(cache_path)
    graders = cache.get("graders", {})
    keys = {slug: grader_key(slug, layout) for slug in slugs}
    answer: dict[str, list[TestInfo]] = {}
    stale = []
    for slug in slugs:
        entry = graders.get(slug)
        if entry and entry.get("key") == keys[slug]:
            answer[slug] = [TestInfo.from_record(t) for t in entry["tests"]]
        else:
            stale.append(slug)
    if not stale:
        return answer
    fresh = _collect(stale, launcher, layout, timeout)
    for slug, tests in fresh.items():
        answer[slug] = tests
        graders[slug] = {"key": keys[slug], "tests": [t.as_record() for t in tests]}
    try:
        write_json(cache_path, {"version": CACHE_VERSION, "graders": graders})
    except OSError:
        pass  # a read-only copy: collect again next time
    return answer


DURATIONS = "durations.json"


def last_durations(layout: Layout = LAYOUT) -> dict[str, float]:
    """Seconds each exercise took when last graded (any target); empty when unknown."""
    try:
        data = json.loads((layout.state / DURATIONS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: float(v) for k, v in data.items() if isinstance(v, (int, float))} if isinstance(data, dict) else {}


def remember_durations(seconds: dict[str, float], layout: Layout = LAYOUT) -> None:
    """Merge ``seconds`` into what :func:`last_durations` returns (longest first is the best order to start)."""
    merged = {**last_durations(layout), **{k: round(v, 2) for k, v in seconds.items()}}
    try:
        write_json(layout.state / DURATIONS, merged)
    except OSError:
        pass


def _collect(slugs: list[str], launcher: Launcher, layout: Layout, timeout: float) -> dict[str, list[TestInfo]]:
    nonce = secrets.token_hex(16)
    with tempfile.TemporaryDirectory(prefix="kata-collect-") as tmp:
        reader = RecordReader(Path(tmp) / "records.jsonl", nonce)
        request = Request(
            args=[
                *(str(layout.grader(s)) for s in slugs),
                "--collect-only",
                "-q",
                "-p",
                "pytest_timeout",
                "-p",
                "grading.pytest_plugin",
                "-p",
                "no:cacheprovider",
                "--rootdir",
                str(layout.root),
                "-c",
                str(layout.pyproject),
            ],  # fmt: skip
            cwd=str(layout.root),
            log=str(Path(tmp) / "output.log"),
            records=str(reader.path),
            nonce=nonce,
        )
        proc = launcher.start(request)
        deadline = time.monotonic() + timeout
        while proc.poll() is None and time.monotonic() < deadline:
            proc.wait(0.05)
        proc.kill()
        reader.poll()
    by_slug: dict[str, list[TestInfo]] = {}
    for info in reader.records.collected.values():
        file = info.nodeid.split("::", 1)[0]
        by_slug.setdefault(slug_of_grader(file), []).append(info)
    return {s: by_slug[s] for s in slugs if s in by_slug}
