"""Run the command line in this process, as a contributor would run it."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from make_it_right.cli import main
from paths import ROOT


def run(*args: str, cwd=ROOT, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """The command as a contributor runs it, in this process (a new Python per call
    would cost half a second each): what it prints, and its exit code."""
    streams = {name: io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
               for name in ("stdout", "stderr")}
    saved = {name: getattr(sys, name) for name in ("stdout", "stderr", "stdin")}
    here = os.getcwd()
    try:
        sys.stdout, sys.stderr = streams["stdout"], streams["stderr"]
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8")
        os.chdir(cwd)
        try:
            code = main(list(args))
        except SystemExit as exit:  # argparse: --version, usage errors
            code = exit.code or 0
    finally:
        os.chdir(here)
        for name, stream in saved.items():
            setattr(sys, name, stream)
    out, err = (streams[n].buffer.getvalue() for n in ("stdout", "stderr"))
    return subprocess.CompletedProcess(args, code, out, err)
