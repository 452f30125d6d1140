"""Currency eras and the provider chain: legacy euro currencies at their irrevocable rates
from their adoption day, market rates before it, and retired quotes unverifiable."""

from __future__ import annotations

from datetime import date

import pytest

import numcheck
from numcheck.errors import InputError, RateUnavailable
from numcheck.model import Rate, Verdict
from numcheck.conversion.rates import ChainProvider, get_provider, resolve
from numcheck.conversion.rates.eras import EuroEras, legacy_currencies

# The irrevocable conversion rates (units per euro) and adoption days, as the Council fixed
# them; the data file must say the same.
FIXED = [
    ("DEM", 1.95583, "1999-01-01"), ("FRF", 6.55957, "1999-01-01"), ("ITL", 1936.27, "1999-01-01"),
    ("ESP", 166.386, "1999-01-01"), ("NLG", 2.20371, "1999-01-01"), ("BEF", 40.3399, "1999-01-01"),
    ("LUF", 40.3399, "1999-01-01"), ("ATS", 13.7603, "1999-01-01"), ("PTE", 200.482, "1999-01-01"),
    ("FIM", 5.94573, "1999-01-01"), ("IEP", 0.787564, "1999-01-01"), ("GRD", 340.750, "2001-01-01"),
    ("SIT", 239.640, "2007-01-01"), ("CYP", 0.585274, "2008-01-01"), ("MTL", 0.429300, "2008-01-01"),
    ("SKK", 30.1260, "2009-01-01"), ("EEK", 15.6466, "2011-01-01"), ("LVL", 0.702804, "2014-01-01"),
    ("LTL", 3.45280, "2015-01-01"), ("HRK", 7.53450, "2023-01-01"), ("BGN", 1.95583, "2026-01-01"),
    ("XEU", 1.0, "1999-01-01"),  # the ECU, one for one
]


#: Currencies pegged to the euro from its first day (not replaced by it): the CFA francs.
PEGS = [("XOF", 655.957, "1999-01-01"), ("XAF", 655.957, "1999-01-01")]


def test_data_file_holds_every_fixed_rate():
    data = legacy_currencies()
    assert sorted(c for c in data if not data[c].peg) == sorted(c for c, _, _ in FIXED)
    assert sorted(c for c in data if data[c].peg) == sorted(c for c, _, _ in PEGS)
    for code, rate, adopted in FIXED:
        assert data[code].per_euro == rate
        assert data[code].adopted == date.fromisoformat(adopted)


@pytest.mark.parametrize("code, rate, adopted", FIXED)
def test_fixed_rate_applies_from_adoption_day(code, rate, adopted):
    day = date.fromisoformat(adopted)
    r = resolve("ecb").rate(code, "EUR", day)
    assert r.value == pytest.approx(1 / rate, rel=1e-12)
    assert r.provider == "euro fixed rates"
    assert f"{code} converted at its irrevocable euro rate" in r.note
    assert resolve("ecb").rate("EUR", code, day).value == pytest.approx(rate, rel=1e-12)


@pytest.mark.parametrize(
    "code, before",
    [("SIT", "2006-12-29"), ("CYP", "2007-12-31"), ("SKK", "2008-12-31"), ("EEK", "2010-12-31"),
     ("LVL", "2013-12-31"), ("LTL", "2014-12-31"), ("HRK", "2022-12-30"), ("BGN", "2025-12-31")],
)
def test_before_adoption_the_ecb_market_rate_is_used(code, before):
    r = resolve("ecb").rate("EUR", code, date.fromisoformat(before))
    assert r.provider == "ECB" and r.date == date.fromisoformat(before)


def test_hrk_market_rate_then_fixed():
    eras = resolve("ecb")
    market = eras.rate("EUR", "HRK", date(2020, 3, 16))
    assert market.provider == "ECB" and abs(market.value - 7.5345) > 0.01  # kuna floated then
    assert eras.rate("EUR", "HRK", date(2023, 1, 2)).value == 7.5345


def test_legacy_to_other_currency_goes_through_the_ecb_euro_rate():
    eras = resolve("ecb")
    r = eras.rate("DEM", "USD", date(2001, 6, 1))
    eur_usd = get_provider("ecb").rate("EUR", "USD", date(2001, 6, 1)).value
    assert r.value == pytest.approx(eur_usd / 1.95583)
    assert r.provider == "ECB + euro fixed rate" and r.date == date(2001, 6, 1)
    cross = eras.rate("DEM", "FRF", date(2001, 6, 1))
    assert cross.value == pytest.approx(6.55957 / 1.95583)


