"""Property tests: check and extract never raise on arbitrary text, and spans are exact."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import numcheck

PIECES = st.sampled_from([
    "$", "€", "£", "US$", "C$", "kr", "USD", "SEK", " ", "  ", "\u00a0", "\n", ",", ".", "(", ")", "–", "-",
    "0", "1", "3", "275", "1,000", "3.5", "2–3", "million", "billion", "bn", "m", "k", "kronor", "dollars",
    "euros", "about", "at least", "more than", "nearly", "equivalent to", ", or", "converted from",
    "half a", "a", "three", "and", "between", "to", "from", "%", "F-16", "2024",
])
TEXT = st.one_of(st.text(max_size=200), st.lists(PIECES, max_size=40).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_extract_never_raises_and_spans_slice(text):
    for m in numcheck.extract(text):
        assert text[m.start:m.end] == m.text
        assert m.value >= 0
        if m.hedge_start is not None:
            assert text[m.hedge_start:m.hedge_start + len(m.hedge_text)] == m.hedge_text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_check_never_raises(text):
    report = numcheck.check(text, date="2024-11-19")
    for f in report.findings:
        assert text[f.target.start:f.target.end] == f.target.text
        assert text[f.source.start:f.source.end] == f.source.text
        assert f.message
