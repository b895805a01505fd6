"""SMS segments counted as a phone splits them, checked against Twilio's calculator
(an independent implementation) on boundary cases: tests/engine/golden/sms-segments.json,
written by tools/sms-segments/golden.cjs (`make sms-golden`)."""

from __future__ import annotations

import json

import pytest

from make_it_right.measure import sms_size
from paths import ROOT

GOLDEN = ROOT / "tests" / "engine" / "golden"
COUNTED = json.loads((GOLDEN / "sms-segments.json").read_text(encoding="utf-8"))["cases"]


def test_every_case_is_counted():
    cases = json.loads((GOLDEN / "sms-segments.cases.json").read_text(encoding="utf-8"))["cases"]
    assert [c["name"] for c in COUNTED] == [c["name"] for c in cases]
    for case, counted in zip(cases, COUNTED, strict=True):
        assert "".join(piece * times for piece, times in case["runs"]) == counted["text"]


@pytest.mark.parametrize("case", COUNTED, ids=[c["name"] for c in COUNTED])
def test_segments_match_the_independent_count(case):
    size = sms_size(case["text"])
    assert (size.encoding, size.segments) == (case["encoding"], case["segments"])


def test_an_escape_pair_across_a_boundary_starts_the_next_part():
    """The issue's example: 152 A, a euro sign (escape + e), 152 A."""
    assert sms_size("A" * 152 + "€" + "A" * 152).segments == 3
