"""Build the Gradescope autograder zip: upload it as a programming assignment's autograder.

    python tools/gradescope.py [OUT.zip] [--exercises a,b,...] [--time-limit S] [-j N] [--ref REV]
    nox -s gradescope [-- OUT.zip ...]

(default dist/gradescope.zip, every ready exercise and every quiz, the commit HEAD). The zip holds, at its
root as Gradescope's specification asks (https://gradescope-autograders.readthedocs.io/en/latest/specs/):

    setup.sh          installs Python >= 3.11 if the image lacks it, CPU torch and the graders' dependencies
    run_autograder    grades /autograder/submission, writes /autograder/results/results.json
    autograde.py      what run_autograder runs: lays the upload out like exercises/, grades it, converts
    requirements.txt  the runtime dependencies and the "grade" group of pyproject.toml
    assignment.json   the exercises and quizzes graded, the time limit, the jobs, the commit it was built from
    grading/ graders/ quizzes/ catalogue.toml pyproject.toml   the student copy's engine and graders

It is built from the student release of the commit (tools/release.py: the same refusal of filled-in stubs),
so it never holds solutions, wrong answers or maintainer tools. The scripts come from templates/gradescope/.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.release import ReleaseError, commit_of, export, git, release  # noqa: E402

TEMPLATES = "templates/gradescope"
SCRIPTS = {"setup.sh": 0o755, "run_autograder": 0o755, "autograde.py": 0o644}
FROM_COPY = ["grading", "graders", "quizzes", "catalogue.toml", "pyproject.toml"]
# Gradescope's defaults are a 10-minute timeout, half a CPU and 768 MB; the autograder stops grading before
# that timeout (keeping what it graded) and runs this many exercises at once.
DEFAULT_TIME_LIMIT = 540  # seconds
DEFAULT_JOBS = 2


def gradable(copy: Path) -> list[str]:
    """Every ready exercise with a grader, in catalogue order, then every quiz (as ``python -m grading`` does)."""
    catalogue = tomllib.loads((copy / "catalogue.toml").read_text(encoding="utf-8"))
    ready = [e["slug"] for e in catalogue.get("exercise", []) if e.get("status") == "ready"]
    exercises = [s for s in ready if (copy / "graders" / f"test_{s}.py").is_file()]
    return exercises + [f"quiz_{p.stem}" for p in sorted((copy / "quizzes").glob("*.toml"))]


def requirements(pyproject: Path, group: str = "grade") -> list[str]:
    """The runtime dependencies and dependency group ``group`` of ``pyproject`` (include-group resolved)."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    groups = data.get("dependency-groups", {})

    def members(name: str, seen: tuple[str, ...] = ()) -> list[str]:
        if name in seen:
            raise ValueError(f"{pyproject}: dependency group {name!r} includes itself")
        out = []
        for item in groups.get(name, []):
            out += members(item["include-group"], (*seen, name)) if isinstance(item, dict) else [item]
        return out

    return [*data["project"].get("dependencies", []), *members(group)]


def _add(zf: zipfile.ZipFile, path: Path, name: str, mode: int, date: tuple[int, ...]) -> None:
    info = zipfile.ZipInfo(name, date_time=date)
    info.external_attr = (0o100000 | mode) << 16  # a regular file with these permissions
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, path.read_bytes())


def build(
    out: Path,
    *,
    root: Path = ROOT,
    ref: str = "HEAD",
    slugs: list[str] | None = None,
    time_limit: float = DEFAULT_TIME_LIMIT,
    jobs: int = DEFAULT_JOBS,
) -> list[str]:
    """Write the autograder zip of commit ``ref`` to ``out``; return the names it holds.

    Raises:
        ReleaseError: as tools/release.py (a filled-in stub, no such commit, ...).
        ValueError: ``slugs`` names something that is not a ready exercise or a quiz.
    """
    commit = commit_of(Path(root), ref)
    year, month, day = (int(x) for x in str(git(root, "show", "-s", "--format=%cs", commit)).strip().split("-"))
    date = (year, month, day, 0, 0, 0)
    with tempfile.TemporaryDirectory(prefix="kata-gradescope-") as tmp:
        copy = Path(tmp) / "student"
        release(copy, root=root, ref=commit)
        export(Path(root), commit, [TEMPLATES], Path(tmp) / "t")
        scripts = Path(tmp) / "t" / TEMPLATES
        every = gradable(copy)
        chosen = every if not slugs else [s for s in every if s in slugs]
        unknown = sorted(set(slugs or ()) - set(every))
        if unknown:
            raise ValueError(f"--exercises: not a ready exercise or a quiz: {', '.join(unknown)}")
        config = {"slugs": chosen, "time_limit": time_limit, "jobs": jobs, "commit": commit}
        (Path(tmp) / "assignment.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
        (Path(tmp) / "requirements.txt").write_text("\n".join(requirements(copy / "pyproject.toml")) + "\n")
        entries: list[tuple[Path, str, int]] = [(scripts / name, name, mode) for name, mode in SCRIPTS.items()]
        entries += [(Path(tmp) / n, n, 0o644) for n in ("assignment.json", "requirements.txt")]
        for top in FROM_COPY:
            src = copy / top
            files = sorted(p for p in src.rglob("*") if p.is_file()) if src.is_dir() else [src]
            entries += [(f, f.relative_to(copy).as_posix(), 0o644) for f in files]
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_name(f".{out.name}.tmp")
        with zipfile.ZipFile(partial, "w") as zf:
            for path, name, mode in entries:
                _add(zf, path, name, mode, date)
        partial.replace(out)
        return [name for _, name, _ in entries]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python tools/gradescope.py", description=__doc__.split("\n\n")[0])
    p.add_argument("out", nargs="?", default="dist/gradescope.zip", help="the zip to write")
    p.add_argument("--exercises", default=None, metavar="A,B", help="grade only these (default: everything ready)")
    p.add_argument(
        "--time-limit",
        type=float,
        default=DEFAULT_TIME_LIMIT,
        metavar="S",
        help=f"stop grading after S seconds, keeping what was graded (default {DEFAULT_TIME_LIMIT}: under "
        "Gradescope's default timeout of 10 minutes; raise both together)",
    )
    p.add_argument("-j", "--jobs", type=int, default=DEFAULT_JOBS, help="exercises graded at once (default 2)")
    p.add_argument("--ref", default="HEAD", help="the commit to build from (default HEAD)")
    args = p.parse_args(argv)
    slugs = [s.strip() for s in args.exercises.split(",") if s.strip()] if args.exercises else None
    try:
        names = build(Path(args.out), ref=args.ref, slugs=slugs, time_limit=args.time_limit, jobs=args.jobs)
    except (ReleaseError, ValueError) as exc:
        print(f"python tools/gradescope.py: {exc}", file=sys.stderr)
        return 1
    print(
        f"wrote {args.out} ({len(names)} files); upload it as the autograder of a programming assignment, "
        f"and set Gradescope's autograder timeout above {args.time_limit:g} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
