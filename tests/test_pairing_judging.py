"""The pairing and judging stages on their own, table-driven (as price-parser tests its
helpers): pairing gets the extraction stage's mentions, judging a fixed Conversion, so no
rate provider, date or pipeline is involved."""

from __future__ import annotations

import pytest

from numcheck.extraction import extract
from numcheck.judging.verdicts import evaluate, judge
from numcheck.language import get_lexicon
from numcheck.model import Conversion, Hedge, Verdict
from numcheck.pairing.claims import find_claims


def pairs(text: str, lang: str = "en") -> list[tuple[str, str, str]]:
    claims = find_claims(text, extract(text, lang=lang), lang=lang)
    return [(c.source.text, c.target.text, c.strength) for c in claims]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "a package worth $275 million, equivalent to about 3 billion kronor",
     [("$275 million", "3 billion kronor", "strong")]),
    ("en", "a $7 billion fund and a separate €2 billion loan", []),  # adjacency is no claim
    ("en", "$5m (about $4.8m after fees)", []),  # same unit: a restatement
    ("en", "a 10-mile (16 km) stretch", [("10-mile", "16 km", "strong")]),
    ("en", "10 miles (16 kg)", []),  # a length never converts to a mass
    ("en", "either 182.50 marks or 149.50 yen", []),  # alternatives
    ("sv", "ett paket värt 275 miljoner dollar, motsvarande cirka 3 miljarder kronor",
     [("275 miljoner dollar", "3 miljarder kronor", "strong")]),
    ("de", "CHF 12.234,50 (umgerechnet etwa EUR 13.100)", [("CHF 12.234,50", "EUR 13.100", "strong")]),
])
def test_pairing(lang, text, expected):
    got = pairs(text, lang)
    assert [(s, t) for s, t, _ in got] == [(s, t) for s, t, _ in expected]
    assert [k for _, _, k in got] == [k for _, _, k in expected]


def claim_of(text: str, lang: str = "en"):
    (claim,) = find_claims(text, extract(text, lang=lang), lang=lang)
    return claim


USD_SEK = Conversion("USD", "SEK", 10.951, 0.0, None, "10.951 SEK/USD (test)")


@pytest.mark.parametrize("text, conv, verdict", [
    # 275e6 × 10.951 = 3.01e9: within the rounding of "3 billion"
    ("$275 million, equivalent to about 3 billion kronor", USD_SEK, Verdict.CONSISTENT),
    ("$275 million, equivalent to about 2 billion kronor", USD_SEK, Verdict.INCONSISTENT),
    ("$275 million, equivalent to about 30 billion kronor", USD_SEK, Verdict.INCONSISTENT),
    # "more than 3 billion": 3.01 billion is more than 3 billion
    ("$275 million, equivalent to more than 3 billion kronor", USD_SEK, Verdict.CONSISTENT),
    # the writer's rounding: "2.9 billion" allows less than "3 billion" did, yet 3.01 is near
    ("$275 million, equivalent to less than 2.9 billion kronor", USD_SEK, Verdict.CONSISTENT),
    ("$275 million, equivalent to less than 2.50 billion kronor", USD_SEK, Verdict.INCONSISTENT),
])
def test_evaluate_with_a_fixed_conversion(text, conv, verdict):
    assert evaluate(claim_of(text), conv, 0.03).verdict is verdict


def test_hedge_is_read_by_extraction_and_used_by_judging():
    c = claim_of("$275 million, equivalent to at least 3.50 billion kronor")
    assert c.target.hedge is Hedge.AT_LEAST
    assert evaluate(c, Conversion("USD", "SEK", 10.0), 0.03).verdict is Verdict.INCONSISTENT  # 2.75 < 3.50
    assert evaluate(c, Conversion("USD", "SEK", 13.0), 0.03).verdict is Verdict.CONSISTENT  # 3.575 ≥ 3.50


@pytest.mark.parametrize("factors, verdict", [
    ((10.951,), Verdict.CONSISTENT),
    ((10.951, 10.94), Verdict.CONSISTENT),  # readings that agree
    ((10.951, 5.0), Verdict.AMBIGUOUS),  # readings that disagree: never a false alarm
])
def test_judge_over_several_readings(factors, verdict):
    c = claim_of("$275 million, equivalent to about 3 billion kronor")
    convs = [Conversion("USD", "SEK", f, 0.0, None, f"{f} SEK/USD") for f in factors]
    assert judge(c, convs, get_lexicon("en")).verdict is verdict
