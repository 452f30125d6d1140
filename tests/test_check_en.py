"""Table-driven verdict tests on English copy, with the ECB rates bundled offline.

Rates used (ECB): 2024-11-19 USD/SEK 10.951, EUR/USD 1.0578; 2014-07-02 USD/SEK 6.55.
"""

import pytest

import numcheck
from numcheck import Verdict

D = "2024-11-19"
C, I, U, A = Verdict.CONSISTENT, Verdict.INCONSISTENT, Verdict.UNVERIFIABLE, Verdict.AMBIGUOUS

CONSISTENT = [
    "a new weapons package worth at least $275 million, equivalent to approximately 3 billion kronor",
    "a $275 million package (about 3 billion kronor)",
    "a $275 million package (3.01 billion kronor)",
    "a $275 million package, or about 3 billion Swedish kronor,",
    "a $275 million package – roughly 3 billion kronor – was announced",
    "$275 million, which is about 3 billion kronor",
    "3 billion kronor converted from $275 million",
    "a €100 million grant (about $106 million)",
    "€100m ($105.8m)",
    "£1.2bn (€1.4bn)",
    "$2–3 million (€1.9–2.8 million)",
    "$275 million (more than 2.5 billion kronor)",
    "$275 million (nearly 3.1 billion kronor)",
    "$275 million (just over 3 billion kronor)",
    "$275 million (under 3.5 billion kronor)",
    "10,000 dollars (around 109,500 kronor)",
    "half a billion dollars (about 5.5 billion kronor)",
    "$1 million (€945,000)",
]

PLANTED = [
    # scale slip
    ("a $275 million package, equivalent to approximately 3 million kronor", "scale slip"),
    ("worth $275 million (about 3 million kronor)", "scale slip"),
    # rate applied the wrong way round
    ("a $275 million package, equivalent to approximately 25 million kronor", "wrong way round"),
    # wrong currency: the euro figure converted as if it were dollars
    ("€127 million (1.39 billion kronor)", "from USD, not EUR"),
    # hedge pointing the wrong way: the value is 3.01 bn, "more than 3.5 bn" does not hold
    ("$275 million (more than 3.5 billion kronor)", "more than"),
    # "up to 2.5 billion" cannot be $275M
    ("$275 million (up to 2.5 billion kronor)", "up to"),
    # a stale rate, from 2014 (6.5 SEK/USD)
    ("$275 million, equivalent to approximately 1.8 billion kronor", "stale rate"),
    # precise figure, clearly off
    ("$275 million (3.3 billion kronor)", None),
]

NO_CLAIM = [
    "a $7 billion fund and a separate €2 billion loan",
    "$5 million, plus €3 million next year",
    "It cost $5 million. Another €3 million came later.",
    "$5 million (about $4.8 million after fees)",
    "the over $7 billion allocated by Congress for support to Ukraine",
    "Over 160 countries, 2 billion people and 3 million soldiers (in 2024)",
    "F-16s (at least 20) and 3 billion kronor",
]


@pytest.mark.parametrize("text", CONSISTENT)
def test_consistent(text):
    r = numcheck.check(text, date=D)
    assert [f.verdict for f in r.findings] == [C], [f.message for f in r.findings]


@pytest.mark.parametrize("text,hint", PLANTED)
def test_planted_errors(text, hint):
    r = numcheck.check(text, date=D)
    assert r.findings and r.findings[-1].verdict is I, [f.message for f in r.findings]
    f = r.findings[-1]
    assert f.suggestion and f.suggestion.startswith("≈ ")
    if hint:
        assert hint in f.message


@pytest.mark.parametrize("text", NO_CLAIM)
def test_no_claim_from_adjacency(text):
    assert numcheck.check(text, date=D).findings == ()


def test_seed_finding_fields():
    seed = open("seeds/ukraine-aid-2024-11-19.txt", encoding="utf-8").read()
    r = numcheck.check(seed, date=D)
    (f,) = r.findings
    assert f.kind == "money" and f.verdict is C
    assert (f.source.unit, f.source.value) == ("USD", 275e6)
    assert (f.target.unit, f.target.value) == ("SEK", 3e9)
    assert f.expected == pytest.approx(3.0115e9, rel=1e-3)
    assert f.rate.value == pytest.approx(10.951, rel=1e-4)
    assert str(f.rate.date) == D and f.rate.provider == "ECB"
    assert f.message == ("stated approximately 3 billion SEK; $275 million at 10.951 SEK/USD (ECB, 2024-11-19)"
                         " is 3.01 billion SEK — within the rounding of “3 billion”")
    assert seed[f.target.start:f.target.end] == "3 billion kronor"
    assert r.ok


def test_seed_with_planted_scale_slip():
    seed = open("seeds/ukraine-aid-2024-11-19.txt", encoding="utf-8").read().replace("3 billion kronor", "3 million kronor")
    (f,) = numcheck.check(seed, date=D).findings
    assert f.verdict is I
    assert f.suggestion == "≈ 3 billion kronor"
    assert "10.951 SEK/USD (ECB, 2024-11-19)" in f.message


