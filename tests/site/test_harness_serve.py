"""The test server (tools/harness/serve.py): what it answers in place of a build's
files for the browser tier."""

from __future__ import annotations

import json
import urllib.request

import pytest

from harness.serve import SEARCH_INDEX, serve

INDEX = {"config": {"lang": ["ru"], "separator": "[\\s\\-]+", "pipeline": ["stemmer"]},
         "docs": [{"location": "", "title": "Home", "text": "Words to find"}]}


@pytest.fixture
def site(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / SEARCH_INDEX).write_text(json.dumps(INDEX), encoding="utf-8")
    (tmp_path / "index.html").write_text("<!doctype html><title>Home</title>", encoding="utf-8")
    return tmp_path


def get(url: str) -> bytes:
    with urllib.request.urlopen(url) as answer:
        return answer.read()


def test_the_search_index_keeps_its_pages_only_where_searchable(site):
    with serve(site) as url:
        assert json.loads(get(url + SEARCH_INDEX)) == INDEX
    with serve(site, searchable=False) as url:
        assert json.loads(get(url + SEARCH_INDEX)) == {"config": INDEX["config"], "docs": []}
