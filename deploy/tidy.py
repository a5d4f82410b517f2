#!/usr/bin/env python3
"""Runs clang-tidy (.clang-tidy, warnings as errors) over the project's own sources in drivers/,
services/, kiosk/ and the test code others build on (tests/fixtures/, tests/bench/, with
tests/.clang-tidy) with the compile commands of a build directory. The test files themselves
are left out (parsing them would add ~6 minutes to CI for findings of little weight); their
functions are kept short by deploy/function_size.py. A translation unit that
was clean is not checked again until it, a header it includes (ninja's dependency log), its
compile command or .clang-tidy changes, so a second run takes seconds. A unity batch (CMake's
Unity/unity_N_cxx.cxx, RENSHE_UNITY) is checked as the compiler sees it, in one parse, its
files' findings included.

  deploy/tidy.py BUILD_DIR [-j N]
"""
import argparse
import concurrent.futures
import hashlib
import json
import os
import pathlib
import re
import shlex
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHECKED = ("drivers/", "services/", "kiosk/", "tests/fixtures/", "tests/bench/")
# .clang-tidy's HeaderFilterRegex with the sources a unity batch includes.
BATCH_FILTER = r"--header-filter=/(drivers|services|kiosk|tests)/.*\.(hpp|cpp)$"


def digest(*parts):
    h = hashlib.sha256()
    for p in parts:
        h.update(p if isinstance(p, bytes) else p.encode())
        h.update(b"\0")
    return h.hexdigest()


def dependencies(build):
    """object file -> the headers ninja recorded for it."""
    out = subprocess.run(["ninja", "-C", str(build), "-t", "deps"], capture_output=True,
                         text=True, check=True).stdout
    deps, current = {}, None
    for line in out.splitlines():
        if line and not line[0].isspace():
            current = line.split(":")[0]
            deps[current] = []
        elif line.strip() and current:
            deps[current].append(line.strip())
    return deps


def objectOf(entry):
    """The object file a compile command writes (its -o), as ninja names it."""
    if "output" in entry:
        return entry["output"]
    args = entry.get("arguments") or shlex.split(entry.get("command", ""))
    for i, a in enumerate(args[:-1]):
        if a == "-o":
            return args[i + 1]
    return ""


def batchSources(entry):
    """The sources a CMake unity batch (Unity/unity_N_cxx.cxx, RENSHE_UNITY) #includes; [] for
    an entry that compiles one file."""
    batch = pathlib.Path(entry["file"])
    if not (batch.suffix == ".cxx" and batch.name.startswith("unity_")):
        return []
    found = (re.match(r'#include "(.+)"$', line.strip()) for line in batch.read_text().splitlines())
    return [m.group(1) for m in found if m]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()
    build = pathlib.Path(args.build).resolve()
    entries = json.loads((build / "compile_commands.json").read_text())
    deps = dependencies(build)
    config = (ROOT / ".clang-tidy").read_bytes()
    cache = build / "tidy-cache"
    cache.mkdir(exist_ok=True)
    contents = {}

    def content(path):
        if path not in contents:
            try:
                contents[path] = hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()
            except OSError:
                contents[path] = "missing"
        return contents[path]

    todo = []
    for e in entries:
        source = pathlib.Path(e["file"]).resolve()
        batched = batchSources(e)
        try:
            if batched:  # named by its files; the batch itself is in the build directory
                rel = " ".join(pathlib.Path(b).resolve().relative_to(ROOT).as_posix()
                               for b in batched)
            else:
                rel = source.relative_to(ROOT).as_posix()
        except ValueError:
            continue
        if not rel.startswith(CHECKED):
            continue
        headers = deps.get(objectOf(e), [])
        stamp = cache / (hashlib.sha256(rel.encode()).hexdigest() + ".ok")
        if not headers:  # not built yet, or unknown to ninja: checked, never taken as clean
            todo.append((rel, str(source), None, "", bool(batched)))
            continue
        resolved = [pathlib.Path(build, h).resolve().as_posix() for h in headers]
        project = sorted(h for h in resolved
                         if h.startswith(ROOT.as_posix() + "/") and
                         not h.startswith(build.as_posix() + "/"))
        key = digest(config, e.get("command", " ".join(e.get("arguments", []))), rel,
                     content(source), *[h + content(h) for h in project])
        if stamp.exists() and stamp.read_text() == key:
            continue
        todo.append((rel, str(source), stamp, key, bool(batched)))

    def run(item):
        rel, source, stamp, key, batched = item
        # A batch is checked in one parse: its files are included, so the header filter takes
        # them in as well, and including a .cpp is what a batch is.
        batch = [BATCH_FILTER, "--checks=-bugprone-suspicious-include"] if batched else []
        r = subprocess.run(["clang-tidy", "-p", str(build), "--quiet", "--warnings-as-errors=*",
                            "--extra-arg=-Wno-unknown-warning-option", *batch, source],
                           capture_output=True, text=True)
        if r.returncode == 0 and stamp is not None:
            stamp.write_text(key)
        return rel, r.returncode, r.stdout + r.stderr

    failed = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:
        for rel, rc, output in pool.map(run, todo):
            if rc != 0:
                failed.append(rel)
                print(output, end="")
    if failed:
        print(f"tidy: error: {len(failed)} file(s) with findings: {' '.join(failed)}",
              file=sys.stderr)
        return 1
    print(f"tidy: {len(todo)} checked, all clean (the rest unchanged since their last clean run)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
