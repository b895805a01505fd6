"""Stop `make` early, with a clear message, on a Python the project does not support."""

import sys

LOWEST = (3, 11, 5)

if sys.version_info < LOWEST:
    found = ".".join(map(str, sys.version_info[:3]))
    sys.exit(f"error: Make It Right needs Python {'.'.join(map(str, LOWEST))} or later; "
             f"{sys.executable} is {found}. Run make with PYTHON=python3.12 (or another).")
