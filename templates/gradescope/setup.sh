#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image
# (https://gradescope-autograders.readthedocs.io/en/latest/specs/). It installs Python 3.11 or newer if the
# image has none, a virtual environment in /autograder/venv with CPU torch and the graders' dependencies
# (requirements.txt, made from pyproject.toml), then grades an empty folder once so that every grader's
# tests are known before the first submission. AUTOGRADER_ROOT replaces /autograder.
set -euo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
SOURCE="$ROOT/source"

good_python() {  # a Python >= 3.11 that can make a virtual environment
  command -v "$1" >/dev/null 2>&1 &&
    "$1" -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1
}

PY=""
for candidate in python3 python3.13 python3.12 python3.11; do
  if good_python "$candidate"; then PY="$candidate"; break; fi
done
if [ -z "$PY" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  # Ubuntu 24.04 has 3.12: it only lacks the venv module; 22.04 has python3.11 in its universe component
  apt-get install -y python3-venv || true
  if good_python python3; then
    PY=python3
  else
    apt-get install -y python3.11 python3.11-venv || {
      apt-get install -y software-properties-common
      add-apt-repository -y ppa:deadsnakes/ppa
      apt-get update
      apt-get install -y python3.11 python3.11-venv
    }
    PY=python3.11
  fi
fi
echo "setup.sh: using $("$PY" --version) ($(command -v "$PY"))"

"$PY" -m venv "$ROOT/venv"
"$ROOT/venv/bin/python" -m pip install --upgrade pip
# the CPU build of torch: PyPI's Linux wheel is the multi-GB CUDA build
"$ROOT/venv/bin/python" -m pip install --extra-index-url https://download.pytorch.org/whl/cpu -r "$SOURCE/requirements.txt"
chmod +x "$SOURCE/run_autograder"
"$ROOT/venv/bin/python" "$SOURCE/autograde.py" --warm-up
