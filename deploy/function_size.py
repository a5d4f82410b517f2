#!/usr/bin/env python3
"""Keeps the functions of tests/ under 120 lines, as clang-tidy's readability-function-size does
for the production code (deploy/tidy.py): a test is read like any other function. The tree is
clang-formatted (deploy/lint.sh), so a function at namespace scope — a TEST body included —
starts at column 0 and ends with the first line that is exactly "}"; that is all this scans.
Member functions defined inside a class are left to clang-tidy (tests/fixtures, tests/bench).

  deploy/function_size.py [--limit N] PATH...
"""
import argparse
import pathlib
import re
import sys

NOT_A_FUNCTION = re.compile(r"^(namespace|struct|class|enum|union|extern|using|typedef|template\s*<[^>]*>\s*(struct|class))\b")


def functions(path):
    """(name, first line, body lines) for each function at namespace scope."""
    lines = path.read_text(errors="replace").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line or line[0].isspace() or line.startswith(("}", "#", "//", "/*", "*")) \
                or NOT_A_FUNCTION.match(line):
            i += 1
            continue
        # The signature may run over a few lines; its last one opens the body.
        j = i
        while j < len(lines) and j < i + 8 and not lines[j].rstrip().endswith("{"):
            if lines[j].rstrip().endswith((";", "}")):
                break
            j += 1
        if j >= len(lines) or not lines[j].rstrip().endswith("{") or \
                lines[j].rstrip().endswith(("= {", "={")):
            i += 1
            continue
        end = j + 1
        while end < len(lines) and lines[end] != "}":
            if lines[end].startswith("}"):  # "};" or "} // namespace": not a function body
                break
            end += 1
        if end < len(lines) and lines[end] == "}":
            yield line.strip(), i + 1, end - j - 1
            i = end + 1
        else:
            i = j + 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=120)
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    files = []
    for p in map(pathlib.Path, args.paths):
        files += sorted(p.rglob("*.cpp")) if p.is_dir() else [p]
    long = [(f, name, line, n) for f in files for name, line, n in functions(f) if n > args.limit]
    for f, name, line, n in long:
        print(f"{f}:{line}: error: {n} lines, over {args.limit}: {name}", file=sys.stderr)
    if long:
        print(f"function_size: {len(long)} function(s) over {args.limit} lines; split them",
              file=sys.stderr)
        return 1
    print(f"function_size: {len(files)} files, every function at most {args.limit} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