def test_legacy_before_the_euro_is_unavailable():
    with pytest.raises(RateUnavailable, match="the ECB history starts on 1999-01-04"):
        resolve("ecb").rate("DEM", "USD", date(1998, 6, 1))


# The era test from the issue, end to end through numcheck.check ("marks" → DEM).
ERA_TEXTS = [
    ("Bonuses of 1 million marks (about €511,000) were paid.", "2001-06-01", Verdict.CONSISTENT),
    ("The club paid 1 million marks (about $433,000) for him.", "2001-06-01", Verdict.CONSISTENT),
    ("The club paid 1.25 million marks (about €800,000) for him.", "2001-06-01", Verdict.INCONSISTENT),
    ("It cost 1 million French francs (about €152,000).", "2002-06-01", Verdict.CONSISTENT),
    ("Bonuses of 1 million marks (about €511,000) were paid.", "1998-06-01", Verdict.UNVERIFIABLE),
]


@pytest.mark.parametrize("text, day, verdict", ERA_TEXTS)
def test_eras_end_to_end(text, day, verdict):
    (f,) = numcheck.check(text, date=day).findings
    assert f.verdict is verdict, f.message


def test_marks_example_says_how_it_converted():
    (f,) = numcheck.check("1 million marks (about €511,000)", date="2001-06-01").findings
    assert f.verdict is Verdict.CONSISTENT
    assert f.expected == pytest.approx(1e6 / 1.95583)
    assert "irrevocable euro rate, 1.95583 DEM/EUR since 1999-01-01" in f.message


def test_rub_after_suspension_is_unverifiable_with_reason():
    (f,) = numcheck.check("It cost RUB 1 billion (about $11 million).", date="2024-03-05").findings
    assert f.verdict is Verdict.UNVERIFIABLE
    assert "the ECB has not quoted RUB since 2022-03-01" in f.message
    with pytest.raises(RateUnavailable, match="has not quoted RUB since 2022-03-01"):
        resolve("ecb").rate("RUB", "EUR", date(2022, 3, 2))
    # the last day it was quoted still works
    assert resolve("ecb").rate("EUR", "RUB", date(2022, 3, 1)).provider == "ECB"


# -- the chain --------------------------------------------------------------------------


class Fixed:
    """A provider with one pair, or none: for chain tests."""

    def __init__(self, name, pairs):
        self.name, self.pairs, self.asked = name, pairs, 0

    def rate(self, base, quote, day):
        self.asked += 1
        if (base, quote) not in self.pairs:
            raise RateUnavailable(f"no {base}/{quote}")
        return Rate(base, quote, self.pairs[(base, quote)], day, self.name, day)

    def currencies(self, day=None):
        return frozenset(c for p in self.pairs for c in p)


def test_chain_first_answer_wins_and_later_ones_are_not_asked():
    a, b = Fixed("a", {("USD", "SEK"): 10.0}), Fixed("b", {("USD", "SEK"): 11.0})
    r = ChainProvider([a, b]).rate("USD", "SEK", date(2024, 11, 19))
    assert (r.value, r.provider, r.note) == (10.0, "a", None)
    assert b.asked == 0


def test_chain_notes_who_was_passed_over():
    a, b = Fixed("a", {}), Fixed("b", {("USD", "SEK"): 11.0})
    r = ChainProvider([a, b]).rate("USD", "SEK", None)
    assert r.provider == "b" and r.note == "a: no USD/SEK"


def test_chain_all_fail_joins_every_reason():
    with pytest.raises(RateUnavailable, match="^a: no USD/SEK; b: no USD/SEK$"):
        ChainProvider([Fixed("a", {}), Fixed("b", {})]).rate("USD", "SEK", None)


def test_resolve_forms():
    assert isinstance(resolve(None), EuroEras)
    own = Fixed("own", {})
    assert resolve(own) is own  # a provider object is used as it is
    chain = resolve(["ecb", own])
    assert isinstance(chain, EuroEras) and isinstance(chain.inner, ChainProvider)
    assert chain.name == "ECB+own"
    assert isinstance(resolve("ecb, live").inner, ChainProvider)  # a comma-separated string
    assert get_provider("ecb") is get_provider("ecb")


