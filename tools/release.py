"""Write the student copy of the kata, from a commit: everything a learner needs, nothing that gives answers.

    python tools/release.py [DIR] [--ref REV]     (default dist/student and HEAD; DIR must not exist or be empty)

Every file comes from the commit (``git archive``), never from the working tree: answers tried in a
maintainer's clone stay there. The copy holds the stubs (``exercises/``, with the quizzes' blank answers
files in ``exercises/_quizzes/``), the graders and their fixture data (not the generators' scripts), the
quizzes, the engine (``grading/``), the catalogue and ``pyproject.toml``, and, from ``templates/student/``, its
own README, noxfile, ``.gitignore`` and GitHub Classroom workflow, which describe only what works there
(grade, status, hint, watch, quiz). Left out: ``solutions/``, ``tests/`` (the project's checks and the wrong
answers), ``tools/``, ``templates/`` and the project's own README and noxfile.

The release refuses, naming each file, when a stub it would ship does not raise ``NotImplementedError`` in
every public function or class (the check of tests/test_layout.py), when a quiz answers file is not blank,
or when an exercise marked ready has no stub or no grader. It needs only git and the standard library.
"""

from __future__ import annotations

import argparse
import ast
import io
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ["exercises", "graders", "quizzes", "grading", "catalogue.toml", "pyproject.toml"]
TEMPLATES = "templates/student"  # its contents land at the copy's root
LEFT_OUT_NAMES = {"generate.py"}  # the fixture generators: maintainers' scripts (the data they made ships)
RELEASE_TOKEN = "@RELEASE@"  # in the README template: replaced by the commit the copy was made from


class ReleaseError(Exception):
    """The release cannot be made as asked; the message says why, naming the files."""


# ------------------------------------------------------------------------------------------------ git


def git(root: Path, *args: str, binary: bool = False) -> str | bytes:
    try:
        proc = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise ReleaseError("release: git is not installed; the release ships committed files only") from None
    if proc.returncode != 0:
        err = proc.stderr.decode(errors="replace").strip()
        raise ReleaseError(f"release: git {' '.join(args[:2])} failed in {root}: {err}")
    return proc.stdout if binary else proc.stdout.decode()


def commit_of(root: Path, ref: str = "HEAD") -> str:
    """The full hash of ``ref`` in the repository at ``root``.

    Raises:
        ReleaseError: ``root`` is not a git repository, or ``ref`` names no commit.
    """
    if not (Path(root) / ".git").exists():
        raise ReleaseError(
            f"release: {root} is not a git repository; the release ships committed files only "
            "(the working tree may hold answers)"
        )
    return str(git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")).strip()


def _in_commit(root: Path, commit: str, path: str) -> bool:
    cmd = ["git", "-C", str(root), "cat-file", "-e", f"{commit}:{path}"]
    return subprocess.run(cmd, capture_output=True, check=False).returncode == 0


def export(root: Path, commit: str, paths: list[str], dest: Path) -> None:
    """Extract ``paths`` as committed in ``commit`` into ``dest`` (``git archive``; the working tree is unused).

    Raises:
        ReleaseError: a path is not in the commit.
    """
    absent = [p for p in paths if not _in_commit(root, commit, p)]
    if absent:
        raise ReleaseError(f"release: commit {commit[:12]} has no {', '.join(absent)}")
    data = git(root, "archive", "--format=tar", commit, "--", *paths, binary=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as tar:
        tar.extractall(dest, filter="data")


def uncommitted(root: Path = ROOT) -> list[str]:
    """Files of what the release ships that differ from HEAD in the working tree (they are not shipped)."""
    out = str(git(root, "status", "--porcelain", "--untracked-files=all", "--", *SHIPPED, TEMPLATES))
    return [line[3:] for line in out.splitlines() if line.strip()]


# ------------------------------------------------------------------------------------------------ checks


def _public_defs(tree: ast.Module) -> list[ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef]:
    return [
        n
        for n in tree.body
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and not n.name.startswith("_")
    ]


def _is_given(lines: list[str], node: ast.AST) -> bool:
    """Marked ``# given`` on the line above (a ListNode, an exception class): not the learner's to write."""
    first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
    return first >= 2 and lines[first - 2].strip().lower().startswith("# given")


def _raises_not_implemented(node: ast.AST) -> bool:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Raise) and sub.exc is not None:
            exc = sub.exc.func if isinstance(sub.exc, ast.Call) else sub.exc
            if isinstance(exc, ast.Name) and exc.id == "NotImplementedError":
                return True
    return False


def solved_names(source: str) -> list[str]:
    """The public functions and classes of a stub that do not raise NotImplementedError (the same rule as
    tests/test_layout.py: a class needs one method that raises; definitions marked ``# given`` are exempt).

    Raises:
        SyntaxError: the source does not parse.
    """
    tree = ast.parse(source)
    lines = source.splitlines()
    solved = []
    for node in _public_defs(tree):
        if _is_given(lines, node):
            continue
        if isinstance(node, ast.ClassDef):
            methods = [m for m in node.body if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))]
            if not any(_raises_not_implemented(m) for m in methods):
                solved.append(node.name)
        elif not _raises_not_implemented(node):
            solved.append(node.name)
    return solved


