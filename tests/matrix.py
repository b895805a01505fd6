"""The exhaustive browser matrices (accessibility: every page type and open state at
both widths; print: every playbook; the pruned theme CSS against Material's: every page
type, scheme, width and open state) run whole in `make test-matrices` and in CI. `make
test` runs one pass of each and deselects the rest (-m "not matrix") to stay within
two minutes: a failure the pass misses is one `make test-matrices` finds."""

from __future__ import annotations

import pytest

MATRIX = pytest.mark.matrix


def one_pass(values, keep) -> list:
    """The values as pytest parameters, each but `keep` marked `matrix`."""
    return [value if value == keep else pytest.param(value, marks=MATRIX) for value in values]
