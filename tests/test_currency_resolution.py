"""Ambiguous currency symbols and words, resolved strongest evidence first: an explicit
qualifier, then the document's language and region, then currency_hints, then the text
itself; what is still ambiguous is reported as ambiguous with its candidates — unless
every candidate gives the same verdict."""

from __future__ import annotations

import pytest

import numcheck
from numcheck import InputError, Verdict
from langs_support import FixedRates

CANADA = "Ottawa pledged $500 million (€340 million) to help Canada's farmers."


def _check(text, **kw):
    kw.setdefault("rates", FixedRates())
    kw.setdefault("date", "2024-11-19")
    return numcheck.check(text, **kw)


# (lang, text, surface of the first money mention → its candidates)
CANDIDATES = [
    ("en", "The bill came to $40 million.", ("USD",)),
    ("en", CANADA, ("USD", "CAD")),
    ("en-US", CANADA, ("USD",)),
    ("en-CA", "The province spent $40 million.", ("CAD",)),
    ("en-CA", "The province spent US$40 million.", ("USD",)),
    ("en", "Canada spent C$40 million.", ("CAD",)),
    ("en", "The fund holds 40 billion kronor.", ("SEK",)),
    ("en", "The fund holds 40 billion kroner.", ("DKK", "NOK")),
    ("en", "The ticket costs 400 kr per person.", ("NOK", "SEK")),
    ("en", "The ticket costs 400 kr.", ("DKK", "NOK", "SEK")),
    ("en", "In Sweden the ticket costs 400 kr per person.", ("SEK",)),
    ("en", "Norway and Denmark pledged 5 billion kroner.", ("NOK", "DKK")),
    ("en", "Norway pledged 5 billion kroner.", ("NOK",)),
    ("en", "The fund holds 40 billion Swedish kronor.", ("SEK",)),
    ("en", "The fund holds SEK 40 billion.", ("SEK",)),
    ("sv", "Biljetten kostar 400 kr.", ("SEK",)),
    ("sv", "Biljetten kostar 400 norska kronor.", ("NOK",)),
    ("nb", "Billetten koster 400 kr.", ("NOK",)),
    ("no", "Billetten koster 400 kroner.", ("NOK",)),
    ("da", "Billetten koster 400 kr.", ("DKK",)),
    ("da", "Billetten koster 400 svenske kroner.", ("SEK",)),
    ("sv", "Kanada lovar 500 miljoner dollar till bönderna.", ("USD", "CAD")),
    ("de", "Kanada zahlt 500 Millionen Dollar.", ("USD", "CAD")),
    ("de", "Die USA zahlen 500 Millionen Dollar.", ("USD",)),
    ("fr", "Le Canada versera 500 millions de dollars.", ("USD", "CAD")),
    ("fr-CA", "Québec versera 500 millions $.", ("CAD",)),
    ("es", "El gobierno de México destinó $500 millones.", ("USD", "MXN")),
    ("es-MX", "El gobierno destinó $500 millones.", ("MXN",)),
    ("es-MX", "El gobierno destinó US$500 millones.", ("USD",)),
    ("de-CH", "Der Bund zahlt 500 Millionen Franken.", ("CHF",)),
]


@pytest.mark.parametrize("lang,text,cands", CANDIDATES, ids=[f"{c[0]}:{c[1][:35]}" for c in CANDIDATES])
def test_candidates(lang, text, cands):
    m = [m for m in numcheck.extract(text, lang=lang) if m.kind == "money"][0]
    assert tuple(sorted(m.candidates)) == tuple(sorted(cands)), (m.text, m.candidates)
    assert m.unit in cands


def test_dollar_in_canadian_text_is_ambiguous_with_candidates():
    f = _check(CANADA).findings[0]
    assert f.verdict is Verdict.AMBIGUOUS
    assert "USD" in f.message and "CAD" in f.message


def test_region_decides_before_the_text():
    assert _check(CANADA, lang="en-US").findings[0].verdict is Verdict.INCONSISTENT
    assert _check(CANADA, lang="en-CA").findings[0].verdict is Verdict.CONSISTENT


def test_currency_hints_decide_what_language_and_region_leave_open():
    assert _check(CANADA, currency_hints={"$": "CAD"}).findings[0].verdict is Verdict.CONSISTENT
    assert _check(CANADA, currency_hints={"$": "USD"}).findings[0].verdict is Verdict.INCONSISTENT
    # the region of the tag outranks a hint
    assert _check(CANADA, lang="en-US", currency_hints={"$": "CAD"}).findings[0].verdict is Verdict.INCONSISTENT


def test_same_verdict_under_every_reading_stands_with_a_note():
    f = _check("Ottawa pledged $500 million (€50 million) to help Canada's farmers.").findings[0]
    assert f.verdict is Verdict.INCONSISTENT
    assert any("several readings" in n for n in f.notes)


def test_kroner_in_english_is_ambiguous_until_hinted():
    text = "Oslo pledged 5 billion kroner ($470 million) to the fund."
    assert _check(text).findings[0].verdict is Verdict.AMBIGUOUS
    assert _check(text, currency_hints={"kroner": "NOK"}).findings[0].verdict is Verdict.CONSISTENT
    assert _check(text, currency_hints={"kroner": "DKK"}).findings[0].verdict is Verdict.INCONSISTENT
    # written in Norwegian, the language decides
    assert _check("Oslo lover 5 milliarder kroner (470 millioner dollar) til fondet.", lang="nb").findings[0].verdict is Verdict.CONSISTENT


@pytest.mark.parametrize("hints", [["$", "CAD"], {"$": "cad"}, {"$": 5}, {"$": []}])
def test_bad_hints_are_one_clear_error(hints):
    with pytest.raises(InputError) as e:
        _check(CANADA, currency_hints=hints)
    assert "currency_hints" in str(e.value) and "\n" not in str(e.value)


def test_unsupported_language_is_one_clear_error():
    with pytest.raises(InputError) as e:
        numcheck.extract("5 euro", lang="xx")
    assert "unsupported language" in str(e.value)