def test_unknown_provider_names_the_known_ones():
    with pytest.raises(InputError, match=r"unknown rate provider 'fixer' \(known: ecb, live, table:PATH\)"):
        resolve(["fixer"])


def test_chain_stale_rate_hint_uses_the_ecb_history():
    chain = resolve([Fixed("a", {}), "ecb"])
    assert chain.nearest_day_for("USD", "SEK", 10.951, 0.0005) is not None


def test_wrapper_exposes_the_wrapped_provider():
    eras = resolve("ecb")
    assert eras.max_age_days == 30 and eras.history.first == date(1999, 1, 4)


@pytest.mark.parametrize("code, rate, adopted", PEGS)
def test_cfa_francs_convert_at_their_euro_peg(code, rate, adopted):
    r = resolve("ecb").rate(code, "EUR", date(2024, 3, 1))
    assert r.value == pytest.approx(1 / rate, rel=1e-12)
    assert f"{code} converted at its fixed euro peg" in r.note


# Undated copy that names a replaced currency was written before the euro replaced it: its
# rate against a currency the euro did not fix cannot be known, so the claim is unverifiable
# (never judged at today's dollar rate); against the euro or another replaced currency the
# fixed rates still decide, and a peg (CFA francs) is a living currency like any other.
@pytest.mark.parametrize(
    "text, lang, verdict",
    [
        ("The deal was worth 500 million pesetas ($10 million).", "en", Verdict.UNVERIFIABLE),
        ("El acuerdo vale 500 millones de pesetas (10 millones de dólares).", "es", Verdict.UNVERIFIABLE),
        ("Der Vertrag war 50 Millionen D-Mark (rund 40 Millionen Dollar) wert.", "de", Verdict.UNVERIFIABLE),
        ("The deal was worth 500 million pesetas (about 3 million euros).", "en", Verdict.CONSISTENT),
        ("The deal was worth 500 million pesetas (about 30 million euros).", "en", Verdict.INCONSISTENT),
        # undated French "francs": Swiss today or French of their day — both readings, no false alarm
        ("Le contrat valait 50 millions de francs (environ 7,6 millions d'euros).", "fr", Verdict.AMBIGUOUS),
        ("Der Vertrag war 50 Millionen D-Mark (rund 25 Millionen Euro) wert.", "de", Verdict.CONSISTENT),
        ("Es kostete 50 Mio. DM (rund 25 Mio. Euro).", "de", Verdict.CONSISTENT),
        ("Es kostete 50 Mio. DM (rund 2,5 Mio. Euro).", "de", Verdict.INCONSISTENT),
    ],
)
def test_undated_replaced_currency_needs_the_date_unless_the_euro_fixes_both(text, lang, verdict):
    found = [f for f in numcheck.check(text, lang=lang).findings if f.kind == "money"]
    assert [f.verdict for f in found] == [verdict], [f.message for f in found]
    if verdict is Verdict.UNVERIFIABLE:
        assert "replaced by the euro" in found[0].message and "give the article's date" in found[0].message


def test_undated_replaced_currency_raises_only_without_a_date():
    p = EuroEras(get_provider("ecb"))
    with pytest.raises(RateUnavailable, match="ESP was replaced by the euro on 1999-01-01"):
        p.rate("ESP", "USD", None)
    assert p.rate("ESP", "USD", date(2001, 6, 1)).value > 0
    assert p.rate("ESP", "DEM", None).value == pytest.approx(1.95583 / 166.386)
    assert p.rate("XOF", "USD", None).value > 0


@pytest.mark.parametrize(
    "text, lang, unit",
    [
        ("Es kostete 2,5 Mrd. DM.", "de", "DEM"),  # the mark in capitals, not decimetres
        ("Das Brett ist 3 dm lang.", "de", "decimeter"),
        ("Die Mauer ist 4 dm dick, also 40 cm.", "de", "decimeter"),
        ("The road is 5 KM long.", "en", "kilometer"),  # a unit in capitals stays a unit
    ],
)
def test_a_currency_symbol_as_written_beats_a_unit_matched_by_folding_case(text, lang, unit):
    assert numcheck.extract(text, lang=lang)[0].unit == unit
