"""How much `make serve` installs beside `make test` (issue 21): a fresh virtual
environment from requirements-serve.txt, another from requirements.txt, and
their sizes on disk.

    .venv/bin/python scripts/install_size.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def install(requirements: str, where: Path) -> int:
    venv.create(where, with_pip=True)
    subprocess.run([str(where / "bin" / "python"), "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", "--require-hashes", "-r",
                    str(ROOT / requirements)], check=True)
    return size(where)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        serve = install("requirements-serve.txt", Path(tmp) / "serve")
        test = install("requirements.txt", Path(tmp) / "test")
    mb = 1024 * 1024
    print(f"make serve installs {serve / mb:.0f} MB (requirements-serve.txt)")
    print(f"make test installs  {test / mb:.0f} MB (requirements.txt); "
          f"the test tier adds {(test - serve) / mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
