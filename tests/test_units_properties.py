"""Properties of the quantity scanner on generated text: spans slice to the mention, values
are finite, and a check never raises, whatever the mix of figures, units and punctuation."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

import numcheck

PIECES = [
    "10", "-40", "1,000", "2.5", "5'11\"", "6 ft 2 in", "½", "10 1/2", "ten", "a", "about ", "a rise of ",
    " km", " miles", "-mile", "F", "C", " °C", "°", " degrees", " tons", " tonnes", " gallons", " lb",
    " pounds", " kg", " in", " mph", " km/h", " m²", " m³", " (", ")", ", or ", " – ", "-", " to ",
    " and ", "between ", " warmer", " below zero", " of warming", "$5", " million", " ", "\n", ".",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14), st.sampled_from(["en", "en-US", "en-GB"]))
def test_spans_and_values(pieces, lang):
    text = "".join(pieces)
    for m in numcheck.extract(text, lang=lang):
        assert text[m.start:m.end] == m.text and m.start < m.end
        assert math.isfinite(m.value) and m.step > 0
        if m.kind == "unit":
            assert m.unit and m.unit == m.candidates[0]
            if m.number_start >= 0:
                assert text[m.number_start:m.number_start + len(m.number_text)] == m.number_text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_check_never_raises(pieces):
    report = numcheck.check("".join(pieces), date="2024-11-19")
    for f in report.findings:
        if f.kind == "unit":
            assert f.message and f.verdict in numcheck.Verdict
