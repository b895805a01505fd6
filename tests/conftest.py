"""Shared by every tier: where the project is, and the real rules and pack.

Nothing here needs a browser or a site generator; tests/site and tests/browser
add their own fixtures.
"""

from __future__ import annotations

import pytest

from make_it_right.loader import Pack, load_pack
from make_it_right.rules import Rules, load_rules
from make_it_right.strings import Strings, load_strings

from paths import ROOT, TEMPLATES


@pytest.fixture(scope="session")
def rules() -> Rules:
    return load_rules()


@pytest.fixture(scope="session")
def strings() -> Strings:
    return load_strings("en")


@pytest.fixture(scope="session")
def pack() -> Pack:
    return load_pack(TEMPLATES)


@pytest.fixture(scope="session")
def handbook():
    """Everything the handbook's pages need, loaded and checked as `make-it-right check`
    and the site build load it."""
    from make_it_right.site import Handbook

    return Handbook.load(ROOT)
