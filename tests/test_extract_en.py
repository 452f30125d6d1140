"""Table-driven extraction tests: real English phrasings → (value, currency, hedge)."""

import pytest

import numcheck
from numcheck.model import Hedge

# (text, [(mention text, value, value_max, ISO code, hedge)])
CASES = [
    ("a new weapons package worth at least $275 million, equivalent to approximately 3 billion kronor",
     [("$275 million", 275e6, None, "USD", Hedge.AT_LEAST), ("3 billion kronor", 3e9, None, "SEK", Hedge.APPROX)]),
    ("the over $7 billion allocated by Congress", [("$7 billion", 7e9, None, "USD", Hedge.AT_LEAST)]),
    ("USD34.6 million in fees", [("USD34.6 million", 34.6e6, None, "USD", None)]),
    ("a loan of USD 275m", [("USD 275m", 275e6, None, "USD", None)]),
    ("a 275m USD deal", [("275m USD", 275e6, None, "USD", None)]),
    ("costs €1,250.50 a month", [("€1,250.50", 1250.5, None, "EUR", None)]),
    ("profits of £1.2bn", [("£1.2bn", 1.2e9, None, "GBP", None)]),
    ("a ¥500 billion budget", [("¥500 billion", 500e9, None, "JPY", None)]),
    ("C$3 million and A$4 million and HK$5 million",
     [("C$3 million", 3e6, None, "CAD", None), ("A$4 million", 4e6, None, "AUD", None), ("HK$5 million", 5e6, None, "HKD", None)]),
    ("US$5bn in bonds", [("US$5bn", 5e9, None, "USD", None)]),
    ("three billion Swedish kronor", [("three billion Swedish kronor", 3e9, None, "SEK", None)]),
    ("half a billion dollars", [("half a billion dollars", 0.5e9, None, "USD", None)]),
    ("a million dollars", [("a million dollars", 1e6, None, "USD", None)]),
    ("two and a half million euros", [("two and a half million euros", 2.5e6, None, "EUR", None)]),
    ("500 pounds sterling", [("500 pounds sterling", 500, None, "GBP", None)]),
    ("2,000 yen", [("2,000 yen", 2000, None, "JPY", None)]),
    ("$2–3 million", [("$2–3 million", 2e6, 3e6, "USD", None)]),
    ("between $2m and $3m", [("$2m and $3m", 2e6, 3e6, "USD", None)]),
    ("$2 million to $3 million", [("$2 million to $3 million", 2e6, 3e6, "USD", None)]),
    ("nearly $40,000", [("$40,000", 40000, None, "USD", Hedge.NEAR_BELOW)]),
    ("up to €5bn", [("€5bn", 5e9, None, "EUR", Hedge.AT_MOST)]),
    ("roughly $3 trillion", [("$3 trillion", 3e12, None, "USD", Hedge.APPROX)]),
    ("some 40 million euros", [("40 million euros", 40e6, None, "EUR", Hedge.APPROX)]),
    ("less than $1 million", [("$1 million", 1e6, None, "USD", Hedge.AT_MOST)]),
    ("more than 1.5 billion kronor", [("1.5 billion kronor", 1.5e9, None, "SEK", Hedge.AT_LEAST)]),
    ("spent 10 Swiss francs", [("10 Swiss francs", 10, None, "CHF", None)]),
    ("$300k", [("$300k", 300e3, None, "USD", None)]),
    ("$4.5MM", [("$4.5MM", 4.5e6, None, "USD", None)]),
    # two amounts that are a change, not a range
    ("rose from $2m to $3m", [("$2m", 2e6, None, "USD", None), ("$3m", 3e6, None, "USD", None)]),
]

DISTRACTORS = [
    "The F-16 and the Boeing 737 flew in 2024.",
    "Inflation was 5% in 1999 and 3.2 percent in 2023.",
    "The meeting starts at 10:30 on 12 March; call 555-1234.",
    "Over 160 countries signed the convention.",
    "They won 2-1 and the vote was 5-4.",
    "The 3 billion people affected and the 275 million voters.",
    "Page 10 of the 737 MAX report.",
    "A $-sign and an € alone are not amounts.",
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_extract(text, expected):
    got = [(m.text, m.value, m.value_max, m.unit, m.hedge) for m in numcheck.extract(text)]
    assert got == [(t, pytest.approx(v), None if vm is None else pytest.approx(vm), u, h) for t, v, vm, u, h in expected]


@pytest.mark.parametrize("text", DISTRACTORS)
def test_distractors_are_not_money(text):
    assert numcheck.extract(text) == []


def test_spans_slice_the_text():
    text = "It costs about $5 million (€4.6 million), or some 50 million kronor."
    for m in numcheck.extract(text):
        assert text[m.start:m.end] == m.text
        assert text[m.number_start:m.number_start + len(m.number_text)] == m.number_text
        if m.hedge_start is not None:
            assert text[m.hedge_start:m.hedge_start + len(m.hedge_text)] == m.hedge_text


def test_precision_step_follows_the_writing():
    three, three_oh, exact = numcheck.extract("3 billion kronor, 3.0 billion kronor, 3,000,000 kronor")
    assert three.step == pytest.approx(1e9)
    assert three_oh.step == pytest.approx(1e8)
    assert exact.step == pytest.approx(6e5)  # trailing zeros read as rounding, by ±10% at most


def test_ambiguous_word_keeps_candidates():
    (m,) = numcheck.extract("a fee of 500 kroner")
    assert set(m.candidates) == {"DKK", "NOK"}
    assert m.ambiguous


def test_wire_style_capitals():
    got = [(m.text, m.value, m.unit) for m in numcheck.extract("100 MLN DLRS and 5 Billion Dollars")]
    assert got == [("100 MLN DLRS", 1e8, "USD"), ("5 Billion Dollars", 5e9, "USD")]


@pytest.mark.parametrize("text,value,code", [
    ("shares fell 34 cents", 0.34, "USD"),
    ("a bid of 470 pence a share", 4.7, "GBP"),
    ("it closed one penny lower", 0.01, "GBP"),
    ("a stamp for 93 euro cents", 0.93, "EUR"),
])
def test_sub_units_alone_are_hundredths(text, value, code):
    (m,) = numcheck.extract(text)
    assert (m.value, m.unit) == (pytest.approx(value), code)


def test_euro_cents_are_not_euros():
    (f,) = numcheck.check("it costs 99 cents (about 93 euro cents)", date="2024-11-19").findings
    assert f.verdict is numcheck.Verdict.CONSISTENT
