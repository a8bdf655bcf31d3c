"""Run every fixture generator: ``graders/fixtures/<slug>/generate.py``.

    python tools/regenerate_fixtures.py [SLUG ...]

Needs a Python with the packages the generators use (torchvision, scikit-learn); ``nox -s fixtures``
makes one with the versions the fixtures record. The graders themselves never import those packages.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from grading.layout import LAYOUT  # noqa: E402

FIXTURES = LAYOUT.graders / "fixtures"


def main(argv: list[str]) -> int:
    scripts = sorted(FIXTURES.glob("*/generate.py"))
    if argv:
        scripts = [s for s in scripts if s.parent.name in argv]
    if not scripts:
        print("no fixture generators found", file=sys.stderr)
        return 2
    failed = 0
    for script in scripts:
        print(f"== {script.relative_to(ROOT)}", flush=True)
        failed += subprocess.run([sys.executable, str(script)], cwd=ROOT).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
