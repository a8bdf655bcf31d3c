"""Write a learner's stub from a reference solution (a maintainer's tool; the result is reviewed by hand).

    python tools/stubgen.py SLUG            print the stub for solutions/SLUG/SLUG.py
    python tools/stubgen.py SLUG --write    write it to exercises/SLUG/SLUG.py (refuses to overwrite)
    python tools/stubgen.py --quizzes       (re)write the quizzes' answers files from quizzes/<topic>.toml:
                                            blank ones in exercises/_quizzes/, the keys in solutions/_quizzes/

What it keeps: the module docstring, imports, top-level constants, and every definition marked as given
(a ``# given`` comment on the line just above it: a ListNode, an exception class). Public functions and
classes keep their signatures and docstrings and get ``raise NotImplementedError`` as the body; private
helpers (``_name``) are dropped, so the learner writes their own.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from grading.layout import LAYOUT  # noqa: E402


def _is_given(node: ast.AST, lines: list[str]) -> bool:
    first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
    above = lines[first - 2].strip().lower() if first >= 2 else ""
    return above.startswith("# given")


def _segment(lines: list[str], node: ast.AST) -> str:
    first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
    return "\n".join(lines[first - 1 : node.end_lineno])


def _stub_function(lines: list[str], fn: ast.FunctionDef, indent: str) -> str:
    first = min([fn.lineno] + [d.lineno for d in fn.decorator_list])
    body_start = fn.body[0]
    doc = ast.get_docstring(fn, clean=False)
    if doc is not None:
        header = "\n".join(lines[first - 1 : body_start.end_lineno])
    else:
        header = "\n".join(lines[first - 1 : body_start.lineno - 1])
    return f"{header}\n{indent}    raise NotImplementedError\n"


def _stub_class(lines: list[str], cls: ast.ClassDef) -> str:
    first = min([cls.lineno] + [d.lineno for d in cls.decorator_list])
    out = ["\n".join(lines[first - 1 : cls.lineno])]
    body = cls.body
    if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant):
        out.append("\n".join(lines[body[0].lineno - 1 : body[0].end_lineno]))
        body = body[1:]
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if node.name.startswith("_") and not node.name.startswith("__"):
                continue
            out.append("")
            out.append(_stub_function(lines, node, "    ").rstrip("\n"))
        else:
            out.append(_segment(lines, node))
    return "\n".join(out) + "\n"


def _private_assignment(node: ast.Assign | ast.AnnAssign) -> bool:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    names = [t.id for t in targets if isinstance(t, ast.Name)]
    return bool(names) and all(n.startswith("_") for n in names)


def stub_source(solution: Path) -> str:
    text = solution.read_text(encoding="utf-8")
    lines = text.splitlines()
    tree = ast.parse(text)
    parts: list[str] = []
    kinds: list[str] = []

    def add(kind: str, text: str) -> None:
        if parts and kinds[-1] != kind:
            parts.append("\n" if kind in ("def", "given") or kinds[-1] in ("def", "given") else "")
        elif parts and kind in ("def", "given"):
            parts.append("\n")
        parts.append(text)
        kinds.append(kind)

    for i, node in enumerate(tree.body):
        first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        if i == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            add("doc", _segment(lines, node))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            add("import", _segment(lines, node))
        elif _is_given(node, lines):
            add("given", lines[first - 2] + "\n" + _segment(lines, node))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if not node.name.startswith("_"):
                add("def", _stub_function(lines, node, "").rstrip("\n"))
        elif isinstance(node, ast.ClassDef):
            if not node.name.startswith("_"):
                add("def", _stub_class(lines, node).rstrip("\n"))
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and not _private_assignment(node):
            add("const", _segment(lines, node))
        elif isinstance(node, ast.If) and "__main__" in ast.unparse(node.test):
            add("def", _segment(lines, node))
    return "\n".join(parts).rstrip() + "\n"


def quiz_answer_files() -> dict[Path, str]:
    """What exercises/_quizzes/ and solutions/_quizzes/ should hold, by path."""
    from grading import quiz
    from grading.layout import quiz_answers

    files = {}
    for q in quiz.load_all():
        files[quiz_answers(LAYOUT.exercises, q.topic)] = quiz.render_answers(q, {})
        files[quiz_answers(LAYOUT.solutions, q.topic)] = quiz.render_answers(q, quiz.key_answers(q))
    return files


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("slug", nargs="?")
    p.add_argument("--write", action="store_true")
    p.add_argument("--quizzes", action="store_true", help="rewrite the quizzes' answers files")
    args = p.parse_args(argv)
    if args.quizzes:
        for path, text in quiz_answer_files().items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
        return 0
    if not args.slug:
        p.error("expected SLUG or --quizzes")
    solution = LAYOUT.solution(args.slug)
    if not solution.is_file():
        print(f"stubgen: no file {solution}", file=sys.stderr)
        return 2
    source = stub_source(solution)
    if not args.write:
        sys.stdout.write(source)
        return 0
    stub = LAYOUT.stub(args.slug)
    if stub.exists():
        print(f"stubgen: {stub} exists; not overwriting", file=sys.stderr)
        return 1
    stub.parent.mkdir(parents=True, exist_ok=True)
    stub.write_text(source, encoding="utf-8")
    print(f"wrote {stub}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
