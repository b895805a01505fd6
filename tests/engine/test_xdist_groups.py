"""`make test` shares a build, a wheel or a server among the tests of one
`xdist_group`, which `--dist loadgroup` runs on one worker. pytest 9.2 with
pytest-xdist 3.8 dropped every group without a word (pytest-dev/pytest-xdist#1386):
each worker then built its own copy of what the group shares."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from xdist.remote import WorkerInteractor


@pytest.mark.xdist_group("probe")
def _grouped():
    """Not a test: an item to collect as the workers do."""


def test_a_workers_collection_keeps_the_xdist_group(request):
    item = pytest.Function.from_parent(request.node.parent, name="_grouped")
    loadgroup = SimpleNamespace(getvalue=lambda name: name == "loadgroup")
    # What each worker of a `--dist loadgroup` run does to the items it collected.
    WorkerInteractor.pytest_collection_modifyitems(None, loadgroup, [item])
    assert item.nodeid.endswith("::_grouped@probe"), (
        f"{item.nodeid}: the worker lost the xdist_group, so each worker builds what a "
        "group shares; see the pin on pytest in pyproject.toml")
