"""`mkdocs build`, forked from a process that has imported mkdocs and the engine once.

A small site built by a new interpreter spends most of its CPU on imports (mkdocs, its
plugins, the engine's models): about 0.7 s of a hostile one-page site's 1.1 s. Tests
that build many small sites fork each build from multiprocessing's forkserver instead,
which imports all that once and loads the draft rules once (forked_build_warm). Each
build still runs in a process of its own, through the command line's entry point, from
the project's folder: what it changes (a patched class, a module its config loads, a
file it writes) dies with it, and what it prints, a traceback included, is what
`mkdocs build` prints.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path

from harness.site import ROOT

_FORKS = multiprocessing.get_context("forkserver")
_FORKS.set_forkserver_preload(["harness.forked_build", "mkdocs.__main__", "mkdocs.commands.build",
                               "mkdocs_macros.plugin", "make_it_right.html.site", "macros",
                               "harness.forked_build_warm"])


def _start_forkserver() -> None:
    """Start the forkserver with tools/ and the repository on its PYTHONPATH: it is a new
    interpreter that takes no sys.path from this one, so without them its preload could
    not import the harness's modules (and skipped them without a word)."""
    before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT / "tools"), str(ROOT), *filter(None, [before])])
    try:
        multiprocessing.forkserver.ensure_running()
    finally:
        if before is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = before


def _build(project: str, args: list[str], path: list[str], out: str, err: str) -> None:
    """In the forked process: run `mkdocs build ARGS` in project; exit with its status."""
    for fd, name in ((1, out), (2, err)):
        os.dup2(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), fd)
    os.chdir(project)
    sys.path[:0] = path
    os.environ.update(NO_MKDOCS_2_WARNING="1", PYTHONPATH=os.pathsep.join(path))
    sys.argv = ["mkdocs", "build", *args]
    from mkdocs.__main__ import cli

    try:
        cli.main(args=["build", *args], prog_name="mkdocs")
        status = 0
    except SystemExit as end:
        status = end.code if isinstance(end.code, int) else (end.code is not None)
        if not isinstance(end.code, int | None):
            print(end.code, file=sys.stderr)
    except BaseException:  # as the interpreter ends on an uncaught error
        traceback.print_exc()
        status = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(int(status))


def mkdocs_build(project: Path, *args: str, path: Sequence[Path] = (ROOT,),
                 timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`mkdocs build ARGS` in project with path first on sys.path (as PYTHONPATH would
    put it), forked; what it printed and its status, as subprocess.run returns them."""
    with tempfile.TemporaryDirectory() as tmp:
        out, err = Path(tmp) / "stdout", Path(tmp) / "stderr"
        _start_forkserver()
        build = _FORKS.Process(target=_build, args=(str(project), list(args), [str(p) for p in path],
                                                    str(out), str(err)))
        build.start()
        build.join(timeout)
        command = ["mkdocs", "build", *args]
        if build.exitcode is None:
            build.kill()
            build.join()
            raise subprocess.TimeoutExpired(command, timeout)
        return subprocess.CompletedProcess(command, build.exitcode, out.read_text(encoding="utf-8"),
                                           err.read_text(encoding="utf-8"))
