"""The command line, `make-it-right` (and `python -m make_it_right`): a thin
layer over the engine and the handbook. Nothing else imports from here."""

from .commands import main

__all__ = ["main"]
