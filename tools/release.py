"""Write the student copy of the kata: everything a learner needs, no reference solutions.

    python tools/release.py [DIR]     (default dist/student; DIR must not exist or must be empty)

Left out: solutions/, tests/ (the project's own checks and the wrong answers), tools/, .ci/, and the
fixture generators' scripts (the fixture data the graders read stays). The copy's noxfile still has the
``solutions`` session, which reports that the folder is absent.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INCLUDE = [
    "exercises",
    "graders",
    "quizzes",
    "grading",
    "catalogue.toml",
    "noxfile.py",
    "pyproject.toml",
    "README.md",
    ".gitignore",
]
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "generate.py", ".venv*")


def release(dest: Path) -> list[Path]:
    """Copy the learner's files to ``dest``; return the files written."""
    if dest.exists() and any(dest.iterdir()):
        raise FileExistsError(f"release: {dest} exists and is not empty; choose another folder or remove it")
    dest.mkdir(parents=True, exist_ok=True)
    for name in INCLUDE:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=IGNORE)
        elif src.is_file():
            shutil.copy2(src, dest / name)
    return sorted(p for p in dest.rglob("*") if p.is_file())


def main(argv: list[str]) -> int:
    dest = Path(argv[0] if argv else "dist/student")
    try:
        files = release(dest)
    except FileExistsError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"wrote {len(files)} files to {dest} (no solutions/, tests/, tools/)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
