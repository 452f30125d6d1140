"""Property tests for every language: extract and check never raise on arbitrary text,
spans slice the text exactly, and values are finite and non-negative."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import numcheck
from langs_support import FixedRates

LANGS = ["sv", "nb", "da", "fi", "de", "de-CH", "fr", "es", "nl", "it", "pt", "en-CA", None]

PIECES = st.sampled_from([
    "$", "€", "£", "kr", "kr.", "SEK", "MSEK", "CAD$", "$CAD", "C$", "Fr.", ":-", " ", "\u00a0", "\u202f",
    ",", ".", ":", "'", "’", "(", ")", "–", "-", "0", "000", "1", "2", "3", "23", "50", "275", "1 234", "1.234",
    "1,234", "3,5", "3.5", "2:50", "miljarder", "miljoner", "md", "mdr", "mkr", "milliarder", "mrd.", "mia.",
    "Mrd.", "Mio.", "Milliarden", "milliards", "Md", "millones", "mil millones", "miljard", "mln.",
    "miljardia", "milioni", "milhões", "kronor", "kroner", "Euro", "euros", "d'euros", "de", "dollar",
    "dólares", "öre", "øre", "cent", "och", "og", "und", "et", "y", "en", "e", "mellan", "entre", "zwischen",
    "drygt", "knappt", "vel", "etwa", "environ", "unos", "zo'n", "noin", "motsvarande", "tilsvarende",
    "umgerechnet", "soit", "equivalente a", "omgerekend", "eli", "pari a", "tre", "en halv", "zwei",
    "zweiundzwanzig", "trois", "tres", "drie", "kolme", "Kanada", "Canada", "svenska", "kanadischen",
])
TEXT = st.one_of(st.text(max_size=120), st.lists(PIECES, max_size=30).map(" ".join),
                 st.lists(PIECES, max_size=30).map("".join))


@pytest.mark.parametrize("lang", LANGS, ids=[str(x) for x in LANGS])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=TEXT)
@example(text="-1J")  # a negative quantity, found by hypothesis: allowed for units, never money
def test_extract_and_check_never_raise(lang, text):
    for m in numcheck.extract(text, lang=lang):
        assert text[m.start:m.end] == m.text
        # a quantity may be below zero ("minus 10 grader", "-1J"); an amount of money never
        assert math.isfinite(m.value) and (m.value >= 0 or m.kind != "money")
        if m.value_max is not None:
            assert m.value_max > m.value
        if m.hedge_start is not None:
            assert text[m.hedge_start:m.hedge_start + len(m.hedge_text)] == m.hedge_text
    report = numcheck.check(text, lang=lang, rates=FixedRates(), date="2024-11-19")
    for f in report.findings:
        assert f.message
        assert text[f.target.start:f.target.end] == f.target.text