def test_rounding_of_the_stated_figure():
    # "3 billion" is 2.5–3.5 billion; "3.0 billion" is 2.95–3.05 billion (plus 3% drift)
    assert numcheck.check("$295 million (about 3 billion kronor)", date=D).findings[0].verdict is C
    assert numcheck.check("$295 million (about 3.0 billion kronor)", date=D).findings[0].verdict is I


def test_tolerance_is_configurable():
    text = "$275 million (3.1 billion kronor)"  # 3.0115 expected: 2.9% off, 1.6% rounding
    assert numcheck.check(text, date=D).findings[0].verdict is C
    assert numcheck.check(text, date=D, tolerance=0.0).findings[0].verdict is I


def test_rounded_source_is_ambiguous_not_a_false_alarm():
    # $3 billion may be rounded from $2.75 billion, which gives €2.6 billion
    (f,) = numcheck.check("$3 billion (€2.6 billion)", date=D).findings
    assert f.verdict is A and "rounded" in f.message


def test_noun_before_bare_parenthesis_is_a_weak_pairing():
    (f,) = numcheck.check("a $7 billion fund (€2 billion of it from the EU)", date=D).findings
    assert f.verdict is A and "uncertain" in f.message


def test_round_source_with_wrong_currency_is_ambiguous_with_the_hint():
    (f,) = numcheck.check("€100 million (1.095 billion kronor)", date=D).findings
    assert f.verdict is A and "from USD, not EUR" in f.message


def test_weak_cue_downgrades_inconsistency():
    (f,) = numcheck.check("tickets cost $50, or 100 euros for a family", date=D).findings
    assert f.verdict is A


def test_weekend_uses_last_published_day():
    (f,) = numcheck.check("$275 million (about 3 billion kronor)", date="2024-11-17").findings
    assert str(f.rate.date) == "2024-11-15"
    assert "weekend" in f.message


def test_unquoted_currency_is_unverifiable():
    (f,) = numcheck.check("1 million rubles (about $10,000)".replace("rubles", "RUB"), date=D).findings
    assert f.verdict is U and "RUB" in f.message


def test_date_beyond_data_is_unverifiable():
    (f,) = numcheck.check("$275 million (about 3 billion kronor)", date="2031-01-01").findings
    assert f.verdict is U and "ends on" in f.message


def test_no_date_uses_latest_and_says_so():
    (f,) = numcheck.check("$275 million (about 3 billion kronor)").findings
    assert "no article date" in f.message


def test_ambiguous_currency_lists_candidates():
    (f,) = numcheck.check("a 500 kroner ($50) fee", date=D).findings
    assert f.verdict is A and "DKK" in f.message and "NOK" in f.message


def test_same_verdict_for_every_candidate_is_kept():
    (f,) = numcheck.check("a 500 kroner ($5,000) fee", date=D).findings  # wrong for DKK and NOK alike
    assert f.verdict is I


@pytest.mark.parametrize("bad", ["2024-13-01", "yesterday", "19/11/2024"])
def test_invalid_date(bad):
    with pytest.raises(numcheck.InputError, match="invalid date"):
        numcheck.check("$5", date=bad)


@pytest.mark.parametrize("bad", [-0.1, 1.5, "lots"])
def test_invalid_tolerance(bad):
    with pytest.raises(numcheck.InputError, match="tolerance"):
        numcheck.check("$5", tolerance=bad)


def test_unknown_language():
    with pytest.raises(numcheck.InputError, match="unsupported language"):
        numcheck.check("$5", lang="xx")


def test_undated_text_is_not_judged_by_todays_rate_alone():
    # correct in autumn 2013 (EUR/SEK ≈ 8.6), off at the latest rate: without a date, ambiguous
    (f,) = numcheck.check("ten million euros (about 86 million kronor)").findings
    assert f.verdict is A and "give the article's date" in f.message
    (g,) = numcheck.check("ten million euros (about 86 million kronor)", date="2013-10-04").findings
    assert g.verdict is C
    (h,) = numcheck.check("ten million euros (about 86 billion kronor)").findings
    assert h.verdict is I  # no day's rate fits a scale slip


@pytest.mark.parametrize("text", [
    "to buy 500 dlrs for either 182.50 marks or 149.50 yen",  # alternatives
    "2,360 stg per tonne, equivalent to 1.7175 dlrs per lb",  # prices per different units
])
def test_found_on_real_wire_copy_not_claims(text):
    assert numcheck.check(text, date="2001-03-23").findings == ()


@pytest.mark.parametrize("text,date", [
    ("FRF 1 million (about €152,000)", "2001-03-25"),
    ("HRK 1 million (about €133,000)", "2023-03-25"),
    ("100 million lire (about €51,600)", "2001-03-25"),
    ("£2,360 per tonne ($3,365 per tonne)", "2001-03-23"),
])
def test_legacy_codes_names_and_same_unit_prices(text, date):
    (f,) = numcheck.check(text, date=date).findings
    assert f.verdict is C, f.message


def test_roubles_are_russian():
    (m, _) = numcheck.extract("5 million roubles (about $170,000)")
    assert m.unit == "RUB"