def answered_entries(text: str) -> list[str]:
    """The entries of a quiz answers file that are not blank (``""`` or ``[]``).

    Raises:
        tomllib.TOMLDecodeError: the file is not TOML.
    """
    return [key for key, value in tomllib.loads(text).items() if value not in ("", [])]


def problems(copy: Path) -> list[str]:
    """Everything that would make ``copy`` give answers away or fail to grade, one line per file."""
    found = []
    for path in sorted((copy / "exercises").rglob("*.py")):
        rel = path.relative_to(copy).as_posix()
        try:
            solved = solved_names(path.read_text(encoding="utf-8"))
        except SyntaxError as exc:
            found.append(f"{rel}: does not parse ({exc.msg}, line {exc.lineno})")
            continue
        if solved:
            found.append(f"{rel}: filled in? these do not raise NotImplementedError: {', '.join(solved)}")
    for path in sorted((copy / "exercises" / "_quizzes").glob("*.toml")):
        rel = path.relative_to(copy).as_posix()
        try:
            answered = answered_entries(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            found.append(f"{rel}: not TOML ({exc})")
            continue
        if answered:
            found.append(f"{rel}: answered, not blank: {', '.join(answered)}")
    catalogue = tomllib.loads((copy / "catalogue.toml").read_text(encoding="utf-8"))
    for entry in catalogue.get("exercise", []):
        slug = entry.get("slug", "?")
        if entry.get("status") != "ready":
            continue
        for need in (f"exercises/{slug}/{slug}.py", f"graders/test_{slug}.py"):
            if not (copy / need).is_file():
                found.append(f"{need}: missing, though catalogue.toml marks {slug} ready")
    return found


# ------------------------------------------------------------------------------------------------ release


def stage(commit: str, root: Path, into: Path) -> None:
    """Lay out the student copy of ``commit`` in the empty folder ``into`` (no checks)."""
    export(root, commit, SHIPPED, into)
    for path in list(into.rglob("*")):
        if path.name in LEFT_OUT_NAMES or path.name == "__pycache__":
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    templates = into.parent / f"{into.name}.templates"
    export(root, commit, [TEMPLATES], templates)
    shutil.copytree(templates / TEMPLATES, into, dirs_exist_ok=True)
    shutil.rmtree(templates)
    readme = into / "README.md"
    date = str(git(root, "show", "-s", "--format=%cs", commit)).strip()
    readme.write_text(
        readme.read_text(encoding="utf-8").replace(RELEASE_TOKEN, f"commit {commit[:12]} ({date})"), encoding="utf-8"
    )


def release(dest: Path, *, root: Path = ROOT, ref: str = "HEAD") -> list[Path]:
    """Write the student copy of commit ``ref`` of the repository at ``root`` to ``dest``; return its files.

    Raises:
        FileExistsError: ``dest`` exists and is not empty (nothing is written).
        ReleaseError: ``root`` is no git repository, ``ref`` no commit, or the copy would give answers away
            (a filled-in stub, an answered quiz file) or not grade (a ready exercise without stub or grader);
            nothing is written, and the message names every file.
    """
    dest = Path(dest)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise FileExistsError(f"release: {dest} exists and is not empty; choose another folder or remove it")
    commit = commit_of(Path(root), ref)
    with tempfile.TemporaryDirectory(prefix="kata-release-") as tmp:
        copy = Path(tmp) / "student"
        copy.mkdir()
        stage(commit, Path(root), copy)
        found = problems(copy)
        if found:
            raise ReleaseError(
                f"release: refused: commit {commit[:12]} would ship these files as they are:\n  "
                + "\n  ".join(found)
                + "\nCommit the stubs as learners should get them (python tools/stubgen.py SLUG prints one from the "
                "solution; python tools/stubgen.py --quizzes writes blank answers files) and release again."
            )
        dest.mkdir(parents=True, exist_ok=True)
        shutil.copytree(copy, dest, dirs_exist_ok=True)
    return sorted(p for p in dest.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python tools/release.py", description=__doc__.split("\n\n")[0])
    p.add_argument("dest", nargs="?", default="dist/student", help="the folder to write (default dist/student)")
    p.add_argument("--ref", default="HEAD", help="the commit to release (default HEAD)")
    args = p.parse_args(argv)
    dest = Path(args.dest)
    try:
        files = release(dest, ref=args.ref)
    except (FileExistsError, ReleaseError) as exc:
        print(exc, file=sys.stderr)
        return 1
    commit = commit_of(ROOT, args.ref)
    print(f"wrote {len(files)} files to {dest} from commit {commit[:12]} (no solutions/, tests/, tools/)")
    if args.ref == "HEAD":
        changed = uncommitted()
        if changed:
            shown = ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")
            print(f"note: not shipped, uncommitted in the working tree: {shown}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
